package org.pbannex.render.xlsx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFTableColumn;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.render.PublicationInfo;
import org.pbannex.table.Column;
import org.pbannex.table.Language;
import org.pbannex.table.Row;
import org.pbannex.table.RowType;
import org.pbannex.table.Table;
import org.pbannex.table.Text;
import org.pbannex.table.ValueKind;

/** Writes synthetic tables and reads the workbook back with POI, checking structure, types, formats and metadata. */
class XlsxWorkbookWriterTest {

    static final int HEADER = 4; // row 5
    static final Text USD = new Text("美元", "US$");
    static final Text PCT = Text.of("%");

    @TempDir
    Path dir;

    static Table wideTable() {
        List<Column> columns = List.of(
                Column.of("work", new Text("专业人员", "Professional"), new Text("工作年/月", "Work-years/months"), Text.EMPTY,
                        ValueKind.YEARS_MONTHS),
                Column.of("cost", new Text("费用", "Cost"), Text.EMPTY, USD, ValueKind.AMOUNT),
                Column.of("rate", new Text("% 变化", "% change"), Text.EMPTY, PCT, ValueKind.PERCENT),
                Column.printedOnly("remark", new Text("说明", "Remark"), Text.EMPTY, Text.EMPTY, ValueKind.TEXT));
        List<Row> rows = List.of(
                Row.heading("h", new Text("第一部分", "Part one"), 0),
                new Row("u1", RowType.ITEM, Text.of("=SUM(A1)"), 1,
                        values("work", 30L, "cost", 1_234_567L, "rate", new BigDecimal("12.3"), "remark", Text.of("-minus"))),
                new Row("u2", RowType.ITEM, Text.of("@cmd"), 1,
                        values("work", 12L, "cost", -500L, "rate", new BigDecimal("-0.5"), "remark", new Text("中文说明", "English remark"))),
                new Row("u3", RowType.ITEM, new Text("空白", "Blank figures"), 1, values("cost", 7L)),
                new Row("s", RowType.SUBTOTAL, new Text("小计", "Subtotal"), 0,
                        values("work", 42L, "cost", 1_234_074L, "rate", new BigDecimal("100.0"))),
                new Row("t", RowType.TOTAL, new Text("共计", "Total"), 0,
                        values("work", 42L, "cost", 1_234_074L, "rate", new BigDecimal("100.0"))));
        return new Table("a1", new Text("附件 1", "Annex 1"), new Text("宽表", "A wide table"), new Text("单位：美元", "In US$"),
                new Text("单位", "Unit"), columns, rows, List.of(new Text("脚注一", "Footnote one")), Text.EMPTY, true);
    }

