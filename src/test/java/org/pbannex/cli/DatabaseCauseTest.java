package org.pbannex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.pbannex.ingest.Said;
import org.pbannex.runtime.DatabaseUnavailable;

/**
 * The reason a database could not be used, as the one line gives it: the driver's words, and the reason where the
 * driver hides it (an unknown host, a database pb-annex has no driver for). Seen with a host that does not exist and a
 * MySQL URL, which said "The connection attempt failed." and "com.mysql.cj.jdbc.Driver"; and, for a failure while the
 * database is in use, the database named.
 */
class DatabaseCauseTest {

    @Test
    void anUnknownHostIsSaid() {
        var e = new IllegalStateException("context", new SQLException("The connection attempt failed.",
                new UnknownHostException("nosuchhost.invalid")));
        assertEquals("unknown host nosuchhost.invalid (The connection attempt failed.)", SpringRuntime.cause(e));
    }

    @Test
    void aDatabaseWithoutADriverIsSaid() {
        var e = new IllegalStateException("Cannot load driver class: com.mysql.cj.jdbc.Driver",
                new ClassNotFoundException("com.mysql.cj.jdbc.Driver"));
        assertEquals("no database driver for this URL: pb-annex works with PostgreSQL (jdbc:postgresql:) and its embedded H2 "
                + "(jdbc:h2:)", SpringRuntime.cause(e));
    }

    @Test
    void aDamagedPageIsSaidInH2sOwnWordsWithoutItsStatement() {
        // As H2 said it of a page whose check value no longer matched (a page a run reads only when it queries it).
        var e = new IllegalStateException("query", new SQLException("General error: \"org.h2.mvstore.MVStoreException: File "
                + "corrupted in chunk 180, expected check value 2895, got -2896 [2.4.240/6]\"; SQL statement:\nSELECT E.JOB_"
                + "EXECUTION_ID FROM BATCH_JOB_EXECUTION E [50000-240]", "HY000", 50000,
                org.h2.mvstore.DataUtils.newMVStoreException(org.h2.mvstore.DataUtils.ERROR_FILE_CORRUPT,
                        "File corrupted in chunk {0}, expected check value {1}, got {2}", 180, 2895, -2896)));
        assertEquals("the database file is damaged or not an H2 database (File corrupted in chunk 180, expected check value "
                + "2895, got -2896)", SpringRuntime.cause(e));
    }

    @Test
    void aFileCutShortIsSaidSoWhereAServerThatHungUpIsNot() {
        var h2 = new IllegalStateException("open", new SQLException("IO Exception: \"/srv/pb/work/db/pb-annex.mv.db\" "
                + "[90028-240]", "90028", 90028, org.h2.mvstore.DataUtils.newMVStoreException(
                org.h2.mvstore.DataUtils.ERROR_READING_FAILED, "Reading from file failed at {0}", 2300,
                new java.io.EOFException())));
        assertEquals("the database file is damaged or not an H2 database (it is cut short)", SpringRuntime.cause(h2));
        var postgres = new IllegalStateException("query", new SQLException("An I/O error occurred while sending to the backend.",
                new java.io.EOFException()));
        assertEquals("An I/O error occurred while sending to the backend.", SpringRuntime.cause(postgres));
    }

    @Test
    void aRefusedConnectionKeepsTheDriversWords() {
        var e = new IllegalStateException("context", new SQLException("Connection to localhost:1 refused. Check that the "
                + "hostname and port are correct and that the postmaster is accepting TCP/IP connections.",
                new ConnectException("Connection refused")));
        assertEquals("Connection to localhost:1 refused. Check that the hostname and port are correct and that the postmaster "
                + "is accepting TCP/IP connections.", SpringRuntime.cause(e));
    }

    @Test
    void aDiskThatFillsUnderTheDatabaseMidRunNamesTheDatabase() {
        // As H2 failed on a full file system (seen with its file on a 120 KB tmpfs): Spring's exception, the driver's
        // "database has been closed", H2's store, the system's reason.
        var e = new org.springframework.dao.DataAccessResourceFailureException("JDBC rollback; The database has been closed",
                new SQLException("The database has been closed [90098-240]", new IllegalStateException(
                        "Writing to sun.nio.ch.FileChannelImpl@2c1b194a failed; length 4096 at 118784 [2.4.240/2]",
                        new java.io.IOException("No space left on device"))));
        org.pbannex.runtime.DatabaseUnavailable.inUse(org.pbannex.runtime.DatabaseUnavailable.named(
                "jdbc:h2:file:/srv/pb/work/db/pb-annex", null));
        try {
            assertEquals("the embedded database /srv/pb/work/db/pb-annex.mv.db failed: input/output error: No space left on device",
                    org.pbannex.runtime.ExitCodes.message(e));
            assertEquals(5, org.pbannex.runtime.ExitCodes.of(e));
            // A failure that is not the database's keeps its own line.
            assertEquals("input/output error: No space left on device",
                    org.pbannex.runtime.ExitCodes.message(new java.io.UncheckedIOException(new java.io.IOException("No space left on device"))));
        } finally {
            org.pbannex.runtime.DatabaseUnavailable.inUse(null);
        }
    }

