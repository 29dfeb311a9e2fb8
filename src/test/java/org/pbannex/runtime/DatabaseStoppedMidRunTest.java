package org.pbannex.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.ChildRun;
import org.pbannex.CliRun;
import org.pbannex.TestInputs;

/**
 * A real PostgreSQL server stopped (SIGSTOP, all its processes: as a host paused, or a server whose network is gone,
 * its connections open and silent) while a run uses it. A statement under way waited the driver's socket timeout (30
 * min then), and the expenditure lines' COPY, a write once the socket's buffers were full, for ever (until
 * pb.run.timeout): now each is the run's one line within the socket timeout, naming the server, what was under way
 * and the setting, exit status 5, its lock released by a note so that the next run (on any host) restarts it at once.
 * The server is continued in every test's cleanup. A statement that waits for another session's lock, the server
 * answering, is told apart: the server's lock_timeout ends it first, and its line names the lock and its holder.
 */
class DatabaseStoppedMidRunTest {

    private static final Duration LONG = Duration.ofMinutes(3);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(4);
    private static final Duration POOL_WAIT = Duration.ofSeconds(3);
    /** What a loaded machine may add: the pool's validation of an idle connection, the report, closing. */
    private static final Duration MARGIN = Duration.ofSeconds(10);

    @TempDir
    Path tmp;

    private EmbeddedPostgres server;
    private int port;
    /** Whether the server is stopped (continued in cleanup, whatever failed). */
    private boolean stopped;

