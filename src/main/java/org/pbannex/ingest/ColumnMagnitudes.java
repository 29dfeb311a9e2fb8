package org.pbannex.ingest;

/**
 * Bounds what one file's integer column can add up to. The tables add a column's values over a file's rows, and
 * combine a few such sums (staff + non-staff costs + cost change), in exact 64-bit integers ({@code Money}); with each
 * column's absolute values adding up to at most 10^17, no total of a handful of them comes near 9.2 x 10^18, so a
 * file that would make a total overflow is refused here, at the line and column where it crosses the bound, instead of
 * failing deep inside a table. No budget comes within a thousandth of the bound: a file that reaches it has a
 * misplaced decimal point or rows repeated by the thousand.
 */
final class ColumnMagnitudes {

    /** 10^17: a column's absolute values may add up to this, not more. */
    static final long BOUND = 100_000_000_000_000_000L;

    /** Each field's sum so far, by the field's place in the resource (a lookup by name for every cell cost more). */
    private final long[] sums;

    ColumnMagnitudes(int fields) {
        sums = new long[fields];
    }

    void add(int field, Field f, Object value, SourceName source, long line) {
        if (!(value instanceof Long v)) {
            return;
        }
        long sum = sums[field];
        // |v| <= 10^15 by the schemas' maxima, and always < 2^63: Long.MIN_VALUE cannot be parsed with its maximum
        long magnitude = v == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(v);
        if (magnitude > BOUND - sum) {
            throw new InputError(source.name(), source.shown(line), f.name(), Said.of("sum_too_large", "bound",
                    String.format(java.util.Locale.ROOT, "%,d", BOUND).replace(',', ' ') + " (10^17)"));
        }
        sums[field] = sum + magnitude;
    }
}
