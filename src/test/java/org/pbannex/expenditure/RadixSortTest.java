package org.pbannex.expenditure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;

/** The radix sort of id runs gives what Arrays.sort gives, for every shape of run the ingest can meet. */
class RadixSortTest {

    private static final long FIFTEEN_DIGITS = 1_000_000_000_000_000L;

    @Test
    void sortsEveryShapeOfRunAsArraysSortDoes() {
        SplittableRandom random = new SplittableRandom(7);
        long digits15 = SortedIdRuns.encode(15, 0);
        LongUnaryOperator[] shapes = {
            i -> digits15 + random.nextLong(FIFTEEN_DIGITS), // scattered 15-digit ids
            i -> digits15 + random.nextLong(1000), // many repeats
            i -> digits15 + i * 3, // in order
            i -> digits15 + (FIFTEEN_DIGITS - 1 - i), // in reverse
            i -> digits15 + 42, // all the same
            i -> random.nextInt(100) == 0 ? SortedIdRuns.encode(17, random.nextLong(100_000_000_000_000_000L))
                    : digits15 + random.nextLong(1 << 20), // most in a narrow band, a few far above
            i -> SortedIdRuns.encode(1 + random.nextInt(17), random.nextLong(10)), // digit counts only
            i -> (i % 2 == 0 ? 0 : Long.MAX_VALUE - i), // the widest range a long allows: 63 bits, an odd pass count
            i -> digits15 + (i % 2 == 0 ? 1 : 2049), // differ in one bit above the first digit
        };
        int[] sizes = {0, 1, 2, 3, 1000, 100_003, 1 << 19};
        for (int s = 0; s < shapes.length; s++) {
            for (int n : sizes) {
                RadixSort sorter = new RadixSort(n);
                long[] a = new long[n + 5];
                for (int i = 0; i < a.length; i++) {
                    a[i] = shapes[s].applyAsLong(i);
                }
                long[] expected = a.clone();
                Arrays.sort(expected, 0, n);
                sorter.sort(a, n);
                assertArrayEquals(expected, a, "shape " + s + ", " + n + " numbers (and the 5 after them untouched)");
            }
        }
    }
}
