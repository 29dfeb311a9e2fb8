package org.pbannex.expenditure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.runtime.ExitCodes;

/**
 * The PostgreSQL engine's COPY failing at a real server (tester77b M2, M3). A full disk was told in the server's words,
 * "Where: COPY pb_expenditure_lines, line 117928", a line of the stream the engine sends (good lines only, the files one
 * after another), which an operator took for a line of the input file; a server stopped during the COPY was told as
 * the driver's "Database connection failed when writing to copy", the server's reason and the file lost. Now: the
 * disk full, at the input file's line the stream's line is, and what to do; the server's own last word (or the
 * connection lost), during the COPY of which file.
 */
class PostgresServerFailuresTest {

    @TempDir
    Path dir;

    /** {@code lines} generated lines, with three bad lines (an amount that is no amount) among its first twenty. */
    private Path linesWithThreeBad(int lines) throws Exception {
        Path file = dir.resolve("lines/synthetic-a.csv");
        new ExpenditureGenerator(ExpenditureFixtures.dimensions(), ExpenditureFixtures.BIENNIUMS, List.of()).write(file, lines, 7);
        List<String> text = new ArrayList<>(Files.readAllLines(file));
        int first = firstDataLine(text);
        for (int i = first + 10; i < first + 13; i++) {
            text.set(i - 1, text.get(i - 1) + "x");
        }
        Files.write(file, text);
        return file;
    }

    /** The first data line of a generated file (1-based): its first line of an id, after the header and its mark. */
    private static int firstDataLine(List<String> text) {
        for (int i = 0; i < text.size(); i++) {
            if (text.get(i).startsWith("L0")) {
                return i + 1;
            }
        }
        throw new AssertionError("no data line");
    }

    @Test
    void aFullDiskDuringTheCopyIsToldAtTheInputFilesLineWithWhatToDo() throws Exception {
        Path tiny = Files.createDirectories(dir.resolve("tiny"));
        assumeTrue(mount(tiny), "a tmpfs can be mounted here (as root)");
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().start(); Connection c = server.getPostgresDatabase().getConnection()) {
            try (Statement st = c.createStatement()) {
                // The engine's staging table is a temporary one: on a 1 MB disk.
                st.execute("CREATE TABLESPACE tiny LOCATION '" + tiny + "'");
                st.execute("SET temp_tablespaces = 'tiny'");
            }
            Path file = linesWithThreeBad(40_000);
            Exception e = assertThrows(Exception.class, () -> new PostgresExpenditureEngine(ExpenditureFixtures.dimensions(),
                    dir.resolve("rejects.csv")).run(List.of(file), "expenditure/", c));
            String line = ExitCodes.message(e);
            long streamLine = 0;
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null) {
                    var where = java.util.regex.Pattern.compile("COPY pb_expenditure_lines, line (\\d+)")
                            .matcher(String.valueOf(p.getServerErrorMessage().getWhere()));
                    streamLine = where.find() ? Long.parseLong(where.group(1)) : streamLine;
                }
            }
            assertTrue(streamLine > 20, "the server named the COPY's line: " + line);
            // The stream's line N is the file's (N + its first data line - 1), past its three bad lines, not sent.
            long fileLine = streamLine + firstDataLine(Files.readAllLines(file)) - 1 + 3;
            assertTrue(line.contains("the server's disk is full (could not extend file ") && line.contains("No space left on device) "
                    + "during the COPY of the expenditure lines, when the server had taken them up to line " + fileLine + " of " + file
                    + ": free space on the server (the PostgreSQL engine needs temporary space there of about 5 times the size of "
                    + "the expenditure files: README, Database)"), line);
            assertTrue(!line.contains("COPY pb_expenditure_lines, line"), line);
        } finally {
            new ProcessBuilder("umount", tiny.toString()).inheritIO().start().waitFor();
        }
    }

    @Test
    void aServerStoppedDuringTheCopyIsToldWithItsReasonAndTheFile() throws Exception {
        Path file = linesWithThreeBad(600_000);
        EmbeddedPostgres server = EmbeddedPostgres.builder().start();
        Throwable[] failed = new Throwable[1];
        Thread ingest = new Thread(() -> {
            try (Connection c = server.getPostgresDatabase().getConnection()) {
                new PostgresExpenditureEngine(ExpenditureFixtures.dimensions(), dir.resolve("rejects.csv")).run(List.of(file),
                        "expenditure/", c);
            } catch (Throwable e) {
                failed[0] = e;
            }
        });
        try {
            ingest.start();
            try (Connection watch = server.getPostgresDatabase().getConnection()) {
                long until = System.nanoTime() + 120_000_000_000L;
                while (!copying(watch)) {
                    assertTrue(ingest.isAlive() && System.nanoTime() < until, "the COPY never began: " + failed[0]);
                    Thread.sleep(20);
                }
            }
        } finally {
            // pg_ctl stop -m fast: the server ends each session ("terminating connection due to administrator command").
            server.close();
        }
        ingest.join(120_000);
        assertTrue(failed[0] != null, "the COPY failed");
        String line = ExitCodes.message(failed[0]);
        assertTrue(line.endsWith(" during the COPY of the expenditure lines of " + file), line);
        assertTrue(line.contains("the server ended the connection (FATAL: terminating connection due to administrator command "
                + "(57P01))") || line.contains("the connection to the server was lost ("), line);
        assertTrue(!line.contains("Database connection failed when writing to copy"), line);
        assertTrue(org.pbannex.runtime.DatabaseUnavailable.unreachable(failed[0]), "told as the database gone");
        // (Its last word read where the kernel kept it: on Linux, the server's message before the connection's reset.)
        assertEquals(true, line.contains("57P01"), line);
    }

    private static boolean copying(Connection c) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity "
                + "WHERE query LIKE 'COPY pb_expenditure_lines%' AND state = 'active'")) {
            return rs.next() && rs.getLong(1) > 0;
        }
    }

    private static boolean mount(Path at) throws Exception {
        try {
            return new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", at.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        } catch (java.io.IOException noMount) {
            return false;
        }
    }
}
