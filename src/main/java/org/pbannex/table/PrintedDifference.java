package org.pbannex.table;

/**
 * A documented difference between a published figure and the printed document: which cell, both values and why.
 * Every run reports them, and checks that the published value is still the one documented.
 */
public record PrintedDifference(String table, String row, String column, String printed, String published, Text explanation) {

    private static final Text WORDING = new Text("{cell}：印刷版为 {printed}，发布为 {published} — {explanation}",
            "{cell}: printed {printed}, published {published} — {explanation}");

    /** One line in the edition's language; the cell is named by its codes (table / row / column). */
    public String describe(Language language) {
        return WORDING.with("cell", table + " / " + row + " / " + column).with("printed", printed).with("published", published)
                .with("explanation", explanation).in(language);
    }
}
