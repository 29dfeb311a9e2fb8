package org.pbannex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opencsv.CSVReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.CliRun;
import org.pbannex.Golden;
import org.pbannex.TestInputs;

/**
 * A data folder whose texts.csv lacks annex 1's title, run: the title is the program's copy's (the manifest's
 * program_inputs). An update then words that title otherwise in the program's copy. The run's review and distribution
 * must still read the run's words (its input.zip keeps the program's copy it read) and say that the program's texts
 * changed since the run, naming that file as they name the data folder's (found by stop 79's note: input.zip held no
 * copy of them, and neither command compared them, so both read the update's words as if they were the run's).
 */
class ProgramTextsKeptTest {

    private static final String TEXTS = "reference/texts.csv";
    /** Annex 1's title as the run published it (its number, the title's words, the biennium, its note). */
    static String runTitle;

    @TempDir
    static Path shared;
    static Path input;
    static Path out;
    static Path programTexts;
    static Map<String, String> settings;
    static Path workbook;
    static String runId;
    static byte[] programAsRun;

    @TempDir
    Path tmp;

    @BeforeAll
    static void runThenUpdateTheProgramsTexts() throws IOException {
        input = TestInputs.copyOfBundledInput(shared.resolve("data/input"));
        TestInputs.edit(input.resolve(TEXTS), s -> s.replaceFirst("(?m)^a1\\.title,.*\\n", ""));
        Path program = shared.resolve("program");
        Files.createDirectories(program.resolve("input/reference"));
        programTexts = program.resolve("input").resolve(TEXTS).toAbsolutePath().normalize();
        Files.copy(Golden.input().resolve(TEXTS), programTexts);
        programAsRun = Files.readAllBytes(programTexts);
        out = shared.resolve("out");
        settings = new java.util.HashMap<>(CliRun.h2(shared.resolve("db")));
        settings.put("pb.program", program.toString());
        settings.put("pb.output", out.toString());
        CliRun r = CliRun.capture(settings, "run", "nightly", "--input", input.toString(), "--output", out.toString(),
                "--format", "xlsx", "--no-distribute");
        assertEquals(0, r.status(), r.toString());
        try (Stream<Path> s = Files.walk(out)) {
            workbook = s.filter(p -> p.getFileName().toString().equals("pb-annexes-2022-23.en.xlsx")).findFirst().orElseThrow();
        }
        runId = workbook.getParent().getFileName().toString();
        assertTrue(Files.readString(workbook.resolveSibling("manifest.json")).contains("\"program_inputs\""));
        runTitle = title(workbook);
        assertTrue(runTitle.contains("Operational budget, 2022-2023"), "the run read the program's title: " + runTitle);
        // The update: the program's copy words annex 1's title otherwise (no new code version).
        TestInputs.edit(programTexts, t -> t.replace("\"Operational budget, {cur} *\"", "\"Operational budget as an update words it, {cur} *\""));
        assertTrue(Files.readString(programTexts).contains("Operational budget as an update words it"));
    }

    @Test
    void theRunsCopyKeepsTheProgramsTextsItRead() throws IOException {
        try (var fs = java.nio.file.FileSystems.newFileSystem(workbook.resolveSibling("input.zip"))) {
            assertTrue(java.util.Arrays.equals(programAsRun, Files.readAllBytes(fs.getPath(".program/reference/texts.csv"))),
                    "input.zip holds the program's texts as the run read them");
            assertFalse(Files.readString(fs.getPath(TEXTS)).contains("\na1.title,"), "the data folder's own, beside it");
        }
    }

    @Test
    void distributeSendsTheRunsWordsAfterTheProgramsTextsChanged() throws IOException {
        CliRun r = CliRun.capture(settings, "distribute", runId, "--dry-run", "--output", out.toString());
        assertEquals(0, r.status(), r.toString());
        Path subset = workbook.resolveSibling("distribution/pb-annexes-2022-23.en.t1_t2_a1_a2.xlsx");
        assertTrue(r.out().contains("Written: Maria Rossi <maria.rossi@example.org>, en, " + subset.getFileName()), r.out());
        assertEquals(runTitle, title(subset), "annex 1 titled as the run published it, not as the update words it");

        // A run that kept no copy (published before runs kept one): refused, the program's texts named as changed.
        Path out2 = tmp.resolve("out2");
        Path folder = TestInputs.copyTree(workbook.getParent(), out2.resolve("2022-23").resolve(runId));
        Files.delete(folder.resolve("input.zip"));
        CliRun old = CliRun.capture(settings, "distribute", runId, "--dry-run", "--output", out2.toString());
        assertEquals(3, old.status(), old.toString());
        assertTrue(old.err().contains("the input has changed since run " + runId + " was published (" + programTexts + ")")
                && old.err().contains("keeps no copy of the input it read"), old.err());
    }

    @Test
    void reviewSaysTheProgramsTextsChangedAndTracesInTheRunsWords() throws Exception {
        Path returned = tmp.resolve("returned.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(workbook))) {
            wb.getSheet(sheetOfA1(wb)).getRow(0).getCell(0).setCellValue(runTitle.replace("Operational budget", "Operational budget reviewed"));
            try (var os = Files.newOutputStream(returned)) {
                wb.write(os);
            }
        }
        CliRun r = CliRun.capture(settings, "review", returned.toString(), "--input", input.toString(), "--output",
                out.toString(), "--lang", "zh");
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().contains("The input has changed since that run (" + programTexts + "): each change is traced in "
                + "the input the run read"), r.out());
        // The page, in its language, names the program's texts as it names the data folder's files.
        String page = Files.readString(tmp.resolve("review-returned.html"));
        assertTrue(page.contains("该运行之后以下输入文件已有变化") && page.contains(programTexts.toString()), page);
        // The title edited is traced to its text (a1.title), as the run worded it, now in the program's copy.
        List<String[]> rows;
        try (CSVReader csv = new CSVReader(Files.newBufferedReader(tmp.resolve("review-returned.csv"), StandardCharsets.UTF_8))) {
            rows = csv.readAll();
        }
        String[] title = rows.stream().filter(x -> x.length > 6 && x[4].contains("Operational budget reviewed")).findFirst()
                .orElseThrow(() -> new AssertionError(dump(rows)));
        assertEquals(runTitle, title[3], dump(rows));
        assertTrue(title[6].contains(programTexts.toString()), dump(rows));
    }

    /** The sheet of annex 1 (its name the short title). */
    private static String sheetOfA1(XSSFWorkbook wb) {
        for (var s : wb) {
            if (s.getSheetName().startsWith("a1 ")) {
                return s.getSheetName();
            }
        }
        throw new AssertionError("no sheet of annex 1");
    }

    /** Annex 1's title, its sheet's first cell. */
    private static String title(Path xlsx) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            return wb.getSheet(sheetOfA1(wb)).getRow(0).getCell(0).getStringCellValue();
        }
    }

    private static String dump(List<String[]> rows) {
        return String.join("\n", rows.stream().map(x -> String.join(",", x)).toList());
    }
}
