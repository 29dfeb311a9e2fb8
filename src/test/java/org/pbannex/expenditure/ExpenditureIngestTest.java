package org.pbannex.expenditure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pbannex.ingest.InputError;

/**
 * The expenditure ingest against the generator's own sums (exact cents), on one thread and on many chunks; and
 * every kind of bad line in strict mode (file, line, column, reason) and in rejects mode (the line in the rejects
 * file, read = accepted + rejected).
 */
class ExpenditureIngestTest {

    @TempDir
    static Path dir;
    static Path generated;
    static ExpenditureGenerator.Sums sums;

    @BeforeAll
    static void generate() throws IOException {
        generated = dir.resolve("gen/synthetic-60k.csv");
        sums = new ExpenditureGenerator(ExpenditureFixtures.dimensions(), ExpenditureFixtures.BIENNIUMS,
                List.of(new ExpenditureGenerator.Control("XB", 2022, "1", 20_800_000_00L),
                        new ExpenditureGenerator.Control("RBSA", 2022, null, 30_000_000_00L))).write(generated, 60_000, 42);
    }

    static ExpenditureIngest ingest(Path rejects) {
        return new ExpenditureIngest(ExpenditureFixtures.dimensions(), 2, rejects);
    }

    @Test
    void exactCentsEqualTheGeneratorsOwnSums() throws IOException {
        ExpenditureIngest.Result one = new ExpenditureIngest(ExpenditureFixtures.dimensions(), 1, null).run(List.of(generated), "");
        ExpenditureIngest.Result many = ingest(null).withMinPartition(64 * 1024).run(List.of(generated), "");
        assertTrue(one.totals().sameAs(many.totals()), "one thread and 60 chunks on 2 threads give the same cube");
        assertEquals(sums.lines(), many.totals().totalLines());
        assertEquals(sums.cents(), many.totals().totalCents());
        int cells = 0;
        for (var e : sums.byKey().entrySet()) {
            String[] k = e.getKey().split("\\|");
            int year = Integer.parseInt(k[4]);
            assertEquals(e.getValue()[0], many.totals().cents(k[0], k[1], k[2], k[3], year), e.getKey());
            assertEquals(e.getValue()[1], many.totals().lines(k[0], k[1], k[2], k[3], year), e.getKey());
            cells++;
        }
        assertTrue(cells > 500, "cells compared: " + cells);
        // The controls hold to the cent.
        assertEquals(20_800_000_00L, many.totals().cents("XB", null, null, "1", 2022));
        assertEquals(30_000_000_00L, many.totals().cents("RBSA", null, null, null, 2022));
        assertEquals(new ExpenditureIngest.FileStats("synthetic-60k.csv", 60_000, 60_000, 0, 0, Files.size(generated), SyntheticMark.NAME_AND_CONTENT),
                many.files().get(0));
    }

    @Test
    void theGeneratorIsDeterministic() throws IOException {
        Path again = dir.resolve("again/synthetic-again.csv");
        new ExpenditureGenerator(ExpenditureFixtures.dimensions(), ExpenditureFixtures.BIENNIUMS,
                List.of(new ExpenditureGenerator.Control("XB", 2022, "1", 20_800_000_00L),
                        new ExpenditureGenerator.Control("RBSA", 2022, null, 30_000_000_00L))).write(again, 60_000, 42);
        assertEquals(-1, Files.mismatch(generated, again));
    }

    static final String GOOD = "L1,2022-03,XB,ESTIMATE,AF,KEN,AFRICA,1,STAFF,1000.50";

