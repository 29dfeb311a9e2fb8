package org.pbannex.expenditure;

import com.opencsv.ICSVWriter;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.pbannex.ingest.InputError;
import org.pbannex.ingest.InputFolder;
import org.pbannex.ingest.Said;
import org.pbannex.runtime.ServerIngestFailed;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL engine: every line is validated as by the embedded engine (same parser, same errors, same rejects
 * file), and each good line goes, with its file, line number and offset, straight into a COPY to a session-private
 * staging table. The database then finds duplicate line ids (the first in file order is kept) and does the sums with
 * GROUP BY, so memory here stays flat whatever the ids look like, and the two engines check each other (a test
 * compares them). As there, messages name a file as it opens from where the command ran, the rejects and the per-file
 * counts as the outputs publish it.
 */
public final class PostgresExpenditureEngine {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresExpenditureEngine.class);
    static final String STAGING = "pb_expenditure_lines";

    /** Rows fetched at a time from the query of duplicates (a cursor): memory stays flat however many there are. */
    static final int FETCH_ROWS = 1000;

    private final Dimensions dimensions;
    private final Path rejectsFile;
    private Path scratchRoot = ScratchFolder.defaultRoot();

    public PostgresExpenditureEngine(Dimensions dimensions, Path rejectsFile) {
        this.dimensions = dimensions;
        this.rejectsFile = rejectsFile;
    }

    /** Where the bad lines past each file's first few wait for the duplicates ({@link ScratchFolder}). */
    public PostgresExpenditureEngine withScratchRoot(Path root) {
        this.scratchRoot = root;
        return this;
    }

    /**
     * Which input line each line of the COPY's stream is: the server names the stream's line in its errors ("COPY
     * pb_expenditure_lines, line 117928"), which is no line of an input file (only good lines are sent, a file after
     * another). Kept as the points where the stream's lines stop following the files' one by one (a file's first line,
     * a line after bad ones), at most {@link #MOST} of them; past that (a file of very many bad lines, set aside) the
     * stream's lines are not told as the files' (null), rather than held without bound.
     */
    static final class StreamLines {

        static final int MOST = 1 << 16;
        private long[] rows = new long[64];
        private long[] lines = new long[64];
        private int[] files = new int[64];
        private int points;
        private long sent;
        private int lastFile = -1;
        private long lastLine;
        private boolean lost;

        /** A line sent: line {@code line} of file {@code file}. */
        void sent(int file, long line) {
            sent++;
            if (!lost && (file != lastFile || line != lastLine + 1)) {
                if (points == MOST) {
                    lost = true;
                } else {
                    if (points == rows.length) {
                        rows = java.util.Arrays.copyOf(rows, points * 2);
                        lines = java.util.Arrays.copyOf(lines, points * 2);
                        files = java.util.Arrays.copyOf(files, points * 2);
                    }
                    rows[points] = sent;
                    lines[points] = line;
                    files[points++] = file;
                }
            }
            lastFile = file;
            lastLine = line;
        }

        /** The file and line of the stream's line {@code n} (from 1), as {file, line}; null when not known. */
        long[] of(long n) {
            if (lost || n < 1 || n > sent || points == 0) {
                return null;
            }
            int i = java.util.Arrays.binarySearch(rows, 0, points, n);
            int at = i >= 0 ? i : -i - 2;
            return new long[] {files[at], lines[at] + (n - rows[at])};
        }
    }

    /** Good lines gathered into 1 MB writes: one driver call per line would cost more than the parsing. */
    private static final class CopyBuffer {

        private final CopyIn copy;
        private final CopyDeadline deadline;
        private final byte[] buf = new byte[1 << 20];
        private int used;
        final StreamLines lines = new StreamLines();
        /** The file whose lines are being sent (for a failure that names no line). */
        int file;
        private final List<Path> files;
        private final Connection db;

        CopyBuffer(CopyIn copy, CopyDeadline deadline, List<Path> files, Connection db) {
            this.copy = copy;
            this.deadline = deadline;
            this.files = files;
            this.db = db;
        }

        /** Line {@code line} of file {@code fileNo}, at {@code offset}, as the stream's next line. */
        void append(int fileNo, long line, long offset, byte[] b, int from, int to) {
            lines.sent(fileNo, line);
            byte[] p = (fileNo + "," + line + "," + offset + ",").getBytes(StandardCharsets.US_ASCII);
            int n = p.length + to - from + 1;
            if (used + n > buf.length) {
                flush();
            }
            if (n > buf.length) {
                write(p, 0, p.length);
                write(b, from, to - from);
                write(new byte[] {'\n'}, 0, 1);
                return;
            }
            System.arraycopy(p, 0, buf, used, p.length);
            used += p.length;
            System.arraycopy(b, from, buf, used, to - from);
            used += to - from;
            buf[used++] = '\n';
        }

        void flush() {
            if (used > 0) {
                write(buf, 0, used);
                used = 0;
            }
        }

        private void write(byte[] b, int off, int len) {
            try {
                deadline.within(() -> {
                    copy.writeToCopy(b, off, len);
                    return null;
                });
            } catch (SQLException ex) {
                throw new IllegalStateException("COPY into PostgreSQL failed: " + ex.getMessage(), failed(ex));
            }
        }

        /**
         * The COPY's failure as told: why, and where the server was, its stream's line as the file's line it is; the
         * stream's line said as such where it cannot be told so; the file being sent where the server named no line.
         */
        SQLException failed(SQLException e) {
            if (org.pbannex.runtime.DatabaseSilence.of(e) != null
                    || !ServerIngestFailed.answered(e) && !org.pbannex.runtime.DatabaseUnavailable.unreachable(e)) {
                return e;
            }
            // A connection the server ended: its last message, which the driver, writing, never read, says why (it shut
            // down, say); the driver said only "Database connection failed when writing to copy".
            var lastWord = ServerIngestFailed.answered(e) ? null : ServerLastWord.read(db);
            long streamLine = ServerIngestFailed.streamLine(e);
            long[] at = streamLine == 0 ? null : lines.of(streamLine);
            if (at != null) {
                return ServerIngestFailed.of(e, lastWord, ServerIngestFailed.During.COPY_AT, shown(files.get((int) at[0])), at[1]);
            }
            return ServerIngestFailed.of(e, lastWord, streamLine == 0 ? ServerIngestFailed.During.COPY
                    : ServerIngestFailed.During.COPY_STREAM, shown(files.get(file)), streamLine);
        }
    }

    private static String shown(Path file) {
        return InputFolder.shownFile(file);
    }

    /**
     * A statement's failure at the server, said with what was under way ({@link ServerIngestFailed}); a server gone
     * silent, a lock waited for, or a connection gone without the server's word, keeps its own words.
     */
    private static SQLException serverFailed(SQLException e, ServerIngestFailed.During during) {
        if (org.pbannex.runtime.DatabaseSilence.of(e) != null || org.pbannex.runtime.LockWait.of(e) != null
                || !ServerIngestFailed.answered(e)) {
            return e;
        }
        return ServerIngestFailed.of(e, during, null, 0);
    }

    /** {@link #run(List, Function, Connection)} with the files published under {@code root}. */
    public ExpenditureIngest.Result run(List<Path> files, String root, Connection db) throws IOException, SQLException {
        return run(files, ExpenditureIngest.publishedUnder(root), db);
    }

    /** @param publishedName how the result and the rejects name a file */
    public ExpenditureIngest.Result run(List<Path> files, Function<Path, String> publishedName, Connection db)
            throws IOException, SQLException {
        try (ScratchFolder scratch = ScratchFolder.create(scratchRoot)) {
            return run(files, publishedName, db, scratch.path());
        }
    }

    private ExpenditureIngest.Result run(List<Path> files, Function<Path, String> publishedName, Connection db, Path scratch)
            throws IOException, SQLException {
        long start = System.nanoTime();
        try (Statement st = db.createStatement()) {
            st.execute("CREATE TEMP TABLE IF NOT EXISTS " + STAGING + " (file_no int, line_no bigint, line_offset bigint, "
                    + "line_id text, period text, fund text, status text, region text, country text, unit text, outcome text, "
                    + "object text, amount_usd numeric(17, 2))");
            st.execute("TRUNCATE " + STAGING);
        }
        // Duplicates are the database's job here: the parser keeps no ids (0 pages).
        LineParser parser = new LineParser(dimensions, 0);
        boolean strict = rejectsFile == null;
        // Each file's bad lines in line order: the first few in memory, the rest on disk (Problems), as the embedded
        // engine keeps a partition's; line numbers as the rejects give them.
        List<Problems> bad = new ArrayList<>();
        long[] read = new long[files.size()];
        long[] rejected = new long[files.size()];
        CopyIn copy = db.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + STAGING + " FROM STDIN (FORMAT csv)");
        CopyDeadline deadline = CopyDeadline.of(db);
        CopyBuffer out = new CopyBuffer(copy, deadline, files, db);
        long[] badLines = {0};
        try {
            for (int f = 0; f < files.size() && (!strict || badLines[0] == 0); f++) {
                Path file = files.get(f);
                long bodyStart = ExpenditurePlan.header(file);
                int fileNo = f;
                out.file = f;
                long first = SyntheticMark.firstDataLine(file);
                Problems problems = new Problems(scratch.resolve(String.format("file-%05d.problems", f)));
                bad.add(problems);
                read[f] = LineReader.forEachLine(file, bodyStart, ExpenditurePlan.bodyEnd(file, bodyStart), new AtomicLong(), (b, s, e, line, offset) -> {
                    if (strict && badLines[0] > 0) {
                        return;
                    }
                    if (parser.accept(b, s, e)) {
                        out.append(fileNo, line + first, offset, b, s, e);
                    } else {
                        if (parser.fatal) {
                            throw new InputError(InputFolder.shownFile(file), line + first, parser.column, parser.reason);
                        }
                        badLines[0]++;
                        problems.add(new LineProblem(line + first, offset, parser.column, parser.reason, PartitionParser.raw(b, s, e),
                                false));
                    }
                });
                out.flush();
                problems.close();
                if (read[f] == 0) {
                    throw new InputError(InputFolder.shownFile(file), 1, "", Said.of("exp.no_lines"));
                }
            }
        } catch (RuntimeException | IOException e) {
            // (Its connection closed by the deadline, there is no COPY left to cancel.)
            if (!deadline.expired() && copy.isActive()) {
                try {
                    copy.cancelCopy();
                } catch (SQLException cancel) {
                    // A connection gone cannot cancel: the failure that ended the COPY says why, not "failed when canceling".
                    e.addSuppressed(cancel);
                }
            }
            throw e;
        }
        long copied;
        try {
            copied = deadline.within(copy::endCopy);
        } catch (SQLException e) {
            throw out.failed(e);
        }
        try (Duplicates duplicates = new Duplicates(db, files)) {
            if (strict) {
                LineProblem firstBad = bad.isEmpty() || bad.get(bad.size() - 1).isEmpty() ? null : firstOf(bad.get(bad.size() - 1));
                int badFile = bad.size() - 1;
                Duplicates.Row dup = duplicates.next();
                // The first in file order: a duplicate before the bad line (the copy stopped at the bad line's file).
                if (dup != null && (firstBad == null || dup.file() < badFile || dup.file() == badFile && dup.line() < firstBad.line())) {
                    throw new InputError(InputFolder.shownFile(files.get(dup.file())), dup.line(), "line_id",
                            dup.reason(files, InputFolder::shownFile));
                }
                if (firstBad != null) {
                    throw new InputError(InputFolder.shownFile(files.get(badFile)), firstBad.line(),
                            firstBad.column() == null ? "" : firstBad.column(),
                            LineParser.withLineBreak(firstBad.reason(), files.get(badFile), firstBad.offset(), firstBad.line()));
                }
            } else {
                writeRejects(files, publishedName, bad, duplicates, rejected);
            }
        } catch (SQLException e) {
            throw serverFailed(e, ServerIngestFailed.During.DUPLICATES);
        } finally {
            for (Problems p : bad) {
                p.delete();
            }
        }
        ExpenditureTotals totals = dimensions.newTotals();
        // The lines of biennia after the run's are staged for their ids only: summed nowhere, their codes not checked.
        Integer leftOutFrom = dimensions.leftOutFrom();
        String summed = leftOutFrom == null ? "" : " WHERE substr(period, 1, 4)::int < " + leftOutFrom;
        // The numbers of the synthetic files (-1: none), so that each cell counts its synthetic lines.
        String syntheticFiles = java.util.stream.IntStream.concat(java.util.stream.IntStream.of(-1),
                        java.util.stream.IntStream.range(0, files.size()).filter(f -> ExpenditureIngest.isSynthetic(files.get(f))))
                .mapToObj(Integer::toString).collect(java.util.stream.Collectors.joining(",", "(", ")"));
        try (Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT fund, status, region, outcome, (substr(period, 1, 4)::int / 2) * 2, "
                     + "sum(amount_usd * 100)::bigint, count(*), count(*) FILTER (WHERE file_no IN " + syntheticFiles + ") FROM "
                     + firstOccurrences() + summed + " GROUP BY 1, 2, 3, 4, 5")) {
            while (rs.next()) {
                totals.put(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getLong(6),
                        rs.getLong(7), rs.getLong(8));
            }
        } catch (SQLException e) {
            if ("22003".equals(e.getSQLState())) {
                throw tooLarge(files);
            }
            throw serverFailed(e, ServerIngestFailed.During.SUMS);
        } catch (ArithmeticException overflow) {
            throw tooLarge(files);
        }
        // Each file's good lines of those biennia (a repeated id's later line is rejected, not left out), counted apart.
        long[] leftOut = new long[files.size()];
        if (leftOutFrom != null) {
            try (Statement st = db.createStatement();
                 ResultSet rs = st.executeQuery("SELECT file_no, count(*) FROM " + firstOccurrences()
                         + " WHERE substr(period, 1, 4)::int >= " + leftOutFrom + " GROUP BY 1")) {
                while (rs.next()) {
                    leftOut[rs.getInt(1)] = rs.getLong(2);
                }
            } catch (SQLException e) {
                throw serverFailed(e, ServerIngestFailed.During.SUMS);
            }
        }
        List<ExpenditureIngest.FileStats> stats = new ArrayList<>();
        long rejectedLines = 0;
        for (int f = 0; f < files.size(); f++) {
            Path file = files.get(f);
            stats.add(new ExpenditureIngest.FileStats(publishedName.apply(file), read[f], read[f] - leftOut[f] - rejected[f],
                    leftOut[f], rejected[f], Files.size(file), SyntheticMark.of(file)));
            rejectedLines += rejected[f];
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        LOG.info("expenditure (PostgreSQL COPY): {} lines copied, {} rejected, {} s", copied, rejectedLines,
                Math.round(seconds * 10) / 10.0);
        return new ExpenditureIngest.Result(totals, stats, rejectedLines, seconds);
    }

    private static String firstOccurrences() {
        return "(SELECT * FROM (SELECT *, row_number() OVER (PARTITION BY line_id ORDER BY file_no, line_no) AS nth FROM "
                + STAGING + ") ranked WHERE nth = 1) firsts";
    }

    /** The sum of every file together passes 64 bits: named by the files' folder (the first file's), not one file. */
    private static InputError tooLarge(List<Path> files) {
        return new InputError(InputFolder.shown(files.get(0).toAbsolutePath().getParent()) + "/", 0, "amount_usd",
                Said.of("exp.sum_too_large", "result", ExpenditureTotals.PUBLISHED_NOTHING));
    }

    private static LineProblem firstOf(Problems problems) throws IOException {
        try (Problems.Cursor c = problems.cursor()) {
            return c.next();
        }
    }

    /**
     * The rejects, file by file in line order: each file's bad lines merged with its duplicates as the database streams
     * them, so that neither is ever held whole; counted per file into {@code rejected}.
     */
    private void writeRejects(List<Path> files, Function<Path, String> publishedName, List<Problems> bad, Duplicates duplicates,
                              long[] rejected) throws IOException, SQLException {
        try (ICSVWriter rejects = PartitionMerge.rejectsWriter(rejectsFile)) {
            Duplicates.Row dup = duplicates.next();
            for (int f = 0; f < files.size(); f++) {
                String name = publishedName.apply(files.get(f));
                try (Problems.Cursor c = bad.get(f).cursor(); FileChannel lines = FileChannel.open(files.get(f), StandardOpenOption.READ)) {
                    LineProblem p = c.hasNext() ? c.next() : null;
                    while (p != null || dup != null && dup.file() == f) {
                        if (p != null && (dup == null || dup.file() != f || p.line() < dup.line())) {
                            PartitionMerge.writeReject(rejects, name, p.line(), p.column(),
                                    LineParser.withLineBreak(p.reason(), files.get(f), p.offset(), p.line()).english(), p.raw());
                            p = c.hasNext() ? c.next() : null;
                        } else {
                            byte[] raw = LineReader.lineAt(lines, dup.offset());
                            PartitionMerge.writeReject(rejects, name, dup.line(), "line_id", dup.reason(files, publishedName).english(),
                                    PartitionParser.raw(raw, 0, raw.length));
                            dup = duplicates.next();
                        }
                        rejected[f]++;
                    }
                }
            }
        }
    }

    /**
     * Every line whose id an earlier line (in file order) already had, with where that line is, in file and line order,
     * read through a cursor {@link #FETCH_ROWS} rows at a time. PostgreSQL's driver reads by a cursor only inside a
     * transaction (without one it takes every row into memory at once): on a connection in autocommit, one is opened
     * for the query and ended with it; inside a transaction already (a run's step), that one serves.
     */
    private static final class Duplicates implements AutoCloseable {

        record Row(int file, long line, long offset, String id, int firstFile, long firstLine) {

            /** Why, naming its first line (and that line's file as {@code name} gives it, when it is another). */
            Said reason(List<Path> files, Function<Path, String> name) {
                return FirstLines.reason(FirstLines.duplicate(id.length() > 60 ? id.substring(0, 60) + "…" : id),
                        firstFile == file ? null : name.apply(files.get(firstFile)), firstLine);
            }
        }

        private final Connection db;
        private final boolean ownTransaction;
        private final PreparedStatement st;
        private final ResultSet rs;

        Duplicates(Connection db, List<Path> files) throws SQLException {
            this.db = db;
            this.ownTransaction = db.getAutoCommit();
            if (ownTransaction) {
                db.setAutoCommit(false);
            }
            st = db.prepareStatement("SELECT file_no, line_no, line_offset, line_id, first_file, first_line FROM "
                    + "(SELECT file_no, line_no, line_offset, line_id, row_number() OVER w AS nth, first_value(file_no) OVER w AS "
                    + "first_file, first_value(line_no) OVER w AS first_line FROM " + STAGING
                    + " WINDOW w AS (PARTITION BY line_id ORDER BY file_no, line_no)) ranked WHERE nth > 1 ORDER BY file_no, line_no",
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            st.setFetchSize(FETCH_ROWS);
            rs = st.executeQuery();
        }

        /** The next duplicate, or null when there is none left. */
        Row next() throws SQLException {
            return rs.next() ? new Row(rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getInt(5), rs.getLong(6)) : null;
        }

        @Override
        public void close() throws SQLException {
            try {
                rs.close();
                st.close();
            } finally {
                if (ownTransaction) {
                    // The query only read: nothing to keep, and the connection goes back as it came.
                    db.rollback();
                    db.setAutoCommit(true);
                }
            }
        }
    }
}
