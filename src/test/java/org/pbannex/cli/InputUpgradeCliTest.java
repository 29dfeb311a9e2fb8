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
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.BundledCounts;
import org.pbannex.CliRun;
import org.pbannex.Golden;
import org.pbannex.TestInputs;

/**
 * `input upgrade` through the real command line (tester 78a, F2, F3, F5): a program folder holding the repository's
 * input, and a data folder (PB_HOME) whose input is an older copy of it, as one set up before the program was updated:
 * text keys missing, a placeholder the program renamed since, regions.csv without target_name_zh/target_name_en and a
 * datapackage.json that does not ask for them, a reference file that is new. Such a folder fails check until upgraded;
 * upgraded, it passes, its old files kept for a rollback.
 */
class InputUpgradeCliTest {

    private static final List<String> DROPPED_KEYS = List.of("row.subtotal", "distribution.first", "report.cause.db_lock.busy_no_wait");
    private static final String BUSY = "report.cause.db_lock.busy";
    private static final String REWORDED = "report.cause.reason.no_run_id";
    private static final String REWORDED_ROW = REWORDED + ",工作簿中没有运行编号：请用 --run RUN_ID 指明运行,no run id found: name the run with --run RUN_ID";
    private static final String OWN_ROW = "installation.own_note,本机构自己的说明,The installation's own note";

    @TempDir
    Path tmp;
    Path program;
    Path data;

    @BeforeEach
    void olderDataFolder() throws IOException {
        program = tmp.resolve("program");
        TestInputs.copyTree(Golden.input(), program.resolve("input"));
        data = tmp.resolve("data");
        Path input = TestInputs.copyTree(Golden.input(), data.resolve("input"));
        TestInputs.edit(input.resolve("reference/texts.csv"), s -> {
            List<String> lines = new ArrayList<>();
            for (String line : s.split("\n")) {
                String key = line.substring(0, line.indexOf(','));
                if (key.equals(BUSY)) {
                    lines.add(line.replace("{wait}", "{minutes}")); // as the key's row was before the program renamed it
                } else if (key.equals(REWORDED)) {
                    lines.add(REWORDED_ROW); // the installation's own wording
                } else if (!DROPPED_KEYS.contains(key)) {
                    lines.add(line);
                }
            }
            lines.add(OWN_ROW);
            return String.join("\n", lines) + "\n";
        });
        TestInputs.edit(input.resolve("reference/regions.csv"), s -> String.join("\n", s.lines()
                .map(l -> String.join(",", List.of(l.split(",", -1)).subList(0, 6))).toList()) + "\n");
        TestInputs.edit(input.resolve("datapackage.json"), s -> {
            String older = s.replaceFirst("(?s),\\s*\\{\\s*\"name\": \"target_name_zh\".*?\\}\\s*,\\s*\\{\\s*\"name\": \"target_name_en\".*?\\}", "");
            assertFalse(older.contains("target_name_zh"), "the older schema has no target names");
            return older;
        });
        Files.delete(input.resolve("reference/restated_columns.csv"));
    }

    private CliRun pbAnnex(String... args) {
        Map<String, String> settings = new java.util.HashMap<>(CliRun.h2(tmp.resolve("db")));
        settings.put("pb.home", data.toString());
        settings.put("pb.program", program.toString());
        return CliRun.capture(settings, args);
    }

