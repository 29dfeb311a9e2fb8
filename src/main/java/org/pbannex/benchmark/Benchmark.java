package org.pbannex.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pbannex.expenditure.SyntheticMark;
import org.postgresql.PGConnection;

/**
 * Times pb-annex's expenditure ingest + aggregation beside its peers on the same file: each tool in its own process
 * where it has one (whole-process wall time, its own step time, its peak RSS), PostgreSQL through the server.
 * Measurement only: it publishes nothing and asserts nothing.
 */
public final class Benchmark {

    /** One measured tool on one file. Blank figures are not measured for that tool. */
    public record Measure(String tool, double wallSeconds, double stepSeconds, long rssKb, String note) {
    }

    private final Path program;
    private final Path home;
    private final Map<String, String> env;

    /**
     * @param program the program's folder (its launcher, target/classes)
     * @param home    the data folder (PB_HOME's) the launched commands read
     */
    public Benchmark(Path program, Path home, Map<String, String> env) {
        this.program = program;
        this.home = home;
        this.env = env;
    }

    /**
     * Runs the tools on one file, {@code runs} times each. The CPU-bound ones go first: cat, then DuckDB and the
     * embedded engine alternated run by run (D P D P ...), so that a drift in the machine's speed meets both alike, each
     * reported by its run of median wall time, the embedded engine with the medians of the pair ratios. The PostgreSQL
     * ones go last, once, so that the server's background work after a large COPY does not take a core from the others.
     */
    public List<Measure> run(Path file, long lines, Path duckdbJar, int runs) throws IOException, InterruptedException {
        List<Measure> out = new ArrayList<>();
        List<Measure> cat = new ArrayList<>();
        List<Measure> duck = new ArrayList<>();
        List<Measure> pb = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            cat.add(new Measure("cat FILE > /dev/null", timed(List.of("cat", file.toString()), Map.of()).wall(), Double.NaN, 0, ""));
        }
        for (int i = 0; i < runs; i++) {
            if (duckdbJar != null) {
                duck.add(duckdb(file, lines, duckdbJar));
            }
            pb.add(pbAnnex(file, "embedded"));
        }
        out.add(median(cat, ""));
        out.addAll(besideDuckDb(duck, pb));
        String url = env.getOrDefault("PB_DATABASE_URL", "");
        if (url.startsWith("jdbc:postgresql:")) {
            out.add(pbAnnex(file, "postgres"));
            out.add(postgresByHand(file, url));
        } else {
            out.add(new Measure("PostgreSQL", Double.NaN, Double.NaN, 0, "skipped: set PB_DATABASE_URL to a PostgreSQL server"));
        }
        return out;
    }

    /**
     * DuckDB's row and the embedded engine's: their medians and the pair ratios; without DuckDB runs (--duckdb none) a
     * row that says it was skipped, as PostgreSQL's absence is said, so that the table does not read as if DuckDB were
     * never a peer.
     */
    static List<Measure> besideDuckDb(List<Measure> duck, List<Measure> pb) {
        if (duck.isEmpty()) {
            return List.of(new Measure("DuckDB", Double.NaN, Double.NaN, 0, "skipped: --duckdb none"), median(pb, ""));
        }
        return List.of(median(duck, ""), median(pb, "; vs DuckDB, pairs: wall " + Medians.ratios(walls(pb), walls(duck))
                + ", step / query " + Medians.ratios(steps(pb), steps(duck))));
    }

    /** The run with the median wall time (the lower middle one of an even count). */
    private static Measure median(List<Measure> runs, String more) {
        List<Measure> sorted = runs.stream().sorted(java.util.Comparator.comparingDouble(Measure::wallSeconds)).toList();
        Measure m = sorted.get((sorted.size() - 1) / 2);
        return new Measure(m.tool(), m.wallSeconds(), m.stepSeconds(), m.rssKb(), "median of " + runs.size()
                + (m.note().isEmpty() ? "" : "; " + m.note()) + more);
    }

    private static List<Double> walls(List<Measure> m) {
        return m.stream().map(Measure::wallSeconds).toList();
    }

    private static List<Double> steps(List<Measure> m) {
        return m.stream().map(Measure::stepSeconds).toList();
    }

    /**
     * DuckDB's run: told to skip a synthetic file's mark line (the PostgreSQL peer skips it too), and held to have read
     * every line of the file, so that a query that read other lines than pb-annex's is never timed beside it.
     */
    Measure duckdb(Path file, long lines, Path duckdbJar) throws IOException, InterruptedException {
        MeasuredProcess r = timed(duckdbCommand(file, duckdbJar), Map.of());
        Map<String, String> kv = keyValues(r.out());
        if (!Long.toString(lines).equals(kv.get("lines"))) {
            throw new IllegalStateException("DuckDB read " + kv.get("lines") + " lines of " + file + ", which holds " + lines + ": "
                    + r.out().strip());
        }
        return new Measure("DuckDB " + duckdbJar.getFileName().toString().replace("duckdb_jdbc-", "").replace(".jar", "")
                + " (JDBC, read_csv + GROUP BY)", r.wall(), Double.parseDouble(kv.get("query_seconds")),
                Long.parseLong(kv.get("rss_kb")), "");
    }

    /** DuckDB's JVM; native access allowed, so that its driver's library loads without four warnings on every run. */
    List<String> duckdbCommand(Path file, Path duckdbJar) {
        return List.of(java(), "--enable-native-access=ALL-UNNAMED", "-cp", program.resolve("target/classes")
                + java.io.File.pathSeparator + duckdbJar, DuckDbProbe.class.getName(), file.toString(),
                SyntheticMark.markLineEnd(file) > 0 ? "1" : "0");
    }

    private Measure pbAnnex(Path file, String engine) throws IOException, InterruptedException {
        Map<String, String> childEnv = new HashMap<>();
        childEnv.put("PB_EXPENDITURE_ENGINE", engine);
        // A whole process, as DuckDB's is: never the warm process of a pb-annex serve that happens to run.
        childEnv.put("PB_WARM", "off");
        childEnv.put("PB_HOME", home.toString());
        // Through the launcher, as a user starts it (extracted jar and class-data archive included).
        MeasuredProcess r = timed(List.of("bash", program.resolve("pb-annex").toString(), "ingest-expenditure", "--machine", "--engine", engine, file.toString()), childEnv);
        Map<String, String> kv = keyValues(r.out());
        if (!kv.containsKey("step_seconds")) {
            throw new IllegalStateException("pb-annex ingest-expenditure failed: " + r.out());
        }
        return new Measure("pb-annex " + engine + " (ingest-expenditure)", r.wall(), Double.parseDouble(kv.get("step_seconds")),
                Long.parseLong(kv.get("rss_kb")), "");
    }

    /** COPY of the raw file into an unlogged-like temp table, then the same GROUP BY, as one would write it by hand. */
    private Measure postgresByHand(Path file, String url) {
        try (Connection c = DriverManager.getConnection(url, env.getOrDefault("PB_DATABASE_USER", ""),
                env.getOrDefault("PB_DATABASE_PASSWORD", "")); Statement st = c.createStatement()) {
            st.execute("CREATE TEMP TABLE bench_lines (line_id text, period text, fund text, status text, region text, "
                    + "country text, unit text, outcome text, object text, amount_usd numeric(17, 2))");
            long start = System.nanoTime();
            try (InputStream in = Files.newInputStream(file)) {
                in.skipNBytes(SyntheticMark.markLineEnd(file)); // COPY's HEADER skips one line: the header
                c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY bench_lines FROM STDIN (FORMAT csv, HEADER true)", in, 1 << 20);
            }
            long groups = 0;
            try (ResultSet rs = st.executeQuery("SELECT fund, status, region, outcome, (substr(period, 1, 4)::int / 2) * 2, "
                    + "sum(amount_usd * 100)::bigint, count(*) FROM bench_lines GROUP BY 1, 2, 3, 4, 5")) {
                while (rs.next()) {
                    groups++;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Measure("PostgreSQL COPY + GROUP BY (by hand)", seconds, seconds, 0, groups + " groups; server-side");
        } catch (SQLException | IOException e) {
            return new Measure("PostgreSQL COPY + GROUP BY (by hand)", Double.NaN, Double.NaN, 0, "failed: " + e.getMessage());
        }
    }

    private MeasuredProcess timed(List<String> command, Map<String, String> extraEnv) throws IOException, InterruptedException {
        // cat's output is the file itself: not kept.
        return MeasuredProcess.run(command, extraEnv, !command.get(0).equals("cat"));
    }

    private static Map<String, String> keyValues(String out) {
        Map<String, String> kv = new HashMap<>();
        for (String line : out.lines().toList()) {
            for (String part : line.trim().split("\\s+")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    kv.put(part.substring(0, eq), part.substring(eq + 1));
                }
            }
        }
        return kv;
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** The table the command prints: one line per tool, with lines/s and MB/s from the step time where there is one. */
    public static String format(long lines, long bytes, String what, List<Measure> measures) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%n%,d lines, %.0f MB, %s%n", lines, bytes / 1e6, what));
        b.append(String.format(Locale.ROOT, "%-52s %9s %9s %12s %8s %9s  %s%n", "tool", "wall s", "step s", "lines/s", "MB/s",
                "peak RSS", "note"));
        for (Measure m : measures) {
            double basis = Double.isNaN(m.stepSeconds()) ? m.wallSeconds() : m.stepSeconds();
            b.append(String.format(Locale.ROOT, "%-52s %9s %9s %12s %8s %9s  %s%n", m.tool(), num(m.wallSeconds(), 2),
                    num(m.stepSeconds(), 2), Double.isNaN(basis) ? "" : String.format(Locale.ROOT, "%,.0f", lines / basis),
                    Double.isNaN(basis) ? "" : String.format(Locale.ROOT, "%.0f", bytes / 1e6 / basis),
                    m.rssKb() == 0 ? "" : (m.rssKb() / 1024) + " MB", m.note()));
        }
        return b.toString();
    }

    private static String num(double v, int decimals) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

}
