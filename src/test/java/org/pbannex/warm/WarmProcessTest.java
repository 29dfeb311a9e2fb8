package org.pbannex.warm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.ChildRun;
import org.pbannex.CliRun;
import org.pbannex.Golden;

/**
 * The warm process as the launcher meets it: a real {@code pb-annex serve} child process, and the launcher's own
 * client (scripts/warm-client.sh, run by bash). What a command prints, its exit status and what it publishes are what
 * the same command does in a process of its own; a command from elsewhere, with other settings, or while another runs
 * is left to a process of its own; a client that goes away mid-command ends the warm process; --stop ends it.
 */
@TestMethodOrder(MethodOrderer.MethodName.class)
class WarmProcessTest {

    private static final Duration LONG = Duration.ofMinutes(3);

    @TempDir
    static Path tmp;

    private static ChildRun server;
    private static Map<String, String> env;
    private static Map<String, String> settings;

    @BeforeAll
    static void startWarmProcess() throws Exception {
        env = Map.of("PB_SERVE_DIR", tmp.resolve("warm").toString());
        settings = new HashMap<>(CliRun.h2(tmp.resolve("db")));
        settings.put("pb.serve.warm-up", "false");
        server = ChildRun.start(tmp, "serve", settings, env, "serve");
        awaitEndpoint(server, tmp.resolve("warm"));
    }

    @AfterAll
    static void stopWarmProcess() throws Exception {
        if (server != null && server.alive()) {
            server.kill();
        }
    }

    @Test
    void aCheckPrintsWhatItPrintsInAProcessOfItsOwn() throws Exception {
        Client warm = client(env, Golden.home(), "check", "--verbose");
        CliRun cold = CliRun.capture(settings, "check", "--verbose");
        assertTrue(warm.served(), warm.toString());
        assertEquals(cold.status(), warm.status());
        assertEquals(withoutSeconds(cold.out()), withoutSeconds(warm.out()));
        assertTrue(warm.out().lines().count() > 1000, "every check listed");
    }

    @Test
    void aFailingCommandKeepsItsExitStatusAndItsOneLine() throws Exception {
        Client warm = client(env, Golden.home(), "check", "--biennium", "1999-00");
        CliRun cold = CliRun.capture(settings, "check", "--biennium", "1999-00");
        assertTrue(warm.served(), warm.toString());
        assertEquals(cold.status(), warm.status());
        assertTrue(warm.status() != 0, warm.toString());
        assertEquals(cold.err(), warm.err());
        assertEquals(cold.out(), warm.out());
    }

    @Test
    void aRunPublishesTheSameTidyCsvAsAProcessOfItsOwn() throws Exception {
        Path warmOut = tmp.resolve("warm-out");
        Path coldOut = tmp.resolve("cold-out");
        Client warm = client(env, Golden.home(), "run", "regenerate", "--tables", "a2", "--format", "csv", "--output", warmOut.toString());
        Map<String, String> coldSettings = new HashMap<>(CliRun.h2(tmp.resolve("cold-db")));
        CliRun cold = CliRun.capture(coldSettings, "run", "regenerate", "--tables", "a2", "--format", "csv", "--output", coldOut.toString());
        assertTrue(warm.served(), warm.toString());
        assertEquals(0, warm.status(), warm.toString());
        assertEquals(0, cold.status(), cold.toString());
        List<Path> warmCsv = csvFiles(warmOut);
        List<Path> coldCsv = csvFiles(coldOut);
        assertEquals(coldCsv.stream().map(p -> p.getFileName().toString()).toList(),
                warmCsv.stream().map(p -> p.getFileName().toString()).toList());
        assertFalse(warmCsv.isEmpty());
        for (int i = 0; i < warmCsv.size(); i++) {
            assertArrayEquals(Files.readAllBytes(coldCsv.get(i)), Files.readAllBytes(warmCsv.get(i)), warmCsv.get(i).toString());
        }
        // The run's thread pools end with its Spring context: a warm process must not gather them run after run.
        assertEquals(List.of(), runThreadsLeft(server.pid()));
    }

