package org.pbannex.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pbannex.launcher.LauncherRuns.LONG;
import static org.pbannex.launcher.LauncherRuns.dataFolder;
import static org.pbannex.launcher.LauncherRuns.folderIn;
import static org.pbannex.launcher.LauncherRuns.runFolder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pbannex.BundledCounts;
import org.pbannex.Golden;
import org.pbannex.launcher.LauncherRuns.Result;

/**
 * The launcher's warm process, as a user meets it (an integration test, on the jar {@code package} built): it starts
 * in the background, from a terminal's run or on request, takes the commands of its folder and settings (printing what
 * a process of their own prints), and stops on request; Ctrl-C and a closed terminal stop its run as they stop a
 * process of its own; a warm process killed mid-run is noted under its run's biennium, whatever the database. Apart
 * from LauncherIT so that the other test JVM runs these while LauncherIT's first test prepares fast start-up (the
 * first command here waits for that preparation if it is still under way).
 */
class WarmProcessLauncherIT {

    /** Runs the launcher in a folder of this class's own (its database, warm process and status). */
    @RegisterExtension
    static final LauncherRuns runs = new LauncherRuns();

    /** A run whose warm process ends mid-run (killed) cannot note its failure: the launcher notes it in its job's status. */
    @Test
    void aRunWhoseWarmProcessEndsMidRunIsNotedInItsJobsStatus() throws Exception {
        warmProcessKilledMidRun("killed", new HashMap<>(runs.env()));
    }

