package org.pbannex.expenditure;

/**
 * The number of a line id read eight digits at a time: the digits are tested and turned into a number with a few
 * operations on a little-endian long each, where a loop took a byte, two comparisons and a multiply per digit (15
 * digits on every line of a file of random ids).
 */
final class Digits {

    /** The most digits {@link #parse} reads: two words. */
    static final int MAX = 16;
    private static final long ZEROS = Bytes.repeat('0');

    private Digits() {
    }

    /**
     * The number the {@code count} bytes before {@code b[to]} write in decimal, or -1 when any of them is not a digit
     * '0'-'9'. Needs 1 &lt;= count &lt;= 16 and {@code to >= 16}: it reads the two words before {@code to}, the bytes
     * before the digits masked off.
     */
    static long parse(byte[] b, int to, int count) {
        long low = (long) Bytes.WORDS.get(b, to - 8);
        if (count <= 8) {
            long keep = top(count);
            return (nonDigits(low) & keep) != 0 ? -1 : eight((low & keep) | (ZEROS & ~keep));
        }
        long high = (long) Bytes.WORDS.get(b, to - 16);
        long keep = top(count - 8);
        if ((nonDigits(low) | (nonDigits(high) & keep)) != 0) {
            return -1;
        }
        return eight((high & keep) | (ZEROS & ~keep)) * 100_000_000L + eight(low);
    }

    /** The top bit of each byte of {@code word} that is not an ASCII digit; exact, no carry from one byte to the next. */
    static long nonDigits(long word) {
        long low = word & Bytes.LOW_BITS;
        // Above '9': low + 0x46 reaches 0x80. Below '0': low + 0x50 stays under 0x80. Non-ASCII: the byte's own top bit.
        return ((low + 0x4646464646464646L) | word | ~(low + 0x5050505050505050L)) & Bytes.HIGH_BITS;
    }

    // The top n bytes of a word (1 <= n <= 8): the last n bytes of the eight in the line.
    private static long top(int n) {
        return ~((1L << ((8 - n) << 3)) - 1);
    }

    /**
     * Eight ASCII digits, the first in the lowest byte, as a number: pairs, then fours, then all eight, each step
     * multiplying the higher half up and adding the lower (the well-known form: Lemire, "Quickly parsing eight digits").
     */
    private static long eight(long word) {
        long v = word - ZEROS;
        v = (v * 10) + (v >>> 8);
        return (((v & 0x000000FF000000FFL) * (100 + (1_000_000L << 32)))
                + (((v >>> 16) & 0x000000FF000000FFL) * (1 + (10_000L << 32)))) >>> 32;
    }
}
