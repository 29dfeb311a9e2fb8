package org.pbannex.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.CliRun;

/**
 * The same nightly job against a real PostgreSQL server (17.x, started by the test from the zonky binaries on
 * Maven Central; no Docker): Flyway migrates it, the job repository and the run history live in it.
 */
class NightlyJobPostgresTest {

    static EmbeddedPostgres postgres;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        System.setProperty("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"));
        System.setProperty("spring.datasource.username", "postgres");
        System.setProperty("spring.datasource.password", "");
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        System.clearProperty("spring.datasource.url");
        System.clearProperty("spring.datasource.username");
        System.clearProperty("spring.datasource.password");
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void nightlyRunOnPostgres() throws Exception {
        Path out = tmp.resolve("out");
        CliRun r = CliRun.capture("run", "nightly", "--output", out.toString());
        assertEquals(0, r.status(), r.toString());
        Path run = out.resolve("2022-23/latest").toRealPath();
        PublishedRunAssertions.assertCompleteRun(run);

        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT version()")) {
                rs.next();
                assertTrue(rs.getString(1).startsWith("PostgreSQL"), rs.getString(1));
            }
            try (ResultSet rs = s.executeQuery("SELECT status, exit_code FROM batch_job_execution")) {
                assertTrue(rs.next(), "a job execution in the PostgreSQL job repository");
                assertEquals("COMPLETED", rs.getString(1));
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM batch_step_execution WHERE status = 'COMPLETED'")) {
                rs.next();
                assertEquals(5, rs.getInt(1), "ingest, compute, check, render, publish");
            }
            try (ResultSet rs = s.executeQuery("SELECT run_id, status, checks_failed FROM pb_run")) {
                assertTrue(rs.next());
                assertEquals(run.getFileName().toString(), rs.getString(1));
                assertEquals("PUBLISHED", rs.getString(2));
                assertEquals(0, rs.getInt(3));
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pb_publish_lock")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "the publish lock is released");
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM flyway_schema_history WHERE success")) {
                rs.next();
                assertEquals(2, rs.getInt(1));
            }
        }

        CliRun again = CliRun.capture("run", "nightly", "--output", out.toString());
        assertEquals(0, again.status(), again.toString());
        assertTrue(again.out().contains("Nothing to do"), again.out());
    }

    @Test
    void aHeldPublishLockStopsASecondRunWithStatus5() throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            CliRun warm = CliRun.capture("history"); // migrates the schema if this test runs first
            assertEquals(0, warm.status(), warm.toString());
            s.executeUpdate("INSERT INTO pb_publish_lock (biennium, run_id, acquired_at) VALUES ('2022-23', 'other-run', now())");
            try {
                Path out = tmp.resolve("out");
                CliRun r = CliRun.capture("run", "nightly", "--force", "--output", out.toString());
                assertEquals(5, r.status(), r.toString());
                assertTrue(r.err().contains("another run (other-run) is publishing 2022-23"), r.err());
                assertTrue(java.nio.file.Files.notExists(out.resolve("2022-23/latest")));
            } finally {
                s.executeUpdate("DELETE FROM pb_publish_lock");
            }
        }
    }
}