    /**
     * The reason in a report's words: the kind of failure, found from the driver's exceptions and PostgreSQL's states,
     * what names it (a host, the system's reason), never the driver's own message, which stays in the log.
     */
    @Test
    void theReasonIsAReportsWordNotTheDriversMessage() {
        var refused = new IllegalStateException("context", new SQLException("Connection to localhost:1 refused. Check that the "
                + "hostname and port are correct and that the postmaster is accepting TCP/IP connections.", "08001",
                new ConnectException("Connection refused")));
        assertEquals(Said.cause("db_why.refused"), DatabaseUnavailable.reason(refused));
        assertEquals(Said.cause("db_why.login"), DatabaseUnavailable.reason(new SQLException(
                "FATAL: password authentication failed for user \"pb\"", "28P01")));
        assertEquals(Said.cause("db_why.no_database"), DatabaseUnavailable.reason(new SQLException(
                "FATAL: database \"pbx\" does not exist", "3D000")));
        var noRights = new SQLException("ERROR: permission denied for schema public\n  Position: 14", "42501");
        assertEquals(Said.cause("db_why.no_rights"), DatabaseUnavailable.reason(noRights));
        assertEquals("the user may not create or change pb-annex's tables there: permission denied for schema public (grant it "
                + "CREATE on the schema, or use a database it owns)", DatabaseUnavailable.cause(noRights));
        assertEquals(Said.cause("db_why.unknown_host", "host", "nosuchhost.invalid"), DatabaseUnavailable.reason(
                new SQLException("The connection attempt failed.", new UnknownHostException("nosuchhost.invalid"))));
        assertEquals(Said.cause("db_why.io", "why", Said.cause("why.no_space")), DatabaseUnavailable.reason(new IllegalStateException(
                "closed", new SQLException("The database has been closed", new java.io.IOException("No space left on device")))));
        assertEquals(Said.cause("db_why.in_log", "log", org.pbannex.runtime.LogConfiguration.file().toString()),
                DatabaseUnavailable.reason(new SQLException("ERROR: something the driver says", "XX000")));
    }

    /**
     * What could not be done as a command started: connect to a server (or open the embedded file), or create its tables
     * (Flyway); and the whole said in Chinese from the bundled texts, the driver's message nowhere in it.
     */
    @Test
    void whatCouldNotBeDoneAtStartIsSaidInTheReportsLanguage() {
        var server = DatabaseUnavailable.named("jdbc:postgresql://db.example.org/pb", "pb");
        var refused = new IllegalStateException("context", new SQLException("Connection to db.example.org:5432 refused.", "08001",
                new ConnectException("Connection refused")));
        Said connect = DatabaseUnavailable.atStart(server, refused, null);
        assertEquals("db_start.connect", connect.word());
        var tables = new org.flywaydb.core.api.FlywayException("Validate failed", new SQLException("ERROR: relation exists", "42P07"));
        assertEquals("db_start.migrate", DatabaseUnavailable.atStart(server, tables, null).word());
        var damaged = new IllegalStateException("open", new SQLException("IO Exception", "90028", 90028, org.h2.mvstore.DataUtils
                .newMVStoreException(org.h2.mvstore.DataUtils.ERROR_READING_FAILED, "Reading from file failed at {0}", 2300,
                        new java.io.EOFException())));
        assertEquals(Said.cause("db_start.open", "database", DatabaseUnavailable.named("jdbc:h2:file:/srv/pb/work/db/pb-annex", null).said(),
                "reason", Said.cause("db_why.cut_short")), DatabaseUnavailable.atStart(DatabaseUnavailable.named(
                "jdbc:h2:file:/srv/pb/work/db/pb-annex", null), damaged, null));

        String line = "PostgreSQL at db.example.org:5432 (database pb, user pb) is unavailable: Connection to db.example.org:5432 refused.";
        var cause = org.pbannex.publish.ReportWords.read(org.pbannex.Golden.input(), null)
                .cause(new DatabaseUnavailable(line, refused, connect), line);
        assertEquals("无法连接位于 db.example.org:5432 的 PostgreSQL（数据库 pb，用户 pb）：服务器拒绝连接（服务器是否在运行，是否在该端口监听？）",
                cause.zh());
        assertEquals("PostgreSQL at db.example.org:5432 (database pb, user pb): cannot connect to it: the server refused the "
                + "connection (is it running, and listening at that port?)", cause.en());
    }
}