    /** One bad line and what must be said about it: the line, its column and words of the reason. */
    record Case(String name, String line, String column, String reason) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> badLines() {
        return List.of(
                new Case("bad period", "L2,2022-13,XB,ESTIMATE,AF,KEN,AFRICA,1,STAFF,1.00", "period", "month 13"),
                new Case("period not YYYY-MM", "L2,2022.03,XB,ESTIMATE,AF,KEN,AFRICA,1,STAFF,1.00", "period", "not a period YYYY-MM"),
                new Case("period Excel made a date of", "L2,Mar-22,XB,ESTIMATE,AF,KEN,AFRICA,1,STAFF,1.00", "period",
                        "'Mar-22' is a date that Excel made of the value in this column: write '2022-03'"),
                new Case("unknown fund", "L2,2022-03,XX,ESTIMATE,AF,KEN,AFRICA,1,STAFF,1.00", "fund", "unknown fund 'XX'"),
                new Case("unknown status", "L2,2022-03,XB,PLANNED,AF,KEN,AFRICA,1,STAFF,1.00", "status", "unknown status 'PLANNED'"),
                new Case("unknown region", "L2,2022-03,XB,ESTIMATE,OC,KEN,AFRICA,1,STAFF,1.00", "region", "unknown region 'OC'"),
                new Case("unknown country", "L2,2022-03,XB,ESTIMATE,AF,XYZ,AFRICA,1,STAFF,1.00", "country", "unknown country 'XYZ'"),
                new Case("unknown unit", "L2,2022-03,XB,ESTIMATE,AF,KEN,NOPE,1,STAFF,1.00", "unit", "unknown unit 'NOPE'"),
                new Case("unknown outcome", "L2,2022-03,XB,ESTIMATE,AF,KEN,AFRICA,9,STAFF,1.00", "outcome", "unknown outcome '9'"),
                new Case("unknown object", "L2,2022-03,XB,ESTIMATE,AF,KEN,AFRICA,1,FOOD,1.00", "object", "unknown object 'FOOD'"),
                new Case("three decimals", "L2,2022-03,XB,ESTIMATE,AF,KEN,AFRICA,1,STAFF,1.005", "amount_usd", "more than 2 decimals"),
                new Case("thousands separator", "L2,2022-03,XB,ESTIMATE,AF,KEN,AFRICA,1,STAFF,\"1,234.00\"", "amount_usd",
                        "thousands separators in a number: write '1234.00' instead of '1,234.00'"),
                new Case("full-width digits", "L2,2022-03,XB,ESTIMATE,AF,KEN,AFRICA,1,STAFF,１２.50", "amount_usd",
                        "full-width digit U+FF11 (FULLWIDTH DIGIT ONE) at character 1: type the digits 0-9 ('12.50')"),
                new Case("full-width point", "L2,2022-03,XB,ESTIMATE,AF,KEN,AFRICA,1,STAFF,12．50", "amount_usd",
                        "U+FF0E (FULLWIDTH FULL STOP) at character 3: type '.' ('12.50')"),
                new Case("decimal comma", "L2,2022-03,XB,ESTIMATE,AF,KEN,AFRICA,1,STAFF,\"12,5\"", "amount_usd",
                        "decimal comma in '12,5': write '12.5'"),
                new Case("space before the amount", "L2,2022-03,XB,ESTIMATE,AF,KEN,AFRICA,1,STAFF, 12.00", "amount_usd",
                        "a space before or after the amount ' 12.00': write '12.00'"),
                new Case("space after the amount", "L2,2022-03,XB,ESTIMATE,AF,KEN,AFRICA,1,STAFF,12.00 ", "amount_usd",
                        "a space before or after the amount '12.00 ': write '12.00'"),
                new Case("not a number", "L2,2022-03,XB,ESTIMATE,AF,KEN,AFRICA,1,STAFF,12a", "amount_usd", "not an amount"),
                // A no-break space (as a web page or Excel leaves it) shows as a plain one: named, as a plain one is
                // beside an amount; a code's spaces are said as the amount's (tester81a F8).
                amount("no-break space after the amount", "1234.50\u00a0", "a no-break space (U+00A0, which shows as a space: "
                        + "Excel and web pages type it) after the amount '1234.50\u00a0': write '1234.50'"),
                new Case("space before the region", "L2,2022-03,XB,ESTIMATE, AF,KEN,AFRICA,1,STAFF,1.00", "region",
                        "a space before the region ' AF': write 'AF'"),
                new Case("no-break space after the unit", "L2,2022-03,XB,ESTIMATE,AF,KEN,AFRICA\u00a0,1,STAFF,1.00", "unit",
                        "a no-break space (U+00A0, which shows as a space: Excel and web pages type it) after the unit 'AFRICA\u00a0': "
                        + "write 'AFRICA'"),
                new Case("spaced code that is none", "L2,2022-03,XB,ESTIMATE, OC,KEN,AFRICA,1,STAFF,1.00", "region",
                        "unknown region ' OC'"),
                // An ERP's posting date is no date Excel made: said as a date, with the month to write.
                new Case("period a full date", "L2,2022-03-15,XB,ESTIMATE,AF,KEN,AFRICA,1,STAFF,1.00", "period",
                        "'2022-03-15' is a date: write the month, '2022-03'"),
                new Case("duplicate line_id", "L1,2022-03,XB,ESTIMATE,AF,KEN,AFRICA,1,STAFF,1.00", "line_id", "duplicate line_id 'L1' (first on line 2)"),
                new Case("unterminated quote", "L2,2022-03,XB,ESTIMATE,AF,KEN,AFRICA,1,STAFF,\"1.00", "amount_usd", "unterminated quote"),
                new Case("wrong column count", "L2,2022-03,XB,ESTIMATE,AF,KEN,AFRICA,1,STAFF", "",
                        "9 fields, expected 10 (" + LineFormat.HEADER + ")"),
                // Amounts as finance systems and word processors write them: name, amount_usd, words of the reason.
                amount("trailing minus", "1234.50-", "amount '1234.50-' has its minus sign at the end: write '-1234.50'"),
                amount("minus sign", "\u22121234.50", "starts with U+2212 (MINUS SIGN), as word processors and PDFs print it: "
                        + "type the keyboard's '-' ('-1234.50')"),
                amount("space-grouped decimal comma", "\"1 234,50\"", "thousands separator in amount '1 234,50': write '1234.50'"),
                new Case("empty line", "", "", "blank line inside the data: remove it"),
                new Case("row of empty cells", ",,,,,,,,,", "", "blank line inside the data: remove it"),
                new Case("row of quoted empty cells", "\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\"", "",
                        "blank line inside the data: remove it"));
    }

    private static Case amount(String name, String amount, String reason) {
        return new Case(name, "L2,2022-03,XB,ESTIMATE,AF,KEN,AFRICA,1,STAFF," + amount, "amount_usd", reason);
    }

    private static Path fileWith(String name, byte[]... lines) throws IOException {
        Path f = dir.resolve("bad-" + name.replace(' ', '-')).resolve("lines.csv");
        Files.createDirectories(f.getParent());
        List<byte[]> all = new ArrayList<>();
        all.add(LineFormat.HEADER.getBytes(StandardCharsets.US_ASCII));
        all.addAll(List.of(lines));
        try (var out = Files.newOutputStream(f)) {
            for (byte[] l : all) {
                out.write(l);
                out.write('\n');
            }
        }
        return f;
    }

