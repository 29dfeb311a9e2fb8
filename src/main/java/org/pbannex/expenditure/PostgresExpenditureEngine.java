package org.pbannex.expenditure;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.pbannex.ingest.InputError;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL engine: every line is validated as by the embedded engine (same parser, same errors, same rejects),
 * and each good line's bytes go straight into a COPY to a session-private staging table; the totals are then a
 * GROUP BY in SQL. The database does the summing, so the two engines check each other (a test compares them).
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
        private final byte[] buf = new byte[1 << 20];
        private int used;

        CopyBuffer(CopyIn copy) {
            this.copy = copy;
        }

        void append(byte[] b, int from, int to) {
            int n = to - from;
            if (used + n + 1 > buf.length) {
                flush();
            }
            if (n + 1 > buf.length) {
                write(b, from, n);
                write(new byte[] {'\n'}, 0, 1);
                return;
            }
            System.arraycopy(b, from, buf, used, n);
            used += n;
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
                copy.writeToCopy(b, off, len);
            } catch (SQLException ex) {
                throw new IllegalStateException("COPY into PostgreSQL failed: " + ex.getMessage(), ex);
            }
        }
    }

    public ExpenditureIngest.Result run(List<Path> files, String displayRoot, Connection db) throws IOException, SQLException {
        long start = System.nanoTime();
        try (Statement st = db.createStatement()) {
            st.execute("CREATE TEMP TABLE IF NOT EXISTS " + STAGING + " (line_id text, period text, fund text, status text, "
                    + "region text, country text, unit text, outcome text, object text, amount_usd numeric(17, 2))");
            st.execute("TRUNCATE " + STAGING);
        }
        LineParser parser = new LineParser(dimensions);
        List<ExpenditureIngest.FileStats> stats = new ArrayList<>();
        long rejected = 0;
        CopyIn copy = db.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + STAGING + " FROM STDIN (FORMAT csv)");
        CopyBuffer out = new CopyBuffer(copy);
        try (Writer rejects = rejectsFile == null ? null : ExpenditureIngest.rejectsWriter(rejectsFile)) {
            for (Path file : files) {
                String name = displayRoot + file.getFileName();
                long bodyStart = ExpenditureIngest.header(file, name);
                long[] bad = new long[1];
                List<ExpenditureIngest.Problem> problems = new ArrayList<>();
                long lines = LineReader.forEachLine(file, bodyStart, Files.size(file), new AtomicLong(), (b, s, e, line) -> {
                    if (parser.accept(b, s, e)) {
                        out.append(b, s, e);
                        return;
                    }
                    bad[0]++;
                    if (rejects == null && problems.isEmpty()) {
                        problems.add(new ExpenditureIngest.Problem(null, line, parser.column, parser.reason, ""));
                    } else if (rejects != null) {
                        try {
                            ExpenditureIngest.writeReject(rejects, name, line + 2, new ExpenditureIngest.Problem(null, line,
                                    parser.column, parser.reason, ExpenditureIngest.Chunk.raw(b, s, e)));
                        } catch (IOException ex) {
                            throw new java.io.UncheckedIOException(ex);
                        }
                    }
                });
                out.flush();
                if (!problems.isEmpty()) {
                    copy.cancelCopy();
                    ExpenditureIngest.Problem p = problems.get(0);
                    throw new InputError(name, p.line() + 2, p.column() == null ? "" : p.column(), p.reason());
                }
                if (lines == 0) {
                    copy.cancelCopy();
                    throw new InputError(name, 1, "", "no expenditure lines after the header");
                }
                stats.add(new ExpenditureIngest.FileStats(name, lines, lines - bad[0], bad[0], Files.size(file),
                        ExpenditureIngest.isSynthetic(file)));
                rejected += bad[0];
            }
        } catch (RuntimeException | IOException e) {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
            throw e;
        }
        long copied = copy.endCopy();
        ExpenditureTotals totals = dimensions.newTotals();
        try (Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT fund, status, region, outcome, (substr(period, 1, 4)::int / 2) * 2, "
                     + "sum(amount_usd * 100)::bigint, count(*) FROM " + STAGING + " GROUP BY 1, 2, 3, 4, 5")) {
            while (rs.next()) {
                totals.put(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getLong(6),
                        rs.getLong(7));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        LOG.info("expenditure (PostgreSQL COPY): {} lines copied, {} rejected, {} s", copied, rejected, Math.round(seconds * 10) / 10.0);
        return new ExpenditureIngest.Result(totals, stats, rejected, seconds);
    }
}
