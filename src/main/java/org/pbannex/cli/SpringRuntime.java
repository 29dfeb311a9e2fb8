package org.pbannex.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pbannex.batch.BatchApplication;
import org.pbannex.config.PbProperties;
import org.pbannex.distribute.FailureNotice;
import org.pbannex.ingest.Said;
import org.pbannex.config.Settings;
import org.pbannex.runtime.DamagedDatabase;
import org.pbannex.runtime.DatabaseConnection;
import org.pbannex.runtime.DatabaseSilence;
import org.pbannex.runtime.DatabaseUnavailable;
import org.pbannex.runtime.EmbeddedDatabaseLock;
import org.pbannex.runtime.ExitCodes;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the Spring context (database, Flyway, job repository, the annex job) for the commands that need it. On the
 * embedded H2 database it first takes the database's process lock (one pb-annex process at a time; the others
 * wait). A database that cannot be reached or migrated is one line naming it (host:port, never the password).
 */
final class SpringRuntime implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final EmbeddedDatabaseLock lock;
    /** The embedded database (as H2's URL names it), or null for a database on a server. */
    private final Path database;
    /** The embedded database's damage, found while the command ran ({@link #failed}); null while none was. */
    private Throwable damage;
    /** What became of the damaged database when the context closed: the line that tells it; null when none was. */
    private Told damageTold;
    /** Whether that database was moved aside (not: it could not be, and the line says so). */
    private boolean damageKeptAside;

    private SpringRuntime(ConfigurableApplicationContext context, EmbeddedDatabaseLock lock, Path database) {
        this.context = context;
        this.lock = lock;
        this.database = database;
    }

    static {
        // Logging is configured once, in code (runtime.LogConfiguration); Spring Boot would configure it again, with a
        // console appender that writes into cron mail.
        System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
    }

    /** A line on stderr, and the same in a report's words (report.cause.*). */
    record Told(String line, Said said) {
    }

    /** @param what what the command does, for a process that has to wait for this one */
    static SpringRuntime start(String what) {
        return start(what, () -> null);
    }

    /**
     * @param what  what the command does, for a process that has to wait for this one
     * @param words the words of a notice that its embedded database was kept aside (its run's; null: the installation's),
     *              read only then
     */
    static SpringRuntime start(String what, java.util.function.Supplier<FailureNotice.Words> words) {
        Map<String, Object> properties = new LinkedHashMap<>(PbAnnexApplication.overrides());
        PbProperties settings = PbAnnexApplication.settings();
        properties.putIfAbsent("pb.home", settings.home().toString());
        DatabaseConnection connection = DatabaseConnection.of(PbAnnexApplication.environment(), settings);
        connection.check();
        connection.driverProperties().forEach(properties::putIfAbsent);
        if (connection.postgres()) {
            DatabaseSilence.statements(connection.statementLimit());
            org.pbannex.runtime.LockWait.limit(connection.lockLimit());
        }
        String url = connection.url();
        String user = connection.user();
        var database = EmbeddedDatabaseLock.databaseOf(url);
        EmbeddedDatabaseLock lock = database == null ? null : EmbeddedDatabaseLock.acquire(database, settings.run().databaseWait(), what);
        long began = System.nanoTime();
        try {
            ConfigurableApplicationContext ctx;
            try {
                ctx = context(properties, lock);
            } catch (RuntimeException e) {
                if (database == null || !DamagedDatabase.isDamage(e)) {
                    throw e;
                }
                ctx = afterMovingAside(database, e, properties, lock, what, words);
            }
            DatabaseUnavailable.inUse(DatabaseUnavailable.named(url, user));
            return new SpringRuntime(ctx, lock, database);
        } catch (RuntimeException e) {
            if (lock != null) {
                lock.close();
            }
            String described = DatabaseUnavailable.describe(url, user);
            LoggerFactory.getLogger(SpringRuntime.class).error("cannot start with {}", described, e);
            if (e instanceof DatabaseUnavailable said) {
                throw said;
            }
            if (ExitCodes.badSetting(e) != null) {
                // A setting the context could not bind (SPRING_MAIL_PORT=abc) is its own line, not the database's.
                throw e;
            }
            var took = java.time.Duration.ofNanos(System.nanoTime() - began);
            String silent = connection.notAnswered(e, took);
            throw new DatabaseUnavailable(silent != null ? silent : described + (DatabaseUnavailable.noRights(e) ? " cannot be used: "
                    : " is unavailable: ") + cause(e), e,
                    DatabaseUnavailable.atStart(DatabaseUnavailable.named(url, user), e, connection.notAnsweredWhy(e, took)));
        }
    }

    private static ConfigurableApplicationContext context(Map<String, Object> properties, EmbeddedDatabaseLock lock) {
        // The overrides outrank the environment and application.properties (builder properties would not).
        // main(): the class whose ahead-of-time initializer is used when spring.aot.enabled is set (the build
        // records it for BatchApplication; Spring would look for one named after this process's main class).
        // The settings' sources as every command reads them (Settings.environment): a new one, which the start adds to.
        return new SpringApplicationBuilder(BatchApplication.class)
                .main(BatchApplication.class)
                .environment(Settings.environment(PbAnnexApplication.overrides()))
                .initializers(c -> {
                    c.getEnvironment().getPropertySources()
                            .addFirst(new org.springframework.core.env.MapPropertySource("pb-annex overrides", properties));
                    if (lock != null) {
                        c.getBeanFactory().registerSingleton("embeddedDatabaseLock", lock);
                    }
                })
                .logStartupInfo(false)
                .run();
    }

    /**
     * The embedded database H2 found damaged, kept aside (DamagedDatabase) while this process holds its lock, and a
     * new one started in its place; one line says so, which cron mails, and so does a message to whoever hears of
     * failures. Fails as before when it cannot be moved.
     */
    private static ConfigurableApplicationContext afterMovingAside(Path database, RuntimeException damage,
                                                                   Map<String, Object> properties,
                                                                   EmbeddedDatabaseLock lock, String what,
                                                                   java.util.function.Supplier<FailureNotice.Words> words) {
        String file = named(database);
        Path kept;
        try {
            kept = DamagedDatabase.moveAside(database, Instant.now());
        } catch (IOException cannot) {
            damage.addSuppressed(cannot);
            Told notMoved = notMoved(database, damage, cannot);
            throw new DatabaseUnavailable(notMoved.line(), damage, notMoved.said());
        }
        String line = file + " was damaged (" + cause(damage) + "): kept as " + kept
                + ", and a new one started; the run history before it is in the kept file";
        LoggerFactory.getLogger(SpringRuntime.class).warn(line, damage);
        System.err.println("pb-annex: " + line);
        FailureNotices.databaseKeptAside(what, new Told(line, kept("db_kept", database, damage, kept)), words.get());
        return context(properties, lock);
    }

    /** The folders of damaged embedded databases kept beside this one (none for a database on a server). */
    static List<Path> keptDamagedDatabases() throws IOException {
        var database = EmbeddedDatabaseLock.databaseOf(PbAnnexApplication.property("spring.datasource.url"));
        return database == null ? List.of() : DamagedDatabase.keptBeside(database);
    }

    /** The database these settings name, in words (host:port, database and user; never the password). */
    static String database() {
        return DatabaseUnavailable.describe(PbAnnexApplication.property("spring.datasource.url"),
                PbAnnexApplication.property("spring.datasource.username"));
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /**
     * Notes a failure of the command. When it is the embedded database's damage, found after H2 opened the file (a
     * page it reads only now), {@link #close} keeps the file aside once H2 has let go of it, as a start would, so that
     * the next run starts a new database instead of failing on the same page every night.
     *
     * @return whether the failure is that damage
     */
    boolean failed(Throwable failure) {
        if (database == null || !DamagedDatabase.isDamage(failure)) {
            return false;
        }
        if (damage == null) {
            damage = failure;
        }
        return true;
    }

    /** After {@link #close}: what became of a database found damaged during the command, told; else null. */
    Told damageTold() {
        return damageTold;
    }

    /** After {@link #close}: whether a database found damaged during the command was moved aside. */
    /** How long this command waited for another process to finish with the embedded database (zero: none). */
    java.time.Duration waitedForDatabase() {
        return lock == null ? java.time.Duration.ZERO : lock.waited();
    }

    boolean damageKeptAside() {
        return damageKeptAside;
    }

    @Override
    public void close() {
        try {
            context.close();
        } finally {
            try {
                if (damage != null) {
                    damageTold = keepAside();
                }
            } finally {
                if (lock != null) {
                    lock.close();
                }
            }
        }
    }

    /** Keeps the damaged database aside while this process still holds its lock; what says so. */
    private Told keepAside() {
        String file = named(database);
        try {
            Path kept = DamagedDatabase.moveAside(database, Instant.now());
            String line = file + " was found damaged during the command (" + cause(damage) + "): kept as " + kept
                    + "; the next command starts a new one, and the run history before it is in the kept file";
            LoggerFactory.getLogger(SpringRuntime.class).warn(line, damage);
            damageKeptAside = true;
            return new Told(line, kept("db_kept_during", database, damage, kept));
        } catch (IOException | RuntimeException cannot) {
            LoggerFactory.getLogger(SpringRuntime.class).error("{} is damaged and could not be moved aside", file, cannot);
            return notMoved(database, damage, cannot);
        }
    }

    /** The embedded database as the lines name it (as DatabaseUnavailable.describe names it from its URL). */
    private static String named(Path database) {
        return DatabaseUnavailable.Named.embedded(database).toString();
    }

    /** A damaged database kept aside, in a report's words: report.cause.{@code word} (db_kept, db_kept_during). */
    private static Said kept(String word, Path database, Throwable damage, Path kept) {
        return Said.cause(word, "database", DatabaseUnavailable.Named.embedded(database).said(), "reason",
                DatabaseUnavailable.reason(damage), "kept", kept.toString());
    }

    /** A damaged database that could not be moved aside (its folder read-only, say), told. */
    private static Told notMoved(Path database, Throwable damage, Exception cannot) {
        Path folder = database.toAbsolutePath().getParent();
        Said why = DatabaseUnavailable.systemReason(cannot instanceof java.nio.file.FileSystemException fs ? ExitCodes.reason(fs)
                : cannot.getMessage());
        return new Told(named(database) + " is damaged (" + cause(damage) + ") and could not be moved aside (" + cannot
                + "): move it out of " + folder + " to start a new run history", Said.cause("db_not_moved", "database",
                DatabaseUnavailable.Named.embedded(database).said(), "reason", DatabaseUnavailable.reason(damage), "cannot", why,
                "folder", folder.toString()));
    }

    /** Why the database could not be used, in words ({@link DatabaseUnavailable#cause}). */
    static String cause(Throwable e) {
        return DatabaseUnavailable.cause(e);
    }
}
