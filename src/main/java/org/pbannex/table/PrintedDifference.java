package org.pbannex.table;

/**
 * A documented difference between a published figure and the printed document: which cell, both values and why.
 * Every run reports them, and checks that the published value is still the one documented. {@code note} says all of it
 * in each edition's language, where it applies ("表 2，成果目标 8，…：印刷版为 43.0，本表为 43.1。…"); the table marks
 * the cell itself with a {@link CellNote}.
 */
public record PrintedDifference(String table, String row, String column, String printed, String published, Text explanation,
                                Text note) {

    /** The note in one edition's language. */
    public String describe(Language language) {
        return note.in(language);
    }
}
