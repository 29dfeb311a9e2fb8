package org.pbannex.runtime;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.pbannex.config.PbProperties;

/**
 * A PostgreSQL server that stopped answering while a run used it (stopped, SIGSTOP'd, its host or network gone): its
 * host's kernel, or nothing at all, keeps the connections open, so only a time limit finds it. Said in one line
 * whichever limit found it, naming what was asked and the setting: a statement under way (the driver's socket timeout,
 * {@code pb.database.socket-timeout}), the expenditure lines' COPY the server stopped taking (a write, which no socket
 * timeout reaches: the same limit, kept by the engine), a connection between statements (the pool's wait).
 */
public final class DatabaseSilence extends SQLTransientConnectionException {

    /**
     * What the database was asked when it fell silent (the word of the texts, report.cause.silent.WORD), and what that
     * may be (report.cause.silent.why.WHY): a statement may also be one that needs longer, or waits for another
     * session's lock, with the server answering all others.
     */
    public enum Asked {
        STATEMENT("during a statement", "gone_or_longer",
                "the server stopped, the network to it gone, or a statement that needs longer"),
        COPY("during the COPY of the expenditure lines", "gone", Asked.GONE),
        CONNECTION("when asked for a connection", "gone", Asked.GONE);

        private static final String GONE = "the server stopped, or the network to it gone";

        private final String words;
        private final String why;
        private final String whyWords;

        Asked(String words, String why, String whyWords) {
            this.words = words;
            this.why = why;
            this.whyWords = whyWords;
        }

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** What the silence may be, as a word of the texts. */
        public String why() {
            return why;
        }
    }

    /** A time limit and the setting that gives it, as a line names them ("10m", "pb.database.socket-timeout, ..."). */
    public record Limit(Duration within, String setting) {

        /** The statement limit when the process does not know its own (0: the driver's default, for ever). */
        static final Limit UNKNOWN = new Limit(Duration.ZERO, "pb.database.socket-timeout, PB_DATABASE_SOCKET_TIMEOUT");

        /** "10m (pb.database.socket-timeout, PB_DATABASE_SOCKET_TIMEOUT)". */
        public String words() {
            return duration() + " (" + setting + ")";
        }

        /** "10m"; "the socket timeout" when it is not known. */
        public String duration() {
            return within.isZero() ? "the socket timeout" : PbProperties.words(within);
        }
    }

    /** The pool's wait for a connection, as the README tells a person to set it. */
    public static final String POOL_SETTING =
            "spring.datasource.hikari.connection-timeout, SPRING_DATASOURCE_HIKARI_CONNECTIONTIMEOUT";

    /** The statement limit of the database this process uses, noted as it starts with it. */
    private static volatile Limit statements = Limit.UNKNOWN;

    private final Asked asked;
    private final Limit limit;

    public DatabaseSilence(Asked asked, Limit limit, Throwable cause) {
        super("silent for " + limit.words() + " " + asked.words + ": " + asked.whyWords, "08006", cause);
        this.asked = asked;
        this.limit = limit;
    }

    public Asked asked() {
        return asked;
    }

    public Limit limit() {
        return limit;
    }

    /** Notes how long the driver waits for an answer to a statement in this process (the socket timeout in force). */
    public static void statements(Limit limit) {
        statements = limit;
    }

    /** The statement limit in force ({@link #statements(Limit)}). */
    public static Limit statements() {
        return statements;
    }

    /**
     * The silence that {@code failure} comes of, or null: one said already (a COPY, the pool), or pgjdbc's "An I/O error
     * occurred while sending to the backend" (08006) whose cause is its socket's read timing out.
     */
    public static DatabaseSilence of(Throwable failure) {
        boolean brokenConnection = false;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DatabaseSilence s) {
                return s;
            }
            brokenConnection |= t instanceof SQLException e && "08006".equals(e.getSQLState());
            if (brokenConnection && t instanceof java.net.SocketTimeoutException) {
                return new DatabaseSilence(Asked.STATEMENT, statements, failure);
            }
        }
        return null;
    }

    /**
     * Whether the pool's failure to give a connection within its wait (with room for more: {@code timedOut}, HikariCP's,
     * whose cause is its last failure to connect or to validate one) is the server's silence, not its answer (refused,
     * a wrong password, shutting down: those keep their own words): no failure at all, a connect or read that timed out,
     * pgjdbc's login timeout (08001 with no cause), or a pooled connection its validation found closed (08003, which
     * pgjdbc does to a connection whose validation timed out).
     */
    public static boolean ofPool(SQLException timedOut) {
        Throwable last = timedOut.getCause();
        if (last == null) {
            return true;
        }
        for (Throwable t = last; t != null; t = t.getCause()) {
            if (t instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return last instanceof SQLException e && ("08001".equals(e.getSQLState()) && e.getCause() == null
                || "08003".equals(e.getSQLState()));
    }
}
