package org.pbannex.expenditure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parser reads a line eight bytes at a time ({@link Bytes}) and looks codes up from whole words
 * ({@link CodeTable}). These tests hold the word-at-a-time paths to the byte-at-a-time ones: every byte value, every
 * position in a word, every alignment of a line in its buffer, and lines that end within the last word of a block.
 */
class WordScanTest {

    @TempDir
    Path dir;

    @Test
    void equalToMarksExactlyTheBytesThatMatch() {
        Random random = new Random(7);
        byte[] bytes = new byte[8];
        for (int value = 0; value < 256; value++) {
            for (int round = 0; round < 200; round++) {
                random.nextBytes(bytes);
                // The neighbours most likely to fool a borrowing test: the byte one above and one below.
                if (round % 3 == 0) {
                    for (int k = 0; k < 8; k++) {
                        bytes[k] = (byte) (value + random.nextInt(3) - 1);
                    }
                }
                long word = 0;
                for (int k = 7; k >= 0; k--) {
                    word = (word << 8) | (bytes[k] & 0xff);
                }
                long expected = 0;
                for (int k = 0; k < 8; k++) {
                    if ((bytes[k] & 0xff) == value) {
                        expected |= 1L << (8 * k + 7);
                    }
                }
                assertEquals(expected, Bytes.equalTo(word, Bytes.repeat((char) value)), "value " + value + " in " + Long.toHexString(word));
                if (expected != 0) {
                    assertEquals(Long.numberOfTrailingZeros(expected) >>> 3, Bytes.firstIndex(expected));
                }
            }
        }
        // A negative amount: the '-' (one above ',') right after a comma is not a comma.
        long word = word(",-12.5,\n");
        assertEquals(Long.toBinaryString(1L << 7 | 1L << 55), Long.toBinaryString(Bytes.equalTo(word, Bytes.COMMAS)));
    }

    @Test
    void codesAreFoundFromWholeWordsAndNearTheEndOfABuffer() {
        List<String> codes = List.of("A", "AB", "RB", "RBSA", "ABCDEFG", "ABCDEFGH", "ABCDEFGHI", "ABCDEFGHIJKLMNO", "ABCDEFGHIJKLMNOP",
                "CONTINGENCIES");
        CodeTable table = new CodeTable(codes);
        String[] notCodes = {"R", "RBS", "RBSAX", "ABC", "ABCDEFGHIJ", "ABCDEFGHIJKLMNOPQ", "B", "a", "ABCDEFGHIJKLMNOQ", "ABCDEFGX"};
        for (int pad = 0; pad < 24; pad++) {
            for (int i = 0; i < codes.size(); i++) {
                // The code, then bytes that would extend it into another code if the mask let them through.
                for (String after : new String[] {"", ",", "SA,", "HIJKLMNOP", "\u0000\u0000"}) {
                    byte[] b = ("x".repeat(pad) + codes.get(i) + after).getBytes(StandardCharsets.ISO_8859_1);
                    assertEquals(i, table.find(b, pad, pad + codes.get(i).length()), codes.get(i) + " after " + pad + " bytes, before '" + after + "'");
                }
            }
            for (String s : notCodes) {
                byte[] b = ("x".repeat(pad) + s + "P,").getBytes(StandardCharsets.ISO_8859_1);
                assertEquals(-1, table.find(b, pad, pad + s.length()), s + " is no code");
            }
        }
        // A NUL byte is part of a field like any other: "A" and "A\0" differ.
        byte[] withNul = "A\u0000xxxxxxxxxxxxxxxxxxxx".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(-1, table.find(withNul, 0, 2));
        assertEquals(0, table.find(withNul, 0, 1));
    }

