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
 */
public record Restatement(String table, String row, Text label, String column, String publishedColumn, String stated,
                          String published, String difference) {

    /** restated (both have the row), added (only this biennium), dropped (only the previous). */
    public String kind() {
        return published.isEmpty() ? "added" : stated.isEmpty() ? "dropped" : "restated";
    }
}
