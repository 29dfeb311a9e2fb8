package org.pbannex.table;

import java.util.stream.LongStream;

/**
 * Exact arithmetic on whole amounts (US dollars, Swiss francs, counts): every sum and difference a table publishes
 * or a check compares goes through here, and one that would not fit in 64 bits throws instead of wrapping round.
 * The ingest keeps a file's columns far below that ({@code ColumnMagnitudes}), so an overflow here is a fault of
 * the code, never a figure published wrong.
 */
public final class Money {

    private Money() {
    }

    public static long add(long a, long b) {
        return Math.addExact(a, b);
    }

    public static long subtract(long a, long b) {
        return Math.subtractExact(a, b);
    }

    public static long sum(LongStream amounts) {
        return amounts.reduce(0L, Math::addExact);
    }
}
