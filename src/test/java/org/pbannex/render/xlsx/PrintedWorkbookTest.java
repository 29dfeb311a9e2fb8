package org.pbannex.render.xlsx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pbannex.TestWorkbooks;
import org.pbannex.publication.ComputedPublication;
import org.pbannex.render.GoldenEditions;
import org.pbannex.render.pdf.PageInk;
import org.pbannex.table.Language;
import org.pbannex.table.Row;
import org.pbannex.table.RowType;
import org.pbannex.table.Table;

/**
 * The 2022-23 workbooks as LibreOffice (headless) prints them, page by page: no page of a table ends with a heading
 * whose rows start the next page; and, in the English edition, whose Arial LibreOffice sets in Liberation Sans, metric
 * for metric, every column heading wraps within its column, short of the next one's, with no empty line left under
 * the header row. The pages are where the workbook puts them: LibreOffice prints a sheet at the scale {@link PageBreaks}
 * works out for it, its rows as tall as the workbook sets them, from the top margin (0.75") and the left (0.7").
 * In both editions no cell's text is cut off by its row (ClippedText), the Chinese one's set in the CJK font the build
 * fetches (Noto Sans SC), which LibreOffice is given.
 * Without LibreOffice the tests are skipped, except in CI, where they fail.
 */
class PrintedWorkbookTest {

    private static final double TOP = 54;
    private static final double LEFT = 50.4;

    @TempDir
    static Path dir;
    static ComputedPublication pub;
    static final Map<Language, Path> XLSX = new EnumMap<>(Language.class);
    static final Map<Language, Path> PDF = new EnumMap<>(Language.class);

    @BeforeAll
    static void print() throws Exception {
        pub = GoldenEditions.publication();
        List<String> args = new ArrayList<>(List.of("--convert-to", "pdf", "--outdir", dir.toString()));
        for (Language lang : Language.values()) {
            Path xlsx = dir.resolve("annexes." + lang.code() + ".xlsx");
            XlsxWorkbookWriter.write(List.copyOf(pub.tables().values()), lang, GoldenEditions.info(pub),
                    GoldenEditions.wording(pub), xlsx);
            XLSX.put(lang, xlsx);
            PDF.put(lang, dir.resolve("annexes." + lang.code() + ".pdf"));
            args.add(xlsx.toString());
        }
        // The Chinese workbook with its Notes sheet's tallest row made one line tall: the cut-off text a check must find.
        args.add(TestWorkbooks.edited(XLSX.get(Language.ZH), dir.resolve("short-row.zh.xlsx"), wb -> {
            org.apache.poi.ss.usermodel.Row tallest = tallestNote(wb);
            tallest.setHeightInPoints(tallest.getSheet().getDefaultRowHeightInPoints());
        }).toString());
        TestWorkbooks.libreOffice(dir, dir.resolve("lo-profile"), args.toArray(String[]::new));
    }

    /** The Notes sheet's tallest row: its longest note, in many lines. */
    private static org.apache.poi.ss.usermodel.Row tallestNote(XSSFWorkbook wb) {
        Sheet notes = wb.getSheet(pub.reference().texts().get("edition.notes").in(Language.ZH));
        org.apache.poi.ss.usermodel.Row tallest = notes.getRow(0);
        for (org.apache.poi.ss.usermodel.Row r : notes) {
            tallest = r.getHeightInPoints() > tallest.getHeightInPoints() ? r : tallest;
        }
        return tallest;
    }

