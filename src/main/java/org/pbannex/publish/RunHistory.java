package org.pbannex.publish;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.pbannex.runtime.ProcessIdentity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The run history (pb_run): one row per run, written when the run starts (with the process that runs it) and updated
 * by its heartbeat, when it publishes or fails, and when a later run finds its process dead. A restarted run keeps its
 * row (and its first start time) and counts its attempts.
 */
public final class RunHistory {

    /**
     * A row of the history. {@code owner} is the process that ran (or runs) it; {@code adoptedAt} when a new database
     * wrote in a run it found published in the output folder (null: a run it ran), with the editions and formats its
     * manifest gives ({@code languages}, {@code formats}: "zh,en", "xlsx,pdf,csv,html").
     */
    public record Entry(String runId, String job, String biennium, String status, Timestamp startedAt, Timestamp finishedAt,
                        Integer checksPassed, Integer checksFailed, boolean partial, String outputDir, String message,
                        Long jobExecutionId, ProcessIdentity owner, OffsetDateTime heartbeatAt, String failedStep,
                        Integer exitStatus, int attempts, OffsetDateTime adoptedAt, String languages, String formats) {

        public boolean running() {
            return "STARTED".equals(status);
        }

        /** Whether its process died while it ran, found so by a later command ({@link #abandonedByDeadProcess}). */
        public boolean deadProcess() {
            return "FAILED".equals(status) && message != null && message.startsWith(DEAD_PROCESS);
        }

        /**
         * When a later command found its process dead, as "2026-12-07 12:46:03 UTC" (null: not such a run). A row of an
         * earlier version kept that time as its finish, with the bare message.
         */
        public String foundDead() {
            if (!deadProcess()) {
                return null;
            }
            var found = FOUND.matcher(message);
            return found.find() ? found.group(1) : finishedAt == null ? null : shown(finishedAt.toInstant());
        }
    }

    /** A run's message when a later command found its process dead, followed by when: " (found ... UTC)". */
    public static final String DEAD_PROCESS = "abandoned by a dead process";
    private static final java.util.regex.Pattern FOUND = java.util.regex.Pattern.compile("\\(found ([^)]+ UTC)\\)$");

    /** A time as history shows it on a line of its own: 2026-12-03 01:03:09 UTC. */
    public static String shown(Instant t) {
        return t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString().replace("T", " ").replace("Z", "") + " UTC";
    }

    private static final String COLUMNS = "run_id, job_name, biennium, status, started_at, finished_at, checks_passed, "
            + "checks_failed, partial_run, output_dir, message, job_execution_id, host, pid, process_started, heartbeat_at, "
            + "failed_step, exit_status, attempts, adopted_at, languages, formats";

    private final JdbcTemplate jdbc;

    public RunHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A run starts, or a failed run restarts (same run id: its row is reused and its attempts counted). */
    public void started(String runId, String job, String biennium, long jobExecutionId, String inputChecksum, String codeVersion,
                        ProcessIdentity owner) {
        OffsetDateTime processStarted = owner.processStarted() == null ? null : owner.processStarted().atOffset(ZoneOffset.UTC);
        int updated = jdbc.update("UPDATE pb_run SET status = 'STARTED', finished_at = NULL, message = NULL, failed_step = NULL, "
                        + "exit_status = NULL, job_execution_id = ?, host = ?, pid = ?, process_started = ?, "
                        + "heartbeat_at = CURRENT_TIMESTAMP, attempts = attempts + 1 WHERE run_id = ?",
                jobExecutionId, owner.host(), owner.pid(), processStarted, runId);
        if (updated == 0) {
            jdbc.update("INSERT INTO pb_run (run_id, job_name, biennium, status, started_at, input_checksum, code_version, "
                            + "job_execution_id, host, pid, process_started, heartbeat_at) "
                            + "VALUES (?, ?, ?, 'STARTED', ?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)",
                    runId, job, biennium, Timestamp.from(Instant.now()), inputChecksum, codeVersion, jobExecutionId, owner.host(),
                    owner.pid(), processStarted);
        }
    }

