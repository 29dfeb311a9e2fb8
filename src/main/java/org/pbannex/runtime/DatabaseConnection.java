package org.pbannex.runtime;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pbannex.config.PbProperties;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The database setting as a command is about to use it: a URL pb-annex has a driver for, checked before anything is
 * opened, and for PostgreSQL the driver's time limits. pgjdbc's own defaults wait for ever on a server that accepts the
 * connection and never answers (its loginTimeout and socketTimeout are 0, and HikariCP's connectionTimeout does not
 * reach it: the pool's first connection is made in the caller's thread), which held a nightly run, its cron lock with
 * it, through SIGTERM.
 *
 * @param url      spring.datasource.url
 * @param user     spring.datasource.username
 * @param setting  where the URL was set, as a person sets it (PB_DATABASE_URL, -Dspring.datasource.url), or null
 * @param timeouts pb.database.*
 */
public record DatabaseConnection(String url, String user, String setting, PbProperties.Database timeouts) {

    private static final String URL = "spring.datasource.url";

    /** The database setting of these settings (the environment as Spring resolves it, and pb.database.*). */
    public static DatabaseConnection of(StandardEnvironment env, PbProperties settings) {
        return new DatabaseConnection(env.getProperty(URL), env.getProperty("spring.datasource.username"), setting(env),
                settings.database());
    }

    /**
     * The URL names a database pb-annex works with, or the one line that says which setting does not: a driver that
     * does not accept the URL would be named instead (H2's, for a mistyped jdbc:postgres://).
     */
    public void check() {
        if (url != null && (url.startsWith("jdbc:postgresql:") || url.startsWith("jdbc:h2:"))) {
            checkLockBelowSocket();
            return;
        }
        String named = URL + (setting == null ? "" : " (" + setting + ")");
        throw new DatabaseUnavailable("the setting " + named + " is '" + shown(url) + "', which is not a jdbc:postgresql:// "
                + "(PostgreSQL) or jdbc:h2: (embedded H2) URL", null,
                org.pbannex.ingest.Said.cause("db_start.setting", "setting", named, "url", shown(url)));
    }

    /**
     * A lock timeout that the socket timeout would cut short is refused: a statement waiting for another session's lock
     * would be ended by the socket timeout first, and told as a server gone silent instead of naming the lock and its
     * holder. 0 (no lock timeout) is such a one while the socket timeout is not 0 too: a wait without end, which the
     * socket timeout ends. A URL whose {@code options} set the server's parameters replaces the lock timeout
     * (driverProperties), and is taken as it is.
     */
    private void checkLockBelowSocket() {
        if (!postgres() || urlParameter("options") != null || timeouts.lockTimeout() == null) {
            return;
        }
        DatabaseSilence.Limit socket = statementLimit();
        Duration lock = timeouts.lockTimeout();
        if (socket.within().isZero() || !lock.isZero() && lock.compareTo(socket.within()) < 0) {
            return;
        }
        String lockWords = lock.isZero() ? "0 (no limit)" : PbProperties.words(lock);
        String socketWords = PbProperties.words(socket.within());
        String suggested = PbProperties.words(lockTimeoutBelow(socket.within()));
        throw new DatabaseUnavailable("the setting " + LOCK_TIMEOUT + " is " + lockWords + ", not below the socket timeout ("
                + socket.setting() + ", " + socketWords + "): that would end a statement's wait for another session's lock "
                + "first, told as a server gone silent rather than naming the lock and its holder; set the lock timeout below "
                + "it, such as " + suggested, null, org.pbannex.ingest.Said.cause("db_start.lock_timeout", "lock", lockWords,
                "socket_setting", socket.setting(), "socket", socketWords, "suggested", suggested));
    }

    private static final String LOCK_TIMEOUT = "pb.database.lock-timeout (PB_DATABASE_LOCK_TIMEOUT)";

    /** The lock timeout: the setting's, or where it is not set, 1 min or less below the socket timeout (lockTimeoutBelow). */
    private Duration lockTimeout() {
        if (timeouts.lockTimeout() != null) {
            return timeouts.lockTimeout();
        }
        DatabaseSilence.Limit socket = statementLimit();
        return socket == null || socket.within().isZero() ? Duration.ofMinutes(1) : lockTimeoutBelow(socket.within());
    }

    /** 1 min below a socket timeout of 2 min or more; half of a shorter one (at least a second). */
    private static Duration lockTimeoutBelow(Duration socket) {
        Duration below = socket.compareTo(Duration.ofMinutes(2)) >= 0 ? Duration.ofMinutes(1) : socket.dividedBy(2);
        return below.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : below;
    }

    /** Whether it is a PostgreSQL server (the time limits apply; H2 is a file in this process). */
    public boolean postgres() {
        return url != null && url.startsWith("jdbc:postgresql:");
    }

