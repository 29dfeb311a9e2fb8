package org.pbannex.cli;

import org.pbannex.runtime.ExitCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.pbannex.benchmark.AnnexBenchmark;
import org.pbannex.benchmark.Benchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The documented benchmark. The annex suite times whole processes as a user starts them: regenerating one annex beside
 * LibreOffice converting the workbook, check, and nightly ({@link AnnexBenchmark}). The expenditure suite generates
 * (once) synthetic files of the given sizes and times pb-annex's ingest + aggregate, both engines, beside DuckDB,
 * PostgreSQL by hand and cat on the same file.
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        // The first line is the command's summary in `pb-annex --help`: one whole sentence.
        description = {"Time whole processes beside their peers: medians, ratios, peak RSS and where the time goes.",
                "- annex: regenerating one annex vs LibreOffice converting the workbook to PDF, check, and the nightly run;",
                "- expenditure: the ingest + aggregation of generated expenditure lines vs DuckDB, PostgreSQL (COPY + "
                        + "GROUP BY) and cat on the same files (wall time, step time, lines/s, MB/s). Needs ./mvnw (to fetch the "
                        + "DuckDB JDBC driver from Maven Central once) and, for the PostgreSQL rows, PB_DATABASE_URL/_USER/_PASSWORD."})
public class BenchmarkCommand implements Callable<Integer> {

    /** What to measure: the on-demand and nightly runs, the expenditure ingest, or both. */
    enum Suite { annex, expenditure, all }

    @Option(names = "--suite", defaultValue = "all", paramLabel = "SUITE",
            description = "annex (regenerate one annex vs LibreOffice, check, nightly), expenditure (ingest vs DuckDB), or all "
                    + "(default: ${DEFAULT-VALUE}).")
    Suite suite;

    @Option(names = "--runs", defaultValue = "5", paramLabel = "N", description = "Runs of each command, alternated with its peer's (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--annex", defaultValue = "a2", paramLabel = "ID", description = "The table the annex suite regenerates (default: ${DEFAULT-VALUE}).")
    String annex;

    @Option(names = "--rows", split = ",", defaultValue = "1000000,10000000", paramLabel = "N",
            description = "File sizes in lines (default: ${DEFAULT-VALUE}).")
    List<Long> rows;

    @Option(names = "--dir", paramLabel = "DIR", description = "Where the generated files go (default: work/bench).")
    Path dir;

    @Option(names = "--duckdb", defaultValue = "1.4.1.0", paramLabel = "VERSION",
            description = "DuckDB JDBC version from Maven Central (default: ${DEFAULT-VALUE}); 'none' to leave DuckDB out.")
    String duckdb;

    @Override
    public Integer call() throws IOException, InterruptedException {
        // The data (PB_HOME's work/bench, its input) and the program (its launcher, target/, mvnw) may be apart.
        Path home = PbAnnexApplication.home();
        Path program = PbAnnexApplication.settings().program();
        Path work = dir == null ? home.resolve("work/bench") : dir;
        Files.createDirectories(work);
        if (suite != Suite.expenditure) {
            System.out.print(new AnnexBenchmark(program, home, work, runs, annex).run());
            if (suite == Suite.annex) {
                return ExitCodes.PUBLISHED;
            }
        }
        Path duckJar = duckdb.equals("none") ? null : duckdbJar(program, work);
        Benchmark bench = new Benchmark(program, home, System.getenv());
        for (long n : rows) {
            // The same lines twice: with sequential ids (L0000000001, ...) and with sparse random 15-digit ids in no
            // order, too sparse for bit sets: their duplicates are found in sorted runs. (Files of random ids made
            // before the generator scattered them, "-random-ids", held four ascending runs each, and are not reused.)
            for (String ids : List.of("sequential", "random")) {
                boolean random = ids.equals("random");
                Path file = work.resolve("synthetic-bench-" + n + (random ? "-scattered-ids" : "") + ".csv");
                if (!Files.exists(file)) {
                    System.out.println("generating " + file + " ...");
                    int status = PbAnnexApplication.execute(PbAnnexApplication.overrides(), "generate-expenditure", "--rows",
                            Long.toString(n), "--seed", "1", "--ids", ids, "--out", file.toString());
                    if (status != 0) {
                        return status;
                    }
                }
                // Read the file once so that every tool starts from the page cache.
                try (var in = Files.newInputStream(file)) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
                String label = random ? "random line ids, in no order" : "sequential line ids";
                System.out.print(Benchmark.format(n, Files.size(file), label, bench.run(file, n, duckJar, runs)));
            }
        }
        return ExitCodes.PUBLISHED;
    }

    private Path duckdbJar(Path program, Path work) throws IOException, InterruptedException {
        Path lib = work.resolve("lib");
        Path jar = lib.resolve("duckdb_jdbc-" + duckdb + ".jar");
        if (!Files.exists(jar)) {
            System.out.println("fetching org.duckdb:duckdb_jdbc:" + duckdb + " from Maven Central ...");
            Process p = new ProcessBuilder(program.resolve("mvnw").toString(), "-q", "dependency:copy",
                    "-Dartifact=org.duckdb:duckdb_jdbc:" + duckdb, "-DoutputDirectory=" + lib).directory(program.toFile())
                    .inheritIO().start();
            if (p.waitFor() != 0 || !Files.exists(jar)) {
                throw new IOException("could not fetch the DuckDB JDBC driver " + duckdb + " (run with --duckdb none to skip it)");
            }
        }
        return jar;
    }
}
