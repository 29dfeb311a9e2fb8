package org.pbannex.table;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of a table: a stable key, its role, its label in both editions and its values by column key.
 * A missing value is an empty cell (printed blank). A builder may put {@link #SHARED_WITH_ROW_ABOVE} instead of a
 * value where the printed table sets one cell across this row and the one above (e.g. one means of verification for
 * two indicators): {@link #value} then reads it as empty, so renderers that print blanks need not know, and those
 * that must say why a cell is empty (the workbook) ask {@link #sharedWithRowAbove}.
 * <p>
 * A row comes under the heading rows above it at a lower level. A heading printed at the same level as the heading it
 * belongs to (an output under its outcome, both flush left) names that heading's key as {@code within}; empty
 * otherwise.
 */
public record Row(String key, RowType type, Text label, int level, Map<String, Object> values, String within) {

    /** The value of a cell that the printed table shares with the row above. */
    public static final Object SHARED_WITH_ROW_ABOVE = new Object() {
        @Override
        public String toString() {
            return "(shared with the row above)";
        }
    };

    public Row {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        within = within == null ? "" : within;
    }

    /** A row that comes under the heading rows above it by its level alone. */
    public Row(String key, RowType type, Text label, int level, Map<String, Object> values) {
        this(key, type, label, level, values, "");
    }

    public static Row heading(String key, Text label, int level) {
        return new Row(key, RowType.HEADING, label, level, Map.of());
    }

    /** A heading printed at the level of the heading it belongs to, whose key is {@code within}. */
    public static Row heading(String key, Text label, int level, String within) {
        return new Row(key, RowType.HEADING, label, level, Map.of(), within);
    }

    /** The cell's value; null when the cell is empty, including when the print shares it with the row above. */
    public Object value(String column) {
        Object v = values.get(column);
        return v == SHARED_WITH_ROW_ABOVE ? null : v;
    }

    /** True when the printed table sets this cell and the one above as one cell spanning both rows. */
    public boolean sharedWithRowAbove(String column) {
        return values.get(column) == SHARED_WITH_ROW_ABOVE;
    }

    /** True when any cell of this row is one the printed table shares with the row above. */
    public boolean sharesACellWithRowAbove() {
        return values.keySet().stream().anyMatch(this::sharedWithRowAbove);
    }

    /** The cell's figure as a decimal (an amount or count exactly, a decimal as it is); null for an empty or text cell. */
    public java.math.BigDecimal figure(String column) {
        Object v = value(column);
        return v instanceof java.math.BigDecimal b ? b
                : v instanceof Long || v instanceof Integer ? java.math.BigDecimal.valueOf(((Number) v).longValue()) : null;
    }

    public Long amount(String column) {
        Object v = value(column);
        return v == null ? null : ((Number) v).longValue();
    }
}