    /**
     * No text of either printed workbook is cut off by its cell: each row is tall enough for its wrapped text as
     * LibreOffice sets it, though the workbook measures it for Excel's fonts (TextLayout: the Chinese edition's Microsoft
     * YaHei, which LibreOffice replaces by a narrower stand-in).
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void noCellTextIsCutOff(Language lang) throws Exception {
        try (PDDocument doc = Loader.loadPDF(PDF.get(lang).toFile())) {
            assertEquals(List.of(), ClippedText.of(doc), lang + ": text its cell cuts off");
            if (lang == Language.ZH) {
                // Measured in the Chinese font the build fetches (TestWorkbooks.libreOffice), not in boxes of no font.
                java.util.Properties font = new java.util.Properties();
                try (var in = java.nio.file.Files.newInputStream(org.pbannex.Golden.home().resolve("work/fonts/font.properties"))) {
                    font.load(in);
                }
                String family = font.getProperty("family").replace(" ", "");
                java.util.Set<String> used = new java.util.TreeSet<>();
                for (var page : doc.getPages()) {
                    for (var name : page.getResources().getFontNames()) {
                        used.add(page.getResources().getFont(name).getName());
                    }
                }
                assertTrue(used.stream().anyMatch(f -> f.contains(family)), "the Chinese text in " + family + ": " + used);
            }
        }
    }

    /** The check above finds text cut off: a row of several lines of Chinese made one line tall. */
    @Test
    void aRowTooShortForItsTextIsFound() throws Exception {
        String note;
        try (XSSFWorkbook wb = new XSSFWorkbook(XLSX.get(Language.ZH).toFile())) {
            org.apache.poi.ss.usermodel.Row tallest = tallestNote(wb);
            note = squash(tallest.getCell(tallest.getLastCellNum() - 1).getStringCellValue());
        }
        try (PDDocument doc = Loader.loadPDF(dir.resolve("short-row.zh.pdf").toFile())) {
            List<String> cut = ClippedText.of(doc);
            assertEquals(1, cut.size(), cut.toString());
            String text = squash(cut.get(0).substring(cut.get(0).indexOf(": ") + 2));
            assertTrue(text.length() > 20 && note.contains(text), cut + " of " + note);
        }
    }

