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
import java.util.stream.Stream;
import org.pbannex.publish.RunFolder;

/**
 * The on-demand benchmark: whole processes as a user starts them (through the launcher), run by run and alternated
 * with their peer so that both meet the same machine load: regenerating one annex beside LibreOffice converting that
 * edition's workbook to PDF, {@code check}, and the nightly run; medians, ratios, peak memory, and where the time of
 * a run goes (the {@code timing} lines of {@code run --timings}). Runs go to a scratch output folder and a scratch
 * database under the benchmark's folder: the user's history and outputs are not touched. Measures only.
 */
public final class AnnexBenchmark {

    /** One whole-process run: wall seconds, peak RSS (the process and its children), its timing lines. */
    record Sample(double wall, long rssKb, Map<String, Double> timings) {
    }

    private final Path home;
    private final Path work;
    private final int runs;
    private final String annex;

    public AnnexBenchmark(Path home, Path work, int runs, String annex) {
        this.home = home;
        this.work = work;
        this.runs = runs;
        this.annex = annex;
    }

    public String run() throws IOException, InterruptedException {
        Path out = work.resolve("annex-output");
        Path db = work.resolve("annex-db");
        RunFolder.deleteTree(out);
        RunFolder.deleteTree(db);
        Map<String, String> env = Map.of("PB_DATABASE_URL", "jdbc:h2:file:" + db.resolve("pb-annex")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "PB_DATABASE_USER", "sa", "PB_DATABASE_PASSWORD", "");
        // One nightly run first: it warms the page cache and gives the zh workbook LibreOffice converts.
        measure(pbAnnex("run", "nightly", "--force", "--output", out.toString()), env);
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
        List<String> check = pbAnnex("check");
        List<String> nightly = pbAnnex("run", "nightly", "--force", "--timings", "--output", out.toString());

        List<Sample> regen = new ArrayList<>();
        List<Sample> lo = new ArrayList<>();
        List<Sample> checks = new ArrayList<>();
        List<Sample> nights = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            // Alternate which of the pair goes first, so neither always meets the other's leftovers.
            if (i % 2 == 0 || !haveLibreOffice) {
                regen.add(measure(regenerate, env));
                if (haveLibreOffice) {
                    lo.add(measure(libreOffice, Map.of()));
                }
            } else {
                lo.add(measure(libreOffice, Map.of()));
                regen.add(measure(regenerate, env));
            }
            checks.add(measure(check, env));
            nights.add(measure(nightly, env));
        }
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%nOn demand and nightly: %d runs each, alternated; whole processes through ./pb-annex%n", runs));
        b.append(String.format(Locale.ROOT, "%-58s %8s %8s %8s %9s  %s%n", "command", "median s", "min s", "max s", "peak RSS",
                "goal"));
        double regenMedian = median(regen, Sample::wall);
        double loMedian = lo.isEmpty() ? Double.NaN : median(lo, Sample::wall);
        row(b, "pb-annex run regenerate --tables " + annex + " (zh: xlsx + pdf + csv)", regen,
                lo.isEmpty() ? "" : String.format(Locale.ROOT, "<= 0.6 x LibreOffice: %.2f x", regenMedian / loMedian));
        if (!lo.isEmpty()) {
            row(b, "LibreOffice: the zh workbook to PDF (" + workbook.getFileName() + ")", lo, "peer");
        } else {
            b.append("LibreOffice (soffice) not installed: the peer is skipped\n");
        }
        row(b, "pb-annex check", checks, "<= 0.6 s");
        row(b, "pb-annex run nightly --force (2 editions x 4 formats)", nights, "<= 3 s, <= 300 MB");
        b.append(where("run regenerate", regen)).append(where("run nightly", nights));
        return b.toString();
    }

    /** The median of each timing line over the runs: where a run's time goes. */
    private static String where(String what, List<Sample> samples) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%nWhere the time of %s goes (medians, s):%n", what));
        Map<String, List<Double>> byKey = new LinkedHashMap<>();
        for (Sample s : samples) {
            s.timings().forEach((k, v) -> byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        }
        byKey.forEach((k, v) -> b.append(String.format(Locale.ROOT, "  %-44s %8.3f%n", k, medianOf(v))));
        return b.toString();
    }

    private static void row(StringBuilder b, String what, List<Sample> samples, String goal) {
        b.append(String.format(Locale.ROOT, "%-58s %8.2f %8.2f %8.2f %6d MB  %s%n", what, median(samples, Sample::wall),
                samples.stream().mapToDouble(Sample::wall).min().orElse(Double.NaN),
                samples.stream().mapToDouble(Sample::wall).max().orElse(Double.NaN),
                (long) median(samples, s -> (double) s.rssKb()) / 1024, goal));
    }

    private static double median(List<Sample> samples, java.util.function.Function<Sample, Double> f) {
        return medianOf(samples.stream().map(f).toList());
    }

    private static double medianOf(List<Double> values) {
        List<Double> v = values.stream().sorted().toList();
        int n = v.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }

    private List<String> pbAnnex(String... args) {
        List<String> c = new ArrayList<>(List.of("bash", home.resolve("pb-annex").toString()));
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