    /** Threads of a run's pools (partitioned steps, progress log, heartbeat) still alive in the process, after 10 s. */
    private static List<String> runThreadsLeft(long pid) throws Exception {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        List<String> left = List.of();
        for (Instant until = Instant.now().plusSeconds(10); Instant.now().isBefore(until); Thread.sleep(200)) {
            List<String> names = new ArrayList<>();
            try (Stream<Path> s = Files.list(tasks)) {
                for (Path t : s.toList()) {
                    try {
                        names.add(Files.readString(t.resolve("comm")).trim());
                    } catch (IOException gone) {
                        // The thread ended while we looked.
                    }
                }
            }
            left = names.stream().filter(n -> n.startsWith("render-") || n.startsWith("expenditure") || n.startsWith("heartbeat")).toList();
            if (left.isEmpty()) {
                break;
            }
        }
        return left;
    }

    @Test
    void otherSettingsOrAnotherFolderRunInAProcessOfTheirOwn() throws Exception {
        Map<String, String> other = new HashMap<>(env);
        other.put("PB_EXPENDITURE_ENGINE", "embedded");
        Client otherSettings = client(other, Golden.home(), "check");
        assertFalse(otherSettings.served(), otherSettings.toString());
        assertEquals("", otherSettings.out());
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Client otherFolder = client(env, elsewhere, "check");
        assertFalse(otherFolder.served(), otherFolder.toString());
        assertEquals("", otherFolder.out());
        // Its owner can still ask after it (and stop it) from there.
        Client status = client(other, elsewhere, "serve", "--status");
        assertTrue(status.served() && status.out().contains("warm process, pid"), status.toString());
    }

    /**
     * Found in exploratory testing: the client's terminal closed mid-run ended the warm process, and the run was
     * recorded as "exit status 5: CancellationException", its failure lost with the pool the ending closed. It is
     * stopped as that signal stops a run in a process of its own, noted before the pool closes: SIGHUP (status 129),
     * which its launcher tells it; found in review, it was said SIGINT whatever ended the client. A client killed
     * outright, which tells nothing, hung up: SIGHUP too. Unattended (no PB_TERMINAL), each is the job's failure.
     */
    @Test
    void aClientThatGoesAwayEndsTheWarmProcessAndABusyOneLeavesTheOthersToTheirOwn() throws Exception {
        for (String signal : List.of("HUP", "KILL")) {
            if (!signal.equals("KILL") && ChildRun.ignoredHere(signal)) {
                System.err.println("SIG" + signal + " is ignored by this test's process (nohup?): not sent");
                continue;
            }
            Interrupted stopped = interrupted(signal, Map.of(), true);
            assertEquals(129, stopped.warmStatus(), signal + ": ended as a process of its own on SIGHUP");
            String line = "interrupted (SIGHUP); run " + stopped.runId() + " stops here; the same command restarts it";
            if (signal.equals("HUP")) {
                assertEquals(129, stopped.clientStatus(), stopped.clientErr());
                assertEquals("pb-annex: " + line, stopped.clientErr().strip(), "the line a process of its own says");
            }
            assertEquals("FAILED 129 " + line, stopped.historyRow(), signal);
            assertEquals("\"exit_status\":129", stopped.manifestStatus(), signal);
            assertEquals(5, stopped.status().status(), signal + ": " + stopped.status());
            assertTrue(stopped.status().out().contains("exit status 129: " + line), signal + ": " + stopped.status());
        }
    }

    /**
     * Ctrl-C pressed at a terminal (the launcher's PB_TERMINAL, which it passes for each command) ends the command as
     * it ends a process of its own there: the client says its line and ends with status 130, the history and the run's
     * report record it, and the job's status keeps no failure of it (nor would anyone be mailed).
     */
    @Test
    void ctrlCAtTheClientsTerminalIsAPersonsAndItsLineIsSaidThere() throws Exception {
        assumeTrue(!ChildRun.ignoredHere("INT"), "SIGINT is ignored by this test's process (started in the background?)");
        Interrupted stopped = interrupted("INT", Map.of("PB_TERMINAL", "1"), false);
        String line = "interrupted (SIGINT); run " + stopped.runId() + " stops here; the same command restarts it";
        assertEquals(130, stopped.warmStatus());
        assertEquals(130, stopped.clientStatus(), stopped.clientErr());
        assertEquals("pb-annex: " + line, stopped.clientErr().strip());
        assertEquals("FAILED 130 " + line, stopped.historyRow());
        assertEquals("\"exit_status\":130", stopped.manifestStatus());
        assertEquals(0, stopped.status().status(), "no failure of the job: " + stopped.status());
    }

    /** What became of a run whose client was interrupted: the statuses, the client's stderr, the records. */
    record Interrupted(String runId, int warmStatus, int clientStatus, String clientErr, String historyRow,
                       String manifestStatus, CliRun status) {
    }

