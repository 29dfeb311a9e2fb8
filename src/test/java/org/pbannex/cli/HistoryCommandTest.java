package org.pbannex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.CliRun;
import org.pbannex.FailedRuns;
import org.pbannex.TestInputs;

/** history's options: a count that lists nothing is a usage error naming the option, not the database's words. */
class HistoryCommandTest {

    @TempDir
    Path tmp;

    @Test
    void aLimitBelowOneIsAUsageError() {
        for (String limit : new String[] {"-1", "0"}) {
            CliRun r = CliRun.run(tmp.resolve("db"), "history", "--limit", limit);
            assertEquals(2, r.status(), r.toString());
            assertEquals("pb-annex: --limit must be at least 1, not " + limit, r.err().lines().findFirst().orElse(""), r.err());
        }
        CliRun one = CliRun.run(tmp.resolve("db"), "history", "--limit", "1");
        assertEquals(0, one.status(), one.toString());
    }

    /**
     * A run that reached no reviewer: the command history suggests is one that works, so it suggests distribute for a
     * published run only (with the folder it was published to); a failed run, which distribute refuses, gets none.
     */
    @Test
    void historySuggestsDistributeOnlyForAPublishedRun() throws Exception {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        Path out = tmp.resolve("out");
        Path db = tmp.resolve("db");
        Path budget = input.resolve("2022-23/budget.csv");
        String line3 = TestInputs.line(budget, 3);
        TestInputs.replaceLine(budget, 3, "GB,31,8,37,11,15668625,n/a,18493785,189787");
        FailedRuns.assertFailed(CliRun.run(db, "run", "nightly", "--input", input.toString(), "--output", out.toString()), out, 3);
        String failed = runIdOf(CliRun.run(db, "history").out(), "FAILED");
        CliRun detail = CliRun.run(db, "history", failed);
        assertEquals(0, detail.status(), detail.toString());
        assertTrue(detail.out().contains("Distributions: none (only a published run is sent to the reviewers)"), detail.out());
        assertFalse(detail.out().contains("pb-annex distribute"), detail.out());
        // The failed step's line says the input's mistake, not the Java class that carried it (an exploratory test's find).
        String said = detail.out();
        String validate = said.lines().filter(l -> l.matches(".*\\bvalidate\\s+FAILED\\b.*")).findFirst()
                .orElseThrow(() -> new AssertionError(said));
        assertTrue(validate.contains(input + "/2022-23/budget.csv, line 3") && !validate.contains("org.pbannex"), validate);
        CliRun refused = CliRun.run(db, "distribute", failed, "--output", out.toString(), "--input", input.toString(), "--dry-run");
        assertEquals(2, refused.status(), "distribute refuses a failed run: " + refused);

        TestInputs.replaceLine(budget, 3, line3);
        CliRun published = CliRun.run(db, "run", "nightly", "--input", input.toString(), "--output", out.toString(), "--tables", "a3",
                "--format", "xlsx", "--lang", "zh");
        assertEquals(0, published.status(), published.toString());
        String ok = runIdOf(CliRun.run(db, "history").out(), "PUBLISHED");
        detail = CliRun.run(db, "history", ok);
        String suggested = "./pb-annex distribute " + ok + " --output " + out.toAbsolutePath().normalize();
        assertTrue(detail.out().contains("Distributions: none (" + suggested + " sends it to the reviewers)"), detail.out());
        // The command suggested works (as a dry run: no mail leaves the test).
        CliRun sent = CliRun.run(db, "distribute", ok, "--output", out.toAbsolutePath().normalize().toString(), "--input",
                input.toString(), "--dry-run");
        assertEquals(0, sent.status(), sent.toString());
        try (var written = Files.list(out.resolve("2022-23/" + ok + "/distribution"))) {
            assertTrue(written.anyMatch(f -> f.toString().endsWith(".eml")), "a message written for the reviewer of every table");
        }
    }

    /**
     * Whether a run is a trial is as the installation's folders were when it ran: a run whose output folder came from
     * PB_OUTPUT (a crontab's line) is the installation's own for a `history` typed without it, and a run into another
     * folder stays a trial for a `history` whose settings name that folder (it was said "(trial)" or not by the
     * settings of the history command itself, unlike status).
     */
    @Test
    void aRunIsATrialOrNotAsTheSettingsWereWhenItRan() throws Exception {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        TestInputs.replaceLine(input.resolve("2022-23/budget.csv"), 3, "GB,31,8,37,11,15668625,n/a,18493785,189787");
        Path out = tmp.resolve("out").toAbsolutePath().normalize();
        Path other = tmp.resolve("other").toAbsolutePath().normalize();
        java.util.Map<String, String> withoutOutput = new java.util.HashMap<>(CliRun.h2(tmp.resolve("db")));
        withoutOutput.put("pb.input", input.toString());
        java.util.Map<String, String> cron = new java.util.HashMap<>(withoutOutput);
        cron.put("pb.output", out.toString());
        FailedRuns.assertFailed(CliRun.capture(cron, "run", "nightly", "--format", "csv"), out, 3);
        String own = runIdOf(CliRun.capture(cron, "history").out(), "FAILED");
        FailedRuns.assertFailed(CliRun.capture(cron, "run", "nightly", "--format", "csv", "--output", other.toString()), other, 3);

        java.util.Map<String, String> typed = new java.util.HashMap<>(withoutOutput);
        typed.put("pb.output", other.toString());
        for (var settings : java.util.List.of(withoutOutput, typed)) {
            CliRun list = CliRun.capture(settings, "history");
            java.util.List<String> failed = list.out().lines().filter(l -> l.contains(" FAILED ")).toList();
            assertEquals(2, failed.size(), list.out());
            assertFalse(failed.stream().filter(l -> l.startsWith(own + " ")).findFirst().orElseThrow().contains("(trial)"), list.out());
            assertTrue(failed.stream().filter(l -> !l.startsWith(own + " ")).findFirst().orElseThrow().contains("(trial)"), list.out());
            assertFalse(CliRun.capture(settings, "history", own).out().contains("\nTrial "), "its own view says no trial either");
        }
    }

