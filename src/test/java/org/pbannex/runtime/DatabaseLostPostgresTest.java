package org.pbannex.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.ChildRun;
import org.pbannex.CliRun;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A PostgreSQL server stopped in the middle of a run (seen 12 s into a nightly run): the run's one line named the server
 * but not the run, no report was left in failed/RUN-ID/ (its record could not be written, the files could), and the
 * next command's history called the run "abandoned by a dead process"; the lock it could not release kept the next
 * run on another host waiting for the lease. The server here keeps its data folder and port,
 * so that it comes back as a stopped server would.
 */
class DatabaseLostPostgresTest {

    private static final Duration LONG = Duration.ofMinutes(3);

    @TempDir
    Path tmp;

    private static EmbeddedPostgres start(Path data, int port) throws Exception {
        return StoppablePostgres.start(data, port);
    }

    private static int freePort() throws Exception {
        return StoppablePostgres.freePort();
    }

    /** A cut nightly job's settings on the embedded server at {@code port}, its pool giving up after 2 s. */
    private Map<String, String> settings(int port) throws Exception {
        Map<String, String> settings = CliRun.postgres("jdbc:postgresql://localhost:" + port + "/postgres", tmp);
        settings.put("spring.datasource.hikari.connection-timeout", "2000");
        // The installation's output folder, which the runs name: a run into another is a trial, none of the job's runs.
        settings.put("pb.output", tmp.resolve("out").toString());
        return CutNightly.in(tmp, settings);
    }

    private static Map<String, String> pausedAt(Map<String, String> settings, String step) {
        Map<String, String> paused = new HashMap<>(settings);
        paused.put("pb.run.pause-at", step);
        return paused;
    }

