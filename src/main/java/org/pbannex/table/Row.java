package org.pbannex.table;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of a table: a stable key, its role, its label in both editions and its values by column key.
 * A missing value is an empty cell (printed blank).
 */
public record Row(String key, RowType type, Text label, int level, Map<String, Object> values) {

    public Row {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static Row heading(String key, Text label, int level) {
        return new Row(key, RowType.HEADING, label, level, Map.of());
    }

    public Object value(String column) {
        return values.get(column);
    }

    public Long amount(String column) {
        Object v = values.get(column);
        return v == null ? null : ((Number) v).longValue();
    }
}
