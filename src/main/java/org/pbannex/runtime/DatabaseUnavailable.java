package org.pbannex.runtime;

import org.pbannex.ingest.Said;

/**
 * The database could not be reached, opened or migrated (exit status 5). Its message names the database the way a
 * person finds it (host:port and database, never the password; or the embedded database's folder) and the cause; its
 * words ({@link #said}) say the same in a report's language: the database, what could not be done and why, the
 * driver's own message left to the log.
 */
public class DatabaseUnavailable extends RuntimeException {

    /** The database this process uses, once its context started (null before). */
    private static volatile Named inUse;

    /** The line in a report's words, report.cause.* (its word after "cause."); null: said by the line alone. */
    private final transient Said said;

    public DatabaseUnavailable(String message, Throwable cause) {
        this(message, cause, null);
    }

    /** @param said the message in a report's words ({@link #said}) */
    public DatabaseUnavailable(String message, Throwable cause, Said said) {
        super(message, cause);
        this.said = said;
    }

    /** The message in a report's words (report.cause.WORD, its values words of their own); null: none but the line. */
    public Said said() {
        return said;
    }

    /**
     * A database as messages name it, made of the parts a report's words say in their language ({@code report.cause.db.*}):
     * PostgreSQL's {@code host} (host:port), database {@code name} and {@code user} (may be empty); the embedded
     * database's {@code file}; else the URL as {@code other} (null: none).
     */
    public record Named(String word, String host, String name, String user, String file, String other) {

        /** The embedded H2 database whose files are {@code database}.mv.db (as H2's URL names it). */
        public static Named embedded(java.nio.file.Path database) {
            return new Named("embedded", null, null, null, database + ".mv.db", null);
        }

        /** The database in a report's words (report.cause.db.*). */
        public Said said() {
            return Said.cause("db." + word, "host", String.valueOf(host), "name", String.valueOf(name), "user", String.valueOf(user),
                    "file", String.valueOf(file), "other", String.valueOf(other));
        }

        @Override
        public String toString() {
            return switch (word) {
                case "postgres" -> "PostgreSQL at " + host + " (database " + name + ", user " + user + ")";
                case "postgres_no_user" -> "PostgreSQL at " + host + " (database " + name + ")";
                case "embedded" -> "the embedded database " + file;
                case "unnamed" -> "the database";
                default -> other;
            };
        }
    }

    /** How a database is named in messages: PostgreSQL at host:port/db (user u), or the embedded H2 database's path. */
    public static String describe(String jdbcUrl, String user) {
        return named(jdbcUrl, user).toString();
    }