    @Test
    void aRunWhoseServerGoesAwayNamesItselfLeavesItsReportAndItsCauseInTheHistory() throws Exception {
        Lost lost = runLosingItsServer();
        EmbeddedPostgres server = null;
        try {
            int port = lost.port();
            Map<String, String> settings = lost.settings();
            Path out = lost.out();
            String runId = lost.runId();
            String line = lost.line();
            assertTrue(Files.isRegularFile(out.resolve("2022-23/" + RunLease.RELEASED + runId)), "no release noted: " + lost.run().err());

            String database = "PostgreSQL at localhost:" + port + " (database postgres, user postgres)";
            assertTrue(line.startsWith("pb-annex: run " + runId + " failed: " + database + " failed: "), line);
            assertEquals(List.of(out.resolve("2022-23/failed")), CutNightly.runFolders(out), "nothing published");

            // Its report and manifest are files: written, with the cause.
            Path failed = out.resolve("2022-23/failed/" + runId);
            assertTrue(Files.isRegularFile(failed.resolve("report.html")), "no report in " + failed + "; " + lost.run().err());
            String cause = Jsoup.parse(failed.resolve("report.html").toFile()).selectFirst(".cause").text();
            // The report says it in its language (the cut nightly job's first edition, Chinese), the manifest as stderr.
            // The database named in its words too, the driver's cause as the driver says it.
            String named = "位于 localhost:" + port + " 的 PostgreSQL（数据库 postgres，用户 postgres）出错：";
            assertTrue(cause.startsWith(named) && !cause.contains(" failed: "), cause);
            JsonNode manifest = JsonMapper.builder().build().readTree(failed.resolve("manifest.json").toFile());
            assertEquals("failed", manifest.path("status").asString(), manifest.toString());
            assertEquals(5, manifest.path("exit_status").asInt(), manifest.toString());
            assertEquals(database + " failed: " + cause.substring(named.length()), manifest.path("cause").asString(), manifest.toString());
            assertTrue(manifest.path("failed_step").asString().startsWith("render"), manifest.toString());

            // The server back: history tells the run's cause, which its process could not record.
            server = start(lost.data(), port);
            CliRun history = CliRun.capture(settings, "history");
            assertEquals(0, history.status(), history.toString());
            String row = history.out().lines().filter(l -> l.startsWith(runId)).findFirst().orElseThrow(() -> new AssertionError(history.toString()));
            assertTrue(row.contains("FAILED") && row.contains(database + " failed: ") && !row.contains("dead process"), row);
            CliRun one = CliRun.capture(settings, "history", runId);
            assertTrue(one.out().contains(manifest.path("failed_step").asString()) && one.out().contains("exit status 5"),
                    one.toString());
            // Its steps ended when it failed (its report's time), their exit its cause, not EXECUTING (tester77b M1).
            assertTrue(!one.out().contains("EXECUTING") && !one.out().contains(" ? "), one.toString());

            // And the identical command restarts it and publishes, as after any failure, at once: the lock's row still
            // names that host's process, whose heartbeat is recent (it waited pb.run.lease), but its release is noted.
            CliRun again = CliRun.capture(settings, "run", "nightly", "--output", out.toString());
            assertEquals(0, again.status(), again.toString());
            assertEquals(runId, CutNightly.publishedRun(out));
            assertTrue(!Files.exists(out.resolve("2022-23/" + RunLease.RELEASED + runId)), "the note is gone with the lock");
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    /**
     * A run on another machine (its host name says so: this one cannot look at its process), its server (on a free port,
     * its data kept) stopped in render; the run's one line once it ended.
     */
    private Lost runLosingItsServer() throws Exception {
        int port = freePort();
        Path data = tmp.resolve("pgdata");
        EmbeddedPostgres server = start(data, port);
        Map<String, String> settings = settings(port);
        Path out = tmp.resolve("out");
        ChildRun r = ChildRun.start(tmp, "lost", pausedAt(settings, "render"), Map.of("HOSTNAME", "another-host"), "run",
                "nightly", "--output", out.toString());
        String runId;
        try {
            runId = r.whilePaused(out.resolve("2022-23"), "render", LONG, server::close);
        } catch (Exception | AssertionError e) {
            server.close();
            throw e;
        }
        return new Lost(r, runId, r.oneLine(5, LONG), port, data, settings, out);
    }

    private static String statusOf(Map<String, String> settings) throws Exception {
        StringBuilder b = new StringBuilder("\nstatus " + settings.get("pb.status") + ":");
        Path d = Path.of(settings.get("pb.status"));
        if (Files.isDirectory(d)) {
            try (var s = Files.list(d)) {
                for (Path f : s.toList()) {
                    b.append("\n").append(f).append(": ").append(Files.isRegularFile(f) ? Files.readString(f) : "dir");
                }
            }
        }
        return b.toString();
    }

    private record Lost(ChildRun run, String runId, String line, int port, Path data, Map<String, String> settings, Path out) {
    }

    /**
     * Its report not written either (as on a full disk): history tells the run by the line it noted in the job's status
     * (tester63 #17: it said "abandoned by a dead process" of a run that ended with its line).
     */
    @Test
    void aRunThatCouldNeitherRecordNorReportItsFailureIsToldByTheLineItNoted() throws Exception {
        Lost lost = runLosingItsServer();
        org.springframework.util.FileSystemUtils.deleteRecursively(lost.out().resolve("2022-23/failed/" + lost.runId()));
        try (EmbeddedPostgres server = start(lost.data(), lost.port())) {
            String database = "PostgreSQL at localhost:" + lost.port() + " (database postgres, user postgres)";
            CliRun one = CliRun.capture(lost.settings(), "history", lost.runId());
            assertEquals(0, one.status(), one.toString());
            assertTrue(one.out().contains("exit status 5") && one.out().contains(database + " failed: ")
                    && !one.out().contains("dead process"), one + "\n(its line: " + lost.line() + ")" + statusOf(lost.settings()));
        }
    }

    @Test
    void aServerGoneOnceTheJobIsDoneIsARunPublishedWhoseEndIsNotRecorded() throws Exception {
        int port = freePort();
        Path data = tmp.resolve("pgdata");
        EmbeddedPostgres server = start(data, port);
        try {
            Map<String, String> settings = settings(port);
            Map<String, String> paused = new HashMap<>(settings);
            paused.put("pb.run.pause-at", "job:end");
            Path out = tmp.resolve("out");
            ChildRun r = ChildRun.start(tmp, "done", paused, "run", "nightly", "--output", out.toString());
            // Every step done and recorded; Spring Batch's record of the job's end is what is left.
            String runId = r.whilePaused(out.resolve("2022-23"), "job:end", LONG, server::close);
            server = null;
            // It was told as a run that could not start (exit status 5, and a notice saying so).
            publishedUnrecorded(r, runId, out, port);

            // The server back: the run is the published one, and the identical command has nothing to do.
            server = start(data, port);
            CliRun again = CliRun.capture(settings, "run", "nightly", "--output", out.toString());
            assertEquals(0, again.status(), again.toString());
            CliRun history = CliRun.capture(settings, "history");
            String row = history.out().lines().filter(l -> l.startsWith(runId)).findFirst()
                    .orElseThrow(() -> new AssertionError(history.toString()));
            assertTrue(row.contains("PUBLISHED"), row);
            assertEquals(runId, CutNightly.publishedRun(out));
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    /**
     * tester77b D1: the server gone once the run's folder is renamed into place (latest moved to it), in the publish
     * step's record of it or in the distribute step. The run said "failed", exit status 5, a failure noted in its job's
     * status (and mailed), though it was published. Now: published, its end not recorded, exit status 0, and the
     * identical command completes it, publishing nothing again. D2: it did so, but its history row stayed STARTED with
     * no finish time for good; now, whichever command comes next (history, or the identical run), the row says
     * PUBLISHED with its finish time. M1: the step it failed in ran, in history RUN_ID, until the command that found it,
     * its exit EXECUTING; now it ended when the run did, and says why.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"distribute", "publish:renamed"})
    void aServerGoneOnceTheRunsFolderIsInPlaceIsARunPublishedWhoseEndIsNotRecorded(String point) throws Exception {
        int port = freePort();
        Path data = tmp.resolve("pgdata");
        EmbeddedPostgres server = start(data, port);
        try {
            Map<String, String> settings = settings(port);
            Path out = tmp.resolve("out");
            ChildRun r = ChildRun.start(tmp, "gone", pausedAt(settings, point), "run", "nightly", "--output", out.toString());
            String runId = r.whilePaused(out.resolve("2022-23"), point, LONG, server::close);
            server = null;
            publishedUnrecorded(r, runId, out, port);
            java.time.LocalDateTime ended = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC);

            server = start(data, port);
            if (point.equals("publish:renamed")) {
                // history first: it says the run published, from its folder.
                CliRun history = CliRun.capture(settings, "history");
                assertTrue(history.out().lines().anyMatch(l -> l.startsWith(runId) && l.contains(" PUBLISHED ")), history.toString());
            }
            // The identical command completes its record, publishing nothing again; the history says so from then on.
            CliRun again = CliRun.capture(settings, "run", "nightly", "--output", out.toString());
            assertEquals(0, again.status(), again.toString());
            assertEquals(runId, CutNightly.publishedRun(out));
            CliRun one = CliRun.capture(settings, "history", runId);
            assertTrue(one.out().contains("Status    PUBLISHED") && !one.out().contains("Finished  -")
                    && one.out().contains("(2 attempts)"), one.toString());
            CliRun list = CliRun.capture(settings, "history", "--limit", "1");
            assertTrue(list.out().lines().anyMatch(l -> l.startsWith(runId) && l.contains(" PUBLISHED ")), list.toString());
            // M1: the step its database went away in ended as the run did, not when the next command found it (which
            // Spring Batch's recover makes its end), and its exit says why, not EXECUTING.
            assertTrue(!one.out().contains("EXECUTING") && one.out().contains("its database went away: its process ended "
                    + "without recording the step's end"), one.toString());
            try (java.sql.Connection c = server.getPostgresDatabase().getConnection();
                 java.sql.Statement st = c.createStatement();
                 java.sql.ResultSet rs = st.executeQuery("SELECT s.step_name, s.end_time, s.exit_code FROM batch_step_execution s "
                         + "WHERE s.status = 'FAILED' AND s.job_execution_id = (SELECT min(job_execution_id) FROM batch_job_execution)")) {
                assertTrue(rs.next(), "a failed step in the first attempt");
                java.sql.Timestamp end = rs.getTimestamp(2);
                assertTrue(end != null && !end.toLocalDateTime().isAfter(ended), rs.getString(1) + " ended " + end + ", after the run "
                        + "ended at " + ended);
                assertEquals("FAILED", rs.getString(3));
            }
            CliRun third = CliRun.capture(settings, "run", "nightly", "--output", out.toString());
            assertTrue(third.out().startsWith("Nothing to do: run " + runId), third.toString());
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    /**
     * The run ended published, its end not recorded: exit status 0, its summary, one line saying so, no failure noted in
     * its job's status (nor mailed: the notice notes it there too), its good run noted.
     */
    private void publishedUnrecorded(ChildRun r, String runId, Path out, int port) throws Exception {
        assertEquals(0, r.waitFor(LONG), r.err());
        assertTrue(r.out().contains("Published: " + out.resolve("2022-23/" + runId)), r.out());
        List<String> lines = r.err().strip().lines().toList();
        assertEquals(1, lines.size(), "one line: " + r.err());
        String database = "PostgreSQL at localhost:" + port + " (database postgres, user postgres)";
        assertTrue(lines.get(0).startsWith("pb-annex: run " + runId + " published, but its end could not be recorded: "
                + database + " failed: ") && lines.get(0).endsWith("; its folder says it published, and the next command "
                + "on that database records it so"), lines.get(0));
        assertEquals(runId, CutNightly.publishedRun(out));
        assertTrue(!Files.exists(tmp.resolve("status/nightly.2022-23.failed")), "no failure noted");
        assertTrue(Files.readString(tmp.resolve("status/nightly.2022-23.good")).contains("run " + runId + " published"));
    }
}
