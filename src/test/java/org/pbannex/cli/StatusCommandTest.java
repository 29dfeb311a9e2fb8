package org.pbannex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.BundledCounts;
import org.pbannex.CliRun;
import org.pbannex.TestInputs;

/**
 * status says how a job's runs have gone, from real runs: none yet, a good one, a failure since (status 5 until the
 * next good run), and with --max-age the silence of a night that never started. No mail server involved: the state is
 * kept whether or not anyone is mailed.
 */
class StatusCommandTest {

    @TempDir
    Path tmp;

    /** A home of its own whose nightly job makes every table's CSV in zh, a copy of the bundled input, its own database. */
    private Map<String, String> nightlyCsv() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home/jobs")).getParent();
        Files.writeString(home.resolve("jobs/nightly.yml"), "tables: all\nlanguages: [zh]\nformats: [csv]\n");
        Map<String, String> settings = new HashMap<>(CliRun.h2(tmp.resolve("db")));
        settings.put("pb.home", home.toString());
        settings.put("pb.input", TestInputs.copyOfBundledInput(tmp.resolve("input")).toString());
        settings.put("pb.output", tmp.resolve("out").toString());
        return settings;
    }

    @Test
    void aJobsLastGoodRunAndTheFailuresSinceDecideItsStatus() throws Exception {
        Map<String, String> settings = nightlyCsv();
        Path home = Path.of(settings.get("pb.home"));
        Path input = Path.of(settings.get("pb.input"));

        CliRun none = CliRun.capture(settings, "status");
        assertEquals(0, none.status(), none.toString());
        assertEquals("No run recorded yet (work/status/).", afterScheduler(none));
        assertEquals(5, CliRun.capture(settings, "status", "nightly", "--max-age", "26h").status(), "no good run at all is stale");
        // A job's name typed wrong in a monitor's command: said, not "nothing yet" for ever.
        CliRun typo = CliRun.capture(settings, "status", "nigthly");
        assertEquals(2, typo.status(), typo.toString());
        assertTrue(typo.err().contains("no job 'nigthly' in " + home.resolve("jobs") + " and no run of it recorded; the jobs are nightly"),
                typo.err());

        assertEquals(0, CliRun.capture(settings, "run", "nightly").status());
        CliRun good = CliRun.capture(settings, "status", "--max-age", "26h");
        assertEquals(0, good.status(), good.toString());
        assertTrue(good.out().lines().anyMatch(l -> l.matches("nightly\\s+2022-23\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\s+\\d+ s\\s+"
                + "no failure; run \\S+ published " + BundledCounts.tablesWord() + ", " + (BundledCounts.tables() + 1) + " files to .*, "
                + BundledCounts.checks() + " checks passed")), good.out()); // each table's CSV and the data package
        assertTrue(good.out().strip().endsWith("All well."), good.out());

        TestInputs.edit(input.resolve("2022-23/cost_by_object.csv"), s -> s.replace("STAFF,547017651,", "STAFF,547017652,")
                .replace("TRAVEL,12394975,", "TRAVEL,12394974,"));
        assertEquals(4, CliRun.capture(settings, "run", "nightly").status());
        CliRun failed = CliRun.capture(settings, "status", "nightly");
        assertEquals(5, failed.status(), failed.toString());
        assertTrue(failed.out().contains("1 failure, the last: ") && failed.out().contains(" exit status 4: 2 checks failed; first: "
                + "a2-2.staff_equals_annex1_staff_costs"), failed.out());
        assertTrue(failed.out().strip().endsWith("Not well: 1 of 1."), failed.out());

        Thread.sleep(1100);
        CliRun stale = CliRun.capture(settings, "status", "nightly", "--max-age", "1s");
        assertEquals(5, stale.status(), stale.toString());
        assertEquals(2, CliRun.capture(settings, "status", "nightly", "--max-age", "soon").status(), "a usage error");
        CliRun bare = CliRun.capture(settings, "status", "nightly", "--max-age", "26");
        assertEquals(2, bare.status(), "26 ms is nobody's meaning: " + bare);
        assertTrue(bare.err().contains("--max-age '26' is not a duration such as 26h or 90m"), bare.err());
    }

    /**
     * A job file tried, failed unattended and then deleted (tester66 case 49) had kept status at 5 for good, with no job
     * left to run well: its row stays, for information, and counts not; the nightly job's count is its own.
     */
    @Test
    void aFailedJobWhoseFileIsGoneIsSaidAndCountsNot() throws Exception {
        Map<String, String> settings = nightlyCsv();
        Path home = Path.of(settings.get("pb.home"));
        Files.writeString(home.resolve("jobs/typo.yml"), "tabels: all\n");
        CliRun typo = CliRun.capture(settings, "run", "typo");
        assertEquals(2, typo.status(), typo.toString());
        CliRun unwell = CliRun.capture(settings, "status");
        assertEquals(5, unwell.status(), unwell.toString());
        assertTrue(unwell.out().strip().endsWith("Not well: 1 of 1."), unwell.out());

        Files.delete(home.resolve("jobs/typo.yml"));
        CliRun gone = CliRun.capture(settings, "status");
        assertEquals(0, gone.status(), gone.toString());
        assertTrue(gone.out().contains("; for information, its job file " + home.resolve("jobs/typo.yml") + " is gone, so this "
                + "counts not (delete ") && gone.out().contains("status/typo.* to forget it)"), gone.out());
        assertTrue(gone.out().strip().endsWith("All well."), gone.out());
        assertEquals(0, CliRun.capture(settings, "status", "typo").status(), "the job asked for by name: said, counts not");
    }

    @Test
    void aFailedTrialRunIntoAnotherOutputFolderIsSaidAndLeavesTheJobWell() throws Exception {
        Map<String, String> settings = nightlyCsv();
        Path input = Path.of(settings.get("pb.input"));
        TestInputs.edit(input.resolve("2022-23/cost_by_object.csv"), s -> s.replace("STAFF,547017651,", "STAFF,547017652,")
                .replace("TRAVEL,12394975,", "TRAVEL,12394974,"));
        // A trial run into a folder of its own: its failure is said, with where it went, and nothing here failed.
        // (It made the job "Not well", exit status 5, as a failure of the nightly run's own folder would.)
        Path trial = tmp.resolve("trial").toAbsolutePath().normalize();
        assertEquals(4, CliRun.capture(settings, "run", "nightly", "--output", trial.toString()).status());
        String where = "(a run into " + trial + ", not the installation's output folder "
                + tmp.resolve("out").toAbsolutePath().normalize() + ")";
        CliRun failed = CliRun.capture(settings, "status", "nightly");
        assertEquals(0, failed.status(), failed.toString());
        assertTrue(failed.out().contains("no failure; no good run yet; for information, 1 failure of a trial run elsewhere, "
                + "the last: ") && failed.out().contains(" exit status 4: 2 checks failed; first: ")
                && failed.out().contains(where), failed.out());
        assertTrue(failed.out().strip().endsWith("All well."), failed.out());
        // One into the installation's own is the job's failure, as before; the trial's is still said beside it.
        assertEquals(4, CliRun.capture(settings, "run", "nightly").status());
        CliRun again = CliRun.capture(settings, "status", "nightly");
        assertEquals(5, again.status(), again.toString());
        String row = again.out().lines().filter(l -> l.startsWith("nightly")).findFirst().orElseThrow();
        assertTrue(row.contains("1 failure, the last: ") && row.contains("; for information, 1 failure of a trial run elsewhere")
                && row.indexOf(where) > row.indexOf("for information"), again.out());
        assertTrue(again.out().strip().endsWith("Not well: 1 of 1."), again.out());
    }

    /**
     * A trial whose run cannot start for a setting it cannot use is a trial too, told by the folders its command line
     * names (found by an exploratory test: PB_RUN_TIMEOUT=soon with --input and --output made the nightly job Not well).
     */
    @Test
    void aTrialStoppedByABadSettingLeavesTheJobWell() throws Exception {
        Map<String, String> settings = nightlyCsv();
        Path trial = tmp.resolve("trial").toAbsolutePath().normalize();
        Map<String, String> bad = new java.util.HashMap<>(settings);
        bad.put("pb.run.timeout", "soon");
        CliRun tried = CliRun.capture(bad, "run", "nightly", "--output", trial.toString());
        assertEquals(5, tried.status(), tried.toString());
        CliRun said = CliRun.capture(settings, "status", "nightly");
        assertEquals(0, said.status(), said.toString());
        assertTrue(said.out().contains("for information, 1 failure of a trial run elsewhere") && said.out().contains("'soon'")
                && said.out().contains("(a run into " + trial + ", not the installation's output folder "), said.out());
        assertTrue(said.out().strip().endsWith("All well."), said.out());
        // The same setting on the installation's own run is the job's failure, as before.
        assertEquals(5, CliRun.capture(bad, "run", "nightly").status());
        assertEquals(5, CliRun.capture(settings, "status", "nightly").status());
    }

    @Test
    void aTrialRunOfAnotherInputOrIntoAnotherOutputFolderIsNotTheJobsRun() throws Exception {
        // Found by a budget officer: after a trial run (--input a copy, --output /tmp/pub), status's last good run pointed
        // into the trial's folder, not the installation's output/.
        Map<String, String> settings = nightlyCsv();
        Path input = Path.of(settings.get("pb.input"));
        Path out = tmp.resolve("out").toAbsolutePath().normalize();
        assertEquals(0, CliRun.capture(settings, "run", "nightly").status());
        String lastGood = row(CliRun.capture(settings, "status", "nightly"));
        assertTrue(lastGood.contains(" to " + out.resolve("2022-23")), lastGood);

        Path copy = TestInputs.copyOfBundledInput(tmp.resolve("copy"));
        Path trial = tmp.resolve("pub").toAbsolutePath().normalize();
        CliRun tried = CliRun.capture(settings, "run", "nightly", "--input", copy.toString(), "--output", trial.toString());
        assertEquals(0, tried.status(), tried.toString());
        assertTrue(Files.isDirectory(trial.resolve("2022-23")), "the trial published: " + tried);
        CliRun afterTrial = CliRun.capture(settings, "status", "nightly");
        assertEquals(withoutAge(lastGood), withoutAge(row(afterTrial)), "the installation's last good run stays its own: "
                + afterTrial.out());
        // history lists it, marked as a trial.
        CliRun history = CliRun.capture(settings, "history");
        assertTrue(history.out().lines().anyMatch(l -> l.contains(trial.resolve("2022-23").toString()) && l.contains(" (trial)")),
                history.out());
        assertTrue(history.out().lines().filter(l -> l.contains(out.toString())).noneMatch(l -> l.contains("(trial)")), history.out());

        // The installation's run fails: a trial that runs well elsewhere does not make the job well again.
        TestInputs.edit(input.resolve("2022-23/cost_by_object.csv"), s -> s.replace("STAFF,547017651,", "STAFF,547017652,")
                .replace("TRAVEL,12394975,", "TRAVEL,12394974,"));
        assertEquals(4, CliRun.capture(settings, "run", "nightly").status());
        assertEquals(0, CliRun.capture(settings, "run", "nightly", "--input", copy.toString(), "--output",
                tmp.resolve("pub2").toString()).status());
        CliRun stillFailed = CliRun.capture(settings, "status", "nightly");
        assertEquals(5, stillFailed.status(), stillFailed.toString());
        assertTrue(row(stillFailed).contains("1 failure, the last: ") && !row(stillFailed).contains("pub"), stillFailed.out());

        // A trial of another input folder into the installation's output folder that fails is said for information.
        TestInputs.edit(copy.resolve("2022-23/cost_by_object.csv"), s -> s.replace("STAFF,547017651,", "STAFF,547017652,")
                .replace("TRAVEL,12394975,", "TRAVEL,12394974,"));
        assertEquals(4, CliRun.capture(settings, "run", "nightly", "--input", copy.toString()).status());
        String both = row(CliRun.capture(settings, "status", "nightly"));
        assertTrue(both.contains("1 failure, the last: ") && both.contains("; for information, 1 failure of a trial run elsewhere")
                && both.endsWith("(a run of the input folder " + copy.toAbsolutePath().normalize()
                        + ", not the installation's input folder " + input.toAbsolutePath().normalize() + ")"), both);
    }

    /**
     * A trial that runs well answers the failures of trials of the same folders, which status then no longer says (a
     * trial of other folders keeps its own); and history marks a trial of another input folder into the installation's
     * output folder as a trial too, as status counts it.
     */
    @Test
    void aGoodTrialAnswersTheFailedTrialsOfItsFoldersAndHistoryMarksATrialOfAnotherInput() throws Exception {
        Map<String, String> settings = nightlyCsv();
        Path input = Path.of(settings.get("pb.input"));
        Path out = tmp.resolve("out").toAbsolutePath().normalize();
        Path copy = TestInputs.copyOfBundledInput(tmp.resolve("copy"));
        Path pub = tmp.resolve("pub").toAbsolutePath().normalize();
        Path costs = copy.resolve("2022-23/cost_by_object.csv");
        String good = Files.readString(costs);
        TestInputs.edit(costs, s -> s.replace("STAFF,547017651,", "STAFF,547017652,").replace("TRAVEL,12394975,", "TRAVEL,12394974,"));
        assertEquals(4, CliRun.capture(settings, "run", "nightly", "--input", copy.toString()).status());
        assertEquals(4, CliRun.capture(settings, "run", "nightly", "--input", copy.toString(), "--output", pub.toString()).status());
        assertTrue(row(CliRun.capture(settings, "status", "nightly")).contains("for information, 2 failures of a trial run elsewhere"));

        Files.writeString(costs, good);
        CliRun tried = CliRun.capture(settings, "run", "nightly", "--input", copy.toString());
        assertEquals(0, tried.status(), tried.toString());
        CliRun after = CliRun.capture(settings, "status", "nightly");
        assertEquals(0, after.status(), after.toString());
        String copyFolder = "of the input folder " + copy.toAbsolutePath().normalize() + ", not the installation's input folder "
                + input.toAbsolutePath().normalize();
        assertTrue(row(after).contains("no failure; no good run yet; for information, 1 failure of a trial run elsewhere")
                && row(after).endsWith("(a run " + copyFolder + ", and into " + pub + ", not the installation's output folder "
                        + out + ")"), after.out());

        CliRun history = CliRun.capture(settings, "history");
        assertTrue(history.out().lines().anyMatch(l -> l.contains("PUBLISHED") && l.contains(out.resolve("2022-23").toString())
                && l.contains(" (trial)")), history.out());
    }

    /**
     * A failure the launcher noted (before Java started) carries the folders its run was given, and Java tells from
     * them whether it was a trial, by the installation's folders as Java reads them: here pb.input from the settings
     * file, which the launcher does not read. A good trial of the same folders answers the trial's failure, as it answers
     * a run's own.
     */
    @Test
    void theLaunchersNotedFailureIsATrialsOrTheJobsByTheFoldersTheSettingsFileNames() throws Exception {
        Map<String, String> settings = nightlyCsv();
        Path home = Path.of(settings.get("pb.home"));
        Path input = Path.of(settings.remove("pb.input")).toAbsolutePath().normalize();
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/application.properties"), "pb.input=" + input + "\n");
        Path copy = TestInputs.copyOfBundledInput(tmp.resolve("copy")).toAbsolutePath().normalize();
        Path pub = tmp.resolve("pub").toAbsolutePath().normalize();
        Path status = Files.createDirectories(Path.of(settings.get("pb.status")));
        // As the launcher writes them (pb-annex, note_run_failure): the folders after a tab each.
        String why = "no Java runtime found: install a JDK 17 or newer, or set PB_JAVA to its bin/java";
        // An input workbook given (run nightly --input inputs.xlsx) is the installation's input: the job's own failure.
        Files.writeString(status.resolve("nightly.failed"), "2026-12-01T02:29:00.000Z exit status 5: " + why + "\t--input="
                + tmp.resolve("inputs.xlsx").toAbsolutePath() + "\n2026-12-01T02:30:00.250Z exit status 5: " + why + "\t--input=" + input
                + "\n2026-12-01T02:31:00.999Z exit status 5: " + why + "\t--input=" + copy + "\t--output=" + pub + "\n");
        String trial = "(a run of the input folder " + copy + ", not the installation's input folder " + input + ", and into " + pub
                + ", not the installation's output folder " + tmp.resolve("out").toAbsolutePath().normalize() + ")";
        CliRun told = CliRun.capture(settings, "status", "nightly");
        assertEquals(5, told.status(), "the job's own failure: " + told);
        // Noted to the millisecond (the launcher's date +%3N, as Java's), shown to the second as every time is.
        assertTrue(row(told).contains("2 failures, the last: 2026-12-01T02:30:00Z exit status 5: " + why + "; for information, "
                + "1 failure of a trial run elsewhere, the last: 2026-12-01T02:31:00Z exit status 5: " + why + " " + trial), told.out());

        assertEquals(0, CliRun.capture(settings, "run", "nightly", "--input", copy.toString(), "--output", pub.toString()).status());
        String after = row(CliRun.capture(settings, "status", "nightly"));
        assertTrue(after.contains("2 failures, the last: ") && !after.contains("for information"), after);
        assertEquals(2, Files.readAllLines(status.resolve("nightly.failed")).size(), "the job's own stay as the launcher noted them");
        assertTrue(Files.readString(status.resolve("nightly.failed")).endsWith(why + "\t--input=" + input + "\n"));
    }

    /** A row of status's table but for its AGO column, which grows. */
    private static String withoutAge(String row) {
        return row.replaceFirst("^(\\S+\\s+\\S+\\s+\\S+ \\S+)\\s+.*?\\s+(no failure; )", "$1 $2");
    }

    /** The job's row in status's table. */
    private static String row(CliRun status) {
        return status.out().lines().filter(l -> l.startsWith("nightly")).findFirst()
                .orElseThrow(() -> new AssertionError(status.toString()));
    }

    @Test
    void aRunThatNamesNoJobIsNoJobsFailure() throws Exception {
        // At a terminal: a job misspelt, a job left out. Neither is a job's failure, nor may it leave a record that no
        // good run would ever clear; a mistake in the command line of a job jobs/ has is that job's (a crontab line's
        // would fail every night).
        Map<String, String> settings = nightlyCsv();
        CliRun misspelt = CliRun.capture(settings, "run", "nightlyy");
        assertEquals(2, misspelt.status(), misspelt.toString());
        assertTrue(misspelt.err().startsWith("pb-annex: unknown job 'nightlyy': the jobs are nightly"), misspelt.err());
        assertEquals(2, CliRun.capture(settings, "run").status());
        CliRun none = CliRun.capture(settings, "status");
        assertEquals("No run recorded yet (work/status/).", afterScheduler(none), none.toString());
        assertEquals(2, CliRun.capture(settings, "status", "nightlyy").status(), "still no job of that name");

        CliRun docx = CliRun.capture(settings, "run", "nightly", "--format", "docx");
        assertEquals(2, docx.status(), docx.toString());
        CliRun status = CliRun.capture(settings, "status");
        assertEquals(5, status.status(), status.toString());
        assertTrue(status.out().lines().anyMatch(l -> l.matches("nightly\\s+-\\s+none\\s+-\\s+1 failure, the last: .* exit status 2: "
                + "unknown format 'docx'.*")), status.out());
        assertTrue(status.out().strip().endsWith("Not well: 1 of 1."), status.out());
    }

    @Test
    void aRunNarrowedOnTheCommandLineIsNotTheJobsLastGoodRun() throws Exception {
        // One table's CSV is not what the nightly job publishes: its silence since the last whole run still counts.
        Map<String, String> settings = nightlyCsv();
        assertEquals(0, CliRun.capture(settings, "run", "nightly", "--tables", "a1").status());
        CliRun none = CliRun.capture(settings, "status", "nightly", "--max-age", "26h");
        assertEquals(5, none.status(), none.toString());
        assertEquals("No run recorded yet of the job nightly (work/status/).", afterScheduler(none));

        assertEquals(0, CliRun.capture(settings, "run", "nightly").status());
        CliRun narrowedAgain = CliRun.capture(settings, "run", "nightly", "--tables", "a1");
        assertTrue(narrowedAgain.out().startsWith("Nothing to do"), narrowedAgain.toString());
        CliRun well = CliRun.capture(settings, "status", "nightly", "--max-age", "26h");
        assertEquals(0, well.status(), well.toString());
        assertTrue(well.out().contains("no failure; run ") && well.out().contains(" published " + BundledCounts.tablesWord() + ", " + (BundledCounts.tables() + 1) + " files to "),
                "the whole run stays the last good one: " + well.out());
    }

    @Test
    void aMaxAgeOfZeroOrLessIsAUsageError() {
        // Every job would be "not well" (exit 5), and a monitor would raise the alarm for its own typo.
        for (String age : new String[] {"-1h", "0s", "0"}) {
            CliRun r = CliRun.capture(Map.of("pb.status", tmp.resolve("status").toString()), "status", "--max-age", age);
            assertEquals(2, r.status(), r.toString());
            assertTrue(r.err().startsWith("pb-annex: --max-age '" + age + "' is not a duration above zero such as 26h or 90m"),
                    r.err());
        }
    }

    @Test
    void onlyTheFailuresAfterTheLastGoodRunCount() throws Exception {
        // A failure whose back-to-normal message could not be sent stays in the file, to be told by the next good run;
        // the job has run well since all the same.
        Path status = Files.createDirectories(tmp.resolve("status"));
        Files.writeString(status.resolve("nightly.2022-23.good"), "2026-12-03T02:30:00Z run R published 17 tables\n");
        Files.writeString(status.resolve("nightly.2022-23.failed"), "2026-12-02T02:30:00Z exit status 5: the database\n"
                + "2026-12-03T03:00:00Z exit status 4: a check\n");
        var state = new org.pbannex.runtime.RunOutcomes(status).states().get(0);
        assertEquals("2022-23", state.biennium());
        assertEquals(java.util.List.of("2026-12-03T03:00:00Z exit status 4: a check"), state.failuresSinceLastGood());
        Files.writeString(status.resolve("nightly.2022-23.failed"), "2026-12-02T02:30:00Z exit status 5: the database\n");
        assertEquals(java.util.List.of(), new org.pbannex.runtime.RunOutcomes(status).states().get(0).failuresSinceLastGood());
    }

    @Test
    void aStatusFileEditedIntoSomethingElseIsNamedWithItsLine() throws Exception {
        Path status = Files.createDirectories(tmp.resolve("status"));
        Files.writeString(status.resolve("nightly.2022-23.failed"), "2026-12-02T02:30:00Z exit status 5: the database\n\n"
                + "the database was down\n");
        CliRun r = CliRun.capture(Map.of("pb.status", status.toString()), "status");
        assertEquals(5, r.status(), r.toString());
        assertEquals("pb-annex: " + status.resolve("nightly.2022-23.failed") + ", line 3: does not start with a time such as "
                + "2026-12-03T02:30:00.123Z (written by pb-annex; remove the file to start its record again): 'the database was down'",
                r.err().strip());
    }

    /**
     * Once a 2024-25 folder is added, the job without {@code biennia:} runs 2024-25 only: --max-age times that one, and
     * lists 2022-23, which it runs no more, for information (it alarmed for good, a tester found). A job naming both
     * times both. The job's own failure (a start skipped) stands beside its last good run, not "none"; a good run's
     * folder removed since is said so.
     */
    @Test
    void maxAgeTimesTheBienniaTheJobRunsNowAndTheJobsOwnRowShowsItsLastGoodRun() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home/jobs")).getParent();
        Files.writeString(home.resolve("jobs/nightly.yml"), "tables: all\n");
        Path input = tmp.resolve("input");
        Files.createDirectories(input.resolve("2022-23"));
        Files.createDirectories(input.resolve("2024-25"));
        Path out = tmp.resolve("out");
        Path kept = Files.createDirectories(out.resolve("2024-25/R2"));
        Path status = Files.createDirectories(tmp.resolve("status"));
        java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Files.writeString(status.resolve("nightly.2022-23.good"), "2026-01-05T02:30:00Z nothing to do, run R1 had published these "
                + "inputs already (" + out.resolve("2022-23/R1") + ")\n");
        Files.writeString(status.resolve("nightly.2024-25.good"), now.minusSeconds(60) + " run R2 published 17 tables, 24 files to "
                + kept + ", 1153 checks passed\n");
        Map<String, String> settings = Map.of("pb.home", home.toString(), "pb.input", input.toString(), "pb.output", out.toString(),
                "pb.status", status.toString());

        CliRun r = CliRun.capture(settings, "status", "nightly", "--max-age", "26h");
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("nightly\\s+2022-23\\s+2026-01-05 02:30:00\\s+\\d+ d \\d+ h\\s+no failure; "
                + "nothing to do, run R1 had published these inputs already \\(" + java.util.regex.Pattern.quote(out.resolve("2022-23/R1")
                .toString()) + "\\) \\(removed since, by the retention or by hand\\); for information, the job runs 2024-25 now, "
                + "not 2022-23 \\(--max-age does not apply to it\\)")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("nightly\\s+2024-25\\s+.*no failure; run R2 published 17 tables, 24 files to "
                + java.util.regex.Pattern.quote(kept.toString()) + ", 1153 checks passed")), r.out());
        assertTrue(r.out().strip().endsWith("All well."), r.out());

        Files.writeString(home.resolve("jobs/nightly.yml"), "tables: all\nbiennia: all\n");
        CliRun both = CliRun.capture(settings, "status", "nightly", "--max-age", "26h");
        assertEquals(5, both.status(), both.toString());
        assertTrue(both.out().contains("2022-23") && both.out().contains("no good run for more than 26h (--max-age)")
                && both.out().strip().endsWith("Not well: 1 of 2."), both.out());

        // A start skipped as the job's previous one held its lock: a failure of the job, which ran well a minute before.
        Files.writeString(status.resolve("nightly.failed"), now + " exit status 75: this start was skipped\n");
        CliRun skipped = CliRun.capture(settings, "status", "nightly");
        assertEquals(5, skipped.status(), skipped.toString());
        assertTrue(skipped.out().lines().anyMatch(l -> l.matches("nightly\\s+-\\s+" + java.util.regex.Pattern.quote(StatusCommand.TIME
                .format(now.minusSeconds(60))) + "\\s+1 min\\s+1 failure, the last: .* exit status 75: this start was skipped")),
                skipped.out());
    }

    @Test
    void agesAreWrittenForAPerson() {
        assertEquals("45 s", StatusCommand.ago(Duration.ofSeconds(45)));
        assertEquals("12 min", StatusCommand.ago(Duration.ofMinutes(12)));
        assertEquals("2 h 43 min", StatusCommand.ago(Duration.ofMinutes(163)));
        assertEquals("3 d 4 h", StatusCommand.ago(Duration.ofHours(76)));
    }

    /** What status says after its first line, which says whether a scheduler runs (none in these tests). */
    private static String afterScheduler(CliRun r) {
        var lines = r.out().strip().lines().toList();
        assertTrue(lines.get(0).startsWith("Scheduler: not running for "), r.out());
        return String.join("\n", lines.subList(1, lines.size()));
    }
}