    /**
     * No printed page of a table ends with a heading: the page's text (its footer aside) never ends with the label of
     * one of its table's heading rows (annex 1's "Employers' and workers' organizations" ended its first page, Table
     * I.2's "Output 1.3: ..." its first).
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void noPageEndsWithAHeading(Language lang) throws Exception {
        Map<String, Table> bySheet = tablesBySheet(lang);
        List<String> alone = new ArrayList<>();
        int pagesOfTables = 0;
        try (PDDocument doc = Loader.loadPDF(PDF.get(lang).toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            PDFTextStripper inOrder = new PDFTextStripper();
            inOrder.setSortByPosition(true);
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                String footing = footing(stripper.getText(doc), lang);
                Table t = bySheet.entrySet().stream().filter(e -> footing.endsWith(e.getKey())).map(Map.Entry::getValue)
                        .findFirst().orElse(null);
                if (t == null) {
                    continue;
                }
                pagesOfTables++;
                // The page's lines top to bottom, the footer (its last) aside.
                inOrder.setStartPage(p);
                inOrder.setEndPage(p);
                List<String> lines = inOrder.getText(doc).strip().lines().toList();
                String body = withoutNote(squash(String.join("", lines.subList(0, lines.size() - 1))));
                for (Row r : t.rows()) {
                    if (r.type() == RowType.HEADING && body.endsWith(withoutNote(squash(r.label().in(lang))))) {
                        alone.add("page " + p + " (" + t.id() + "): " + r.label().in(lang));
                    }
                }
            }
        }
        assertTrue(pagesOfTables > 30, lang + ": pages of tables: " + pagesOfTables);
        assertEquals(List.of(), alone, lang + ": pages that end with a heading");
    }

    /**
     * A table printed two pages across prints each page's left half, then its right half, then the next left half
     * (across, then down): the sheet's printed pages go by pairs of the same rows, column A (repeated on each page
     * across) reading the same on both pages of a pair and otherwise on the next pair (tester 78b, 9: LibreOffice
     * printed all of Table I.2's left halves, then all its right halves, as Excel would).
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void aTableTwoPagesWidePrintsEachLeftHalfBeforeItsRightHalf(Language lang) throws Exception {
        Map<String, Double> columnA = new LinkedHashMap<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(XLSX.get(lang).toFile())) {
            for (Table t : pub.tables().values()) {
                XSSFSheet s = PublishedWorkbooksTest.tableSheet(wb, t.id());
                if (s.getPrintSetup().getFitWidth() > 1) {
                    // Its right edge as printed, a little short (LibreOffice's columns come out a few per cent apart).
                    columnA.put(s.getSheetName(), LEFT + 0.95 * PageBreaks.scale(s) * PageBreaks.DIGIT_POINTS * s.getColumnWidth(0) / 256.0);
                }
            }
        }
        assertEquals(3, columnA.size(), lang + ": sheets two pages wide: " + columnA.keySet());
        Map<String, List<String>> pages = new LinkedHashMap<>();
        try (PDDocument doc = Loader.loadPDF(PDF.get(lang).toFile())) {
            List<String> footings = footings(doc, lang);
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                var page = doc.getPage(p - 1);
                for (var sheet : columnA.entrySet()) {
                    if (footings.get(p - 1).endsWith(sheet.getKey())) {
                        // Column A down to the bottom margin, above the footer (which numbers the page).
                        var area = new org.apache.pdfbox.text.PDFTextStripperByArea();
                        area.addRegion("A", new java.awt.geom.Rectangle2D.Double(0, 0, sheet.getValue(),
                                page.getMediaBox().getHeight() - TOP));
                        area.extractRegions(page);
                        pages.computeIfAbsent(sheet.getKey(), k -> new ArrayList<>()).add(squash(area.getTextForRegion("A")));
                    }
                }
            }
        }
        assertEquals(columnA.keySet(), pages.keySet(), lang + ": sheets printed");
        pages.forEach((sheet, printed) -> {
            assertTrue(printed.size() >= 4 && printed.size() % 2 == 0, lang + ": " + sheet + ": " + printed.size() + " pages");
            for (int i = 0; i < printed.size(); i += 2) {
                String where = lang + ": " + sheet + ", pages " + (i + 1) + " and " + (i + 2) + " of its " + printed.size();
                assertTrue(printed.get(i).length() > 20, where + ": column A: " + printed.get(i));
                assertEquals(printed.get(i), printed.get(i + 1), where + ": the same rows, across");
                if (i + 2 < printed.size()) {
                    assertFalse(printed.get(i).equals(printed.get(i + 2)), where + ": the next rows down after them");
                }
            }
        });
    }

    /**
     * On a table sheet's first page, the text of each column heading ends at least two points short of where the next
     * column's starts (the targets by region's "targets Africa" had run up to the next column's "targets"), and the
     * header row leaves no empty line under its headings (Table 2's had one: the workbook had measured a heading a
     * line longer than LibreOffice wraps it). English edition only: LibreOffice sets the Chinese one's Microsoft YaHei
     * in stand-in fonts a fifth narrower, and its headings wrap on as it measures them.
     */
    @Test
    void headingsWrapWithinTheirColumnsWithNoEmptyLineUnderThem() throws Exception {
        Language lang = Language.EN;
        List<String> runOn = new ArrayList<>();
        List<String> bands = new ArrayList<>();
        Map<String, Integer> firstPages = firstPages(lang);
        try (XSSFWorkbook wb = new XSSFWorkbook(XLSX.get(lang).toFile()); PDDocument doc = Loader.loadPDF(PDF.get(lang).toFile())) {
            for (Table t : pub.tables().values()) {
                XSSFSheet s = PublishedWorkbooksTest.tableSheet(wb, t.id());
                double scale = PageBreaks.scale(s);
                int header = s.getTables().get(0).getStartRowIndex();
                double top = TOP;
                for (int r = 0; r < header; r++) {
                    top += scale * s.getRow(r).getHeightInPoints();
                }
                double bottom = top + scale * s.getRow(header).getHeightInPoints();
                List<PageInk.Word> headings = new ArrayList<>();
                double lowest = top;
                for (PageInk.Word w : PageInk.text(doc, firstPages.get(s.getSheetName()))) {
                    double middle = w.box().getCenterY();
                    if (middle >= top && middle <= bottom) {
                        headings.add(w);
                        lowest = Math.max(lowest, w.box().getMaxY());
                    }
                }
                // Where each column's headings start: every line of a heading starts at its column's left (and its indent).
                // LibreOffice's columns come out a few percent narrower or wider than the workbook's widths say, alike
                // across a sheet: the stretch of the measured starts at which most of them have a word starting within
                // a few points (the indent), and those words' starts.
                List<Double> firsts = headings.stream().map(w -> w.box().getMinX()).toList();
                List<Double> measured = new ArrayList<>();
                double x = LEFT;
                for (int c = 0; c <= s.getTables().get(0).getEndColIndex(); c++) {
                    measured.add(x);
                    x += scale * PageBreaks.DIGIT_POINTS * s.getColumnWidth(c) / 256.0;
                }
                List<Double> starts = null;
                int most = -1;
                double nearest = Double.MAX_VALUE;
                for (int k = 0; k <= 200; k++) {
                    double stretch = 0.95 + k * 0.0005;
                    List<Double> found = new ArrayList<>();
                    int matched = 0;
                    double off = 0;
                    for (double m : measured) {
                        double at = LEFT + stretch * (m - LEFT);
                        double near = firsts.stream().filter(f -> f > at - 2 && f < at + 12).min(Double::compare).orElse(Double.NaN);
                        if (!Double.isNaN(near)) {
                            matched++;
                            off += Math.abs(near - at);
                        }
                        found.add(Double.isNaN(near) ? at : near);
                    }
                    if (matched > most || matched == most && off < nearest) {
                        most = matched;
                        nearest = off;
                        starts = found;
                    }
                }
                // Each column's headings end at least two points before the next column's start.
                double[] ends = new double[starts.size()];
                for (PageInk.Word w : headings) {
                    int c = 0;
                    while (c + 1 < starts.size() && w.box().getMinX() >= starts.get(c + 1) - 0.5) {
                        c++;
                    }
                    ends[c] = Math.max(ends[c], w.box().getMaxX());
                }
                for (int c = 0; c + 1 < starts.size(); c++) {
                    if (ends[c] > 0 && starts.get(c + 1) - ends[c] < 2) {
                        runOn.add(t.id() + ": column " + (c + 1) + "'s heading ends " + Math.round(starts.get(c + 1) - ends[c])
                                + " points before column " + (c + 2) + "'s starts (" + Math.round(starts.get(c + 1)) + ": "
                                + headings.stream().map(w -> w.text() + "@" + Math.round(w.box().getMinX())).toList() + ")");
                    }
                }
                // Under the last line: the row's few points of padding, and the line's descent; not a line more.
                if (s.getPrintSetup().getFitWidth() == 1 && bottom - lowest > 12 * scale) {
                    bands.add(t.id() + ": " + Math.round(bottom - lowest) + " points under its headings");
                }
            }
        }
        assertEquals(List.of(), runOn, "column headings that run up to the next column's");
        assertEquals(List.of(), bands, "header rows with an empty line under their headings");
    }

