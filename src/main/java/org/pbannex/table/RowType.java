package org.pbannex.table;

import java.util.Locale;

/**
 * The role of a row; renderers style by it (headings and totals bold) and tidy CSV prints it in its row_type column
 * as its name in lower case ({@link #code}): {@code heading}, {@code unit} (a line item), {@code group_subtotal},
 * {@code part_total}, {@code grand_total}.
 */
public enum RowType {
    HEADING,
    UNIT,
    GROUP_SUBTOTAL,
    PART_TOTAL,
    GRAND_TOTAL;

    /** The value written in the tidy CSV's row_type column. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isTotal() {
        return this == GROUP_SUBTOTAL || this == PART_TOTAL || this == GRAND_TOTAL;
    }
}