    @Test
    void upgradeBringsTheDataFoldersInputInStepSoThatItPassesCheckAndKeepsTheOldFiles() throws IOException {
        Path input = data.resolve("input");
        Map<String, byte[]> before = files(input);

        CliRun failing = pbAnnex("check");
        assertEquals(3, failing.status(), failing.toString());
        String behind = "pb-annex: this data folder's input is older than the program's (datapackage.json differs; 3 text keys "
                + "missing, 1 text with old placeholders; regions.csv lacks target_name_zh, target_name_en; restated_columns.csv "
                + "missing): run ./pb-annex input upgrade";
        assertEquals(behind, failing.err().lines().findFirst().orElse(""), failing.toString());
        assertEquals(2, failing.err().lines().count(), "then the line of what failed: " + failing);

        CliRun dry = pbAnnex("input", "upgrade", "--dry-run");
        assertEquals(0, dry.status(), dry.toString());
        assertEquals(List.of(
                "Note: reference/texts.csv: 1 row worded otherwise than the program's, with the same placeholders, kept as the "
                        + "installation's own wording (" + REWORDED + ")",
                "Note: reference/texts.csv: 1 key the program's copy does not have, kept (installation.own_note)",
                "Would upgrade: datapackage.json: replaced by the program's (the schema of its input files)",
                "Would upgrade: reference/texts.csv: 3 keys added; 1 row replaced by the program's, whose placeholders changed ("
                        + BUSY + ")",
                "Would upgrade: reference/regions.csv: columns target_name_zh, target_name_en added, filled from the program's rows",
                "Would upgrade: reference/restated_columns.csv: copied from the program (new)",
                "Dry run: 4 files of " + input + " would change, from the program's input (" + program.resolve("input") + "); "
                        + "nothing was written (./pb-annex input upgrade writes them, keeping the old ones in "
                        + input.resolve(".upgraded-<UTC time>") + "/)"), dry.out().lines().toList());
        assertEquals(keys(before), keys(files(input)), "a dry run writes nothing");
        before.forEach((f, bytes) -> assertArrayEquals(bytes, files(input).get(f), f));

        CliRun upgraded = pbAnnex("input", "upgrade");
        assertEquals(0, upgraded.status(), upgraded.toString());
        List<String> out = upgraded.out().lines().toList();
        assertEquals(dry.out().lines().skip(2).limit(4).map(l -> l.replace("Would upgrade: ", "Upgraded: ")).toList(), out.subList(2, 6));
        Path kept = onlyKeptFolder(input);
        assertEquals("Upgraded " + input + " from the program's input (" + program.resolve("input") + "): 4 files changed; the old "
                + "ones are kept in " + kept + "/ (to roll back: copy them back into " + input + ", with the old program, and remove "
                + "the file it had not, reference/restated_columns.csv); ./pb-annex check tells whether the input passes", out.get(6));

        Path theirs = program.resolve("input");
        for (String same : List.of("datapackage.json", "reference/regions.csv", "reference/restated_columns.csv")) {
            assertArrayEquals(Files.readAllBytes(theirs.resolve(same)), Files.readAllBytes(input.resolve(same)), same);
        }
        // The program's texts in its order, the installation's wording and own key kept where they were.
        String expected = Files.readString(theirs.resolve("reference/texts.csv"), StandardCharsets.UTF_8)
                .replaceFirst("\n" + REWORDED.replace(".", "\\.") + ",[^\n]*", "\n" + REWORDED_ROW) + OWN_ROW + "\n";
        assertEquals(expected, Files.readString(input.resolve("reference/texts.csv"), StandardCharsets.UTF_8));

        Map<String, byte[]> keptFiles = files(kept);
        assertEquals(List.of("datapackage.json", "reference/regions.csv", "reference/texts.csv"), keys(keptFiles),
                "every file changed is kept as it was (a new one has nothing to keep)");
        keptFiles.forEach((f, bytes) -> assertArrayEquals(before.get(f), bytes, f));

        CliRun again = pbAnnex("input", "upgrade");
        assertEquals(0, again.status(), again.toString());
        assertEquals("Nothing to upgrade: " + input + " is in step with the program's input (" + theirs + ")",
                again.out().lines().reduce((a, b) -> b).orElse(""), again.toString());
        assertEquals(kept, onlyKeptFolder(input), "nothing more kept");

        CliRun check = pbAnnex("check");
        assertEquals(0, check.status(), check.toString());
        BundledCounts.assertLine("2022-23: " + BundledCounts.tablesWord() + ", ", check.out());
        assertTrue(check.out().contains(" checks passed, 0 failed"), check.toString());
    }

