package org.pbannex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.CliRun;
import org.pbannex.Golden;
import org.pbannex.TestInputs;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A data folder of its own copied from an older version of the program: its texts.csv lacks the report's words the
 * update added, and has one the update renamed. The nightly run publishes all the same (status 0), the same tidy CSVs as
 * with the program's texts, and says what it read from the program's copy and what it does not read, a line each, on
 * stderr and in its report. A key neither file has still stops it (status 3), and a misspelt key of a biennium's own
 * texts is still refused.
 */
class OlderDataFolderTextsTest {

    @TempDir
    Path tmp;

    private static final String TEXTS = "reference/texts.csv";

    /** The bundled input, its shared texts as an older version had them: without three report words, with one it dropped. */
    private Path olderDataFolder() throws IOException {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("data/input"));
        TestInputs.edit(input.resolve(TEXTS), s -> s.replaceFirst("(?m)^report\\.failed_step,.*\\n", "")
                .replaceFirst("(?m)^report\\.col_check,.*\\n", "").replaceFirst("(?m)^report\\.row_added,.*\\n", "")
                + "report.old_heading,旧标题,Old heading\n");
        return input;
    }

    private static List<String> warnings(CliRun r, Path input) {
        return r.err().lines().filter(l -> l.contains("warning: ")).map(l -> l.replace(input.toString(), "input")
                .replace(Golden.input().toAbsolutePath().toString(), "program/input")).toList();
    }

    /** The lines, the program's folder being the repository's, whose input is the bundled one. */
    private static final List<String> SAID = List.of(
            "pb-annex: warning: input/reference/texts.csv lacks texts this version of the program reads (3: report.failed_step, "
                    + "report.col_check, report.row_added): read from the program's own program/input/reference/texts.csv for now; "
                    + "copy those rows into input/reference/texts.csv to word them yourself",
            "pb-annex: warning: input/reference/texts.csv has texts this version of the program does not read "
                    + "(1: report.old_heading): renamed or removed by an update (see program/input/reference/texts.csv), or misspelt; "
                    + "they are kept but never shown: rename or delete them");

    @Test
    void theNightlyRunPublishesAndSaysWhatTheProgramSupplied() throws IOException {
        Path input = olderDataFolder();
        CliRun older = CliRun.run(tmp.resolve("db"), "run", "nightly", "--input", input.toString(), "--output",
                tmp.resolve("older").toString(), "--format", "csv");
        assertEquals(0, older.status(), older.toString());
        assertEquals(SAID, warnings(older, input.toAbsolutePath()), older.toString());
        Path run = published(older);
        String report = Files.readString(run.resolve("report.html")).replace(input.toString(), "input")
                .replace(Golden.input().toAbsolutePath().toString(), "program/input").replace("&#39;", "'");
        assertTrue(report.contains("<h2>请核对的文本：已按原样发布</h2>"), report);
        assertTrue(report.contains("<li>input/reference/texts.csv 缺少本版本程序读取的文本（3 条：report.failed_step, report.col_check, "
                + "report.row_added）：暂时从程序自带的 program/input/reference/texts.csv 读取；如需自行措辞，请将这些行复制到 "
                + "input/reference/texts.csv</li>"), report);
        assertTrue(report.contains("<li>input/reference/texts.csv 有本版本程序不读取的文本（1 条：report.old_heading）"), report);
        assertTrue(report.contains(">检查</th>"), "the word supplied is shown: " + report);
        // Its record names the program's copy whose words it used, with that file's checksum and the keys taken from it.
        Path programTexts = Golden.input().resolve(TEXTS).toAbsolutePath().normalize();
        JsonNode used = manifest(run).get("program_inputs");
        assertEquals(1, used == null ? 0 : used.size(), manifest(run).toString());
        assertEquals("texts", used.get(0).get("resource").asString());
        assertEquals(programTexts.toString(), used.get(0).get("path").asString());
        assertEquals(org.pbannex.ingest.InputSet.sha256(programTexts), used.get(0).get("sha256").asString());
        assertEquals(3, used.get(0).get("keys_used").asInt());
        assertEquals(List.of(new org.pbannex.ingest.InputSet.ProgramFile("texts", programTexts.toString(),
                org.pbannex.ingest.InputSet.sha256(programTexts), used.get(0).get("rows").asInt(), 3)),
                org.pbannex.publish.PublishedRun.read(run).programInputs());

        CliRun full = CliRun.run(tmp.resolve("db"), "run", "nightly", "--input", TestInputs.copyOfBundledInput(tmp.resolve("full"))
                .toString(), "--output", tmp.resolve("full-out").toString(), "--format", "csv");
        assertEquals(0, full.status(), full.toString());
        assertEquals(List.of(), warnings(full, input), full.toString());
        Map<String, String> tidy = csvs(published(full));
        assertTrue(tidy.size() > 10, tidy.keySet().toString());
        assertEquals(tidy, csvs(run));
        // A data folder whose texts are whole reads no row of the program's: its record names none.
        assertTrue(manifest(published(full)).path("program_inputs").isMissingNode(), manifest(published(full)).toString());
        assertEquals(List.of(), org.pbannex.publish.PublishedRun.read(published(full)).programInputs());
        // Its texts.csv a copy of the program's: the same checksum and rows as the older run's record gives the program's.
        JsonNode texts = java.util.stream.StreamSupport.stream(manifest(published(full)).get("inputs").spliterator(), false)
                .filter(i -> i.get("path").asString().equals(TEXTS)).findFirst().orElseThrow();
        assertEquals(texts.get("sha256").asString(), used.get(0).get("sha256").asString());
        assertEquals(texts.get("rows").asInt(), used.get(0).get("rows").asInt());

        // check says the same lines, and passes.
        CliRun check = CliRun.run(null, "check", "--input", input.toString());
        assertEquals(0, check.status(), check.toString());
        assertEquals(SAID, warnings(check, input.toAbsolutePath()), check.toString());
    }

    /**
     * The program's texts changed by an update that makes no new code version (a commit of its input alone): a data folder
     * whose run used rows of them publishes again the next night, its words being others; one whose texts are whole
     * read none of them and has nothing to do, as before.
     */
    @Test
    void aChangeOfTheProgramsTextsPublishesAgainOnlyWhereTheRunUsedThem() throws IOException {
        Path older = olderDataFolder();
        Path whole = TestInputs.copyOfBundledInput(tmp.resolve("whole/input"));
        Path program = tmp.resolve("program");
        Files.createDirectories(program.resolve("input/reference"));
        Files.copy(Golden.input().resolve(TEXTS), program.resolve("input").resolve(TEXTS));
        Map<String, String> settings = new java.util.HashMap<>(CliRun.h2(tmp.resolve("db")));
        settings.put("pb.program", program.toString());
        for (Path input : List.of(older, whole)) {
            Path out = input.getParent().resolve("out");
            CliRun first = CliRun.capture(settings, "run", "nightly", "--input", input.toString(), "--output", out.toString(), "--format", "csv");
            assertEquals(0, first.status(), first.toString());
            published(first);
            CliRun again = CliRun.capture(settings, "run", "nightly", "--input", input.toString(), "--output", out.toString(), "--format", "csv");
            assertEquals(0, again.status(), again.toString());
            assertTrue(again.out().contains("Nothing to do"), again.toString());
        }
        // The program's wording of a key the older folder lacks (one it read from the program's copy) changed.
        TestInputs.edit(program.resolve("input").resolve(TEXTS), t -> t.replaceFirst("(?m)^(report\\.col_check,)[^,]*", "$1核对项"));
        CliRun anew = CliRun.capture(settings, "run", "nightly", "--input", older.toString(), "--output",
                older.getParent().resolve("out").toString(), "--format", "csv");
        assertEquals(0, anew.status(), anew.toString());
        Path run = published(anew);
        assertEquals(org.pbannex.ingest.InputSet.sha256(program.resolve("input").resolve(TEXTS)),
                manifest(run).get("program_inputs").get(0).get("sha256").asString());
        assertTrue(Files.readString(run.resolve("report.html")).contains(">核对项</th>"), "the program's new word is shown");
        CliRun unchanged = CliRun.capture(settings, "run", "nightly", "--input", whole.toString(), "--output",
                whole.getParent().resolve("out").toString(), "--format", "csv");
        assertEquals(0, unchanged.status(), unchanged.toString());
        assertTrue(unchanged.out().contains("Nothing to do"), unchanged.toString());
    }

    @Test
    void aKeyNeitherFileHasStopsTheRunAndAMisspeltOwnKeyIsRefused() throws IOException {
        Path input = olderDataFolder();
        TestInputs.edit(input.resolve(TEXTS), s -> s.replaceFirst("(?m)^a1\\.title,.*\\n", ""));
        // The program's copy an older one too (its folder's texts.csv the data folder's): a1.title is nowhere.
        Path program = tmp.resolve("program");
        Files.createDirectories(program.resolve("input/reference"));
        Files.copy(input.resolve(TEXTS), program.resolve("input").resolve(TEXTS));
        CliRun nowhere = CliRun.capture(Map.of("pb.program", program.toString()), "check", "--input", input.toString());
        assertEquals(3, nowhere.status(), nowhere.toString());
        // With the report's words the older folder lacks too, on the same line (before, a1.title alone, the others a
        // failed run later).
        assertTrue(nowhere.err().contains("no texts with keys 'a1.title', 'report.failed_step', 'report.col_check', 'report.row_added' (4): "
                + "add a row for each (key,zh,en)"), nowhere.toString());

        // The program's a1.title supplied, a biennium's own misspelt key is refused as before, with the key meant.
        Files.writeString(input.resolve("2022-23").resolve(TEXTS), Files.readString(input.resolve("2022-23").resolve(TEXTS))
                + "a1.titel,标题,Title\n");
        CliRun misspelt = CliRun.capture(Map.of(), "check", "--input", input.toString());
        assertEquals(3, misspelt.status(), misspelt.toString());
        assertTrue(misspelt.err().contains("'a1.titel' is no text the program reads") && misspelt.err().contains("did you mean 'a1.title'?"),
                misspelt.toString());
    }

    /**
     * Document texts (tables' titles) that neither file has are named all at once too (tester 78a, F6: one a run, fix,
     * rerun, the next), by check and by the run, on its one line and in its failed report; status 3 as before.
     */
    @Test
    void documentTextsNeitherFileHasAreNamedTogether() throws IOException {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("data/input"));
        TestInputs.edit(input.resolve(TEXTS), s -> s.replaceFirst("(?m)^a3\\.title,.*\\n", "").replaceFirst("(?m)^t1\\.title,.*\\n", ""));
        Path program = tmp.resolve("program");
        Files.createDirectories(program.resolve("input/reference"));
        Files.copy(input.resolve(TEXTS), program.resolve("input").resolve(TEXTS));
        // In the order the program asks for them (Table 1 is built before annex 3). Not t2.title: the biennium's
        // t2.title.printed would then be a row of no text the program reads, refused before.
        String line = "no texts with keys 't1.title', 'a3.title' (2): add a row for each (key,zh,en)";
        CliRun check = CliRun.capture(Map.of("pb.program", program.toString()), "check", "--input", input.toString());
        assertEquals(3, check.status(), check.toString());
        assertEquals(1, check.err().lines().filter(l -> l.endsWith(line)).count(), check.toString());

        Map<String, String> settings = new java.util.HashMap<>(CliRun.h2(tmp.resolve("db")));
        settings.put("pb.program", program.toString());
        CliRun run = CliRun.capture(settings, "run", "nightly", "--input", input.toString(), "--output", tmp.resolve("out").toString(),
                "--format", "csv");
        assertEquals(3, run.status(), run.toString());
        assertEquals(1, run.err().lines().filter(l -> l.endsWith(line)).count(), run.toString());
        try (Stream<Path> reports = Files.walk(tmp.resolve("out"))) {
            Path report = reports.filter(f -> f.endsWith("report.html")).findFirst().orElseThrow(() -> new AssertionError(run));
            String html = Files.readString(report).replace("&#39;", "'");
            assertTrue(html.contains("缺少 2 条文本，键为 't1.title', 'a3.title'"), html);
        }
    }

    /** Report words that neither file has are named all at once, not one a night. */
    @Test
    void reportWordsNeitherFileHasAreNamedTogether() throws IOException {
        Path input = olderDataFolder();
        Path program = tmp.resolve("program");
        Files.createDirectories(program.resolve("input/reference"));
        Files.copy(input.resolve(TEXTS), program.resolve("input").resolve(TEXTS));
        CliRun r = CliRun.capture(Map.of("pb.program", program.toString()), "check", "--input", input.toString());
        assertEquals(3, r.status(), r.toString());
        String line = r.err().lines().filter(l -> l.contains("no texts with keys ")).findFirst().orElseThrow(() -> new AssertionError(r));
        assertTrue(line.contains("'report.failed_step'") && line.contains("'report.col_check'") && line.contains("'report.row_added'")
                && line.endsWith(" (3): add a row for each (key,zh,en)"), line);
    }

    private static JsonNode manifest(Path run) throws IOException {
        return JsonMapper.builder().build().readTree(Files.readString(run.resolve("manifest.json")));
    }

    private static Path published(CliRun r) {
        return Path.of(r.out().lines().filter(l -> l.startsWith("Published: ")).findFirst().orElseThrow(() -> new AssertionError(r))
                .substring(11).split("  ")[0]);
    }

    /** The run's CSV files by their path in its folder, each with its content. */
    private static Map<String, String> csvs(Path run) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(run)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
                out.put(run.relativize(f).toString(), Files.readString(f));
            }
        }
        return out;
    }
}