    @BeforeEach
    void startServer() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        server = EmbeddedPostgres.builder().setDataDirectory(tmp.resolve("pgdata")).setCleanDataDirectory(false).setPort(port)
                .start();
    }

    @AfterEach
    void continueAndCloseServer() throws Exception {
        if (stopped) {
            signal("CONT");
        }
        server.close();
    }

    /** Sends {@code signal} (STOP, CONT) to the server's postmaster and every process it started. */
    private void signal(String signal) throws Exception {
        long postmaster = Long.parseLong(Files.readAllLines(tmp.resolve("pgdata/postmaster.pid")).get(0).strip());
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal, String.valueOf(postmaster)));
        ProcessHandle.of(postmaster).orElseThrow().children().forEach(c -> command.add(String.valueOf(c.pid())));
        assertEquals(0, new ProcessBuilder(command).inheritIO().start().waitFor(), command.toString());
        stopped = signal.equals("STOP");
    }

    /** A cut nightly job on the server, with short limits, into the installation's output folder. */
    private Map<String, String> settings() throws Exception {
        Map<String, String> settings = new HashMap<>();
        settings.put("spring.datasource.url", "jdbc:postgresql://localhost:" + port + "/postgres");
        settings.put("spring.datasource.username", "postgres");
        settings.put("spring.datasource.password", "");
        settings.put("pb.database.socket-timeout", SOCKET_TIMEOUT.toSeconds() + "s");
        settings.put("pb.database.connect-timeout", POOL_WAIT.toSeconds() + "s");
        settings.put("spring.datasource.hikari.connection-timeout", String.valueOf(POOL_WAIT.toMillis()));
        settings.put("pb.status", tmp.resolve("status").toString());
        settings.put("pb.layout-memory", tmp.resolve("layout").toString());
        settings.put("pb.output", tmp.resolve("out").toString());
        return CutNightly.in(tmp, settings);
    }

    private Path out() {
        return tmp.resolve("out");
    }

    /**
     * The run, held before its step render, as on another machine (its host name says so): this one cannot look at its
     * process, only at the note that releases its lock.
     */
    private ChildRun heldBeforeRender(Map<String, String> settings, String name) throws Exception {
        Map<String, String> held = new HashMap<>(settings);
        held.put("pb.run.pause-at", "render");
        return ChildRun.start(tmp, name, held, Map.of("HOSTNAME", "another-host"), "run", "nightly", "--output", out().toString());
    }

    /** Polls {@code sql} (a count) on {@code c} until it is above 0, while the run goes on. */
    private static void await(Connection c, String sql, ChildRun r) throws Exception {
        long until = System.nanoTime() + LONG.toNanos();
        while (System.nanoTime() < until) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                if (rs.next() && rs.getLong(1) > 0) {
                    return;
                }
            }
            assertTrue(r.alive(), "the run ended first: " + r.err());
            Thread.sleep(20);
        }
        throw new AssertionError("never: " + sql);
    }

    /**
     * Stops the server (then lets the run go on when it is held: {@code marker}, else null), and returns the run's one
     * line once it has ended with status 5, which it must within {@code within}.
     */
    private String stopServer(ChildRun r, Duration within, Path marker) throws Exception {
        signal("STOP");
        long at = System.nanoTime();
        if (marker != null) {
            Files.delete(marker);
        }
        assertEquals(5, r.waitFor(LONG), r.err());
        Duration took = Duration.ofNanos(System.nanoTime() - at);
        signal("CONT");
        List<String> lines = r.err().strip().lines().toList();
        assertEquals(1, lines.size(), "one line, no stack trace: " + r.err());
        assertTrue(took.compareTo(within) < 0, "the run ended " + took.toMillis() + " ms after the server stopped; expected within "
                + within.toMillis() + " ms: " + lines.get(0));
        return lines.get(0);
    }

    /**
     * The run's lock released by its note, and its report written; the server going again, the identical command
     * restarts it at once (not refused until the run on "another host" has been silent for pb.run.lease).
     */
    private void restartedAtOnce(Map<String, String> settings, String runId) throws Exception {
        assertTrue(Files.isRegularFile(out().resolve("2022-23/" + RunLease.RELEASED + runId)), "its lock released by a note");
        assertTrue(Files.isRegularFile(out().resolve("2022-23/failed/" + runId + "/report.html")), "its report written");
        CliRun again = CliRun.capture(settings, "run", "nightly", "--output", out().toString());
        assertEquals(0, again.status(), again.toString());
        assertEquals(runId, CutNightly.publishedRun(out()));
    }

    private String said(String runId) {
        return "pb-annex: run " + runId + " failed: PostgreSQL at localhost:" + port + " (database postgres, user postgres) failed: "
                + "silent for ";
    }

    private static final String WHY = ": the server stopped, or the network to it gone";
    /** (A statement may also be one that needs longer, or waits for another session's lock: the server answers others.) */
    private static final String STATEMENT = "4s (pb.database.socket-timeout, PB_DATABASE_SOCKET_TIMEOUT) during a statement: the "
            + "server stopped, the network to it gone, or a statement that needs longer";

    @Test
    void aStatementUnderWayWhenTheServerStopsEndsTheRunWithinTheSocketTimeoutAndTheNextRunRestartsIt() throws Exception {
        Map<String, String> settings = settings();
        ChildRun r = heldBeforeRender(settings, "stopped");
        String runId = r.awaitPause(out().resolve("2022-23"), "render", LONG);
        String line;
        try (Connection locker = server.getPostgresDatabase().getConnection();
             Connection watch = server.getPostgresDatabase().getConnection()) {
            // The run's next statement (its check that it still holds the lock, as the step begins) waits for this lock:
            // a statement under way at the server when the server stops.
            locker.setAutoCommit(false);
            try (Statement s = locker.createStatement()) {
                s.execute("LOCK TABLE pb_run_lock IN ACCESS EXCLUSIVE MODE");
            }
            Files.delete(out().resolve("2022-23/.paused-" + runId + "-render"));
            // (Watched from a connection of its own: a transaction sees the activity as it was when it began.)
            await(watch, "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE "
                    + "'SELECT run_id, host, pid, process_started, heartbeat_at, acquired_at FROM pb_run_lock%'", r);
            line = stopServer(r, SOCKET_TIMEOUT.plus(POOL_WAIT).plus(MARGIN), null);
            locker.rollback();
        }
        assertEquals(said(runId) + STATEMENT, line);
        // Its report says it in its language (the cut job's first edition, Chinese).
        String cause = Jsoup.parse(out().resolve("2022-23/failed/" + runId + "/report.html").toFile()).selectFirst(".cause").text();
        assertEquals("位于 localhost:" + port + " 的 PostgreSQL（数据库 postgres，用户 postgres）出错：语句执行中 4s 内没有应答"
                + "（pb.database.socket-timeout, PB_DATABASE_SOCKET_TIMEOUT）：服务器已停止、与它的网络已断开，或语句需要更长时间", cause);
        restartedAtOnce(settings, runId);
    }

    /**
     * The COPY alone needs a deadline of its own: every other write of a run (Spring Batch's records, the run's history,
     * its lock, the publication's and distribution's records) is one statement of a few kB at most (a nightly run's
     * largest row, an execution context, 0.7 kB; a failure's message is cut at 2.5 kB), which the kernel's socket buffer
     * (16 kB to start with) takes whole while the server is stopped,
     * so the driver then waits for its answer, which the socket timeout bounds. Here the records of a published run's
     * end, written to a server stopped as they are: the run has published, and says its end was not recorded, within the
     * same limit.
     */
    @Test
    void theRecordsOfTheRunsEndWrittenToAStoppedServerEndWithinTheSocketTimeout() throws Exception {
        Map<String, String> settings = new HashMap<>(settings());
        settings.put("pb.run.pause-at", "job:end");
        ChildRun r = ChildRun.start(tmp, "end", settings, "run", "nightly", "--output", out().toString());
        String runId = r.awaitPause(out().resolve("2022-23"), "job:end", LONG);
        signal("STOP");
        long at = System.nanoTime();
        Files.delete(out().resolve("2022-23/.paused-" + runId + "-job_end"));
        assertEquals(0, r.waitFor(LONG), r.err());
        Duration took = Duration.ofNanos(System.nanoTime() - at);
        signal("CONT");
        assertTrue(took.compareTo(SOCKET_TIMEOUT.plus(POOL_WAIT).plus(MARGIN)) < 0, "ended after " + took.toMillis() + " ms");
        List<String> lines = r.err().strip().lines().toList();
        assertEquals(1, lines.size(), "one line: " + r.err());
        String line = lines.get(0);
        String database = "PostgreSQL at localhost:" + port + " (database postgres, user postgres) failed: silent for ";
        String connection = "3s (spring.datasource.hikari.connection-timeout, SPRING_DATASOURCE_HIKARI_CONNECTIONTIMEOUT) when "
                + "asked for a connection" + WHY;
        assertTrue(line.equals("pb-annex: run " + runId + " published, but its end could not be recorded: " + database + STATEMENT
                + END_NOT_RECORDED) || line.equals("pb-annex: run " + runId + " published, but its end could not be recorded: "
                + database + connection + END_NOT_RECORDED), line);
        assertEquals(runId, CutNightly.publishedRun(out()));
    }

    private static final String END_NOT_RECORDED = "; its folder says it published, and the next command on that database "
            + "records it so";

    /**
     * Not a server gone: a statement that waits for a lock another session holds is ended by the server's lock_timeout
     * (pb.database.lock-timeout) well before the socket timeout, and the run's line names the lock, the session that
     * holds it (its pid, application_name and state) and what to do; exit status 5, its lock released in the database.
     */
    @Test
    void aStatementWaitingForAnotherSessionsLockIsToldWithTheLockAndItsHolder() throws Exception {
        Map<String, String> settings = new HashMap<>(settings());
        settings.put("pb.database.socket-timeout", "60s");
        settings.put("pb.database.lock-timeout", "3s");
        ChildRun r = heldBeforeRender(settings, "lock-wait");
        String runId = r.awaitPause(out().resolve("2022-23"), "render", LONG);
        String line;
        long holder;
        try (Connection locker = server.getPostgresDatabase().getConnection()) {
            locker.setAutoCommit(false);
            holder = lockedBy(locker, "nightly maintenance", "LOCK TABLE pb_run_lock IN ACCESS EXCLUSIVE MODE");
            long at = System.nanoTime();
            Files.delete(out().resolve("2022-23/.paused-" + runId + "-render"));
            assertEquals(5, r.waitFor(LONG), r.err());
            Duration took = Duration.ofNanos(System.nanoTime() - at);
            // Ended by the lock timeout (3 s), not the socket timeout (60 s): bounded well below the latter, as the run's
            // end after the wait (its failure recorded, its report written) took 13.8 s on a machine busy with two more.
            assertTrue(took.compareTo(Duration.ofSeconds(40)) < 0, "ended after " + took.toMillis() + " ms");
            List<String> lines = r.err().strip().lines().toList();
            assertEquals(1, lines.size(), "one line, no stack trace: " + r.err());
            line = lines.get(0);
            locker.rollback();
        }
        java.util.regex.Matcher said = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote("pb-annex: run " + runId
                + " failed: PostgreSQL at localhost:" + port + " (database postgres, user postgres) failed: a statement waited 3s "
                + "(pb.database.lock-timeout, PB_DATABASE_LOCK_TIMEOUT) for a lock on table pb_run_lock that another session "
                + "holds (pid " + holder + ", application_name 'nightly maintenance', idle in transaction since ")
                + "(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ)" + java.util.regex.Pattern.quote("): end that session's "
                + "transaction (or the session: SELECT pg_terminate_backend(" + holder + ")), then run again")).matcher(line);
        assertTrue(said.matches(), line);
        String cause = Jsoup.parse(out().resolve("2022-23/failed/" + runId + "/report.html").toFile()).selectFirst(".cause").text();
        assertEquals("位于 localhost:" + port + " 的 PostgreSQL（数据库 postgres，用户 postgres）出错：语句等待表 pb_run_lock 上的锁已达 3s"
                + "（pb.database.lock-timeout, PB_DATABASE_LOCK_TIMEOUT），该锁由另一个会话持有（进程 " + holder + "，application_name"
                + "“nightly maintenance”，自 " + said.group(1) + " 起处于事务中空闲（idle in transaction））：请结束该会话的事务（或结束该会话："
                + "SELECT pg_terminate_backend(" + holder + ")），然后重新运行", cause);
        // Its lock's row, locked as well as it ended, could not be removed: released by its note, the identical command
        // restarts it at once.
        assertTrue(Files.isRegularFile(out().resolve("2022-23/" + RunLease.RELEASED + runId)), "its lock released by a note");
        CliRun again = CliRun.capture(settings, "run", "nightly", "--output", out().toString());
        assertEquals(0, again.status(), again.toString());
        assertEquals(runId, CutNightly.publishedRun(out()));
    }

    /** Takes a lock on {@code locker} (in a transaction) by {@code sql}, named {@code application}; its server process. */
    private static long lockedBy(Connection locker, String application, String sql) throws Exception {
        try (Statement s = locker.createStatement()) {
            s.execute("SET application_name = '" + application + "'");
            s.execute(sql);
            try (ResultSet pid = s.executeQuery("SELECT pg_backend_pid()")) {
                pid.next();
                return pid.getLong(1);
            }
        }
    }

    /**
     * A row's lock is named by its table, which the server's error gives; its holder as for a table's, and to a user who
     * may not see what other users' sessions do, by its pid and application_name.
     */
    @Test
    void aRowsLockIsNamedByItsTable() throws Exception {
        try (Connection locker = server.getPostgresDatabase().getConnection()) {
            try (Statement s = locker.createStatement()) {
                s.execute("CREATE TABLE pb_rows (id int PRIMARY KEY, n int)");
                s.execute("INSERT INTO pb_rows VALUES (1, 1)");
                s.execute("CREATE ROLE clerk LOGIN");
                s.execute("GRANT SELECT, UPDATE ON pb_rows TO clerk");
            }
            locker.setAutoCommit(false);
            long holder = lockedBy(locker, "row holder", "SELECT * FROM pb_rows FOR UPDATE");
            LockWait.limit(new DatabaseSilence.Limit(Duration.ofMillis(500), "pb.database.lock-timeout, PB_DATABASE_LOCK_TIMEOUT"));
            try {
                LockWait w = rowWaitedFor("postgres");
                assertEquals(new LockWait.Lock("row", "pb_rows"), w.lock());
                assertEquals(new LockWait.Holder(holder, "row holder", "idle in transaction", w.holder().since()), w.holder());
                assertEquals("a statement waited 0.5s (pb.database.lock-timeout, PB_DATABASE_LOCK_TIMEOUT) for a lock on a row "
                        + "of table pb_rows that another session holds (pid " + holder + ", application_name 'row holder', idle in "
                        + "transaction since " + Times.toSecond(w.holder().since()) + "): end that session's transaction (or the "
                        + "session: SELECT pg_terminate_backend(" + holder + ")), then run again", w.getMessage());
                LockWait unseen = rowWaitedFor("clerk");
                assertEquals(new LockWait.Holder(holder, "row holder", null, null), unseen.holder());
                assertTrue(unseen.getMessage().contains("that another session holds (pid " + holder + ", application_name 'row "
                        + "holder'; what it does is not readable to this user): "), unseen.getMessage());
            } finally {
                LockWait.limit(null);
                locker.rollback();
            }
        }
    }

    /** The lock wait of an update of pb_rows' row by {@code user}, through a pool whose sessions wait 500 ms for a lock. */
    private LockWait rowWaitedFor(String user) throws Exception {
        try (var pool = new com.zaxxer.hikari.HikariDataSource()) {
            pool.setJdbcUrl("jdbc:postgresql://localhost:" + port + "/postgres?options=-c%20lock_timeout=500");
            pool.setUsername(user);
            try (Connection waiting = LockWaits.watch(pool.getConnection(), pool);
                 var update = waiting.prepareStatement("UPDATE pb_rows SET n = ? WHERE id = 1")) {
                update.setInt(1, 2);
                return org.junit.jupiter.api.Assertions.assertThrows(LockWait.class, update::executeUpdate);
            }
        }
    }

    @Test
    void theCopyOfTheExpenditureLinesWhenTheServerStopsEndsTheRunWithinTheSocketTimeout() throws Exception {
        // Lines enough for a COPY of seconds (the socket's buffers hold a few MB): the bundled sample's, 60 times over.
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        Path lines = input.resolve("expenditure/synthetic-2016-2023.csv");
        List<String> sample = Files.readAllLines(lines);
        try (BufferedWriter w = Files.newBufferedWriter(lines, StandardCharsets.UTF_8)) {
            // Its synthetic mark and header once, then its lines.
            w.write(sample.get(0) + "\n" + sample.get(1) + "\n");
            long id = 0;
            for (int copy = 0; copy < 60; copy++) {
                for (String l : sample.subList(2, sample.size())) {
                    w.write(String.format("L%010d", ++id) + l.substring(l.indexOf(',')) + "\n");
                }
            }
        }
        Map<String, String> settings = new HashMap<>(settings());
        settings.put("pb.input", input.toString());
        ChildRun r = ChildRun.start(tmp, "copy", settings, "run", "nightly", "--output", out().toString());
        String line;
        try (Connection watch = server.getPostgresDatabase().getConnection()) {
            await(watch, "SELECT count(*) FROM pg_stat_progress_copy WHERE tuples_processed > 0", r);
            line = stopServer(r, SOCKET_TIMEOUT.plus(POOL_WAIT).plus(MARGIN), null);
        }
        String runId = line.split(" ")[2];
        assertEquals(said(runId) + "4s (pb.database.socket-timeout, PB_DATABASE_SOCKET_TIMEOUT) during the COPY of the "
                + "expenditure lines" + WHY, line);
        assertTrue(Files.isRegularFile(out().resolve("2022-23/failed/" + runId + "/report.html")), "its report written");
    }

    /**
     * A run whose database and output folder are both out of reach as it ends (the folder read-only, or full) cannot
     * leave the note that releases its lock: a run on another host, whose process cannot be looked at, is then taken over
     * only once its heartbeat is as old as the lease. The next run says so, and how long, in its one line; after that
     * long it restarts the run.
     */
    @Test
    void aRunThatCouldNotNoteItsReleaseIsWaitedForAndTheNextRunSaysHowLong() throws Exception {
        Path out = Files.createDirectories(out());
        assumeTrue(mount(out, "size=64m"), "a tmpfs can be mounted here (as root)");
        try {
            Map<String, String> settings = new HashMap<>(settings());
            // Long enough for the run to end and the next to start (about 15 s under the suite's load, more on a slower
            // machine), no longer: the test waits it out.
            settings.put("pb.run.lease", "35s");
            settings.put("pb.run.heartbeat", "5s");
            ChildRun r = heldBeforeRender(settings, "read-only");
            String runId = r.awaitPause(out.resolve("2022-23"), "render", LONG);
            signal("STOP");
            Files.delete(out.resolve("2022-23/.paused-" + runId + "-render"));
            // Its next statement waits for the stopped server, meanwhile its output folder becomes read-only.
            assertTrue(mount(out, "remount,ro"), "remounted read-only");
            assertEquals(5, r.waitFor(LONG), r.err());
            signal("CONT");
            assertTrue(mount(out, "remount,rw"), "writable again");
            assertTrue(!Files.exists(out.resolve("2022-23/" + RunLease.RELEASED + runId)), "no note could be written");

            CliRun refused = CliRun.capture(settings, "run", "nightly", "--output", out.toString());
            assertEquals(5, refused.status(), refused.toString());
            List<String> lines = refused.err().strip().lines().toList();
            assertEquals(1, lines.size(), refused.err());
            // (Its run is still running in the job repository, which it could not tell: "already running these inputs".)
            java.util.regex.Matcher said = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote("pb-annex: run " + runId
                    + " is already running these inputs (pid ") + "\\d+" + java.util.regex.Pattern.quote(" on another-host); wait for "
                    + "it to finish (its process, on another host, cannot be looked at: its heartbeat is ") + "\\d+ s old; if it has "
                    + "ended, it is taken over once its heartbeat is 35 s old \\(pb\\.run\\.lease\\), in (\\d+) s\\)")
                    .matcher(lines.get(0));
            assertTrue(said.matches(), lines.get(0));
            // As long as it said, and the identical command restarts the run.
            Thread.sleep(Duration.ofSeconds(Long.parseLong(said.group(1)) + 1).toMillis());
            CliRun again = CliRun.capture(settings, "run", "nightly", "--output", out.toString());
            assertEquals(0, again.status(), again.toString());
            assertEquals(runId, CutNightly.publishedRun(out));
        } finally {
            new ProcessBuilder("umount", out().toString()).inheritIO().start().waitFor();
        }
    }

    /** mount -t tmpfs with {@code options} at {@code at} (remount,ro: its remount); whether it did. */
    private static boolean mount(Path at, String options) throws Exception {
        try {
            return new ProcessBuilder("mount", "-t", "tmpfs", "-o", options, "tmpfs", at.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        } catch (java.io.IOException noMount) {
            return false;
        }
    }

    @Test
    void aServerStoppedBetweenStepsIsToldTheSameWay() throws Exception {
        Map<String, String> settings = settings();
        ChildRun r = heldBeforeRender(settings, "between");
        String runId = r.awaitPause(out().resolve("2022-23"), "render", LONG);
        String line = stopServer(r, SOCKET_TIMEOUT.plus(POOL_WAIT).plus(MARGIN),
                out().resolve("2022-23/.paused-" + runId + "-render"));
        // Its next statement (the step's check of its lock) waits for an answer on a pooled connection used a moment
        // before, or asks the pool for one, which finds the pooled ones dead and gets no new one.
        String connection = "3s (spring.datasource.hikari.connection-timeout, SPRING_DATASOURCE_HIKARI_CONNECTIONTIMEOUT) when "
                + "asked for a connection";
        assertTrue(line.equals(said(runId) + STATEMENT) || line.equals(said(runId) + connection + WHY), line);
        restartedAtOnce(settings, runId);
    }
}
