package org.pbannex.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
        OffsetDateTime hourAgo = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1);
        jdbc.update("INSERT INTO pb_run_lock (lock_key, biennium, output_dir, run_id, host, pid, process_started, acquired_at, "
                + "heartbeat_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", RunLease.key(BIENNIUM, out), BIENNIUM, out, runId, host, pid,
                processStarted, hourAgo, hourAgo);
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
        assertEquals("first, " + me, lease.liveHolder(BIENNIUM, out).orElseThrow());
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
        RunLease.Lost renewing = assertThrows(RunLease.Lost.class, () -> lease.renew(BIENNIUM, out, "first"));
        assertTrue(renewing.getMessage().startsWith("run first lost its lock of " + BIENNIUM + " in " + out + " to run second ("),
                renewing.getMessage());
    }

    @Test
    void aHolderOnAnotherHostIsTakenOverOnceSilentForTheLease() {
        heldSilentlyBy("remote", "another-host", 4242, null);
        lease.acquire(BIENNIUM, out, "second");
        assertTrue(lease.holds(BIENNIUM, out, "second"));
    }
}
