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
 * The PostgreSQL engine's COPY failing at a real server (tester77b M2). A full disk was told in the server's words,
 * "Where: COPY pb_expenditure_lines, line 117928", a line of the stream the engine sends (good lines only, the files one
 * after another), which an operator took for a line of the input file. Now: the disk full, at the input file's line
 * the stream's line is, and what to do.
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

    private static boolean mount(Path at) throws Exception {
        try {
            return new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", at.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        } catch (java.io.IOException noMount) {
            return false;
        }
    }
}