    /**
     * The settings that give the PostgreSQL driver its time limits, as HikariCP's data-source properties (none for H2,
     * which would refuse them), and Flyway's wait for its lock. A limit given in the URL ({@code ?socketTimeout=3600}) wins: pgjdbc reads the URL's
     * parameters over these.
     */
    public Map<String, Object> driverProperties() {
        Map<String, Object> p = new LinkedHashMap<>();
        if (postgres()) {
            String prefix = "spring.datasource.hikari.data-source-properties.";
            p.put(prefix + "connectTimeout", seconds(timeouts.connectTimeout()));
            p.put(prefix + "loginTimeout", seconds(timeouts.connectTimeout()));
            p.put(prefix + "socketTimeout", seconds(timeouts.socketTimeout()));
            // A wait for another session's lock ends with its own error (55P03), which LockWaits tells with its holder,
            // before the socket timeout would tell it as a server gone silent; and this process's sessions say whose
            // they are to one that waits for them (pg_stat_activity.application_name).
            if (!lockTimeout().isZero()) {
                p.put(prefix + "options", "-c lock_timeout=" + lockTimeout().toMillis());
            }
            p.put(prefix + "ApplicationName", "pb-annex (" + ProcessIdentity.current() + ")");
            // Flyway asks for its lock of the tables once a second, after each try but the last, and gives up after this
            // many more (its default 50): as long as a statement waits for a lock (MigrationLock tells it); -1: for ever.
            p.put("spring.flyway.lock-retry-count", lockTimeout().isZero() ? -1
                    : Math.max(0, seconds(lockTimeout()) - 1));
        }
        return p;
    }

    /** How long a statement waits for another session's lock, and the setting that says so (null for H2, or none). */
    public DatabaseSilence.Limit lockLimit() {
        return !postgres() || lockTimeout().isZero() ? null
                : new DatabaseSilence.Limit(lockTimeout(), "pb.database.lock-timeout, PB_DATABASE_LOCK_TIMEOUT");
    }

    /**
     * The line for a PostgreSQL server that could not be used at start in a way the driver's words hide, else null: it
     * did not answer in time (a connect or read that timed out; pgjdbc's loginTimeout, which has no cause of its own,
     * once the attempt took the whole limit), or what answered does not speak PostgreSQL's protocol (pgjdbc says "An
     * error occurred while setting up the SSL connection": seen where a proxy answered for an unreachable address).
     */
    public String notAnswered(Throwable failure, Duration took) {
        var why = notAnsweredWhy(failure, took);
        if (why == null) {
            return null;
        }
        String database = DatabaseUnavailable.describe(url, user);
        if (why.word().equals(TIMED_OUT)) {
            return database + " did not answer within " + seconds(timeouts.connectTimeout())
                    + " s (pb.database.connect-timeout, PB_DATABASE_CONNECT_TIMEOUT)";
        }
        return database + " is unavailable: what answered there is not a PostgreSQL server (a proxy or another service at "
                + "that address?): " + DatabaseUnavailable.cause(failure);
    }

    private static final String TIMED_OUT = "db_why.timed_out";

    /** {@link #notAnswered}'s reason in a report's words (report.cause.db_why.*), or null. */
    public org.pbannex.ingest.Said notAnsweredWhy(Throwable failure, Duration took) {
        if (!postgres()) {
            return null;
        }
        boolean timedOut = false;
        boolean notPostgres = false;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            timedOut |= t instanceof java.net.SocketTimeoutException
                    || t instanceof java.sql.SQLException s && "08001".equals(s.getSQLState()) && s.getCause() == null
                    && took.compareTo(timeouts.connectTimeout()) >= 0;
            notPostgres |= t instanceof java.sql.SQLException s && "08P01".equals(s.getSQLState());
        }
        if (timedOut) {
            return org.pbannex.ingest.Said.cause(TIMED_OUT, "seconds", String.valueOf(seconds(timeouts.connectTimeout())));
        }
        return notPostgres ? org.pbannex.ingest.Said.cause("db_why.not_postgres") : null;
    }

    /**
     * How long the driver waits for the answer to a statement, and the setting that says so: the URL's
     * {@code socketTimeout} (seconds), which wins, else pb.database.socket-timeout (null for H2: no socket).
     */
    public DatabaseSilence.Limit statementLimit() {
        if (!postgres()) {
            return null;
        }
        String inUrl = urlParameter("socketTimeout");
        if (inUrl != null) {
            try {
                return new DatabaseSilence.Limit(Duration.ofSeconds(Long.parseLong(inUrl)),
                        "socketTimeout in " + (setting == null ? URL : setting));
            } catch (NumberFormatException e) {
                // the driver refuses it, in its words
            }
        }
        return new DatabaseSilence.Limit(Duration.ofSeconds(seconds(timeouts.socketTimeout())),
                "pb.database.socket-timeout, PB_DATABASE_SOCKET_TIMEOUT");
    }

    /** The value of a parameter of the URL ({@code ?socketTimeout=3600&options=...}), or null. */
    private String urlParameter(String name) {
        int q = url.indexOf('?');
        for (String p : q < 0 ? new String[0] : url.substring(q + 1).split("&")) {
            if (p.startsWith(name + "=")) {
                return p.substring(name.length() + 1);
            }
        }
        return null;
    }

    /** pgjdbc's limits are whole seconds (0: none); a fraction of one counts as one. */
    private static long seconds(Duration d) {
        return d.isZero() ? 0 : Math.max(1, (d.toMillis() + 999) / 1000);
    }

    /** The URL without what may hold a password: its parameters, and a user:password@ a person may have written. */
    private static String shown(String url) {
        return url == null ? "" : url.split("[?;]")[0].replaceFirst("//[^/@]*@", "//");
    }

    /** Where the URL was set, in the words the person used: PB_DATABASE_URL (application.properties' shorthand), ... */
    private static String setting(StandardEnvironment env) {
        for (PropertySource<?> source : env.getPropertySources()) {
            if (!source.containsProperty(URL)) {
                continue;
            }
            return switch (source.getName()) {
                case StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME -> "SPRING_DATASOURCE_URL";
                case StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME -> "-D" + URL;
                default -> source.getName().contains("application.properties") && env.getProperty("PB_DATABASE_URL") != null
                        ? "PB_DATABASE_URL" : null;
            };
        }
        return null;
    }
}