    /**
     * A failed trial run (another input folder than the installation's, or into another output folder) is marked in the
     * list as a published one is, and history RUN_ID says what made it a trial; a failed run of the installation's own
     * is neither.
     */
    @Test
    void aFailedTrialRunIsMarkedInTheListAndInItsOwnView() throws Exception {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        Path copy = TestInputs.copyOfBundledInput(tmp.resolve("copy"));
        Path out = tmp.resolve("out").toAbsolutePath().normalize();
        java.util.Map<String, String> settings = new java.util.HashMap<>(CliRun.h2(tmp.resolve("db")));
        settings.put("pb.input", input.toString());
        settings.put("pb.output", out.toString());
        for (Path in : java.util.List.of(input, copy)) {
            TestInputs.replaceLine(in.resolve("2022-23/budget.csv"), 3, "GB,31,8,37,11,15668625,n/a,18493785,189787");
        }
        FailedRuns.assertFailed(CliRun.capture(settings, "run", "nightly", "--format", "csv"), out, 3);
        String own = runIdOf(CliRun.capture(settings, "history").out(), "FAILED");
        FailedRuns.assertFailed(CliRun.capture(settings, "run", "nightly", "--format", "csv", "--input", copy.toString()), out, 3);

        CliRun list = CliRun.capture(settings, "history");
        assertEquals(0, list.status(), list.toString());
        java.util.List<String> failed = list.out().lines().filter(l -> l.contains(" FAILED ")).toList();
        assertEquals(2, failed.size(), list.out());
        String trialRow = failed.stream().filter(l -> !l.startsWith(own + " ")).findFirst().orElseThrow();
        String ownRow = failed.stream().filter(l -> l.startsWith(own + " ")).findFirst().orElseThrow();
        // Its message, which names the copy's file, after the mark.
        assertTrue(trialRow.matches(".* \\(trial\\) \\S.*copy.*budget\\.csv.*"), list.out());
        assertFalse(ownRow.contains("(trial)"), list.out());

        String trial = trialRow.split("\\s+")[0];
        CliRun view = CliRun.capture(settings, "history", trial);
        assertEquals(0, view.status(), view.toString());
        assertTrue(view.out().contains("\nTrial     a run of the input folder " + copy.toAbsolutePath().normalize()
                + ", not the installation's input folder " + input.toAbsolutePath().normalize()
                + "; status counts it for information only\n"), view.out());
        CliRun ownView = CliRun.capture(settings, "history", own);
        assertFalse(ownView.out().contains("Trial"), ownView.out());
    }

    /**
     * distribute RUN_ID of a trial run, published with --output into another folder, without --output: the run is not
     * in the installation's output folder, and the line says where the run history has it and the command that sends
     * it (it said only "no published run"); once its folder is removed, that.
     */
    @Test
    void distributeOfATrialRunSaysWhereItsHistoryHasIt() throws Exception {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        Path trialOut = tmp.resolve("trial-out").toAbsolutePath().normalize();
        Path own = tmp.resolve("own-out").toAbsolutePath().normalize();
        java.util.Map<String, String> settings = new java.util.HashMap<>(CliRun.h2(tmp.resolve("db")));
        settings.put("pb.output", own.toString());
        CliRun published = CliRun.capture(settings, "run", "nightly", "--input", input.toString(), "--output", trialOut.toString(),
                "--tables", "a3", "--format", "xlsx", "--lang", "zh");
        assertEquals(0, published.status(), published.toString());
        String trial = runIdOf(CliRun.capture(settings, "history").out(), "PUBLISHED");
        CliRun notHere = CliRun.capture(settings, "distribute", trial, "--input", input.toString(), "--dry-run");
        assertEquals(2, notHere.status(), notHere.toString());
        String command = "./pb-annex distribute " + trial + " --output " + trialOut;
        Path folder = trialOut.resolve("2022-23").resolve(trial);
        assertEquals("pb-annex: no published run '" + trial + "' in " + own + "; the run history says it was published to " + folder
                + " (a trial run, into another output folder than the installation's): " + command + " sends it", notHere.err().strip());
        // The command said works (as a dry run: no mail leaves the test).
        CliRun sent = CliRun.capture(settings, "distribute", trial, "--output", trialOut.toString(), "--input", input.toString(),
                "--dry-run");
        assertEquals(0, sent.status(), sent.toString());
        org.springframework.util.FileSystemUtils.deleteRecursively(folder);
        CliRun gone = CliRun.capture(settings, "distribute", trial, "--input", input.toString(), "--dry-run");
        assertEquals(2, gone.status(), gone.toString());
        assertEquals("pb-annex: no published run '" + trial + "' in " + own + "; the run history says it was published to " + folder
                + ", removed since (by the output folder's retention, which keeps the runs sent to reviewers, or by hand)",
                gone.err().strip());
    }

    private static String runIdOf(String history, String status) {
        return history.lines().filter(l -> l.contains(" " + status)).findFirst().orElseThrow(() -> new AssertionError(history))
                .split("\\s+")[0];
    }
}
