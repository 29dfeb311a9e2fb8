package org.pbannex.table;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table's tidy form when it is not one CSV row per printed row: a cross-tabulated table (regions as columns)
 * is published long, one row per cell, so that the CSV has one observation per row. {@code columns} are the value
 * columns after {@code row_key,row_type,label_zh,label_en}; each row maps them to already formatted strings, or to a
 * {@link Text} written in the run's language. {@code unitNote} states the tidy values' units where they are not the
 * printed table's (Figure 2 prints US$ millions, its CSV holds the dollars to the cent); empty, the table's holds.
 * {@code notes} are notes of the table that the CSV's description must carry too, being about its values (Figure 2's
 * totals equal to Table 2's estimates because its synthetic lines were made to add up to them): the same texts as the
 * table's footnotes, not copies.
 */
public record TidyRows(List<String> columns, List<Line> lines, Text unitNote, List<Text> notes) {

    public TidyRows {
        columns = List.copyOf(columns);
        lines = List.copyOf(lines);
        unitNote = unitNote == null ? Text.EMPTY : unitNote;
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** Tidy rows in units of their own, with no note for the CSV's description. */
    public TidyRows(List<String> columns, List<Line> lines, Text unitNote) {
        this(columns, lines, unitNote, List.of());
    }

    /** Tidy rows in the printed table's units. */
    public TidyRows(List<String> columns, List<Line> lines) {
        this(columns, lines, Text.EMPTY, List.of());
    }

    /** In {@link Line#shownIn}: the value is shown in the printed row's label. */
    public static final String LABEL = "label";

    /**
     * One tidy row. {@code shownIn} gives, for a value column, the key of the printed table's column that shows it on
     * this line's row (rt's target_sum of Africa in target_AF; Figure 2's amount of a biennium in its column), or
     * {@link #LABEL}: a reviewer's list of changes names the change by that column's heading in their edition, as for
     * the tables published one row per printed row. A column it leaves out (a code that only identifies the line) is
     * named by its field name.
     */
    public record Line(String key, RowType type, Text label, Map<String, ?> values, Map<String, String> shownIn) {

        public Line {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
            shownIn = shownIn == null ? Map.of() : Map.copyOf(shownIn);
        }

        /** A line none of whose values a printed column shows. */
        public Line(String key, RowType type, Text label, Map<String, ?> values) {
            this(key, type, label, values, Map.of());
        }

        /** The value of one column as written in the CSV: text in the given language, "" when there is none. */
        public String value(String column, Language language) {
            Object v = values.get(column);
            return v == null ? "" : v instanceof Text t ? t.in(language) : v.toString();
        }
    }
}
