package org.pbannex.expenditure;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Looks up a code (a unit, region, object ...) straight from the bytes of a line, without making a String. A code
 * of up to 16 bytes is read as two little-endian longs (the bytes past its end masked off) and its length, so a
 * lookup is one or two reads, a multiply, a shift and three comparisons (this runs seven times per line, tens of
 * millions of times). Returns the code's index in the list, or -1.
 */
final class CodeTable {

    private static final int MAX_LENGTH = 16;

    private final long[] keys1;
    private final long[] keys2;
    private final int[] lengths;
    private final int[] index;
    private final int shift;

    CodeTable(List<String> codes) {
        int bits = Math.max(3, 33 - Integer.numberOfLeadingZeros(Math.max(1, codes.size() * 4 - 1)));
        int size = 1 << bits;
        this.shift = 64 - bits;
        this.keys1 = new long[size];
        this.keys2 = new long[size];
        this.lengths = new int[size];
        this.index = new int[size];
        java.util.Arrays.fill(index, -1);
        for (int i = 0; i < codes.size(); i++) {
            byte[] b = codes.get(i).getBytes(StandardCharsets.US_ASCII);
            if (b.length == 0 || b.length > MAX_LENGTH) {
                throw new IllegalArgumentException("code '" + codes.get(i) + "' must have 1 to " + MAX_LENGTH + " characters");
            }
            long k1 = pack(b, 0, Math.min(b.length, 8));
            long k2 = pack(b, 8, b.length);
            int s = slot(k1, k2, b.length);
            while (index[s] >= 0) {
                s = (s + 1) & (index.length - 1);
            }
            keys1[s] = k1;
            keys2[s] = k2;
            lengths[s] = b.length;
            index[s] = i;
        }
    }

    int find(byte[] b, int from, int to) {
        int len = to - from;
        if (len == 0 || len > MAX_LENGTH) {
            return -1;
        }
        long k1;
        long k2;
        if (from + MAX_LENGTH <= b.length) {
            // Whole words, the bytes past the code masked off (the usual case: the code sits inside a block of lines).
            long w1 = (long) Bytes.WORDS.get(b, from);
            k1 = len >= 8 ? w1 : w1 & ((1L << (len << 3)) - 1);
            k2 = len <= 8 ? 0 : len == MAX_LENGTH ? (long) Bytes.WORDS.get(b, from + 8)
                    : (long) Bytes.WORDS.get(b, from + 8) & ((1L << ((len - 8) << 3)) - 1);
        } else {
            k1 = pack(b, from, Math.min(to, from + 8));
            k2 = pack(b, from + 8, to);
        }
        int s = slot(k1, k2, len);
        while (true) {
            int i = index[s];
            if (i < 0) {
                return -1;
            }
            if (keys1[s] == k1 && keys2[s] == k2 && lengths[s] == len) {
                return i;
            }
            s = (s + 1) & (index.length - 1);
        }
    }

    // Up to 8 bytes as a little-endian long, as Bytes.WORDS reads them (empty: 0).
    private static long pack(byte[] b, int from, int to) {
        long k = 0;
        for (int i = to - 1; i >= from; i--) {
            k = (k << 8) | (b[i] & 0xff);
        }
        return k;
    }

    private int slot(long k1, long k2, int len) {
        return (int) ((((k1 + len) ^ (k2 * 0x9E3779B97F4A7C15L)) * 0x9E3779B97F4A7C15L) >>> shift);
    }
}
