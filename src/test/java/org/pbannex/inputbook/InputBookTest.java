package org.pbannex.inputbook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFDataValidation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pbannex.ChineseReasons;
import org.pbannex.Golden;
import org.pbannex.TestInputs;
import org.pbannex.TestWorkbooks;
import org.pbannex.ingest.InputError;

/**
 * The input workbook without any other program: export then import gives back the bundled files byte for byte; the
 * workbook holds numbers as numbers, codes as text, drop-down lists, ranges and protection; every kind of bad cell is
 * refused naming sheet, row and column, with nothing written; a workbook from outside is read within limits.
 */
class InputBookTest {

    @TempDir
    static Path shared;
    static Path exported;

    @TempDir
    Path tmp;

    /** The zip entry of each sheet, by sheet name. */
    static final Map<String, String> parts = new TreeMap<>();

    @BeforeAll
    static void export() throws Exception {
        exported = shared.resolve("inputs.xlsx");
        InputBookWriter.Summary s = InputBookWriter.write(Golden.input(), "2022-23", exported);
        assertEquals(TestInputs.bundledCsvFiles("2022-23").size(), s.sheets());
        for (String sheet : List.of("budget", "units", "results_outputs", "regional_inflation", "extrabudgetary_estimates",
                "printed_differences", "regions")) {
            parts.put(sheet, TestWorkbooks.sheetPart(exported, sheet));
        }
    }

    /**
     * The exported workbook with one cell's XML replaced (or added at the end of its row, or removed with ""): the
     * quick way to make a bad cell, as any program that writes xlsx may store it.
     */
    private Path withCell(String sheet, String ref, String cellXml) throws IOException {
        String row = ref.replaceAll("[A-Z]", "");
        return rewritePart(parts.get(sheet), xml -> {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("<c r=\"" + ref + "\"[^>]*?(/>|>.*?</c>)").matcher(xml);
            if (m.find()) {
                return xml.substring(0, m.start()) + cellXml + xml.substring(m.end());
            }
            java.util.regex.Matcher r = java.util.regex.Pattern.compile("(<row r=\"" + row + "\"[^>]*>.*?)</row>").matcher(xml);
            assertTrue(r.find(), "row " + row + " of " + sheet);
            return xml.substring(0, r.start()) + r.group(1) + cellXml + "</row>" + xml.substring(r.end());
        });
    }

    private static String text(String ref, String value) {
        return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + value.replace("&", "&amp;").replace("<", "&lt;")
                .replace("\"", "&quot;") + "</t></is></c>";
    }

    private static String number(String ref, String value) {
        return "<c r=\"" + ref + "\"><v>" + value + "</v></c>";
    }