    /**
     * The same with the database's URL in a settings file (the data folder's config/), which the launcher does not
     * read: the run is named all the same (found in review: it was named only for the embedded database's default or
     * PB_DATABASE_URL's, from its lock file).
     */
    @Test
    void aRunWhoseWarmProcessEndsMidRunIsNamedWithTheDatabaseInASettingsFile() throws Exception {
        Path data = dataFolder(runs.tmp().resolve("data-killed"));
        Files.createDirectories(data.resolve("config"));
        Files.writeString(data.resolve("config/application.properties"), "spring.datasource.url=jdbc:h2:file:"
                + data.resolve("elsewhere/pb-annex") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH\n");
        Map<String, String> e = new HashMap<>(runs.env());
        e.remove("PB_DATABASE_URL");
        e.put("PB_HOME", data.toString());
        warmProcessKilledMidRun("killed-settings", e);
        assertTrue(Files.exists(data.resolve("elsewhere/pb-annex.mv.db")), "the run was on the settings file's database");
    }

    /** The same on PostgreSQL (a real server, started by the test), which has no lock file at all. */
    @Test
    void aRunWhoseWarmProcessEndsMidRunIsNamedOnPostgresql() throws Exception {
        try (io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres = io.zonky.test.db.postgres.embedded.EmbeddedPostgres
                .builder().start()) {
            Map<String, String> e = new HashMap<>(runs.env());
            e.put("PB_DATABASE_URL", postgres.getJdbcUrl("postgres", "postgres"));
            e.put("PB_DATABASE_USER", "postgres");
            e.put("PB_DATABASE_PASSWORD", "");
            warmProcessKilledMidRun("killed-postgres", e);
        }
    }

    /**
     * Starts a warm process with these settings (its folder, status and output named by {@code name}), runs the nightly
     * run in it, kills it once the run renders, and checks what the launcher said and noted for the run, and what
     * {@code status} and {@code history} then say.
     */
    private static void warmProcessKilledMidRun(String name, Map<String, String> e) throws Exception {
        e.put("PB_SERVE_DIR", runs.tmp().resolve("warm-" + name).toString());
        e.put("PB_STATUS", runs.tmp().resolve("status-" + name).toString());
        Path out = runs.tmp().resolve("out-" + name);
        // The installation's output folder: a run into another is a trial, noted for information only.
        e.put("PB_OUTPUT", out.toString());
        Result start = runs.launcher(e, "serve");
        assertEquals(0, start.status(), start.toString());
        long pid = Long.parseLong(Files.readString(runs.tmp().resolve("warm-" + name + "/endpoint")).strip().split("\\s+")[2]);
        Path clientErr = runs.tmp().resolve(name + ".err");
        ProcessBuilder pb = new ProcessBuilder("bash", Golden.home().resolve("pb-annex").toString(), "run", "nightly", "--force",
                "--no-distribute", "--output", out.toString()).directory(Golden.home().toFile())
                .redirectOutput(runs.tmp().resolve(name + ".out").toFile()).redirectError(clientErr.toFile());
        pb.environment().putAll(e);
        Process client = pb.start();
        // Killed once the run is under way in it and recorded (its staging folder made as it renders), before it
        // publishes: its work folder is made before the history's row is written, and a kill then left no row (CI).
        Instant until = Instant.now().plus(LONG);
        while (!folderIn(out.resolve("2022-23"), ".staging-") && client.isAlive() && Instant.now().isBefore(until)) {
            Thread.sleep(20);
        }
        assertTrue(folderIn(out.resolve("2022-23"), ".staging-"), "the run never began rendering: " + Files.readString(clientErr));
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        assertTrue(client.waitFor(LONG.toSeconds(), TimeUnit.SECONDS));
        assertEquals(5, client.exitValue(), Files.readString(clientErr));
        // It could log nothing: the line names the process and the run it was running, and what resumes it.
        var said = Pattern.compile("pb-annex: (the warm process \\(pid " + pid + "\\) ended during the command, from outside"
                + " \\(it could log nothing of it\\): run (\\S+) stops here; the same command starts a new run \\(--force\\))")
                .matcher(Files.readString(clientErr));
        assertTrue(said.find(), Files.readString(clientErr));
        String line = said.group(1);
        String run = said.group(2);
        // Under the biennium the run was of, as the run notes its own failures: not the job's own, which status
        // listed on a row of no biennium (tester66 case 33).
        assertFalse(Files.exists(runs.tmp().resolve("status-" + name + "/nightly.failed")));
        List<String> noted = Files.readAllLines(runs.tmp().resolve("status-" + name + "/nightly.2022-23.failed"));
        assertEquals(1, noted.size(), noted.toString());
        // The line it said, with the folder the run was given, which Java tells (the installation's output folder,
        // PB_OUTPUT: its own run), and the run it ended.
        assertTrue(noted.get(0).endsWith(" exit status 5: " + line + "\t--output=" + out + "\trun=" + run), noted.get(0));
        e.put("PB_WARM", "off");
        Result told = runs.launcher(e, "status", "nightly");
        assertEquals(5, told.status(), told.toString());
        assertTrue(told.out().lines().anyMatch(l -> l.matches("nightly +2022-23 .*") && l.contains("1 failure, the last: ")
                && l.endsWith(" exit status 5: " + line)), told.toString());
        // The history, which finds the run's process dead, records that line for it, not "abandoned by a dead process".
        Result history = runs.launcher(e, "history");
        assertEquals(0, history.status(), history.toString());
        assertTrue(history.out().lines().anyMatch(l -> l.startsWith(run + " ") && l.contains(" FAILED ") && l.endsWith(line)),
                history.toString());
    }

    /** Two terminals that start a warm process at the same moment get one, and only the one that started it says so. */
    @Test
    void twoTerminalsStartingAWarmProcessAtOnceGetOneAndOneLineSaysSo() throws Exception {
        Map<String, String> e = runs.terminalEnv("two-terminals");
        try {
            var both = java.util.concurrent.Executors.newFixedThreadPool(2);
            var first = both.submit(() -> runs.onATerminal(e, "check"));
            var second = both.submit(() -> runs.onATerminal(e, "check"));
            List<Result> results = List.of(first.get(), second.get());
            both.shutdown();
            long pid = Long.parseLong(Files.readString(runs.tmp().resolve("two-terminals/endpoint")).strip().split("\\s+")[2]);
            for (Result r : results) {
                assertEquals(0, r.status(), r.toString());
            }
            assertEquals(1, results.stream().filter(r -> r.out().contains("pb-annex: started a warm process for this folder (pid "
                    + pid + ")")).count(), results.toString());
            assertEquals(1, results.stream().filter(r -> r.out().contains("started a warm process")).count(), results.toString());
        } finally {
            runs.launcher(e, "serve", "--stop");
        }
    }

    @Test
    void theWarmProcessStartsTakesTheFoldersCommandsAndStops() throws Exception {
        Result start = runs.launcher(runs.env(), "serve");
        assertEquals(0, start.status(), start.toString());
        assertTrue(start.out().contains("warm process ready"), start.toString());
        try {
            Result warm = runs.launcher(runs.env(), "check", "--verbose");
            Result cold = runs.launcher(runs.with("PB_WARM", "off"), "check", "--verbose");
            assertEquals(0, warm.status(), warm.toString());
            assertEquals(withoutSeconds(cold.out()), withoutSeconds(warm.out()));
            Result status = runs.launcher(runs.env(), "serve", "--status");
            assertTrue(status.out().contains("1 command(s) served"), "the check ran in it: " + status);
            // Another database, another locale, another time zone: each a process of its own (the launcher sends the
            // exported PB_*, SPRING_*, LC_*, TZ, ... variables; the warm process compares them with its own).
            for (Map.Entry<String, String> other : List.of(Map.entry("PB_DATABASE_URL", "jdbc:h2:file:" + runs.tmp().resolve("db2/pb-annex")),
                    Map.entry("LC_ALL", notAsInherited("LC_ALL", "C.UTF-8", "C")), Map.entry("TZ", notAsInherited("TZ", "Pacific/Chatham", "UTC")),
                    Map.entry("SPRING_MAIN_BANNER_MODE", notAsInherited("SPRING_MAIN_BANNER_MODE", "off", "console")))) {
                Result elsewhere = runs.launcher(runs.with(other.getKey(), other.getValue()), "check");
                assertEquals(0, elsewhere.status(), other + ": " + elsewhere);
            }
            Result still = runs.launcher(runs.env(), "serve", "--status");
            assertTrue(still.out().contains("1 command(s) served"), "none of those ran in it: " + still);
        } finally {
            Result stop = runs.launcher(runs.env(), "serve", "--stop");
            assertTrue(stop.out().contains("ends"), stop.toString());
        }
        Instant until = Instant.now().plusSeconds(60);
        while (Files.exists(runs.tmp().resolve("warm/endpoint")) && Instant.now().isBefore(until)) {
            Thread.sleep(100);
        }
        Result after = runs.launcher(runs.env(), "serve", "--status");
        assertTrue(after.out().contains("no warm process"), after.toString());
    }

    @Test
    void aRunsMistakeTypedAtATerminalIsNoFailureOfItsJobAndTheSameLineFromCronIs() throws Exception {
        Map<String, String> e = runs.terminalEnv("mistake-warm");
        Path status = runs.tmp().resolve("mistake-status");
        e.put("PB_STATUS", status.toString());
        String[] typo = {"run", "regenerate", "--tables", "A2-1,", "a3"};
        String said = "pb-annex: the list of --tables was split at a space ('A2-1,' then 'a3'): write --tables A2-1,a3 "
                + "without spaces, or quote it";
        try {
            // At a terminal: said there (in the warm process the run starts, as a terminal's run does), no failure kept.
            Result typed = runs.onATerminal(e, typo);
            assertEquals(2, typed.status(), typed.toString());
            assertTrue(typed.out().contains(said), typed.toString());
            assertFalse(Files.exists(status.resolve("regenerate.failed")), "typed at a terminal: " + typed);
            assertEquals(0, runs.launcher(e, "status").status(), "status all well");
            // The same line from cron (no terminal), taken by that warm process too: the job's failure.
            Result crontab = runs.launcher(e, typo);
            assertEquals(2, crontab.status(), crontab.toString());
            assertTrue(crontab.err().contains(said), crontab.toString());
            assertTrue(Files.readString(status.resolve("regenerate.failed")).contains("exit status 2: the list of --tables"),
                    "kept in the job's status");
            Result notWell = runs.launcher(e, "status");
            assertEquals(5, notWell.status(), notWell.toString());
        } finally {
            runs.launcher(e, "serve", "--stop");
        }
    }

    @Test
    void aRunOnATerminalStartsAWarmProcessThatTakesTheNextCommandsAndAScriptStartsNone() throws Exception {
        Map<String, String> e = runs.terminalEnv("auto-warm");
        // Without a terminal (cron, systemd, a script) a run starts no warm process.
        Path quiet = runs.tmp().resolve("out-no-terminal");
        Result plain = runs.launcher(e, "run", "regenerate", "--tables", "a2", "--lang", "zh", "--format", "csv", "--force",
                "--output", quiet.toString());
        assertEquals(0, plain.status(), plain.toString());
        assertEquals(0, runs.launcher(e, "check").status());
        assertTrue(runs.launcher(e, "serve", "--status").out().contains("no warm process"), "none started without a terminal");

        Path auto = runs.tmp().resolve("out-terminal");
        try {
            Result first = runs.onATerminal(e, "run", "regenerate", "--tables", "a2", "--lang", "zh", "--format", "csv",
                    "--force", "--output", auto.toString());
            assertEquals(0, first.status(), first.toString());
            assertTrue(first.out().contains("pb-annex: started a warm process for this folder"), first.toString());
            assertTrue(first.out().contains(BundledCounts.checks() + " checks passed"), first.toString());
            Result status = runs.launcher(e, "serve", "--status");
            assertTrue(status.out().contains("1 command(s) served"), "the run that started it ran in it: " + status);
            // The next commands start in it, without a terminal too, and PB_WARM (the launcher's own) refuses none.
            Map<String, String> start = new HashMap<>(e);
            start.put("PB_WARM", "start");
            Result check = runs.launcher(start, "check");
            assertEquals(0, check.status(), check.toString());
            assertTrue(runs.launcher(e, "serve", "--status").out().contains("2 command(s) served"), "the check ran in it");
        } finally {
            runs.launcher(e, "serve", "--stop");
        }
        // One started by a check regenerates annexes next, so it maps the one annex's class cache, not the check's.
        boolean caches = runs.launcher(runs.with("PB_SHOW_COMMAND", "1"), "check", "--help").err().contains("-XX:AOTCache=");
        try {
            Result check = runs.onATerminal(e, "check");
            assertEquals(0, check.status(), check.toString());
            Matcher pid = Pattern.compile("pid (\\d+)").matcher(runs.launcher(e, "serve", "--status").out());
            assertTrue(pid.find(), "a warm process started by the check");
            String command = Files.readString(Path.of("/proc", pid.group(1), "cmdline")).replace('\0', ' ');
            assertTrue(!caches || command.contains("pb-annex-run.aot") && !command.contains("pb-annex-check.aot"), command);
        } finally {
            runs.launcher(e, "serve", "--stop");
        }
        Path a = runFolder(quiet).resolve("csv");
        Path b = runFolder(auto).resolve("csv");
        assertEquals(-1, Files.mismatch(a.resolve("a2.csv"), b.resolve("a2.csv")), "the same CSV as a process of its own");
    }

    /**
     * Ctrl-C typed at the terminal of a run in the warm process it started stops the run as it stops one in a process of
     * its own: the launcher tells the warm process, says the run's line there and ends with status 130; the history
     * says it; and it is no failure of its job, the person who pressed it knowing. A terminal that closes under such a
     * run is a hang-up, the job's failure: SIGHUP, status 129, noted in its status. Found in review: the warm process
     * took every client that went away for a Ctrl-C.
     */
    @Test
    void ctrlCAtATerminalStopsTheRunInTheWarmProcessAndAClosedTerminalIsAHangUp() throws Exception {
        for (String how : List.of("ctrl-c", "closed")) {
            Map<String, String> e = runs.terminalEnv("warm-" + how);
            Path status = runs.tmp().resolve("status-" + how);
            Path out = runs.tmp().resolve("out-" + how);
            e.put("PB_STATUS", status.toString());
            e.put("PB_OUTPUT", out.toString()); // the installation's: a run into another is a trial
            e.put("PB_RUN_PAUSEAT", "check");
            Path typed = runs.tmp().resolve("typed-" + how + ".out");
            ProcessBuilder terminal = new ProcessBuilder("script", "-qec", "exec bash '" + Golden.home().resolve("pb-annex") + "' run "
                    + "regenerate --tables a2 --lang zh --format csv --no-distribute --output '" + out + "'", "/dev/null")
                    .directory(Golden.home().toFile()).redirectOutput(typed.toFile()).redirectErrorStream(true);
            terminal.environment().putAll(e);
            Process script = terminal.start();
            try {
                String runId = pausedAt(out.resolve("2022-23"), "check", script);
                if (how.equals("ctrl-c")) {
                    script.getOutputStream().write(3); // ^C, which the terminal turns into SIGINT
                    script.getOutputStream().flush();
                } else {
                    script.destroyForcibly(); // the terminal's window closed: SIGHUP to the launcher
                }
                // Held where it is (the stop ends the process within seconds): let go, it would publish before the stop.
                assertTrue(script.waitFor(LONG.toSeconds(), TimeUnit.SECONDS), "ended");
                Instant until = Instant.now().plusSeconds(60);
                while (Files.exists(runs.tmp().resolve("warm-" + how + "/endpoint")) && Instant.now().isBefore(until)) {
                    Thread.sleep(100);
                }
                assertFalse(Files.exists(runs.tmp().resolve("warm-" + how + "/endpoint")), "the warm process ended with the run");
                String signal = how.equals("ctrl-c") ? "SIGINT" : "SIGHUP";
                String line = "interrupted (" + signal + "); run " + runId + " stops here; the same command restarts it";
                Map<String, String> own = new HashMap<>(e);
                own.put("PB_WARM", "off");
                own.remove("PB_RUN_PAUSEAT");
                Result history = runs.launcher(own, "history", runId);
                assertTrue(history.out().contains("FAILED") && history.out().contains(line), history.toString());
                Path noted = status.resolve("regenerate.2022-23.failed");
                if (how.equals("ctrl-c")) {
                    String said = Files.readString(typed).replace("\r\n", "\n");
                    assertEquals(130, script.exitValue(), said);
                    assertTrue(said.contains("pb-annex: " + line + "\n"), "its line on the terminal: " + said);
                    assertFalse(Files.exists(noted), "a person's Ctrl-C is no failure of the job");
                } else {
                    assertTrue(Files.readString(noted).contains("exit status 129: " + line), Files.readString(noted));
                }
            } finally {
                script.destroyForcibly();
                runs.launcher(e, "serve", "--stop");
            }
        }
    }

    /** The id of the run paused at step in the biennium's folder, once it is (the process ending first fails the test). */
    private static String pausedAt(Path biennium, String step, Process process) throws Exception {
        return org.pbannex.ChildRun.pausedRun(biennium, step, LONG, process::isAlive, () -> "ended before pausing at " + step,
                () -> "did not pause at " + step);
    }

    @Test
    void aWarmProcessThatCannotStartLeavesTheRunToAProcessOfItsOwn() throws Exception {
        Map<String, String> e = new HashMap<>(runs.env());
        e.put("PB_WARM", "start");
        // A file where its folder should be: it cannot start.
        Path notAFolder = Files.writeString(runs.tmp().resolve("warm-is-a-file"), "");
        e.put("PB_SERVE_DIR", notAFolder.toString());
        Path out = runs.tmp().resolve("out-no-warm");
        Result r = runs.launcher(e, "run", "regenerate", "--tables", "a2", "--lang", "zh", "--format", "csv", "--force",
                "--output", out.toString());
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.err().contains("pb-annex: the warm process did not start"), r.toString());
        assertTrue(Files.isRegularFile(runFolder(out).resolve("csv/a2.csv")), "published by a process of its own");
    }

    /** {@code one}, or {@code other} when the tests' own environment already has {@code one} (and so would the warm process). */
    private static String notAsInherited(String name, String one, String other) {
        return one.equals(System.getenv(name)) ? other : one;
    }

    private static String withoutSeconds(String out) {
        return out.replaceAll("\\(\\d+\\.\\d s\\)", "(s)");
    }
}
