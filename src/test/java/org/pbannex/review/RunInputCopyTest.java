package org.pbannex.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opencsv.CSVReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.CliRun;
import org.pbannex.TestInputs;

/**
 * A later biennium with reference files of its own (2024-25/reference/units.csv, ...) run, then its input changed: the
 * run's copy of its input (input.zip) must be read as the run read its input. Found in a budget officer's trial: review
 * failed (exit 3) naming a temporary folder's reference/units.csv, which the copy lacked (the run read the shared file
 * too, for the expenditure lines of biennia without a folder); distribute refused every run once the input changed,
 * although the run kept its input; and `input import` of a reviewer's returned workbook did not say to use review.
 */
class RunInputCopyTest {

    @TempDir
    static Path shared;
    static Path input;
    static Path out;
    static Path db;
    static Path workbook;
    static String runId;

    @TempDir
    Path tmp;

    @BeforeAll
    static void publishThenChangeTheInput() throws IOException {
        input = TestInputs.withMadeUp2024(shared.resolve("input"));
        out = shared.resolve("out");
        db = shared.resolve("db");
        CliRun r = CliRun.run(db, "run", "nightly", "--biennium", "2024-25", "--input", input.toString(), "--output",
                out.toString(), "--format", "xlsx,csv", "--no-distribute");
        assertEquals(0, r.status(), r.toString());
        try (Stream<Path> s = Files.walk(out)) {
            workbook = s.filter(p -> p.getFileName().toString().equals("pb-annexes-2024-25.en.xlsx")).findFirst().orElseThrow();
        }
        runId = workbook.getParent().getFileName().toString();
        // Since the run: Europe's inflation rate, and a unit's name (annex 1, which a reviewer of some tables gets).
        TestInputs.edit(input.resolve("2024-25/regional_inflation.csv"), s -> s.replace("EU,2.5", "EU,2.6"));
        TestInputs.edit(input.resolve("2024-25/reference/units.csv"), s -> s.replace("ASSEMBLY,大会,Assembly,", "ASSEMBLY,大会,General Assembly,"));
    }

    /**
     * A database of the class's own for review's look-up of a run not in the output folder: the installation's
     * (work/db) is shared with the other test JVM, whose runs hold its lock.
     */
    private static Map<String, String> ownDatabase() {
        return CliRun.h2(shared.resolve("review-db"));
    }

    @Test
    void aLaterBienniumWithItsOwnReferenceIsReviewedInTheRunsCopyAfterTheInputChanged() throws Exception {
        Path input = TestInputs.copyTree(RunInputCopyTest.input, tmp.resolve("input")); // adopted into below
        Path returned = tmp.resolve("returned.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(workbook))) {
            var a21 = wb.getSheet("a2-1 Inflation by region");
            var africa = rowLabelled(a21, "Africa");
            africa.getCell(africa.getLastCellNum() - 1).setCellValue(7.5);
            textCell(wb.getSheet("t2 Strategic framework"), "Outcome 1: Health systems")
                    .setCellValue("Outcome 1: Health systems and care");
            try (var os = Files.newOutputStream(returned)) {
                wb.write(os);
            }
        }
        Path copy = tmp.resolve("copy");
        CliRun r = CliRun.capture(ownDatabase(), "review", returned.toString(), "--input", input.toString(), "--output",
                out.toString(), "--apply", copy.toString());
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().contains("each change is traced in the input the run read"), r.out());
        List<String[]> rows = csv(tmp.resolve("review-returned.csv"));
        String file = input + "/2024-25/regional_inflation.csv";
        assertTrue(rows.stream().anyMatch(x -> x[0].equals("a2-1") && x[1].equals("AF") && x[5].equals("input")
                && x[6].equals(file) && x[7].equals("3") && x[13].startsWith("applied " + file + ", line 3")), dump(rows));
        // The input's lines, Africa's (line 3) as the reviewer wrote it (the made-up file's blank last line not kept).
        List<String> applied = new java.util.ArrayList<>(Files.readAllLines(input.resolve("2024-25/regional_inflation.csv"))
                .stream().filter(l -> !l.isBlank()).toList());
        assertTrue(applied.get(2).startsWith("AF,"), applied.toString());
        applied.set(2, "AF,7.5");
        assertEquals(applied, Files.readAllLines(copy.resolve("2024-25/regional_inflation.csv")));
        // An outcome's label is a text made of its title: not "a computed figure".
        String[] label = rows.stream().filter(x -> x[0].equals("t2") && x[4].equals("Outcome 1: Health systems and care"))
                .findFirst().orElseThrow(() -> new AssertionError(dump(rows)));
        assertEquals("derived", label[5], dump(rows));
        assertTrue(label[6].contains("results_outcomes.csv"), dump(rows));
        assertTrue(label[13].startsWith("not applied: a text made of the inputs named"), dump(rows));