    public void heartbeat(String runId) {
        jdbc.update("UPDATE pb_run SET heartbeat_at = CURRENT_TIMESTAMP WHERE run_id = ?", runId);
    }

    public void published(RunRecord r, Path folder) {
        published(r.runId(), r.finishedAt(), r.tables(), r.partial(), r.checksPassed(), r.checksFailed(), folder);
    }

    /**
     * The run as its published folder's manifest says, for a run whose folder was published but whose record was not
     * (its process was killed, or its database closed, between the two): what a failure or a dead process had recorded
     * of it is replaced.
     */
    public void published(PublishedRun p) {
        published(p.runId(), p.finishedAt(), p.tables(), p.partial(), p.checksPassed(), p.checksFailed(), p.folder());
    }

    private void published(String runId, String finishedAt, List<String> tables, boolean partial, long passed, long failed,
                           Path folder) {
        jdbc.update("UPDATE pb_run SET status = 'PUBLISHED', finished_at = ?, tables = ?, partial_run = ?, checks_passed = ?, "
                        + "checks_failed = ?, output_dir = ?, exit_status = 0, failed_step = NULL, message = NULL WHERE run_id = ?",
                Timestamp.from(Instant.parse(finishedAt)), String.join(",", tables), partial, (int) passed, (int) failed,
                folder.toString(), runId);
    }

    /**
     * A run published into an output folder that the database has no history of (a new one: a move to PostgreSQL, the
     * embedded file deleted), written in as its manifest says it (PublishedRun.newestPublishing found it publishing the
     * work asked for): from then on the database decides "nothing to do" by it, and history lists it. Once: false when
     * the run is in the history already, written by another command at the same moment (the run id is the key).
     */
    public boolean adopt(PublishedRun p, String inputChecksum) {
        if (find(p.runId()).isPresent()) {
            return false;
        }
        try {
            jdbc.update("INSERT INTO pb_run (run_id, job_name, biennium, status, started_at, finished_at, input_checksum, "
                            + "code_version, tables, partial_run, checks_passed, checks_failed, output_dir, exit_status, languages, "
                            + "formats, adopted_at) VALUES (?, ?, ?, 'PUBLISHED', ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, CURRENT_TIMESTAMP)",
                    p.runId(), p.job(), p.biennium(), Timestamp.from(Instant.parse(p.startedAt())),
                    Timestamp.from(Instant.parse(p.finishedAt())), inputChecksum, p.codeVersion(), String.join(",", p.tables()),
                    p.partial(), (int) p.checksPassed(), (int) p.checksFailed(), p.folder().toString(),
                    String.join(",", p.languages()), String.join(",", p.formats()));
            return true;
        } catch (org.springframework.dao.DuplicateKeyException written) {
            return false;
        }
    }

    /**
     * The runs adopted from an output folder ({@link #adopt}) that published these inputs with this code version into
     * {@code bienniumFolder}, the last published first.
     */
    public List<Entry> adoptedWith(String job, String biennium, String inputChecksum, String codeVersion, Path bienniumFolder) {
        return jdbc.query("SELECT " + COLUMNS + " FROM pb_run WHERE status = 'PUBLISHED' AND adopted_at IS NOT NULL AND job_name = ? "
                        + "AND biennium = ? AND input_checksum = ? AND code_version = ? AND output_dir IS NOT NULL "
                        + "ORDER BY finished_at DESC, run_id DESC", RunHistory::entry, job, biennium, inputChecksum, codeVersion)
                .stream().filter(e -> bienniumFolder.equals(Path.of(e.outputDir()).getParent())).toList();
    }

    /**
     * What became of a published run since, for the message {@code history RUN_ID} shows: its folder was removed, or it
     * was never sent to its reviewers because a newer run replaced it.
     */
    public void note(String runId, String why) {
        jdbc.update("UPDATE pb_run SET message = ? WHERE run_id = ?", cut(why), runId);
    }