    /**
     * An update that changed files in their rows alone, and added a column its schema calls optional (fix 80c: the
     * upgrade said nothing of either): a reference row the program reworded (units.csv's GB, here the folder's), and
     * 2022-23 as it was before the program moved footnote 3 from o7-recruitment-costs's indicator to its baseline
     * (results_baselines.csv without its optional footnote column). The dry run and the upgrade name each file whose rows
     * differ, by the rows' keys, with the command that shows the difference (run here), and the optional column left out
     * with why and the program's values in it; they write none of these files.
     */
    @Test
    void rowsChangedAloneAndAnOptionalColumnAreSaidNotWrittenOver() throws IOException, InterruptedException {
        Path input = data.resolve("input");
        Path theirs = program.resolve("input");
        TestInputs.edit(input.resolve("reference/units.csv"), s -> s.replace("GB,理事会,Governing Body,", "GB,理事会,Governing Body (ours),"));
        TestInputs.edit(input.resolve("2022-23/results_indicators.csv"), s -> s.replace("(SDG indicator 10.7.1).,待定。,To be determined.,,",
                "(SDG indicator 10.7.1).,待定。,To be determined.,3,"));
        TestInputs.edit(input.resolve("2022-23/results_baselines.csv"), s -> String.join("\n", s.lines()
                .map(l -> l.substring(0, l.lastIndexOf(','))).toList()) + "\n");
        List<String> kept = List.of("reference/units.csv", "2022-23/results_indicators.csv", "2022-23/results_baselines.csv");
        Map<String, byte[]> before = files(input);

        String units = "Note: reference/units.csv: its rows differ from the program's copy: 1 row with other values (GB); kept as "
                + "the installation's own (the upgrade never writes over its rows): diff -u " + input.resolve("reference/units.csv")
                + " " + theirs.resolve("reference/units.csv") + " shows the difference; copy a row from the program's file where it "
                + "applies to this installation";
        String indicators = "Note: 2022-23/results_indicators.csv: its rows differ from the program's copy: 1 row with other values "
                + "(o7-recruitment-costs); kept as the installation's own (the upgrade never writes over its rows): diff -u "
                + input.resolve("2022-23/results_indicators.csv") + " " + theirs.resolve("2022-23/results_indicators.csv")
                + " shows the difference; copy a row from the program's file where it applies to this installation";
        String optional = "Note: 2022-23/results_baselines.csv lacks optional column footnote: not added, as the upgrade does not "
                + "write a biennium's files (this installation's data, whose values in such a column may go with changes to its "
                + "other files); the file reads as before without it; the program's " + theirs.resolve("2022-23/results_baselines.csv")
                + " has it, filled in 1 row (o7-recruitment-costs 1: 3): to show what the program's copy shows, add the column "
                + "with those values (empty in the other rows), with the program's rows noted for this biennium's other files";
        CliRun dry = pbAnnex("input", "upgrade", "--dry-run");
        assertEquals(0, dry.status(), dry.toString());
        CliRun upgraded = pbAnnex("input", "upgrade");
        assertEquals(0, upgraded.status(), upgraded.toString());
        for (CliRun r : List.of(dry, upgraded)) {
            List<String> notes = r.out().lines().filter(l -> l.startsWith("Note: ")).toList();
            for (String note : List.of(units, indicators, optional)) {
                assertEquals(1, notes.stream().filter(note::equals).count(), note + "\n in: " + r.out());
            }
            assertEquals(5, notes.size(), "the texts' two notes and these three, no other file: " + r.out());
        }
        Map<String, byte[]> after = files(input);
        for (String file : kept) {
            assertArrayEquals(before.get(file), after.get(file), file + " is the installation's: never written over");
        }

        // The command the note gives shows the row, the folder's and the program's.
        String command = units.substring(units.indexOf("diff -u "), units.indexOf(" shows the difference"));
        Process diff = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
        String shown = new String(diff.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, diff.waitFor(), shown);
        assertTrue(shown.contains("\n-GB,理事会,Governing Body (ours),") && shown.contains("\n+GB,理事会,Governing Body,"), shown);

        CliRun check = pbAnnex("check");
        assertEquals(0, check.status(), "the folder's older rows read as before: " + check);
    }

