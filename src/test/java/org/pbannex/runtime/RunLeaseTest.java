package org.pbannex.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.CliRun;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The lock of a biennium in an output folder on the embedded H2 database (the statements are those of PostgreSQL too):
 * whose process is alive on this host keeps it however old its heartbeat; a process gone, or another that reused its
 * id, loses it at once; a run elsewhere loses it once silent for the lease; and a run that lost it says to which run.
 */
class RunLeaseTest {

    private static final String BIENNIUM = "2022-23";

    @TempDir
    Path tmp;

    private JdbcTemplate jdbc;
    private RunLease lease;
    private String out;

    @BeforeEach
    void database() {
        Map<String, String> settings = CliRun.h2(tmp.resolve("db"));
        CliRun made = CliRun.capture(settings, "history"); // the tables
        assertEquals(0, made.status(), made.toString());
        var data = new DriverManagerDataSource(settings.get("spring.datasource.url"), "sa", "");
        jdbc = new JdbcTemplate(data);
        lease = new RunLease(jdbc, new DataSourceTransactionManager(data), Duration.ofSeconds(45));
        out = tmp.resolve("out").toString();
    }

    /** A holder of the lock whose last heartbeat was an hour ago. */
    private void heldSilentlyBy(String runId, String host, long pid, OffsetDateTime processStarted) {
        heldBy(runId, host, pid, processStarted, Duration.ofHours(1));
    }

    /** A holder of the lock whose last heartbeat was {@code ago}. */
    private void heldBy(String runId, String host, long pid, OffsetDateTime processStarted, Duration ago) {
        OffsetDateTime heartbeat = OffsetDateTime.now(ZoneOffset.UTC).minus(ago);
        jdbc.update("INSERT INTO pb_run_lock (lock_key, biennium, output_dir, run_id, host, pid, process_started, acquired_at, "
                + "heartbeat_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", RunLease.key(BIENNIUM, out), BIENNIUM, out, runId, host, pid,
                processStarted, heartbeat, heartbeat);
    }

    private static OffsetDateTime started(ProcessIdentity p) {
        return p.processStarted().atOffset(ZoneOffset.UTC);
    }

    @Test
    void aHolderAliveOnThisHostKeepsTheLockHoweverOldItsHeartbeat() {
        ProcessIdentity me = ProcessIdentity.current();
        // This very process: alive, started when it says; silent for an hour (stopped, or a lease far too short).
        heldSilentlyBy("first", me.host(), me.pid(), started(me));
        RunLease.Busy busy = assertThrows(RunLease.Busy.class, () -> lease.acquire(BIENNIUM, out, "second"));
        assertTrue(busy.getMessage().startsWith("another run (first, " + me + ") is running " + BIENNIUM), busy.getMessage());
        assertTrue(lease.holds(BIENNIUM, out, "first"));
        // A Chinese report or notice says it in Chinese; the texts' English is stderr's line, word for word.
        assertEquals("另一个运行（first，" + me.host() + " 上的进程 " + me.pid() + "）正在将两年期 " + BIENNIUM + " 发布到 " + out
                + "；它先开始：请等它结束", said(busy).zh());
        assertEquals(busy.getMessage(), said(busy).en());
        assertEquals("first, " + me, lease.liveHolder(BIENNIUM, out).orElseThrow());
        // Until it ends: no wait to say.
        assertEquals("", lease.heldBy(BIENNIUM, out).orElseThrow().waited());
        assertTrue(lease.lost(BIENNIUM, out, "first").isEmpty(), "it still holds it");
    }