    /** The run failed in a step (null when it failed before any), with its exit status and one line saying why. */
    public void failed(String runId, String step, int exitStatus, String message) {
        jdbc.update("UPDATE pb_run SET status = 'FAILED', finished_at = ?, failed_step = ?, exit_status = ?, message = ? "
                + "WHERE run_id = ?", Timestamp.from(Instant.now()), step, exitStatus, cut(message), runId);
    }

    /**
     * A run stopped (its time limit, a signal), recorded by its stop: failed, in the step it was in (none: a restart's
     * row keeps the step its last attempt failed in, where the next one restarts). A run stopped before {@link #started}
     * recorded it (in its start-up, or in the moment between its job's start and its row) gets its row now, with its job
     * execution when it has one and the process that ran it, so that the next run finds that process ended at once.
     *
     * @param jobExecutionId the run's job execution (null: none yet)
     * @param step           the step it was in (null: none)
     */
    public void stopped(String runId, String job, String biennium, Instant startedAt, String inputChecksum, String codeVersion,
                        Long jobExecutionId, ProcessIdentity owner, String step, int exitStatus, String message) {
        Timestamp now = Timestamp.from(Instant.now());
        OffsetDateTime processStarted = owner.processStarted() == null ? null : owner.processStarted().atOffset(ZoneOffset.UTC);
        int updated = jdbc.update("UPDATE pb_run SET status = 'FAILED', finished_at = ?, failed_step = COALESCE(?, failed_step), "
                        + "exit_status = ?, message = ?, job_execution_id = COALESCE(?, job_execution_id), host = ?, pid = ?, "
                        + "process_started = ? WHERE run_id = ?",
                now, step, exitStatus, cut(message), jobExecutionId, owner.host(), owner.pid(), processStarted, runId);
        if (updated == 0) {
            jdbc.update("INSERT INTO pb_run (run_id, job_name, biennium, status, started_at, finished_at, input_checksum, "
                            + "code_version, job_execution_id, host, pid, process_started, failed_step, exit_status, message) "
                            + "VALUES (?, ?, ?, 'FAILED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    runId, job, biennium, Timestamp.from(startedAt), now, inputChecksum, codeVersion, jobExecutionId, owner.host(),
                    owner.pid(), processStarted, step, exitStatus, cut(message));
        }
    }

    /**
     * The run's process died while it ran: found by a later run or command. It never finished, so it has no finish time
     * (it had the time it was found, which history showed as its finish, tester 77b); its message says when it was found.
     */
    public void abandonedByDeadProcess(String runId, String step) {
        jdbc.update("UPDATE pb_run SET status = 'FAILED', finished_at = NULL, failed_step = ?, exit_status = NULL, message = ? "
                + "WHERE run_id = ?", step, DEAD_PROCESS + " (found " + shown(Instant.now()) + ")", runId);
    }

    /** A person dropped the run with {@code pb-annex abandon}: it will not be restarted. */
    public void abandoned(String runId) {
        jdbc.update("UPDATE pb_run SET status = 'ABANDONED', finished_at = COALESCE(finished_at, ?), message = ? WHERE run_id = ?",
                Timestamp.from(Instant.now()), "abandoned with pb-annex abandon", runId);
    }

    public List<Entry> recent(int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM pb_run ORDER BY started_at DESC, run_id DESC LIMIT ?", RunHistory::entry, limit);
    }

    /** The job executions of the runs that published these inputs with this code version, the last started first. */
    public List<Long> publishedWith(String job, String biennium, String inputChecksum, String codeVersion) {
        return jdbc.queryForList("SELECT job_execution_id FROM pb_run WHERE status = 'PUBLISHED' AND job_name = ? AND biennium = ? "
                + "AND input_checksum = ? AND code_version = ? AND job_execution_id IS NOT NULL ORDER BY started_at DESC, run_id DESC",
                Long.class, job, biennium, inputChecksum, codeVersion);
    }