    /**
     * README's rollback, followed as written (fix 80c: never run by a test): after an upgrade, copy the kept folder back
     * with {@code cp -a "$PB_HOME"/input/.upgraded-<time>/. "$PB_HOME"/input/} and remove each file whose line says
     * {@code copied from the program (new)}. Without an old build, what the old program would read is proven the
     * folder's own: every input file (as InputFolder reads the folder: the kept folder, named with a dot, is none) and
     * its mode back byte for byte, the same file set, and check says of it exactly what it said before the upgrade. The
     * folder lacks reviewers.datapackage.json (one set up before reviewers had a descriptor), which the upgrade copies in:
     * its line said no "(new)", so the README's rule left it behind.
     */
    @Test
    void theReadmesRollbackGivesBackTheFolderAsItWasBeforeTheUpgrade() throws IOException, InterruptedException {
        Path input = data.resolve("input");
        Files.delete(input.resolve("reviewers.datapackage.json"));
        Files.delete(input.resolve("reviewers.csv"));
        Map<String, byte[]> before = inputFiles(input);
        Map<String, String> modes = modes(input, before.keySet());
        CliRun checkBefore = pbAnnex("check");

        CliRun upgraded = pbAnnex("input", "upgrade");
        assertEquals(0, upgraded.status(), upgraded.toString());
        Path kept = onlyKeptFolder(input);
        assertEquals(0, pbAnnex("check").status(), "upgraded, it passes");

        // README, "Rolling back": the kept files copied back, as the shell does it ...
        ProcessBuilder cp = new ProcessBuilder("sh", "-c", "cp -a \"$PB_HOME\"/input/" + kept.getFileName() + "/. \"$PB_HOME\"/input/")
                .redirectErrorStream(true);
        cp.environment().put("PB_HOME", data.toString());
        Process copying = cp.start();
        String said = new String(copying.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, copying.waitFor(), said);
        // ... and each file the upgrade added removed: the lines that say "copied from the program (new)".
        List<String> added = upgraded.out().lines().filter(l -> l.startsWith("Upgraded: ") && l.contains(": copied from the program (new)"))
                .map(l -> l.substring("Upgraded: ".length(), l.indexOf(": copied from the program (new)"))).toList();
        assertEquals(List.of("reviewers.datapackage.json", "reference/restated_columns.csv"), added, upgraded.out());
        for (String file : added) {
            Files.delete(input.resolve(file));
        }

        Map<String, byte[]> after = inputFiles(input);
        assertEquals(keys(before), keys(after), "the same input files, none added, none lost");
        before.forEach((f, bytes) -> assertArrayEquals(bytes, after.get(f), f + " byte for byte"));
        assertEquals(modes, modes(input, after.keySet()), "each file's mode as it was");
        CliRun checkAfter = pbAnnex("check");
        assertEquals(checkBefore.status(), checkAfter.status(), checkAfter.toString());
        assertEquals(3, checkAfter.status(), "the older folder, as the new program reads it before an upgrade: " + checkAfter);
        assertEquals(checkBefore.err(), checkAfter.err());
        assertTrue(Files.isDirectory(kept), "the kept folder stays until removed (no input: its name starts with a dot)");
    }

    /** Preflight says it before the night, with the command; once upgraded, it says nothing of it. */
    @Test
    void preflightSaysTheInputIsOlderThanTheProgramsAndWhatBringsItInStep() throws IOException {
        Files.createDirectories(data.resolve("jobs"));
        Files.writeString(data.resolve("jobs/nightly.yml"), "tables: [a1]\nlanguages: [en]\nformats: [csv]\n");
        CliRun before = pbAnnex("preflight");
        assertTrue(before.out().lines().anyMatch(l -> l.matches("WARNING\\s+input\\s+this data folder's input is older than the "
                + "program's \\(datapackage.json differs; .*\\): run ./pb-annex input upgrade")), before.toString());
        assertEquals(0, pbAnnex("input", "upgrade").status());
        CliRun after = pbAnnex("preflight");
        assertFalse(after.out().contains("older than the program's"), after.toString());
        assertTrue(after.out().lines().anyMatch(l -> l.matches("ok\\s+input 2022-23\\s+.*checks passed")), after.toString());
    }