    @Test
    void aLineReadsTheSameAtEveryAlignmentAndAtTheEndOfABlock() throws IOException {
        Path file = dir.resolve("gen.csv");
        new ExpenditureGenerator(ExpenditureFixtures.dimensions(), ExpenditureFixtures.BIENNIUMS, List.of()).write(file, 300, 5);
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8).subList(1, 301));
        for (ExpenditureIngestTest.Case c : ExpenditureIngestTest.badLines()) {
            lines.add(c.line());
        }
        lines.add("L7,2022-03,XB,ESTIMATE,AF,KEN,AFRICA,1,STAFF,-1234.50");
        lines.add("L8,2022-03,XB,ESTIMATE,AF,,AFRICA,1,STAFF,\"2\"");
        lines.add("L9,2022-03,XB,ESTIMATE,AF,KEN,AFRICA,1,STAFF,1.00,");
        lines.add("L10,2022-03,XB,ESTIMATE,AF,KEN,AFRICA,1,STAFF,1.00,,,,");
        lines.add("Lé,2022-03,XB,ESTIMATE,AF,KEN,AFRICA,1,STAFF,1.00");
        int compared = 0;
        LineParser cutShort = new LineParser(ExpenditureFixtures.dimensions());
        for (String text : lines) {
            byte[] line = text.getBytes(StandardCharsets.UTF_8);
            Outcome expected = slowly(line);
            for (int pad = 0; pad < 8; pad++) {
                // Followed by a next line that has a quote and a non-ASCII byte in the same word as this one's '\n'.
                for (String next : new String[] {"", "\"é\",", "\r"}) {
                    byte[] b = concat(new byte[pad], line, next.equals("\r") ? "\r\n".getBytes(StandardCharsets.UTF_8)
                            : ("\n" + next).getBytes(StandardCharsets.UTF_8));
                    LineParser p = new LineParser(ExpenditureFixtures.dimensions());
                    int nl = p.scanLine(b, pad, b.length);
                    assertEquals(pad + line.length + (next.equals("\r") ? 1 : 0), nl, text);
                    assertEquals(pad + line.length, p.lineEnd, text);
                    assertEquals(expected, Outcome.of(p, p.accepted),
                            "'" + text + "' after " + pad + " bytes, before '" + next + "'");
                    compared++;
                }
                // A block that ends inside the line, or right at its last byte, has no whole line: -1.
                for (int cut = 0; cut <= line.length; cut++) {
                    byte[] b = concat(new byte[pad], line);
                    assertEquals(-1, cutShort.scanLine(b, pad, pad + cut), text);
                }
            }
        }
        assertTrue(compared > 7000, "compared " + compared);
    }

    @Test
    void randomLinesReadTheSameWordByWordAsByteByByte() {
        // Lines of the bytes that matter to the scan and the fields (commas, quotes, line ends in the wrong place, '-',
        // '.', digits, code letters, a NUL, non-ASCII), most of them built from good fields so that they get far.
        Random random = new Random(11);
        String[] good = "L1,2022-03,XB,ESTIMATE,AF,KEN,AFRICA,1,STAFF,-12.50".split(",", -1);
        String[] noise = {",", "\"", "-", ".", "0", "9", "A", "KEN", "\r", "\u0000", "é", "中", " ", "'", "ESTIMATE", ""};
        // One parser for each path, given the same lines in the same order: a repeated id is a repeat for both.
        LineParser words = new LineParser(ExpenditureFixtures.dimensions());
        LineParser bytesAtATime = new LineParser(ExpenditureFixtures.dimensions());
        int compared = 0; // the accepted ones
        for (int n = 0; n < 20_000; n++) {
            good[0] = "L" + n;
            StringBuilder line = new StringBuilder();
            for (int f = 0; f < good.length; f++) {
                if (f > 0) {
                    line.append(',');
                }
                line.append(random.nextInt(12) == 0 ? noise[random.nextInt(noise.length)] + good[f] : good[f]);
                if (random.nextInt(12) == 0) {
                    line.append(noise[random.nextInt(noise.length)]);
                }
            }
            byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
            int pad = random.nextInt(8);
            byte[] b = concat(new byte[pad], bytes, "\n\"é,x,".getBytes(StandardCharsets.UTF_8));
            LineParser p = words;
            int nl = p.scanLine(b, pad, b.length);
            int end = pad + bytes.length - (bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? 1 : 0);
            assertEquals(pad + bytes.length, nl, line.toString());
            assertEquals(end, p.lineEnd, line.toString());
            boolean ok = bytesAtATime.accept(b, pad, end);
            Outcome expected = Outcome.of(bytesAtATime, ok);
            assertEquals(expected, Outcome.of(p, p.accepted),
                    "'" + line + "' after " + pad + " bytes");
            compared += p.accepted ? 1 : 0;
        }
        // Neither all good nor all bad: both paths were walked far.
        assertTrue(compared > 2_000 && compared < 18_000, "accepted " + compared + " of 20 000");
    }

    private record Outcome(boolean accepted, String column, String reason, int cell, long cents) {

        // What the parser's last line left: a cell and amount only when it was accepted.
        static Outcome of(LineParser p, boolean accepted) {
            return new Outcome(accepted, p.column, p.reason == null ? null : p.reason.english(), accepted ? p.cell : -1,
                    accepted ? p.cents : 0);
        }
    }

    // The byte-at-a-time path: the line on its own, as the last line of a range without its '\n' is read.
    private static Outcome slowly(byte[] line) {
        LineParser p = new LineParser(ExpenditureFixtures.dimensions());
        boolean ok = p.accept(line, 0, line.length);
        return Outcome.of(p, ok);
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] all = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    private static long word(String eight) {
        byte[] b = eight.getBytes(StandardCharsets.US_ASCII);
        long w = 0;
        for (int k = 7; k >= 0; k--) {
            w = (w << 8) | (b[k] & 0xff);
        }
        return w;
    }
}
