package org.pbannex.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.CliRun;
import org.pbannex.Golden;
import org.pbannex.TestInputs;
import org.pbannex.TestWorkbooks;
import org.pbannex.inputbook.InputBookImport;

/**
 * The Excel workflow through the real command line: `input export`, `input import`, `run` and `check` with
 * `--input inputs.xlsx`, and a workbook edited and saved by LibreOffice (headless) whose one change reaches the
 * published tables. The LibreOffice test is skipped when soffice is not installed, except in CI, where it fails.
 */
class InputWorkbookCliTest {

    @TempDir
    static Path shared;
    static Path workbook;

    @TempDir
    Path tmp;

    @BeforeAll
    static void export() throws IOException {
        workbook = shared.resolve("inputs.xlsx");
        CliRun r = CliRun.capture(ownHome(), "input", "export", "--out", workbook.toString());
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().contains("biennium 2022-23, " + TestInputs.bundledCsvFiles("2022-23").size() + " sheets, "
                + TestInputs.bundledRows("2022-23") + " rows"), r.out());
    }

    /**
     * The settings of an installation folder of the class's own (TestInputs.ownHome): the workbooks its commands are
     * given are imported into its work/imported, not the repository's, which the other test JVM shares.
     */
    private static Map<String, String> ownHome() throws IOException {
        return TestInputs.ownHome(shared);
    }

    /** The exported workbook with the XML of one sheet changed. */
    private Path withSheet(String sheet, UnaryOperator<String> change) throws IOException {
        return TestWorkbooks.rewritePart(workbook, tmp.resolve("edited.xlsx"), TestWorkbooks.sheetPart(workbook, sheet), change);
    }

    private static String oneErrorLine(CliRun r, int status) {
        assertEquals(status, r.status(), r.toString());
        String[] lines = r.err().strip().split("\n");
        assertEquals(1, lines.length, r.err());
        return lines[0];
    }

    private Path publishedCsv(Path out, String table) throws IOException {
        try (Stream<Path> s = Files.walk(out)) {
            return s.filter(p -> p.getFileName().toString().equals(table + ".csv")).findFirst().orElseThrow();
        }
    }

    @Test
    void importWritesTheSameFilesAndSaysWhatChanged() throws IOException {
        Path into = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        CliRun r = CliRun.capture(ownHome(), "input", "import", workbook.toString(), "--into", into.toString());
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().contains("biennium 2022-23") && r.out().contains("0 files changed, "
                + TestInputs.bundledCsvFiles("2022-23").size() + " unchanged"), r.out());
    }

    @Test
    void aBadCellStopsImportWithItsSheetRowAndColumn() throws Exception {
        Path bad = withSheet("budget", xml -> xml.replace("<v>2.437680E6</v>", "<v>6.1E18</v>")
                .replace("<v>2437680.0</v>", "<v>6.1E18</v>"));
        Path into = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        String line = oneErrorLine(CliRun.capture(ownHome(), "input", "import", bad.toString(), "--into", into.toString()), 3);
        assertEquals("pb-annex: " + bad + ", sheet budget, row 7, column staff_costs: value 6100000000000000000 is above the "
                + "maximum 999999999999999 (Staff costs, US$ (negative only for an adjustment without staff, such as the lapse "
                + "factor: a row with work-years or non-staff costs and negative staff costs is refused); less than 10^15 in "
                + "absolute value.)", line);
        assertArrayEquals(Files.readAllBytes(Golden.input().resolve("2022-23/budget.csv")),
                Files.readAllBytes(into.resolve("2022-23/budget.csv")), "nothing written");
        String check = oneErrorLine(CliRun.capture(ownHome(), "check", "--input", bad.toString()), 3);
        assertTrue(check.contains(bad + ", sheet budget, row 7, column staff_costs: value 6100000000000000000"), check);
    }

    /**
     * A job run from a refused workbook (the crontab's run nightly --input inputs.xlsx) is a run that could not start:
     * the refusal comes before its run id (made of the inputs it read) and its history, so it writes no report in
     * failed/ and publishes nothing; its line, with the workbook's sheet, row and column, is noted in the job's status
     * in English and in the job's language, where status shows it and the message that the job is back to normal
     * lists it.
     */
    @Test
    void aRunFromARefusedWorkbookIsNotedInItsJobsStatusInBothLanguages() throws Exception {
        Path bad = withSheet("budget", xml -> xml.replace("<v>2.437680E6</v>", "<v>6.1E18</v>")
                .replace("<v>2437680.0</v>", "<v>6.1E18</v>"));
        Map<String, String> settings = new java.util.HashMap<>(CliRun.h2(tmp.resolve("db")));
        Path out = tmp.resolve("out");
        settings.put("pb.output", out.toString());
        String line = oneErrorLine(CliRun.capture(settings, "run", "nightly", "--input", bad.toString()), 3);
        String where = bad + ", sheet budget, row 7, column staff_costs: value 6100000000000000000 is above the maximum";
        assertTrue(line.startsWith("pb-annex: " + where), line);
        assertFalse(Files.exists(out), "nothing published, no report: no run began");
        var outcomes = new org.pbannex.runtime.RunOutcomes(Path.of(settings.get("pb.status")));
        List<String> english = outcomes.failures("nightly", "2022-23");
        assertEquals(1, english.size(), english.toString());
        assertTrue(english.get(0).contains(" exit status 3: " + where), english.toString());
        List<String> chinese = outcomes.failures("nightly", "2022-23", "zh");
        assertTrue(chinese.get(0).contains(" exit status 3: 输入工作簿 " + bad + " 的 budget 工作表第 7 行 staff_costs 列有误："),
                chinese.toString());
        CliRun status = CliRun.capture(settings, "status", "nightly");
        assertEquals(5, status.status(), status.toString());
        assertTrue(status.out().contains(where), status.out());
    }

    /** The exported workbook with one cell of a sheet set by POI (a number, or else a text). */
    private Path withCellSet(Path from, String sheet, String address, Object value) throws IOException {
        return TestWorkbooks.edited(from, tmp.resolve("set-" + System.nanoTime() + ".xlsx"), wb -> {
            var ref = new org.apache.poi.ss.util.CellReference(address);
            var c = wb.getSheet(sheet).getRow(ref.getRow()).getCell(ref.getCol(),
                    org.apache.poi.ss.usermodel.Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
            if (value instanceof Number n) {
                c.setCellValue(n.doubleValue());
            } else {
                c.setCellValue(value.toString());
            }
        });
    }

    /** What check --input refuses, import refuses with the same line and status, writing nothing. */
    private void importRefusesAsCheck(Path bad, int status, String where) throws IOException {
        Path into = TestInputs.copyOfBundledInput(tmp.resolve("input-" + System.nanoTime()));
        String imported = oneErrorLine(CliRun.capture(ownHome(), "input", "import", bad.toString(), "--into", into.toString()), status);
        String checked = oneErrorLine(CliRun.capture(ownHome(), "check", "--input", bad.toString()), status);
        assertTrue(imported.contains(where), imported);
        // check names the biennium first (it may check several).
        assertEquals(checked.replace("pb-annex: 2022-23: ", "pb-annex: "), imported);
        for (String f : List.of("2022-23/budget.csv", "2022-23/cost_by_object.csv")) {
            assertArrayEquals(Files.readAllBytes(Golden.input().resolve(f)), Files.readAllBytes(into.resolve(f)), "nothing written");
        }
    }

    @Test
    void importRefusesNegativeStaffCostsAsCheckDoes() throws IOException {
        importRefusesAsCheck(withCellSet(workbook, "budget", "F6", -15668625), 3, ", sheet budget, row 6");
    }

    @Test
    void importRefusesAFailedReconciliationAsCheckDoes() throws IOException {
        // One dollar moved between objects: A2-2 still adds up, but its staff costs no longer equal annex 1's.
        Path bad = withSheet("cost_by_object", xml -> xml.replace("<v>5.47017651E8</v>", "<v>5.47017652E8</v>")
                .replace("<v>1.2394975E7</v>", "<v>1.2394974E7</v>"));
        importRefusesAsCheck(bad, 4, ", sheet cost_by_object, row ");
    }

    /**
     * A workbook its import refuses, said in Chinese (a run's report and notice say it in the run's language): the sheet
     * is named in the sentence's words ("inputs.xlsx 的 units 工作表"), the sheet at fault and the sheet a code is looked
     * up in, and so is the sheet a failed check says to look at; stderr's English names them as before. It was
     * "inputs.xlsx, sheet units" inside the Chinese sentence.
     */
    @Test
    void aRefusedWorkbooksSheetIsNamedInTheSentencesLanguage() throws IOException {
        Path into = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        org.pbannex.publish.ReportWords words = org.pbannex.publish.ReportWords.read(into, null);
        Path unknownLine = withCellSet(workbook, "units", "E5", "Z");
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.pbannex.ingest.InputError.class,
                () -> InputBookImport.importInto(unknownLine, "inputs.xlsx", into, into));
        String line = org.pbannex.runtime.ExitCodes.message(e);
        assertEquals("inputs.xlsx, sheet units, row 5, column line: unknown line 'Z': not in inputs.xlsx, sheet lines", line);
        var said = words.cause(e, line);
        assertEquals(line, said.en());
        assertEquals("输入工作簿 inputs.xlsx 的 units 工作表第 5 行 line 列有误：未知的 line 'Z'：不在 inputs.xlsx 的 lines 工作表 中",
                said.zh());

        Path moved = withSheet("cost_by_object", xml -> xml.replace("<v>5.47017651E8</v>", "<v>5.47017652E8</v>")
                .replace("<v>1.2394975E7</v>", "<v>1.2394974E7</v>"));
        var failed = org.junit.jupiter.api.Assertions.assertThrows(org.pbannex.publication.ReconciliationFailed.class,
                () -> InputBookImport.importInto(moved, "inputs.xlsx", into, into));
        line = org.pbannex.runtime.ExitCodes.message(failed);
        assertTrue(line.contains("; see inputs.xlsx, sheet cost_by_object, row "), line);
        said = words.cause(failed, line);
        assertEquals(line, said.en());
        assertTrue(said.zh().contains("；见 inputs.xlsx 的 cost_by_object 工作表第 "), said.zh());
        assertFalse(said.zh().contains(", sheet "), said.zh());
    }

    @Test
    void importRefusesToUndoAnEditOnDiskUnlessOverwrite() throws IOException {
        Path into = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        Path old = tmp.resolve("old.xlsx");
        assertEquals(0, CliRun.capture(ownHome(), "input", "export", "--input", into.toString(), "--out", old.toString()).status());
        Path units = into.resolve("reference/units.csv");
        TestInputs.edit(units, t -> t.replace(",Legal Services,", ",Office of the Legal Adviser,"));
        byte[] editedOnDisk = Files.readAllBytes(units);
        Path wb = withCellSet(old, "units", "C5", "International Labour Conference (ILC)");
        String line = oneErrorLine(CliRun.capture(ownHome(), "input", "import", wb.toString(), "--into", into.toString()), 3);
        assertTrue(line.startsWith("pb-annex: " + wb + ": ") && line.contains("units.csv was edited on disk since this workbook "
                + "was exported") && line.contains("--overwrite"), line);
        assertArrayEquals(editedOnDisk, Files.readAllBytes(units), "the edit on disk stays");
        CliRun r = CliRun.capture(ownHome(), "input", "import", wb.toString(), "--into", into.toString(), "--overwrite");
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.err().contains("pb-annex: warning: replaced ") && r.out().contains("1 file changed"), r.toString());
        assertTrue(Files.readString(units).contains(",International Labour Conference (ILC),"));
    }

    /**
     * A run or check from a workbook exported before the installation's input was edited (a reviewer's correction adopted
     * since, here AF's inflation 4.4 -> 4.6) treats that input as `input import` does: the edited file, which the
     * workbook leaves as exported, is read as on disk, said on one line; one the workbook changes too is refused with
     * import's line, exit 3. The run read the workbook's old figures in silence, and published them.
     */
    @Test
    void aRunFromAnOutOfDateWorkbookUndoesNoEditMadeInTheInputSinceTheExport() throws IOException {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        Map<String, String> settings = new java.util.HashMap<>(TestInputs.ownHome(tmp));
        settings.put("pb.input", input.toString());
        Path old = tmp.resolve("old.xlsx");
        assertEquals(0, CliRun.capture(settings, "input", "export", "--out", old.toString()).status());
        Path inflation = input.resolve("2022-23/regional_inflation.csv");
        TestInputs.edit(inflation, t -> t.replace("\nAF,4.4\n", "\nAF,4.6\n"));
        String kept = "Note: " + org.pbannex.ingest.InputFolder.shownName(input, "2022-23/regional_inflation.csv")
                + " kept as edited on disk since the export (the workbook does not change it)";

        CliRun check = CliRun.capture(settings, "check", "--input", old.toString());
        assertEquals(0, check.status(), check.toString());
        assertTrue(check.out().contains(kept), check.out());
        Path out = tmp.resolve("out");
        CliRun run = CliRun.capture(settings, "run", "nightly", "--input", old.toString(), "--output", out.toString(),
                "--tables", "a2-1", "--format", "csv", "--lang", "en");
        assertEquals(0, run.status(), run.toString());
        assertTrue(run.out().contains(kept), run.out());
        assertTrue(Files.readString(publishedCsv(out, "a2-1")).lines().anyMatch(l -> l.startsWith("AF,") && l.endsWith(",4.6")),
                "AF's inflation as edited on disk");
        // What the run read: the folder imported for it, and the checksum its manifest records.
        try (Stream<Path> made = Files.walk(Path.of(settings.get("pb.home")).resolve("work/imported"))) {
            List<Path> copies = made.filter(p -> p.endsWith("input/2022-23/regional_inflation.csv")).toList();
            assertEquals(1, copies.size(), copies.toString());
            assertArrayEquals(Files.readAllBytes(inflation), Files.readAllBytes(copies.get(0)));
        }
        Path manifest = publishedCsv(out, "a2-1").getParent().getParent().resolve("manifest.json");
        assertTrue(Files.readString(manifest).contains(org.pbannex.ingest.InputSet.sha256(inflation)),
                "the manifest's checksum is the file's on disk");

        // The workbook changes AF's figure too: refused as input import refuses it, nothing read, nothing published.
        Path both = withCellSet(old, "regional_inflation", "B5", 4.5);
        String imported = oneErrorLine(CliRun.capture(settings, "input", "import", both.toString()), 3);
        assertTrue(imported.contains("regional_inflation.csv was edited on disk since this workbook was exported"), imported);
        String checked = oneErrorLine(CliRun.capture(settings, "check", "--input", both.toString()), 3);
        assertEquals(imported, checked.replace("pb-annex: 2022-23: ", "pb-annex: "));
        Path refusedOut = tmp.resolve("refused");
        String ran = oneErrorLine(CliRun.capture(settings, "run", "nightly", "--input", both.toString(), "--output",
                refusedOut.toString(), "--tables", "a2-1", "--format", "csv"), 3);
        assertEquals(imported, ran);
        assertFalse(Files.exists(refusedOut), "nothing published");
        assertTrue(Files.readString(inflation).contains("\nAF,4.6\n"), "the edit on disk stays");

        // A workbook exported from another folder (a copy) is read as it is: its checksums are that folder's, and the
        // installation's differences from it are no edits made since its export (found by an exploratory test: the
        // copy's AF 7.7 was published as the installation's 4.6, with a Note saying input/ had been edited).
        Path copy = TestInputs.copyOfBundledInput(tmp.resolve("copy"));
        TestInputs.edit(copy.resolve("2022-23/regional_inflation.csv"), t -> t.replace("\nAF,4.4\n", "\nAF,7.7\n"));
        Path fromCopy = tmp.resolve("from-copy.xlsx");
        assertEquals(0, CliRun.capture(settings, "input", "export", "--input", copy.toString(), "--out", fromCopy.toString()).status());
        Path copyOut = tmp.resolve("copy-out");
        CliRun fromElsewhere = CliRun.capture(settings, "run", "nightly", "--input", fromCopy.toString(), "--output",
                copyOut.toString(), "--tables", "a2-1", "--format", "csv", "--lang", "en");
        assertEquals(0, fromElsewhere.status(), fromElsewhere.toString());
        assertFalse(fromElsewhere.out().contains("kept as edited on disk"), fromElsewhere.out());
        assertTrue(fromElsewhere.err().contains("was exported from " + copy + ", not "), fromElsewhere.err());
        assertTrue(Files.readString(publishedCsv(copyOut, "a2-1")).lines().anyMatch(l -> l.startsWith("AF,") && l.endsWith(",7.7")),
                "AF's inflation as the workbook gives it");
    }

    @Test
    void runAndCheckTakeTheWorkbookDirectly() throws IOException {
        CliRun check = CliRun.capture(ownHome(), "check", "--input", workbook.toString());
        assertEquals(0, check.status(), check.toString());
        assertTrue(check.out().contains("checks passed, 0 failed"), check.out());
        Path out = tmp.resolve("out");
        CliRun run = CliRun.capture(TestInputs.ownHome(tmp), "run", "nightly", "--input", workbook.toString(), "--output", out.toString(),
                "--tables", "f2,a2-1", "--format", "csv", "--lang", "en");
        assertEquals(0, run.status(), run.toString());
        String f2 = Files.readString(publishedCsv(out, "f2"), StandardCharsets.UTF_8);
        assertTrue(f2.lines().count() > 10 && f2.contains("AF.2016-17.ACTUAL,"), "f2 from the installation's expenditure lines: " + f2);
        assertTrue(Files.readString(publishedCsv(out, "a2-1")).contains(",4.4"), "AF inflation 4.4");
    }

    @Test
    void anErrorFoundLaterInTheRunNamesTheSheetToo() throws Exception {
        Path bad = withSheet("printed_differences", xml -> xml.replaceFirst("<row r=\"5\"(.*?)<c r=\"B5\"[^>]*>.*?</c>",
                "<row r=\"5\"$1<c r=\"B5\" t=\"inlineStr\"><is><t>no-such-row</t></is></c>"));
        String line = oneErrorLine(CliRun.capture(ownHome(), "check", "--input", bad.toString()), 3);
        assertEquals("pb-annex: " + bad + ", sheet printed_differences, row 5, column row: no table 't2' with row 'no-such-row'", line);
    }

    @Test
    void aFailedCheckNamesTheSheetRowToLookAt() throws Exception {
        // One dollar moved between objects: A2-2 still adds up, but its staff costs no longer equal annex 1's.
        Path bad = withSheet("cost_by_object", xml -> xml.replace("<v>5.47017651E8</v>", "<v>5.47017652E8</v>")
                .replace("<v>1.2394975E7</v>", "<v>1.2394974E7</v>"));
        String line = oneErrorLine(CliRun.capture(ownHome(), "check", "--input", bad.toString()), 4);
        assertTrue(line.contains("[table a2-2, row STAFF]: expected 547017651, actual 547017652; see " + bad
                + ", sheet cost_by_object, row "), line);
    }

    /** An old .xls given to --input says what it is and what to do, as `input import` does, not "it is a file". */
    @Test
    void anOldExcelFileGivenAsTheInputSaysSo() throws Exception {
        Path xls = TestWorkbooks.xls(tmp.resolve("old.xls"), "budget");
        String line = oneErrorLine(CliRun.capture(ownHome(), "check", "--input", xls.toString()), 3);
        assertTrue(line.contains("an Excel 97-2003 workbook (.xls): in Excel, save it as Excel Workbook (.xlsx)"), line);
    }

    /**
     * A workbook cut short anywhere (an attachment that did not finish) is bad input naming the workbook, for import and
     * check alike: not POI's words with status 5 or 2, as cuts that left some parts whole but no styles once gave.
     */
    @Test
    void aWorkbookCutShortAnywhereIsBadInput() throws IOException {
        byte[] bytes = Files.readAllBytes(workbook);
        Path into = tmp.resolve("imported");
        List<String> wrong = new ArrayList<>();
        for (int cut = 1_000; cut < bytes.length; cut += cut < 40_000 ? 2_500 : 25_000) {
            Path cutShort = Files.write(tmp.resolve("cut.xlsx"), java.util.Arrays.copyOf(bytes, cut));
            for (String[] args : List.of(new String[] {"input", "import", cutShort.toString(), "--into", into.toString()},
                    new String[] {"check", "--input", cutShort.toString()})) {
                CliRun r = CliRun.capture(ownHome(), args);
                if (r.status() != 3 || !r.err().equals("pb-annex: " + cutShort + ": a damaged or incomplete Excel workbook "
                        + "(.xlsx): it begins as one, but its contents cannot be read, as when a file is cut short while it is "
                        + "copied or sent; save or send it again\n")) {
                    wrong.add(args[0] + " cut at " + cut + ": status " + r.status() + ", " + r.err().strip());
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertFalse(Files.exists(into), "nothing imported");
    }

    @Test
    void exportOfABienniumWithoutDataIsBadUsage() throws IOException {
        CliRun r = CliRun.capture(ownHome(), "input", "export", "--biennium", "2030-31", "--out", tmp.resolve("x.xlsx").toString());
        assertEquals(2, r.status(), r.toString());
        assertTrue(r.err().contains("no data folder for biennium 2030-31"), r.err());
        assertFalse(Files.exists(tmp.resolve("x.xlsx")));
        // A folder for the workbook: named, with a file name to give instead.
        r = CliRun.capture(ownHome(), "input", "export", "--out", tmp.toString());
        assertEquals(2, r.status(), r.toString());
        assertTrue(r.err().contains("--out " + tmp + " is a folder: name the workbook to write, e.g. " + tmp.resolve("inputs.xlsx")),
                r.err());
        // Another name's ending: Excel would not open it as a workbook (it was written all the same, without a word).
        r = CliRun.capture(ownHome(), "input", "export", "--out", tmp.resolve("x.txt").toString());
        assertEquals(2, r.status(), r.toString());
        assertTrue(r.err().contains("--out " + tmp.resolve("x.txt") + ": an input workbook is written as .xlsx, which Excel opens; name it "
                + "e.g. x.xlsx"), r.err());
        assertFalse(Files.exists(tmp.resolve("x.txt")));
    }

    @Test
    void aMissingWorkbook() throws IOException {
        String line = oneErrorLine(CliRun.capture(ownHome(), "check", "--input", tmp.resolve("none.xlsx").toString()), 3);
        assertEquals("pb-annex: " + tmp.resolve("none.xlsx") + ": cannot read the workbook: it does not exist", line);
    }

    // --- LibreOffice ---

    @Test
    void aWorkbookEditedAndSavedByLibreOfficeImportsWithExactlyThatChange() throws Exception {
        // AF's inflation 4.4 becomes 4.6 in the sheet's XML; LibreOffice then opens the workbook and saves it as xlsx.
        Path edited = withSheet("regional_inflation", xml -> xml.replaceFirst("<v>4\\.4</v>", "<v>4.6</v>"));
        Path lo = Files.createDirectories(tmp.resolve("lo"));
        Path source = lo.resolve("from-pb-annex.xlsx");
        Files.move(edited, source);
        Path saved = Files.createDirectories(tmp.resolve("saved"));
        soffice(saved, "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", saved.toString(), source.toString());
        Path byLibreOffice = saved.resolve("from-pb-annex.xlsx");
        assertTrue(Files.isRegularFile(byLibreOffice), "LibreOffice wrote the workbook");
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(source), Files.readAllBytes(byLibreOffice)), "a different writer");

        Path into = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        CliRun imported = CliRun.capture(ownHome(), "input", "import", byLibreOffice.toString(), "--into", into.toString());
        assertEquals(0, imported.status(), imported.toString());
        assertTrue(imported.out().contains("1 file changed (2022-23/regional_inflation.csv), "
                + (TestInputs.bundledCsvFiles("2022-23").size() - 1) + " unchanged"), imported.out());
        List<String> was = Files.readAllLines(Golden.input().resolve("2022-23/regional_inflation.csv"));
        List<String> now = Files.readAllLines(into.resolve("2022-23/regional_inflation.csv"));
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < was.size(); i++) {
            if (!was.get(i).equals(now.get(i))) {
                changed.add(was.get(i) + " -> " + now.get(i));
            }
        }
        assertEquals(List.of("AF,4.4 -> AF,4.6"), changed);
        assertEquals(was.size(), now.size());

        Path out = tmp.resolve("out");
        CliRun run = CliRun.capture(TestInputs.ownHome(tmp), "run", "regenerate", "--input", byLibreOffice.toString(), "--output",
                out.toString(), "--tables", "a2-1", "--format", "csv");
        assertEquals(0, run.status(), run.toString());
        String a21 = Files.readString(publishedCsv(out, "a2-1"), StandardCharsets.UTF_8);
        assertTrue(a21.lines().anyMatch(l -> l.contains(",4.6")) && a21.lines().noneMatch(l -> l.contains(",4.4")),
                "the published table has AF at 4.6: " + a21);
    }

    /**
     * Rows may be deleted on the protected sheets, as the README says: LibreOffice (and Excel) delete a row only when none
     * of its cells is locked, the empty ones right of the table too. Deleting the last risk, as a user does in LibreOffice,
     * takes its line out of the file and nothing else.
     */
    @Test
    void aRowDeletedInLibreOfficeIsGoneFromItsFile() throws Exception {
        Path lo = Files.createDirectories(tmp.resolve("lo-delete"));
        Path saved = lo.resolve("saved.xlsx");
        String risks = Files.readString(Golden.home().resolve("input/2022-23/strategic_risks.csv"));
        // The risks are numbered 1, 2, 3 ... in their rows, below the header in row 4 (a text may span lines).
        long count = risks.lines().filter(l -> l.matches("\\d+,.*")).count();
        int lastRisk = 4 + (int) count;
        String said = TestWorkbooks.libreOfficeScript(lo, "delete_row.py", workbook.toString(), "strategic_risks",
                String.valueOf(lastRisk), tmp.resolve("lo-profile").toString(), saved.toString());
        assertTrue(said.contains("protected"), said); // the sheet was protected as exported, and the row went all the same

        Path into = TestInputs.copyOfBundledInput(tmp.resolve("input-delete"));
        CliRun imported = CliRun.capture(ownHome(), "input", "import", saved.toString(), "--into", into.toString());
        assertEquals(0, imported.status(), imported.toString());
        assertTrue(imported.out().contains("1 file changed (2022-23/strategic_risks.csv)"), imported.out());
        String now = Files.readString(into.resolve("2022-23/strategic_risks.csv"));
        assertEquals(risks.substring(0, risks.lastIndexOf("\n" + count + ",") + 1), now);
    }

    @Test
    void libreOfficePrintsTheExport() throws Exception {
        Path pdfDir = Files.createDirectories(tmp.resolve("pdf"));
        soffice(pdfDir, "--convert-to", "pdf", "--outdir", pdfDir.toString(), workbook.toString());
        Path pdf = pdfDir.resolve("inputs.pdf");
        assertTrue(Files.size(pdf) > 10_000);
        String text = TestWorkbooks.program(pdfDir, "pdftotext", "-enc", "UTF-8", pdf.toString(), "-");
        // The installation's language, Chinese, as a job that names no languages (InputWorkbookLanguageTest: --lang).
        for (String expected : List.of("本工作簿的用法", "budget: 2022-23/budget.csv", "units: reference/units.csv",
                "国际劳工大会", "21,611,293", "必填")) {
            assertTrue(text.contains(expected), "the printed workbook shows '" + expected + "'");
        }
    }

    private void soffice(Path workDir, String... args) throws Exception {
        TestWorkbooks.libreOffice(workDir, tmp.resolve("lo-profile"), args);
    }
}
