package org.pbannex.inputbook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.TestInputs;
import org.pbannex.TestWorkbooks;
import org.pbannex.ingest.InputError;
import org.pbannex.ingest.InputSet;

/**
 * The input workbook of a biennium with reference lists of its own ({@link TestInputs#withMadeUp2024}): the workbook
 * holds its own lists, the cover names their files, an unedited workbook imports as no change and runs, and an edit of
 * its own list lands in that list, never in the shared one.
 */
class InputBookOwnReferenceTest {

    @TempDir
    static Path shared;
    static Path tree;
    static Path exported;

    @TempDir
    Path tmp;

    @BeforeAll
    static void export() throws IOException {
        tree = TestInputs.withMadeUp2024(shared.resolve("input"));
        // The made-up files end with a blank line, which the CSV files made from a workbook do not: without it, so that
        // an unedited workbook gives them back byte for byte.
        try (var files = Files.walk(tree.resolve("2024-25"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                TestInputs.edit(f, s -> s.stripTrailing() + "\n");
            }
        }
        exported = shared.resolve("inputs-2024-25.xlsx");
        InputBookWriter.write(tree, "2024-25", exported);
    }

    @Test
    void theWorkbookHoldsTheBienniumsOwnListsAndTheCoverNamesTheirFiles() throws IOException {
        try (InputStream in = Files.newInputStream(exported); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertEquals("units: 2024-25/reference/units.csv", wb.getSheet("units").getRow(0).getCell(0).getStringCellValue());
            assertEquals("ASSEMBLY", wb.getSheet("units").getRow(InputBook.HEADER_ROW).getCell(0).getStringCellValue(),
                    "2024-25's first unit, not the shared list's ILC");
            List<String> coverFiles = column(wb.getSheet(InputBook.COVER), InputBook.FILE_HEADING);
            for (String own : List.of("units", "groups", "lines", "parts", "strategic_framework")) {
                assertTrue(coverFiles.contains("2024-25/reference/" + own + ".csv"), own + ": " + coverFiles);
            }
            // Texts amend the shared ones key by key: the sheet holds the shared file, 2024-25's own stays beside the data.
            assertTrue(coverFiles.contains("reference/texts.csv") && coverFiles.contains("reference/regions.csv"), coverFiles.toString());
        }
    }

    @Test
    void anUnchangedWorkbookImportsAsNoChange() throws IOException {
        Path into = copyOfTree();
        InputBookImport.Result r = InputBookImport.importInto(exported, "inputs.xlsx", into, into);
        assertEquals(List.of(), r.changed());
        assertTrue(r.unchanged().contains("2024-25/reference/units.csv"), r.unchanged().toString());
    }

    @Test
    void anEditOfTheBienniumsOwnListLandsInItAndRunsFromTheWorkbookUseIt() throws IOException {
        Path workbook = edited(wb -> label(wb.getSheet("units"), "ASSEMBLY", "General Assembly"));
        Path into = copyOfTree();
        byte[] sharedUnits = Files.readAllBytes(into.resolve("reference/units.csv"));
        InputBookImport.Result r = InputBookImport.importInto(workbook, "inputs.xlsx", into, into);
        assertEquals(List.of("2024-25/reference/units.csv"), r.changed());
        assertTrue(Files.readString(into.resolve("2024-25/reference/units.csv")).contains(",General Assembly,"));
        assertArrayEquals(sharedUnits, Files.readAllBytes(into.resolve("reference/units.csv")), "the shared list untouched");

        // A run from the workbook: its own list, edited, not the installation's copy of it.
        Path dir = InputBookImport.forRun(workbook, "inputs.xlsx", tree, tmp.resolve("work/imported"));
        InputSet in = InputSet.load(dir, "2024-25");
        assertTrue(in.table("units").stream().anyMatch(u -> "General Assembly".equals(u.text("label_en"))));
        assertEquals(Files.readString(tree.resolve("2024-25/reference/texts.csv")),
                Files.readString(dir.resolve("2024-25/reference/texts.csv")), "its own texts, from the installation");
    }

    @Test
    void aNewFolderGetsTheBienniumsOwnTextsBesideTheWorkbooksFiles() throws IOException {
        InputBookImport.Result r = InputBookImport.importInto(exported, "inputs.xlsx", tmp.resolve("fresh"), tree);
        assertTrue(r.changed().contains("2024-25/reference/units.csv") && r.changed().contains("2024-25/reference/texts.csv"),
                r.changed().toString());
        InputSet.load(tmp.resolve("fresh"), "2024-25");
    }

    @Test
    void aSheetOfASharedListThatTheBienniumReplacesIsRefused() throws IOException {
        // As a workbook exported before it held a biennium's own lists: its units sheet said reference/units.csv.
        Path workbook = edited(wb -> {
            XSSFSheet cover = wb.getSheet(InputBook.COVER);
            cell(cover, InputBook.FILE_HEADING, "2024-25/reference/units.csv").setCellValue("reference/units.csv");
        });
        Path into = copyOfTree();
        InputError e = assertThrows(InputError.class, () -> InputBookImport.importInto(workbook, "inputs.xlsx", into, into));
        assertTrue(e.getMessage().startsWith("inputs.xlsx, sheet units: it holds the shared reference/units.csv, but "
                + "2024-25 has its own copy"), e.getMessage());

        Path odd = edited(wb -> cell(wb.getSheet(InputBook.COVER), InputBook.FILE_HEADING, "2024-25/reference/units.csv")
                .setCellValue("2024-25/units.csv"));
        e = assertThrows(InputError.class, () -> InputBookImport.importInto(odd, "inputs.xlsx", into, into));
        assertTrue(e.getMessage().matches("inputs\\.xlsx, sheet Cover, row \\d+, column File in the input folder: sheet units "
                + "is given the file '2024-25/units.csv': it holds reference/units.csv or 2024-25/reference/units.csv .*"),
                e.getMessage());
    }

    /**
     * The workbook holds the shared texts, so texts can arrive through it: a key its sheet adds that the program never
     * reads (a typo) is refused, naming the sheet, row and the key meant, before anything is written; a footnote it adds
     * by a key of a family the program reads is imported.
     */
    @Test
    void aTextKeyTheWorkbookAddsIsCheckedAsABienniumsOwn() throws IOException {
        Path typo = edited(wb -> addText(wb.getSheet("texts"), "a3.fotnote.1", "附件 3 的脚注。", "A footnote of annex 3."));
        Path into = copyOfTree();
        byte[] before = Files.readAllBytes(into.resolve("reference/texts.csv"));
        InputError e = assertThrows(InputError.class, () -> InputBookImport.importInto(typo, "inputs.xlsx", into, into));
        assertTrue(e.getMessage().matches("inputs\\.xlsx, sheet texts, row \\d+, column key: 'a3\\.fotnote\\.1' is no text the "
                + "program reads, so it would never be shown: did you mean 'a3\\.footnote\\.1'\\?"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(into.resolve("reference/texts.csv")), "nothing written");
        // A run from the workbook is refused the same way.
        assertThrows(InputError.class, () -> InputBookImport.forRun(typo, "inputs.xlsx", tree, tmp.resolve("work/imported")));

        Path footnote = edited(wb -> addText(wb.getSheet("texts"), "a3.footnote.1", "附件 3 的脚注。", "A footnote of annex 3."));
        InputBookImport.Result r = InputBookImport.importInto(footnote, "inputs.xlsx", into, into);
        assertEquals(List.of("reference/texts.csv"), r.changed());
        var a3 = org.pbannex.publication.Publication.compute(into, new org.pbannex.reference.Biennium(2024)).tables().get("a3");
        assertEquals("A footnote of annex 3.", a3.footnotes().get(a3.footnotes().size() - 1).en());
    }

    /** Adds a text (key, zh, en) in the row below the sheet's last. */
    private static void addText(XSSFSheet texts, String key, String zh, String en) {
        XSSFRow row = texts.createRow(texts.getLastRowNum() + 1);
        row.createCell(0).setCellValue(key);
        row.createCell(1).setCellValue(zh);
        row.createCell(2).setCellValue(en);
    }

    /**
     * A run from the workbook takes the installation's expenditure files: one filed in a folder inside its expenditure
     * folder is refused, as a run on the folder refuses it, and not left out of the folder made for the run (nor of one
     * made before it was filed there, which the run would otherwise take again).
     */
    @Test
    void aRunFromTheWorkbookRefusesAFileOfLinesInAFolderInsideTheExpenditureFolder() throws IOException {
        Path into = copyOfTree();
        InputBookImport.forRun(exported, "inputs.xlsx", into, tmp.resolve("work/imported"));
        Path filed = Files.createDirectories(into.resolve("expenditure/2024")).resolve("erp-2024.csv");
        Files.writeString(filed, "x");
        InputError e = assertThrows(InputError.class, () -> InputBookImport.forRun(exported, "inputs.xlsx", into,
                tmp.resolve("work/imported")));
        assertEquals(org.pbannex.ingest.InputFolder.shown(filed), e.file());
        assertTrue(e.reason().startsWith("not read: expenditure lines are read from the files of the expenditure folder itself"),
                e.getMessage());
    }

    private Path copyOfTree() throws IOException {
        Path into = tmp.resolve("into");
        TestInputs.copyTree(tree, into);
        return into;
    }

    private Path edited(Consumer<XSSFWorkbook> change) throws IOException {
        return TestWorkbooks.edited(exported, tmp.resolve("edited.xlsx"), change);
    }

    /** Sets the English label (column C) of a unit's row. */
    private static void label(XSSFSheet units, String unit, String labelEn) {
        for (int i = InputBook.HEADER_ROW; i <= units.getLastRowNum(); i++) {
            XSSFRow row = units.getRow(i);
            if (row != null && row.getCell(0) != null && unit.equals(row.getCell(0).getStringCellValue())) {
                row.getCell(2).setCellValue(labelEn);
                return;
            }
        }
        throw new AssertionError("no unit " + unit);
    }

    /** The values below a heading cell of the cover's table of sheets. */
    private static List<String> column(XSSFSheet cover, String heading) {
        XSSFCell head = cell(cover, heading, heading);
        List<String> out = new java.util.ArrayList<>();
        for (int i = head.getRowIndex() + 1; i <= cover.getLastRowNum(); i++) {
            XSSFCell c = cover.getRow(i) == null ? null : cover.getRow(i).getCell(head.getColumnIndex());
            if (c != null) {
                out.add(c.getStringCellValue());
            }
        }
        return out;
    }

    /** The cell in the column under the heading whose text is {@code value} (the heading itself when they are equal). */
    private static XSSFCell cell(XSSFSheet cover, String heading, String value) {
        int column = -1;
        for (var row : cover) {
            for (var c : row) {
                if (c.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
                    if (column < 0 && heading.equals(c.getStringCellValue())) {
                        column = c.getColumnIndex();
                        if (heading.equals(value)) {
                            return (XSSFCell) c;
                        }
                    } else if (column == c.getColumnIndex() && value.equals(c.getStringCellValue())) {
                        return (XSSFCell) c;
                    }
                }
            }
        }
        throw new AssertionError("no " + value + " under " + heading);
    }
}