    @Test
    void aHolderWhoseProcessIdWasReusedIsTakenOverAndSaysToWhichRun() {
        ProcessIdentity me = ProcessIdentity.current();
        // This process's id, but the process that held the lock started a day before: another process, gone.
        heldSilentlyBy("first", me.host(), me.pid(), started(me).minusDays(1));
        lease.acquire(BIENNIUM, out, "second");
        assertTrue(lease.holds(BIENNIUM, out, "second"));
        assertEquals("run first lost its lock of " + BIENNIUM + " in " + out + " to run second (" + me + "), which took it over "
                + "when its heartbeat had stopped for more than 45 s (pb.run.lease); nothing is published by run first",
                lease.lost(BIENNIUM, out, "first").orElseThrow().getMessage());
        RunLease.Lost lost = lease.lost(BIENNIUM, out, "first").orElseThrow();
        assertEquals("运行 first 失去了它在 " + out + " 中两年期 " + BIENNIUM + " 的锁：其心跳停止超过 45 秒（pb.run.lease）后，运行 second（"
                + me.host() + " 上的进程 " + me.pid() + "）接管了锁；运行 first 不发布任何内容", said(lost).zh());
        assertEquals(lost.getMessage(), said(lost).en());
        RunLease.Lost before = assertThrows(RunLease.Lost.class, () -> lease.stillHeld(BIENNIUM, out, "first",
                RunLease.Stopping.beforeStep("render")));
        assertTrue(said(before).zh().endsWith("接管了锁；本运行在生成输出文件（render）步骤之前停止（持有锁的运行继续进行）"), said(before).zh());
        assertEquals(before.getMessage(), said(before).en());
        RunLease.Lost renewing = assertThrows(RunLease.Lost.class, () -> lease.renew(BIENNIUM, out, "first"));
        assertTrue(renewing.getMessage().startsWith("run first lost its lock of " + BIENNIUM + " in " + out + " to run second ("),
                renewing.getMessage());
    }

    /**
     * A run on another host whose heartbeat is recent may have ended without its note of release (its database gone and
     * its output folder full or read-only): the refusal says so, and how long until the lock is taken over.
     */
    @Test
    void aHolderOnAnotherHostIsWaitedForAndTheRefusalSaysHowLong() throws Exception {
        heldBy("remote", "another-host", 4242, null, Duration.ofSeconds(10));
        RunLease.Busy busy = assertThrows(RunLease.Busy.class, () -> lease.acquire(BIENNIUM, out, "second"));
        assertWaited(busy.getMessage(), "another run (remote, pid 4242 on another-host) is running " + BIENNIUM + " into " + out
                + "; it started first: wait for it to finish (its process, on another host, cannot be looked at: its heartbeat is ",
                " s old; if it has ended, it is taken over once its heartbeat is 45 s old (pb.run.lease), in ", " s)", 10, 45);
        // Preflight says the same of it, with since when it holds the lock (its heartbeat and lock taken 10 s ago).
        RunLease.Held held = lease.heldBy(BIENNIUM, out).orElseThrow();
        OffsetDateTime since = OffsetDateTime.parse(held.holder().substring("remote, pid 4242 on another-host, since ".length()));
        // Times.toSecond, as the program says times: an OffsetDateTime's text drops ":00" at a whole minute (CI met 12:30:00).
        assertEquals("remote, pid 4242 on another-host, since " + Times.toSecond(since), held.holder());
        long ago = Duration.between(since, OffsetDateTime.now(ZoneOffset.UTC)).toSeconds();
        assertTrue(ago >= 9 && ago <= 10 + SLOW, held.holder());
        assertWaited(held.waited(), " (its process, on another host, cannot be looked at: its heartbeat is ",
                " s old; if it has ended, it is taken over once its heartbeat is 45 s old (pb.run.lease), in ", " s)", 10, 45);
        // Released by its note (its database gone as it ended), it holds nothing.
        java.nio.file.Files.createDirectories(RunLease.releaseNote(BIENNIUM, out, "remote").getParent());
        java.nio.file.Files.writeString(RunLease.releaseNote(BIENNIUM, out, "remote"), "another-host\t4242\n");
        assertTrue(lease.heldBy(BIENNIUM, out).isEmpty());
        assertWaited(said(busy).zh(), "另一个运行（remote，another-host 上的进程 4242）正在将两年期 " + BIENNIUM + " 发布到 " + out
                + "；它先开始：请等它结束（其进程在另一台主机上，无法查看：其心跳已 ", " 秒未更新；如果它已结束，心跳超过 45 秒（pb.run.lease）即被接管，还有 ",
                " 秒）", 10, 45);
        assertEquals(busy.getMessage(), said(busy).en());
    }

