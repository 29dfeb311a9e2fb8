package org.pbannex.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.ChildRun;
import org.pbannex.CliRun;

/**
 * Overlapping runs on a real PostgreSQL server (started by the test): runs of one biennium into one output folder
 * exclude each other for their whole length through a lease in the database; a holder that dies, or whose heartbeat
 * stops, is taken over.
 */
class UnattendedRunsPostgresTest {

    private static final Duration LONG = Duration.ofMinutes(3);
    static EmbeddedPostgres postgres;
    static int database;
    static String databaseName;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    /** Each test its own database, so job instances of one test are not those of another. */
    private Map<String, String> settings() throws Exception {
        String name = "t" + (++database);
        databaseName = name;
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        Map<String, String> m = new HashMap<>();
        m.put("spring.datasource.url", postgres.getJdbcUrl("postgres", name));
        m.put("spring.datasource.username", "postgres");
        m.put("spring.datasource.password", "");
        m.put("pb.status", tmp.resolve("status-" + name).toString());
        m.put("pb.layout-memory", tmp.resolve("layout-" + name).toString());
        return m;
    }

    private static Map<String, String> with(Map<String, String> settings, String key, String value) {
        Map<String, String> m = new HashMap<>(settings);
        m.put(key, value);
        return m;
    }

    @Test
    void threeRunsStartedTogetherOnePublishesTheOthersNameIt() throws Exception {
        Path out = tmp.resolve("out");
        Map<String, String> settings = CutNightly.in(tmp, settings());
        CliRun.capture(settings, "history"); // the schema, so that three first runs do not all migrate at once
        List<ChildRun> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            // Each holds at its check step (the lock is held from the start of a run), so the three certainly overlap;
            // rendering three editions at once would only make the test slow.
            runs.add(ChildRun.start(tmp, "run" + i, with(settings, "pb.run.pause-at", "check"), "run", "nightly", "--output",
                    out.toString()));
        }
        String runId = awaitAnyPause(out.resolve("2022-23"), "check");
        // A refused run says why on stderr and ends; the winner stays paused, silent: wait until all but one have spoken.
        long until = System.currentTimeMillis() + LONG.toMillis();
        while (runs.stream().filter(r -> !r.alive() || !r.err().isEmpty()).count() < runs.size() - 1
                && System.currentTimeMillis() < until) {
            Thread.sleep(200);
        }
        ChildRun winner = null;
        int refused = 0;
        for (ChildRun r : runs) {
            if (r.err().isEmpty() && r.alive()) {
                winner = r;
                continue;
            }
            assertEquals(5, r.waitFor(LONG), r.err());
            List<String> lines = r.err().strip().lines().toList();
            assertEquals(1, lines.size(), r.err());
            assertTrue(lines.get(0).contains(runId), "names the run that holds the biennium: " + lines.get(0));
            assertEquals("", r.out());
            refused++;
        }
        assertEquals(2, refused);
        winner.kill();
        CliRun again = CliRun.capture(settings, "run", "nightly", "--output", out.toString());
        assertEquals(0, again.status(), again.toString());
        assertEquals(runId, CutNightly.publishedRun(out));
    }

    private static String awaitAnyPause(Path bienniumDir, String step) throws Exception {
        long until = System.currentTimeMillis() + LONG.toMillis();
        while (System.currentTimeMillis() < until) {
            if (java.nio.file.Files.isDirectory(bienniumDir)) {
                try (var s = java.nio.file.Files.list(bienniumDir)) {
                    var marker = s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".paused-") && n.endsWith("-" + step))
                            .findFirst();
                    if (marker.isPresent()) {
                        return marker.get().substring(".paused-".length(), marker.get().length() - step.length() - 1);
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no run paused at " + step);
    }

    @Test
    void aKilledLockHolderIsTakenOverAtOnce() throws Exception {
        Path out = tmp.resolve("out");
        Map<String, String> settings = CutNightly.in(tmp, settings());
        ChildRun holder = ChildRun.start(tmp, "holder", with(settings, "pb.run.pause-at", "check"), "run", "nightly", "--output",
                out.toString());
        String runId = holder.awaitPause(out.resolve("2022-23"), "check", LONG);
        CliRun refused = CliRun.capture(settings, "run", "nightly", "--force", "--output", out.toString());
        assertEquals(5, refused.status(), refused.toString());
        assertTrue(refused.err().contains("another run (" + runId + ", pid " + holder.pid()), refused.err());
        holder.kill();
        CliRun next = CliRun.capture(settings, "run", "nightly", "--force", "--output", out.toString());
        assertEquals(0, next.status(), next.toString());
    }

    @Test
    void aHolderWhoseHeartbeatStoppedIsTakenOverAfterTheLease() throws Exception {
        Path out = tmp.resolve("out").toAbsolutePath().normalize();
        Map<String, String> settings = CutNightly.in(tmp, with(with(settings(), "pb.run.lease", "5s"), "pb.run.heartbeat", "1s"));
        CliRun.capture(settings, "history");
        var database = postgres.getDatabase("postgres", databaseName);
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            // A run on another machine: its process cannot be looked at, only its heartbeat.
            s.executeUpdate("INSERT INTO pb_run_lock (lock_key, biennium, output_dir, run_id, host, pid, acquired_at, heartbeat_at) "
                    + "VALUES ('" + RunLease.key("2022-23", out.toString()) + "', '2022-23', '" + out + "', 'remote-run', "
                    + "'another-host', 4242, now(), now())");
        }
        // While its heartbeat goes on, the lock is its own.
        var beating = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        beating.scheduleAtFixedRate(() -> {
            try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE pb_run_lock SET heartbeat_at = now() WHERE run_id = 'remote-run'");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }, 0, 500, java.util.concurrent.TimeUnit.MILLISECONDS);
        try {
            CliRun refused = CliRun.capture(settings, "run", "nightly", "--output", out.toString());
            assertEquals(5, refused.status(), refused.toString());
            assertTrue(refused.err().contains("another run (remote-run, pid 4242 on another-host)"), refused.err());
        } finally {
            beating.shutdownNow();
            beating.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        }
        // Its heartbeat stops: after the lease, the lock is taken over.
        Thread.sleep(5500);
        CliRun next = CliRun.capture(settings, "run", "nightly", "--output", out.toString());
        assertEquals(0, next.status(), next.toString());
    }

    /** A short lease, for a holder made silent by SIGSTOP: alive, and no heartbeat. */
    private Map<String, String> shortLease() throws Exception {
        return with(with(settings(), "pb.run.lease", "3s"), "pb.run.heartbeat", "1s");
    }

    private static void signal(ChildRun r, String name) throws Exception {
        r.signal(name);
    }

    @Test
    void aHolderStoppedOnThisHostIsTakenOverOnceSilentForTheLease() throws Exception {
        Path out = tmp.resolve("out").toAbsolutePath().normalize();
        Map<String, String> settings = CutNightly.in(tmp, shortLease());
        ChildRun holder = ChildRun.start(tmp, "holder", with(settings, "pb.run.pause-at", "check"), "run", "nightly", "--output",
                out.toString());
        String runId = holder.awaitPause(out.resolve("2022-23"), "check", LONG);
        // Alive and stopped (SIGSTOP, Ctrl-Z, a debugger): it renews nothing until continued. It kept the lock for ever.
        signal(holder, "STOP");
        CliRun taker;
        try {
            Thread.sleep(4500);
            taker = CliRun.capture(settings, "run", "nightly", "--force", "--no-distribute", "--output", out.toString());
            assertEquals(0, taker.status(), taker.toString());
            assertTrue(taker.err().contains("pb-annex: took over the lock of 2022-23 in " + out + " from run " + runId + " (pid "
                    + holder.pid() + " on ") && taker.err().contains("): its process is stopped (SIGSTOP or a debugger: state T) "
                    + "and its heartbeat silent since ") && taker.err().contains("continued, it stops at its next step"), taker.err());
        } finally {
            signal(holder, "CONT");
        }
        String takerId = CutNightly.publishedRun(out);
        java.nio.file.Files.deleteIfExists(out.resolve("2022-23/.paused-" + runId + "-check"));
        // Continued, it goes on to its next step, finds its lock taken over and stops there, publishing nothing.
        assertEquals(5, holder.waitFor(LONG), holder.err());
        List<String> lines = holder.err().strip().lines().toList();
        assertEquals(1, lines.size(), "one line: " + holder.err());
        assertTrue(lines.get(0).startsWith("pb-annex: run " + runId + " lost its lock of 2022-23 in " + out + " to run " + takerId
                + " (pid "), lines.get(0));
        assertEquals(List.of(out.resolve("2022-23/" + takerId)), CutNightly.runFolders(out).stream()
                .filter(f -> !f.getFileName().toString().equals("failed")).toList(), "the taker's run alone is published");
    }

    @Test
    void aRunThatLostItsLockSaysToWhichRunNotADatabaseFailure() throws Exception {
        Path out = tmp.resolve("out").toAbsolutePath().normalize();
        Map<String, String> settings = CutNightly.in(tmp, shortLease());
        // A run on another machine (its host name says so), silent for longer than the lease: taken over.
        ChildRun holder = ChildRun.start(tmp, "holder", with(settings, "pb.run.pause-at", "check"), Map.of("HOSTNAME", "another-host"),
                "run", "nightly", "--output", out.toString());
        String runId = holder.awaitPause(out.resolve("2022-23"), "check", LONG);
        signal(holder, "STOP");
        CliRun taker;
        try {
            Thread.sleep(4500);
            taker = CliRun.capture(settings, "run", "nightly", "--force", "--no-distribute", "--output", out.toString());
            assertEquals(0, taker.status(), taker.toString());
        } finally {
            signal(holder, "CONT");
        }
        String takerId = CutNightly.publishedRun(out);
        // (The taker, once published, removed what the other run had left in the folder, its marker with it.)
        java.nio.file.Files.deleteIfExists(out.resolve("2022-23/.paused-" + runId + "-check"));
        assertEquals(5, holder.waitFor(LONG), holder.err());
        List<String> lines = holder.err().strip().lines().toList();
        assertEquals(1, lines.size(), "one line: " + holder.err());
        assertTrue(lines.get(0).startsWith("pb-annex: run " + runId + " lost its lock of 2022-23 in " + out + " to run " + takerId
                + " (pid "), lines.get(0));
        assertTrue(java.nio.file.Files.isRegularFile(out.resolve("2022-23/" + takerId + "/manifest.json")), "the taker's run stays");
        assertTrue(!java.nio.file.Files.exists(out.resolve("2022-23/" + runId)), "the run that lost its lock published nothing");
    }

    @Test
    void preflightOnPostgresNamesTheServerAndALiveRunHoldingTheLock() throws Exception {
        Map<String, String> settings = settings();
        Path out = tmp.resolve("out").toAbsolutePath();
        CliRun ready = CliRun.capture(settings, "preflight", "nightly", "--output", out.toString());
        assertEquals(0, ready.status(), ready.toString());
        assertTrue(ready.out().lines().anyMatch(l -> l.matches("ok\\s+database\\s+PostgreSQL at localhost:\\d+ \\(database "
                + databaseName + ", user postgres\\): reachable, its tables up to date")), ready.out());
        org.pbannex.HeldLocks.holdAsAliveRun(settings, "2022-23", out.toString(), "last-night");
        CliRun held = CliRun.capture(settings, "preflight", "nightly", "--output", out.toString());
        assertEquals(0, held.status(), "a held lock is a note: it ends with the run that holds it: " + held);
        assertTrue(held.out().lines().anyMatch(l -> l.matches("note\\s+lock 2022-23\\s+held by the run last-night, .*")), held.out());
    }

    @Test
    void aDatabaseThatIsDownIsOneLineNamingHostAndPort() throws Exception {
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort(); // free, then closed: nothing listens there
        }
        ChildRun r = ChildRun.start(tmp, "down", Map.of(), Map.of("PB_DATABASE_URL", "jdbc:postgresql://127.0.0.1:" + port + "/pbannex",
                "PB_DATABASE_USER", "budget", "PB_DATABASE_PASSWORD", "s3cret"), "run", "nightly", "--output", tmp.resolve("out").toString());
        assertEquals(5, r.waitFor(LONG), r.err());
        List<String> lines = r.err().strip().lines().toList();
        assertEquals(1, lines.size(), "one line, no stack trace: " + r.err());
        assertTrue(lines.get(0).startsWith("pb-annex: PostgreSQL at 127.0.0.1:" + port + " (database pbannex, user budget) is unavailable: "),
                lines.get(0));
        assertTrue(!lines.get(0).contains("s3cret"), "never the password");
        assertEquals("", r.out(), "nothing on stdout");
    }

    @Test
    void aServerThatGoesAwayMidRunIsOneLineNamingIt() throws Exception {
        // A server of its own, stopped while the run is held before it publishes.
        EmbeddedPostgres own = EmbeddedPostgres.builder().start();
        try {
            Map<String, String> settings = new HashMap<>();
            settings.put("spring.datasource.url", own.getJdbcUrl("postgres", "postgres"));
            settings.put("spring.datasource.username", "postgres");
            settings.put("spring.datasource.password", "");
            settings.put("spring.datasource.hikari.connection-timeout", "2000");
            settings.put("pb.status", tmp.resolve("status-own").toString());
            settings.put("pb.layout-memory", tmp.resolve("layout-own").toString());
            settings.put("pb.run.pause-at", "publish");
            settings = CutNightly.in(tmp, settings);
            Path out = tmp.resolve("out");
            ChildRun r = ChildRun.start(tmp, "gone", settings, "run", "nightly", "--output", out.toString());
            String runId = r.awaitPause(out.resolve("2022-23"), "publish", LONG);
            own.close();
            own = null;
            java.nio.file.Files.delete(out.resolve("2022-23/.paused-" + runId + "-publish"));
            assertEquals(5, r.waitFor(LONG), r.err());
            List<String> lines = r.err().strip().lines().toList();
            assertEquals(1, lines.size(), "one line, no stack trace: " + r.err());
            assertTrue(lines.get(0).matches("pb-annex: run " + java.util.regex.Pattern.quote(runId)
                    + " failed: PostgreSQL at localhost:\\d+ \\(database postgres, user postgres\\) failed: .+"), lines.get(0));
            // Nothing published; the failed run's report is there (DatabaseLostPostgresTest reads it).
            assertEquals(List.of(out.resolve("2022-23/failed")), CutNightly.runFolders(out), "nothing published");
        } finally {
            if (own != null) {
                own.close();
            }
        }
    }
}
