package org.pbannex.cli;

import org.pbannex.runtime.ExitCodes;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.pbannex.benchmark.PeakMemory;
import org.pbannex.config.PbProperties;
import org.pbannex.expenditure.Dimensions;
import org.pbannex.expenditure.ExpenditureDimensions;
import org.pbannex.expenditure.ExpenditureEngine;
import org.pbannex.expenditure.ExpenditureIngest;
import org.pbannex.expenditure.ExpenditureTotals;
import org.pbannex.expenditure.SyntheticMark;
import org.pbannex.ingest.InputError;
import org.pbannex.ingest.InputFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Validates and totals expenditure-line files without running the annex job: what a budget officer runs on a new
 * ERP extract, and what the benchmark times. Prints lines, rate and peak memory.
 */
@Command(name = "ingest-expenditure", mixinStandardHelpOptions = true,
        description = "Validate and total expenditure-line files (or folders of them); prints lines, lines/s, MB/s and peak memory.")
public class IngestExpenditureCommand implements Callable<Integer> {

    /** The scratch folders' root, under work/ (see {@link org.pbannex.expenditure.ScratchFolder}). */
    static final String SCRATCH = "scratch/ingest-expenditure";

    @Mixin
    InputOptions.OneBiennium in;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Expenditure-line CSV files or folders.")
    List<Path> paths;

    @Option(names = "--rejects", paramLabel = "FILE", description = "Write bad lines here instead of stopping at the first.")
    Path rejects;

    @Option(names = "--threads", paramLabel = "N", description = "Threads (default, or 0: one per core).")
    Integer threads;

    @Option(names = "--engine", paramLabel = "ENGINE", description = "auto, embedded or postgres (default: pb.expenditure.engine, "
            + "i.e. PB_EXPENDITURE_ENGINE, else auto: postgres when the database (PB_DATABASE_URL) is PostgreSQL).")
    String engine;

    @Option(names = "--machine", description = "Print one line of key=value figures (for the benchmark).")
    boolean machine;

    @Override
    public Integer call() throws IOException {
        if (threads != null && threads < 0) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--threads is " + threads + "; expected 0 (one per core) or how many threads parse the lines");
        }
        Dimensions dims = ExpenditureDimensions.loadInForce(in.inputDir(), in.oneBiennium());
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                // An input named on the command line that is not there: invalid input (3), as a missing input folder is.
                throw new org.pbannex.ingest.InputError(p.toString(), 0, "", "file or folder not found");
            }
            List<Path> found = Files.isDirectory(p) ? ExpenditureIngest.files(p) : List.of(p);
            if (found.isEmpty()) {
                // Totals of nothing would read as "this folder's lines total 0".
                throw new org.pbannex.ingest.InputError(p.toString(), 0, "", "a folder without expenditure-line files (.csv)");
            }
            files.addAll(found);
        }
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        var settings = PbAnnexApplication.settings();
        // 0, as the setting: one per core (the summary says how many that made).
        int n = threads == null || threads == 0 ? settings.expenditure().threadCount() : threads;
        ExpenditureEngine chosen;
        try {
            chosen = ExpenditureEngine.of(engine != null ? engine : settings.expenditure().engine(),
                    PbAnnexApplication.property("spring.datasource.url"));
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), e.getMessage());
        }
        ExpenditureIngest.Result r;
        // Its scratch under the installation's work folder, where the next ingest removes what a killed one left.
        Path scratch = settings.work().resolve(SCRATCH);
        // Nothing is published here: the summary and the rejects file name each file as it opens from where this ran,
        // and sums too large say that no totals are printed (not a run's "nothing is published").
        try {
            r = ingest(chosen, settings.expenditure(), dims, n, scratch, files);
        } catch (InputError e) {
            throw ExpenditureTotals.withoutPublishing(e);
        }
        if (machine) {
            System.out.printf(java.util.Locale.ROOT, "step_seconds=%.3f lines=%d cents=%d rss_kb=%d%n", r.seconds(),
                    r.totals().totalLines(), r.totals().totalCents(), PeakMemory.rssKb());
            return ExitCodes.PUBLISHED;
        }
        long syntheticLines = 0;
        for (int i = 0; i < r.files().size(); i++) {
            ExpenditureIngest.FileStats f = r.files().get(i);
            // A synthetic file's figures are never shown bare: the one line says so, and why when name and content disagree.
            SyntheticMark mark = f.mark();
            syntheticLines += mark.synthetic() ? f.accepted() : 0;
            System.out.printf("%s: %d read, %d accepted, %s%d rejected%s%n", f.file(), f.read(), f.accepted(),
                    f.leftOut() == 0 ? "" : f.leftOut() + " left out, ", f.rejected(), syntheticNote(mark));
        }
        System.out.printf("total %s US$ in %d line%s%s; %.2f s, %.0f lines/s, %.0f MB/s, %s, %d threads, peak RSS %d MB%n",
                BigDecimal.valueOf(r.totals().totalCents(), 2).toPlainString(), r.totals().totalLines(),
                r.totals().totalLines() == 1 ? "" : "s",
                syntheticLines == 0 ? "" : syntheticLines == r.totals().totalLines() ? ", all synthetic (not ILO data)"
                        : " (" + syntheticLines + " of them synthetic, not ILO data)", r.seconds(),
                r.readLines() / r.seconds(), bytes / 1e6 / r.seconds(), chosen.name().toLowerCase(java.util.Locale.ROOT), n,
                PeakMemory.rssKb() / 1024);
        return ExitCodes.PUBLISHED;
    }

    /** The files' lines totalled by the engine chosen, as pb.expenditure.* sets it up. */
    private ExpenditureIngest.Result ingest(ExpenditureEngine chosen, PbProperties.Expenditure settings, Dimensions dims, int threadCount,
                                            Path scratch, List<Path> files) throws IOException {
        if (chosen == ExpenditureEngine.EMBEDDED) {
            return new ExpenditureIngest(dims, threadCount, rejects).withMinPartition(settings.partitionSize().toBytes())
                    .withIdMemory(settings.idMemory().toBytes()).withScratchRoot(scratch).run(files, InputFolder::shown);
        }
        try (SpringRuntime spring = SpringRuntime.start("ingest-expenditure");
             java.sql.Connection c = spring.bean(javax.sql.DataSource.class).getConnection()) {
            return new org.pbannex.expenditure.PostgresExpenditureEngine(dims, rejects).withScratchRoot(scratch)
                    .run(files, InputFolder::shown, c);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("PostgreSQL expenditure engine: " + e.getMessage(), e);
        }
    }

    /** Said after a synthetic file's counts (see README, Synthetic data). */
    static String syntheticNote(SyntheticMark mark) {
        return switch (mark) {
            case NONE -> "";
            case NAME_AND_CONTENT -> "; synthetic data, not ILO data";
            case NAME_ONLY -> "; synthetic data, not ILO data (named synthetic*, though its first line carries no synthetic mark)";
            case CONTENT_ONLY -> "; synthetic data, not ILO data (its first line marks it synthetic, whatever its name)";
        };
    }
}