    /**
     * The run says it too, as a warning (tester 78a: only check and preflight did): a run the older input fails, after
     * its line; a run that publishes, on stderr and in its report; a run with nothing to do, each night. Once upgraded,
     * nothing.
     */
    @Test
    void theRunSaysTheInputIsOlderThanTheProgramsAsAWarning() throws IOException {
        Files.createDirectories(data.resolve("jobs"));
        Files.writeString(data.resolve("jobs/nightly.yml"), "tables: [a1]\nlanguages: [zh]\nformats: [csv]\n");
        String line = "pb-annex: warning: this data folder's input is older than the program's (datapackage.json differs; "
                + "3 text keys missing, 1 text with old placeholders; regions.csv lacks target_name_zh, target_name_en; "
                + "restated_columns.csv missing): run ./pb-annex input upgrade";
        CliRun failed = pbAnnex("run", "nightly");
        assertEquals(3, failed.status(), failed.toString());
        assertEquals(line, failed.err().lines().reduce((a, b) -> b).orElse(""), "after the line of what failed: " + failed);

        // Its schema and reference files the program's, its texts still older: the run publishes, with the warning.
        Path input = data.resolve("input");
        for (String same : List.of("datapackage.json", "reference/regions.csv", "reference/restated_columns.csv")) {
            Files.copy(program.resolve("input").resolve(same), input.resolve(same), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        String texts = "pb-annex: warning: this data folder's input is older than the program's (3 text keys missing, 1 text with "
                + "old placeholders): run ./pb-annex input upgrade";
        CliRun published = pbAnnex("run", "nightly");
        assertEquals(0, published.status(), published.toString());
        assertEquals(1, published.err().lines().filter(texts::equals).count(), published.toString());
        String html = Files.readString(published(published).resolve("report.html")).replace("&#39;", "'");
        assertTrue(html.contains("<li>本数据文件夹的输入比程序的旧（3 text keys missing, 1 text with old placeholders）：请运行 "
                + "./pb-annex input upgrade</li>"), html);
        assertFalse(html.contains("运行失败"), "a warning, not a failure");

        CliRun nothing = pbAnnex("run", "nightly");
        assertEquals(0, nothing.status(), nothing.toString());
        assertTrue(nothing.out().startsWith("Nothing to do"), nothing.toString());
        assertEquals(1, nothing.err().lines().filter(texts::equals).count(), nothing.toString());

        assertEquals(0, pbAnnex("input", "upgrade").status());
        CliRun upgraded = pbAnnex("run", "nightly");
        assertEquals(0, upgraded.status(), upgraded.toString());
        assertFalse(upgraded.err().contains("older than the program's"), upgraded.toString());
        assertFalse(Files.readString(published(upgraded).resolve("report.html")).contains("比程序的旧"));
    }

    @Test
    void theProgramsOwnInputHasNothingToUpgrade() {
        Map<String, String> settings = new java.util.HashMap<>(CliRun.h2(tmp.resolve("db")));
        settings.put("pb.home", program.toString());
        settings.put("pb.program", program.toString());
        CliRun r = CliRun.capture(settings, "input", "upgrade");
        assertEquals(0, r.status(), r.toString());
        assertEquals("Nothing to upgrade: the input " + program.resolve("input") + " is the program's own (same folder)\n", r.out());
    }

    /** The folder of the run a command published (its "Published: " line). */
    private static Path published(CliRun r) {
        return Path.of(r.out().lines().filter(l -> l.startsWith("Published: ")).findFirst().orElseThrow(() -> new AssertionError(r))
                .substring(11).split("  ")[0]);
    }

    private static Path onlyKeptFolder(Path input) throws IOException {
        try (Stream<Path> s = Files.list(input)) {
            List<Path> kept = s.filter(p -> p.getFileName().toString().matches("\\.upgraded-\\d{8}T\\d{6}Z")).toList();
            assertEquals(1, kept.size(), kept.toString());
            return kept.get(0);
        }
    }

    /** The input files of an input folder as the program reads it (InputFolder.walk: no folder named with a dot), with their bytes. */
    private static Map<String, byte[]> inputFiles(Path input) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        org.pbannex.ingest.InputFolder.walk(input, input, (f, attributes) -> {
            try {
                out.put(input.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return out;
    }

    private static Map<String, String> modes(Path input, java.util.Set<String> files) throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (String f : files) {
            out.put(f, java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(input.resolve(f))));
        }
        return out;
    }

    /** Every file under a folder, by its path in it (with /), with its bytes. */
    private static Map<String, byte[]> files(Path dir) {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    private static List<String> keys(Map<String, byte[]> files) {
        return List.copyOf(files.keySet());
    }
}