    static Table narrowTable() {
        // Two columns with the same printed heading: the sheet must still give them distinct names.
        List<Column> columns = List.of(
                Column.of("n", new Text("数量", "Count"), Text.EMPTY, Text.EMPTY, ValueKind.COUNT),
                Column.of("m1", new Text("金额", "Amount"), Text.EMPTY, new Text("百万美元", "US$ million"), ValueKind.MILLIONS),
                Column.of("m2", new Text("金额", "Amount"), Text.EMPTY, new Text("百万美元", "US$ million"), ValueKind.MILLIONS));
        List<Row> rows = List.of(
                new Row("x", RowType.ITEM, new Text("甲", "Alpha"), 0, values("n", 3L, "m1", new BigDecimal("1.5"), "m2", new BigDecimal("2.0"))),
                new Row("t", RowType.TOTAL, new Text("共计", "Total"), 0, values("n", 3L, "m1", new BigDecimal("1.5"), "m2", new BigDecimal("2.0"))));
        return new Table("a2-2", new Text("附件 2-2", "Annex 2-2"), new Text("窄表", "A narrow table"), new Text("单位：百万美元", "US$ million"),
                new Text("项目", "Item"), columns, rows, List.of(), new Text("某来源", "Some source"), false);
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
                "run-42", "2024-03-01T10:15:30Z", "0.1.0 (abc123)",
                List.of("2022-23/budget.csv sha256=abc 10 rows", "reference/units.csv sha256=def 5 rows"),
                new Text("联系人", "Contact person"), new Text("引用", "Cite as"), List.of(new Text("总注释", "A general note")));
    }

    XSSFWorkbook render(Language lang) throws Exception {
        Path file = dir.resolve("out-" + lang.code() + ".xlsx");
        XlsxWorkbookWriter.write(List.of(wideTable(), narrowTable()), lang, info(), file);
        return new XSSFWorkbook(file.toFile());
    }

    static List<String> sheetNames(XSSFWorkbook wb) {
        List<String> names = new ArrayList<>();
        wb.forEach(s -> names.add(s.getSheetName()));
        return names;
    }

    static Cell cell(Sheet s, int row, int col) {
        return s.getRow(row).getCell(col);
    }

    @Test
    void sheetsInOrderAndCoverActive() throws Exception {
        try (XSSFWorkbook wb = render(Language.EN)) {
            assertEquals(List.of("Cover", "Contents", "Notes", "a1", "a2-2"), sheetNames(wb));
            assertEquals(0, wb.getActiveSheetIndex());
            XSSFSheet cover = wb.getSheet("Cover");
            assertEquals("Test publication", cell(cover, 0, 0).getStringCellValue());
            assertTrue(wb.getFontAt(cell(cover, 0, 0).getCellStyle().getFontIndex()).getBold());
            List<String> coverText = new ArrayList<>();
            cover.forEach(r -> coverText.add(r.getCell(0).getStringCellValue()));
            assertTrue(coverText.containsAll(List.of("Test document", "2022-23", "run-42", "2024-03-01T10:15:30Z",
                    "0.1.0 (abc123)", "2022-23/budget.csv sha256=abc 10 rows", "reference/units.csv sha256=def 5 rows",
                    "Contact person", "Cite as")), coverText.toString());
        }
    }

    @Test
    void contentsLinksToEveryTableSheet() throws Exception {
        try (XSSFWorkbook wb = render(Language.EN)) {
            XSSFSheet contents = wb.getSheet("Contents");
            assertEquals(List.of("Sheet", "Table number", "Title"), headerCells(contents, 2, 3));
            int r = 3;
            for (String id : List.of("a1", "a2-2")) {
                XSSFCell c = contents.getRow(r++).getCell(0);
                assertEquals(id, c.getStringCellValue());
                assertNotNull(c.getHyperlink(), id);
                assertEquals(HyperlinkType.DOCUMENT, c.getHyperlink().getType());
                assertEquals("'" + id + "'!A1", c.getHyperlink().getAddress());
            }
            assertEquals("A wide table", cell(contents, 3, 2).getStringCellValue());
            assertEquals(1, contents.getTables().size());
        }
    }

    @Test
    void notesHoldBlankCellNoteGeneralNotesAndFootnotes() throws Exception {
        try (XSSFWorkbook wb = render(Language.EN)) {
            XSSFSheet notes = wb.getSheet("Notes");
            List<String> texts = new ArrayList<>();
            for (int r = 3; r <= notes.getLastRowNum(); r++) {
                assertEquals(r - 2, cell(notes, r, 0).getNumericCellValue());
                texts.add(cell(notes, r, 1).getStringCellValue() + " | " + cell(notes, r, 2).getStringCellValue());
            }
            assertEquals(List.of("All tables | A blank cell means that no figure is printed for this cell.",
                    "All tables | A general note", "Annex 1 | Footnote one"), texts);
            // The table sheet points to its own note by number.
            assertTrue(cell(wb.getSheet("a1"), 3, 0).getStringCellValue().contains("3"));
        }
    }

    @Test
    void tableSheetLayoutAndExcelTable() throws Exception {
        try (XSSFWorkbook wb = render(Language.EN)) {
            XSSFSheet a1 = wb.getSheet("a1");
            assertEquals("Annex 1: A wide table", cell(a1, 0, 0).getStringCellValue());
            assertTrue(wb.getFontAt(cell(a1, 0, 0).getCellStyle().getFontIndex()).getFontHeightInPoints() >= 12);
            assertEquals("In US$", cell(a1, 1, 0).getStringCellValue());
            assertEquals("This worksheet contains one table.", cell(a1, 2, 0).getStringCellValue());
            assertEquals(List.of("Unit", "Work-years/months Professional (years)", "Work-years/months Professional (months)",
                    "Cost (US$)", "% change", "Remark"), headerCells(a1, HEADER, 6));

            XSSFSheet a22 = wb.getSheet("a2-2");
            List<String> h = headerCells(a22, HEADER, 4);
            assertEquals(List.of("Item", "Count", "Amount (US$ million)", "Amount (US$ million) 2"), h);
            assertEquals("Source: Some source", cell(a22, 3, 0).getStringCellValue());

            for (Table t : List.of(wideTable(), narrowTable())) {
                XSSFSheet s = wb.getSheet(t.id());
                assertEquals(1, s.getTables().size(), t.id());
                XSSFTable table = s.getTables().get(0);
                int width = s.getRow(HEADER).getLastCellNum();
                assertEquals(HEADER, table.getStartRowIndex());
                assertEquals(HEADER + t.rows().size(), table.getEndRowIndex());
                assertEquals(0, table.getStartColIndex());
                assertEquals(width - 1, table.getEndColIndex());
                assertEquals(headerCells(s, HEADER, width), table.getColumns().stream().map(XSSFTableColumn::getName).toList());
                assertEquals(table.getName(), table.getDisplayName());
                assertTrue(table.getName().matches("[A-Za-z_][A-Za-z0-9_]*"), table.getName());

                PaneInformation pane = s.getPaneInformation();
                assertNotNull(pane, t.id());
                assertTrue(pane.isFreezePane());
                assertEquals(HEADER + 1, pane.getHorizontalSplitPosition());

                PrintSetup print = s.getPrintSetup();
                assertEquals(PrintSetup.A4_PAPERSIZE, print.getPaperSize());
                assertEquals(t.wide(), print.getLandscape(), t.id());
                assertTrue(s.getFitToPage());
                assertEquals(1, print.getFitWidth());
                assertEquals(0, print.getFitHeight());
                assertEquals("5:5", s.getRepeatingRows().formatAsString());
            }
            assertEquals("Table_a2_2", a22.getTables().get(0).getName());
        }
    }

    @Test
    void numbersAreNumericCellsWithFormats() throws Exception {
        try (XSSFWorkbook wb = render(Language.EN)) {
            // Expected value and format per sheet column, worked out here independently of the writer.
            checkNumbers(wb.getSheet("a1"), wideTable(), List.of(
                    new Expect("work", "years", "0"), new Expect("work", "months", "0"), new Expect("cost", null, "#,##0"),
                    new Expect("rate", null, "0.0"), new Expect("remark", null, null)));
            checkNumbers(wb.getSheet("a2-2"), narrowTable(), List.of(
                    new Expect("n", null, "#,##0"), new Expect("m1", null, "0.0"), new Expect("m2", null, "0.0")));

            XSSFSheet a1 = wb.getSheet("a1");
            assertEquals(2, cell(a1, HEADER + 2, 1).getNumericCellValue());   // 30 months = 2 years
            assertEquals(6, cell(a1, HEADER + 2, 2).getNumericCellValue());   // ... and 6 months
            assertEquals(-500, cell(a1, HEADER + 3, 3).getNumericCellValue());
            assertEquals(12.3, cell(a1, HEADER + 2, 4).getNumericCellValue(), 1e-9);
            // A missing value is an empty cell, and a heading row has a label only.
            assertEquals(null, a1.getRow(HEADER + 4).getCell(1));
            assertEquals(1, a1.getRow(HEADER + 1).getPhysicalNumberOfCells());
        }
    }

    record Expect(String key, String part, String format) {
    }

    static void checkNumbers(XSSFSheet s, Table t, List<Expect> columns) {
        for (int i = 0; i < t.rows().size(); i++) {
            Row row = t.rows().get(i);
            for (int c = 0; c < columns.size(); c++) {
                Expect e = columns.get(c);
                Object v = row.value(e.key());
                Cell cell = s.getRow(HEADER + 1 + i).getCell(c + 1);
                String where = t.id() + " row " + row.key() + " col " + (c + 1);
                if (v == null) {
                    assertTrue(cell == null || cell.getCellType() == CellType.BLANK, where);
                } else if (e.format() == null) {
                    assertEquals(CellType.STRING, cell.getCellType(), where);
                } else {
                    double expected = e.part() == null ? ((Number) v).doubleValue()
                            : "years".equals(e.part()) ? ((Number) v).longValue() / 12 : ((Number) v).longValue() % 12;
                    assertEquals(CellType.NUMERIC, cell.getCellType(), where);
                    assertEquals(expected, cell.getNumericCellValue(), 1e-9, where);
                    assertEquals(e.format(), cell.getCellStyle().getDataFormatString(), where);
                }
            }
        }
    }

    @Test
    void formulaLikeTextStaysText() throws Exception {
        try (XSSFWorkbook wb = render(Language.EN)) {
            XSSFSheet a1 = wb.getSheet("a1");
            for (int[] at : new int[][] {{HEADER + 2, 0}, {HEADER + 3, 0}, {HEADER + 2, 5}}) {
                Cell c = cell(a1, at[0], at[1]);
                assertEquals(CellType.STRING, c.getCellType());
                assertTrue(c.getCellStyle().getQuotePrefixed(), c.getStringCellValue());
            }
            assertEquals("=SUM(A1)", cell(a1, HEADER + 2, 0).getStringCellValue());
            assertEquals("@cmd", cell(a1, HEADER + 3, 0).getStringCellValue());
            assertEquals("-minus", cell(a1, HEADER + 2, 5).getStringCellValue());
            assertFalse(cell(a1, HEADER + 4, 0).getCellStyle().getQuotePrefixed());
            // Nowhere in the workbook is there a formula or a merged cell.
            for (Sheet s : wb) {
                assertEquals(0, s.getNumMergedRegions(), s.getSheetName());
                s.forEach(r -> r.forEach(c -> assertNotEquals(CellType.FORMULA, c.getCellType(),
                        s.getSheetName() + "!" + c.getAddress())));
            }
        }
    }

    @Test
    void rowStylesFollowRowType() throws Exception {
        try (XSSFWorkbook wb = render(Language.EN)) {
            XSSFSheet a1 = wb.getSheet("a1");
            int heading = HEADER + 1;
            int item = HEADER + 4;
            int subtotal = HEADER + 5;
            int total = HEADER + 6;
            assertTrue(bold(wb, cell(a1, heading, 0)));
            assertFalse(bold(wb, cell(a1, item, 0)));
            assertTrue(bold(wb, cell(a1, subtotal, 0)));
            assertTrue(bold(wb, cell(a1, total, 0)));
            assertTrue(bold(wb, cell(a1, total, 3)));
            assertEquals(CellType.NUMERIC, cell(a1, total, 3).getCellType());
            assertEquals(1, cell(a1, item, 0).getCellStyle().getIndention());
            assertEquals(0, cell(a1, total, 0).getCellStyle().getIndention());
            assertEquals("Arial", wb.getFontAt(cell(a1, item, 0).getCellStyle().getFontIndex()).getFontName());
        }
    }

    static boolean bold(XSSFWorkbook wb, Cell c) {
        return wb.getFontAt(c.getCellStyle().getFontIndex()).getBold();
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
    void languagePicksTheEdition() throws Exception {
        try (XSSFWorkbook zh = render(Language.ZH)) {
            assertEquals(List.of("封面", "目录", "注释", "a1", "a2-2"), sheetNames(zh), "the zh edition names its sheets in Chinese");
        }
        try (XSSFWorkbook en = render(Language.EN); XSSFWorkbook zh = render(Language.ZH)) {
            assertEquals("Part one", cell(en.getSheet("a1"), HEADER + 1, 0).getStringCellValue());
            assertEquals("第一部分", cell(zh.getSheet("a1"), HEADER + 1, 0).getStringCellValue());
            assertEquals("English remark", cell(en.getSheet("a1"), HEADER + 3, 5).getStringCellValue());
            assertEquals("中文说明", cell(zh.getSheet("a1"), HEADER + 3, 5).getStringCellValue());
            assertEquals("本工作表包含一个表格。", cell(zh.getSheet("a1"), 2, 0).getStringCellValue());
            assertEquals("附件 1：宽表", cell(zh.getSheet("a1"), 0, 0).getStringCellValue());
            assertEquals("单位", cell(zh.getSheet("a1"), HEADER, 0).getStringCellValue());
            assertEquals("工作年/月 专业人员 (年)", cell(zh.getSheet("a1"), HEADER, 1).getStringCellValue());
            assertEquals("测试出版物", zh.getProperties().getCoreProperties().getTitle());
            assertEquals("zh-CN", zh.getProperties().getCoreProperties().getUnderlyingProperties().getLanguageProperty().orElse(null));
            assertEquals(sheetNames(en).subList(3, 5), sheetNames(zh).subList(3, 5), "table sheets are named alike");
        }
    }

    @Test
    void sameInputSameContent() throws Exception {
        Path first = dir.resolve("first.xlsx");
        Path second = dir.resolve("second.xlsx");
        XlsxWorkbookWriter.write(List.of(wideTable(), narrowTable()), Language.ZH, info(), first);
        XlsxWorkbookWriter.write(List.of(wideTable(), narrowTable()), Language.ZH, info(), second);
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

    static List<String> headerCells(Sheet s, int row, int count) {
        List<String> h = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            Cell cell = s.getRow(row).getCell(c);
            assertEquals(CellType.STRING, cell.getCellType());
            h.add(cell.getStringCellValue());
        }
        return h;
    }
}
