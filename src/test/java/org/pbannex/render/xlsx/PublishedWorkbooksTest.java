package org.pbannex.render.xlsx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTPieSer;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pbannex.Golden;
import org.pbannex.SyntheticWarning;
import org.pbannex.publication.ComputedPublication;
import org.pbannex.publication.Publication;
import org.pbannex.publication.RunRenderer;
import org.pbannex.table.Language;
import org.pbannex.table.RowType;
import org.pbannex.table.Table;

/**
 * The 2022-23 workbooks as a run publishes them (the run's own cover facts and input list), both editions: the
 * accessibility check, no English in the Chinese edition, every chart reading its table, subtotals told apart,
 * no empty column and print areas over every column.
 */
class PublishedWorkbooksTest {

    @TempDir
    static Path dir;
    static ComputedPublication pub;

    @BeforeAll
    static void writeBothEditions() throws IOException {
        pub = Publication.compute(Golden.input(), Publication.biennium(Golden.input(), null));
        var info = RunRenderer.info(pub, "20260101T000000Z-0a1b2c3d", Instant.parse("2026-01-01T00:00:00Z"), "0.1.0 (0a1b2c3)");
        for (Language lang : Language.values()) {
            XlsxWorkbookWriter.write(List.copyOf(pub.tables().values()), lang, info, RunRenderer.wording(pub), file(lang));
        }
    }

    static Path file(Language lang) {
        return dir.resolve("pb-annexes-2022-23." + lang.code() + ".xlsx");
    }

    static XSSFWorkbook open(Language lang) throws Exception {
        return new XSSFWorkbook(file(lang).toFile());
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void passesTheAccessibilityCheck(Language lang) throws Exception {
        try (XSSFWorkbook wb = open(lang)) {
            List<WorkbookAccessibility.Result> results = WorkbookAccessibility.check(wb);
            String report = WorkbookAccessibility.report("pb-annexes-2022-23." + lang.code() + ".xlsx", results);
            System.out.print(report);
            assertTrue(results.stream().allMatch(WorkbookAccessibility.Result::passed), report);
            assertTrue(results.stream().allMatch(r -> r.checked() > 0), report);
        }
    }

    /**
     * A title reads on over the page on one line, at 12 pt where it is longer than the page at 14 pt (the en Figure
     * 2's, 96 characters); only a title longer than the page at 12 pt wraps in column A (the en paragraph 52's, 132).
     * A Chinese glyph is measured in the edition font's digits (Microsoft YaHei's: 1.9), not as two Arial digits and
     * a tenth for bold, which had put the zh Table A2-2's title (45 characters) over the page: it wrapped into three
     * lines of 14 pt type, broken inside "按支出" and after "2020-".
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void titlesReadOnOneLineUnlessLongerThanThePage(Language lang) throws Exception {
        List<String> wrapped = new ArrayList<>();
        List<String> smaller = new ArrayList<>();
        try (XSSFWorkbook wb = open(lang)) {
            for (Table t : pub.tables().values()) {
                Cell a1 = XlsxWorkbookWriterTest.cell(XlsxWorkbookWriterTest.sheet(wb, t.id()), 0, 0);
                if (a1.getCellStyle().getWrapText()) {
                    wrapped.add(t.id());
                }
                short points = wb.getFontAt(a1.getCellStyle().getFontIndex()).getFontHeightInPoints();
                if (points < XlsxStyles.TITLE_POINTS) {
                    smaller.add(t.id());
                }
            }
        }
        assertEquals(lang == Language.EN ? List.of("sa") : List.of(), wrapped, lang + ": titles wrapped in column A");
        assertEquals(lang == Language.EN ? List.of("f2") : List.of(), smaller, lang + ": titles set at 12 pt");
    }

    /** Latin-script words the Chinese edition may hold: codes, not English. */
    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z][A-Za-z0-9$._/-]*");
    private static final Set<String> ALLOWED_WORDS = Set.of(
            "ILOSTAT",        // the ILO's database, so named in the Chinese print
            "COVID-19",       // as printed
            "PROGRAM",        // the department's code in the contact
            "SHA-256",        // the checksum's name
            "pb-annex",       // the program's name
            "manifest.json",  // a file name
            "synthetic",      // the file-name prefix that marks synthetic expenditure files (f2's note: synthetic*.csv)
            "csv",            // ... and their extension
            "x", "N");        // the [x] symbol, and "[注释 N]" where the notes sheet explains its markers

    @Test
    void theChineseEditionHasNoEnglishButCodes() throws Exception {
        // Codes: table ids and column keys (a documented difference names its cell "t2 / 8 / rb").
        Set<String> ids = new TreeSet<>(pub.tables().keySet());
        pub.tables().values().forEach(t -> t.columns().forEach(c -> ids.add(c.key())));
        Set<String> english = new TreeSet<>();
        try (XSSFWorkbook wb = open(Language.ZH)) {
            for (String text : texts(wb)) {
                Matcher m = LATIN_WORD.matcher(text == null ? "" : text);
                while (m.find()) {
                    String w = m.group().replaceAll("[.]$", "");
                    boolean code = w.matches(".*\\d.*") || w.matches("[A-Z]\\.?") || w.matches("[a-h]") || w.contains("/")
                            || w.matches("[0-9a-f]{16,}") || ids.contains(w) || ALLOWED_WORDS.contains(w);
                    if (!code) {
                        english.add(w + " (in \"" + text.substring(Math.max(0, m.start() - 20), Math.min(text.length(), m.end() + 20)) + "\")");
                    }
                }
            }
        }
        assertTrue(english.isEmpty(), "English in the zh workbook: " + english);
    }

