package org.pbannex.runtime;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.pbannex.ingest.Said;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The lock of one biennium in one output folder, held by a run from before its first step until it ends, so that two
 * runs never both publish there. It is a lease in the database (pb_run_lock), the same on H2 and PostgreSQL: the
 * holder's heartbeat renews it, and a holder that is gone is taken over: on this host, once its process no longer
 * exists (never while it runs, however silent; once silent for {@code pb.run.lease} when it is stopped); on another,
 * once silent for {@code pb.run.lease}
 * ({@link #goneReason}). Every statement commits at once on its own (autocommit, outside any step's transaction), so
 * other processes see it, a refused insert aborts nothing else, and a process stopped at any moment holds no lock on
 * the row.
 */
public final class RunLease {

    private static final Logger LOG = LoggerFactory.getLogger(RunLease.class);

    /** Another live run holds the lock (exit status 5). */
    public static class Busy extends RuntimeException implements Worded {

        private final transient Said said;

        public Busy(String message) {
            this(message, null);
        }

        /** @param said the message in a report's words (report.cause.*; null: its line) */
        public Busy(String message, Said said) {
            super(message);
            this.said = said;
        }

        @Override
        public Said said() {
            return said;
        }
    }

    /** The lock was taken over while this run held it (its heartbeat stopped for too long): it must not publish. */
    public static class Lost extends RuntimeException implements Worded {

        private final transient Said said;

        public Lost(String message, Said said) {
            super(message);
            this.said = said;
        }

        @Override
        public Said said() {
            return said;
        }
    }

    /**
     * What a run that lost its lock does not do, as its line ends ({@code line}) and in a report's words ({@code said},
     * report.cause.lock.*; null: its line).
     */
    public record Stopping(String line, Said said) {

        /** It stops before its next step. */
        public static Stopping beforeStep(String step) {
            return new Stopping("it stops before its step " + step + " (the run that holds the lock goes on)",
                    Said.cause("lock.stops_before_step", "step", new Said.Step(step)));
        }

        /** It publishes nothing. */
        public static Stopping nothingPublished(String runId) {
            return new Stopping("nothing is published by run " + runId, Said.cause("lock.nothing_published", "run", runId));
        }

        /** It sends no more messages: {@code done} of {@code count} reviewers were sent to; {@code command} sends the rest. */
        public static Stopping beforeMessage(String email, int done, int count, String command) {
            return new Stopping("it stops before the message to " + email + " (" + done + " of " + count + " reviewers done); the "
                    + "job's next run, or " + command + ", sends it to those it did not reach", Said.cause("lock.stops_before_message",
                    "email", email, "done", String.valueOf(done), "count", String.valueOf(count), "command", command));
        }
    }

    private record Holder(String runId, ProcessIdentity owner, OffsetDateTime heartbeat, OffsetDateTime acquired) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate own;
    private final Duration lease;

    public RunLease(JdbcTemplate jdbc, PlatformTransactionManager transactions, Duration lease) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        // Each statement of the lock commits on its own (autocommit), apart from any step's transaction: on PostgreSQL
        // the server then commits it whatever becomes of the client. In a transaction of its own (begin, update,
        // commit), a process stopped (SIGSTOP, Ctrl-Z) between the update and the commit left its session idle in
        // transaction, holding the lock's row: the run that takes a stopped holder's lock over waited on that row for
        // the whole lock timeout and failed.
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
        this.lease = lease;
    }

    /** The key of a biennium in an output folder. */
    public static String key(String biennium, String outputDir) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((biennium + "\n" + outputDir).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Takes the lock for the run, or throws Busy naming the live run that holds it. */
    public void acquire(String biennium, String outputDir, String runId) {
        String key = key(biennium, outputDir);
        ProcessIdentity me = ProcessIdentity.current();
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                own.executeWithoutResult(t -> jdbc.update("INSERT INTO pb_run_lock (lock_key, biennium, output_dir, run_id, host, "
                                + "pid, process_started, acquired_at, heartbeat_at) VALUES (?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP, "
                                + "CURRENT_TIMESTAMP)", key, biennium, outputDir, runId, me.host(), me.pid(), started(me)));
                return;
            } catch (DataIntegrityViolationException held) {
                // held by someone: take it over if the holder is gone
            }
            Holder h = holder(key);
            if (h == null) {
                continue; // released in between: try again
            }
            if (h.runId().equals(runId) && sameProcess(h.owner(), me)) {
                return;
            }
            boolean released = releasedBy(biennium, outputDir, h.runId(), h.owner());
            OffsetDateTime now = released ? null : databaseNow();
            String why = released ? "it ended, its database not to be told, and released it in "
                    + releaseNote(biennium, outputDir, h.runId()) : goneReason(h.owner(), h.heartbeat(), now, lease);
            if (why == null) {
                Wait wait = Wait.of(h.owner(), h.heartbeat(), now, lease);
                boolean same = h.runId().equals(runId);
                throw new Busy((same ? "run " + runId + " is being run or sent by another process ("
                        + h.owner() + ") in " + biennium + " in " + outputDir
                        : "another run (" + h.runId() + ", " + h.owner() + ") is running " + biennium + " into " + outputDir)
                        + "; it started first: wait for it to finish" + Wait.line(wait),
                        Wait.said(wait, same ? "lock.busy_same" : "lock.busy", "run", h.runId(), "holder", h.owner().said(),
                                "biennium", biennium, "output", outputDir));
            }
            Integer taken = own.execute(t -> jdbc.update("UPDATE pb_run_lock SET run_id = ?, host = ?, pid = ?, process_started = ?, "
                            + "acquired_at = CURRENT_TIMESTAMP, heartbeat_at = CURRENT_TIMESTAMP WHERE lock_key = ? AND run_id = ? "
                            + "AND heartbeat_at = ?", runId, me.host(), me.pid(), started(me), key, h.runId(), h.heartbeat()));
            if (taken != null && taken == 1) {
                LOG.warn("took over the lock of {} in {} from run {} ({}): {}", biennium, outputDir, h.runId(), h.owner(), why);
                if (released) {
                    try {
                        Files.deleteIfExists(releaseNote(biennium, outputDir, h.runId()));
                    } catch (java.io.IOException e) {
                        LOG.warn("could not remove {}: {}", releaseNote(biennium, outputDir, h.runId()), e.getMessage());
                    }
                }
                if (why.startsWith(STOPPED)) {
                    // A live process is passed over: said, so that whoever stopped it knows what continuing it does.
                    System.err.println("pb-annex: took over the lock of " + biennium + " in " + outputDir + " from run " + h.runId()
                            + " (" + h.owner() + "): " + why + "; continued, it stops at its next step");
                }
                return;
            }
        }
        throw new Busy("could not take the lock of " + biennium + " in " + outputDir + ": other runs keep taking it");
    }

    /**
     * Renews the lease (the heartbeat); Lost when another run took it over meanwhile. The holder is the run in this
     * process: the same run restarted by another process (which took it over as dead) is another holder.
     */
    public void renew(String biennium, String outputDir, String runId) {
        ProcessIdentity me = ProcessIdentity.current();
        Integer n = own.execute(t -> jdbc.update("UPDATE pb_run_lock SET heartbeat_at = CURRENT_TIMESTAMP WHERE lock_key = ? "
                + "AND run_id = ? AND host = ? AND pid = ?", key(biennium, outputDir), runId, me.host(), me.pid()));
        if (n == null || n == 0) {
            throw lost(biennium, outputDir, runId).orElseGet(() -> new Lost("run " + runId + " could not renew its lock of "
                    + biennium + " in " + outputDir, null));
        }
    }

    /**
     * Throws Lost, saying what stops ({@code stopping}: "it stops before its step render"), unless the run in this
     * process still holds the lock: a run whose lock another run took over (its heartbeat silent for longer than the
     * lease: a paused virtual machine, a database that did not answer) must not go on beside that run.
     */
    public void stillHeld(String biennium, String outputDir, String runId, Stopping stopping) {
        var gone = lost(biennium, outputDir, runId, stopping);
        if (gone.isPresent()) {
            throw gone.get();
        }
    }

    /**
     * Renews the lease every {@code every} until closed, on a daemon thread, and runs {@code alsoEach} (the run's own
     * heartbeat in its history) after each renewal: whoever holds the lock for longer than {@code pb.run.lease} (a run, the
     * sending of a run left unsent) keeps it so. A lease taken over meanwhile is logged as an error (once), and any
     * other failure as a warning: the holder's next step boundary checks {@link #stillHeld} and stops there.
     */
    public Heartbeat heartbeat(String biennium, String outputDir, String runId, Duration every, Runnable alsoEach) {
        return new Heartbeat(biennium, outputDir, runId, every, alsoEach);
    }

    /** The renewal of a held lease; closing it stops the renewal (it does not release the lock). */
    public final class Heartbeat implements AutoCloseable {

        private final java.util.concurrent.ScheduledExecutorService beat;
        private volatile boolean lost;

        private Heartbeat(String biennium, String outputDir, String runId, Duration every, Runnable alsoEach) {
            beat = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "heartbeat");
                t.setDaemon(true);
                return t;
            });
            long millis = every.toMillis();
            beat.scheduleAtFixedRate(() -> {
                try {
                    renew(biennium, outputDir, runId);
                    alsoEach.run();
                } catch (Lost e) {
                    // Said once: the holder's next step boundary (stillHeld) stops it.
                    if (!lost) {
                        lost = true;
                        LOG.error("{}; it stops at its next step", e.getMessage());
                    }
                } catch (RuntimeException e) {
                    LOG.warn("heartbeat of run {} failed: {}", runId, e.getMessage());
                }
            }, millis, millis, java.util.concurrent.TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() {
            beat.shutdownNow();
        }
    }

    /** The live run that holds the lock, in words ("RUN-ID, host pid ..."); empty when it is free or its holder is gone. */
    public java.util.Optional<String> liveHolder(String biennium, String outputDir) {
        Holder h = holder(key(biennium, outputDir));
        return h == null || deadReason(h) != null ? java.util.Optional.empty() : java.util.Optional.of(h.runId() + ", " + h.owner());
    }


    /**
     * The live run that holds the lock, as a run refused now would be told of it: who ("RUN-ID, pid P on HOST"), since
     * when it holds it, and, for one that may have ended unseen (on another host) or is stopped here, how long such a
     * run would wait ({@link #waited}); empty when the lock is free, or its holder gone or released by its note.
     */
    public java.util.Optional<Held> heldBy(String biennium, String outputDir) {
        Holder h = holder(key(biennium, outputDir));
        if (h == null || releasedBy(biennium, outputDir, h.runId(), h.owner())) {
            return java.util.Optional.empty();
        }
        OffsetDateTime now = databaseNow();
        return goneReason(h.owner(), h.heartbeat(), now, lease) != null ? java.util.Optional.empty()
                : java.util.Optional.of(new Held(h.runId() + ", " + h.owner() + ", since "
                        + Times.toSecond(h.acquired()),
                        waited(h.owner(), h.heartbeat(), now, lease)));
    }

    /** A live holder in words ({@link #heldBy}), and how long a run refused now would wait for it ("" until it ends). */
    public record Held(String holder, String waited) {
    }

    /** How long a run may be silent before it counts as dead (pb.run.lease). */
    public Duration lease() {
        return lease;
    }

    /**
     * Releases the lock when the run in this process holds it (never the same run's restart in another process). When
     * its database cannot be asked (gone: {@code databaseGone}, or found so now), or its row stays locked by another
     * session for the whole lock timeout, the release is left as a note in the
     * output folder the lock covers instead, which the next run reads as this holder's end ({@link #releasedBy}): a
     * holder on another host would otherwise be waited for the whole lease.
     */
    public void release(String biennium, String outputDir, String runId, boolean databaseGone) {
        ProcessIdentity me = ProcessIdentity.current();
        if (!databaseGone) {
            try {
                own.executeWithoutResult(t -> jdbc.update("DELETE FROM pb_run_lock WHERE lock_key = ? AND run_id = ? AND host = ? "
                        + "AND pid = ?", key(biennium, outputDir), runId, me.host(), me.pid()));
                return;
            } catch (RuntimeException e) {
                // (Its row locked by another session for the whole lock timeout, as the run's last statement may have
                // been: the note tells the next run all the same.)
                if (!DatabaseUnavailable.unreachable(e) && LockWait.of(e) == null) {
                    throw e;
                }
                LOG.warn("run {} could not remove its lock's row: {}", runId, e.getMessage());
            }
        }
        Path note = releaseNote(biennium, outputDir, runId);
        try {
            Files.createDirectories(note.getParent());
            Files.writeString(note, me.host() + "\t" + me.pid() + "\n");
            LOG.info("run {} released its lock of {} in {} in {}: its database could not be told", runId, biennium, outputDir, note);
        } catch (java.io.IOException e) {
            LOG.warn("run {} could not release its lock (its database gone, {} not written: {}): a run on this host takes it over "
                    + "once this process has ended, one on another host once its heartbeat is {} s old (pb.run.lease)", runId, note,
                    e.getMessage(), lease.toSeconds());
        }
    }

    /**
     * When run {@code runId}'s process noted that it released its lock (its database gone as it ended: the moment its run
     * ended, give or take its report), by the note's time; null when there is no note.
     */
    public static java.time.Instant releaseNoted(String biennium, String outputDir, String runId) {
        try {
            return Files.getLastModifiedTime(releaseNote(biennium, outputDir, runId)).toInstant();
        } catch (java.io.IOException none) {
            return null;
        }
    }

    /** Where a holder whose database was gone notes that it released the lock: in the biennium's folder of the output. */
    static Path releaseNote(String biennium, String outputDir, String runId) {
        return Path.of(outputDir).resolve(biennium).resolve(RELEASED + runId);
    }

    /** How a release note's name starts (a dot file, as the runs' other leftovers). */
    public static final String RELEASED = ".lock-released-";

    /**
     * Whether the run {@code runId}'s process {@code owner} released the lock of the biennium in the output folder by a
     * note (its database gone as it ended): it has ended, whatever the database still says. Another process running
     * the same run (a restart) is not released by it.
     */
    public static boolean releasedBy(String biennium, String outputDir, String runId, ProcessIdentity owner) {
        try {
            String[] note = Files.readString(releaseNote(biennium, outputDir, runId)).strip().split("\t");
            return note.length == 2 && sameProcess(owner, new ProcessIdentity(note[0], Long.parseLong(note[1]), null));
        } catch (java.io.IOException | NumberFormatException none) {
            return false;
        }
    }

    // The process start time is left out: two clocks' readings of it may differ, and a host's live pid is one process.
    private static boolean sameProcess(ProcessIdentity a, ProcessIdentity b) {
        return a.host().equals(b.host()) && a.pid() == b.pid();
    }

    /** Why the holder counts as gone, or null when it may be alive. */
    private String deadReason(Holder h) {
        return goneReason(h.owner(), h.heartbeat(), databaseNow(), lease);
    }

    /** The database's time, which the heartbeats are written in. */
    private OffsetDateTime databaseNow() {
        return own.execute(t -> jdbc.queryForObject("SELECT CURRENT_TIMESTAMP", OffsetDateTime.class));
    }

    /**
     * Why a run that {@link #goneReason} does not count as gone yet may be waited for, and how long, for the line that
     * refuses the next run: one on another host, whose process cannot be looked at (it may have ended without a note of
     * its release: its output folder full or read-only as its database went), or one stopped on this host, counts as
     * gone once its heartbeat is as old as the lease; "" for one running here (or with no heartbeat recorded).
     */
    public static String waited(ProcessIdentity owner, OffsetDateTime heartbeat, OffsetDateTime now, Duration lease) {
        return Wait.line(Wait.of(owner, heartbeat, now, lease));
    }

    /**
     * The words of a line that refuses a run while {@code owner} holds what it needs ({@code word}, report.cause.WORD,
     * with {@code namesAndValues}), how long it may be waited for ({@link #waited}) added: WORD_waiting with its
     * {waited}.
     */
    public static Said waitedSaid(ProcessIdentity owner, OffsetDateTime heartbeat, OffsetDateTime now, Duration lease, String word,
                                  Object... namesAndValues) {
        return Wait.said(Wait.of(owner, heartbeat, now, lease), word, namesAndValues);
    }

    /** How long a holder that may be alive is waited for: stopped here, or on another host ({@link #waited}). */
    private record Wait(boolean stopped, long age, long lease, long left) {

        /** Null for one running here (or with no heartbeat recorded). */
        static Wait of(ProcessIdentity owner, OffsetDateTime heartbeat, OffsetDateTime now, Duration lease) {
            boolean stopped = owner.certainlyAlive() && owner.stopped();
            if (heartbeat == null || owner.certainlyAlive() && !stopped) {
                return null;
            }
            Duration age = Duration.between(heartbeat, now);
            return new Wait(stopped, Math.max(0, age.toSeconds()), lease.toSeconds(),
                    // Rounded up to the second from the nanosecond, so that the age (rounded down) and the rest make the lease.
                    Math.max(0, (lease.minus(age).toNanos() + 999_999_999) / 1_000_000_000));
        }

        static String line(Wait w) {
            return w == null ? "" : " (" + (w.stopped ? STOPPED + " (state T)" : "its process, on another host, cannot be looked at")
                    + ": its heartbeat is " + w.age + " s old; " + (w.stopped ? "it" : "if it has ended, it") + " is taken over "
                    + "once its heartbeat is " + w.lease + " s old (pb.run.lease), in " + w.left + " s)";
        }

        static Said said(Wait w, String word, Object... namesAndValues) {
            Said said = Said.cause(w == null ? word : word + "_waiting", namesAndValues);
            return w == null ? said : said.and("waited", Said.cause(w.stopped ? "lock.wait_stopped" : "lock.wait_elsewhere",
                    "age", String.valueOf(w.age), "lease", String.valueOf(w.lease), "left", String.valueOf(w.left)));
        }
    }

    /**
     * Why a run's process counts as gone, or null while it may be alive; the one rule for a lock's holder and a running
     * job execution alike. On this host the process itself decides: gone when no process with its id and start time
     * exists, never while it runs, however old its heartbeat (a process slowed for a while is alive, and taking its lock
     * over would make two runs publish at once), and when it is stopped (state T) once its heartbeat is older than the
     * lease: it does nothing until continued, and then stops at its next step. On another host only the heartbeat can:
     * gone once it is older than the lease.
     *
     * @param heartbeat its last heartbeat (null: none recorded, the heartbeat cannot tell)
     * @param now       the database's time, which the heartbeats were written in
     */
    public static String goneReason(ProcessIdentity owner, OffsetDateTime heartbeat, OffsetDateTime now, Duration lease) {
        if (owner.certainlyDead()) {
            return "its process is gone";
        }
        boolean silent = heartbeat != null && heartbeat.isBefore(now.minus(lease));
        if (owner.certainlyAlive()) {
            // Stopped (SIGSTOP, a debugger) and silent for the lease: it would hold the biennium until someone continues
            // it, perhaps never; continued, it finds its lock taken over at its next step and stops there.
            return silent && owner.stopped() ? STOPPED + " (SIGSTOP or a debugger: state T) and its heartbeat silent since "
                    + Times.toSecond(heartbeat) + ", more than " + lease.toSeconds() + " s (pb.run.lease)"
                    : null;
        }
        if (silent) {
            return "no heartbeat since " + Times.toSecond(heartbeat);
        }
        return null;
    }

    /** How {@link #goneReason} starts for a holder alive on this host and stopped. */
    static final String STOPPED = "its process is stopped";

    /**
     * The loss of the lock by a run that no longer holds it, in the one line it ends with ("run X lost its lock of B in
     * OUT to run Y (pid P on H)"); empty while it still holds it. Whatever else failed in such a run (its job execution
     * marked failed by the run that took over) follows from that.
     */
    public java.util.Optional<Lost> lost(String biennium, String outputDir, String runId) {
        return lost(biennium, outputDir, runId, Stopping.nothingPublished(runId));
    }

    /** Whether the run in this process holds the lock. */
    public boolean holds(String biennium, String outputDir, String runId) {
        return heldHere(holder(key(biennium, outputDir)), runId);
    }

    /**
     * The holder is the run in this process: the same run restarted by another process (which took it over as dead) is
     * another holder.
     */
    private static boolean heldHere(Holder h, String runId) {
        return h != null && h.runId().equals(runId) && sameProcess(h.owner(), ProcessIdentity.current());
    }

    /** The same, ending with what stops ({@code stopping}). */
    private java.util.Optional<Lost> lost(String biennium, String outputDir, String runId, Stopping stopping) {
        Holder h = holder(key(biennium, outputDir));
        if (heldHere(h, runId)) {
            return java.util.Optional.empty();
        }
        Holder taker = h != null ? h : publishedAfter(biennium, outputDir, runId);
        String takerLine = taker == null ? "another run, which has ended"
                : "run " + taker.runId() + (taker.owner() == null ? "" : " (" + taker.owner() + ")");
        Said takerSaid = taker == null ? Said.cause("lock.taker_ended") : taker.owner() == null
                ? Said.cause("lock.taker_run", "run", taker.runId()) : Said.cause("lock.taker", "run", taker.runId(), "holder", taker.owner().said());
        return java.util.Optional.of(new Lost("run " + runId + " lost its lock of " + biennium + " in " + outputDir + " to "
                + takerLine + ", which took it over when its heartbeat had stopped for more than " + lease.toSeconds()
                + " s (pb.run.lease); " + stopping.line(), stopping.said() == null ? null : Said.cause("lock.lost", "run", runId,
                "biennium", biennium, "output", outputDir, "taker", takerSaid, "lease", String.valueOf(lease.toSeconds()),
                "stopping", stopping.said())));
    }

    /**
     * The run that took the lock over and has released it since (a nightly run takes seconds): the first run of the
     * biennium started after this one that published into the output folder, as the run history records it; null when
     * none did.
     */
    private Holder publishedAfter(String biennium, String outputDir, String runId) {
        List<String[]> later = own.execute(t -> jdbc.query("SELECT r.run_id, r.output_dir, r.host, r.pid FROM pb_run r, pb_run me "
                + "WHERE me.run_id = ? AND r.biennium = ? AND r.run_id <> me.run_id AND r.started_at >= me.started_at "
                + "AND r.output_dir IS NOT NULL ORDER BY r.started_at", (rs, i) -> new String[] {rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getString(4)}, runId, biennium));
        java.nio.file.Path out = java.nio.file.Path.of(outputDir).toAbsolutePath().normalize();
        for (String[] r : later == null ? List.<String[]>of() : later) {
            if (java.nio.file.Path.of(r[1]).toAbsolutePath().normalize().startsWith(out)) {
                return new Holder(r[0], r[2] == null || r[3] == null ? null : new ProcessIdentity(r[2], Long.parseLong(r[3]), null), null, null);
            }
        }
        return null;
    }

    private Holder holder(String key) {
        List<Holder> rows = own.execute(t -> jdbc.query("SELECT run_id, host, pid, process_started, heartbeat_at, acquired_at "
                + "FROM pb_run_lock WHERE lock_key = ?", (rs, i) -> {
                    OffsetDateTime ps = rs.getObject(4, OffsetDateTime.class);
                    return new Holder(rs.getString(1), new ProcessIdentity(rs.getString(2), rs.getLong(3),
                            ps == null ? null : ps.toInstant()), rs.getObject(5, OffsetDateTime.class),
                            rs.getObject(6, OffsetDateTime.class));
                }, key));
        return rows == null || rows.isEmpty() ? null : rows.get(0);
    }

    private static OffsetDateTime started(ProcessIdentity p) {
        return p.processStarted() == null ? null : p.processStarted().atOffset(ZoneOffset.UTC);
    }
}
