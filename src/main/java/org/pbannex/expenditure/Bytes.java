package org.pbannex.expenditure;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Eight bytes of a line at once, as one little-endian long: which of them equal a given byte. Exact for every byte
 * (no borrow from one byte into the next), so a '-' after a ',' is not taken for a comma.
 */
final class Bytes {

    /** Eight bytes of a byte array from any index, as one little-endian long: {@code (long) WORDS.get(b, i)}. */
    static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    static final long COMMAS = repeat(',');
    static final long NEWLINES = repeat('\n');
    static final long QUOTES = repeat('"');
    /** The top bit of each byte: set in the bytes of a non-ASCII character. */
    static final long HIGH_BITS = 0x8080808080808080L;
    /** All but the top bit of each byte. */
    static final long LOW_BITS = 0x7F7F7F7F7F7F7F7FL;

    private Bytes() {
    }

    static long repeat(char c) {
        return (c & 0xffL) * 0x0101010101010101L;
    }

    /** The top bit of each byte of {@code word} that equals the byte of {@code pattern} (see {@link #repeat}), nothing else. */
    static long equalTo(long word, long pattern) {
        long x = word ^ pattern;
        return ~(((x & LOW_BITS) + LOW_BITS) | x | LOW_BITS);
    }

    /**
     * The index (0-7) of the lowest byte marked in {@code markers} (a result of {@link #equalTo}, not 0). A multiply,
     * not {@code Long.numberOfTrailingZeros}: the JVM's quick compiler, which runs the parser, makes that a call.
     */
    static int firstIndex(long markers) {
        return (int) ((((markers & -markers) >>> 7) * 0x0001020304050607L) >>> 56);
    }
}
