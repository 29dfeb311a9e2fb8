package org.pbannex.ingest;

import java.math.BigDecimal;
import java.util.Map;

/** One validated input row: its 1-based line in the file and its typed values (null when empty). */
public record Record(String file, long line, Map<String, Object> values) {

    public String text(String field) {
        Object v = values.get(field);
        return v == null ? "" : v.toString();
    }

    public long integer(String field) {
        Object v = values.get(field);
        return v == null ? 0L : (Long) v;
    }

    public Long integerOrNull(String field) {
        return (Long) values.get(field);
    }

    public BigDecimal number(String field) {
        return (BigDecimal) values.get(field);
    }

    public boolean flag(String field) {
        return Boolean.TRUE.equals(values.get(field));
    }
}
