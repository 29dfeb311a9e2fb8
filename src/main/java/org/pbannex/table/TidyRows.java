package org.pbannex.table;

import java.util.List;
import java.util.Map;

/**
 * A table's tidy form when it is not one CSV row per printed row: a cross-tabulated table (regions as columns)
 * is published long, one row per cell, so that the CSV has one observation per row. {@code columns} are the value
 * columns after {@code row_key,row_type,label_zh,label_en}; each row maps them to already formatted strings.
 */
public record TidyRows(List<String> columns, List<Line> lines) {

    public TidyRows {
        columns = List.copyOf(columns);
        lines = List.copyOf(lines);
    }

    public record Line(String key, RowType type, Text label, Map<String, String> values) {
    }
}