    /** Every text a reader meets in the workbook: sheet names, cells, charts' titles, names and alt texts, properties. */
    static List<String> texts(XSSFWorkbook wb) {
        List<String> texts = new ArrayList<>();
        for (Sheet s : wb) {
            texts.add(s.getSheetName());
            s.forEach(r -> r.forEach(c -> {
                if (c.getCellType() == CellType.STRING) {
                    texts.add(c.getStringCellValue());
                }
            }));
            var drawing = ((XSSFSheet) s).getDrawingPatriarch();
            if (drawing != null) {
                for (var anchor : drawing.getCTDrawing().getTwoCellAnchorArray()) {
                    var pr = anchor.getGraphicFrame().getNvGraphicFramePr().getCNvPr();
                    texts.add(pr.getTitle());
                    texts.add(pr.getDescr());
                }
                for (XSSFChart chart : drawing.getCharts()) {
                    texts.add(chart.getTitleText().getString());
                }
            }
        }
        var core = wb.getProperties().getCoreProperties();
        texts.addAll(List.of(core.getTitle(), core.getSubject(), core.getDescription(), core.getKeywords()));
        texts.removeIf(java.util.Objects::isNull);
        return texts;
    }

    /**
     * Wherever the workbook says that synthetic figures are not the ILO's (cover, warning lines, the note, the source,
     * the chart's title and alt text, the Run sheet), it says so in one wording per edition: 并非劳工组织的数据 (the cover
     * and the note had 不是劳工局的实际数据, the Run sheet 并非国际劳工组织的数字), not ILO data (not ILO figures).
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void theSyntheticDataWarningIsWordedOneWay(Language lang) throws Exception {
        List<String> found = new ArrayList<>();
        try (XSSFWorkbook wb = open(lang)) {
            texts(wb).forEach(text -> found.addAll(SyntheticWarning.in(text)));
        }
        assertTrue(found.size() >= 8, "cover, Figure 2's sheet (warning, note, source), chart sheet, chart, Run sheet: " + found);
        assertEquals(List.of(lang == Language.ZH ? SyntheticWarning.ZH : SyntheticWarning.EN), found.stream().distinct().toList());
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyChartReadsItsTablesCells(Language lang) throws Exception {
        int charts = 0;
        int rowCharts = 0;
        try (XSSFWorkbook wb = open(lang)) {
            for (Table t : pub.tables().values()) {
                if (t.charts().isEmpty()) {
                    continue;
                }
                XSSFSheet tableSheet = tableSheet(wb, t.id());
                XSSFSheet chartSheet = wb.getSheet(SheetName.chartsOf(t, lang, XlsxWorkbookWriterTest.WORDS));
                List<XSSFChart> drawn = chartSheet.getDrawingPatriarch().getCharts();
                assertEquals(t.charts().size(), drawn.size(), t.id());
                for (int i = 0; i < drawn.size(); i++) {
                    XDDFChartData data = drawn.get(i).getChartSeries().get(0);
                    for (int s = 0; s < data.getSeriesCount(); s++) {
                        var values = data.getSeries(s).getValuesData();
                        assertTrue(values.isReference(), t.id() + " chart " + i + " series " + s + " reads cells");
                        String ref = values.getDataRangeReference();
                        assertTrue(ref.startsWith("'" + tableSheet.getSheetName() + "'!"), ref);
                        // ... and those cells hold the chart's figures.
                        var area = new org.apache.poi.ss.util.AreaReference(ref, org.apache.poi.ss.SpreadsheetVersion.EXCEL2007);
                        List<Double> cells = new ArrayList<>();
                        for (var c : area.getAllReferencedCells()) {
                            cells.add(tableSheet.getRow(c.getRow()).getCell(c.getCol()).getNumericCellValue());
                        }
                        assertEquals(t.charts().get(i).series().get(s).values().stream().map(Number::doubleValue).toList(), cells,
                                t.id() + " chart " + i + " series " + s);
                        // A series read across a row (rt's totals) reads that row, not an outcome's with the same figures.
                        String row = t.charts().get(i).series().get(s).row();
                        if (row != null) {
                            int expected = tableSheet.getTables().get(0).getStartRowIndex() + 1 + t.rows().indexOf(t.row(row));
                            for (var c : area.getAllReferencedCells()) {
                                assertEquals(expected, c.getRow(), t.id() + " chart " + i + " reads row " + row + ": " + ref);
                            }
                            rowCharts++;
                        }
                    }
                    charts++;
                }
            }
        }
        assertTrue(charts >= 3, "charts checked: " + charts);
        assertTrue(rowCharts >= 4, "rt's charts of totals: " + rowCharts);
    }

    /**
     * Annex 4's pies label each slice with its share as a share, "42.0%", as the PDF's and the HTML edition's pies do:
     * the labels' number format, applied to each slice's figure by POI's reading of Excel's formats (CellFormat), gives the per cent sign (they showed
     * bare figures, 42.0, and neither title, legend nor axis gave a unit; tester 76b).
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void annex4sPieLabelsShowPerCent(Language lang) throws Exception {
        Table a4 = pub.tables().get("a4");
        List<String> shown = new ArrayList<>();
        try (XSSFWorkbook wb = open(lang)) {
            List<CTPieSer> pies = annex4sPies(wb, a4, lang);
            for (int i = 0; i < pies.size(); i++) {
                var series = pies.get(i);
                String code = series.getDLbls().getNumFmt().getFormatCode();
                for (Number v : a4.charts().get(i).series().get(0).values()) {
                    shown.add(org.apache.poi.ss.format.CellFormat.getInstance(java.util.Locale.ROOT, code).apply(v.doubleValue()).text);
                }
            }
        }
        assertTrue(shown.size() >= 5, shown.toString());
        assertTrue(shown.contains("42.0%"), lang + ": " + shown);
        assertEquals(List.of(), shown.stream().filter(l -> !l.matches("\\d+\\.\\d%")).toList(), lang + ": labels without their %");
    }

    /** The series of annex 4's pies, one per chart of its chart sheet, as many as the table has charts. */
    private static List<CTPieSer> annex4sPies(XSSFWorkbook wb, Table a4, Language lang) {
        List<XSSFChart> charts = wb.getSheet(SheetName.chartsOf(a4, lang, XlsxWorkbookWriterTest.WORDS))
                .getDrawingPatriarch().getCharts();
        assertEquals(a4.charts().size(), charts.size());
        return charts.stream().map(c -> c.getCTChart().getPlotArea().getPieChartArray(0).getSerArray(0)).toList();
    }

