package org.pbannex.expenditure;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Looks up a code (a unit, region, object ...) straight from the bytes of a line, without making a String:
 * open addressing on a hash of the bytes, verified byte by byte. Returns the code's index in the list, or -1.
 */
final class CodeTable {

    private final List<String> codes;
    private final byte[][] bytes;
    private final int[] slots;
    private final int mask;

    CodeTable(List<String> codes) {
        this.codes = List.copyOf(codes);
        this.bytes = new byte[codes.size()][];
        int size = Integer.highestOneBit(Math.max(4, codes.size() * 4) - 1) << 1;
        this.slots = new int[size];
        this.mask = size - 1;
        java.util.Arrays.fill(slots, -1);
        for (int i = 0; i < codes.size(); i++) {
            bytes[i] = codes.get(i).getBytes(StandardCharsets.US_ASCII);
            int s = hash(bytes[i], 0, bytes[i].length) & mask;
            while (slots[s] >= 0) {
                s = (s + 1) & mask;
            }
            slots[s] = i;
        }
    }

    int find(byte[] b, int from, int to) {
        int s = hash(b, from, to) & mask;
        while (true) {
            int i = slots[s];
            if (i < 0) {
                return -1;
            }
            if (java.util.Arrays.equals(bytes[i], 0, bytes[i].length, b, from, to)) {
                return i;
            }
            s = (s + 1) & mask;
        }
    }

    String code(int index) {
        return codes.get(index);
    }

    int size() {
        return codes.size();
    }

    List<String> codes() {
        return codes;
    }

    private static int hash(byte[] b, int from, int to) {
        int h = to - from;
        for (int i = from; i < to; i++) {
            h = h * 31 + b[i];
        }
        return h ^ (h >>> 16);
    }
}
