package org.pbannex.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.SingleInstancePostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.CliRun;

/**
 * Every command that opens a PostgreSQL database first lets Flyway check pb-annex's tables, under Flyway's lock of
 * them: a PostgreSQL advisory lock, which Flyway asks for once a second, and the schema history table. Another session
 * holding either (another pb-annex creating the tables on a new database, a person's psql) made the command wait 50
 * tries (Flyway's own count) and end with "Number of retries exceeded while attempting to acquire PostgreSQL advisory
 * lock". The wait is pb.database.lock-timeout's, and the line names what waited and on whom.
 */
class MigrationLockTest {

    /** Flyway's advisory lock of the schema history table: its number plus the hash of the table's quoted name. */
    private static final long FLYWAY_LOCK = 77431708279161L + "\"public\".\"flyway_schema_history\"".hashCode();
    private static final Duration MARGIN = Duration.ofSeconds(10);

    @RegisterExtension
    static final SingleInstancePostgresExtension SERVER = EmbeddedPostgresExtension.singleInstance();

    @TempDir
    static Path work;

    /** A new database of the server, its tables created by a first command: the commands' settings for it. */
    private static Map<String, String> migrated(String database) throws Exception {
        EmbeddedPostgres postgres = SERVER.getEmbeddedPostgres();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        var m = CliRun.postgres(postgres.getJdbcUrl("postgres", database), work.resolve(database));
        m.put("pb.database.lock-timeout", "3s");
        m.put("pb.database.socket-timeout", "60s");
        CliRun first = CliRun.capture(m, "history");
        assertEquals(0, first.status(), first.toString());
        return m;
    }

    /** A second session on the database. */
    private static Connection other(String database) throws Exception {
        return SERVER.getEmbeddedPostgres().getDatabase("postgres", database).getConnection();
    }

    /** The start of a command's line about the database at its start. */
    private static String unavailable(String database) {
        return "pb-annex: PostgreSQL at localhost:" + SERVER.getEmbeddedPostgres().getPort() + " (database " + database
                + ", user postgres) is unavailable: ";
    }

    @Test
    void flywaysAdvisoryLockHeldByAnotherSessionIsWaitedForTheLockTimeoutAndNamed() throws Exception {
        var settings = migrated("advisory");
        try (Connection holder = other("advisory"); Statement s = holder.createStatement()) {
            long pid = session(s, "schema upgrade");
            s.execute("SELECT pg_advisory_lock(" + FLYWAY_LOCK + ")");
            long at = System.nanoTime();
            CliRun waited = CliRun.capture(settings, "history");
            Duration took = Duration.ofNanos(System.nanoTime() - at);
            assertEquals(5, waited.status(), waited.toString());
            assertTrue(took.compareTo(Duration.ofSeconds(3)) >= 0 && took.compareTo(Duration.ofSeconds(3).plus(MARGIN)) < 0,
                    "waited " + took.toMillis() + " ms: " + waited);
            assertTrue(Pattern.compile(Pattern.quote(unavailable("advisory") + "waited 3s (pb.database.lock-timeout, "
                    + "PB_DATABASE_LOCK_TIMEOUT) for Flyway's lock of pb-annex's tables (a PostgreSQL advisory lock, held while "
                    + "a process creates or updates them) that another session holds (pid " + pid + ", application_name "
                    + "'schema upgrade', idle since ") + "\\S+Z" + Pattern.quote("): let it finish, or end that session "
                    + "(SELECT pg_terminate_backend(" + pid + ")), then run again")).matcher(waited.err().strip()).matches(),
                    waited.err());
            // A night's run waits as long, and its job's people read it in its first edition's language (zh): its
            // status, and the notices from it.
            CliRun night = CliRun.capture(settings, "run", "nightly");
            assertEquals(5, night.status(), night.toString());
            var outcomes = new RunOutcomes(Path.of(settings.get("pb.status")));
            List<String> zh = outcomes.failures("nightly", "2022-23", "zh");
            assertEquals(1, zh.size(), zh.toString());
            // It said "the reason is in the log" (db_why.in_log) where stderr named the lock and its holder.
            assertTrue(Pattern.compile(Pattern.quote(" exit status 5: 无法创建或更新 pb-annex 的表（位于 localhost:"
                    + SERVER.getEmbeddedPostgres().getPort() + " 的 PostgreSQL（数据库 advisory，用户 postgres））：等待 Flyway 对 "
                    + "pb-annex 各表的锁（PostgreSQL 咨询锁，在进程创建或更新这些表时持有）已达 3s（pb.database.lock-timeout, "
                    + "PB_DATABASE_LOCK_TIMEOUT），该锁由另一个会话持有（进程 " + pid + "，application_name“schema upgrade”，自 ") + "\\S+Z"
                    + Pattern.quote(" 起处于空闲（idle））：请等它结束，或结束该会话（SELECT pg_terminate_backend(" + pid + ")），然后重新运行")
                    + "$").matcher(zh.get(0)).find(), zh.get(0));
            assertTrue(outcomes.failures("nightly", "2022-23", "en").get(0).contains(" exit status 5: " + unavailable("advisory")
                    .substring("pb-annex: ".length()) + "waited 3s (pb.database.lock-timeout"), outcomes.failures("nightly", "2022-23", "en").toString());
            s.execute("SELECT pg_advisory_unlock(" + FLYWAY_LOCK + ")");
        }
        CliRun after = CliRun.capture(settings, "history");
        assertEquals(0, after.status(), after.toString());
    }

    @Test
    void theSchemaHistoryTableLockedByAnotherSessionIsNamed() throws Exception {
        var settings = migrated("history_table");
        try (Connection holder = other("history_table"); Statement s = holder.createStatement()) {
            long pid = session(s, "backup");
            holder.setAutoCommit(false);
            s.execute("LOCK TABLE flyway_schema_history IN ACCESS EXCLUSIVE MODE");
            CliRun waited = CliRun.capture(settings, "history");
            assertEquals(5, waited.status(), waited.toString());
            assertTrue(Pattern.compile(Pattern.quote(unavailable("history_table") + "a statement waited 3s "
                    + "(pb.database.lock-timeout, PB_DATABASE_LOCK_TIMEOUT) for a lock on table flyway_schema_history that "
                    + "another session holds (pid " + pid + ", application_name 'backup', idle in transaction since ") + "\\S+Z"
                    + Pattern.quote("): end that session's transaction (or the session: SELECT pg_terminate_backend(" + pid
                    + ")), then run again")).matcher(waited.err().strip()).matches(), waited.err());
            holder.rollback();
        }
    }

    /** Names the session; its server process. */
    private static long session(Statement s, String application) throws Exception {
        s.execute("SET application_name = '" + application + "'");
        try (ResultSet pid = s.executeQuery("SELECT pg_backend_pid()")) {
            pid.next();
            return pid.getLong(1);
        }
    }
}