    /**
     * Annex 4's pies name each slice on its label, with its share, placed where it reads on the white around the pie
     * ({@code bestFit}: outside a slice too thin for it, on a leader line): the slices were told apart by their colours
     * alone, the labels figures only, black on the darker slices (tester 78b, 10). The names are the pie's category
     * cells, read back from the workbook: the table's own labels.
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void annex4sPieLabelsNameTheirSlices(Language lang) throws Exception {
        Table a4 = pub.tables().get("a4");
        try (XSSFWorkbook wb = open(lang)) {
            List<CTPieSer> pies = annex4sPies(wb, a4, lang);
            for (int i = 0; i < pies.size(); i++) {
                var series = pies.get(i);
                var labels = series.getDLbls();
                String at = lang + ", pie " + (i + 1) + ": ";
                assertTrue(labels.getShowCatName().getVal(), at + "the slice's name on its label");
                assertTrue(labels.getShowVal().getVal(), at + "its share on its label");
                assertEquals(org.openxmlformats.schemas.drawingml.x2006.chart.STDLblPos.BEST_FIT, labels.getDLblPos().getVal(), at);
                assertTrue(labels.getShowLeaderLines().getVal(), at + "leader lines");
                // The names the labels show are the category cells, every slice's name of the chart's table.
                List<String> names = new ArrayList<>();
                var ref = series.getCat().getStrRef();
                for (var pt : ref.getStrCache().getPtList()) {
                    names.add(pt.getV());
                }
                assertEquals(a4.charts().get(i).categories().stream().map(t -> t.in(lang)).toList(), names, at + ref.getF());
            }
        }
    }

    /**
     * Annex 4's pies say how sure their shares are (and outcome 2's what its "Other" slice is) on the line under their
     * titles and first in their alt texts; each pie starts under its title, however many lines the note takes, and the
     * two are drawn one size.
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void annex4sPiesSayHowSureTheirSharesAreUnderTheirTitles(Language lang) throws Exception {
        Table a4 = pub.tables().get("a4");
        try (XSSFWorkbook wb = open(lang)) {
            XSSFSheet sheet = wb.getSheet(SheetName.chartsOf(a4, lang, XlsxWorkbookWriterTest.WORDS));
            List<XSSFChart> charts = sheet.getDrawingPatriarch().getCharts();
            var anchors = sheet.getDrawingPatriarch().getCTDrawing().getTwoCellAnchorArray();
            List<Double> tops = new ArrayList<>();
            List<Double> sizes = new ArrayList<>();
            for (int i = 0; i < charts.size(); i++) {
                var chart = a4.charts().get(i);
                assertEquals(chart.title().in(lang) + "\n" + chart.note().in(lang), charts.get(i).getTitleText().getString());
                String alt = anchors[i].getGraphicFrame().getNvGraphicFramePr().getCNvPr().getDescr();
                assertTrue(alt.startsWith(chart.note().in(lang)), alt);
                var layout = charts.get(i).getCTChart().getPlotArea().getLayout().getManualLayout();
                tops.add(layout.getY().getVal());
                sizes.add(layout.getH().getVal());
            }
            assertTrue(tops.get(1) > tops.get(0) && tops.get(0) >= 0.2, "under titles of 4 and 6 lines (en): " + tops);
            assertEquals(sizes.get(0), sizes.get(1), "one size");
            assertTrue(tops.get(1) + sizes.get(1) < 0.85, "above the legend: " + tops + " " + sizes);
        }
    }

    /**
     * Every chart names its categories and series as the PDF's does: the region's name, not the table's heading cell
     * "Sum of regional targets Africa" (rt's categories, written beside each chart for it to read), and the biennium
     * with its printed mark, "2016-2017 *", not the table's "2016-2017 [note 10]"; the table's cells keep their notes.
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void chartsNameTheirCategoriesAndSeriesAsThePdfDoes(Language lang) throws Exception {
        int beside = 0;
        try (XSSFWorkbook wb = open(lang)) {
            for (Table t : pub.tables().values()) {
                if (t.charts().isEmpty()) {
                    continue;
                }
                XSSFSheet chartSheet = wb.getSheet(SheetName.chartsOf(t, lang, XlsxWorkbookWriterTest.WORDS));
                List<XSSFChart> drawn = chartSheet.getDrawingPatriarch().getCharts();
                for (int i = 0; i < drawn.size(); i++) {
                    var chart = t.charts().get(i);
                    XDDFChartData data = drawn.get(i).getChartSeries().get(0);
                    String ref = data.getSeries(0).getCategoryData().getDataRangeReference();
                    var area = new org.apache.poi.ss.util.AreaReference(ref, org.apache.poi.ss.SpreadsheetVersion.EXCEL2007);
                    XSSFSheet names = wb.getSheet(area.getFirstCell().getSheetName());
                    List<String> categories = new ArrayList<>();
                    for (var c : area.getAllReferencedCells()) {
                        categories.add(names.getRow(c.getRow()).getCell(c.getCol()).getStringCellValue());
                    }
                    assertEquals(chart.categories().stream().map(c -> c.in(lang)).toList(), categories, t.id() + " chart " + i + ": " + ref);
                    if (names == chartSheet) {
                        beside++;
                        assertEquals(XlsxWorkbookWriterTest.WORDS.chartCategories.in(lang),
                                names.getRow(area.getFirstCell().getRow() - 1).getCell(area.getFirstCell().getCol()).getStringCellValue());
                    }
                    for (int s = 0; s < data.getSeriesCount(); s++) {
                        var ser = drawn.get(i).getCTChart().getPlotArea();
                        String name = (chart.kind() == org.pbannex.table.Chart.Kind.PIE ? ser.getPieChartArray(0).getSerArray(s).getTx()
                                : ser.getBarChartArray(0).getSerArray(s).getTx()).getV();
                        assertEquals(chart.series().get(s).name().in(lang), name, t.id() + " chart " + i + " series " + s);
                    }
                }
            }
            assertEquals(4, beside, "rt's four charts name their regions beside them");
            // The printed marks are the charts' as in the PDF; the table's headings keep their notes.
            String note = lang == Language.ZH ? "[注释 " : "[note ";
            List<String> headings = XlsxWorkbookWriterTest.table(tableSheet(wb, "f2")).get(0);
            assertTrue(headings.stream().anyMatch(h -> h.startsWith("2016-2017 " + note)), headings.toString());
        }
        assertEquals(List.of("2016-2017 *", "2018-2019 *", "2020-2021 **", "2022-2023 ***"),
                pub.tables().get("f2").charts().get(0).series().stream().map(s -> s.name().in(lang)).toList());
    }

    /** Annex 4's eight rows "Not itemised" each name their outcome, so a sort or a filter cannot mix them up. */
    @ParameterizedTest
    @EnumSource(Language.class)
    void annex4sRowsOfOneLabelNameTheirOutcomes(Language lang) throws Exception {
        try (XSSFWorkbook wb = open(lang)) {
            Table t = pub.tables().get("a4");
            XSSFSheet s = tableSheet(wb, "a4");
            XSSFTable table = s.getTables().get(0);
            assertEquals(XlsxWorkbookWriterTest.WORDS.groupHeading.in(lang),
                    s.getRow(table.getStartRowIndex()).getCell(1).getStringCellValue());
            List<String> groups = new ArrayList<>();
            for (int i = 0; i < t.rows().size(); i++) {
                if (t.rows().get(i).key().endsWith(".rest")) {
                    String outcome = t.rows().get(i).key().replace(".rest", "");
                    String group = s.getRow(table.getStartRowIndex() + 1 + i).getCell(1).getStringCellValue();
                    assertEquals(t.row(outcome).label().in(lang), group, "the outcome row that heads it");
                    groups.add(group);
                }
            }
            assertEquals(8, Set.copyOf(groups).size(), groups.toString());
        }
    }