    /**
     * A warm process of its own, paused in a run's check step, whose client gets the signal (KILL: killed outright);
     * with {@code others}, the other clients meanwhile: a status is answered, a command left to a process of its own.
     */
    private static Interrupted interrupted(String signal, Map<String, String> clientEnv, boolean others) throws Exception {
        Path dir = tmp.resolve("paused-" + signal);
        Path out = dir.resolve("out");
        Map<String, String> pausedEnv = new HashMap<>(Map.of("PB_SERVE_DIR", dir.resolve("warm").toString(), "PB_RUN_PAUSEAT", "check"));
        // The installation's output folder, as the tester's run was: a trial's failure is no job's status.
        Map<String, String> installation = new HashMap<>(settings);
        installation.put("pb.output", out.toString());
        installation.put("pb.status", dir.resolve("status").toString());
        ChildRun paused = ChildRun.start(dir, "serve", installation, pausedEnv, "serve");
        try {
            awaitEndpoint(paused, dir.resolve("warm"));
            Map<String, String> runningEnv = new HashMap<>(pausedEnv);
            runningEnv.putAll(clientEnv);
            Path clientErr = dir.resolve("client.err");
            Process running = clientProcess(runningEnv, Golden.home(), "run", "regenerate", "--tables", "a2", "--format", "csv",
                    "--output", out.toString()).redirectError(clientErr.toFile()).start();
            String runId = paused.awaitPause(out.resolve("2022-23"), "check", LONG);

            if (others) {
                Client meanwhile = client(pausedEnv, Golden.home(), "serve", "--status");
                assertTrue(meanwhile.served() && meanwhile.out().contains("one running"), meanwhile.toString());
                Client busy = client(pausedEnv, Golden.home(), "check");
                assertFalse(busy.served(), "busy: " + busy);
                assertEquals("", busy.err(), "no terminal, no line: cron mail is the same either way");
                // At a terminal one line says why it runs in a process of its own (tester64 case 10).
                Client typed = clientOnATerminal(pausedEnv, Golden.home(), "check");
                assertFalse(typed.served(), "busy: " + typed);
                assertTrue(typed.out().contains("pb-annex: the warm process (pid " + paused.pid() + ") is running another"
                        + " command: starting a process of its own"), typed.toString());
            }

            new ProcessBuilder("kill", "-" + signal, String.valueOf(running.pid())).inheritIO().start().waitFor();
            int warmStatus = paused.waitFor(Duration.ofSeconds(60));
            assertTrue(running.waitFor(60, TimeUnit.SECONDS), "the client ended");
            assertFalse(Files.exists(dir.resolve("warm/endpoint")), "no endpoint left behind");

            String manifest = Files.readString(out.resolve("2022-23/failed/" + runId + "/manifest.json")).replaceAll("\\s", "");
            assertTrue(manifest.contains("\"status\":\"failed\""), manifest);
            Matcher exit = Pattern.compile("\"exit_status\":\\d+").matcher(manifest);
            assertTrue(exit.find(), manifest);
            // In the history as the process ended (no command since has read its report into it).
            String row;
            String message;
            try (var c = java.sql.DriverManager.getConnection(settings.get("spring.datasource.url"), "sa", "");
                 var q = c.prepareStatement("SELECT status, exit_status, message FROM pb_run WHERE run_id = ?")) {
                q.setString(1, runId);
                try (var r = q.executeQuery()) {
                    assertTrue(r.next(), "run " + runId + " in the history");
                    message = r.getString(3);
                    row = r.getString(1) + " " + r.getInt(2) + " " + message;
                }
            }
            CliRun history = CliRun.capture(installation, "history", runId);
            assertTrue(history.out().contains(message), history.toString());
            return new Interrupted(runId, warmStatus, running.exitValue(), Files.readString(clientErr), row, exit.group(),
                    CliRun.capture(installation, "status", "regenerate"));
        } finally {
            if (paused.alive()) {
                paused.kill();
            }
        }
    }

    @Test
    void aClientWithoutTheTokenIsTurnedAwayAndTheProcessServesOn() throws Exception {
        String[] endpoint = Files.readString(tmp.resolve("warm/endpoint")).trim().split(" ");
        Path forged = Files.createDirectories(tmp.resolve("forged"));
        Files.writeString(forged.resolve("endpoint"), endpoint[0] + " " + "0".repeat(32) + " " + endpoint[2] + "\n");
        Map<String, String> forgedEnv = Map.of("PB_SERVE_DIR", forged.toString());
        long start = System.nanoTime();
        Client turnedAway = client(forgedEnv, Golden.home(), "check");
        assertFalse(turnedAway.served(), turnedAway.toString());
        assertTrue(System.nanoTime() - start < 9_000_000_000L, "turned away at once, not after the client's wait");
        Client next = client(env, Golden.home(), "check");
        assertTrue(next.served(), next.toString());
    }

