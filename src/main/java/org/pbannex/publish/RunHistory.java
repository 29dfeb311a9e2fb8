package org.pbannex.publish;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** The run history table (pb_run): one row per run that reached the publish step, and failed runs too. */
public final class RunHistory {

    /** A row of the history, newest first in {@link #recent(int)}. */
    public record Entry(String runId, String job, String biennium, String status, Timestamp startedAt,
                        Timestamp finishedAt, Integer checksPassed, Integer checksFailed, boolean partial,
                        String outputDir, String message) {
    }

    private final JdbcTemplate jdbc;

    public RunHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void recordPublished(RunRecord r, Path folder) {
        jdbc.update("INSERT INTO pb_run (run_id, job_name, biennium, status, started_at, finished_at, input_checksum, "
                        + "code_version, tables, partial_run, checks_passed, checks_failed, output_dir) "
                        + "VALUES (?, ?, ?, 'PUBLISHED', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.runId(), r.job(), r.biennium(), Timestamp.from(Instant.parse(r.startedAt())),
                Timestamp.from(Instant.parse(r.finishedAt())), r.inputChecksum(), r.codeVersion(),
                String.join(",", r.tables()), r.partial(), (int) r.checksPassed(), (int) r.checksFailed(), folder.toString());
    }

    public void recordFailed(String runId, String job, String biennium, Instant started, String inputChecksum,
                             String codeVersion, String message) {
        jdbc.update("INSERT INTO pb_run (run_id, job_name, biennium, status, started_at, finished_at, input_checksum, "
                        + "code_version, message) VALUES (?, ?, ?, 'FAILED', ?, ?, ?, ?, ?)",
                runId, job, biennium, Timestamp.from(started), Timestamp.from(Instant.now()), inputChecksum, codeVersion,
                message.length() > 2000 ? message.substring(0, 2000) : message);
    }

    public List<Entry> recent(int limit) {
        return jdbc.query("SELECT run_id, job_name, biennium, status, started_at, finished_at, checks_passed, checks_failed, "
                        + "partial_run, output_dir, message FROM pb_run ORDER BY started_at DESC, run_id DESC LIMIT ?",
                (rs, i) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5),
                        rs.getTimestamp(6), (Integer) rs.getObject(7), (Integer) rs.getObject(8), rs.getBoolean(9),
                        rs.getString(10), rs.getString(11)), limit);
    }
}