    /** The database's name in messages, by its parts ({@link #describe}'s words). */
    public static Named named(String jdbcUrl, String user) {
        if (jdbcUrl == null) {
            return new Named("unnamed", null, null, null, null, null);
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            String rest = jdbcUrl.substring("jdbc:postgresql:".length());
            int q = rest.indexOf('?');
            String where = (q < 0 ? rest : rest.substring(0, q)).replaceFirst("^//", "");
            if (!where.contains("/")) {
                where = where + "/";
            }
            String hostPort = where.substring(0, where.indexOf('/'));
            if (!hostPort.contains(":")) {
                hostPort += ":5432";
            }
            boolean noUser = user == null || user.isBlank();
            return new Named(noUser ? "postgres_no_user" : "postgres", hostPort, where.substring(where.indexOf('/') + 1), user,
                    null, null);
        }
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            java.nio.file.Path db = EmbeddedDatabaseLock.databaseOf(jdbcUrl);
            return db == null ? new Named("embedded", null, null, null, jdbcUrl.split(";")[0], null) : Named.embedded(db);
        }
        return new Named("other", null, null, null, null, jdbcUrl.split("[;?]")[0]);
    }

    /** Notes the database this process uses, for the line of a failure while it is in use ({@link #whileInUse}). */
    public static void inUse(Named database) {
        inUse = database;
    }

    /** The database this process uses (the unnamed one before its context started), for a failure while in use. */
    public static Named inUse() {
        return inUse == null ? named(null, null) : inUse;
    }

    /**
     * The line for a failure of the database while the process used it (a disk that filled under the H2 file, a
     * PostgreSQL server that went away mid-run), naming the database; null when the failure is not the database's.
     */
    static String whileInUse(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException || t instanceof org.springframework.dao.DataAccessException) {
                return inUse() + " failed: " + cause(failure);
            }
        }
        return null;
    }

    /**
     * Whether the failure is the database's connection lost or not to be had (the pool timed out, the server hung up
     * or went silent): asked again now, it would only make the caller wait a connect timeout more for the same answer.
     */
    public static boolean unreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof org.springframework.jdbc.CannotGetJdbcConnectionException
                    || t instanceof java.sql.SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Why the database could not be used, in words: the driver's message and, where it hides it, the reason (a server
     * gone silent: for how long, during what, {@link DatabaseSilence}).
     */
    /** Whether the server answered and the user may not create or change pb-annex's tables (not a database unavailable). */
    public static boolean noRights(Throwable e) {
        return failure(e).kind().equals("no_rights");
    }

    public static String cause(Throwable e) {
        DatabaseSilence silent = DatabaseSilence.of(e);
        if (silent != null) {
            return silent.getMessage();
        }
        LockWait waited = LockWait.of(e);
        if (waited != null) {
            return waited.getMessage();
        }
        ServerIngestFailed ingest = ServerIngestFailed.of(e);
        if (ingest != null) {
            return ingest.getMessage();
        }
        // The statement H2 was running stays in the log: it is SQL, and can run to a whole table's definition.
        return failure(e).line().replaceFirst("(?s)[;\\s]*SQL statement:.*", "").replaceAll("\\s+", " ")
                .replaceAll(" ?\\[(\\d+-\\d+|[\\d.]+/\\d+)\\]", "").strip();
    }

    /**
     * Why the database could not be used, in a report's words (report.cause.db_why.*): the kind of failure and what
     * names it (a host, the system's reason), the driver's own words left to the log, where its failure is.
     */
    public static Said reason(Throwable e) {
        Failure f = failure(e);
        return switch (f.kind()) {
            case "io" -> Said.cause("db_why.io", "why", systemReason(f.detail()));
            case "unknown_host" -> Said.cause("db_why.unknown_host", "host", f.detail());
            case "in_log" -> inLog();
            default -> Said.cause("db_why." + f.kind());
        };
    }

    /** A system's reason (No space left on device) in a report's words (report.cause.why.*), else where it is. */
    public static Said systemReason(String reason) {
        String word = ExitCodes.reasonWord(reason);
        return word == null ? inLog() : Said.cause(word);
    }

    /** The reason is in the log (with the failure's stack): the file named. */
    private static Said inLog() {
        return Said.cause("db_why.in_log", "log", LogConfiguration.file().toString());
    }

    /**
     * What a command starting could not do with the database, in a report's words (report.cause.db_start.*): connect to
     * the server or open the embedded file, create or update pb-annex's tables (Flyway), or use it; and why ({@code why},
     * or null: {@link #reason}).
     */
    public static Said atStart(Named database, Throwable e, Said why) {
        Failure f = failure(e);
        boolean embedded = "embedded".equals(database.word());
        boolean reaching = unreachable(e) || java.util.List.of("refused", "unknown_host", "login", "no_database", "cut_short",
                "damaged").contains(f.kind());
        boolean tables = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            tables |= t.getClass().getName().startsWith("org.flywaydb.");
        }
        String operation = reaching || why != null ? (embedded ? "open" : "connect") : tables ? "migrate" : embedded ? "open" : "use";
        // A lock waited for (Flyway's, as it checks the tables) in its own words, as the line says it: not "in the log".
        LockWait waited = LockWait.of(e);
        return Said.cause("db_start." + operation, "database", database.said(), "reason", why != null ? why
                : waited != null ? waited.said() : reason(e));
    }

    /**
     * A database's failure as found once: its kind (report.cause.db_why.*), the line's words for it (the driver's
     * message, and the reason where the driver hides it) and what names it (a host, the system's reason).
     */
    private record Failure(String kind, String line, String detail) {
    }

    private static Failure failure(Throwable e) {
        Throwable root = e;
        String best = null;
        String corrupted = null;
        String state = null;
        boolean h2 = false;
        boolean refused = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            root = t;
            h2 |= t.getClass().getName().startsWith("org.h2.");
            refused |= t instanceof java.net.ConnectException && String.valueOf(t.getMessage()).contains("refused");
            if (t instanceof java.sql.SQLException sql && t.getMessage() != null) {
                best = t.getMessage();
                state = state == null ? sql.getSQLState() : state;
            }
            if (corrupted == null && t instanceof org.h2.mvstore.MVStoreException && t.getMessage() != null
                    && t.getMessage().startsWith("File corrupted")) {
                // Where H2 wraps it in a "General error", its own words say where: the chunk and the check.
                corrupted = t.getMessage();
            }
        }
        if (corrupted != null) {
            best = corrupted;
        }
        String m = best != null ? best : root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if ((root.getClass() == java.io.IOException.class || root instanceof java.nio.file.FileSystemException)
                && root.getMessage() != null) {
            // A disk that filled or failed under the database: the system's words, not the driver's "database closed".
            return new Failure("io", "input/output error: " + root.getMessage(), root.getMessage());
        }
        if (root instanceof java.io.EOFException && h2) {
            // H2 says only "IO Exception" and the file's name. (From PostgreSQL's driver: a server that hung up.)
            return new Failure("cut_short", "the database file is damaged or not an H2 database (it is cut short)", null);
        }
        if (m.contains("File corrupted") || m.contains("EOFException")) {
            return new Failure("damaged", "the database file is damaged or not an H2 database (" + m + ")", null);
        }
        if (root instanceof java.net.UnknownHostException) {
            // PostgreSQL's driver says only "The connection attempt failed."
            return new Failure("unknown_host", "unknown host " + root.getMessage() + (best == null ? "" : " (" + best + ")"),
                    root.getMessage());
        }
        if (root instanceof ClassNotFoundException || m.contains("Cannot load driver class") || m.contains("No suitable driver")) {
            return new Failure("no_driver", "no database driver for this URL: pb-annex works with PostgreSQL (jdbc:postgresql:) "
                    + "and its embedded H2 (jdbc:h2:)", null);
        }
        if ("42501".equals(state)) {
            // PostgreSQL's insufficient_privilege, as Flyway creates or updates the tables: the server answers, the user
            // may not ("ERROR: permission denied for schema public Position: 14" was said as the database unavailable).
            return new Failure("no_rights", "the user may not create or change pb-annex's tables there: "
                    + m.replaceFirst("^ERROR: ", "").replaceAll("\\s+Position: \\d+", "").strip()
                    + " (grant it CREATE on the schema, or use a database it owns)", null);
        }
        // PostgreSQL's states: 28P01/28000 a login refused, 3D000 no such database.
        String kind = refused ? "refused" : "28P01".equals(state) || "28000".equals(state) ? "login"
                : "3D000".equals(state) ? "no_database" : "in_log";
        return new Failure(kind, m, null);
    }
}
