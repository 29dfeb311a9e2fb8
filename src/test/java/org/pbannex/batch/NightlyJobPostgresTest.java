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
    static java.util.Map<String, String> settings;

    /** The class's status and layout folders (a folder of /tmp named by the process's id was left behind each run). */
    @TempDir
    static Path work;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        settings = java.util.Map.of("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username", "postgres", "spring.datasource.password", "",
                "pb.status", work.resolve("status").toString(), "pb.layout-memory", work.resolve("layout").toString());
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    /**
     * A user who may not create tables in the database: said as such, with what to grant, not as the database
     * "unavailable" with the driver's "Position: 14" (found by an exploratory test).
     */
    @Test
    void aUserWithoutTheRightToCreateTablesIsToldWhatToGrant() throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE norights");
            s.execute("CREATE ROLE noright LOGIN PASSWORD 'nrpw'");
        }
        try (Connection c = java.sql.DriverManager.getConnection(postgres.getJdbcUrl("postgres", "norights"), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        }
        var own = new java.util.HashMap<>(settings);
        own.put("spring.datasource.url", "jdbc:postgresql://localhost:" + postgres.getPort() + "/norights"); // no user in it
        own.put("spring.datasource.username", "noright");
        own.put("spring.datasource.password", "nrpw");
        CliRun r = CliRun.capture(own, "run", "nightly", "--output", tmp.resolve("out").toString());
        assertEquals(5, r.status(), r.toString());
        assertEquals("pb-annex: PostgreSQL at localhost:" + postgres.getPort() + " (database norights, user noright) cannot be used: "
                + "the user may not create or change pb-annex's tables there: permission denied for schema public (grant it "
                + "CREATE on the schema, or use a database it owns)", r.err().strip(), r.toString());
    }

    /** In a database of its own: it reads the job repository's and pb_run's only rows, whatever test ran before it. */
    @Test
    void nightlyRunOnPostgres() throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE nightly");
        }
        var own = new java.util.HashMap<>(settings);
        own.put("spring.datasource.url", postgres.getJdbcUrl("postgres", "nightly"));
        Path out = tmp.resolve("out");
        CliRun r = CliRun.capture(own, "run", "nightly", "--output", out.toString());
        assertEquals(0, r.status(), r.toString());
        Path run = out.resolve("2022-23/latest").toRealPath();
        PublishedRunAssertions.assertCompleteRun(run);

        try (Connection c = java.sql.DriverManager.getConnection(postgres.getJdbcUrl("postgres", "nightly"), "postgres", "");
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT version()")) {
                rs.next();
                assertTrue(rs.getString(1).startsWith("PostgreSQL"), rs.getString(1));
            }
            try (ResultSet rs = s.executeQuery("SELECT status, exit_code FROM batch_job_execution")) {
                assertTrue(rs.next(), "a job execution in the PostgreSQL job repository");
                assertEquals("COMPLETED", rs.getString(1));
            }
            try (ResultSet rs = s.executeQuery("SELECT step_name, read_count, write_count FROM batch_step_execution "
                    + "WHERE status = 'COMPLETED' ORDER BY step_execution_id")) {
                java.util.List<String> steps = new java.util.ArrayList<>();
                while (rs.next()) {
                    steps.add(rs.getString(1));
                    if (rs.getString(1).equals("expenditurePostgres")) {
                        assertEquals(20_000, rs.getLong(2), "the PostgreSQL engine read the bundled lines (chosen by the database)");
                        assertEquals(20_000, rs.getLong(3));
                    }
                }
                assertEquals(java.util.List.of("validate", "expenditurePostgres", "check"), steps.subList(0, 3), steps.toString());
                assertTrue(steps.contains("renderOutput:pdf-zh") && steps.contains("renderOutput:csv"), steps.toString());
                // distribute follows publish (it sends nothing: the nightly job names no reviewers)
                assertEquals(java.util.List.of("publish", "distribute"), steps.subList(steps.size() - 2, steps.size()), steps.toString());
            }
            try (ResultSet rs = s.executeQuery("SELECT run_id, status, checks_failed FROM pb_run")) {
                assertTrue(rs.next());
                assertEquals(run.getFileName().toString(), rs.getString(1));
                assertEquals("PUBLISHED", rs.getString(2));
                assertEquals(0, rs.getInt(3));
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pb_run_lock")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "the run's lock is released");
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM flyway_schema_history WHERE success")) {
                rs.next();
                assertEquals(5, rs.getInt(1), "V1 to V5 (runs adopted from the output folder)");
            }
        }

        CliRun again = CliRun.capture(own, "run", "nightly", "--output", out.toString());
        assertEquals(0, again.status(), again.toString());
        assertTrue(again.out().contains("Nothing to do"), again.out());
    }

    /**
     * Moving from the embedded database to PostgreSQL republishes nothing: the new database has no history, and the
     * output folder's manifest says these inputs were published with this code version (tester63 case 3). In a
     * database of its own, new as after a move.
     */
    @Test
    void aMoveToPostgresPublishesUnchangedInputsNoMore() throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE moved");
        }
        Path out = tmp.resolve("out");
        CliRun onH2 = CliRun.run(tmp.resolve("h2"), "run", "nightly", "--format", "csv", "--output", out.toString());
        assertEquals(0, onH2.status(), onH2.toString());
        Path run;
        try (var runs = java.nio.file.Files.list(out.resolve("2022-23"))) {
            run = runs.filter(p -> p.getFileName().toString().matches("\\d{8}T.*")).findFirst().orElseThrow();
        }
        var published = org.pbannex.publish.PublishedRun.read(run);

        var moved = CliRun.postgres(postgres.getJdbcUrl("postgres", "moved"), tmp);
        CliRun onPostgres = CliRun.capture(moved, "run", "nightly", "--format", "csv", "--output", out.toString());
        assertEquals(0, onPostgres.status(), onPostgres.toString());
        assertTrue(onPostgres.out().contains("Nothing to do: inputs unchanged since the publication of "
                + published.finishedAt() + " by run " + published.runId() + ", with this code version (found in the output "
                + "folder; the database had no history of it, and has it now: ./pb-annex history " + published.runId() + ")"),
                onPostgres.out());
        try (var runs = java.nio.file.Files.list(out.resolve("2022-23"))) {
            assertEquals(1, runs.filter(p -> p.getFileName().toString().matches("\\d{8}T.*")).count(), "no run published again");
        }
        // Written into PostgreSQL's history: listed, and the next run decides by it.
        CliRun history = CliRun.capture(moved, "history");
        assertTrue(history.out().lines().anyMatch(l -> l.startsWith(published.runId()) && l.contains(" PUBLISHED ")
                && l.contains(run.toString()) && l.endsWith(" (found in the output folder)")), history.out());
        CliRun next = CliRun.capture(moved, "run", "nightly", "--format", "csv", "--output", out.toString());
        assertEquals(0, next.status(), next.toString());
        assertTrue(next.out().startsWith("Nothing to do: run " + published.runId() + " already published these inputs with this "
                + "code version (" + run + ")."), next.out());
        // Two commands that find it at once write it once (PostgreSQL's duplicate key, as H2's in NewDatabaseTest).
        var jdbc = new org.springframework.jdbc.core.JdbcTemplate(new org.springframework.jdbc.datasource.DriverManagerDataSource(
                postgres.getJdbcUrl("postgres", "moved"), "postgres", ""));
        assertEquals(java.util.List.of(true, false), NewDatabaseTest.adoptedTwiceAtOnce(jdbc, published));
    }

    /**
     * A 2024 line, in no total of a 2022-23 run, is counted as left out by the PostgreSQL engine's step as by the
     * embedded one: the manifest's left_out and the step's filter count, not accepted (written). In a database of its
     * own, so that the other tests' job repository holds only their runs.
     */
    @Test
    void aLaterBienniumsLineIsCountedAsLeftOut() throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE left_out");
        }
        var own = new java.util.HashMap<>(settings);
        own.put("spring.datasource.url", postgres.getJdbcUrl("postgres", "left_out"));
        Path input = org.pbannex.TestInputs.copyOfBundledInput(tmp.resolve("input"));
        Path lines = input.resolve("expenditure/synthetic-2016-2023.csv");
        java.nio.file.Files.writeString(lines, java.nio.file.Files.readString(lines)
                + "Z2,2024-05,XB,ESTIMATE,AF,KEN,AFRICA,1,STAFF,10.00\n");
        Path out = tmp.resolve("out");
        CliRun r = CliRun.capture(own, "run", "nightly", "--format", "csv", "--input", input.toString(), "--output", out.toString());
        assertEquals(0, r.status(), r.toString());
        Path run;
        try (var runs = java.nio.file.Files.list(out.resolve("2022-23"))) {
            run = runs.filter(p -> !p.getFileName().toString().startsWith(".") && !p.getFileName().toString().equals("latest"))
                    .findFirst().orElseThrow();
        }
        String manifest = java.nio.file.Files.readString(run.resolve("manifest.json")).replaceAll("\\s", "");
        assertTrue(manifest.contains("\"read\":20001,\"accepted\":20000,\"left_out\":1,\"rejected\":0,"), manifest);
        try (Connection c = java.sql.DriverManager.getConnection(postgres.getJdbcUrl("postgres", "left_out"), "postgres", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT read_count, write_count, filter_count FROM batch_step_execution "
                     + "WHERE step_name = 'expenditurePostgres'")) {
            assertTrue(rs.next(), "the PostgreSQL engine's step");
            assertEquals(java.util.List.of(20_001L, 20_000L, 1L), java.util.List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
        }
    }

    @Test
    void aLockHeldByALiveRunStopsASecondRunWithStatus5() throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            CliRun warm = CliRun.capture(settings, "history"); // migrates the schema if this test runs first
            assertEquals(0, warm.status(), warm.toString());
            Path out = tmp.resolve("out").toAbsolutePath().normalize();
            // A live holder: this very process (alive, on this host), with a fresh heartbeat.
            var me = org.pbannex.runtime.ProcessIdentity.current();
            s.executeUpdate("INSERT INTO pb_run_lock (lock_key, biennium, output_dir, run_id, host, pid, acquired_at, heartbeat_at) "
                    + "VALUES ('" + org.pbannex.runtime.RunLease.key("2022-23", out.toString()) + "', '2022-23', '" + out + "', "
                    + "'other-run', '" + me.host() + "', " + me.pid() + ", now(), now())");
            try {
                CliRun r = CliRun.capture(settings, "run", "nightly", "--force", "--output", out.toString());
                assertEquals(5, r.status(), r.toString());
                assertEquals(1, r.err().strip().lines().count(), r.err());
                assertTrue(r.err().contains("another run (other-run, pid " + me.pid()), r.err());
                assertTrue(java.nio.file.Files.notExists(out.resolve("2022-23/latest")));
            } finally {
                s.executeUpdate("DELETE FROM pb_run_lock");
            }
        }
    }
}
