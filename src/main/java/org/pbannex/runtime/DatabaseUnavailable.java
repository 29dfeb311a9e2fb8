package org.pbannex.runtime;

/**
 * The database could not be reached, opened or migrated (exit status 5). Its message names the database the way a
 * person finds it (host:port and database, never the password; or the embedded database's folder) and the cause.
 */
public class DatabaseUnavailable extends RuntimeException {

    public DatabaseUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    /** How a database is named in messages: PostgreSQL at host:port/db (user u), or the embedded H2 database's path. */
    public static String describe(String jdbcUrl, String user) {
        if (jdbcUrl == null) {
            return "the database";
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
            return "PostgreSQL at " + hostPort + " (database " + where.substring(where.indexOf('/') + 1)
                    + (user == null || user.isBlank() ? "" : ", user " + user) + ")";
        }
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            java.nio.file.Path db = EmbeddedDatabaseLock.databaseOf(jdbcUrl);
            return "the embedded database " + (db == null ? jdbcUrl.split(";")[0] : db + ".mv.db");
        }
        return jdbcUrl.split("[;?]")[0];
    }
}
