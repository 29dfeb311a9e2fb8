package org.pbannex.runtime;

/**
 * The database could not be reached, opened or migrated (exit status 5). Its message names the database the way a
 * person finds it (host:port and database, never the password; or the embedded database's folder) and the cause.
 */
public class DatabaseUnavailable extends RuntimeException {

    /** The database this process uses, once its context started (null before). */
    private static volatile Named inUse;

    public DatabaseUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * A database as messages name it, made of the parts a report's words say in their language ({@code report.cause.db.*}):
     * PostgreSQL's {@code host} (host:port), database {@code name} and {@code user} (may be empty); the embedded
     * database's {@code file}; else the URL as {@code other} (null: none).
     */
    public record Named(String word, String host, String name, String user, String file, String other) {

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
            return new Named("embedded", null, null, null, db == null ? jdbcUrl.split(";")[0] : db + ".mv.db", null);
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
    public static String cause(Throwable e) {
        DatabaseSilence silent = DatabaseSilence.of(e);
        if (silent != null) {
            return silent.getMessage();
        }
        Throwable root = e;
        String best = null;
        String corrupted = null;
        boolean h2 = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            root = t;
            h2 |= t.getClass().getName().startsWith("org.h2.");
            if (t instanceof java.sql.SQLException && t.getMessage() != null) {
                best = t.getMessage();
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
            m = "input/output error: " + root.getMessage();
        } else if (root instanceof java.io.EOFException && h2) {
            // H2 says only "IO Exception" and the file's name. (From PostgreSQL's driver: a server that hung up.)
            m = "the database file is damaged or not an H2 database (it is cut short)";
        } else if (m.contains("File corrupted") || m.contains("EOFException")) {
            m = "the database file is damaged or not an H2 database (" + m + ")";
        } else if (root instanceof java.net.UnknownHostException) {
            // PostgreSQL's driver says only "The connection attempt failed."
            m = "unknown host " + root.getMessage() + (best == null ? "" : " (" + best + ")");
        } else if (root instanceof ClassNotFoundException || m.contains("Cannot load driver class")
                || m.contains("No suitable driver")) {
            m = "no database driver for this URL: pb-annex works with PostgreSQL (jdbc:postgresql:) and its embedded H2 "
                    + "(jdbc:h2:)";
        }
        // The statement H2 was running stays in the log: it is SQL, and can run to a whole table's definition.
        return m.replaceFirst("(?s)[;\\s]*SQL statement:.*", "").replaceAll("\\s+", " ")
                .replaceAll(" ?\\[(\\d+-\\d+|[\\d.]+/\\d+)\\]", "").strip();
    }
}