        // The last step: the copy adopted into the input it was made from, its changed file alone, once it passes check.
        Path second = tmp.resolve("second");
        assertEquals(0, CliRun.capture(ownDatabase(), "review", returned.toString(), "--input", input.toString(), "--output",
                out.toString(), "--apply", second.toString()).status());
        Map<String, String> before = checksums(input);
        CliRun adopted = CliRun.capture(Map.of(), "input", "adopt", copy.toString());
        assertEquals(0, adopted.status(), adopted.toString());
        assertTrue(adopted.out().contains("Adopted: " + file + "\n"), adopted.out());
        assertTrue(adopted.out().contains("1 file written"), adopted.out());
        assertEquals(applied, Files.readAllLines(input.resolve("2024-25/regional_inflation.csv")));
        Map<String, String> after = checksums(input);
        before.keySet().removeIf(rel -> rel.equals("2024-25/regional_inflation.csv"));
        before.forEach((rel, sha) -> assertEquals(sha, after.get(rel), rel + " is not the copy's to change"));
        assertTrue(Files.list(input.resolve("2024-25")).noneMatch(p -> p.getFileName().toString().contains("pb-annex-adopt")));
        // The input changed since the second copy was made (by hand): refused, naming the file; nothing written.
        Path income = input.resolve("2024-25/income.csv");
        String incomeWas = Files.readString(income);
        Files.writeString(income, incomeWas + "\n");
        Map<String, String> held = checksums(input);
        CliRun refused = CliRun.capture(Map.of(), "input", "adopt", second.toString());
        assertEquals(3, refused.status(), refused.toString());
        assertTrue(refused.err().contains(income + ": changed in the input since " + second), refused.err());
        assertEquals(held, checksums(input), "nothing written");
        Files.writeString(income, incomeWas);
        // A copy that does not pass check is not adopted.
        Path third = tmp.resolve("third");
        assertEquals(0, CliRun.capture(ownDatabase(), "review", returned.toString(), "--input", input.toString(), "--output",
                out.toString(), "--apply", third.toString()).status());
        Files.writeString(third.resolve("2024-25/regional_inflation.csv"), "region,annual_inflation_pct\nEU,abc\nAF,7.5\n");
        CliRun bad = CliRun.capture(Map.of(), "input", "adopt", third.toString());
        assertEquals(3, bad.status(), bad.toString());
        assertTrue(bad.err().contains(third + "/2024-25/regional_inflation.csv, line 2, column annual_inflation_pct: not a number")
                && bad.err().contains("(not adopted: nothing was written to " + input + ")"), bad.err());
        assertEquals(applied, Files.readAllLines(input.resolve("2024-25/regional_inflation.csv")), "nothing written");
    }

    private static Map<String, String> checksums(Path dir) throws IOException {
        Map<String, String> out = new java.util.TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString(), org.pbannex.ingest.InputSet.sha256(p));
            }
        }
        return out;
    }

    @Test
    void aCopyNotTheRunsIsNamedNeverATemporaryFolder() throws Exception {
        Path out2 = tmp.resolve("out2");
        Path folder = TestInputs.copyTree(workbook.getParent(), out2.resolve("2024-25").resolve(runId));
        Path zip = folder.resolve("input.zip");
        try (var fs = java.nio.file.FileSystems.newFileSystem(zip)) {
            Files.delete(fs.getPath("reference/regions.csv"));
        }
        CliRun r = CliRun.capture(ownDatabase(), "review", workbook.toString(), "--input", input.toString(), "--output", out2.toString());
        assertEquals(3, r.status(), r.toString());
        assertTrue(r.err().contains(zip + ": is not the copy the run published"), r.err());
        assertFalse(r.err().contains("pb-annex-run-input-"), r.err());
        // The same copy with the manifest's checksum made to fit: read, and its missing file named in the copy.
        Path manifest = folder.resolve("manifest.json");
        java.util.regex.Matcher listed = java.util.regex.Pattern.compile("\"path\" : \"input.zip\",\\s*\"bytes\" : \\d+,"
                + "\\s*\"sha256\" : \"([0-9a-f]{64})\"").matcher(Files.readString(manifest));
        assertTrue(listed.find(), "the manifest lists input.zip with its checksum");
        String published = listed.group(1);
        TestInputs.edit(manifest, m -> m.replace(published, org.pbannex.ingest.InputSet.sha256(zip)));
        CliRun missing = CliRun.capture(ownDatabase(), "review", workbook.toString(), "--input", input.toString(), "--output",
                out2.toString());
        assertEquals(3, missing.status(), missing.toString());
        assertTrue(missing.err().contains(zip + ": the run's copy of the input it read cannot be read as the run read it: "
                + "reference/regions.csv"), missing.err());
        assertFalse(missing.err().contains("pb-annex-run-input-"), missing.err());
    }

    /**
     * distribute makes the workbooks from the run's own copy of its input, the input having changed since: a reviewer of
     * some tables gets them as the run published them. It refused (exit 3: "the input has changed since run ...").
     */
    @Test
    void aRunIsDistributedFromItsOwnCopyAfterTheInputChanged() throws Exception {
        Map<String, String> settings = new java.util.HashMap<>(CliRun.h2(db));
        settings.put("pb.output", out.toString());
        CliRun r = CliRun.capture(settings, "distribute", runId, "--dry-run", "--output", out.toString());
        assertEquals(0, r.status(), r.toString());
        Path subset = workbook.resolveSibling("distribution/pb-annexes-2024-25.en.t1_t2_a1_a2.xlsx");
        assertTrue(r.out().contains("Written: Maria Rossi <maria.rossi@example.org>, en, " + subset.getFileName()), r.out());
        List<List<String>> published = cells(workbook, "a1 Operational budget");
        List<List<String>> sent = cells(subset, "a1 Operational budget");
        // From the heading row on (the notes above are numbered within each workbook).
        assertEquals(published.subList(6, published.size()), sent.subList(6, sent.size()),
                "annex 1 as the run published it, not with today's unit names");
        assertTrue(sent.stream().anyMatch(row -> row.contains("Assembly")), sent.toString());

        // A run published before runs kept their input (its folder copied elsewhere without it): refused, saying why.
        Path out3 = tmp.resolve("out3");
        Path folder = TestInputs.copyTree(workbook.getParent(), out3.resolve("2024-25").resolve(runId));
        Files.delete(folder.resolve("input.zip"));
        CliRun old = CliRun.capture(settings, "distribute", runId, "--dry-run", "--output", out3.toString());
        assertEquals(3, old.status(), old.toString());
        assertTrue(old.err().contains("2024-25/reference/units.csv") && old.err().contains("keeps no copy of the input it read"),
                old.err());
    }

    /** `input import` of a reviewer's returned workbook of a run says to read it with review. */
    @Test
    void aRunsWorkbookGivenToInputImportPointsToReview() throws Exception {
        CliRun r = CliRun.capture(Map.of(), "input", "import", workbook.toString(), "--into", tmp.resolve("in").toString());
        assertEquals(3, r.status(), r.toString());
        assertTrue(r.err().contains("a workbook of run " + runId) && r.err().contains("./pb-annex review " + workbook + " --apply DIR"),
                r.err());
        assertFalse(Files.exists(tmp.resolve("in")), "nothing written");
    }

    private static List<List<String>> cells(Path file, String sheet) throws IOException {
        DataFormatter f = new DataFormatter();
        List<List<String>> out = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(file))) {
            for (var row : wb.getSheet(sheet)) {
                List<String> line = new ArrayList<>();
                row.forEach(c -> line.add(f.formatCellValue(c)));
                out.add(line);
            }
        }
        return out;
    }

    /**
     * Found by an exploratory test: a biennium with its own copy of a shared list (2024-25/reference/regions.csv), a
     * region's label corrected in its workbook: --apply said "applied input/2024-25/reference/regions.csv, line 6" but
     * wrote the biennium's list over the shared reference/regions.csv, leaving the biennium's own unchanged; adopted,
     * the label was never published and 2022-23's input broke. It is written where the run read it now.
     */
    @Test
    void aCorrectionOfABienniumsOwnListIsWrittenIntoThatListNotTheSharedOne() throws Exception {
        Path input = TestInputs.withMadeUp2024(tmp.resolve("input"));
        Files.copy(input.resolve("reference/regions.csv"), input.resolve("2024-25/reference/regions.csv"));
        Path out = tmp.resolve("out");
        CliRun run = CliRun.run(tmp.resolve("db"), "run", "nightly", "--biennium", "2024-25", "--input", input.toString(), "--output",
                out.toString(), "--format", "xlsx,csv", "--lang", "en", "--tables", "a2-1", "--no-distribute");
        assertEquals(0, run.status(), run.toString());
        Path published;
        try (Stream<Path> s = Files.walk(out)) {
            published = s.filter(p -> p.getFileName().toString().equals("pb-annexes-2024-25.en.xlsx")).findFirst().orElseThrow();
        }
        Path returned = tmp.resolve("returned.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(published))) {
            rowLabelled(wb.getSheet("a2-1 Inflation by region"), "Europe").getCell(0).setCellValue("Europe and Central Asia");
            try (var os = Files.newOutputStream(returned)) {
                wb.write(os);
            }
        }
        Path copy = tmp.resolve("copy");
        CliRun r = CliRun.capture(CliRun.h2(tmp.resolve("review-db")), "review", returned.toString(), "--input", input.toString(),
                "--output", out.toString(), "--apply", copy.toString());
        assertEquals(0, r.status(), r.toString());
        String own = input + "/2024-25/reference/regions.csv";
        assertTrue(r.out().contains("  applied " + own + ", line 6, column short_en: 'Europe' -> 'Europe and Central Asia'"), r.out());
        List<String> lines = new ArrayList<>(Files.readAllLines(input.resolve("2024-25/reference/regions.csv")));
        lines.set(5, lines.get(5).replace(",Europe,", ",Europe and Central Asia,"));
        assertEquals(lines, Files.readAllLines(copy.resolve("2024-25/reference/regions.csv")), "the biennium's own list, line 6");
        assertEquals(-1, Files.mismatch(copy.resolve("reference/regions.csv"), input.resolve("reference/regions.csv")),
                "the shared list is not the change's");
        assertEquals(0, CliRun.capture(Map.of(), "check", "--input", copy.toString(), "--biennium", "all").status(),
                "both biennia check");

        // A file the biennia share, edited in the copy by hand so that 2022-23's input no longer loads: adopt checks every
        // biennium then (it checked the copy's alone, 2024-25, which reads its own list, and adopted it), and writes nothing.
        Path shared = copy.resolve("reference/regions.csv");
        byte[] sharedAsCopied = Files.readAllBytes(shared);
        TestInputs.edit(shared, t -> t.replace("EU,欧洲和中亚,Europe and Central Asia,欧洲,Europe,true,,\n", ""));
        Map<String, String> before = checksums(input);
        CliRun refused = CliRun.capture(Map.of(), "input", "adopt", copy.toString());
        assertEquals(3, refused.status(), refused.toString());
        assertTrue(refused.out().contains("2022-23: ") && refused.err().strip().endsWith(": not adopted, since it does not pass "
                + "./pb-annex check --input " + copy + " --biennium all (above): nothing was written to " + input), refused.toString());
        assertEquals(before, checksums(input), "nothing written");
        Files.write(shared, sharedAsCopied);
        CliRun adopted = CliRun.capture(Map.of(), "input", "adopt", copy.toString());
        assertEquals(0, adopted.status(), adopted.toString());
        assertTrue(adopted.out().contains("Adopted: " + own + "\n") && adopted.out().contains("1 file written"), adopted.out());
    }

    private static org.apache.poi.ss.usermodel.Row rowLabelled(org.apache.poi.ss.usermodel.Sheet sheet, String label) {
        for (var row : sheet) {
            var first = row.getCell(0);
            if (first != null && first.getCellType() == CellType.STRING && first.getStringCellValue().strip().equals(label)) {
                return row;
            }
        }
        throw new AssertionError("no row " + label + " in " + sheet.getSheetName());
    }

    private static org.apache.poi.ss.usermodel.Cell textCell(org.apache.poi.ss.usermodel.Sheet sheet, String text) {
        for (var row : sheet) {
            for (var c : row) {
                if (c.getCellType() == CellType.STRING && c.getStringCellValue().strip().equals(text)) {
                    return c;
                }
            }
        }
        throw new AssertionError("no cell " + text + " in " + sheet.getSheetName());
    }

    private static List<String[]> csv(Path file) throws Exception {
        try (CSVReader r = new CSVReader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            return r.readAll();
        }
    }

    private static String dump(List<String[]> rows) {
        return String.join("\n", rows.stream().map(x -> String.join(",", x)).toList());
    }
}
