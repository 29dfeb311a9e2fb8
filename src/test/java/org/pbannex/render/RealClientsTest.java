package org.pbannex.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opencsv.CSVReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.Golden;
import org.pbannex.publication.ComputedPublication;
import org.pbannex.render.pdf.PdfDocumentWriter;
import org.pbannex.render.xlsx.XlsxWorkbookWriter;
import org.pbannex.table.Column;
import org.pbannex.table.Language;
import org.pbannex.table.Row;
import org.pbannex.table.RowType;
import org.pbannex.table.Table;
import org.pbannex.table.ValueKind;

/**
 * The 2022-23 workbooks and PDFs, in both editions, opened by the programs reviewers and readers use: LibreOffice
 * (headless) opens each workbook and exports every sheet to CSV and the workbook to PDF, and every figure of every
 * table must come back on its row; poppler's pdffonts must find every font embedded and pdftotext must get the
 * labels and figures back. The programs come from Debian (.ci/run installs them); without them the test is
 * skipped, except in CI, where it fails.
 */
class RealClientsTest {

    @TempDir
    static Path dir;
    static ComputedPublication pub;

    @BeforeAll
    static void writeEditions() throws IOException {
        pub = GoldenEditions.publication();
        PublicationInfo info = GoldenEditions.info(pub);
        List<Table> tables = List.copyOf(pub.tables().values());
        for (Language lang : Language.values()) {
            XlsxWorkbookWriter.write(tables, lang, info, GoldenEditions.wording(pub), dir.resolve("annexes." + lang.code() + ".xlsx"));
            PdfDocumentWriter.write(tables, lang, info, GoldenEditions.wording(pub), Golden.home().resolve("work/fonts"), dir.resolve("annexes." + lang.code() + ".pdf"));
        }
    }

    /** Runs a program; skips the test when it is not installed (fails in CI). Returns its standard output. */
    static String run(Path workDir, String... command) throws IOException, InterruptedException {
        return org.pbannex.TestWorkbooks.program(workDir, command);
    }

