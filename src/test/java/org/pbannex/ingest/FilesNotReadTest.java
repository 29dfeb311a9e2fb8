package org.pbannex.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.TestInputs;
import org.pbannex.expenditure.ExpenditureIngest;

/**
 * A file an input folder holds but would not read is refused, named, never passed over (tester66 cases 62, 63): an
 * export saved as ERP-2022.CSV or .xlsx beside the lines had left its lines out of every total with all checks
 * passing, a biennium's own units.CSV had been ignored where Units.csv is refused, and a budget.CSV was "not found".
 */
class FilesNotReadTest {

    @TempDir
    Path tmp;

    @Test
    void anExpenditureFileNamedCsvInCapitalsIsRefusedWithTheNameToGiveIt() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("expenditure"));
        Files.writeString(folder.resolve("erp-2021.csv"), "x");
        Files.writeString(folder.resolve("ERP-2022.CSV"), "x");
        InputError e = assertThrows(InputError.class, () -> ExpenditureIngest.files(folder));
        assertEquals(InputFolder.shown(folder.resolve("ERP-2022.CSV")) + ": not read: expenditure lines are read from files named"
                + " *.csv (lower case) only; rename it 'ERP-2022.csv'", e.getMessage());
    }

    @Test
    void aWorkbookInTheExpenditureFolderIsRefusedButNotesAndWhatEditorsLeaveAreNot() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("expenditure"));
        Files.writeString(folder.resolve("erp-2021.csv"), "x");
        Files.writeString(folder.resolve("~$erp-2022.xlsx"), "lock");
        Files.writeString(folder.resolve(".erp-2021.csv.swp"), "swap");
        Files.createDirectories(folder.resolve("old"));
        assertEquals(List.of(folder.resolve("erp-2021.csv")), ExpenditureIngest.files(folder));
        Files.writeString(folder.resolve("erp-2022.xlsx"), "x");
        InputError e = assertThrows(InputError.class, () -> ExpenditureIngest.files(folder));
        assertTrue(e.getMessage().endsWith("erp-2022.xlsx: not read: expenditure lines are read from CSV files only; save it from"
                + " Excel as CSV UTF-8 (Comma delimited) named 'erp-2022.csv', or move it out of this folder"), e.getMessage());
        Files.delete(folder.resolve("erp-2022.xlsx"));
        Files.writeString(folder.resolve("notes.txt"), "what these lines are");
        assertEquals(List.of(folder.resolve("erp-2021.csv")), ExpenditureIngest.files(folder), "notes beside the lines are no lines");
    }

    /**
     * A compressed export, a copy kept beside the lines (.csv.bak) and an export saved under another ending with the
     * lines' header as its first line (.txt, .tsv, after a synthetic mark line and a byte-order mark too) are each
     * refused, named, with what to do: their lines had been left out of every total in silence (tester81a F4). Notes
     * beside the lines stay left alone.
     */
    @Test
    void aCompressedCopyOrOtherwiseNamedFileOfLinesIsRefused() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("expenditure"));
        String header = "line_id,period,fund,status,region,country,unit,outcome,object,amount_usd";
        Files.writeString(folder.resolve("erp-2021.csv"), header + "\n");
        Files.writeString(folder.resolve("notes.txt"), "what these lines are\nline_id,period: see the ERP's manual\n");
        assertEquals(List.of(folder.resolve("erp-2021.csv")), ExpenditureIngest.files(folder));

        Path gz = folder.resolve("erp-2022.csv.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write((header + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        assertEquals(InputFolder.shown(gz) + ": a compressed file, not read: expenditure lines are read from plain *.csv files only;"
                + " decompress it to 'erp-2022.csv' in this folder and move the compressed file out of it", refused(folder));
        Files.move(gz, folder.resolve("erp-2022.zip"));
        assertTrue(refused(folder).endsWith("erp-2022.zip: a compressed file, not read: expenditure lines are read from plain *.csv"
                + " files only; decompress it, put its *.csv files of lines in this folder and move the compressed file out of it"));
        Files.delete(folder.resolve("erp-2022.zip"));

        Files.writeString(folder.resolve("erp-2022.csv.bak"), header + "\n");
        assertTrue(refused(folder).endsWith("erp-2022.csv.bak: named '.bak', not read: a file of lines must end in .csv; rename it"
                + " 'erp-2022.csv' if its lines are to be read, or move it out of this folder if it is a backup"), refused(folder));
        Files.delete(folder.resolve("erp-2022.csv.bak"));

        String said = ": holds expenditure lines (its first line is their header) but is not read: expenditure lines are read from"
                + " files named *.csv only; rename it 'erp-2023.csv', or move it out of this folder if its lines are not to be read";
        Files.writeString(folder.resolve("erp-2023.txt"), "# synthetic lines\n" + header + "\r\n");
        assertEquals(InputFolder.shown(folder.resolve("erp-2023.txt")) + said, refused(folder));
        Files.delete(folder.resolve("erp-2023.txt"));
        Files.writeString(folder.resolve("erp-2023.tsv"), "\ufeff" + header.replace(',', '\t') + "\n");
        assertEquals(InputFolder.shown(folder.resolve("erp-2023.tsv")) + said, refused(folder));
        Files.delete(folder.resolve("erp-2023.tsv"));
        Files.writeString(folder.resolve("erp-2023"), "\"" + header.replace(",", "\",\"") + "\"\n");
        assertEquals(InputFolder.shown(folder.resolve("erp-2023")) + said, refused(folder));
    }

    private static String refused(Path folder) {
        return assertThrows(InputError.class, () -> ExpenditureIngest.files(folder)).getMessage();
    }

    @Test
    void aBienniumsOwnReferenceCopyNamedCsvInCapitalsIsRefused() throws Exception {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        Files.copy(input.resolve("reference/units.csv"), input.resolve("2022-23/reference/units.CSV"));
        InputError e = assertThrows(InputError.class, () -> InputSet.load(input, "2022-23"));
        assertTrue(e.getMessage().contains("units.CSV: replaces no shared reference file, so it would not be read"), e.getMessage());
    }

    @Test
    void aMissingFileSaysWhichFileBesideItDiffersInCaseAlone() throws Exception {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        Files.move(input.resolve("2022-23/budget.csv"), input.resolve("2022-23/budget.CSV"));
        InputError e = assertThrows(InputError.class, () -> InputSet.load(input, "2022-23"));
        assertTrue(e.getMessage().endsWith("budget.csv: file not found (the file of resource 'budget'): 'budget.CSV' beside it "
                + "differs in case only and is not read; rename it 'budget.csv'"), e.getMessage());
    }

    /**
     * A file of lines filed in a folder inside the expenditure folder (ERP exports by year) is refused, named, with
     * where to move it: it was left out of every total without a word (tester75b case 2). A folder of notes, or the
     * Mac's leavings of an unzipped folder, are left alone.
     */
    @Test
    void aFileOfLinesInAFolderInsideTheExpenditureFolderIsRefused() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("expenditure"));
        Files.writeString(folder.resolve("erp-2021.csv"), "x");
        Files.writeString(Files.createDirectories(folder.resolve("old")).resolve("notes.txt"), "what was here");
        Files.writeString(Files.createDirectories(folder.resolve("__MACOSX")).resolve("._erp-2021.csv"), "x");
        assertEquals(List.of(folder.resolve("erp-2021.csv")), ExpenditureIngest.files(folder));
        Path year = Files.createDirectories(folder.resolve("2022/q1"));
        Files.writeString(year.resolve("erp-2022-q1.xlsx"), "x");
        Files.writeString(year.getParent().resolve("erp-2022.csv"), "x");
        InputError e = assertThrows(InputError.class, () -> ExpenditureIngest.files(folder));
        assertEquals(InputFolder.shown(year.getParent().resolve("erp-2022.csv")) + ": not read: expenditure lines are read from the"
                + " files of the expenditure folder itself, not from folders in it; move the file up into the expenditure folder,"
                + " beside the other files of lines", e.getMessage());
        Files.delete(year.getParent().resolve("erp-2022.csv"));
        e = assertThrows(InputError.class, () -> ExpenditureIngest.files(folder));
        assertEquals(InputFolder.shown(year.resolve("erp-2022-q1.xlsx")), e.file(), "at any depth, a workbook too");
    }

    /** A folder named like a file of lines is refused: the file inside it named, or the folder itself when it holds none. */
    @Test
    void aFolderNamedLikeAFileOfLinesIsRefused() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("expenditure"));
        Files.writeString(folder.resolve("erp-2021.csv"), "x");
        Path more = Files.createDirectories(folder.resolve("more.csv"));
        InputError e = assertThrows(InputError.class, () -> ExpenditureIngest.files(folder));
        assertEquals(InputFolder.shown(more) + "/: a folder named like a file of lines, not read: expenditure lines are read from the"
                + " *.csv files of the expenditure folder itself; rename or remove the folder", e.getMessage());
        Files.writeString(more.resolve("more.csv"), "x");
        assertEquals(InputFolder.shown(more.resolve("more.csv")),
                assertThrows(InputError.class, () -> ExpenditureIngest.files(folder)).file());
    }

    /**
     * A link to a folder inside the expenditure folder is named as a link, not walked: it was walked from the link
     * (a loop back to the folder named its own files) and answered "move the file up" naming files that are no lines.
     */
    @Test
    void aLinkToAFolderIsNamedAsALink() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("expenditure"));
        Files.writeString(folder.resolve("erp-2021.csv"), "x");
        Path loop = Files.createSymbolicLink(folder.resolve("loop"), folder);
        InputError e = assertThrows(InputError.class, () -> ExpenditureIngest.files(folder));
        assertEquals(InputFolder.shown(loop) + ": a link to a folder, not read: expenditure lines are read from the files of the"
                + " expenditure folder itself; remove the link and put the files of lines themselves in the expenditure folder",
                e.getMessage());
    }
}
