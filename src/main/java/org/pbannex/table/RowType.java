package org.pbannex.table;

/** The role of a row; renderers style by it (headings and totals bold) and tidy CSV prints its code. */
public enum RowType {
    HEADING("heading"),
    ITEM("unit"),
    SUBTOTAL("group_subtotal"),
    PART_TOTAL("part_total"),
    TOTAL("grand_total");

    private final String code;

    RowType(String code) {
        this.code = code;
    }

    /** The value written in the tidy CSV's row_type column. */
    public String code() {
        return code;
    }

    public boolean isTotal() {
        return this == SUBTOTAL || this == PART_TOTAL || this == TOTAL;
    }
}