    /** The note on the English translations is pointed to by the tables it concerns only (2022-23: texts.csv says which). */
    @Test
    void theNoteOnTheTranslationsIsTheAppendicesOnly() throws Exception {
        try (XSSFWorkbook wb = open(Language.EN)) {
            List<List<String>> notes = XlsxWorkbookWriterTest.table(wb.getSheet("Notes"));
            List<String> translation = notes.stream().filter(r -> r.get(3).contains("The English text of Appendices")).findFirst()
                    .orElseThrow(() -> new AssertionError(notes.toString()));
            assertTrue(translation.get(1).contains("Table I.1") && !translation.get(1).contains("All tables"), translation.toString());
            String marker = translation.get(0);
            for (String id : List.of("i1", "i2", "i3", "ii1", "risk", "sa")) {
                assertTrue(XlsxWorkbookWriterTest.lines(tableSheet(wb, id)).stream().anyMatch(l -> l.contains(marker)), id);
            }
            for (String id : List.of("t1", "t2", "a1", "a2", "a4", "f2", "rt")) {
                assertTrue(XlsxWorkbookWriterTest.lines(tableSheet(wb, id)).stream().noneMatch(l -> l.contains(marker + ",")
                        || l.contains(marker + ".")), id);
            }
        }
    }

    /**
     * A zero the print sets as a dash holds 0 and shows "–": the Notes sheet says what the dash means, and the sheets
     * with one point to that note, the others not (tester 78b, 3: fifteen dashes a workbook, explained nowhere).
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void aZeroShownAsADashIsExplainedWhereASheetHasOne(Language lang) throws Exception {
        String meaning = XlsxWorkbookWriterTest.WORDS.zeroDash.in(lang);
        try (XSSFWorkbook wb = open(lang)) {
            List<List<String>> notes = XlsxWorkbookWriterTest.table(wb.getSheet(XlsxWorkbookWriterTest.WORDS.notesSheet.in(lang)));
            // The note as the Notes sheet gives it, after the tag of a note of pb-annex's own.
            String marker = notes.stream().filter(r -> r.get(3).endsWith(meaning)).map(r -> r.get(0)).findFirst()
                    .orElseThrow(() -> new AssertionError(lang + ": no note on the dash: " + notes));
            Set<String> dashed = new TreeSet<>();
            Set<String> pointing = new TreeSet<>();
            for (Table t : pub.tables().values()) {
                XSSFSheet s = tableSheet(wb, t.id());
                for (var row : s) {
                    for (Cell c : row) {
                        if (c.getCellType() == CellType.NUMERIC && c.getNumericCellValue() == 0
                                && c.getCellStyle().getDataFormatString().endsWith(";\"–\"")) {
                            dashed.add(t.id());
                        }
                    }
                }
                if (XlsxWorkbookWriterTest.lines(s).stream().anyMatch(l -> l != null && l.contains(marker))) {
                    pointing.add(t.id());
                }
            }
            assertEquals(Set.of("a1", "br"), dashed, lang + ": sheets with a zero shown as a dash");
            assertEquals(dashed, pointing, lang + ": sheets that point to the note on the dash (" + marker + ")");
        }
    }

    /**
     * Every Excel table is named by a code, the same in both editions: Table_ and the table's id, or the list's
     * (tester 78b, 14: the zh contents, notes and run sheets' tables were named Contents, Notes and Run_inputs).
     */
    @Test
    void theExcelTablesAreNamedByCodesAlikeInBothEditions() throws Exception {
        java.util.Map<Language, List<String>> names = new java.util.EnumMap<>(Language.class);
        for (Language lang : Language.values()) {
            try (XSSFWorkbook wb = open(lang)) {
                List<String> in = new ArrayList<>();
                wb.forEach(s -> ((XSSFSheet) s).getTables().forEach(t -> in.add(t.getName())));
                names.put(lang, in);
            }
        }
        List<String> zh = names.get(Language.ZH);
        assertEquals(names.get(Language.EN), zh);
        assertEquals(List.of(), zh.stream().filter(n -> !n.matches("Table_[a-z0-9_]+")).toList(), "names that are no code: " + zh);
        assertTrue(zh.containsAll(List.of("Table_contents", "Table_notes", "Table_run_inputs")), zh.toString());
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void subtotalsOfAnnexes1And2NameTheirGroups(Language lang) throws Exception {
        try (XSSFWorkbook wb = open(lang)) {
            for (String id : List.of("a1", "a2")) {
                Table t = pub.tables().get(id);
                XSSFSheet s = tableSheet(wb, id);
                XSSFTable table = s.getTables().get(0);
                List<String> groups = new ArrayList<>();
                for (int i = 0; i < t.rows().size(); i++) {
                    if (t.rows().get(i).type() == RowType.GROUP_SUBTOTAL) {
                        groups.add(s.getRow(table.getStartRowIndex() + 1 + i).getCell(1).getStringCellValue());
                    }
                }
                assertEquals(7, groups.size(), id);
                assertEquals(7, Set.copyOf(groups).size(), id + ": every subtotal names a different group: " + groups);
                // The group is the heading the subtotal closes.
                List<String> headings = t.rows().stream().filter(r -> r.type() == RowType.HEADING).map(r -> r.label().in(lang)).toList();
                assertTrue(headings.containsAll(groups), groups.toString());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void noTableHasAnEmptyColumnAndEveryColumnIsPrinted(Language lang) throws Exception {
        try (XSSFWorkbook wb = open(lang)) {
            for (Table t : pub.tables().values()) {
                XSSFSheet s = tableSheet(wb, t.id());
                XSSFTable table = s.getTables().get(0);
                for (int c = 0; c <= table.getEndColIndex(); c++) {
                    boolean any = false;
                    for (int r = table.getStartRowIndex() + 1; r <= table.getEndRowIndex() && !any; r++) {
                        Cell cell = s.getRow(r).getCell(c);
                        any = cell != null && cell.getCellType() != CellType.BLANK;
                    }
                    assertTrue(any, t.id() + " column " + c + " is empty");
                }
                String area = wb.getPrintArea(wb.getSheetIndex(s));
                var ref = new org.apache.poi.ss.util.AreaReference(area.substring(area.indexOf('!') + 1),
                        org.apache.poi.ss.SpreadsheetVersion.EXCEL2007);
                assertTrue(ref.getLastCell().getCol() >= table.getEndColIndex(), t.id() + ": " + area);
            }
            // Table I.1 prints indicator, means of verification, baseline and target; it has no codes or regional targets.
            assertEquals(4, tableSheet(wb, "i1").getTables().get(0).getEndColIndex() + 1);
        }
    }

    /**
     * The empty-cell rule as the Notes sheet states it: a row with no figure and no text beside its label (and its group)
     * is a heading in bold; a row that is not in bold has something in every cell, [x] where the print gives nothing,
     * also where it gives nothing at all (Table I.2's "To be developed.", which heads no rows, as Table 1's Working
     * Capital Fund, printed empty).
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void aRowWithALabelAndNoFiguresIsABoldHeadingAsTheNotesSay(Language lang) throws Exception {
        int headings = 0;
        List<String> plainAllX = new ArrayList<>();
        try (XSSFWorkbook wb = open(lang)) {
            for (Table t : pub.tables().values()) {
                XSSFSheet s = tableSheet(wb, t.id());
                XSSFTable table = s.getTables().get(0);
                boolean grouped = "Group".equals(s.getRow(table.getStartRowIndex()).getCell(1).getStringCellValue())
                        || "所属组别".equals(s.getRow(table.getStartRowIndex()).getCell(1).getStringCellValue());
                for (int r = table.getStartRowIndex() + 1; r <= table.getEndRowIndex(); r++) {
                    Cell label = s.getRow(r).getCell(0);
                    boolean bold = wb.getFontAt(label.getCellStyle().getFontIndex()).getBold();
                    boolean empty = true;
                    boolean allX = true;
                    for (int c = grouped ? 2 : 1; c <= table.getEndColIndex(); c++) {
                        Cell cell = s.getRow(r).getCell(c);
                        boolean blank = cell == null || cell.getCellType() == CellType.BLANK;
                        empty &= blank;
                        allX &= !blank && cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals("[x]");
                        assertTrue(bold || !blank, t.id() + " row " + (r + 1) + ": a plain row with an empty cell");
                    }
                    if (empty) {
                        headings++;
                        assertTrue(bold, t.id() + " row " + (r + 1) + ": a row with no figures that is not in bold");
                    }
                    if (allX && !bold) {
                        plainAllX.add(t.id() + ": " + label.getStringCellValue());
                    }
                }
            }
            String rule = pub.reference().texts().get("edition.workbook.heading_rows").in(lang);
            assertTrue(rule.contains(lang == Language.ZH ? "粗体" : "in bold"), "the Notes sheet says headings are in bold: " + rule);
            assertTrue(XlsxWorkbookWriterTest.table(wb.getSheetAt(2)).stream().anyMatch(row -> row.stream().anyMatch(cell -> cell.endsWith(rule))),
                    "the Notes sheet states the rule");
        }
        assertTrue(headings > 50, "heading rows: " + headings);
        // The placeholder, and Table 1's Working Capital Fund, which the print leaves empty.
        String placeholder = pub.tables().get("i2").rows().stream().filter(r -> r.key().endsWith(".placeholder")).findFirst()
                .orElseThrow().label().in(lang);
        assertTrue(plainAllX.contains("i2: " + placeholder), lang + ": plain rows with [x] in every cell: " + plainAllX);
    }

    /**
     * A table sheet printed on several pages ends none with a heading row: each page's last row is followed on the next
     * by its first, a heading with the first row it heads (annex 1's "Employers' and workers' organizations" had stood
     * alone at the foot of its first page); the breaks are set at the end of every page.
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void noPrintedPageEndsWithAHeadingRow(Language lang) throws Exception {
        int breaks = 0;
        try (XSSFWorkbook wb = open(lang)) {
            for (Table t : pub.tables().values()) {
                XSSFSheet s = tableSheet(wb, t.id());
                int header = s.getTables().get(0).getStartRowIndex();
                for (int end : s.getRowBreaks()) {
                    breaks++;
                    int i = end - header - 1;
                    assertTrue(i >= 0 && i + 1 < t.rows().size(), t.id() + ": a break outside the table's rows, after row " + (end + 1));
                    assertTrue(t.rows().get(i).type() != RowType.HEADING, t.id() + ": a page ends with the heading "
                            + t.rows().get(i).label().in(lang));
                }
            }
        }
        assertTrue(breaks >= 10, lang + ": page breaks set: " + breaks);
    }

    /**
     * A chart sheet of more charts than a page holds (the targets by region's four) breaks its pages between charts,
     * none on a chart's edge: each break is under the row below a chart's foot, and the next chart starts a row below the
     * break, so neither frame is printed on both pages (LibreOffice had printed the third chart's top edge, anchored on
     * the break, as a stray line at the foot of the page before). The rows the charts span have their heights set.
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void chartSheetsBreakTheirPagesBetweenCharts(Language lang) throws Exception {
        int breaks = 0;
        try (XSSFWorkbook wb = open(lang)) {
            for (Sheet sheet : wb) {
                XSSFSheet s = (XSSFSheet) sheet;
                var drawing = s.getDrawingPatriarch();
                if (drawing == null || s.getTables().size() > 0) {
                    continue;
                }
                // Each chart's first row and the row at whose top it ends.
                List<int[]> charts = drawing.getCTDrawing().getTwoCellAnchorList().stream()
                        .map(a -> new int[] {a.getFrom().getRow(), a.getTo().getRow(), (int) Long.parseLong(String.valueOf(a.getTo().getRowOff()))})
                        .toList();
                for (int[] c : charts) {
                    assertEquals(0, c[2], s.getSheetName() + ": a chart ends on a row's top");
                    for (int r = c[0]; r < c[1]; r++) {
                        assertTrue(s.getRow(r) != null && s.getRow(r).getCTRow().getCustomHeight(), s.getSheetName() + ": row " + (r + 1));
                    }
                }
                for (int end : s.getRowBreaks()) {
                    breaks++;
                    for (int[] c : charts) {
                        assertTrue(c[1] <= end || c[0] >= end + 2, s.getSheetName() + ": the page break after row " + (end + 1)
                                + " on or next to the chart of rows " + (c[0] + 1) + " to " + c[1]);
                    }
                }
                assertTrue(s.getRowBreaks().length >= (charts.size() - 1) / 2, s.getSheetName() + ": two charts a page");
            }
        }
        assertTrue(breaks >= 1, lang + ": breaks on chart sheets: " + breaks);
    }

    @Test
    void theCoverHasThePublicationDateFromTheInputAndTheRunSheetMarksSyntheticData() throws Exception {
        try (XSSFWorkbook wb = open(Language.EN)) {
            List<String> cover = XlsxWorkbookWriterTest.lines(wb.getSheet("Cover"));
            assertTrue(cover.contains("1 February 2021"), cover.toString());
            List<List<String>> run = XlsxWorkbookWriterTest.table(wb.getSheet("Run"));
            assertEquals(pub.inputs().files().size() + 1, run.size() - 1, "every input file and the expenditure lines");
            List<String> synthetic = run.stream().filter(r -> r.get(3).startsWith("Yes")).map(r -> r.get(0)).toList();
            assertEquals(List.of("input/expenditure/synthetic-2016-2023.csv"), synthetic);
            assertFalse(cover.stream().anyMatch(l -> l.matches(".*[0-9a-f]{64}.*")), "no checksums on the cover");
        }
    }

    /**
     * The cover names the input files of synthetic data before the first table, in the words of the PDF's and the HTML
     * edition's covers, as the README says: it named none, and only the Run sheet said "Yes (synthetic data, not ILO
     * data)" (found by a tester).
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void theCoverNamesTheInputFilesOfSyntheticData(Language lang) throws Exception {
        try (XSSFWorkbook wb = open(lang)) {
            List<String> cover = XlsxWorkbookWriterTest.lines(wb.getSheet(XlsxWorkbookWriterTest.WORDS.coverSheet.in(lang)));
            String heading = lang == Language.ZH ? "合成数据输入文件（全部输入文件及其校验和见“运行记录”工作表）"
                    : "Input files of synthetic data (every input file with its checksum is on the Run worksheet)";
            String file = "input/expenditure/synthetic-2016-2023.csv — " + (lang == Language.ZH ? "合成数据，并非劳工组织的数据"
                    : "synthetic data, not ILO data");
            int at = cover.indexOf(heading);
            assertTrue(at > 0 && cover.indexOf(file) == at + 1, cover.toString());
            assertEquals(1, cover.stream().filter(l -> l.startsWith("input/")).count(), "only the synthetic file: " + cover);
            assertTrue(wb.getSheetIndex(XlsxWorkbookWriterTest.WORDS.coverSheet.in(lang)) == 0, "the first sheet");
        }
    }

    /** What a reviewer's audit found and the workbook now does: grouped work-years, codes not flagged, no doubled names. */
    @ParameterizedTest
    @EnumSource(Language.class)
    void workYearsAreGroupedCodesAreNotFlaggedAndNamesAreNotRepeated(Language lang) throws Exception {
        try (XSSFWorkbook wb = open(lang)) {
            // Work-years as printed, "1 966": grouped, not "1966".
            XSSFSheet a1 = tableSheet(wb, "a1");
            XSSFTable a1Table = a1.getTables().get(0);
            var cell = a1.getRow(a1Table.getStartRowIndex() + 1 + pub.tables().get("a1").rows().indexOf(pub.tables().get("a1").row("total")))
                    .getCell(2);
            assertEquals(1966, cell.getNumericCellValue());
            assertEquals("#,##0", cell.getCellStyle().getDataFormatString());
            // An SDG goal "8" is a code in a text cell: Excel is told not to flag the table's cells as numbers stored as text.
            XSSFSheet ii1 = tableSheet(wb, "ii1");
            var ignored = ii1.getIgnoredErrors().get(org.apache.poi.ss.usermodel.IgnoredErrorType.NUMBER_STORED_AS_TEXT);
            XSSFTable ii1Table = ii1.getTables().get(0);
            assertTrue(ignored != null && ignored.stream().anyMatch(r -> r.isInRange(ii1Table.getStartRowIndex() + 1, 3)
                    && r.isInRange(ii1Table.getEndRowIndex(), ii1Table.getEndColIndex())), String.valueOf(ignored));
            // The cover's warning does not name Figure 2 twice; the contents' a1 title has its note, not the printed "*".
            List<String> cover = XlsxWorkbookWriterTest.lines(wb.getSheet(XlsxWorkbookWriterTest.WORDS.coverSheet.in(lang)));
            String f2 = pub.tables().get("f2").caveat().in(lang);
            assertTrue(cover.contains(f2), cover.toString());
            List<List<String>> contents = XlsxWorkbookWriterTest.table(wb.getSheet(XlsxWorkbookWriterTest.WORDS.contentsSheet.in(lang)));
            String a1Title = contents.stream().filter(r -> r.get(0).startsWith("a1")).findFirst().orElseThrow().get(1);
            assertFalse(a1Title.endsWith("*"), a1Title);
            assertTrue(a1Title.matches(".*\\[(note|注释) \\d+\\]$"), a1Title);
        }
    }

    /**
     * Every workbook chart's alt text gives the figures it draws, each of them: rt's and a4's did, Figure 2's named only
     * its unit (tester 76b, M6), though a screen reader on the chart's sheet has no table beside it. Only the workbook's:
     * the PDF prints a chart's alt text as its caption, under the table that gives the figures (1decd947), so the
     * editions' alt text of Figure 2 stays without them.
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void everyWorkbookChartsAltTextGivesItsFigures(Language lang) throws Exception {
        List<String> missing = new ArrayList<>();
        int checked = 0;
        try (XSSFWorkbook wb = open(lang)) {
            for (var drawn : chartSheets(wb, lang).entrySet()) {
                Table t = drawn.getKey();
                var anchors = drawn.getValue().getDrawingPatriarch().getCTDrawing().getTwoCellAnchorArray();
                assertEquals(t.charts().size(), anchors.length, t.id() + "'s charts");
                for (int i = 0; i < anchors.length; i++) {
                    String alt = anchors[i].getGraphicFrame().getNvGraphicFramePr().getCNvPr().getDescr();
                    for (var series : t.charts().get(i).series()) {
                        for (Number v : series.values()) {
                            if (v != null && !alt.contains(String.valueOf(v))) {
                                missing.add(t.charts().get(i).id() + " " + v);
                            }
                            checked++;
                        }
                    }
                }
            }
        }
        assertTrue(checked >= 40, lang + ": figures checked: " + checked);
        assertEquals(List.of(), missing, lang + ": figures missing from their chart's alt text");
        var f2 = pub.tables().get("f2");
        String editions = f2.charts().get(0).altText(f2.caveat()).in(lang);
        assertFalse(f2.charts().get(0).series().stream().flatMap(s -> s.values().stream())
                .anyMatch(v -> v != null && editions.contains(String.valueOf(v))), "the PDF's caption: " + editions);
    }

    /**
     * Every sheet of a table of money or shares says its units on a line above the table, and its row of the Contents
     * says them too: a4 (Resources per outcome) and sa (Supplementary authorizations), which the print gives no unit
     * statement, had their units only in column headings (tester 76b, M5). Their line is the workbook's own text
     * ({id}.workbook_unit), which the PDF, as the print, does not show.
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void everyTableOfMoneyOrSharesStatesItsUnitsAboveItAndInTheContents(Language lang) throws Exception {
        var texts = pub.reference().texts();
        String unitsLine = texts.get("edition.workbook.units_line").in(lang);
        String linePrefix = unitsLine.substring(0, unitsLine.indexOf("{unit}"));
        String described = texts.get("edition.workbook.units_description").in(lang);
        String describedPrefix = described.substring(0, described.indexOf("{unit}"));
        Set<org.pbannex.table.ValueKind> money = Set.of(org.pbannex.table.ValueKind.AMOUNT,
                org.pbannex.table.ValueKind.AMOUNT_OR_DASH, org.pbannex.table.ValueKind.PERCENT, org.pbannex.table.ValueKind.MILLIONS);
        List<String> without = new ArrayList<>();
        int checked = 0;
        try (XSSFWorkbook wb = open(lang)) {
            List<List<String>> contents = XlsxWorkbookWriterTest.table(wb.getSheet(XlsxWorkbookWriterTest.WORDS.contentsSheet.in(lang)));
            for (Table t : pub.tables().values()) {
                if (t.columns().stream().noneMatch(c -> money.contains(c.kind()))) {
                    continue;
                }
                checked++;
                List<String> above = XlsxWorkbookWriterTest.lines(tableSheet(wb, t.id()));
                String sheet = tableSheet(wb, t.id()).getSheetName();
                String description = contents.stream().filter(r -> r.get(0).equals(sheet)).findFirst().orElseThrow().get(2);
                if (above.stream().noneMatch(l -> l.startsWith(linePrefix) && l.length() > linePrefix.length())) {
                    without.add(t.id() + " above its table: " + above);
                }
                if (!description.contains(describedPrefix)) {
                    without.add(t.id() + " in the contents: " + description);
                }
            }
            assertTrue(checked >= 10, lang + ": tables of money or shares: " + checked);
            assertEquals(List.of(), without, lang + ": tables of money or shares whose units are only in column headings");
            for (String id : List.of("a4", "sa")) {
                String own = texts.get(id + ".workbook_unit").in(lang);
                assertTrue(XlsxWorkbookWriterTest.lines(tableSheet(wb, id)).contains(unitsLine.replace("{unit}", own)),
                        id + ": " + XlsxWorkbookWriterTest.lines(tableSheet(wb, id)));
                assertTrue(pub.tables().get(id).unitNote().isEmpty(), id + ": the print states no units, nor does the PDF");
            }
        }
    }

    /** Each table with charts and its charts' sheet. */
    static java.util.Map<Table, XSSFSheet> chartSheets(XSSFWorkbook wb, Language lang) {
        java.util.Map<Table, XSSFSheet> out = new java.util.LinkedHashMap<>();
        pub.tables().values().stream().filter(t -> !t.charts().isEmpty())
                .forEach(t -> out.put(t, wb.getSheet(SheetName.chartsOf(t, lang, XlsxWorkbookWriterTest.WORDS))));
        return out;
    }

    static XSSFSheet tableSheet(XSSFWorkbook wb, String id) {
        for (Sheet s : wb) {
            XSSFSheet x = (XSSFSheet) s;
            if (x.getTables().stream().anyMatch(t -> t.getName().equals("Table_" + id.replace('-', '_')))) {
                return x;
            }
        }
        throw new AssertionError("no sheet holds table " + id);
    }
}
