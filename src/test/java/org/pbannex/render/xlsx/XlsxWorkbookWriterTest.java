package org.pbannex.render.xlsx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFPieChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFTableColumn;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.TestWording;
import org.pbannex.render.PublicationInfo;
import org.pbannex.render.markup.Wording;
import org.pbannex.table.Chart;
import org.pbannex.table.Column;
import org.pbannex.table.Language;
import org.pbannex.table.Row;
import org.pbannex.table.RowType;
import org.pbannex.table.Table;
import org.pbannex.table.Text;
import org.pbannex.table.ValueKind;

/** Writes made-up tables and reads the workbook back with POI: its sheets, their text, tables, cells, charts and set-up. */
class XlsxWorkbookWriterTest {

    /** The workbooks' wording as the bundled texts.csv has it. */
    static final XlsxText WORDS = new XlsxText(org.pbannex.TestWording.bundled());

    static final Text USD = new Text("美元", "US$");
    static final Text PCT = Text.of("%");

    @TempDir
    Path dir;

    /** Both editions of the made-up tables, written once for the tests that only read them. */
    @TempDir
    static Path written;

    /** Two groups with a "Subtotal" each, a title and a heading with printed markers, a shared cell, empty cells. */
    static Table wideTable() {
        List<Column> columns = List.of(
                Column.of("work", new Text("专业人员", "Professional"), new Text("工作年/月", "Work-years/months"), Text.EMPTY,
                        ValueKind.YEARS_MONTHS),
                Column.of("cost", new Text("费用 **", "Cost **"), Text.EMPTY, USD, ValueKind.AMOUNT),
                Column.of("rate", new Text("% 变化", "% change"), Text.EMPTY, PCT, ValueKind.PERCENT),
                Column.printedForm("remark", new Text("说明", "Remark"), Text.EMPTY, Text.EMPTY, ValueKind.TEXT),
                Column.attribute("never", new Text("从无", "Never"), ValueKind.COUNT));
        List<Row> rows = List.of(
                Row.heading("h1", new Text("第一组", "Group one"), 0),
                new Row("u1", RowType.UNIT, Text.of("=SUM(A1)"), 1,
                        values("work", 30L, "cost", 1_234_567L, "rate", new BigDecimal("12.3"), "remark", Text.of("-minus"))),
                new Row("u2", RowType.UNIT, Text.of("@cmd"), 1,
                        values("work", 12L, "cost", -500L, "rate", new BigDecimal("-0.5"), "remark", Row.SHARED_WITH_ROW_ABOVE)),
                new Row("s1", RowType.GROUP_SUBTOTAL, new Text("小计", "Subtotal"), 0,
                        values("work", 42L, "cost", 1_234_067L, "rate", new BigDecimal("100.0"), "remark", new Text("中文说明", "English remark"))),
                Row.heading("h2", new Text("第二组", "Group two"), 0),
                new Row("u3", RowType.UNIT, new Text("空白", "Blank figures"), 1, values("cost", 7L)),
                new Row("s2", RowType.GROUP_SUBTOTAL, new Text("小计", "Subtotal"), 0, values("cost", 7L)),
                new Row("t", RowType.GRAND_TOTAL, new Text("共计", "Total"), 0,
                        values("work", 42L, "cost", 1_234_074L, "rate", new BigDecimal("100.0"))));
        return new Table("a1", new Text("附件 1", "Annex 1"), new Text("宽表 *", "A wide table *"), new Text("美元", "US$"),
                new Text("单位", "Unit"), columns, rows, List.of(new Text("* 脚注一。** 脚注二。", "* Footnote one. ** Footnote two.")),
                Text.EMPTY, true);
    }

    static Table narrowTable() {
        // Two columns with the same printed heading: the sheet must still give them distinct names.
        List<Column> columns = List.of(
                Column.of("n", new Text("数量", "Count"), Text.EMPTY, Text.EMPTY, ValueKind.COUNT),
                Column.of("m1", new Text("金额", "Amount"), Text.EMPTY, new Text("百万美元", "US$ million"), ValueKind.MILLIONS),
                Column.of("m2", new Text("金额", "Amount"), Text.EMPTY, new Text("百万美元", "US$ million"), ValueKind.MILLIONS));
        List<Row> rows = List.of(
                new Row("x", RowType.UNIT, new Text("甲", "Alpha"), 0, values("n", 3L, "m1", new BigDecimal("1.5"), "m2", new BigDecimal("2.0"))),
                new Row("t", RowType.GRAND_TOTAL, new Text("共计", "Total"), 0, values("n", 3L, "m1", new BigDecimal("1.5"), "m2", new BigDecimal("2.0"))));
        return new Table("a2-2", new Text("附件 2-2", "Annex 2-2"), new Text("窄表", "A narrow table"), new Text("百万美元", "US$ million"),
                new Text("项目", "Item"), columns, rows, List.of(), new Text("某来源", "Some source"), false);
    }

    /** A table with a bar chart and a pie, both drawn from its cells, and a caveat. */
    static Table chartTable() {
        List<Column> columns = List.of(
                Column.of("y1", new Text("2020 年 *", "2020 *"), Text.EMPTY, Text.EMPTY, ValueKind.MILLIONS),
                Column.of("y2", new Text("2021 年", "2021"), Text.EMPTY, Text.EMPTY, ValueKind.MILLIONS));
        List<Text> regions = List.of(new Text("北部", "North"), new Text("南部", "South"));
        List<Row> rows = List.of(
                new Row("n", RowType.UNIT, regions.get(0), 0, values("y1", new BigDecimal("1.5"), "y2", new BigDecimal("2.0"))),
                new Row("s", RowType.UNIT, regions.get(1), 0, values("y1", new BigDecimal("2.5"), "y2", new BigDecimal("3.0"))),
                new Row("t", RowType.GRAND_TOTAL, new Text("共计", "Total"), 0, values("y1", new BigDecimal("4.0"), "y2", new BigDecimal("5.0"))));
        Chart bars = new Chart("f9-bars", new Text("按区域", "By region"), new Text("条形图", "Bar chart of North and South"),
                new Text("百万美元", "US$ millions"), regions, List.of(
                        new Chart.Series(new Text("2020 年 *", "2020 *"), List.of(new BigDecimal("1.5"), new BigDecimal("2.5"))),
                        new Chart.Series(new Text("2021 年", "2021"), List.of(new BigDecimal("2.0"), new BigDecimal("3.0")))));
        Chart pie = new Chart("f9-pie", Chart.Kind.PIE, new Text("2021 年份额", "2021 shares"), new Text("饼图", "Pie of 2021"),
                Text.EMPTY, regions, List.of(new Chart.Series(new Text("2021 年", "2021"), List.of(new BigDecimal("2.0"), new BigDecimal("3.0")))));
        return new Table("f9", new Text("图 9", "Figure 9"), new Text("图表", "A figure"), new Text("百万美元", "US$ millions"),
                new Text("区域", "Region"), columns, rows, List.of(new Text("* 估计数。", "* Estimated.")), Text.EMPTY, false, null,
                List.of(bars, pie), new Text("区域", "Regions"), new Text("合成数据，并非真实数字。", "Synthetic data, not real figures."), List.of());
    }

