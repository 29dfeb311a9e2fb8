package org.pbannex.expenditure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The line id's digits read eight at a time ({@link Digits}) against the byte-at-a-time reading: every byte value at
 * every position, every count of digits at every alignment, whatever stands before them; and a line-id set fed ids of
 * many shapes, which must find exactly the repeats a plain set of keys finds.
 */
class DigitsTest {

    @Test
    void nonDigitsMarksExactlyTheBytesThatAreNotDigits() {
        Random random = new Random(3);
        for (int position = 0; position < 8; position++) {
            for (int value = 0; value < 256; value++) {
                long word = random.nextLong();
                word = (word & ~(0xFFL << (position * 8))) | ((long) value << (position * 8));
                long marks = Digits.nonDigits(word);
                for (int i = 0; i < 8; i++) {
                    int v = (int) (word >>> (i * 8)) & 0xFF;
                    boolean marked = (marks >>> (i * 8 + 7) & 1) != 0;
                    assertEquals(v < '0' || v > '9', marked, "byte " + v + " at " + i);
                }
                assertEquals(0, marks & ~Bytes.HIGH_BITS);
            }
        }
    }

    @Test
    void everyCountOfDigitsAtEveryAlignmentReadsAsParseLongDoes() {
        Random random = new Random(11);
        byte[] b = new byte[64];
        for (int round = 0; round < 2000; round++) {
            random.nextBytes(b); // whatever stands before the digits (the prefix, the line before) must not count
            for (int count = 1; count <= Digits.MAX; count++) {
                int to = 16 + random.nextInt(b.length - 16 + 1);
                StringBuilder digits = new StringBuilder();
                for (int i = to - count; i < to; i++) {
                    b[i] = (byte) ('0' + random.nextInt(10));
                    digits.append((char) b[i]);
                }
                assertEquals(Long.parseLong(digits.toString()), Digits.parse(b, to, count), digits + " at " + to);
                // One byte among them that is not a digit, any value: not a number.
                int at = to - 1 - random.nextInt(count);
                byte keep = b[at];
                int value;
                do {
                    value = random.nextInt(256);
                } while (value >= '0' && value <= '9');
                b[at] = (byte) value;
                assertEquals(-1, Digits.parse(b, to, count), "byte " + value + " in " + digits);
                b[at] = keep;
            }
        }
        byte[] nines = "9999999999999999".getBytes(StandardCharsets.US_ASCII);
        assertEquals(9_999_999_999_999_999L, Digits.parse(nines, 16, 16));
        byte[] zeros = "0000000000000000".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0, Digits.parse(zeros, 16, 16));
    }

    @Test
    void aLineIdSetFindsTheRepeatsAPlainSetFinds() {
        // Shapes that take the quick way (the prefix of the id before) and every way out of it: another prefix, a digit
        // count that changes, more digits than two words, no prefix, a prefix with digits in it.
        String[] shapes = {"D%015d", "D%d", "L%010d", "%d", "AB-%08d", "D%017d", "D5X%d", "%06d", "D12-%d"};
        Random random = new Random(5);
        LineIdSet ids = new LineIdSet(64);
        Set<String> seen = new HashSet<>();
        byte[] b = new byte[4096];
        int at = 0;
        for (int i = 0; i < 200_000; i++) {
            String shape = shapes[random.nextInt(10) < 6 ? 0 : random.nextInt(shapes.length)];
            String id = String.format(shape, random.nextInt(5000));
            byte[] bytes = id.getBytes(StandardCharsets.US_ASCII);
            if (at + bytes.length + 1 > b.length) {
                at = random.nextInt(20); // ids near the buffer's start too, where the quick way cannot read back
            }
            System.arraycopy(bytes, 0, b, at, bytes.length);
            b[at + bytes.length] = ',';
            boolean added = ids.add(b, at, at + bytes.length);
            assertFalse(ids.overflowed(), id);
            assertEquals(seen.add(key(id)), added, id + " (id " + i + ")");
            at += bytes.length + 1;
        }
    }

    // What identifies an id: the text before its last digits, their count and their value.
    private static String key(String id) {
        int digitsFrom = id.length();
        while (digitsFrom > 0 && Character.isDigit(id.charAt(digitsFrom - 1))) {
            digitsFrom--;
        }
        return id.substring(0, digitsFrom) + "#" + (id.length() - digitsFrom) + "#"
                + Long.parseLong(id.substring(digitsFrom));
    }
}
