package org.pbannex.expenditure;

import com.opencsv.ICSVWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private final Dimensions dimensions;
    private final Path rejectsFile;

    public PostgresExpenditureEngine(Dimensions dimensions, Path rejectsFile) {
        this.dimensions = dimensions;
        this.rejectsFile = rejectsFile;
    }

    /** Good lines gathered into 1 MB writes: one driver call per line would cost more than the parsing. */
    private static final class CopyBuffer {

        private final CopyIn copy;
        private final CopyDeadline deadline;
        private final byte[] buf = new byte[1 << 20];
        private int used;

        CopyBuffer(CopyIn copy, CopyDeadline deadline) {
            this.copy = copy;
            this.deadline = deadline;
        }

        void append(String prefix, byte[] b, int from, int to) {
            byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
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
                throw new IllegalStateException("COPY into PostgreSQL failed: " + ex.getMessage(), ex);
            }
        }
    }

    /**
     * A bad line found while copying, or a duplicate found after: its file (index), line number in the file, and why;
     * a duplicate's first line (file index and line; -1 for any other bad line).
     */
    private record Bad(int file, long line, long offset, String column, Said reason, String raw, int firstFile, long firstLine) {

        Bad(int file, long line, long offset, String column, Said reason, String raw) {
            this(file, line, offset, column, reason, raw, -1, -1);
        }

        /** Why, a duplicate naming its first line (and that line's file as {@code name} gives it, when it is another). */
        Said reason(List<Path> files, Function<Path, String> name) {
            return firstFile < 0 ? reason : FirstLines.reason(reason, firstFile == file ? null : name.apply(files.get(firstFile)),
                    firstLine);
        }
    }

    /** {@link #run(List, Function, Connection)} with the files published under {@code root}. */
    public ExpenditureIngest.Result run(List<Path> files, String root, Connection db) throws IOException, SQLException {
        return run(files, ExpenditureIngest.publishedUnder(root), db);
    }

    /** @param publishedName how the result and the rejects name a file */
    public ExpenditureIngest.Result run(List<Path> files, Function<Path, String> publishedName, Connection db)
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
        List<Bad> bad = new ArrayList<>();
        long[] read = new long[files.size()];
        long[] rejected = new long[files.size()];
        CopyIn copy = db.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + STAGING + " FROM STDIN (FORMAT csv)");
        CopyDeadline deadline = CopyDeadline.of(db);
        CopyBuffer out = new CopyBuffer(copy, deadline);
        try {
            for (int f = 0; f < files.size() && (!strict || bad.isEmpty()); f++) {
                Path file = files.get(f);
                long bodyStart = ExpenditurePlan.header(file);
                int fileNo = f;
                long first = SyntheticMark.firstDataLine(file);
                read[f] = LineReader.forEachLine(file, bodyStart, ExpenditurePlan.bodyEnd(file, bodyStart), new AtomicLong(), (b, s, e, line, offset) -> {
                    if (strict && !bad.isEmpty()) {
                        return;
                    }
                    if (parser.accept(b, s, e)) {
                        out.append(fileNo + "," + (line + first) + "," + offset + ",", b, s, e);
                    } else {
                        if (parser.fatal) {
                            throw new InputError(InputFolder.shownFile(file), line + first, parser.column, parser.reason);
                        }
                        bad.add(new Bad(fileNo, line + first, offset, parser.column, parser.reason, PartitionParser.raw(b, s, e)));
                    }
                });
                out.flush();
                if (read[f] == 0) {
                    throw new InputError(InputFolder.shownFile(file), 1, "", Said.of("exp.no_lines"));
                }
            }
        } catch (RuntimeException | IOException e) {
            // (Its connection closed by the deadline, there is no COPY left to cancel.)
            if (!deadline.expired() && copy.isActive()) {
                copy.cancelCopy();
            }
            throw e;
        }
        long copied = deadline.within(copy::endCopy);
        List<Bad> duplicates = duplicates(db, files);
        List<Bad> problems = new ArrayList<>(bad);
        problems.addAll(duplicates);
        problems.sort(java.util.Comparator.comparingInt(Bad::file).thenComparingLong(Bad::line));
        if (strict && !problems.isEmpty()) {
            Bad first = problems.get(0);
            throw new InputError(InputFolder.shownFile(files.get(first.file())), first.line(),
                    first.column() == null ? "" : first.column(), first.reason(files, InputFolder::shownFile));
        }
        if (!strict) {
            try (ICSVWriter rejects = PartitionMerge.rejectsWriter(rejectsFile)) {
                for (Bad p : problems) {
                    rejected[p.file()]++;
                    PartitionMerge.writeReject(rejects, publishedName.apply(files.get(p.file())), p.line(), p.column(),
                            p.reason(files, publishedName).english(), p.raw());
                }
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
            throw e;
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
                Said.of("exp.sum_too_large"));
    }

    /** Every line whose id an earlier line (in file order) already had, with where that line is. */
    private static List<Bad> duplicates(Connection db, List<Path> files) throws SQLException, IOException {
        List<Bad> out = new ArrayList<>();
        try (PreparedStatement st = db.prepareStatement("SELECT file_no, line_no, line_offset, line_id, first_file, first_line FROM "
                + "(SELECT file_no, line_no, line_offset, line_id, row_number() OVER w AS nth, first_value(file_no) OVER w AS "
                + "first_file, first_value(line_no) OVER w AS first_line FROM " + STAGING
                + " WINDOW w AS (PARTITION BY line_id ORDER BY file_no, line_no)) ranked WHERE nth > 1 ORDER BY file_no, line_no");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                int f = rs.getInt(1);
                long offset = rs.getLong(3);
                String id = rs.getString(4);
                byte[] raw = LineReader.lineAt(files.get(f), offset, Files.size(files.get(f)));
                out.add(new Bad(f, rs.getLong(2), offset, "line_id", FirstLines.duplicate(id.length() > 60 ? id.substring(0, 60) + "…" : id),
                        PartitionParser.raw(raw, 0, raw.length), rs.getInt(5), rs.getLong(6)));
            }
        }
        return out;
    }
}