    /** Seconds a loaded machine may add between a heartbeat written and the line that says its age. */
    private static final int SLOW = 5;

    /**
     * {@code text} is {@code head}, the heartbeat's age in seconds, {@code middle}, the seconds left until it is taken
     * over, {@code tail}: the age at least {@code age} (when the heartbeat was written) and at most {@link #SLOW} more,
     * and the two adding up to the lease (the age is rounded down, the seconds left up).
     */
    static void assertWaited(String text, String head, String middle, String tail, int age, int lease) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(head) + "(\\d+)"
                + java.util.regex.Pattern.quote(middle) + "(\\d+)" + java.util.regex.Pattern.quote(tail)).matcher(text);
        assertTrue(m.matches(), text);
        int said = Integer.parseInt(m.group(1));
        assertTrue(said >= age && said <= age + SLOW, text);
        assertEquals(lease, said + Integer.parseInt(m.group(2)), text);
    }

    /** A failure as a report whose texts are the bundled input's says it ({@code report.cause.*}). */
    static org.pbannex.table.Text said(Throwable failure) {
        return org.pbannex.publish.ReportWords.read(org.pbannex.Golden.input(), null).cause(failure, failure.getMessage());
    }

    /**
     * The embedded database held by another process for longer than the wait: said in the report's words; its English
     * stderr's line. With a wait of 0 there was none, and it says so (it said "for more than 0s").
     */
    @Test
    void theEmbeddedDatabaseHeldTooLongIsSaidInTheReportsLanguage() {
        Path database = tmp.resolve("h2/pb-annex");
        try (EmbeddedDatabaseLock held = EmbeddedDatabaseLock.acquire(database, Duration.ZERO, "run nightly")) {
            // (The same process holds it: its second take waits as another process's would.)
            var busy = assertThrows(EmbeddedDatabaseLock.Busy.class, () -> EmbeddedDatabaseLock.acquire(database,
                    Duration.ofMillis(300), "check"));
            ProcessIdentity me = ProcessIdentity.current();
            assertTrue(said(busy).zh().startsWith("嵌入式数据库 " + database + " 被另一个 pb-annex 进程（" + me), said(busy).zh());
            assertTrue(said(busy).zh().endsWith("run nightly）占用已超过 0.3s（pb.run.database-wait）；需要同时进行的运行请使用 PostgreSQL（PB_DATABASE_URL）"),
                    said(busy).zh());
            assertEquals(busy.getMessage(), said(busy).en());
            assertTrue(busy.getMessage().endsWith("run nightly) for more than 0.3s (pb.run.database-wait); for runs that overlap, "
                    + "use PostgreSQL (PB_DATABASE_URL)"), busy.getMessage());
            var noWait = assertThrows(EmbeddedDatabaseLock.Busy.class, () -> EmbeddedDatabaseLock.acquire(database, Duration.ZERO, "check"));
            assertTrue(said(noWait).zh().startsWith("嵌入式数据库 " + database + " 正被另一个 pb-annex 进程（" + me), said(noWait).zh());
            assertTrue(said(noWait).zh().endsWith("run nightly）占用（未等待：pb.run.database-wait 为 0）；需要同时进行的运行请使用 PostgreSQL"
                    + "（PB_DATABASE_URL）"), said(noWait).zh());
            assertEquals("the embedded database " + database + " is in use by another pb-annex process (" + me,
                    noWait.getMessage().substring(0, noWait.getMessage().indexOf(me.toString()) + me.toString().length()));
            assertTrue(noWait.getMessage().endsWith("run nightly) (no wait: pb.run.database-wait is 0); for runs that overlap, use "
                    + "PostgreSQL (PB_DATABASE_URL)"), noWait.getMessage());
            assertEquals(noWait.getMessage(), said(noWait).en());
        }
    }

    /** A holder stopped on this host (SIGSTOP) is taken over once silent for the lease: the refusal says when. */
    @Test
    void aHolderStoppedOnThisHostIsWaitedForAndTheRefusalSaysHowLong() throws Exception {
        Process sleeping = new ProcessBuilder("sleep", "600").start();
        try {
            // Waited for in state T, so the lease sees it stopped.
            ProcessIdentity stopping = new ProcessIdentity(ProcessIdentity.current().host(), sleeping.pid(), null);
            ProcessIdentityTest.signalled(stopping, "STOP");
            assertTrue(stopping.stopped(), "state T");
            OffsetDateTime started = sleeping.info().startInstant().orElseThrow().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                    .atOffset(ZoneOffset.UTC);
            heldBy("stopped", ProcessIdentity.current().host(), sleeping.pid(), started, Duration.ofSeconds(20));
            RunLease.Busy busy = assertThrows(RunLease.Busy.class, () -> lease.acquire(BIENNIUM, out, "second"));
            String message = busy.getMessage();
            assertWaited(message, message.substring(0, Math.max(0, message.indexOf("; it started first: "))) + "; it started first: wait "
                    + "for it to finish (its process is stopped (state T): its heartbeat is ", " s old; it is taken over once its "
                    + "heartbeat is 45 s old (pb.run.lease), in ", " s)", 20, 45);
        } finally {
            sleeping.destroyForcibly();
        }
    }

    @Test
    void aHolderOnAnotherHostIsTakenOverOnceSilentForTheLease() {
        heldSilentlyBy("remote", "another-host", 4242, null);
        lease.acquire(BIENNIUM, out, "second");
        assertTrue(lease.holds(BIENNIUM, out, "second"));
    }
    /**
     * Every write of the lock is a statement committed on its own (autocommit), never a transaction that spans a client
     * round trip, even when a step's transaction is under way: a process stopped between its update and its commit
     * (SIGSTOP, Ctrl-Z) would hold the row's lock, and the run taking its lock over would wait on that row for the whole
     * lock timeout and fail (seen on PostgreSQL: status 5, "idle in transaction").
     */
    @Test
    void everyWriteOfTheLockCommitsOnItsOwnOutsideAnyStepTransaction() {
        var data = new DriverManagerDataSource(CliRun.h2(tmp.resolve("db")).get("spring.datasource.url"), "sa", "");
        List<String> writes = new java.util.ArrayList<>();
        javax.sql.DataSource watched = new org.springframework.jdbc.datasource.DelegatingDataSource(data) {
            @Override
            public java.sql.Connection getConnection() throws java.sql.SQLException {
                java.sql.Connection c = super.getConnection();
                return (java.sql.Connection) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {java.sql.Connection.class}, (proxy, method, args) -> {
                            if (method.getName().equals("prepareStatement") && !((String) args[0]).startsWith("SELECT")) {
                                writes.add(((String) args[0]).split(" ")[0] + " autocommit=" + c.getAutoCommit());
                            }
                            try {
                                return method.invoke(c, args);
                            } catch (java.lang.reflect.InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
        };
        var transactions = new DataSourceTransactionManager(watched);
        RunLease watchedLease = new RunLease(new JdbcTemplate(watched), transactions, Duration.ofSeconds(45));
        heldSilentlyBy("remote", "another-host", 4242, null);
        // Inside a step's transaction that is then rolled back: the lock's statements are not part of it.
        var step = new org.springframework.transaction.support.TransactionTemplate(transactions);
        step.executeWithoutResult(t -> {
            watchedLease.acquire(BIENNIUM, out, "second"); // refused insert, then the takeover's update
            watchedLease.renew(BIENNIUM, out, "second");
            t.setRollbackOnly();
        });
        assertTrue(lease.holds(BIENNIUM, out, "second"), "the takeover and renewal stand after the step's rollback");
        watchedLease.release(BIENNIUM, out, "second", false);
        assertTrue(lease.liveHolder(BIENNIUM, out).isEmpty(), "released");
        assertEquals(List.of("INSERT autocommit=true", "UPDATE autocommit=true", "UPDATE autocommit=true",
                "DELETE autocommit=true"), writes);
    }
}