    /** soffice with its own profile folder, so parallel or leftover instances do not interfere. */
    static void libreOffice(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("soffice", "-env:UserInstallation=" + dir.resolve("lo-profile").toUri(),
                "--headless", "--norestore"));
        cmd.addAll(List.of(args));
        run(workDir, cmd.toArray(String[]::new));
    }

    /**
     * Both editions' workbooks converted by one start of LibreOffice (a start costs seconds of CPU), into a folder per
     * conversion, once for the class: the folder.
     */
    private static synchronized Path converted(String filter) throws IOException, InterruptedException {
        Path out = dir.resolve("lo-" + filter.replaceAll("[^A-Za-z]", "").toLowerCase(java.util.Locale.ROOT));
        if (!Files.isDirectory(out)) {
            Path converting = Files.createDirectories(dir.resolve(out.getFileName() + ".converting"));
            List<String> args = new ArrayList<>(List.of("--convert-to", filter, "--outdir", converting.toString()));
            for (Language lang : Language.values()) {
                args.add(dir.resolve("annexes." + lang.code() + ".xlsx").toString());
            }
            libreOffice(converting, args.toArray(String[]::new));
            Files.move(converting, out);
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void libreOfficeReadsEveryFigureOfEveryTable(Language lang) throws Exception {
        Path xlsx = dir.resolve("annexes." + lang.code() + ".xlsx");
        // Every sheet (-1), UTF-8 (76), raw values rather than values as shown (9th token false).
        Path out = converted("csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1");
        int figures = 0;
        for (Table t : pub.tables().values()) {
            // LibreOffice names each sheet's file <workbook>-<sheet name>.csv; the table's sheet holds its Excel table.
            Path csv = out.resolve("annexes." + lang.code() + "-" + sheetOf(xlsx, t.id()) + ".csv");
            assertTrue(Files.isRegularFile(csv), "LibreOffice exported the sheet of " + t.id() + ": " + list(out));
            figures += assertFiguresOnTheirRows(t, read(csv), lang);
        }
        assertTrue(figures > 1000, "figures compared: " + figures);
    }

    /** The name of the sheet that holds a table's Excel table (Table_a2_1 for a2-1). */
    private static String sheetOf(Path xlsx, String id) throws IOException {
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(xlsx.toFile())) {
            for (var s : wb) {
                if (((org.apache.poi.xssf.usermodel.XSSFSheet) s).getTables().stream()
                        .anyMatch(x -> x.getName().equals("Table_" + id.replace('-', '_')))) {
                    return s.getSheetName();
                }
            }
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IOException(e);
        }
        throw new AssertionError("no sheet holds table " + id);
    }

    /** Each valued row is found, in order, by its label; each of its numbers is on that line. Returns the count. */
    private static int assertFiguresOnTheirRows(Table t, List<String[]> lines, Language lang) {
        int at = 0;
        int compared = 0;
        for (Row r : t.rows()) {
            if (r.type() == RowType.HEADING) {
                continue;
            }
            // The workbook shows a printed marker ending a label as its note: "...cooperation.¹" is "...cooperation. [note 17]".
            String label = withoutMarker(r.label().in(lang));
            at = rowLabelled(lines, at, label, RealClientsTest::withoutMarker);
            assertTrue(at < lines.size(), t.id() + ": no line labelled '" + label + "' after the previous row");
            List<BigDecimal> numbers = new ArrayList<>();
            for (String cell : lines.get(at)) {
                try {
                    numbers.add(new BigDecimal(cell.strip()).stripTrailingZeros());
                } catch (NumberFormatException notANumber) {
                    // text cell
                }
            }
            for (Column c : org.pbannex.render.OutputColumns.sheet(t)) {
                Object v = r.value(c.key());
                if (!(v instanceof Number n)) {
                    continue;
                }
                List<BigDecimal> expected = c.kind() == ValueKind.YEARS_MONTHS
                        ? List.of(BigDecimal.valueOf(n.longValue() / 12), BigDecimal.valueOf(n.longValue() % 12))
                        : List.of(n instanceof BigDecimal d ? d : BigDecimal.valueOf(n.longValue()));
                for (BigDecimal e : expected) {
                    assertTrue(numbers.contains(e.stripTrailingZeros()), t.id() + " row '" + label + "' column " + c.key()
                            + ": " + e.toPlainString() + " not among " + numbers);
                    compared++;
                }
            }
            at++;
        }
        return compared;
    }

    /** The first row from {@code from} on whose first cell, made comparable, is the label; rows.size() when none is. */
    private static int rowLabelled(List<String[]> rows, int from, String label,
                                   java.util.function.UnaryOperator<String> comparable) {
        int at = from;
        while (at < rows.size() && !comparable.apply(rows.get(at)[0]).equals(label)) {
            at++;
        }
        return at;
    }

    private static String withoutMarker(String label) {
        return label.replaceAll("\\s*(\\[(note|注释) \\d+\\]|\\*+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)$", "").strip();
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void libreOfficePrintsTheWorkbook(Language lang) throws Exception {
        Path out = converted("pdf");
        Path pdf = out.resolve("annexes." + lang.code() + ".pdf");
        String text = run(out, "pdftotext", "-enc", "UTF-8", pdf.toString(), "-");
        for (Table t : pub.tables().values()) {
            // (A printed marker in a title, "2022-2023 *", is the workbook's [note N].)
            assertTrue(squash(text).contains(squash(withoutMarker(t.title().in(lang)))), "printed workbook shows " + t.id() + "'s title");
        }
        // Every printed page names its sheet and its page number ("Page 2 of 5"), from the texts file: a table's
        // continuation pages, which show neither its title nor the contents sheet, too. On a sheet printed on several
        // pages across, each line above the table prints whole wherever it prints (it was cut at the page's edge, and on
        // the pages to the right at column A's).
        // A space of the footer's text may come out of the PDF as more than one: how wide the gap between a number
        // and the next character is depends on the fonts LibreOffice finds (Droid Sans Fallback, if installed, for the
        // Chinese), and so does how many spaces the text extraction makes of it.
        String footer = pub.reference().texts().get("edition.workbook.page_footer").in(lang);
        var pattern = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(footer)
                .replace("{page}", "\\E(\\d+)\\Q").replace("{pages}", "\\E(\\d+)\\Q").replace(" ", "\\E\\s+\\Q"));
        List<String> sheets = new ArrayList<>();
        List<String> chartSheets = new ArrayList<>();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(dir.resolve("annexes." + lang.code() + ".xlsx").toFile())) {
            for (var sheet : wb) {
                sheets.add(sheet.getSheetName());
                if (((org.apache.poi.xssf.usermodel.XSSFSheet) sheet).getDrawingPatriarch() != null) {
                    chartSheets.add(sheet.getSheetName());
                }
            }
        }
        java.util.Set<Integer> chartPages = new java.util.HashSet<>();
        int continued = 0;
        // The contents (the sheet after the cover) print on one page: their last row went alone onto a second.
        String contentsSheet = sheets.get(1);
        int contentsPages = 0;
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            var stripper = new org.apache.pdfbox.text.PDFTextStripper();
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                String page = stripper.getText(doc);
                var m = pattern.matcher(page);
                assertTrue(m.find(), "page " + p + " has the footer '" + footer + "': " + page);
                continued += m.group(1).equals("1") ? 0 : 1;
                String footing = page.substring(0, m.start()).strip();
                assertTrue(sheets.stream().anyMatch(footing::endsWith), "page " + p + " names its sheet: " + page);
                if (chartSheets.stream().anyMatch(footing::endsWith)) {
                    chartPages.add(p);
                }
                contentsPages += footing.endsWith(contentsSheet) ? 1 : 0;
            }
            // The text layer holds a clipped line whole: a word of it the page does not show is a word without ink. (Not
            // on the chart sheets, whose charts LibreOffice also writes, clipped away, into the page before them.)
            assertEquals(List.of(), org.pbannex.render.pdf.PageInk.ghosts(doc).stream().filter(w -> !chartPages.contains(w.page()))
                    .toList(), "words the printed pages cut off");
            assertTrue(chartPages.size() >= 4, "pages of charts: " + chartPages);
        }
        assertTrue(continued >= 10, "pages after the first: " + continued);
        assertEquals(1, contentsPages, "pages of " + contentsSheet);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void pdfFontsAreAllEmbedded(Language lang) throws Exception {
        String fonts = run(dir, "pdffonts", dir.resolve("annexes." + lang.code() + ".pdf").toString());
        List<String> rows = fonts.lines().skip(2).filter(l -> !l.isBlank()).toList();
        assertTrue(!rows.isEmpty(), fonts);
        for (String row : rows) {
            // Columns: name type encoding emb sub uni object ID; "emb" is the 4th from the right.
            String[] cols = row.trim().split("\\s+");
            assertEquals("yes", cols[cols.length - 5], "embedded: " + row);
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void pdfTextGivesBackLabelsAndFigures(Language lang) throws Exception {
        String text = squash(run(dir, "pdftotext", "-enc", "UTF-8", dir.resolve("annexes." + lang.code() + ".pdf").toString(), "-"));
        boolean zh = lang == Language.ZH;
        List<String> expected = new ArrayList<>(zh
                ? List.of("国际劳工大会", "25 073 643", "790 640 000", "1 966 / 8", "ILOSTAT 数据库", "7.4% (2018 年)", "24 个组织(非洲 7 个")
                : List.of("International Labour Conference", "Governing Body", "25,073,643", "790,640,000", "1,966 / 8",
                        "ILOSTAT database", "20 (2019); 24 (2021*)"));
        for (Table t : pub.tables().values()) {
            expected.add(t.title().in(lang));
        }
        for (String e : expected) {
            assertTrue(text.contains(squash(e)), "pdftotext finds '" + e + "'");
        }
    }

    /**
     * The PDFs are tagged, as poppler reads them (pdfinfo -struct-text): every figure of every table is the text of a
     * cell in its row's TR, the row found by its heading cell (TH) in the tables' order; each table's heading cells are
     * in its THead once, not once per page; every row of a table is as wide as the others (empty cells are cells); the page numbers and running header are not in the tree; and every
     * table's title is a heading.
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void pdfStructureTreeHoldsEveryFigureInItsRow(Language lang) throws Exception {
        Path pdf = dir.resolve("annexes." + lang.code() + ".pdf");
        assertTrue(run(dir, "pdfinfo", pdf.toString()).lines().anyMatch(l -> l.matches("Tagged:\\s+yes")), "pdfinfo: Tagged: yes");
        // (poppler reads the tree's text slowly, some 10 s for the zh edition: once per edition.)
        String tree = run(dir, "pdfinfo", "-struct-text", pdf.toString());
        List<StructureTable> tables = StructureTable.parse(tree);
        List<String[]> rows = new ArrayList<>();
        for (StructureTable s : tables) {
            rows.addAll(s.body());
        }
        int at = 0;
        int compared = 0;
        for (Table t : pub.tables().values()) {
            int first = -1;
            for (Row r : t.rows()) {
                if (r.type() == RowType.HEADING) {
                    continue;
                }
                String label = bare(r.label().in(lang));
                at = rowLabelled(rows, at, label, RealClientsTest::bare);
                assertTrue(at < rows.size(), t.id() + ": no row of the structure tree headed '" + label + "' after the previous");
                first = first < 0 ? at : first;
                List<String> cells = java.util.Arrays.stream(rows.get(at)).map(RealClientsTest::bare).toList();
                for (Column c : OutputColumns.printed(t)) {
                    Object v = r.value(c.key());
                    if (v instanceof Number) {
                        String printed = bare(NumberText.format(v, c.kind(), lang));
                        assertTrue(cells.stream().anyMatch(x -> x.startsWith(printed)),
                                t.id() + " row '" + label + "' column " + c.key() + ": " + printed + " not among " + cells);
                        compared++;
                    }
                }
                at++;
            }
            var head = org.pbannex.render.markup.TableView.of(t, lang).head();
            if (first >= 0 && !head.isEmpty()) {
                String[] firstRow = rows.get(first);
                StructureTable s = tables.stream().filter(x -> x.body().contains(firstRow)).findFirst().orElseThrow();
                // Once, not once per page the table runs over: the rows drawn again on a later page are artifacts.
                List<String> expected = head.stream().flatMap(List::stream).filter(c -> !(c.text() + c.unit()).isEmpty())
                        .map(c -> bare(c.text() + c.unit())).toList();
                List<String> found = s.head().stream().flatMap(java.util.Arrays::stream).map(RealClientsTest::bare)
                        .filter(x -> !x.isEmpty()).toList();
                assertEquals(expected, found, t.id() + ": the heading cells in the THead");
                // Every row as wide as the table: empty cells are cells of the tree, so each figure is in its column.
                assertEquals(1, s.widths().stream().distinct().count(), t.id() + ": rows' widths in columns " + s.widths());
            }
        }
        assertTrue(compared > 1000, "figures compared: " + compared);
        assertTrue(tree.lines().noneMatch(l -> l.strip().matches("\"— \\d+ —\"")), "a page number in the structure tree");
        String headings = bare(String.join("", StructureTable.textsOf(tree, "H2")));
        for (Table t : pub.tables().values()) {
            assertTrue(headings.contains(bare(withoutMarker(t.title().in(lang)))), t.id() + "'s title is an H2");
        }
    }

    /** Text compared without white space: a cell's lines break anywhere. */
    private static String bare(String s) {
        return withoutMarker(s).replaceAll("\\s+", "");
    }

    // Line breaks fall anywhere in wrapped cells; compare with runs of white space made one space.
    private static String squash(String s) {
        return s.replaceAll("\\s+", " ").replace("- ", "-");
    }

    private static List<String[]> read(Path csv) throws IOException {
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8); CSVReader reader = new CSVReader(r)) {
            return reader.readAll();
        } catch (com.opencsv.exceptions.CsvException e) {
            throw new IOException(csv + ": " + e.getMessage(), e);
        }
    }

    private static List<String> list(Path d) throws IOException {
        try (var s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
