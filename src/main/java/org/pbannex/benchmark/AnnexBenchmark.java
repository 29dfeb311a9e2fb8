package org.pbannex.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.pbannex.publish.RunFolder;
import org.pbannex.warm.WarmEndpoint;

/**
 * The on-demand benchmark: whole processes as a user starts them (through the launcher), run by run and alternated
 * with their peer so that both meet the same machine load: regenerating one annex beside LibreOffice converting that
 * edition's workbook to PDF, {@code check}, and the nightly run, each cold and in a warm process; the first two
 * regenerations of a session whose first command starts the warm process; medians, ratios, peak memory, and where the
 * time of a run goes (the {@code timing} lines of {@code run --timings} and {@code check --timings}). Runs go to a
 * scratch output folder and a scratch database under the benchmark's folder: the user's history and outputs are not
 * touched. Measures only.
 */
public final class AnnexBenchmark {

    /** One whole-process run: wall seconds, peak RSS (the process and its children), its timing lines. */
    record Sample(double wall, long rssKb, Map<String, Double> timings) {
    }

    private final Path program;
    private final Path home;
    private final Path work;
    private final int runs;
    private final String annex;

    /**
     * @param program the program's folder, whose launcher runs the commands
     * @param home    the data folder (PB_HOME's) they read: its input and jobs
     */
    public AnnexBenchmark(Path program, Path home, Path work, int runs, String annex) {
        this.program = program;
        this.home = home;
        this.work = work;
        this.runs = runs;
        this.annex = annex;
    }

