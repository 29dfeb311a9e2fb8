package org.pbannex.expenditure;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Looks up a code (a unit, region, object ...) straight from the bytes of a line, without making a String. A code
 * of up to 16 bytes is packed, with its length, into two longs, so a lookup is a multiply, a shift and one or two
 * comparisons of longs (this runs seven times per line, tens of millions of times). Returns the code's index in the
 * list, or -1.
 */
final class CodeTable {

    private static final int MAX_LENGTH = 16;

    private final long[] keys1;
    private final long[] keys2;
    private final int[] index;
    private final int shift;

    CodeTable(List<String> codes) {
        int bits = Math.max(3, 33 - Integer.numberOfLeadingZeros(Math.max(1, codes.size() * 4 - 1)));
        int size = 1 << bits;
        this.shift = 64 - bits;
        this.keys1 = new long[size];
        this.keys2 = new long[size];
        this.index = new int[size];
        java.util.Arrays.fill(index, -1);
        for (int i = 0; i < codes.size(); i++) {
            byte[] b = codes.get(i).getBytes(StandardCharsets.US_ASCII);
            if (b.length == 0 || b.length > MAX_LENGTH) {
                throw new IllegalArgumentException("code '" + codes.get(i) + "' must have 1 to " + MAX_LENGTH + " characters");
            }
            long k1 = pack1(b, 0, b.length);
            long k2 = pack2(b, 0, b.length);
            int s = slot(k1, k2);
            while (index[s] >= 0) {
                s = (s + 1) & (index.length - 1);
            }
            keys1[s] = k1;
            keys2[s] = k2;
            index[s] = i;
        }
    }

    int find(byte[] b, int from, int to) {
        int len = to - from;
        if (len == 0 || len > MAX_LENGTH) {
            return -1;
        }
        long k1 = pack1(b, from, to);
        long k2 = pack2(b, from, to);
        int s = slot(k1, k2);
        while (true) {
            int i = index[s];
            if (i < 0) {
                return -1;
            }
            if (keys1[s] == k1 && keys2[s] == k2) {
                return i;
            }
            s = (s + 1) & (index.length - 1);
        }
    }

    // The first 8 bytes, and the length (so "A" and "A\0" differ).
    private static long pack1(byte[] b, int from, int to) {
        long k = to - from;
        int end = Math.min(to, from + 8);
        for (int i = from; i < end; i++) {
            k = (k << 8) | (b[i] & 0xff);
        }
        return k;
    }

    // Bytes 9 to 16.
    private static long pack2(byte[] b, int from, int to) {
        long k = 0;
        for (int i = from + 8; i < to; i++) {
            k = (k << 8) | (b[i] & 0xff);
        }
        return k;
    }

    private int slot(long k1, long k2) {
        return (int) (((k1 ^ (k2 * 0x9E3779B97F4A7C15L)) * 0x9E3779B97F4A7C15L) >>> shift);
    }
}
