package org.pbannex.inputbook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.Golden;
import org.pbannex.TestInputs;
import org.pbannex.TestWorkbooks;
import org.pbannex.ingest.InputError;
import org.pbannex.publication.ReconciliationFailed;

/**
 * An import never writes an input folder that a run refuses (it checks the files as `check` does: every rule, every
 * table's reconciliation), never silently undoes edits made on disk since the export (the cover's checksums), and
 * reads a code, a renamed sheet and a date in a number cell as the CSV route would, or says what to do.
 */
class InputBookSafeImportTest {

    @TempDir
    static Path shared;
    static Path exported;

    @TempDir
    Path tmp;

    @BeforeAll
    static void export() throws Exception {
        exported = shared.resolve("inputs.xlsx");
        InputBookWriter.write(Golden.input(), "2022-23", exported);
    }

    private Path edited(Path from, Consumer<XSSFWorkbook> change) throws IOException {
        return TestWorkbooks.edited(from, tmp.resolve("edited-" + System.nanoTime() + ".xlsx"), change);
    }

    private static XSSFCell cell(XSSFWorkbook wb, String sheet, String address) {
        var ref = new org.apache.poi.ss.util.CellReference(address);
        XSSFSheet s = wb.getSheet(sheet);
        return s.getRow(ref.getRow()).getCell(ref.getCol(), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
    }

    /** Importing into a copy of the bundled input fails as {@code type}, one line holding the parts; nothing written. */
    private <T extends RuntimeException> String refused(Class<T> type, Path workbook, Path into, String... parts) throws IOException {
        Map<String, byte[]> before = InputBookTest.files(into);
        T e = assertThrows(type, () -> InputBookImport.importInto(workbook, "inputs.xlsx", into, Golden.input()));
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "message should contain '" + p + "': " + e.getMessage());
        }
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        Map<String, byte[]> after = InputBookTest.files(into);
        assertEquals(before.keySet(), after.keySet(), "no file added");
        before.forEach((k, v) -> assertArrayEquals(v, after.get(k), k + " unchanged"));
        return e.getMessage();
    }

    private Path bundledCopy() throws IOException {
        return TestInputs.copyOfBundledInput(tmp.resolve("input-" + System.nanoTime()));
    }

    // --- the whole check before anything is written ---

    @Test
    void negativeStaffCostsAreRefusedAsCheckRefusesThem() throws IOException {
        Path wb = edited(exported, w -> cell(w, "budget", "F6").setCellValue(-15668625));
        refused(RuntimeException.class, wb, bundledCopy(), "inputs.xlsx, sheet budget, row 6");
    }

    @Test
    void aDeletedBudgetRowIsRefusedAsCheckRefusesIt() throws IOException {
        Path wb = edited(exported, w -> {
            XSSFSheet s = w.getSheet("budget");
            assertEquals("RM", cell(w, "budget", "A7").getStringCellValue());
            s.removeRow(s.getRow(6));
            s.shiftRows(7, s.getLastRowNum(), -1);
        });
        refused(RuntimeException.class, wb, bundledCopy(), "RM");
    }

    // --- edits made on disk since the export ---

    /** A copy of the bundled input, exported from there, then units.csv's JUR label_en edited on disk. */
    private record Edited(Path into, Path workbook) {
    }

    private Edited exportedThenEditedOnDisk() throws IOException {
        Path into = bundledCopy();
        Path wb = tmp.resolve("old-" + System.nanoTime() + ".xlsx");
        InputBookWriter.write(into, "2022-23", wb);
        TestInputs.edit(into.resolve("reference/units.csv"), s -> s.replace(",Legal Services,", ",Office of the Legal Adviser,"));
        return new Edited(into, wb);
    }

    private static final String UNITS = "reference/units.csv";

    private static boolean editedLabel(Path into) throws IOException {
        return Files.readString(into.resolve(UNITS)).contains("JUR,法律顾问办公室,Office of the Legal Adviser,");
    }

    /** The workbook with one text cell edited (a label: no table's check depends on it). */
    private Path withLabelEdited(Path workbook, String sheet, String address, String was, String now) throws IOException {
        return edited(workbook, w -> {
            XSSFCell c = cell(w, sheet, address);
            assertEquals(was, c.getStringCellValue());
            c.setCellValue(now);
        });
    }

    @Test
    void anEditOnDiskThatTheWorkbookWouldUndoIsRefused() throws IOException {
        Edited e = exportedThenEditedOnDisk();
        // The workbook edits the same file (ILC's label_en): importing it would put back JUR's old label.
        Path wb = withLabelEdited(e.workbook(), "units", "C5", "International Labour Conference", "International Labour Conference (ILC)");
        String m = refused(InputError.class, wb, e.into(), "reference/units.csv was edited on disk since this "
                + "workbook was exported", "--overwrite", "Nothing was written");
        assertTrue(m.startsWith("inputs.xlsx: "), m);
        assertTrue(editedLabel(e.into()), "the edit stays");
    }

    @Test
    void overwriteReplacesTheEditOnDiskAndSaysSo() throws IOException {
        Edited e = exportedThenEditedOnDisk();
        Path wb = withLabelEdited(e.workbook(), "units", "C5", "International Labour Conference", "International Labour Conference (ILC)");
        InputBookImport.Result r = InputBookImport.importInto(wb, "inputs.xlsx", e.into(), Golden.input(), true);
        assertEquals(List.of(UNITS), r.changed());
        String units = Files.readString(e.into().resolve(UNITS));
        assertTrue(units.contains(",International Labour Conference (ILC),") && units.contains(",Legal Services,"), "the workbook's file");
        assertEquals(1, r.warnings().size(), r.warnings().toString());
        assertTrue(r.warnings().get(0).contains("units.csv") && r.warnings().get(0).contains("--overwrite"), r.warnings().toString());
    }

    @Test
    void aFileChangedOnlyOnDiskIsLeftAloneWhileTheWorkbookChangesAnother() throws IOException {
        Edited e = exportedThenEditedOnDisk();
        // The workbook edits regions, not units: units.csv keeps its edit, regions.csv takes the workbook's.
        Path wb = withLabelEdited(e.workbook(), "regions", "C5", "Africa", "Africa region");
        InputBookImport.Result r = InputBookImport.importInto(wb, "inputs.xlsx", e.into(), Golden.input());
        assertEquals(List.of("reference/regions.csv"), r.changed());
        assertEquals(List.of(), r.warnings());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("units.csv kept as edited on disk")), r.notes().toString());
        assertTrue(editedLabel(e.into()), "the edit on disk stays");
        assertTrue(Files.readString(e.into().resolve("reference/regions.csv")).contains("AF,非洲,Africa region,"));
    }

    @Test
    void aFileKeptAsEditedOnDiskIsCheckedAndNamedAsTheFile() throws IOException {
        Path into = bundledCopy();
        Path wb = tmp.resolve("old.xlsx");
        InputBookWriter.write(into, "2022-23", wb);
        // ILC's cost_change edited on disk only: kept, so the check finds Table A2-2 no longer adds up, in that file.
        TestInputs.edit(into.resolve("2022-23/budget.csv"), t -> t.replace(",98019\n", ",98020\n"));
        String m = refused(ReconciliationFailed.class, wb, into, "budget.csv, lines ", "column cost_change");
        assertTrue(!m.contains("sheet budget"), m);
    }

    @Test
    void aWorkbookWithoutChecksumsImportsAsBeforeWithAWarning() throws IOException {
        // A workbook exported before the cover recorded checksums: its table of sheets has no such column.
        String warning = importedWithoutChecksums(true);
        assertTrue(warning.contains("records no checksums of the files it was exported from (its cover has no column "
                + "SHA-256 as exported: it was exported by an earlier pb-annex, or the column was deleted)"), warning);
    }

    /** Its column of checksums emptied by hand says so: it was "exported by an earlier pb-annex", a cause never checked. */
    @Test
    void aWorkbookWhoseChecksumsWereClearedSaysSo() throws IOException {
        String warning = importedWithoutChecksums(false);
        assertTrue(warning.contains("records no checksums of the files it was exported from (its cover's column "
                + "SHA-256 as exported is empty: cleared since the export)"), warning);
    }

    /** The warning of an import that undoes an edit on disk, its cover's checksums cleared (and their heading, or not). */
    private String importedWithoutChecksums(boolean heading) throws IOException {
        Edited e = exportedThenEditedOnDisk();
        Path old = edited(e.workbook(), w -> {
            for (Row row : w.getSheet(InputBook.COVER)) {
                for (Cell c : row) {
                    if (c.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                            && (heading && c.getStringCellValue().equals(InputBook.SHA256_HEADING) || c.getStringCellValue().matches("[0-9a-f]{64}"))) {
                        c.setBlank();
                    }
                }
            }
        });
        InputBookImport.Result r = InputBookImport.importInto(old, "inputs.xlsx", e.into(), Golden.input());
        assertEquals(List.of(UNITS), r.changed(), "undone, as before checksums were recorded");
        assertTrue(!editedLabel(e.into()));
        assertEquals(1, r.warnings().size(), r.warnings().toString());
        assertTrue(r.warnings().get(0).contains("undone without this being noticed"), r.warnings().get(0));
        return r.warnings().get(0);
    }

    // --- codes, sheet names and dates as the CSV route reads them ---

    @Test
    void aCodeWithATrailingSpaceIsWrittenStrippedAsTheCsvRouteReadsIt() throws IOException {
        Path wb = edited(exported, w -> {
            XSSFCell c = cell(w, "budget", "A6");
            assertEquals("GB", c.getStringCellValue());
            c.setCellValue("GB ");
        });
        Path into = bundledCopy();
        InputBookImport.Result r = InputBookImport.importInto(wb, "inputs.xlsx", into, Golden.input());
        assertEquals(List.of(), r.changed(), "GB is GB: the file is unchanged");
        assertArrayEquals(Files.readAllBytes(Golden.input().resolve("2022-23/budget.csv")),
                Files.readAllBytes(into.resolve("2022-23/budget.csv")));
    }

    @Test
    void aRenamedSheetIsNamedInTheError() throws IOException {
        Path wb = edited(exported, w -> {
            w.unLockStructure();
            w.setSheetName(w.getSheetIndex("budget"), "budget (2)");
        });
        refused(InputError.class, wb, bundledCopy(), "inputs.xlsx: no sheet budget (the input file 2022-23/budget.csv); "
                + "the workbook has 'budget (2)': give it back its name budget");
    }

    @Test
    void aDateInAMoneyColumnSaysToTypeANumber() throws IOException {
        Path wb = edited(exported, w -> {
            XSSFCell c = cell(w, "budget", "F6");
            c.setCellValue(java.time.LocalDate.of(2022, 3, 1));
            XSSFCellStyle date = w.createCellStyle();
            date.setDataFormat(w.createDataFormat().getFormat("mmm-yy"));
            c.setCellStyle(date);
        });
        String m = refused(InputError.class, wb, bundledCopy(), "sheet budget, row 6, column staff_costs: a date",
                "format the cell as Number (Format Cells > Number) and type the whole number again");
        assertTrue(!m.contains("2022-03") && !m.contains("Text"), m);
    }

    @Test
    void aDateInABienniumColumnSaysWhichBiennium() throws IOException {
        Path wb = edited(exported, w -> {
            XSSFCell c = cell(w, "extrabudgetary_estimates", "A5");
            c.setCellValue(java.time.LocalDate.of(2022, 3, 1));
            XSSFCellStyle date = w.createCellStyle();
            date.setDataFormat(w.createDataFormat().getFormat("mmm-yy"));
            c.setCellStyle(date);
        });
        refused(InputError.class, wb, bundledCopy(), "column biennium: a date", "Format Cells > Text", "2022-23");
    }
}
