package org.pbannex.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
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
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pbannex.RefusedPort;

/**
 * Overlapping runs on a real PostgreSQL server (started by the test): runs of one biennium into one output folder
 * exclude each other for their whole length through a lease in the database; a holder that dies, or whose heartbeat
 * stops, is taken over.
 */
class UnattendedRunsPostgresTest {

    /** A port of each test's own where nothing listens: a mail server or database that is down. */
    @RegisterExtension
    final RefusedPort noListener = new RefusedPort();


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
        return CliRun.postgres(postgres.getJdbcUrl("postgres", name), tmp.resolve(name));
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
            String line = r.oneLine(5, LONG);
            assertTrue(line.contains(runId), "names the run that holds the biennium: " + line);
            assertEquals("", r.out());
            refused++;
        }
        assertEquals(2, refused);
        winner.kill();
        CliRun again = CliRun.capture(settings, "run", "nightly", "--output", out.toString());
        assertEquals(0, again.status(), again.toString());
        assertEquals(runId, CutNightly.publishedRun(out));
    }

    /** The id of whichever run of those started at once paused at step first. */
    private static String awaitAnyPause(Path bienniumDir, String step) throws Exception {
        return org.pbannex.ChildRun.pausedRun(bienniumDir, step, LONG, () -> true, () -> "", () -> "no run paused at " + step);
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

    /** A run held at its check step and stopped past the lease, and the run that took its lock over. */
    private record Takeover(ChildRun holder, String holderId, CliRun taker, String takerId) {
    }

    /**
     * Starts a run into {@code out} (the child's environment {@code env}) that holds the lock at its check step, stops it
     * (SIGSTOP, Ctrl-Z, a debugger: alive, it renews nothing until continued, and kept the lock for ever) and, once silent
     * for longer than the lease, runs again: it takes the lock over and publishes. Continued, the stopped run goes on to
     * its next step, finds its lock taken over and stops there with one line, publishing nothing.
     */
    private Takeover takenOverWhileStopped(Map<String, String> settings, Map<String, String> env, Path out) throws Exception {
        ChildRun holder = ChildRun.start(tmp, "holder", with(settings, "pb.run.pause-at", "check"), env, "run", "nightly",
                "--output", out.toString());
        String holderId = holder.awaitPause(out.resolve("2022-23"), "check", LONG);
        holder.signal("STOP");
        CliRun taker;
        try {
            Thread.sleep(4500);
            taker = CliRun.capture(settings, "run", "nightly", "--force", "--no-distribute", "--output", out.toString());
            assertEquals(0, taker.status(), taker.toString());
        } finally {
            holder.signal("CONT");
        }
        String takerId = CutNightly.publishedRun(out);
        // (The taker, once published, removed what the other run had left in the folder, its marker with it.)
        Files.deleteIfExists(out.resolve("2022-23/.paused-" + holderId + "-check"));
        String line = holder.oneLine(5, LONG);
        assertTrue(line.startsWith("pb-annex: run " + holderId + " lost its lock of 2022-23 in " + out + " to run " + takerId
                + " (pid "), line);
        return new Takeover(holder, holderId, taker, takerId);
    }

    @Test
    void aHolderStoppedOnThisHostIsTakenOverOnceSilentForTheLease() throws Exception {
        Path out = tmp.resolve("out").toAbsolutePath().normalize();
        Takeover t = takenOverWhileStopped(CutNightly.in(tmp, shortLease()), Map.of(), out);
        assertTrue(t.taker().err().contains("pb-annex: took over the lock of 2022-23 in " + out + " from run " + t.holderId()
                + " (pid " + t.holder().pid() + " on ") && t.taker().err().contains("): its process is stopped (SIGSTOP or a "
                + "debugger: state T) and its heartbeat silent since ") && t.taker().err().contains("continued, it stops at its "
                + "next step"), t.taker().err());
        assertEquals(List.of(out.resolve("2022-23/" + t.takerId())), CutNightly.runFolders(out).stream()
                .filter(f -> !f.getFileName().toString().equals("failed")).toList(), "the taker's run alone is published");
    }

    @Test
    void aRunThatLostItsLockSaysToWhichRunNotADatabaseFailure() throws Exception {
        Path out = tmp.resolve("out").toAbsolutePath().normalize();
        // A run on another machine (its host name says so), silent for longer than the lease: taken over.
        Takeover t = takenOverWhileStopped(CutNightly.in(tmp, shortLease()), Map.of("HOSTNAME", "another-host"), out);
        assertTrue(Files.isRegularFile(out.resolve("2022-23/" + t.takerId() + "/manifest.json")), "the taker's run stays");
        assertTrue(!Files.exists(out.resolve("2022-23/" + t.holderId())), "the run that lost its lock published nothing");
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
        int port = noListener.port(); // nothing listens there
        // The test's own status folder and layout memory, not the installation's (its failure is noted there).
        ChildRun r = ChildRun.start(tmp, "down", Map.of("pb.status", tmp.resolve("status").toString(), "pb.layout-memory",
                tmp.resolve("layout").toString()), Map.of("PB_DATABASE_URL", "jdbc:postgresql://127.0.0.1:" + port + "/pbannex",
                "PB_DATABASE_USER", "budget", "PB_DATABASE_PASSWORD", "s3cret"), "run", "nightly", "--output", tmp.resolve("out").toString());
        String line = r.oneLine(5, LONG);
        assertTrue(line.startsWith("pb-annex: PostgreSQL at 127.0.0.1:" + port + " (database pbannex, user budget) is unavailable: "),
                line);
        assertTrue(!line.contains("s3cret"), "never the password");
        assertEquals("", r.out(), "nothing on stdout");
    }

    @Test
    void aServerThatGoesAwayMidRunIsOneLineNamingIt() throws Exception {
        // A server of its own, stopped while the run is held before it publishes.
        EmbeddedPostgres own = EmbeddedPostgres.builder().start();
        try {
            Map<String, String> settings = CliRun.postgres(own.getJdbcUrl("postgres", "postgres"), tmp.resolve("own"));
            settings.put("spring.datasource.hikari.connection-timeout", "2000");
            settings.put("pb.run.pause-at", "publish");
            settings = CutNightly.in(tmp, settings);
            Path out = tmp.resolve("out");
            ChildRun r = ChildRun.start(tmp, "gone", settings, "run", "nightly", "--output", out.toString());
            String runId = r.whilePaused(out.resolve("2022-23"), "publish", LONG, own::close);
            own = null;
            String line = r.oneLine(5, LONG);
            assertTrue(line.matches("pb-annex: run " + java.util.regex.Pattern.quote(runId)
                    + " failed: PostgreSQL at localhost:\\d+ \\(database postgres, user postgres\\) failed: .+"), line);
            // Nothing published; the failed run's report is there (DatabaseLostPostgresTest reads it).
            assertEquals(List.of(out.resolve("2022-23/failed")), CutNightly.runFolders(out), "nothing published");
        } finally {
            if (own != null) {
                own.close();
            }
        }
    }
}
