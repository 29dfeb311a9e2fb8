package org.pbannex.table;

/**
 * A documented difference between a published figure and the printed document: which cell, both values and why.
 * Every run reports them, and checks that the published value is still the one documented.
 */
public record PrintedDifference(String table, String row, String column, String printed, String published, Text explanation) {

    public String describe(Language language) {
        return table + " / " + row + " / " + column + ": printed " + printed + ", published " + published + " — "
                + explanation.in(language);
    }
}