    static Map<String, Object> values(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static PublicationInfo info() {
        return new PublicationInfo(new Text("测试出版物", "Test publication"), new Text("测试文件", "Test document"), "2022-23",
                "run-42", "2024-03-01T10:15:30Z", "0.1.0 (abc123)", new Text("联系人", "Contact person"),
                new Text("引用", "Cite as"), List.of(new Text("总注释", "A general note")), new Text("关于", "About this publication"),
                LocalDate.of(2021, 2, 1), List.of(new PublicationInfo.InputFile("input/2022-23/budget.csv", "ab12", 10, false),
                        new PublicationInfo.InputFile("input/expenditure/synthetic-1.csv", "", 2000, true)));
    }

    static List<Table> tables() {
        return List.of(wideTable(), narrowTable(), chartTable());
    }

    @org.junit.jupiter.api.BeforeAll
    static void writeBothEditions() throws IOException {
        for (Language lang : Language.values()) {
            XlsxWorkbookWriter.write(tables(), lang, info(), TestWording.bundled(), written.resolve("out-" + lang.code() + ".xlsx"));
        }
    }

    static XSSFWorkbook render(Language lang) throws Exception {
        return new XSSFWorkbook(written.resolve("out-" + lang.code() + ".xlsx").toFile());
    }

    static List<String> sheetNames(XSSFWorkbook wb) {
        List<String> names = new ArrayList<>();
        wb.forEach(s -> names.add(s.getSheetName()));
        return names;
    }

    static Cell cell(Sheet s, int row, int col) {
        return s.getRow(row).getCell(col);
    }

    static String text(Sheet s, int row, int col) {
        Cell c = s.getRow(row) == null ? null : s.getRow(row).getCell(col);
        return c == null ? null : c.getCellType() == CellType.NUMERIC ? String.valueOf(c.getNumericCellValue()) : c.getStringCellValue();
    }

    /** Column A's texts above the first table (or all of them on a sheet without one). */
    static List<String> lines(XSSFSheet s) {
        int end = s.getTables().isEmpty() ? s.getLastRowNum() + 1 : s.getTables().get(0).getStartRowIndex();
        List<String> out = new ArrayList<>();
        for (int r = 0; r < end; r++) {
            out.add(text(s, r, 0));
        }
        return out;
    }

    /** A table's rows as texts, header first. */
    static List<List<String>> table(XSSFSheet s) {
        XSSFTable t = s.getTables().get(0);
        List<List<String>> out = new ArrayList<>();
        for (int r = t.getStartRowIndex(); r <= t.getEndRowIndex(); r++) {
            List<String> row = new ArrayList<>();
            for (int c = t.getStartColIndex(); c <= t.getEndColIndex(); c++) {
                row.add(text(s, r, c));
            }
            out.add(row);
        }
        return out;
    }

    @Test
    void sheetsInOrderAndCoverActive() throws Exception {
        try (XSSFWorkbook wb = render(Language.EN)) {
            assertEquals(List.of("Cover", "Contents", "Notes", "a1", "a2-2", "f9 Regions", "f9 charts", "Run"), sheetNames(wb));
            assertEquals(0, wb.getActiveSheetIndex());
        }
        try (XSSFWorkbook zh = render(Language.ZH)) {
            assertEquals(List.of("封面", "目录", "注释", "a1", "a2-2", "f9 区域", "f9 图表", "运行记录"), sheetNames(zh));
        }
    }

    @Test
    void coverSaysWhatWhereWhenWhomToAskAndHowToCite() throws Exception {
        try (XSSFWorkbook wb = render(Language.EN)) {
            XSSFSheet cover = wb.getSheet("Cover");
            assertEquals("Test publication", text(cover, 0, 0));
            assertTrue(wb.getFontAt(cell(cover, 0, 0).getCellStyle().getFontIndex()).getBold());
            List<String> lines = lines(cover);
            assertEquals(List.of("Test publication", "About this workbook", "About this publication", "Warning",
                    "Figure 9: Synthetic data, not real figures.",
                    "Input files of synthetic data (every input file with its checksum is on the Run worksheet)",
                    "input/expenditure/synthetic-1.csv — synthetic data, not ILO data", "Source", "Test document", "Publication date", "1 February 2021",
                    "Biennium", "2022-23", "Contact", "Contact person", "How to cite", "Cite as", "Run",
                    "Run ID run-42. The run's time, code version and every input file with its checksum are on the Run worksheet.",
                    "Worksheets", "Contents: every worksheet of this workbook",
                    "Notes: what empty cells and symbols mean, and each table's footnotes"), lines);
            assertEquals("'Contents'!A1", cover.getRow(lines.size() - 2).getCell(0).getHyperlink().getAddress());
            assertEquals("'Notes'!A1", cover.getRow(lines.size() - 1).getCell(0).getHyperlink().getAddress());
            assertTrue(lines.stream().noneMatch(l -> l.contains("ab12")), "checksums are on the Run sheet, not the cover");
        }
        try (XSSFWorkbook zh = render(Language.ZH)) {
            assertTrue(lines(zh.getSheet("封面")).contains("2021 年 2 月 1 日"));
        }
    }

    @Test
    void contentsListsEveryOtherSheetWithALinkTitleAndDescription() throws Exception {
        try (XSSFWorkbook wb = render(Language.EN)) {
            XSSFSheet contents = wb.getSheet("Contents");
            List<List<String>> rows = table(contents);
            assertEquals(List.of("Worksheet", "Title", "Description"), rows.get(0));
            List<String> others = new ArrayList<>(sheetNames(wb));
            others.remove("Contents");
            assertEquals(others, rows.subList(1, rows.size()).stream().map(r -> r.get(0)).toList());
            int first = contents.getTables().get(0).getStartRowIndex() + 1;
            for (int i = 0; i < others.size(); i++) {
                Cell c = cell(contents, first + i, 0);
                assertEquals(HyperlinkType.DOCUMENT, c.getHyperlink().getType());
                assertEquals("'" + others.get(i) + "'!A1", c.getHyperlink().getAddress());
                assertFalse(rows.get(1 + i).get(2).isBlank(), others.get(i) + " is described");
                // The name column is wide enough that no sheet name is cut.
                assertTrue(contents.getColumnWidth(0) / 256 >= others.get(i).length(), others.get(i));
            }
            assertEquals(List.of("a1", "Annex 1: A wide table [note 5]", "One table of 8 rows. Units: US$."), rows.get(3));
            assertEquals("Figure 9: A figure: charts", rows.get(6).get(1));
            assertEquals("2 charts drawn from the table on the worksheet 'f9 Regions'.", rows.get(6).get(2));
            assertTrue(rows.get(5).get(2).contains("Warning: Synthetic data"), rows.get(5).get(2));
            // A list that nearly fits one page is printed scaled to it.
            assertEquals(1, contents.getPrintSetup().getFitHeight());
            assertEquals(1, contents.getPrintSetup().getFitWidth());
        }
    }

    @Test
    void notesNumberTheEmptyCellRulesTheGeneralNotesAndEachPrintedFootnote() throws Exception {
        try (XSSFWorkbook wb = render(Language.EN)) {
            List<List<String>> rows = table(wb.getSheet("Notes"));
            // The wording of texts.csv's plain keys, as for a biennium that names no printed document.
            assertEquals(List.of("Note number", "Applies to", "Marker in the table", "Note text"), rows.get(0));
            assertEquals(List.of(
                    List.of("[note 1]", "Annex 1", "none", "A row in bold with a label and no figures is a heading for the rows below it; its other cells are empty."),
                    List.of("[note 2]", "Annex 1", "none", "[x] marks a cell for which the table gives no figure or text."),
                    List.of("[note 3]", "Annex 1", "none", WORDS.sharedCells.en()),
                    List.of("[note 4]", "All tables", "none", "A general note"),
                    List.of("[note 5]", "Annex 1", "*", "Footnote one."),
                    List.of("[note 6]", "Annex 1", "**", "Footnote two."),
                    List.of("[note 7]", "Figure 9", "*", "Estimated.")), rows.subList(1, rows.size()));
        }
        try (XSSFWorkbook zh = render(Language.ZH)) {
            List<List<String>> rows = table(zh.getSheet("注释"));
            assertEquals(List.of("[注释 5]", "附件 1", "*", "脚注一。"), rows.get(5));
            assertEquals(List.of("[注释 6]", "附件 1", "**", "脚注二。"), rows.get(6));
        }
    }

    /**
     * The workbook's own wording is reference data (texts.csv, edition.workbook.* and the editions' shared keys): a
     * translator's change of a sheet name, a cover heading or a column heading shows in the workbook with no code
     * change, and a text the file lacks fails before any file is written.
     */
    @Test
    void theWorkbooksWordingComesFromTheTextsFile(@TempDir Path dir) throws Exception {
        Wording bundled = TestWording.bundled();
        Map<String, Text> edited = Map.of(
                "edition.notes", new Text("注释与符号", "Notes and symbols"),
                "edition.workbook.about", new Text("关于这些附件", "About these annexes"),
                "edition.workbook.col_sha256", new Text("校验和", "Checksum (SHA-256)"),
                "edition.date", new Text("y-MM-dd", "MMMM d, y"));
        Path file = dir.resolve("edited.xlsx");
        XlsxWorkbookWriter.write(tables(), Language.EN, info(),
                new Wording(key -> edited.getOrDefault(key, bundled.lookup().apply(key))), file);
        try (XSSFWorkbook wb = new XSSFWorkbook(file.toFile())) {
            assertTrue(sheetNames(wb).contains("Notes and symbols") && !sheetNames(wb).contains("Notes"), sheetNames(wb).toString());
            assertTrue(lines(wb.getSheet("Cover")).contains("About these annexes"), lines(wb.getSheet("Cover")).toString());
            assertTrue(lines(wb.getSheet("Cover")).contains("February 1, 2021"), "the date as the texts' pattern writes it");
            assertTrue(table(wb.getSheet("Run")).get(0).contains("Checksum (SHA-256)"), table(wb.getSheet("Run")).toString());
            assertTrue(table(wb.getSheet("Contents")).stream().anyMatch(r -> r.get(0).equals("Notes and symbols")),
                    "the contents name the sheet as it is named");
        }
        Path missing = dir.resolve("missing.xlsx");
        RuntimeException e = assertThrows(RuntimeException.class, () -> XlsxWorkbookWriter.write(tables(), Language.ZH, info(),
                new Wording(key -> {
                    if (key.equals("edition.workbook.run_line")) {
                        throw new java.util.NoSuchElementException("input/reference/texts.csv has no text '" + key + "'");
                    }
                    return bundled.lookup().apply(key);
                }), missing));
        assertTrue(e.getMessage().contains("edition.workbook.run_line"), e.getMessage());
        assertFalse(Files.exists(missing), "nothing written");
    }

    /**
     * A general note on some tables (2022-23: the English translations of the appendices) is theirs on the Notes sheet
     * and their sheets point to it; the other sheets do not, and a workbook without those tables does not have it
     * (found by an audit: every table sheet pointed to the translation note).
     */
    @Test
    void aGeneralNoteOnSomeTablesIsTheirsOnly(@TempDir Path dir) throws Exception {
        PublicationInfo base = info();
        PublicationInfo scoped = new PublicationInfo(base.title(), base.source(), base.biennium(), base.runId(), base.runTime(),
                base.codeVersion(), base.contact(), base.citation(),
                List.of(new Text("总注释", "A general note"), new Text("图的注释", "A note on the figure")), base.about(), base.published(),
                base.files(), List.of(List.of(), List.of("f9")));
        Path file = dir.resolve("scoped.xlsx");
        XlsxWorkbookWriter.write(tables(), Language.EN, scoped, TestWording.bundled(), file);
        try (XSSFWorkbook wb = new XSSFWorkbook(file.toFile())) {
            List<List<String>> rows = table(wb.getSheet("Notes"));
            assertEquals(List.of("[note 4]", "All tables", "none", "A general note"), rows.get(4));
            assertEquals(List.of("[note 5]", "Figure 9", "none", "A note on the figure"), rows.get(5));
            String figure = lines(wb.getSheet(sheetNames(wb).stream().filter(n -> n.startsWith("f9 ") && !n.contains("chart"))
                    .findFirst().orElseThrow())).stream().filter(l -> l.startsWith("Notes are")).findFirst().orElseThrow();
            assertTrue(figure.contains("[note 4]") && figure.contains("[note 5]"), figure);
            String annex = lines(wb.getSheet("a1"))
                    .stream().filter(l -> l.startsWith("Notes are")).findFirst().orElseThrow();
            assertTrue(annex.contains("[note 4]") && !annex.contains("[note 5]"), "not annex 1's: " + annex);
        }
        Path without = dir.resolve("without.xlsx");
        XlsxWorkbookWriter.write(List.of(wideTable()), Language.EN, scoped, TestWording.bundled(), without);
        try (XSSFWorkbook wb = new XSSFWorkbook(without.toFile())) {
            assertTrue(table(wb.getSheet("Notes")).stream().noneMatch(r -> r.contains("A note on the figure")),
                    "a workbook without the figure has no note on it");
        }
    }

    /**
     * The Notes sheet tags a general note as the covers of the other editions do (tester 79, F3): pb-annex's own with
     * {@code edition.own_note}, one that the biennium's {@code publication.printed_notes} names as the print's as it is.
     */
    @Test
    void aGeneralNoteThePrintHasIsNotTaggedAsPbAnnexs(@TempDir Path dir) throws Exception {
        Wording bundled = TestWording.bundled();
        Text printed = new Text("所有金额均为美元。", "All amounts are in US dollars.");
        java.util.Map<String, Text> overrides = java.util.Map.of(
                "edition.own_note", bundled.lookup().apply("edition.own_note.printed"),
                "publication.printed_notes", Text.of("publication.note.1"),
                "publication.note.1", printed);
        Wording withPrint = new Wording(k -> overrides.containsKey(k) ? overrides.get(k) : bundled.lookup().apply(k));
        PublicationInfo base = info();
        PublicationInfo info = new PublicationInfo(base.title(), base.source(), base.biennium(), base.runId(), base.runTime(),
                base.codeVersion(), base.contact(), base.citation(), List.of(printed, new Text("总注释", "A general note")),
                base.about(), base.published(), base.files(), List.of());
        Path file = dir.resolve("printed.xlsx");
        XlsxWorkbookWriter.write(tables(), Language.EN, info, withPrint, file);
        try (XSSFWorkbook wb = new XSSFWorkbook(file.toFile())) {
            List<String> texts = table(wb.getSheet("Notes")).stream().map(r -> r.get(r.size() - 1)).toList();
            assertTrue(texts.contains("All amounts are in US dollars."), texts.toString());
            assertTrue(texts.contains("(pb-annex's note) A general note"), texts.toString());
        }
    }

    @Test
    void footnotesSplitAtTheirMarkersOnlyWhereBothEditionsAgree() {
        var parts = NoteList.split(new Text("* 实际。** 部分估计。*** 估计。", "* Actual. ** Partly estimated. *** Estimated."));
        assertEquals(List.of("*", "**", "***"), parts.stream().map(p -> p.marker()).toList());
        assertEquals(new Text("部分估计。", "Partly estimated."), parts.get(1).text());
        var numbered = NoteList.split(new Text("1 将单独报告。", "1 Reported separately."));
        assertEquals("1", numbered.get(0).marker());
        assertEquals("Reported separately.", numbered.get(0).text().en());
        assertEquals("†", NoteList.split(new Text("† 印刷版为 43.0。", "† Printed 43.0.")).get(0).marker(), "a cell's note marker");
        var unmarked = NoteList.split(new Text("所有金额均为美元。", "All amounts in US dollars."));
        assertEquals("", unmarked.get(0).marker());
        var disagreeing = NoteList.split(new Text("* 甲。** 乙。", "* A and B."));
        assertEquals(1, disagreeing.size());
        assertEquals("", disagreeing.get(0).marker(), "the editions disagree: one note, as printed");
    }

    @Test
    void runSheetListsEveryInputFileWithItsChecksumAndMarksSyntheticData() throws Exception {
        try (XSSFWorkbook wb = render(Language.EN)) {
            XSSFSheet run = wb.getSheet("Run");
            List<String> lines = lines(run);
            assertTrue(lines.containsAll(List.of("Run ID: run-42", "Run time: 1 March 2024, 10:15 UTC", "Code version: 0.1.0 (abc123)",
                    "Biennium: 2022-23")), lines.toString());
            List<List<String>> rows = table(run);
            assertEquals(List.of("Input file", "Rows", "SHA-256 checksum", "Synthetic data"), rows.get(0));
            assertEquals(List.of("input/2022-23/budget.csv", "10.0", "ab12", "No"), rows.get(1));
            assertEquals(List.of("input/expenditure/synthetic-1.csv", "2000.0", "[x]", "Yes (synthetic data, not ILO data)"), rows.get(2));
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("[x] marks a checksum not computed")), "the [x] is explained");
        }
    }

    /** With no input file to list, the run sheet has its lines and no table, and still prints across the list's columns. */
    @Test
    void aRunSheetWithNoFileToListPrintsItsLinesAcrossTheListsColumns(@TempDir Path dir) throws Exception {
        PublicationInfo base = info();
        PublicationInfo none = new PublicationInfo(base.title(), base.source(), base.biennium(), base.runId(), base.runTime(),
                base.codeVersion(), base.contact(), base.citation(), base.notes(), base.about(), base.published(), List.of());
        Path file = dir.resolve("no-files.xlsx");
        XlsxWorkbookWriter.write(tables(), Language.EN, none, TestWording.bundled(), file);
        try (XSSFWorkbook wb = new XSSFWorkbook(file.toFile())) {
            XSSFSheet run = wb.getSheet("Run");
            assertTrue(run.getTables().isEmpty(), "no table of files");
            assertTrue(lines(run).contains("Run ID: run-42"), lines(run).toString());
            String area = wb.getPrintArea(wb.getSheetIndex(run));
            assertTrue(area.endsWith("$A$1:$D$" + (run.getLastRowNum() + 1)), area);
            assertEquals(List.of(52 * 256, 10 * 256, 74 * 256, 22 * 256),
                    List.of(run.getColumnWidth(0), run.getColumnWidth(1), run.getColumnWidth(2), run.getColumnWidth(3)));
        }
    }

    @Test
    void tableSheetHasTitleIntroductionAndOneExcelTable() throws Exception {
        try (XSSFWorkbook wb = render(Language.EN)) {
            XSSFSheet a1 = wb.getSheet("a1");
            assertEquals(List.of("Annex 1: A wide table [note 5]", "This worksheet contains one table.",
                    "Source: Test document, Annex 1", "Units: US$",
                    "The Group column names each row's group (a row in no group names itself), so that rows of the same label (such as the subtotals) can be told apart after sorting or filtering.",
                    "Notes are on the Notes worksheet: [note 1], [note 2], [note 3], [note 4], [note 5], [note 6]."), lines(a1));
            assertTrue(wb.getFontAt(cell(a1, 0, 0).getCellStyle().getFontIndex()).getFontHeightInPoints() >= 12);
            List<String> header = table(a1).get(0);
            // The column without a value in any row ("never") is left out; work is two columns.
            assertEquals(List.of("Unit", "Group", "Professional (work-years)", "Professional (work-months)", "Cost (US$) [note 6]",
                    "% change", "Remark"), header);
            assertEquals("Source: Some source", lines(wb.getSheet("a2-2")).get(2));
            assertEquals(List.of("Item", "Count", "Amount (US$ million)", "Amount (US$ million) 2"), table(wb.getSheet("a2-2")).get(0));

            for (Table t : tables()) {
                XSSFSheet s = (XSSFSheet) sheet(wb, t.id());
                assertEquals(1, s.getTables().size(), t.id());
                XSSFTable table = s.getTables().get(0);
                int width = s.getRow(table.getStartRowIndex()).getLastCellNum();
                assertEquals(table.getStartRowIndex() + t.rows().size(), table.getEndRowIndex(), "nothing below the table");
                assertEquals(s.getLastRowNum(), table.getEndRowIndex());
                assertEquals(0, table.getStartColIndex());
                assertEquals(width - 1, table.getEndColIndex());
                assertEquals(table(s).get(0), table.getColumns().stream().map(XSSFTableColumn::getName).toList());
                assertEquals(table.getName(), table.getDisplayName());
                assertEquals("Table_" + t.id().replace('-', '_'), table.getName());
                assertNull(s.getPaneInformation(), "no frozen panes (the guidance)");
                assertEquals(0, s.getNumMergedRegions());
            }
        }
    }

    /**
     * A title wider than its table reads on over the empty columns beside it, on one line, as far as the printed page
     * reaches (the zh Figure 2's and the supplementary table's titles had wrapped in column A, three lines of large
     * type); a title wider than the page wraps in column A.
     */
    @Test
    void aTitleWiderThanItsTableReadsOnAcrossThePage(@TempDir Path dir) throws Exception {
        Table narrow = narrowTable();
        Text fits = new Text("2022-2023 两年期按区域分列的实际和估计预算外支出",
                "Actual and estimated extra-budgetary expenditure by region");
        Text tooLong = new Text(fits.in(Language.ZH).repeat(3), fits.in(Language.EN).repeat(3));
        for (Language lang : Language.values()) {
            for (Text title : List.of(fits, tooLong)) {
                Table t = new Table(narrow.id(), narrow.number(), title, narrow.unitNote(), narrow.labelHeading(),
                        narrow.columns(), narrow.rows(), List.of(), narrow.source(), false);
                Path file = dir.resolve(lang.code() + title.in(lang).length() + ".xlsx");
                XlsxWorkbookWriter.write(List.of(t), lang, info(), TestWording.bundled(), file);
                try (XSSFWorkbook wb = new XSSFWorkbook(file.toFile())) {
                    XSSFSheet s = (XSSFSheet) sheet(wb, t.id());
                    Cell a1 = cell(s, 0, 0);
                    assertTrue(a1.getStringCellValue().contains(title.in(lang)), a1.getStringCellValue());
                    assertEquals(title == tooLong, a1.getCellStyle().getWrapText(), lang + ": the title wraps in column A: "
                            + a1.getStringCellValue());
                }
            }
        }
    }

    static Sheet sheet(XSSFWorkbook wb, String id) {
        for (Sheet s : wb) {
            if (s.getSheetName().equals(id) || s.getSheetName().startsWith(id + " ") && !((XSSFSheet) s).getTables().isEmpty()) {
                return s;
            }
        }
        throw new AssertionError("no sheet " + id);
    }

    @Test
    void printAreasCoverEveryColumnAndRepeatTheHeaderRow() throws Exception {
        try (XSSFWorkbook wb = render(Language.EN)) {
            for (Table t : tables()) {
                XSSFSheet s = (XSSFSheet) sheet(wb, t.id());
                XSSFTable table = s.getTables().get(0);
                String area = wb.getPrintArea(wb.getSheetIndex(s));
                assertNotNull(area, t.id());
                var ref = new org.apache.poi.ss.util.AreaReference(area.substring(area.indexOf('!') + 1),
                        org.apache.poi.ss.SpreadsheetVersion.EXCEL2007);
                assertEquals(0, ref.getFirstCell().getCol());
                assertTrue(ref.getLastCell().getCol() >= table.getEndColIndex(), t.id() + " prints every column: " + area);
                assertEquals(table.getEndRowIndex(), ref.getLastCell().getRow());
                String header = Integer.toString(table.getStartRowIndex() + 1);
                assertEquals(header + ":" + header, s.getRepeatingRows().formatAsString());
                PrintSetup print = s.getPrintSetup();
                assertEquals(PrintSetup.A4_PAPERSIZE, print.getPaperSize());
                assertTrue(s.getFitToPage());
                assertEquals(0, print.getFitHeight());
            }
        }
    }

    @Test
    void emptyCellsFollowOneRule() throws Exception {
        try (XSSFWorkbook wb = render(Language.EN)) {
            List<List<String>> a1 = table(wb.getSheet("a1"));
            // A heading row: its label, nothing else.
            assertEquals(List.of("Group one"), a1.get(1).stream().filter(c -> c != null && !c.isEmpty()).toList());
            // The print shares u2's remark with u1's: the workbook repeats it.
            assertEquals("-minus", a1.get(2).get(6));
            assertEquals("-minus", a1.get(3).get(6));
            // No figure printed: [x], in figure and text columns alike.
            assertEquals(List.of("Blank figures", "Group two", "[x]", "[x]", "7.0", "[x]", "[x]"), a1.get(6));
        }
    }

    @Test
    void groupColumnTellsTheSubtotalsApart() throws Exception {
        try (XSSFWorkbook wb = render(Language.EN)) {
            List<List<String>> a1 = table(wb.getSheet("a1"));
            List<String> subtotals = a1.stream().filter(r -> "Subtotal".equals(r.get(0))).map(r -> r.get(1)).toList();
            assertEquals(List.of("Group one", "Group two"), subtotals);
            assertEquals(List.of("Total", "Total"), a1.get(a1.size() - 1).subList(0, 2), "a row under no heading names itself");
            assertEquals("Group one", a1.get(2).get(1));
            // Tables whose subtotal labels are unique get no group column.
            assertFalse(table(wb.getSheet("a2-2")).get(0).contains("Group"));
        }
    }

    @Test
    void numbersAreNumericCellsWithFormats() throws Exception {
        try (XSSFWorkbook wb = render(Language.EN)) {
            XSSFSheet a1 = wb.getSheet("a1");
            int u1 = a1.getTables().get(0).getStartRowIndex() + 2;
            assertEquals(2, cell(a1, u1, 2).getNumericCellValue());   // 30 months = 2 years
            assertEquals(6, cell(a1, u1, 3).getNumericCellValue());   // ... and 6 months
            assertEquals("#,##0", cell(a1, u1, 2).getCellStyle().getDataFormatString());
            assertEquals(1_234_567, cell(a1, u1, 4).getNumericCellValue());
            assertEquals("#,##0", cell(a1, u1, 4).getCellStyle().getDataFormatString());
            assertEquals(12.3, cell(a1, u1, 5).getNumericCellValue(), 1e-9);
            assertEquals("0.0", cell(a1, u1, 5).getCellStyle().getDataFormatString());
            assertEquals(-500, cell(a1, u1 + 1, 4).getNumericCellValue());
            XSSFSheet a22 = wb.getSheet("a2-2");
            int x = a22.getTables().get(0).getStartRowIndex() + 1;
            assertEquals(CellType.NUMERIC, cell(a22, x, 1).getCellType());
            assertEquals(1.5, cell(a22, x, 2).getNumericCellValue(), 1e-9);
        }
    }

    @Test
    void formulaLikeTextStaysText() throws Exception {
        try (XSSFWorkbook wb = render(Language.EN)) {
            XSSFSheet a1 = wb.getSheet("a1");
            int u1 = a1.getTables().get(0).getStartRowIndex() + 2;
            for (int[] at : new int[][] {{u1, 0}, {u1 + 1, 0}, {u1, 6}}) {
                Cell c = cell(a1, at[0], at[1]);
                assertEquals(CellType.STRING, c.getCellType());
                assertTrue(c.getCellStyle().getQuotePrefixed(), c.getStringCellValue());
            }
            assertEquals("=SUM(A1)", cell(a1, u1, 0).getStringCellValue());
            assertFalse(cell(a1, u1 + 2, 0).getCellStyle().getQuotePrefixed());
            for (Sheet s : wb) {
                assertEquals(0, s.getNumMergedRegions(), s.getSheetName());
                s.forEach(r -> r.forEach(c -> assertNotEquals(CellType.FORMULA, c.getCellType(), s.getSheetName() + "!" + c.getAddress())));
            }
        }
    }

    @Test
    void rowStylesFollowRowTypeAndRowsAreTallEnough() throws Exception {
        try (XSSFWorkbook wb = render(Language.EN)) {
            XSSFSheet a1 = wb.getSheet("a1");
            int header = a1.getTables().get(0).getStartRowIndex();
            assertTrue(bold(wb, cell(a1, header + 1, 0)), "heading");
            assertFalse(bold(wb, cell(a1, header + 2, 0)), "item");
            assertTrue(bold(wb, cell(a1, header + 4, 0)), "subtotal");
            assertTrue(bold(wb, cell(a1, header + 8, 4)), "total figure");
            assertEquals(1, cell(a1, header + 2, 0).getCellStyle().getIndention());
            // Wrapped header cells: the row is as tall as the most lines any of them needs.
            for (int c = 0; c < a1.getRow(header).getLastCellNum(); c++) {
                String h = cell(a1, header, c).getStringCellValue();
                int lines = TextLayout.lines(h, a1.getColumnWidth(c) / 256, true);
                assertTrue(a1.getRow(header).getHeightInPoints() >= lines * 14f, h + ": " + lines + " lines");
            }
        }
    }

    static boolean bold(XSSFWorkbook wb, Cell c) {
        return wb.getFontAt(c.getCellStyle().getFontIndex()).getBold();
    }

    @Test
    void eachEditionNamesItsFont() throws Exception {
        try (XSSFWorkbook zh = render(Language.ZH); XSSFWorkbook en = render(Language.EN)) {
            for (int i = 0; i < zh.getNumberOfFonts(); i++) {
                assertEquals("Microsoft YaHei", zh.getFontAt(i).getFontName(), "zh font " + i);
                assertEquals(134, zh.getFontAt(i).getCharSet(), "GB2312: Excel knows the font covers Chinese");
            }
            for (int i = 0; i < en.getNumberOfFonts(); i++) {
                assertEquals("Arial", en.getFontAt(i).getFontName(), "en font " + i);
            }
            XSSFChart chart = zh.getSheet("f9 图表").getDrawingPatriarch().getCharts().get(0);
            var props = chart.getCTChartSpace().getTxPr().getPArray(0).getPPr().getDefRPr();
            assertEquals("Microsoft YaHei", props.getEa().getTypeface());
            assertEquals("Microsoft YaHei", props.getLatin().getTypeface());
        }
    }

    @Test
    void chartsAreOnTheirOwnSheetAndReadTheirTablesCells() throws Exception {
        try (XSSFWorkbook wb = render(Language.EN)) {
            assertNull(wb.getSheet("f9 Regions").getDrawingPatriarch(), "nothing below or beside the table");
            XSSFSheet sheet = wb.getSheet("f9 charts");
            assertEquals(List.of("Figure 9: A figure: charts", "Warning: Synthetic data, not real figures.",
                    "This worksheet contains 2 charts; their figures are read from the table on the worksheet 'f9 Regions'."),
                    lines(sheet).subList(0, 3));
            List<XSSFChart> charts = sheet.getDrawingPatriarch().getCharts();
            assertEquals(2, charts.size());
            XDDFChartData bars = charts.get(0).getChartSeries().get(0);
            // The figures: the table's columns B and C, rows North and South; the names: its labels.
            int first = wb.getSheet("f9 Regions").getTables().get(0).getStartRowIndex() + 2;
            assertEquals("'f9 Regions'!$B$" + first + ":$B$" + (first + 1), bars.getSeries(0).getValuesData().getDataRangeReference());
            assertEquals("'f9 Regions'!$C$" + first + ":$C$" + (first + 1), bars.getSeries(1).getValuesData().getDataRangeReference());
            assertEquals("'f9 Regions'!$A$" + first + ":$A$" + (first + 1), bars.getSeries(0).getCategoryData().getDataRangeReference());
            assertEquals("2020 *", seriesName(charts.get(0), 0), "a series named as the PDF's legend names it, its printed mark kept");
            assertTrue(table(wb.getSheet("f9 Regions")).get(0).contains("2020 [note 7]"), "the table's heading keeps its note");
            assertTrue(charts.get(1).getChartSeries().get(0) instanceof XDDFPieChartData, "a pie for Chart.Kind.PIE");
            assertEquals("'f9 Regions'!$C$" + first + ":$C$" + (first + 1),
                    charts.get(1).getChartSeries().get(0).getSeries(0).getValuesData().getDataRangeReference());
            var frame = sheet.getDrawingPatriarch().getCTDrawing().getTwoCellAnchorArray(0).getGraphicFrame().getNvGraphicFramePr().getCNvPr();
            assertEquals("f9-bars", frame.getName(), "named after its table's chart, not Diagramm0");
            assertEquals("Synthetic data, not real figures. Bar chart of North and South", frame.getDescr());
            assertEquals("By region\nSynthetic data, not real figures.", charts.get(0).getTitleText().getString());
            // Two charts to a printed page, none split: the second starts within the first page's rows.
            assertEquals(0, sheet.getRowBreaks().length);
        }
    }

    private static String seriesName(XSSFChart chart, int s) {
        var ser = chart.getCTChart().getPlotArea().getBarChartArray(0).getSerArray(s);
        return ser.getTx().isSetV() ? ser.getTx().getV() : ser.getTx().getStrRef().getStrCache().getPtArray(0).getV();
    }

    @Test
    void aChartWhoseFiguresAreNotInItsTableCarriesThem() throws Exception {
        Table t = chartTable();
        Chart elsewhere = new Chart("f9-other", new Text("别处", "Elsewhere"), new Text("条形图", "Bars"), Text.EMPTY,
                List.of(Text.of("X")), List.of(new Chart.Series(Text.of("s"), List.of(new BigDecimal("9.9")))));
        Path file = dir.resolve("other.xlsx");
        XlsxWorkbookWriter.write(List.of(t.withCharts(List.of(elsewhere))), Language.EN, info(), TestWording.bundled(), file);
        try (XSSFWorkbook wb = new XSSFWorkbook(file.toFile())) {
            XSSFChart chart = wb.getSheet("f9 chart").getDrawingPatriarch().getCharts().get(0);
            var values = chart.getChartSeries().get(0).getSeries(0).getValuesData();
            assertFalse(values.isReference());
            assertEquals(9.9, values.getPointAt(0).doubleValue(), 1e-9);
        }
    }

    /**
     * The styles part is complete as Excel writes it: the named style "Normal" (cellStyles) on the one cell style
     * format of cellStyleXfs, which every cell format is based on, the elements in the schema's order. Without it
     * openpyxl warned "Workbook contains no default style" on opening a workbook.
     */
    @Test
    void theStylesPartHasTheNormalStyleEveryCellFormatIsBasedOn() throws Exception {
        for (Language lang : Language.values()) {
            org.w3c.dom.Element styles = stylesPart(written.resolve("out-" + lang.code() + ".xlsx"));
            List<String> order = new ArrayList<>();
            for (org.w3c.dom.Node n = styles.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof org.w3c.dom.Element e) {
                    order.add(e.getLocalName());
                }
            }
            List<String> schema = List.of("numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles",
                    "dxfs", "tableStyles", "colors", "extLst");
            assertTrue(order.containsAll(List.of("fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles")), lang + ": " + order);
            assertEquals(order.stream().sorted(java.util.Comparator.comparingInt(schema::indexOf)).toList(), order,
                    lang + ": in the schema's order");
            List<org.w3c.dom.Element> named = children(styles, "cellStyles", "cellStyle");
            assertEquals(1, named.size(), lang.toString());
            assertEquals("Normal", named.get(0).getAttribute("name"));
            assertEquals("0", named.get(0).getAttribute("builtinId"));
            assertEquals("0", named.get(0).getAttribute("xfId"));
            assertEquals("1", ((org.w3c.dom.Element) named.get(0).getParentNode()).getAttribute("count"));
            List<org.w3c.dom.Element> base = children(styles, "cellStyleXfs", "xf");
            assertEquals(1, base.size());
            for (String a : List.of("numFmtId", "fontId", "fillId", "borderId")) {
                assertEquals("0", base.get(0).getAttribute(a), a);
            }
            List<org.w3c.dom.Element> formats = children(styles, "cellXfs", "xf");
            assertTrue(formats.size() > 5);
            for (org.w3c.dom.Element xf : formats) {
                assertEquals("0", xf.getAttribute("xfId"), lang + ": every cell format is based on Normal");
            }
        }
    }

    /**
     * openpyxl (Debian's python3-openpyxl; .ci/run installs it) opens both workbooks without a warning, the styles
     * part included; skipped where it is not installed.
     */
    @Test
    void openpyxlOpensTheWorkbooksWithoutAWarning() throws Exception {
        for (Language lang : Language.values()) {
            String out = org.pbannex.TestWorkbooks.openpyxlNamedStyles(written, written.resolve("out-" + lang.code() + ".xlsx"));
            assertTrue(out.strip().endsWith("['Normal']"), lang + ": " + out);
        }
    }

    static org.w3c.dom.Element stylesPart(Path workbook) throws Exception {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(workbook.toFile())) {
            var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            try (var in = zip.getInputStream(zip.getEntry("xl/styles.xml"))) {
                return factory.newDocumentBuilder().parse(in).getDocumentElement();
            }
        }
    }

    static List<org.w3c.dom.Element> children(org.w3c.dom.Element root, String parent, String child) {
        List<org.w3c.dom.Element> out = new ArrayList<>();
        var parents = root.getElementsByTagNameNS(root.getNamespaceURI(), parent);
        for (int i = 0; i < parents.getLength(); i++) {
            var kids = ((org.w3c.dom.Element) parents.item(i)).getElementsByTagNameNS(root.getNamespaceURI(), child);
            for (int k = 0; k < kids.getLength(); k++) {
                out.add((org.w3c.dom.Element) kids.item(k));
            }
        }
        return out;
    }

    @Test
    void documentProperties() throws Exception {
        try (XSSFWorkbook wb = render(Language.EN)) {
            var core = wb.getProperties().getCoreProperties();
            assertEquals("Test publication", core.getTitle());
            assertEquals("Test document", core.getSubject());
            assertEquals("pb-annex", core.getCreator());
            assertTrue(core.getKeywords().contains("2022-23"));
            assertTrue(core.getDescription().contains("run-42"));
            assertEquals("en-GB", core.getUnderlyingProperties().getLanguageProperty().orElse(null));
            assertEquals(Instant.parse("2024-03-01T10:15:30Z"), core.getCreated().toInstant());
        }
    }

    @Test
    void sameInputSameContent() throws Exception {
        Path first = dir.resolve("first.xlsx");
        Path second = dir.resolve("second.xlsx");
        XlsxWorkbookWriter.write(tables(), Language.ZH, info(), TestWording.bundled(), first);
        XlsxWorkbookWriter.write(tables(), Language.ZH, info(), TestWording.bundled(), second);
        assertEquals(dump(first), dump(second));
    }

    static List<String> dump(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(file.toFile())) {
            for (Sheet s : wb) {
                s.forEach(r -> r.forEach(c -> out.add(s.getSheetName() + "!" + c.getAddress() + "=" + c)));
            }
            var core = wb.getProperties().getCoreProperties();
            out.add(core.getCreated() + " " + core.getModified() + " " + core.getDescription());
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IOException(e);
        }
        return out;
    }

    @Test
    void bothEditionsPassTheAccessibilityCheck() throws Exception {
        for (Language lang : Language.values()) {
            try (XSSFWorkbook wb = render(lang)) {
                List<WorkbookAccessibility.Result> results = WorkbookAccessibility.check(wb);
                String report = WorkbookAccessibility.report(lang.code(), results);
                assertTrue(results.stream().allMatch(WorkbookAccessibility.Result::passed), report);
                assertTrue(results.stream().allMatch(r -> r.checked() > 0), report);
            }
        }
    }

    @Test
    void theAccessibilityCheckFindsWhatItLooksFor() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet s = wb.createSheet("Sheet1");
            s.createRow(0).createCell(0).setCellValue("not a title style");
            s.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(1, 1, 0, 1));
            var header = s.createRow(2);
            header.createCell(0).setCellValue("A");
            header.createCell(1).setCellValue("B");
            var data = s.createRow(3);
            data.createCell(0).setCellValue("x");
            data.createCell(1).setCellValue(1);
            s.createRow(4).createCell(1).setCellValue(2);
            s.createTable(new org.apache.poi.ss.util.AreaReference("A3:B5", org.apache.poi.ss.SpreadsheetVersion.EXCEL2007));
            Cell link = s.getRow(3).getCell(0);
            XlsxCells.linkToSheet(link, "Nowhere");
            var drawing = s.createDrawingPatriarch();
            drawing.createChart(drawing.createAnchor(0, 0, 0, 0, 3, 0, 8, 10));
            wb.setActiveSheet(0);
            var problems = WorkbookAccessibility.check(wb).stream().filter(r -> !r.passed()).map(WorkbookAccessibility.Result::rule).toList();
            assertTrue(problems.containsAll(List.of("Every chart, picture and shape has alternative text",
                    "Charts have a title", "Charts and other drawings have a name that is not the default", "Every sheet has a title in cell A1 (bold, at least 12 pt)",
                    "Sheet names are meaningful, not the defaults", "No merged cells", "Tables have meaningful names",
                    "Blank cells in tables only in heading rows (a label and nothing else)",
                    "Links have meaningful text and reach a sheet of the workbook", "Document title and language are set")),
                    problems.toString());
        }
    }
}
