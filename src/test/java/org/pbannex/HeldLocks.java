package org.pbannex;

import java.sql.DriverManager;
import java.time.ZoneOffset;
import java.util.Map;
import org.pbannex.runtime.ProcessIdentity;
import org.pbannex.runtime.RunLease;

/** A biennium's lock in an output folder held by another run that is alive and beating (this very test process). */
public final class HeldLocks {

    private HeldLocks() {
    }

    /** @param settings the test's settings (its H2 database, whose tables a command has made) */
    public static void holdAsAliveRun(Map<String, String> settings, String biennium, String outputDir, String runId) throws Exception {
        ProcessIdentity me = ProcessIdentity.current();
        try (var c = DriverManager.getConnection(settings.get("spring.datasource.url"),
                settings.getOrDefault("spring.datasource.username", "sa"), settings.getOrDefault("spring.datasource.password", ""));
             var insert = c.prepareStatement("INSERT INTO pb_run_lock (lock_key, biennium, output_dir, run_id, host, pid, "
                     + "process_started, acquired_at, heartbeat_at) VALUES (?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")) {
            insert.setString(1, RunLease.key(biennium, outputDir));
            insert.setString(2, biennium);
            insert.setString(3, outputDir);
            insert.setString(4, runId);
            insert.setString(5, me.host());
            insert.setLong(6, me.pid());
            insert.setObject(7, me.processStarted() == null ? null : me.processStarted().atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }
}