    /**
     * No text of either printed workbook breaks a range of years after its hyphen: no column heading ("Regular budget
     * 2022-" over "2023" in Table 2, "收入 2020-" over "2021 两年期预算" in the draft budget, "(at 2020-" over "2021" in
     * annex 3), no title or description in its contents, and no long text of a table's cells (a baseline of Table I.3,
     * "(2018-" over "2019)" in the English edition), nor a name's number after its hyphen (the English Table I.3's
     * indicator A.2.1, "recovery from the COVID-" over "19 pandemic."): a line of the page's text that ends with a
     * digit or letter and a hyphen, the next starting with a digit, both in one cell of the workbook. The text is the
     * model's: the same hyphen, nothing inserted.
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void noTextBreaksARangeOfYearsOrANumberAfterItsHyphen(Language lang) throws Exception {
        List<String> headings = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(XLSX.get(lang).toFile())) {
            for (Table t : pub.tables().values()) {
                XSSFSheet s = PublishedWorkbooksTest.tableSheet(wb, t.id());
                for (var cell : s.getRow(s.getTables().get(0).getStartRowIndex())) {
                    headings.add(squash(cell.getStringCellValue()));
                }
            }
            // Every text of every sheet: the contents' titles and descriptions ("Table 2: ... for 2020-2021 and 2022-"
            // over "2023"), the tables' cells.
            for (Sheet sheet : wb) {
                for (org.apache.poi.ss.usermodel.Row r : sheet) {
                    r.forEach(cell -> {
                        if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
                            texts.add(squash(cell.getStringCellValue()));
                        }
                    });
                }
            }
        }
        assertTrue(headings.stream().filter(h -> h.matches(".*\\d{4}-\\d{4}.*")).count() > 10, lang + ": headings with a range: " + headings);
        assertTrue(texts.stream().filter(h -> h.length() > 100 && h.matches(".*\\d{4}-\\d{4}.*")).count() > 3,
                lang + ": long texts with a range: " + texts);
        headings.addAll(texts);
        List<String> split = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(PDF.get(lang).toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                List<String> lines = stripper.getText(doc).lines().map(String::strip).toList();
                for (int i = 0; i + 1 < lines.size(); i++) {
                    String ends = squash(lines.get(i));
                    String both = ends + squash(lines.get(i + 1));
                    if (ends.matches(".*[\\p{L}\\d]-") && lines.get(i + 1).matches("\\d.*")
                            && headings.stream().anyMatch(h -> h.contains(both))) {
                        split.add("page " + p + ": " + lines.get(i) + " / " + lines.get(i + 1));
                    }
                }
            }
        }
        assertEquals(List.of(), split, lang + ": texts whose range of years, or a name's number, a line breaks after its hyphen");
    }

    /**
     * A column heading's unit, where the heading does not already state it, is in the edition's brackets, in the
     * workbook's header cell and on its printed page: full-width in Chinese ("人员费用（美元）", as the edition's other
     * texts have them; the workbook had typed "人员费用 (美元)"), "Staff costs (US$)" in English. A heading that the
     * printed document sets with its own brackets keeps them (Table 1's "(美元) *").
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void headingsBracketTheirUnitAsTheEditionDoes(Language lang) throws Exception {
        List<String> expected = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(XLSX.get(lang).toFile())) {
            for (Table t : pub.tables().values()) {
                XSSFSheet s = PublishedWorkbooksTest.tableSheet(wb, t.id());
                for (var cell : s.getRow(s.getTables().get(0).getStartRowIndex())) {
                    cells.add(cell.getStringCellValue());
                }
                for (var c : t.columns()) {
                    String name = org.pbannex.table.NoteMarker.strip((c.group().in(lang) + " " + c.heading().in(lang)).strip()).strip();
                    String unit = c.unit().in(lang);
                    if (!unit.isEmpty() && !name.contains(unit)) {
                        expected.add(lang == Language.ZH ? name + "（" + unit + "）" : name + " (" + unit + ")");
                    }
                }
            }
        }
        assertTrue(expected.size() > 10, lang + ": headings with a unit: " + expected);
        List<String> missing = expected.stream().filter(h -> cells.stream().noneMatch(cell -> cell.startsWith(h))).toList();
        assertEquals(List.of(), missing, lang + ": headings without their unit so bracketed, among " + cells);
        String printed;
        try (PDDocument doc = Loader.loadPDF(PDF.get(lang).toFile())) {
            printed = squash(new PDFTextStripper().getText(doc));
        }
        assertEquals(List.of(), expected.stream().filter(h -> !printed.contains(squash(h))).toList(), lang + ": not printed so");
    }

    /**
     * Figure 2 over nine, twelve and fourteen biennia (its extra-budgetary series, each later biennium prepared as README
     * says), in both editions, as LibreOffice prints the workbook: no cell's text cut off; every figure of its table
     * printed once, on one page (the English table over fourteen went onto two pages across, its column A widened for its
     * title), each biennium's years on one line in its heading; its chart on one page, with every biennium in its legend.
     */
    @Test
    void figureTwoOverNineToFourteenBienniaPrintsWhole() throws Exception {
        Path input = org.pbannex.TestInputs.withBienniaUpTo(dir.resolve("many-biennia"), 2042);
        List<String> args = new ArrayList<>(List.of("--convert-to", "pdf", "--outdir", dir.toString()));
        Map<String, Table> written = new LinkedHashMap<>();
        for (int year : List.of(2032, 2038, 2042)) {
            ComputedPublication many = org.pbannex.publication.Publication.compute(input, new org.pbannex.reference.Biennium(year));
            Table f2 = many.tables().get("f2");
            for (Language lang : Language.values()) {
                Path xlsx = dir.resolve("f2-" + f2.columns().size() + "." + lang.code() + ".xlsx");
                XlsxWorkbookWriter.write(List.of(f2), lang, GoldenEditions.info(many), GoldenEditions.wording(many), xlsx);
                written.put(xlsx.toString(), f2);
                args.add(xlsx.toString());
            }
        }
        TestWorkbooks.libreOffice(dir, dir.resolve("lo-profile"), args.toArray(String[]::new));
        for (var w : written.entrySet()) {
            Path xlsx = Path.of(w.getKey());
            String name = xlsx.getFileName().toString().replace(".xlsx", "");
            Language lang = name.endsWith(".zh") ? Language.ZH : Language.EN;
            Table f2 = w.getValue();
            String tableSheet;
            String chartSheet;
            try (XSSFWorkbook wb = new XSSFWorkbook(xlsx.toFile())) {
                tableSheet = PublishedWorkbooksTest.tableSheet(wb, "f2").getSheetName();
                chartSheet = wb.getSheetName(wb.getSheetIndex(tableSheet) + 1);
            }
            try (PDDocument doc = Loader.loadPDF(dir.resolve(name + ".pdf").toFile())) {
                assertEquals(List.of(), ClippedText.of(doc), name + ": text its cell cuts off");
                StringBuilder table = new StringBuilder();
                int tablePages = 0;
                List<String> charts = new ArrayList<>();
                PDFTextStripper stripper = new PDFTextStripper();
                for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                    stripper.setStartPage(p);
                    stripper.setEndPage(p);
                    String page = stripper.getText(doc);
                    String footing = footing(page, lang);
                    if (footing.endsWith(tableSheet)) {
                        table.append(page);
                        tablePages++;
                    } else if (footing.endsWith(chartSheet)) {
                        charts.add(page);
                    }
                }
                long figures = Pattern.compile("(?<![\\d.])\\d+\\.\\d(?![\\d.])").matcher(table).results().count();
                assertEquals((long) f2.rows().size() * f2.columns().size(), figures, name + ": the table's figures as printed: " + table);
                // One page wide: over fourteen biennia the English table went onto two, its column A widened for its title.
                assertEquals(1, tablePages, name + ": the table on one page: " + table);
                for (var column : f2.columns()) {
                    String years = org.pbannex.table.NoteMarker.strip(column.heading().in(lang));
                    assertTrue(table.toString().contains(years), name + ": " + years + " on one line: " + table);
                }
                assertEquals(1, charts.size(), name + ": the chart on one page");
                String legend = squash(charts.get(0));
                for (var column : f2.columns()) {
                    assertTrue(legend.contains(squash(column.heading().in(lang))), name + ": " + column.heading().in(lang)
                            + " in the chart's legend: " + charts.get(0));
                }
            }
        }
    }

    /** Each table sheet's name, and its table. */
    private static Map<String, Table> tablesBySheet(Language lang) throws Exception {
        Map<String, Table> out = new LinkedHashMap<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(XLSX.get(lang).toFile())) {
            for (Table t : pub.tables().values()) {
                out.put(PublishedWorkbooksTest.tableSheet(wb, t.id()).getSheetName(), t);
            }
        }
        return out;
    }

    /** The printed page each sheet starts on. */
    private static Map<String, Integer> firstPages(Language lang) throws Exception {
        List<String> sheets = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(XLSX.get(lang).toFile())) {
            for (Sheet s : wb) {
                sheets.add(s.getSheetName());
            }
        }
        Map<String, Integer> first = new LinkedHashMap<>();
        try (PDDocument doc = Loader.loadPDF(PDF.get(lang).toFile())) {
            List<String> footings = footings(doc, lang);
            for (int p = 1; p <= footings.size(); p++) {
                int page = p;
                sheets.stream().filter(footings.get(p - 1)::endsWith).findFirst().ifPresent(name -> first.putIfAbsent(name, page));
            }
        }
        return first;
    }

    /** Each printed page's text up to its footer's page number, in page order ({@link #footing}). */
    private static List<String> footings(PDDocument doc, Language lang) throws java.io.IOException {
        List<String> out = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper();
        for (int p = 1; p <= doc.getNumberOfPages(); p++) {
            stripper.setStartPage(p);
            stripper.setEndPage(p);
            out.add(footing(stripper.getText(doc), lang));
        }
        return out;
    }

    /**
     * A page's text up to its footer's page number ("Page 2 of 57"), which the sheet's name comes just before (in the
     * order the page's text was written: LibreOffice writes the footer last).
     */
    private static String footing(String page, Language lang) {
        String footer = pub.reference().texts().get("edition.workbook.page_footer").in(lang);
        var m = Pattern.compile(Pattern.quote(footer).replace("{page}", "\\E\\d+\\Q").replace("{pages}", "\\E\\d+\\Q")
                .replace(" ", "\\E\\s+\\Q")).matcher(page);
        assertTrue(m.find(), "a page with the footer '" + footer + "': " + page);
        return page.substring(0, m.start()).strip();
    }

    private static String squash(String s) {
        return s.replaceAll("\\s+", "");
    }

    /** Without a trailing note: the print's marker in the model ("*"), the workbook's "[note N]" on the page. */
    private static String withoutNote(String s) {
        return s.replaceAll("(\\[(note|注释)\\d+\\]|\\*+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)$", "");
    }
}