    public String run() throws IOException, InterruptedException {
        Path out = work.resolve("annex-output");
        Path db = work.resolve("annex-db");
        Path warmDir = work.resolve("annex-warm");
        RunFolder.deleteTree(out);
        RunFolder.deleteTree(db);
        Map<String, String> env = Map.of("PB_DATABASE_URL", "jdbc:h2:file:" + db.resolve("pb-annex")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "PB_DATABASE_USER", "sa", "PB_DATABASE_PASSWORD", "",
                "PB_SERVE_DIR", warmDir.toString(), "PB_STATUS", work.resolve("annex-status").toString(), "PB_HOME", home.toString());
        // Each command in a process of its own (cold), and in a warm process started for the benchmark (warm).
        Map<String, String> cold = new LinkedHashMap<>(env);
        cold.put("PB_WARM", "off");
        // A working session as a user at a terminal meets it: the first command starts a warm process (PB_WARM=start
        // stands for the terminal), the next runs in it; stopped after each pair.
        Path sessionDir = work.resolve("annex-session");
        Map<String, String> session = new LinkedHashMap<>(env);
        session.put("PB_SERVE_DIR", sessionDir.toString());
        session.put("PB_WARM", "start");
        // One nightly run first: it warms the page cache and gives the zh workbook LibreOffice converts.
        measure(pbAnnex("run", "nightly", "--force", "--output", out.toString()), cold);
        Path workbook = zhWorkbook(out);
        Path pdfDir = work.resolve("annex-libreoffice");
        Files.createDirectories(pdfDir);
        List<String> libreOffice = List.of("soffice", "-env:UserInstallation=" + work.resolve("lo-profile").toUri(), "--headless",
                "--convert-to", "pdf", "--outdir", pdfDir.toString(), workbook.toString());
        boolean haveLibreOffice = onPath("soffice");
        if (haveLibreOffice) {
            measure(libreOffice, Map.of());
        }
        List<String> regenerate = pbAnnex("run", "regenerate", "--tables", annex, "--lang", "zh", "--format", "xlsx,pdf,csv",
                "--force", "--timings", "--output", out.toString());
        List<String> check = pbAnnex("check", "--timings");
        List<String> nightly = pbAnnex("run", "nightly", "--force", "--timings", "--output", out.toString());

        MeasuredProcess started = MeasuredProcess.run(pbAnnex("serve"), env, true);
        long warmPid = WarmEndpoint.read(warmDir).map(WarmEndpoint::pid)
                .orElseThrow(() -> new IOException("the warm process did not start: " + started.out()));
        long warmPeakKb;
        long sessionPeakKb = 0;
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        try {
            for (int i = 0; i < runs; i++) {
                // LibreOffice alternates between going before and after the regenerations, so neither always meets the
                // other's leftovers.
                if (haveLibreOffice && i % 2 == 1) {
                    add(samples, "lo", measure(libreOffice, Map.of()));
                }
                add(samples, "regen-cold", measure(regenerate, cold));
                add(samples, "regen-warm", measure(regenerate, env));
                add(samples, "regen-first", measure(regenerate, session));
                add(samples, "regen-second", measure(regenerate, session));
                sessionPeakKb = Math.max(sessionPeakKb, stopSession(sessionDir, session));
                if (haveLibreOffice && i % 2 == 0) {
                    add(samples, "lo", measure(libreOffice, Map.of()));
                }
                add(samples, "check-cold", measure(check, cold));
                add(samples, "check-warm", measure(check, env));
                add(samples, "nightly-cold", measure(nightly, cold));
                add(samples, "nightly-warm", measure(nightly, env));
            }
        } finally {
            warmPeakKb = PeakMemory.ofPid(warmPid);
            MeasuredProcess.run(pbAnnex("serve", "--stop"), env, true);
        }
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%nOn demand and nightly: %d run%s each, alternated; whole commands through ./pb-annex, each in a "
                + "process of its own (cold), in the warm process of pb-annex serve (warm), and as a session whose first command "
                + "starts a warm process%n", runs, runs == 1 ? "" : "s"));
        b.append(String.format(Locale.ROOT, "%-64s %8s %8s %8s %9s  %s%n", "command", "median s", "min s", "max s", "peak RSS",
                "goal"));
        List<Sample> lo = samples.getOrDefault("lo", List.of());
        double loMedian = lo.isEmpty() ? Double.NaN : median(lo, Sample::wall);
        String regenerating = "pb-annex run regenerate --tables " + annex + " (zh: xlsx + pdf + csv)";
        for (String kind : List.of("cold", "warm")) {
            List<Sample> regen = samples.get("regen-" + kind);
            row(b, regenerating + ", " + kind, regen, lo.isEmpty() ? ""
                    : String.format(Locale.ROOT, "<= 0.6 x LibreOffice: %.2f x", median(regen, Sample::wall) / loMedian));
        }
        for (String kind : List.of("first", "second")) {
            List<Sample> regen = samples.get("regen-" + kind);
            row(b, "the same, " + kind + " of a session" + (kind.equals("first") ? " (starts the warm process)" : " (in it)"),
                    regen, lo.isEmpty() ? "" : String.format(Locale.ROOT, "%.2f x LibreOffice", median(regen, Sample::wall) / loMedian));
        }
        if (!lo.isEmpty()) {
            row(b, "LibreOffice: the zh workbook to PDF (" + workbook.getFileName() + ")", lo, "peer");
        } else {
            b.append("LibreOffice (soffice) not installed: the peer is skipped\n");
        }
        row(b, "pb-annex check, cold", samples.get("check-cold"), "<= 0.6 s");
        row(b, "pb-annex check, warm", samples.get("check-warm"), "<= 0.6 s");
        row(b, "pb-annex run nightly --force (2 editions x 4 formats), cold", samples.get("nightly-cold"), "<= 3 s, <= 300 MB");
        row(b, "pb-annex run nightly --force (2 editions x 4 formats), warm", samples.get("nightly-warm"), "<= 3 s, <= 300 MB");
        b.append(String.format(Locale.ROOT, "Warm rows: peak RSS is the client's; the warm process's own peak, since it started (its "
                + "warm-up included): %d MB; the session's (its first two commands): %d MB%n", warmPeakKb / 1024,
                sessionPeakKb / 1024));
        b.append(where("run regenerate, cold", samples.get("regen-cold"))).append(where("run regenerate, warm", samples.get("regen-warm")))
                .append(where("check, cold", samples.get("check-cold"))).append(where("check, warm", samples.get("check-warm")))
                .append(where("run nightly, cold", samples.get("nightly-cold"))).append(where("run nightly, warm", samples.get("nightly-warm")));
        return b.toString();
    }

    /** Stops the session's warm process and waits until it has gone; its peak RSS. */
    private long stopSession(Path dir, Map<String, String> env) throws IOException, InterruptedException {
        Optional<WarmEndpoint> endpoint = WarmEndpoint.read(dir);
        if (endpoint.isEmpty()) {
            throw new IOException("the first command of a session started no warm process (" + dir + ")");
        }
        long pid = endpoint.get().pid();
        long peakKb = PeakMemory.ofPid(pid);
        MeasuredProcess.run(pbAnnex("serve", "--stop"), env, true);
        // Its endpoint goes before its JVM ends (closing the database, the shutdown hooks): the next command timed
        // would share the cores with that end.
        for (int i = 0; i < 600 && (WarmEndpoint.read(dir).isPresent() || PeakMemory.running(pid)); i++) {
            Thread.sleep(50);
        }
        return peakKb;
    }

    private static void add(Map<String, List<Sample>> samples, String key, Sample s) {
        samples.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
    }

    /** The median of each timing line over the runs: where a run's time goes. */
    private static String where(String what, List<Sample> samples) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%nWhere the time of %s goes (medians, s):%n", what));
        Map<String, List<Double>> byKey = new LinkedHashMap<>();
        for (Sample s : samples) {
            s.timings().forEach((k, v) -> byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        }
        byKey.forEach((k, v) -> b.append(String.format(Locale.ROOT, "  %-44s %8.3f%n", k, Medians.of(v))));
        return b.toString();
    }

    private static void row(StringBuilder b, String what, List<Sample> samples, String goal) {
        b.append(String.format(Locale.ROOT, "%-64s %8.2f %8.2f %8.2f %6d MB  %s%n", what, median(samples, Sample::wall),
                samples.stream().mapToDouble(Sample::wall).min().orElse(Double.NaN),
                samples.stream().mapToDouble(Sample::wall).max().orElse(Double.NaN),
                (long) median(samples, s -> (double) s.rssKb()) / 1024, goal));
    }

    private static double median(List<Sample> samples, java.util.function.Function<Sample, Double> f) {
        return Medians.of(samples.stream().map(f).toList());
    }

    private List<String> pbAnnex(String... args) {
        List<String> c = new ArrayList<>(List.of("bash", program.resolve("pb-annex").toString()));
        c.addAll(List.of(args));
        return c;
    }

    /** Runs the command to its end; its wall time, peak RSS and the timing lines it printed. */
    private Sample measure(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        MeasuredProcess p = MeasuredProcess.run(command, env, true);
        Map<String, Double> timings = new LinkedHashMap<>();
        for (String line : p.out().lines().toList()) {
            if (line.startsWith("timing ") && !line.startsWith("timing peak-rss-mb")) {
                int last = line.lastIndexOf(' ');
                timings.put(line.substring("timing ".length(), last).replaceAll("\\s+$", ""), Double.parseDouble(line.substring(last + 1)));
            }
        }
        return new Sample(p.wall(), p.peakRssKb(), timings);
    }

    private static Path zhWorkbook(Path out) throws IOException {
        try (Stream<Path> files = Files.walk(out)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".zh.xlsx") && !f.toString().contains("/latest/"))
                    .max(Comparator.comparing(Path::toString))
                    .orElseThrow(() -> new IOException("the nightly run wrote no zh workbook under " + out));
        }
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }
}