    /**
     * Every file of the folder (but expenditure lines, and a biennium's own reference files, which the workbook does
     * not hold) by its path, as bytes.
     */
    static Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (!rel.startsWith("expenditure/") && !rel.matches("\\d{4}-\\d{2}/reference/.*")) {
                    out.put(rel, Files.readAllBytes(p));
                }
            }
        }
        return out;
    }

    private Path edited(Consumer<XSSFWorkbook> change) throws IOException {
        return TestWorkbooks.edited(exported, tmp.resolve("inputs.xlsx"), change);
    }

    private static XSSFCell cell(XSSFWorkbook wb, String sheet, String address) {
        var ref = new org.apache.poi.ss.util.CellReference(address);
        XSSFSheet s = wb.getSheet(sheet);
        var row = s.getRow(ref.getRow()) != null ? s.getRow(ref.getRow()) : s.createRow(ref.getRow());
        return row.getCell(ref.getCol()) != null ? row.getCell(ref.getCol()) : row.createCell(ref.getCol());
    }

    /**
     * Importing into a copy of the bundled input must fail with the message parts, and change no file there; the reason
     * is a sentence of the texts, which a Chinese report says with no English in it.
     */
    private String refused(Path workbook, String... parts) throws IOException {
        Path into = TestInputs.copyOfBundledInput(tmp.resolve("into"));
        Map<String, byte[]> before = files(into);
        InputError e = assertThrows(InputError.class, () -> InputBookImport.importInto(workbook, "inputs.xlsx", into, Golden.input()));
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "message should contain '" + p + "': " + e.getMessage());
        }
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        ChineseReasons.assertChinese(e, Golden.input());
        Map<String, byte[]> after = files(into);
        assertEquals(before.keySet(), after.keySet(), "no file added");
        before.forEach((k, v) -> assertArrayEquals(v, after.get(k), k + " unchanged"));
        try (Stream<Path> s = Files.list(tmp)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".pb-annex-import-")), "no temporary folder left");
        }
        return e.getMessage();
    }

    // --- round trip ---

    @Test
    void exportThenImportGivesByteIdenticalFiles() throws IOException {
        Path into = tmp.resolve("fresh");
        InputBookImport.Result r = InputBookImport.importInto(exported, "inputs.xlsx", into, Golden.input());
        assertEquals("2022-23", r.biennium());
        // The reviewers list and its descriptor are no input of the tables, so not in the workbook.
        Map<String, byte[]> bundled = new java.util.TreeMap<>(files(Golden.input()));
        bundled.keySet().removeIf(k -> k.startsWith("reviewers."));
        Map<String, byte[]> imported = files(into);
        assertEquals(bundled.keySet(), imported.keySet());
        bundled.forEach((k, v) -> assertArrayEquals(v, imported.get(k), k + " is byte-identical"));
        assertEquals(TestInputs.bundledCsvFiles("2022-23").size() + 1, imported.size(), "the CSV files and datapackage.json");
    }

    @Test
    void importingAnUnchangedWorkbookChangesNothing() throws IOException {
        Path into = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        InputBookImport.Result r = InputBookImport.importInto(exported, "inputs.xlsx", into, Golden.input());
        assertEquals(List.of(), r.changed());
        assertEquals(TestInputs.bundledCsvFiles("2022-23").size(), r.unchanged().size());
    }

    @Test
    void anEditedValueIsTheOnlyChange() throws IOException {
        // Work-years: no table's check depends on them alone (an amount would now fail Table A2-2's totals, refused).
        Path wb = withCell("budget", "B5", number("B5", "28"));
        Path into = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        InputBookImport.Result r = InputBookImport.importInto(wb, "inputs.xlsx", into, Golden.input());
        assertEquals(List.of("2022-23/budget.csv"), r.changed());
        List<String> was = Files.readAllLines(Golden.input().resolve("2022-23/budget.csv"));
        List<String> now = Files.readAllLines(into.resolve("2022-23/budget.csv"));
        assertEquals(was.size(), now.size());
        List<Integer> differing = new ArrayList<>();
        for (int i = 0; i < was.size(); i++) {
            if (!was.get(i).equals(now.get(i))) {
                differing.add(i + 1);
            }
        }
        assertEquals(List.of(2), differing);
        assertEquals("ILC,28,1,37,6,21611293,3305172,25073643,98019", now.get(1));
    }

    /**
     * Two columns swapped on a sheet, names and all, change no value: the file is written in its descriptor's order,
     * unchanged (found by an exploratory test: it was written in the sheet's order, the whole file shown as changed).
     */
    @Test
    void columnsMovedAboutOnASheetAreWrittenInTheFilesOwnOrder() throws IOException {
        Path wb = edited(w -> {
            XSSFSheet s = w.getSheet("budget");
            for (var row : s) {
                var f = row.getCell(5);
                var g = row.getCell(6);
                if (f == null || g == null) {
                    continue;
                }
                Object fv = f.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC ? (Object) f.getNumericCellValue() : f.getStringCellValue();
                Object gv = g.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC ? (Object) g.getNumericCellValue() : g.getStringCellValue();
                var fStyle = f.getCellStyle();
                f.setCellStyle(g.getCellStyle());
                g.setCellStyle(fStyle);
                if (gv instanceof Double d) {
                    f.setCellValue(d);
                } else {
                    f.setCellValue((String) gv);
                }
                if (fv instanceof Double d) {
                    g.setCellValue(d);
                } else {
                    g.setCellValue((String) fv);
                }
            }
        });
        Path into = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        InputBookImport.Result r = InputBookImport.importInto(wb, "inputs.xlsx", into, Golden.input());
        assertEquals(List.of(), r.changed());
        assertArrayEquals(Files.readAllBytes(Golden.input().resolve("2022-23/budget.csv")), Files.readAllBytes(into.resolve("2022-23/budget.csv")));
    }

    @Test
    void rowsInsertedAboveTheHeaderAreFollowed() throws IOException {
        Path wb = edited(w -> {
            XSSFSheet s = w.getSheet("budget");
            s.shiftRows(0, s.getLastRowNum(), 2);
            cell(w, "budget", "F9").setCellValue("n/a");
        });
        refused(wb, "inputs.xlsx, sheet budget, row 9, column staff_costs: not a whole number: 'n/a'");
    }

    // --- what the workbook holds ---

    @Test
    void theWorkbookHoldsNumbersCodesListsAndProtection() throws IOException {
        try (InputStream in = Files.newInputStream(exported); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertEquals("Cover", wb.getSheetName(0));
            assertEquals(TestInputs.bundledCsvFiles("2022-23").size() + 1, wb.getNumberOfSheets(), "the cover and a sheet per file");
            assertTrue(wb.isStructureLocked(), "sheets cannot be added, removed or renamed");
            XSSFSheet budget = wb.getSheet("budget");
            assertEquals("budget: 2022-23/budget.csv", budget.getRow(0).getCell(0).getStringCellValue());
            assertEquals("unit", budget.getRow(3).getCell(0).getStringCellValue());
            assertEquals("required", budget.getRow(2).getCell(0).getStringCellValue());
            XSSFCell staff = budget.getRow(4).getCell(5);
            assertEquals(CellType.NUMERIC, staff.getCellType());
            assertEquals(21611293.0, staff.getNumericCellValue());
            XSSFCell unit = budget.getRow(4).getCell(0);
            assertEquals(CellType.STRING, unit.getCellType());
            assertEquals("@", unit.getCellStyle().getDataFormatString(), "codes are Text cells");
            assertFalse(unit.getCellStyle().getLocked(), "values can be edited");
            assertTrue(budget.getRow(3).getCell(0).getCellStyle().getLocked(), "column names cannot");
            assertTrue(budget.getProtect());
            assertTrue(budget.isInsertColumnsLocked() && budget.isDeleteColumnsLocked());
            assertFalse(budget.isInsertRowsLocked() || budget.isDeleteRowsLocked(), "rows can be added and removed");
            assertNotNull(budget.getRow(3).getCell(5).getCellComment(), "each column name says what it takes");
            assertTrue(budget.getRow(3).getCell(5).getCellComment().getString().getString().contains("Whole number from "
                    + "-999999999999999 to 999999999999999"));

            XSSFDataValidation unitList = validation(budget, 0);
            assertEquals(DataValidationConstraint.ValidationType.LIST, unitList.getValidationConstraint().getValidationType());
            assertEquals("'units'!$A$5:$A$54", unitList.getValidationConstraint().getFormula1());
            assertEquals(DataValidation.ErrorStyle.WARNING, unitList.getErrorStyle());
            XSSFDataValidation staffRange = validation(budget, 5);
            assertEquals(DataValidationConstraint.ValidationType.DECIMAL, staffRange.getValidationConstraint().getValidationType());
            assertEquals("999999999999999", staffRange.getValidationConstraint().getFormula2());
            XSSFDataValidation months = validation(budget, 2);
            assertEquals(DataValidationConstraint.ValidationType.INTEGER, months.getValidationConstraint().getValidationType());
            assertEquals("11", months.getValidationConstraint().getFormula2());
            // A column with allowed values offers them (region codes have none: the regions sheet is their list).
            XSSFDataValidation funds = validation(wb.getSheet("extrabudgetary_estimates"), 1);
            assertArrayEquals(new String[] {"XB", "RBSA"}, funds.getValidationConstraint().getExplicitListValues());

            XSSFCell rate = wb.getSheet("settings").getRow(4).getCell(1);
            assertEquals(1.0, rate.getNumericCellValue());
            assertEquals("0.00", rate.getCellStyle().getDataFormatString(), "1.00 keeps its two decimals");
            XSSFCell year = wb.getSheet("results_baselines").getRow(4).getCell(4);
            assertEquals(CellType.STRING, year.getCellType(), "a year code stays text");

            String cover = sheetText(wb.getSheet("Cover"));
            assertTrue(cover.contains("Expenditure lines (input/expenditure/*.csv, possibly millions of lines) are not in this workbook"));
            assertTrue(cover.contains("Biennium") && cover.contains("2022-23"));
            boolean linked = false;
            for (var row : wb.getSheet("Cover")) {
                for (var c : row) {
                    linked |= c.getHyperlink() != null && "'budget'!A1".equals(c.getHyperlink().getAddress());
                }
            }
            assertTrue(linked, "the cover links to each sheet");
        }
    }

    private static XSSFDataValidation validation(XSSFSheet s, int column) {
        return s.getDataValidations().stream()
                .filter(v -> v.getRegions().getCellRangeAddress(0).getFirstColumn() == column)
                .findFirst().orElseThrow(() -> new AssertionError("no validation on column " + column + " of " + s.getSheetName()));
    }

    private static String sheetText(XSSFSheet s) {
        StringBuilder b = new StringBuilder();
        s.forEach(r -> r.forEach(c -> b.append(c.toString()).append('\n')));
        return b.toString();
    }

    // --- bad cells: sheet, row, column, and nothing written ---

    /**
     * One cell as a program that writes xlsx may store it (a text, a number, or its XML as it is, empty: the cell removed),
     * and what the line that refuses it says (parts apart from each other: " ... ").
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            text in a number column    | budget | F7 | text   | n/a                     | inputs.xlsx, sheet budget, row 7, column staff_costs: not a whole number: 'n/a'
            an amount out of range     | budget | F7 | number | 6.1E18                  | inputs.xlsx, sheet budget, row 7, column staff_costs: value 6100000000000000000 is above the maximum 999999999999999
            an unknown code            | budget | A6 | text   | REGMEET                 | inputs.xlsx, sheet budget, row 6, column unit: unknown unit 'REGMEET': not in inputs.xlsx, sheet units
            a formula                  | budget | F7 | xml    | <c r="F7"><f>21000000+611293</f><v>21611293</v></c> | inputs.xlsx, sheet budget, row 7, column staff_costs: a formula (=21000000+611293) in an input cell ... formulas are not evaluated
            an error value             | budget | F7 | xml    | <c r="F7" t="e"><v>#DIV/0!</v></c> | sheet budget, row 7, column staff_costs: an error value (#DIV/0!)
            a value outside the table  | budget | K7 | text   | note                    | inputs.xlsx, sheet budget, row 7: a value in column K, outside the table (its columns are A to I)
            a control character        | units  | C5 | text   | International\tLabour Conference | inputs.xlsx, sheet units, row 5, column label_en: control character U+0009 (tab)
            a control character as Excel escapes it | units | C5 | text | International_x0001_Labour Conference | inputs.xlsx, sheet units, row 5, column label_en: control character U+0001
            formula-like text          | units  | C5 | text   | =HYPERLINK("http://example.org") | inputs.xlsx, sheet units, row 5, column label_en: text starts with '='
            a missing required value   | budget | F6 | xml    |                         | inputs.xlsx, sheet budget, row 6, column staff_costs: value is required
            a renamed column           | budget | F4 | text   | staff                   | inputs.xlsx, sheet budget, row 4, column staff: unexpected column
            """)
    void aBadCellIsRefusedNamingSheetRowAndColumn(String what, String sheet, String ref, String kind, String value, String message)
            throws IOException {
        String cell = switch (kind) {
            case "text" -> text(ref, value);
            case "number" -> number(ref, value);
            default -> value == null ? "" : value;
        };
        refused(withCell(sheet, ref, cell), message.split(" \\.\\.\\. "));
    }

    @Test
    void anEscapedUnderscoreIsALiteral() {
        assertEquals("_x0041_ stays", InputBookReader.unescape("_x005F_x0041_ stays"), "an escaped literal _x");
    }

    @Test
    void aMissingHeaderRow() throws IOException {
        refused(rewritePart(parts.get("budget"), xml -> xml.replaceFirst("<row r=\"4\".*?</row>", "")),
                "inputs.xlsx, sheet budget: no header row: the column names (unit,prof_years,");
    }

    @Test
    void aFormulaIsReadAsItsCachedNumberWhereTheSchemaAllows() throws IOException {
        Path into = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        TestInputs.edit(into.resolve("datapackage.json"), s -> s.replace("\"name\": \"staff_costs\",",
                "\"name\": \"staff_costs\", \"pbFormulaCell\": \"cachedNumber\","));
        Path wb = withCell("budget", "F5", "<c r=\"F5\" s=\"11\"><f>21000000+611293</f><v>21611293</v></c>");
        InputBookImport.Result r = InputBookImport.importInto(wb, "inputs.xlsx", into, Golden.input());
        assertEquals(List.of(), r.changed(), "the cached value is the value that was there");
        assertEquals(1, r.notes().size(), r.notes().toString());
        assertTrue(r.notes().get(0).contains("sheet budget, row 5, column staff_costs: formula =21000000+611293 read as its "
                + "cached value 21611293"), r.notes().get(0));
        Path text = withCell("budget", "F5", "<c r=\"F5\" t=\"str\"><f>\"21611293\"</f><v>21611293</v></c>");
        InputError e = assertThrows(InputError.class, () -> InputBookImport.importInto(text, "inputs.xlsx", into, Golden.input()));
        assertTrue(e.getMessage().contains("row 5, column staff_costs: a formula") && e.getMessage().contains("cached value is a plain number"),
                e.getMessage());
    }

    /** An input workbook whose Cover sheet was deleted is one still: said so, with the way back (it said "not one"). */
    @Test
    void anInputWorkbookWithoutItsCover() throws IOException {
        refused(edited(w -> w.removeSheetAt(w.getSheetIndex(InputBook.COVER))), "inputs.xlsx: no sheet Cover: the workbook's "
                + "sheets are an input workbook's, but its Cover sheet (the biennium and the file each sheet is) was deleted or "
                + "renamed: put it back (undo, or name it Cover), or export the workbook again ('pb-annex input export') and "
                + "copy your edits into it");
    }

    /** LibreOffice saves true or false typed into a General cell as TRUE() or FALSE(): the value typed, not a formula. */
    @Test
    void aTruthValueLibreOfficeSavedAsAFormulaIsTheValue() throws IOException {
        Path into = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        Path same = withCell("regions", "F5", "<c r=\"F5\" t=\"b\"><f>TRUE()</f><v>1</v></c>");
        assertEquals(List.of(), InputBookImport.importInto(same, "inputs.xlsx", into, Golden.input()).changed());
        Path global = withCell("regions", "F10", "<c r=\"F10\" t=\"b\"><f>FALSE()</f><v>0</v></c>");
        assertEquals(List.of(), InputBookImport.importInto(global, "inputs.xlsx", into, Golden.input()).changed());
        // Read as false: Africa's targets, split by region, are then refused for it.
        refused(withCell("regions", "F5", "<c r=\"F5\" t=\"b\"><f>FALSE()</f><v>0</v></c>"),
                "sheet results_regional_targets, row 5, column region: targets are not split by region AF (split_targets is "
                + "false in regions.csv)");
        // Any other formula is still refused.
        refused(withCell("regions", "F5", "<c r=\"F5\" t=\"b\"><f>NOT(FALSE())</f><v>1</v></c>"),
                "inputs.xlsx, sheet regions, row 5, column split_targets: a formula (=NOT(FALSE())) in an input cell");
    }

    @Test
    void aDateWhereAPeriodBelongs() throws IOException {
        refused(edited(w -> {
            XSSFCell c = cell(w, "extrabudgetary_estimates", "A5");
            c.setCellValue(java.time.LocalDate.of(2022, 3, 1));
            XSSFCellStyle date = w.createCellStyle();
            date.setDataFormat(w.createDataFormat().getFormat("mmm-yy"));
            c.setCellStyle(date);
        }), "inputs.xlsx, sheet extrabudgetary_estimates, row 5, column biennium: a date", "Format Cells > Text");
    }

    @Test
    void aPercentageFormat() throws IOException {
        refused(edited(w -> {
            XSSFCell c = cell(w, "regional_inflation", "B5");
            c.setCellValue(0.044);
            XSSFCellStyle pct = w.createCellStyle();
            pct.setDataFormat(w.createDataFormat().getFormat("0.0%"));
            c.setCellStyle(pct);
        }), "sheet regional_inflation, row 5, column annual_inflation_pct: the cell is formatted as a percentage, so the 4.4% it "
                + "shows is stored as 0.044: format it as Number (Format Cells > Number) and type 4.4");
    }

    /**
     * 3.45 typed where one decimal belongs, in the exported cell formatted 0.0, shows as 3.5: refused for its decimals as
     * from a CSV file, the line saying that the cell shows it rounded (the user sees 3.5 there, not the 3.45 refused);
     * in a General cell, which shows what it holds, the refusal alone.
     */
    @Test
    void aValueItsCellFormatShowsRoundedIsRefusedSayingSo() throws IOException {
        String rounded = refused(edited(w -> cell(w, "regional_inflation", "B5").setCellValue(3.45)),
                "inputs.xlsx, sheet regional_inflation, row 5, column annual_inflation_pct: more than 1 decimal place: '3.45'; "
                        + "the cell shows it rounded, as 3.5 (its format is 0.0), but holds the value typed: type the value as "
                        + "it is to be stored");
        assertTrue(rounded.endsWith("to be stored"), rounded);
        String general = refused(edited(w -> {
            XSSFCell c = cell(w, "regional_inflation", "B5");
            c.setCellValue(3.45);
            c.setCellStyle(w.getCellStyleAt(0));
        }), "inputs.xlsx, sheet regional_inflation, row 5, column annual_inflation_pct: more than 1 decimal place: '3.45'");
        assertFalse(general.contains("rounded"), general);
    }

    @Test
    void aCodeTypedAsANumberLosesItsTrailingZero() throws IOException {
        // An output code 1.10 typed into a cell formatted as General becomes the number 1.1.
        refused(edited(w -> {
            XSSFCell c = cell(w, "results_outputs", "A6");
            c.setCellValue(1.1);
            c.setCellStyle(w.createCellStyle());
        }), "sheet results_outputs, row 6, column output: duplicate output '1.1' (first on row 5)", "became 1.1");
    }

    @Test
    void anEmptyRowInsideTheData() throws IOException {
        refused(rewritePart(parts.get("budget"), xml -> xml.replaceFirst("<row r=\"8\".*?</row>", "")),
                "inputs.xlsx, sheet budget, row 8: empty row inside the data");
        // A row whose cells were cleared (spaces, or formatting only) is empty too.
        refused(rewritePart(parts.get("budget"), xml -> xml.replaceFirst("<row r=\"8\".*?</row>",
                "<row r=\"8\"><c r=\"A8\" t=\"inlineStr\"><is><t>  </t></is></c><c r=\"B8\" s=\"11\"/></row>")),
                "inputs.xlsx, sheet budget, row 8: empty row inside the data");
    }

    @Test
    void emptyRowsAfterTheDataAreIgnored() throws IOException {
        Path wb = rewritePart(parts.get("budget"), xml -> xml.replace("</sheetData>",
                "<row r=\"60\"><c r=\"A60\" t=\"inlineStr\"><is><t></t></is></c></row><row r=\"70\"><c r=\"C70\" s=\"8\"/>"
                        + "<c r=\"D70\" t=\"inlineStr\"><is><t> </t></is></c></row></sheetData>"));
        Path into = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        assertEquals(List.of(), InputBookImport.importInto(wb, "inputs.xlsx", into, Golden.input()).changed());
    }

    @Test
    void aTextOfSeveralParagraphsKeepsRowNumbersRight() throws IOException {
        // A column that allows line breaks: one cell of two paragraphs, then a bad cell three rows below it.
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        TestInputs.edit(input.resolve("datapackage.json"), s -> s.replace("\"description\": \"English name (English edition)\"",
                "\"description\": \"English name (English edition)\", \"pbLineBreaks\": \"allowed\""));
        TestInputs.edit(input.resolve("reference/units.csv"), s -> s.replace("International Labour Conference",
                "\"International Labour\nConference\""));
        Path book = tmp.resolve("paragraphs.xlsx");
        InputBookWriter.write(input, "2022-23", book);
        Path into = tmp.resolve("again");
        InputBookImport.importInto(book, "paragraphs.xlsx", into, input);
        assertArrayEquals(Files.readAllBytes(input.resolve("reference/units.csv")), Files.readAllBytes(into.resolve("reference/units.csv")),
                "the two paragraphs come back as they were");
        Path bad = TestWorkbooks.rewritePart(book, tmp.resolve("bad.xlsx"), TestWorkbooks.sheetPart(book, "units"),
                xml -> xml.replaceFirst("<c r=\"C8\"[^>]*>.*?</c>", text("C8", "=1+1")));
        InputError e = assertThrows(InputError.class, () -> InputBookImport.importInto(bad, "paragraphs.xlsx", tmp.resolve("x"), input));
        assertTrue(e.getMessage().startsWith("paragraphs.xlsx, sheet units, row 8, column label_en: text starts with '='"), e.getMessage());
    }

    @Test
    void aMissingSheet() throws IOException {
        refused(edited(w -> {
            w.unLockStructure();
            w.removeSheetAt(w.getSheetIndex("rbtc"));
        }), "inputs.xlsx: no sheet rbtc (the input file 2022-23/rbtc.csv)");
    }

    /**
     * A workbook exported before printed_differences.csv named the print of each difference (no column document_symbol,
     * the sheet protected against adding one) is refused saying where to add it and the value publication's sheet gives;
     * added so, it imports.
     */
    @Test
    void aWorkbookExportedBeforeADifferenceNamedItsPrint() throws IOException {
        Consumer<XSSFWorkbook> withoutTheColumn = w -> {
            for (org.apache.poi.ss.usermodel.Row row : w.getSheet("printed_differences")) {
                if (row.getCell(7) != null) {
                    row.removeCell(row.getCell(7));
                }
            }
        };
        String e = refused(edited(withoutTheColumn));
        assertEquals("inputs.xlsx, sheet printed_differences, row 4, column document_symbol: no column document_symbol: this "
                + "workbook was exported before printed_differences.csv had it; add it: unprotect the sheet (Review > Unprotect "
                + "Sheet), type document_symbol in cell H4, after explanation_en, and in column H of each row of data "
                + "'GB.341/PFA/1' (sheet publication, row 5, column document_symbol); or export the workbook again", e);
        Path added = edited(withoutTheColumn.andThen(w -> {
            w.getSheet("printed_differences").getRow(3).createCell(7).setCellValue("document_symbol");
            w.getSheet("printed_differences").getRow(4).createCell(7).setCellValue("GB.341/PFA/1");
        }));
        Path into = TestInputs.copyOfBundledInput(tmp.resolve("added"));
        InputBookImport.importInto(added, "inputs.xlsx", into, Golden.input());
        assertArrayEquals(Files.readAllBytes(Golden.input().resolve("2022-23/printed_differences.csv")),
                Files.readAllBytes(into.resolve("2022-23/printed_differences.csv")));
    }

    /**
     * What a column takes is said in Chinese in a Chinese report (its pbDescriptionZh): a workbook exported before
     * publication.csv had document_symbol is told its value in Chinese, and every described field of the data package
     * has its Chinese description. document_symbol's was its English inside the Chinese sentence.
     */
    @Test
    void whatAColumnTakesIsSaidInChinese() throws IOException {
        Path into = TestInputs.copyOfBundledInput(tmp.resolve("into"));
        Path wb = edited(w -> {
            for (org.apache.poi.ss.usermodel.Row row : w.getSheet("publication")) {
                if (row.getCell(1) != null) {
                    row.removeCell(row.getCell(1));
                }
            }
        });
        InputError e = assertThrows(InputError.class, () -> InputBookImport.importInto(wb, "inputs.xlsx", into, Golden.input()));
        assertTrue(e.getMessage().contains("no column document_symbol: ") && e.getMessage().contains("its value: Symbol of the "
                + "printed document this biennium's tables reproduce"), e.getMessage());
        String zh = ChineseReasons.assertChinese(e, Golden.input());
        assertTrue(zh.contains("其值：本两年期表格所重现的印刷文件的文号"), zh);
        List<String> english = new ArrayList<>();
        for (org.pbannex.ingest.Resource r : org.pbannex.ingest.DataPackage.load(Golden.input()).resources()) {
            for (org.pbannex.ingest.Field f : r.fields()) {
                if (!f.description().isEmpty() && f.described().zh().codePoints()
                        .noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                    english.add(r.name() + "." + f.name());
                }
            }
        }
        assertEquals(List.of(), english, "fields described in English only");
    }

    @Test
    void nothingIsWrittenIntoAFolderThatDidNotExist() throws IOException {
        Path wb = withCell("budget", "F7", text("F7", "n/a"));
        Path into = tmp.resolve("new-input");
        assertThrows(InputError.class, () -> InputBookImport.importInto(wb, "inputs.xlsx", into, Golden.input()));
        assertFalse(Files.exists(into));
    }

    // --- a workbook from outside ---

    @Test
    void notAWorkbook() throws IOException {
        Path csv = Files.writeString(tmp.resolve("inputs.xlsx"), "unit,staff_costs\nILC,1\n");
        refused(csv, "inputs.xlsx: not an Excel workbook (.xlsx) but text (a CSV file given a workbook's name?)");
        // Named as a CSV file: said to be one (it asked whether a CSV file had been given a workbook's name).
        refused(Files.writeString(tmp.resolve("budget.csv"), "unit,staff_costs\nILC,1\n"), ": a CSV file and not an Excel "
                + "workbook (.xlsx): input import reads the workbook that input export writes; a CSV file of the input goes into the "
                + "input folder as it is");
        // Saved or copied not at all, or not to the end (an attachment cut short).
        refused(Files.write(tmp.resolve("inputs.xlsx"), new byte[0]), "inputs.xlsx: an empty file (0 bytes), not an Excel workbook");
        Path whole = withCell("budget", "F7", text("F7", "n/a"));
        byte[] bytes = Files.readAllBytes(whole);
        refused(Files.write(tmp.resolve("inputs.xlsx"), java.util.Arrays.copyOf(bytes, bytes.length / 3)),
                "inputs.xlsx: a damaged or incomplete Excel workbook (.xlsx): it begins as one, but its contents cannot be read");
        Path xls = TestWorkbooks.xls(tmp.resolve("old.xlsx"), "budget");
        refused(xls, "an Excel 97-2003 workbook (.xls): in Excel, save it as Excel Workbook (.xlsx)");
        // LibreOffice's own format, as a reviewer who saves with LibreOffice's default returns it.
        Path ods = tmp.resolve("saved.xlsx");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(ods))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("mimetype"));
            zip.write("application/vnd.oasis.opendocument.spreadsheet".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            zip.putNextEntry(new java.util.zip.ZipEntry("settings.xml"));
            zip.write("<office:document-settings xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.putNextEntry(new java.util.zip.ZipEntry("content.xml"));
            zip.write("<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        refused(ods, "inputs.xlsx: an OpenDocument spreadsheet (.ods): in LibreOffice Calc, save it as Excel 2007-365 (.xlsx)");
        // A whole zip archive with CSV files in it (the input folder zipped), not a damaged workbook.
        Path zipped = tmp.resolve("zipped.xlsx");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(zipped))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("2022-23/budget.csv"));
            zip.write("unit,staff_costs\nILC,1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        assertEquals("inputs.xlsx: a zip archive with no Excel workbook in it (no xl/workbook.xml), not an Excel workbook "
                + "(.xlsx): give the workbook itself, not an archive or another Office document", refused(zipped));
        Path pdf = Files.write(tmp.resolve("inputs.pdf"), "%PDF-1.4\n%\u00e2\u00e3\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertEquals("inputs.xlsx: a PDF document, not an Excel workbook (.xlsx): a PDF cannot be read back; give the Excel "
                + "workbook (.xlsx) itself", refused(pdf));
    }

    @Test
    void aWorkbookTooLarge() throws IOException {
        Path big = tmp.resolve("inputs.xlsx");
        try (var f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(InputBook.MAX_BYTES + 1);
        }
        refused(big, "inputs.xlsx: workbook too large: 20971521 bytes, the limit is 20971520");
    }

    @Test
    void aZipBombIsRefused() throws IOException {
        // A sheet part padded with 30 MB of spaces: it packs about a thousand to one.
        Path bomb = rewritePart(parts.get("budget"), xml -> xml + " ".repeat(30 * 1024 * 1024));
        refused(bomb, "inputs.xlsx: refused: a part of the workbook would expand more than 100 times its packed size");
    }

    @Test
    void anExternalEntityIsRefused() throws IOException {
        Path xxe = rewritePart(parts.get("budget"), xml -> xml
                .replaceFirst("<worksheet", "<!DOCTYPE worksheet [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]><worksheet")
                .replaceFirst("<v>2.1611293E7</v>", "<v>&secret;</v>"));
        refused(xxe, "inputs.xlsx: refused: the XML of the sheet budget declares a document type (DOCTYPE)");
        Path strings = rewritePart("xl/sharedStrings.xml", xml -> xml
                .replaceFirst("<sst", "<!DOCTYPE sst [<!ENTITY lol \"lol\">]><sst"));
        refused(strings, "inputs.xlsx: refused: the XML of the shared strings declares a document type (DOCTYPE)");
    }

    /** A copy of the exported workbook with one zip entry's text changed. */
    private Path rewritePart(String part, java.util.function.UnaryOperator<String> change) throws IOException {
        return TestWorkbooks.rewritePart(exported, tmp.resolve("inputs.xlsx"), part, change);
    }
}