    @Test
    void zzStopEndsIt() throws Exception {
        // Last (the methods run in the order of their names): the other tests need the warm process.
        Client stop = client(env, Golden.home(), "serve", "--stop");
        assertTrue(stop.served(), stop.toString());
        assertEquals(0, stop.status());
        assertEquals(0, server.waitFor(Duration.ofSeconds(60)));
        assertFalse(Files.exists(tmp.resolve("warm/endpoint")));
        Client after = client(env, Golden.home(), "check");
        assertFalse(after.served(), after.toString());
    }

    /** What the launcher's client did: whether the warm process ran the command, its status and output. */
    record Client(boolean served, int status, String out, String err) {
    }

    private static Client client(Map<String, String> env, Path cwd, String... args) throws Exception {
        return client(clientProcess(env, cwd, args));
    }

    /** The same client at a terminal (script(1)): its output and error output are one terminal, as a person's are. */
    private static Client clientOnATerminal(Map<String, String> env, Path cwd, String... args) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "script(1) gives the client a terminal (util-linux)");
        StringBuilder line = new StringBuilder();
        for (String a : clientProcess(env, cwd, args).command()) {
            line.append(" '").append(a.replace("'", "'\\''")).append("'");
        }
        ProcessBuilder pb = new ProcessBuilder("script", "-qec", line.toString().strip(), "/dev/null").directory(cwd.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().putAll(env);
        Client c = client(pb);
        return new Client(c.served(), c.status(), c.out().replace("\r\n", "\n"), c.err());
    }

    private static Client client(ProcessBuilder pb) throws Exception {
        // Into files: a pipe that nobody reads while the client runs would stop it at 64 KB.
        Path outFile = Files.createTempFile(tmp, "client", ".out");
        Path errFile = Files.createTempFile(tmp, "client", ".err");
        Process p = pb.redirectOutput(outFile.toFile()).redirectError(errFile.toFile()).start();
        if (!p.waitFor(LONG.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the client did not end");
        }
        String out = Files.readString(outFile, StandardCharsets.UTF_8);
        String err = Files.readString(errFile, StandardCharsets.UTF_8);
        // The script's last line on stderr (at a terminal, in the one output): "WARM <served> <status>".
        if (!err.contains("WARM ")) {
            int at = out.lastIndexOf("WARM ");
            String[] marker = out.substring(at).trim().split(" ");
            return new Client(marker[1].equals("1"), Integer.parseInt(marker[2]), out.substring(0, at), "");
        }
        int at = err.lastIndexOf("WARM ");
        String[] marker = err.substring(at).trim().split(" ");
        return new Client(marker[1].equals("1"), Integer.parseInt(marker[2]), out, err.substring(0, at));
    }

    private static ProcessBuilder clientProcess(Map<String, String> env, Path cwd, String... args) {
        List<String> cmd = new ArrayList<>(List.of("bash", "-c", "PB_HOME=\"$1\"; shift; . \"$PB_HOME/scripts/warm-client.sh\"; "
                + "warm_run \"$@\"; echo \"WARM $WARM_SERVED $WARM_STATUS\" >&2", "client", Golden.home().toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
        pb.environment().putAll(env);
        return pb;
    }

    private static void awaitEndpoint(ChildRun process, Path dir) throws Exception {
        Instant until = Instant.now().plus(LONG);
        while (!Files.exists(dir.resolve("endpoint"))) {
            if (!process.alive() || Instant.now().isAfter(until)) {
                throw new AssertionError("the warm process is not ready: " + process.err() + process.out());
            }
            Thread.sleep(100);
        }
    }

    private static List<Path> csvFiles(Path out) throws IOException {
        try (Stream<Path> s = Files.walk(out)) {
            return s.filter(p -> p.toString().endsWith(".csv")).sorted((a, b) -> a.getFileName().compareTo(b.getFileName())).toList();
        }
    }

    private static String withoutSeconds(String out) {
        return out.replaceAll("\\(\\d+\\.\\d s\\)", "(s)");
    }
}