    /**
     * Whether the history knows any run of the biennium published into {@code bienniumFolder} (output/BIENNIUM) that it
     * ran itself, of any job or inputs: a database that knows none is new to that folder (or lost its history), and what
     * was published there is told by the folder. A run adopted from the folder does not count: the folder may hold runs
     * of other work (other tables, editions, inputs) that the next command asks for.
     */
    public boolean publishedInto(String biennium, Path bienniumFolder) {
        return jdbc.queryForList("SELECT output_dir FROM pb_run WHERE status = 'PUBLISHED' AND biennium = ? "
                + "AND output_dir IS NOT NULL AND adopted_at IS NULL", String.class, biennium).stream()
                .anyMatch(dir -> bienniumFolder.equals(Path.of(dir).getParent()));
    }

    /**
     * The runs this database published itself into {@code bienniumFolder} (output/BIENNIUM), not adopted from it: the
     * only runs of the folder whose sending (DistributionLog) it knows, for the retention.
     */
    public java.util.Set<String> publishedHere(Path bienniumFolder) {
        return jdbc.query("SELECT run_id, output_dir FROM pb_run WHERE status = 'PUBLISHED' AND biennium = ? "
                        + "AND output_dir IS NOT NULL AND adopted_at IS NULL", (rs, i) -> new String[] {rs.getString(1), rs.getString(2)},
                bienniumFolder.getFileName().toString()).stream()
                .filter(r -> bienniumFolder.equals(Path.of(r[1]).getParent())).map(r -> r[0])
                .collect(java.util.stream.Collectors.toSet());
    }

    /**
     * The runs of the job and biennium published after run {@code runId}, which finished at {@code finishedAt} (any
     * output folder), the first published first: those that may have replaced it. Finishing times are kept to the
     * second (as the manifest states them), so a run finished in the same second is after it when it started later:
     * run ids begin with their start to the millisecond.
     */
    public List<Entry> publishedAfter(String job, String biennium, Instant finishedAt, String runId) {
        Timestamp at = Timestamp.from(finishedAt);
        return jdbc.query("SELECT " + COLUMNS + " FROM pb_run WHERE status = 'PUBLISHED' AND job_name = ? AND biennium = ? "
                + "AND (finished_at > ? OR (finished_at = ? AND run_id > ?)) ORDER BY finished_at, run_id", RunHistory::entry,
                job, biennium, at, at, runId);
    }

    /** The runs the history has as started (running, or left so by a run whose end was not recorded). */
    public List<Entry> stillStarted() {
        return jdbc.query("SELECT " + COLUMNS + " FROM pb_run WHERE status = 'STARTED'", RunHistory::entry);
    }

    public Optional<Entry> find(String runId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM pb_run WHERE run_id = ?", RunHistory::entry, runId).stream().findFirst();
    }

    public Optional<Entry> byJobExecution(long jobExecutionId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM pb_run WHERE job_execution_id = ?", RunHistory::entry, jobExecutionId)
                .stream().findFirst();
    }

    /** The database's clock: heartbeats are compared with it, never with this machine's. */
    public OffsetDateTime databaseNow() {
        return jdbc.queryForObject("SELECT CURRENT_TIMESTAMP", OffsetDateTime.class);
    }

    private static Entry entry(ResultSet rs, int i) throws SQLException {
        OffsetDateTime processStarted = rs.getObject(15, OffsetDateTime.class);
        ProcessIdentity owner = rs.getString(13) == null ? null : new ProcessIdentity(rs.getString(13), rs.getLong(14),
                processStarted == null ? null : processStarted.toInstant());
        return new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5),
                rs.getTimestamp(6), (Integer) rs.getObject(7), (Integer) rs.getObject(8), rs.getBoolean(9), rs.getString(10),
                rs.getString(11), rs.getObject(12) == null ? null : rs.getLong(12), owner,
                rs.getObject(16, OffsetDateTime.class), rs.getString(17), (Integer) rs.getObject(18), rs.getInt(19),
                rs.getObject(20, OffsetDateTime.class), rs.getString(21), rs.getString(22));
    }

    private static String cut(String message) {
        return message == null ? null : message.length() > 2000 ? message.substring(0, 2000) : message;
    }
}
