package org.pbannex.restatement;

import org.pbannex.table.Text;

/**
 * One figure of the previous biennium as this biennium states it (its "previous" column) beside what the previous
 * biennium itself published for the same row, in that table's own column. {@code stated} or {@code published} is
 * empty where only one of the two has the row (a unit that is new, or gone).
 *
 * @param column          this biennium's column (budget_previous, rb_previous, ...)
 * @param publishedColumn the previous biennium's column it is compared with (recosted, rb, ...)
 * @param difference      stated less published; empty where one side is missing
 * @param heading         {@code column}'s heading in this biennium's table, as the report's reader reads it
 * @param publishedHeading {@code publishedColumn}'s heading in the previous biennium's
 */
public record Restatement(String table, String row, Text label, String column, String publishedColumn, String stated,
                          String published, String difference, Text heading, Text publishedHeading) {

    /** Without the columns' headings (the reader's words for {@code column} and {@code publishedColumn}). */
    public Restatement(String table, String row, Text label, String column, String publishedColumn, String stated,
                       String published, String difference) {
        this(table, row, label, column, publishedColumn, stated, published, difference, Text.EMPTY, Text.EMPTY);
    }

    /** restated (both have the row), added (only this biennium), dropped (only the previous). */
    public String kind() {
        return published.isEmpty() ? "added" : stated.isEmpty() ? "dropped" : "restated";
    }
}