    @ParameterizedTest
    @MethodSource("badLines")
    void strictModeStopsAtTheBadLine(Case c) throws IOException {
        Path f = fileWith(c.name(), GOOD.getBytes(StandardCharsets.UTF_8), c.line().getBytes(StandardCharsets.UTF_8),
                "L3,2022-03,XB,ESTIMATE,AF,,AFRICA,1,STAFF,2".getBytes(StandardCharsets.UTF_8));
        InputError e = assertThrows(InputError.class, () -> ingest(null).run(List.of(f), "expenditure/"));
        // The message names the file as it opens from here (outside the working folder: its absolute path), not as
        // the outputs publish it (the rejects below).
        assertEquals(f.toString(), e.file());
        assertTrue(Files.isRegularFile(Path.of(e.file())), e.file());
        assertEquals(3, e.line(), e.getMessage());
        assertEquals(c.column(), e.column(), e.getMessage());
        assertTrue(e.reason().contains(c.reason()), e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("badLines")
    void rejectsModeSetsTheBadLineAsideAndCountsIt(Case c) throws IOException {
        Path f = fileWith(c.name(), GOOD.getBytes(StandardCharsets.UTF_8), c.line().getBytes(StandardCharsets.UTF_8),
                "L3,2022-03,XB,ESTIMATE,AF,,AFRICA,1,STAFF,2".getBytes(StandardCharsets.UTF_8));
        Path rejects = f.resolveSibling("rejects.csv");
        ExpenditureIngest.Result r = ingest(rejects).run(List.of(f), "expenditure/");
        assertEquals(new ExpenditureIngest.FileStats("expenditure/lines.csv", 3, 2, 0, 1, Files.size(f), SyntheticMark.NONE), r.files().get(0));
        assertEquals(1_002_50L, r.totals().totalCents(), "the two good lines: 1000.50 + 2");
        List<String> lines = Files.readAllLines(rejects);
        assertEquals(2, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(1).startsWith("expenditure/lines.csv,3," + c.column() + ","), lines.get(1));
        assertTrue(lines.get(1).contains(c.reason()), lines.get(1));
    }

    /** How a file may end: blank lines, CRLF or LF, rows of empty cells (Excel's, or a finance export's quoted ones). */
    static List<String> blankEndings() {
        return List.of("\n", "\r\n", "\n\n\n", "\r\n\r\n", ",,,,,,,,,\n", ",,,,,,,,,\r\n,,,,,,,,,",
                "\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\"\r\n\r\n", "  \n\t\n");
    }

    /** The ending written out so that a failing case names itself. */
    static List<org.junit.jupiter.params.provider.Arguments> blankEndingCases() {
        return blankEndings().stream().map(e -> org.junit.jupiter.params.provider.Arguments.of(
                e.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t"), e)).toList();
    }

    static Path fileEndingWith(Path dir, String name, String ending) throws IOException {
        Path f = dir.resolve("ending-" + Integer.toHexString(name.hashCode()) + "/lines.csv");
        Files.createDirectories(f.getParent());
        StringBuilder text = new StringBuilder("\uFEFF" + LineFormat.HEADER + "\r\n");
        for (int i = 1; i <= 300; i++) {
            text.append(GOOD.replace("L1,", "L" + i + ",")).append("\r\n");
        }
        Files.writeString(f, text + ending, StandardCharsets.UTF_8);
        return f;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blankEndingCases")
    void blankLinesAndEmptyCellsEndingAFileAreNoLines(String shown, String ending) throws IOException {
        Path f = fileEndingWith(dir, shown, ending);
        // Strict, then with rejects, on one partition and on many (the blank end is past every partition's range).
        for (long chunk : new long[] {1 << 20, 1024}) {
            ExpenditureIngest.Result strict = ingest(null).withMinPartition(chunk).run(List.of(f), "expenditure/");
            assertEquals(300, strict.totals().totalLines());
            assertEquals(300 * 1_000_50L, strict.totals().totalCents());
            Path rejects = f.resolveSibling("rejects-" + chunk + ".csv");
            ExpenditureIngest.Result r = ingest(rejects).withMinPartition(chunk).run(List.of(f), "expenditure/");
            assertEquals(new ExpenditureIngest.FileStats("expenditure/lines.csv", 300, 300, 0, 0, Files.size(f), SyntheticMark.NONE),
                    r.files().get(0), "not read, not rejected");
            assertEquals(List.of("file,line,column,reason,raw_line"), Files.readAllLines(rejects));
        }
    }

    /**
     * A file cut short by a copy that did not finish, inside its last amount (121614.90 read as 12): its missing line
     * end is the one trace, and the file is refused, in strict mode and with rejects alike (found by an exploratory
     * test: Figure 2 was published 121 602.90 short). A blank row of empty cells after the last line needs none.
     */
    @Test
    void aFileWhoseLastLineHasNoLineEndIsRefusedAsCutShort() throws IOException {
        Path f = dir.resolve("cut/lines.csv");
        Files.createDirectories(f.getParent());
        Files.writeString(f, LineFormat.HEADER + "\n" + GOOD + "\n" + GOOD.replace("L1,", "L2,").replace("1000.50", "12"));
        for (String rejects : new String[] {null, "rejects"}) {
            InputError e = assertThrows(InputError.class, () -> ingest(rejects == null ? null : dir.resolve("cut/rejects.csv"))
                    .run(List.of(f), ""));
            assertTrue(e.getMessage().startsWith(f + ", line 3: the last line has no line end: the file may have been cut short"),
                    e.getMessage());
        }
        // Its line is named as an editor numbers it (it shows how far the copy got): after a synthetic file's mark line,
        // and in a file of many partitions, whose line ends are counted only once the error is found.
        StringBuilder marked = new StringBuilder(SyntheticMark.LINE + "\r\n" + LineFormat.HEADER + "\r\n");
        for (int i = 1; i <= 400; i++) {
            marked.append(GOOD.replace("L1,", "L" + i + ",")).append(i < 400 ? "\r\n" : "");
        }
        Files.writeString(f, marked);
        for (long chunk : new long[] {1 << 20, 1024}) {
            InputError e = assertThrows(InputError.class, () -> ingest(null).withMinPartition(chunk).run(List.of(f), ""));
            assertTrue(e.getMessage().startsWith(f + ", line 402: the last line has no line end"), e.getMessage());
        }
        Files.writeString(f, LineFormat.HEADER + "\n" + GOOD + "\n,,,,,,,,,");
        assertEquals(1, ingest(null).run(List.of(f), "").totals().totalLines());
    }

    @Test
    void aFileOfOnlyBlankLinesAfterItsHeaderHasNoLines() throws IOException {
        Path f = dir.resolve("only-blank/lines.csv");
        Files.createDirectories(f.getParent());
        Files.writeString(f, LineFormat.HEADER + "\r\n\r\n,,,,,,,,,\r\n");
        InputError e = assertThrows(InputError.class, () -> ingest(null).run(List.of(f), ""));
        assertEquals(1, e.line());
        assertTrue(e.reason().contains("no expenditure lines after the header"), e.getMessage());
    }

    @Test
    void aBlankLineBeforeTheBlankEndIsStillRefusedAtItsLine() throws IOException {
        // Lines 2-301 good, 302 blank, 303 a good line, then a blank end: the blank line between data lines is refused.
        Path f = fileEndingWith(dir, "middle", "\r\n" + GOOD.replace("L1,", "L999,") + "\r\n\r\n,,,,,,,,,\r\n");
        InputError e = assertThrows(InputError.class, () -> ingest(null).run(List.of(f), ""));
        assertEquals(302, e.line(), e.getMessage());
        assertTrue(e.reason().startsWith("blank line inside the data: remove it"), e.getMessage());
    }

    @Test
    void aHeaderOfAnotherSeparatorOrMoreColumnsIsNamedForWhatItIs() throws IOException {
        Path f = dir.resolve("headers/lines.csv");
        Files.createDirectories(f.getParent());
        Files.writeString(f, LineFormat.HEADER.replace(',', '\t') + "\n" + GOOD.replace(',', '\t') + "\n");
        InputError tabs = assertThrows(InputError.class, () -> ingest(null).run(List.of(f), ""));
        assertEquals(1, tabs.line());
        assertTrue(tabs.reason().endsWith("(the columns are separated by tabs: save the file as CSV UTF-8 (Comma delimited))"),
                tabs.getMessage());
        Files.writeString(f, LineFormat.HEADER.replace(',', ';') + "\n" + GOOD.replace(',', ';') + "\n");
        InputError semicolons = assertThrows(InputError.class, () -> ingest(null).run(List.of(f), ""));
        assertTrue(semicolons.reason().endsWith("(the columns are separated by ';': save the file as CSV UTF-8 (Comma delimited))"),
                semicolons.getMessage());
        Files.writeString(f, LineFormat.HEADER + ",posting_date,text\n" + GOOD + ",2022-03-31,x\n");
        InputError more = assertThrows(InputError.class, () -> ingest(null).run(List.of(f), ""));
        assertEquals(1, more.line());
        assertEquals("posting_date", more.column());
        assertTrue(more.reason().startsWith("unexpected column: an expenditure file has the 10 columns " + LineFormat.HEADER),
                more.getMessage());
    }

    /**
     * A header that is not the contract's says which column: the first one missing, spelt otherwise or out of order (it
     * printed both whole headers, to be compared by eye); each name in quotes is the same header, as quoted lines are;
     * a UTF-16 file is said so, its NUL bytes never shown (found by an exploratory test).
     */
    @Test
    void aWrongHeaderNamesTheColumnAndAQuotedOneIsRead() throws IOException {
        Path f = dir.resolve("named/lines.csv");
        Files.createDirectories(f.getParent());
        String expected = ": the header must be '" + LineFormat.HEADER + "'";
        Files.writeString(f, LineFormat.HEADER.replace(",object", "") + "\n" + GOOD + "\n");
        assertEquals("column 'object' is missing" + expected, assertThrows(InputError.class, () -> ingest(null).run(List.of(f), "")).reason());
        Files.writeString(f, LineFormat.HEADER.replace("line_id", "LINE_ID") + "\n" + GOOD + "\n");
        assertEquals("column 1 is named 'LINE_ID', to be written 'line_id' (lower case, no spaces)" + expected,
                assertThrows(InputError.class, () -> ingest(null).run(List.of(f), "")).reason());
        Files.writeString(f, LineFormat.HEADER.replace("period,fund", "fund,period") + "\n" + GOOD + "\n");
        assertEquals("column 2 is 'fund' where 'period' is expected" + expected + " (the columns in this order)",
                assertThrows(InputError.class, () -> ingest(null).run(List.of(f), "")).reason());
        Files.writeString(f, "\"" + LineFormat.HEADER.replace(",", "\",\"") + "\"\n" + GOOD + "\n");
        assertEquals(1, ingest(null).run(List.of(f), "").totals().totalLines(), "a header quoted name by name is the header");
        Files.write(f, ("\ufeff" + LineFormat.HEADER + "\n" + GOOD + "\n").getBytes(StandardCharsets.UTF_16LE));
        InputError utf16 = assertThrows(InputError.class, () -> ingest(null).run(List.of(f), ""));
        assertEquals("the file is in UTF-16 (Excel's \"Unicode Text\"): save it as CSV UTF-8 (Comma delimited)", utf16.reason());
        assertFalse(utf16.getMessage().contains("\0"), utf16.getMessage());
    }

    /**
     * A file that is no text is said so, its bytes never shown: a gzip'd or zipped export (its binary bytes went to the
     * terminal, with advice about ';'), old Mac line ends (CR alone: "column 10 is 'amount_usd?R01'"), and any header
     * shows no control or replacement character (tester81a F5, F8).
     */
    @Test
    void aCompressedFileOrOneWithCrLineEndsIsSaidSoAndNoBinaryShown() throws IOException {
        Path f = dir.resolve("not-text/lines.csv.gz");
        Files.createDirectories(f.getParent());
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(f))) {
            out.write((LineFormat.HEADER + "\n" + GOOD + "\n").getBytes(StandardCharsets.UTF_8));
        }
        InputError gz = assertThrows(InputError.class, () -> ingest(null).run(List.of(f), ""));
        assertEquals("the file is gzip-compressed (or zip), not text: decompress it first and give the .csv file inside", gz.reason());
        Path zip = f.resolveSibling("lines.zip");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new java.util.zip.ZipEntry("lines.csv"));
            out.write((LineFormat.HEADER + "\n" + GOOD + "\n").getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(gz.reason(), assertThrows(InputError.class, () -> ingest(null).run(List.of(zip), "")).reason());

        Path cr = f.resolveSibling("mac.csv");
        Files.writeString(cr, LineFormat.HEADER + "\r" + GOOD + "\r");
        InputError mac = assertThrows(InputError.class, () -> ingest(null).run(List.of(cr), ""));
        assertEquals(1, mac.line());
        assertEquals("its lines end with a carriage return alone (Excel for Mac's 'CSV (Macintosh)'): save it as CSV UTF-8 "
                + "(Comma delimited)", mac.reason());

        Path binary = f.resolveSibling("binary.csv");
        Files.write(binary, new byte[] {'l', 'i', 'n', 'e', (byte) 0xff, (byte) 0xfe, 1, 2, 'x', ';', 'y', '\n'});
        InputError bytes = assertThrows(InputError.class, () -> ingest(null).run(List.of(binary), ""));
        assertTrue(bytes.reason().startsWith("header is 'line????x;y'"), bytes.getMessage());
        assertFalse(bytes.getMessage().chars().anyMatch(c -> c == 0xfffd || Character.isISOControl(c)), bytes.getMessage());
    }

    /**
     * A quoted field holding a line break (typed into a cell) is said so, from its line to the line its quote closes
     * on, also in a later partition and in the rejects; a quote that never closes is still "unterminated" (tester81a F8).
     */
    @Test
    void aLineBreakInsideAQuotedFieldIsNamedFromLineToLine() throws IOException {
        StringBuilder text = new StringBuilder(LineFormat.HEADER + "\n");
        for (int i = 1; i <= 200; i++) {
            text.append(GOOD.replace("L1,", "L" + i + ",")).append('\n');
        }
        text.append("\"R0\n1\",2022-03,XB,ESTIMATE,AF,KEN,AFRICA,1,STAFF,1.00\n");
        text.append("R02,2022-03,XB,ESTIMATE,AF,KEN,AFRICA,1,\"STAFF\",2.00\n");
        Path f = dir.resolve("line-break/lines.csv");
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        InputError e = assertThrows(InputError.class, () -> ingest(null).withMinPartition(1024).run(List.of(f), ""));
        assertEquals(202, e.line());
        assertEquals("line_id", e.column());
        assertEquals("a line break inside a quoted field (line 202 to 203): remove the line break from the cell", e.reason());
        Path rejects = f.resolveSibling("rejects.csv");
        ingest(rejects).withMinPartition(1024).run(List.of(f), "");
        String all = Files.readString(rejects);
        assertTrue(all.contains("lines.csv,202,line_id,a line break inside a quoted field (line 202 to 203)"), all);

        Files.writeString(f, LineFormat.HEADER + "\n" + GOOD + "\n\"L2,2022-03,XB,ESTIMATE,AF,KEN,AFRICA,1,STAFF,1.00\n"
                + "L3,2022-03,XB,ESTIMATE,AF,KEN,AFRICA,1,STAFF,1.00\n");
        assertEquals("unterminated quote", assertThrows(InputError.class, () -> ingest(null).run(List.of(f), "")).reason());
    }

    @Test
    void invalidUtf8IsRefusedAndAByteOrderMarkSkipped() throws IOException {
        byte[] bad = GOOD.replace("L1", "L9").replace("KEN", "K\u00ffN").getBytes(StandardCharsets.ISO_8859_1);
        Path f = fileWith("utf8", GOOD.getBytes(StandardCharsets.UTF_8), bad);
        InputError e = assertThrows(InputError.class, () -> ingest(null).run(List.of(f), ""));
        assertEquals(3, e.line());
        assertTrue(e.reason().contains("not valid UTF-8"), e.getMessage());
        assertEquals("country", e.column(), "the field the bad byte is in");

        Path bom = dir.resolve("bom/lines.csv");
        Files.createDirectories(bom.getParent());
        Files.write(bom, ("\uFEFF" + LineFormat.HEADER + "\n" + GOOD + "\n").getBytes(StandardCharsets.UTF_8));
        // Excel's "CSV UTF-8" starts with a byte-order mark: it is skipped, the header read after it.
        ExpenditureIngest.Result r = ingest(null).run(List.of(bom), "");
        assertEquals(1, r.totals().totalLines());
        assertEquals(1_000_50L, r.totals().totalCents());
    }

    @Test
    void aDuplicateAcrossChunksRejectsTheLaterLineWhateverTheTiming() throws IOException {
        // 2 000 good lines, then L1 again at line 2 002: with 1 KB chunks the two copies are in different chunks.
        List<byte[]> lines = new ArrayList<>();
        for (int i = 1; i <= 2000; i++) {
            lines.add(GOOD.replace("L1,", "L" + i + ",").getBytes(StandardCharsets.US_ASCII));
        }
        lines.add(GOOD.replace("1000.50", "7.00").getBytes(StandardCharsets.US_ASCII));
        Path f = fileWith("cross-chunk", lines.toArray(byte[][]::new));
        for (int attempt = 0; attempt < 3; attempt++) {
            Path rejects = f.resolveSibling("rejects-" + attempt + ".csv");
            ExpenditureIngest.Result r = ingest(rejects).withMinPartition(1024).run(List.of(f), "");
            assertEquals(2000 * 1_000_50L, r.totals().totalCents(), "the later copy (7.00) is the one left out");
            List<String> rej = Files.readAllLines(rejects);
            assertEquals(2, rej.size());
            assertTrue(rej.get(1).startsWith("lines.csv,2002,line_id,duplicate line_id 'L1' (first on line 2),"), rej.get(1));
        }
        InputError e = assertThrows(InputError.class, () -> ingest(null).withMinPartition(1024).run(List.of(f), ""));
        assertEquals(2002, e.line());
        assertEquals("duplicate line_id 'L1' (first on line 2)", e.reason());
    }

    /**
     * A duplicate names the line its id was first on, as every other input's duplicate does: in its own file "(first on
     * line N)", in an earlier file of the same ingest that file too (as the message names files, from where the command
     * ran; as the rejects publish them). A bad line's id is no one's first, and a quoted id is the same id unquoted. The
     * same words with the ids in bit sets or found on disk, in one partition or many.
     */
    @Test
    void aDuplicateNamesTheLineItsIdWasFirstOn() throws IOException {
        List<byte[]> first = new ArrayList<>();
        for (int i = 1; i <= 1500; i++) {
            first.add(GOOD.replace("L1,", "L" + i + ",").getBytes(StandardCharsets.US_ASCII));
        }
        // Line 1 000 of the file has L5000's id but a bad month; line 1 200 is L5000 quoted, its first good line.
        first.set(1000 - 2, GOOD.replace("L1,2022-03", "L5000,2022-13").getBytes(StandardCharsets.US_ASCII));
        first.set(1200 - 2, GOOD.replace("L1,", "\"L5000\",").getBytes(StandardCharsets.US_ASCII));
        first.set(1400 - 2, GOOD.replace("L1,", "L5000,").getBytes(StandardCharsets.US_ASCII));
        Path a = fileWith("first-a", first.toArray(byte[][]::new));
        Path b = fileWith("first-b", GOOD.replace("L1,", "B1,").getBytes(StandardCharsets.US_ASCII),
                GOOD.replace("L1,", "L700,").getBytes(StandardCharsets.US_ASCII),
                GOOD.replace("L1,", "B1,").getBytes(StandardCharsets.US_ASCII));
        List<String> expected = List.of(
                "expenditure/lines.csv|1000|period|month 13 in '2022-13' is not 01-12",
                "expenditure/lines.csv|1400|line_id|duplicate line_id 'L5000' (first on line 1200)",
                "expenditure/lines.csv|3|line_id|duplicate line_id 'L700' (first on expenditure/lines.csv, line 701)",
                "expenditure/lines.csv|4|line_id|duplicate line_id 'B1' (first on line 2)");
        for (long chunk : new long[] {1 << 20, 2048}) {
            for (long idMemory : new long[] {8 << 20, 8192}) {
                String way = "partitions of " + chunk + " bytes, " + idMemory + " bytes of id memory";
                Path rejects = a.resolveSibling("rejects-" + chunk + "-" + idMemory + ".csv");
                ingest(rejects).withMinPartition(chunk).withIdMemory(idMemory).run(List.of(a, b), "expenditure/");
                List<String> rejected = new ArrayList<>();
                try (var csv = new com.opencsv.CSVReader(Files.newBufferedReader(rejects))) {
                    csv.skip(1);
                    for (String[] row : csv) {
                        rejected.add(String.join("|", List.of(row).subList(0, 4)));
                    }
                }
                assertEquals(expected, rejected, way);

                Path bFirst = fileWith("first-b-strict", GOOD.replace("L1,", "L700,").getBytes(StandardCharsets.US_ASCII));
                InputError e = assertThrows(InputError.class, () -> ingest(null).withMinPartition(chunk).withIdMemory(idMemory)
                        .run(List.of(fileWith("first-a-strict", first.subList(0, 800).toArray(byte[][]::new)), bFirst), ""));
                assertEquals(List.of(bFirst.toString(), 2L, "line_id"), List.of(e.file(), e.line(), e.column()), way);
                assertEquals("duplicate line_id 'L700' (first on " + a.resolveSibling("../bad-first-a-strict/lines.csv").normalize()
                        + ", line 701)", e.reason(), way);
            }
        }
    }

    @Test
    void duplicatesFoundOnDiskByTwoWorkersAreTheSameAsInMemory() throws IOException {
        // 3 000 lines, ids repeated near each other (one worker's run) and far apart (the other worker's run, and the
        // second file), one id three times. Forced onto disk (8 KB of id memory: 1 page of bits), 2 threads, and the
        // plan is indeed two workers writing and checking about 90 buckets each.
        List<byte[]> first = new ArrayList<>();
        for (int i = 1; i <= 3000; i++) {
            int id = i == 40 ? 39 : i == 2900 ? 7 : i == 2950 ? 7 : i == 1600 ? 1500 : i;
            first.add(GOOD.replace("L1,", "L" + id + ",").replace("1000.50", i + ".00").getBytes(StandardCharsets.US_ASCII));
        }
        Path a = fileWith("disk-a", first.toArray(byte[][]::new));
        Path b = fileWith("disk-b", GOOD.replace("L1,", "L2999,").replace("1000.50", "5.00").getBytes(StandardCharsets.US_ASCII),
                GOOD.replace("L1,", "L3001,").getBytes(StandardCharsets.US_ASCII));
        Path inMemory = dir.resolve("rejects-memory.csv");
        Path onDisk = dir.resolve("rejects-disk.csv");
        ExpenditureIngest.Result memory = ingest(inMemory).withMinPartition(4096).run(List.of(a, b), "");
        long bytes = Files.size(a) + Files.size(b);
        DiskDuplicates.Plan plan = DiskDuplicates.Plan.of(bytes, 8192, 2, 40);
        assertEquals(2, plan.workers());
        assertTrue(plan.buckets() > 50 && plan.buckets() * 2 <= DiskDuplicates.MAX_OPEN_FILES, plan.toString());
        ExpenditureIngest.Result disk = ingest(onDisk).withMinPartition(4096).withIdMemory(8192).run(List.of(a, b), "");
        assertTrue(memory.totals().sameAs(disk.totals()));
        assertEquals(Files.readAllLines(inMemory), Files.readAllLines(onDisk));
        List<String> rejected = Files.readAllLines(onDisk).subList(1, 6).stream().map(l -> l.substring(0, l.indexOf(",line_id,")))
                .toList();
        // Line n of a file is its line n - 1 (the header is line 1); the first copy is kept, every later one rejected.
        assertEquals(List.of("lines.csv,41", "lines.csv,1601", "lines.csv,2901", "lines.csv,2951", "lines.csv,2"), rejected);
        assertEquals(5, disk.rejectedLines());
        // Each names its id's first line: the third copy the first (not the second), the second file's the first file's.
        List<String> reasons = Files.readAllLines(onDisk).subList(1, 6).stream().map(l -> l.split(",")[3]).toList();
        assertEquals(List.of("duplicate line_id 'L39' (first on line 40)", "duplicate line_id 'L1500' (first on line 1501)",
                "duplicate line_id 'L7' (first on line 8)", "duplicate line_id 'L7' (first on line 8)",
                "\"duplicate line_id 'L2999' (first on lines.csv"), reasons);
        assertTrue(Files.readAllLines(onDisk).get(5).contains("(first on lines.csv, line 3000)"), Files.readAllLines(onDisk).get(5));
    }

    @Test
    void generatedLinesOfEachBienniumNameOnlyTheCodesInForceForIt() throws IOException {
        // 2022-23 drops the last unit of the shared list and has one of its own; the earlier biennia keep the shared list.
        Dimensions shared = ExpenditureFixtures.dimensions();
        String dropped = shared.units().get(shared.units().size() - 1);
        List<String> own = new ArrayList<>(shared.units().subList(0, shared.units().size() - 1));
        own.add("NEWUNIT");
        List<String> all = new ArrayList<>(shared.units());
        all.add("NEWUNIT");
        Dimensions.InForce before = new Dimensions.InForce("shared", shared.regions(), shared.countries(), shared.units(),
                shared.outcomes(), shared.objects(), java.util.Map.of());
        Dimensions.InForce mine = new Dimensions.InForce("2022-23", shared.regions(), shared.countries(), own,
                shared.outcomes(), shared.objects(), java.util.Map.of());
        Dimensions dims = new Dimensions(shared.regions(), shared.countries(), all, shared.outcomes(), shared.objects(),
                java.util.Map.of(2016, before, 2018, before, 2020, before, 2022, mine), null);
        Path file = dir.resolve("in-force/synthetic-in-force.csv");
        new ExpenditureGenerator(dims, ExpenditureFixtures.BIENNIUMS, List.of()).write(file, 20_000, 7);

        ExpenditureIngest.Result r = new ExpenditureIngest(dims, 2, dir.resolve("in-force/rejects.csv")).run(List.of(file), "");
        assertEquals(0, r.rejectedLines(), "every line names codes in force for its biennium");
        assertEquals(20_000, r.totals().totalLines());
        int newUnit = 0;
        for (String line : Files.readAllLines(file).subList(1, 20_001)) {
            String[] f = line.split(",", -1);
            boolean of2022 = f[1].startsWith("2022") || f[1].startsWith("2023");
            assertTrue(of2022 || !f[6].equals("NEWUNIT"), line);
            assertTrue(!of2022 || !f[6].equals(dropped), line);
            newUnit += f[6].equals("NEWUNIT") ? 1 : 0;
        }
        assertTrue(newUnit > 20, "2022-23's own unit is used: " + newUnit);
    }

    @Test
    void theFolderGivesItsCsvFilesButWhatOtherProgramsLeaveBeside() throws IOException {
        Path folder = dir.resolve("listed");
        Files.createDirectories(folder);
        for (String name : List.of("b.csv", "a.csv", "._a.csv", ".~lock.a.csv#", "~$a.csv", "notes.txt")) {
            Files.writeString(folder.resolve(name), "x");
        }
        assertEquals(List.of(folder.resolve("a.csv"), folder.resolve("b.csv")), ExpenditureIngest.files(folder));
        assertEquals(List.of(), ExpenditureIngest.files(dir.resolve("no-such-folder")));
    }

    @Test
    void aWrongHeaderOrAnEmptyFileIsRefused() throws IOException {
        Path f = dir.resolve("header/lines.csv");
        Files.createDirectories(f.getParent());
        Files.writeString(f, LineFormat.HEADER.replace(",amount_usd", "") + "\n" + GOOD + "\n");
        InputError e = assertThrows(InputError.class, () -> ingest(null).run(List.of(f), ""));
        assertEquals(1, e.line());
        assertEquals("column 'amount_usd' is missing: the header must be '" + LineFormat.HEADER + "'", e.reason());
        Files.writeString(f, LineFormat.HEADER.replace("line_id", "id") + "\n" + GOOD + "\n");
        assertEquals("column 1 is 'id' where 'line_id' is expected: the header must be '" + LineFormat.HEADER + "' (the columns in this "
                + "order)", assertThrows(InputError.class, () -> ingest(null).run(List.of(f), "")).reason());
        Files.writeString(f, LineFormat.HEADER + "\n");
        assertTrue(assertThrows(InputError.class, () -> ingest(null).run(List.of(f), "")).reason().contains("no expenditure lines"));
    }

    /**
     * A header that lacks several columns names them all in one line, as an input CSV's does (missing_columns): it named
     * the first alone, so that an export of an earlier layout was refused once for each column it lacked.
     */
    @Test
    void aHeaderLackingSeveralColumnsNamesThemAll() throws IOException {
        Path f = dir.resolve("header-lacking/lines.csv");
        Files.createDirectories(f.getParent());
        Files.writeString(f, "line_id,period,fund,status,region,unit,object,amount_usd\n" + GOOD + "\n");
        InputError e = assertThrows(InputError.class, () -> ingest(null).run(List.of(f), ""));
        assertEquals(1, e.line());
        assertEquals("", e.column());
        assertEquals("missing columns country and outcome: add them to this header line, in the order of the columns, and a "
                + "cell under each to every row (empty where a value is not required); the columns are " + LineFormat.HEADER, e.reason());
        Files.writeString(f, "id,period\n" + GOOD + "\n");
        assertTrue(assertThrows(InputError.class, () -> ingest(null).run(List.of(f), "")).reason().startsWith("missing columns line_id "
                + "and fund and status and region and country and unit and outcome and object and amount_usd: "), "every one");
    }

    @Test
    void longFilesLogTheirProgress() throws Exception {
        // One chunk of 25 MB on one thread takes tens of milliseconds: the 1 ms wait for it times out and logs. (The 3.7 MB
        // file of the other tests was once parsed, on a quiet machine with the parser compiled, before the wait began.)
        Path long400k = dir.resolve("gen/synthetic-400k.csv");
        new ExpenditureGenerator(ExpenditureFixtures.dimensions(), ExpenditureFixtures.BIENNIUMS, List.of()).write(long400k, 400_000, 7);
        List<String> logged = org.pbannex.LoggedMessages.of(ExpenditureIngest.class,
                () -> new ExpenditureIngest(ExpenditureFixtures.dimensions(), 1, null).withProgressEvery(1)
                        .run(List.of(long400k), ""));
        List<String> progress = logged.stream().filter(m -> m.contains("lines/s") && m.contains("s left")).toList();
        assertTrue(!progress.isEmpty(), "progress lines: " + logged);
        assertTrue(progress.get(0).matches("expenditure: \\d+ lines \\(\\d+ lines/s\\), \\d+ of \\d+ MB \\(\\d+ MB/s\\), "
                + "about (\\d+|\\?) s left"), progress.get(0));
        assertTrue(progress.stream().anyMatch(m -> !m.startsWith("expenditure: 0 lines")), "lines counted while a partition runs: " + progress);
    }

    /**
     * 100 lines of 999 999 999 999 999.99 US$ in one cell pass what 64-bit cents hold after 92 lines: the ingest stops
     * there, naming the line, in strict and in rejects mode alike (a sum is never wrapped or left short).
     */
    @Test
    void aSumThatWouldOverflowStopsTheIngestInEitherMode() throws IOException {
        List<byte[]> lines = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            lines.add(GOOD.replace("L1,", "L" + i + ",").replace("1000.50", "999999999999999.99").getBytes(StandardCharsets.US_ASCII));
        }
        Path f = fileWith("overflow", lines.toArray(byte[][]::new));
        for (Path rejects : new Path[] {null, f.resolveSibling("rejects.csv")}) {
            InputError e = assertThrows(InputError.class, () -> ingest(rejects).run(List.of(f), ""));
            assertEquals(94, e.line(), e.getMessage()); // 92 lines fit; the 93rd data line (file line 94) would not
            assertEquals("amount_usd", e.column());
            assertTrue(e.reason().contains("passes 92233720368547758.07 US$"), e.getMessage());
        }
    }
    /** 100 lines of 999 999 999 999 999.99 US$, each cell (by its outcome) far from the limit, all in one file. */
    private static Path spreadOverCells(String name, String... before) throws IOException {
        List<byte[]> lines = new ArrayList<>();
        for (String b : before) {
            lines.add(b.getBytes(StandardCharsets.US_ASCII));
        }
        for (int i = 1; i <= 100; i++) {
            lines.add(GOOD.replace("L1,", "M" + i + ",").replace(",1,STAFF,", "," + (1 + i % 8) + ",STAFF,")
                    .replace("1000.50", "999999999999999.99").getBytes(StandardCharsets.US_ASCII));
        }
        return fileWith(name, lines.toArray(byte[][]::new));
    }

    /**
     * Lines whose cells each hold a sum far below the limit, but whose cells together pass it (Figure 2's total of a
     * biennium sums them, as does the ingest's own total): stopped at the line that passes it, in strict and rejects
     * mode alike, as bad input, never an overflow in the tables (it was "long overflow", status 5, tester75b case 1).
     */
    @Test
    void sumsOverCellsThatWouldOverflowStopTheIngestAtTheLineInEitherMode() throws IOException {
        Path f = spreadOverCells("overflow-over-cells");
        for (Path rejects : new Path[] {null, f.resolveSibling("rejects.csv")}) {
            InputError e = assertThrows(InputError.class, () -> ingest(rejects).run(List.of(f), ""));
            assertEquals(94, e.line(), e.getMessage()); // 92 lines fit in the cells together; the 93rd (file line 94) would not
            assertEquals("amount_usd", e.column());
            assertTrue(e.reason().startsWith("the lines add up to more than 92233720368547758.07 US$"), e.getMessage());
        }
    }

    /**
     * Cut into partitions that each keep within the limit, the merge of their sums finds the file passes it: said at
     * the line that passes it, as in one partition (it named the file alone), in strict and rejects mode alike.
     */
    @Test
    void sumsOverPartitionsThatWouldOverflowNameTheLineThatPassesIt() throws IOException {
        Path f = spreadOverCells("overflow-over-partitions");
        for (Path rejects : new Path[] {null, f.resolveSibling("rejects.csv")}) {
            ExpenditureIngest cut = ingest(rejects).withMinPartition(1024);
            assertTrue(cut.plan(List.of(f), Path::toString).size() > 1, "several partitions");
            InputError e = assertThrows(InputError.class, () -> cut.run(List.of(f), ""));
            assertEquals(f + ", line 94, column amount_usd: the lines add up to more than 92233720368547758.07 US$ (the sum of "
                    + "each fund, status, region, outcome and biennium taken without its sign), the most that 64-bit cents can "
                    + "hold: nothing is published", e.getMessage());
        }
    }

    /**
     * A negative line whose id an earlier file holds is rejected and taken out of its file's sums: what is left may pass
     * the limit the parse kept them to, and is said so (not an ArithmeticException out of the merge).
     */
    @Test
    void aRepeatedNegativeLineTakenOutCanNotLeaveSumsPastTheLimit() throws IOException {
        Path first = dir.resolve("overflow-repeat/a.csv");
        Files.createDirectories(first.getParent());
        Files.writeString(first, LineFormat.HEADER + "\nM0,2022-03,XB,ESTIMATE,AF,KEN,AFRICA,1,STAFF,1\n");
        Path second = spreadOverCells("overflow-repeat-b", "M0,2022-03,XB,ESTIMATE,AF,KEN,AFRICA,2,STAFF,-999999999999999.99");
        List<String> lines = new ArrayList<>(Files.readAllLines(second));
        Files.write(second, lines.subList(0, 94)); // the negative line and 92 others: within the limit without it too
        Path rejects = second.resolveSibling("rejects.csv");
        assertEquals(1 + 92, ingest(rejects).run(List.of(first, second), "").totals().totalLines());
        Files.write(second, lines.subList(0, 95)); // 93 others: within it only with the negative line
        InputError e = assertThrows(InputError.class, () -> ingest(rejects).run(List.of(first, second), ""));
        assertEquals(second.toString(), e.file());
        assertEquals(95, e.line(), "the 93rd of the others, past the negative line (taken out) on line 2: " + e.getMessage());
        assertTrue(e.reason().startsWith("the lines add up to more than 92233720368547758.07 US$"), e.getMessage());
    }
}
