package org.pbannex.runtime;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import org.pbannex.ingest.Said;

/**
 * A statement that waited {@code pb.database.lock-timeout} for a lock another session holds, and which the server ended
 * (its lock_timeout, SQL state 55P03): told as that, with the lock and, as the server's tables still show them, the
 * session that holds it (found by {@link LockWaits}), not as a server gone silent, which the socket timeout would have
 * said of the same wait.
 */
public final class LockWait extends SQLException {

    /** SQLSTATE lock_not_available: the server's lock_timeout ended the statement (or its NOWAIT found the lock held). */
    public static final String STATE = "55P03";

    private static final String SETTING = "pb.database.lock-timeout, PB_DATABASE_LOCK_TIMEOUT";

    /**
     * The lock waited for: a table's, or one of its rows' (report.cause.lock.KIND), or Flyway's of pb-annex's tables
     * ({@link MigrationLock}); {@code table} null when unknown.
     */
    public record Lock(String kind, String table) {

        static final Lock UNKNOWN = new Lock("other", null);
        static final Lock MIGRATION = new Lock("migration", null);

        String words() {
            return switch (kind) {
                case "table" -> "table " + table;
                case "row" -> "a row of table " + table;
                default -> "an object of the database";
            };
        }

        Said said() {
            return Said.cause("lock." + kind, "table", String.valueOf(table));
        }
    }

    /**
     * The session that holds the lock, as pg_stat_activity shows it: its server process, application_name, state and
     * when its transaction began ({@code state} null: not readable to this user, who sees its application_name); null where pg_locks no longer shows one.
     */
    public record Holder(long pid, String application, String state, OffsetDateTime since) {

        String words() {
            String who = "pid " + pid + ", application_name '" + application + "'";
            return state == null ? who + "; what it does is not readable to this user" : who + ", " + state + " since " + sinceWords();
        }

        /**
         * When its transaction began, to the second in UTC, as the runs' lock messages give times: an Instant's text,
         * which keeps ":00" at a whole minute (an OffsetDateTime's drops it).
         */
        String sinceWords() {
            return since == null ? "?" : Times.toSecond(since);
        }

        /**
         * Its state in a report's words (report.cause.lock.state.*): the server's word (pg_stat_activity.state) is
         * English, which the Chinese sentence says in Chinese, keeping the server's word in brackets for a DBA; a state
         * a later server adds is said as the server's word.
         */
        Said stateSaid() {
            String key = state.replace(" (aborted)", "_aborted").replace(' ', '_');
            return STATES.contains(key) ? Said.cause("lock.state." + key) : Said.cause("lock.state.other", "state", state);
        }
    }

    /** PostgreSQL's session states (pg_stat_activity.state), with spaces as underscores: report.cause.lock.state.*. */
    static final java.util.Set<String> STATES = java.util.Set.of("active", "idle", "idle_in_transaction",
            "idle_in_transaction_aborted", "fastpath_function_call", "disabled");

    /** How long this process's statements wait for a lock (null: the setting is 0, or the database is H2). */
    private static volatile DatabaseSilence.Limit limit;

    private final Lock lock;
    private final Holder holder;

    LockWait(Lock lock, Holder holder, Throwable cause) {
        super(message(lock, holder), STATE, cause);
        this.lock = lock;
        this.holder = holder;
    }

    /** Notes the lock timeout of the database this process uses (its statements wait that long for a lock). */
    public static void limit(DatabaseSilence.Limit lockTimeout) {
        limit = lockTimeout;
    }

    /** How long: "1m"; lock_timeout when it is not the setting's (set on the server, or in the URL's options). */
    private static String duration() {
        DatabaseSilence.Limit l = limit;
        return l == null ? "lock_timeout" : l.duration();
    }

    /** The setting that gives it. */
    private static String setting() {
        return limit == null ? "the server's or the URL's" : SETTING;
    }

    private static String message(Lock lock, Holder holder) {
        if (lock == Lock.MIGRATION) {
            // Not a statement's wait: Flyway asks for its advisory lock once a second, as often as the timeout allows.
            return "waited " + duration() + " (" + setting() + ") for Flyway's lock of pb-annex's tables (a PostgreSQL advisory "
                    + "lock, held while a process creates or updates them) that another session holds (" + (holder == null
                    ? "no longer found in pg_locks): run again" : holder.words() + "): let it finish, or end that session (SELECT "
                    + "pg_terminate_backend(" + holder.pid() + ")), then run again");
        }
        return "a statement waited " + duration() + " (" + setting() + ") for a lock on " + lock.words() + " that another session holds ("
                + (holder == null ? "no longer found in pg_locks" : holder.words()) + "): " + (holder == null ? "run again"
                : "end that session's transaction (or the session: SELECT pg_terminate_backend(" + holder.pid() + ")), then run again");
    }

    /** The lock wait {@code failure} comes of, or null. */
    public static LockWait of(Throwable failure) {
        return ExitCodes.causeOf(failure, LockWait.class);
    }

    /** The line in a report's words (report.cause.lock_wait and its parts). */
    public Said said() {
        Said holderSaid = holder == null ? Said.cause("lock.no_holder") : holder.state() == null
                ? Said.cause("lock.holder_pid", "pid", String.valueOf(holder.pid()), "application", holder.application())
                : Said.cause("lock.holder", "pid", String.valueOf(holder.pid()), "application", holder.application(),
                        "state", holder.stateSaid(), "since", holder.sinceWords());
        if (lock == Lock.MIGRATION) {
            return Said.cause("migration_lock_wait", "within", duration(), "setting", setting(), "holder", holderSaid,
                    "todo", holder == null ? Said.cause("lock.todo_no_holder")
                            : Said.cause("lock.todo_session", "pid", String.valueOf(holder.pid())));
        }
        return Said.cause("lock_wait", "within", duration(), "setting", setting(),
                "lock", lock.said(), "holder", holderSaid, "todo", holder == null ? Said.cause("lock.todo_no_holder")
                        : Said.cause("lock.todo", "pid", String.valueOf(holder.pid())));
    }

    public Lock lock() {
        return lock;
    }

    public Holder holder() {
        return holder;
    }
}
