package org.pbannex.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.pbannex.expenditure.Dimensions;
import org.pbannex.expenditure.ExpenditureIngest;
import org.pbannex.expenditure.ExpenditureResultFile;
import org.pbannex.ingest.InputSet;
import org.pbannex.publication.ComputedPublication;
import org.pbannex.publication.InputSnapshot;
import org.pbannex.publication.Publication;
import org.pbannex.publication.ReadBiennia;
import org.pbannex.run.RunInfo;

/**
 * What the steps of a run derive from what the job keeps: the validated input (the input folder, whose checksum
 * identifies the job instance), the merged expenditure totals (a file in the run's work folder, written by the
 * expenditure steps) and the tables computed from both. Each is derived again whenever it is not at hand, e.g. in a
 * restarted run in a new process; within one process it is derived once per run (a cache, dropped when the run
 * ends): nothing here hands state from step to step that the job repository and the run's folders do not keep.
 */
public class RunInputs implements org.pbannex.run.FailedRunAftermath.RunSoFar {

    /** The expenditure totals file in a run's work folder. */
    static final String TOTALS_FILE = "expenditure/totals.bin";
    static final String RESULTS_DIR = "expenditure/partitions";
    static final String REJECTS_FILE = "rejects/expenditure.csv";

    private record Derived(InputSet inputs, Dimensions dimensions, Map<String, Object> more) {
    }

    private final Map<String, Derived> byRun = new ConcurrentHashMap<>();
    /** The biennia the command running now reads once ({@link ReadBiennia}); between commands, none kept. */
    private volatile ReadBiennia readBiennia = new ReadBiennia();
    private final Map<String, InputSnapshot> snapshots = new ConcurrentHashMap<>();
    private final org.pbannex.config.PbProperties props;

    public RunInputs(org.pbannex.config.PbProperties props) {
        this.props = props;
    }

    /** The run's expenditure ingest, set up from pb.expenditure.* (its progress counters are shared by the partitions). */
    public ExpenditureIngest expenditureIngest(RunInfo run) {
        return (ExpenditureIngest) derived(run).more().computeIfAbsent("ingest", k -> new ExpenditureIngest(dimensions(run),
                props.expenditure().threadCount(), run.request().rejects() ? run.folder().work().resolve(REJECTS_FILE) : null)
                .withMinPartition(props.expenditure().partitionSize().toBytes())
                .withIdMemory(props.expenditure().idMemory().toBytes()));
    }

    /** The run's expenditure files cut into partitions (the same plan every time for the same files and settings). */
    @SuppressWarnings("unchecked")
    public java.util.List<org.pbannex.expenditure.ExpenditurePartition> partitions(RunInfo run) {
        return (java.util.List<org.pbannex.expenditure.ExpenditurePartition>) derived(run).more().computeIfAbsent("partitions",
                k -> expenditureIngestPlan(run));
    }

    private java.util.List<org.pbannex.expenditure.ExpenditurePartition> expenditureIngestPlan(RunInfo run) {
        var input = run.request().input();
        return new ExpenditureIngest(dimensions(run), props.expenditure().threadCount(), null)
                .withMinPartition(props.expenditure().partitionSize().toBytes())
                .plan(Publication.expenditureFiles(input), Publication.expenditurePublishedName(input));
    }

    long progressMillis() {
        return 5000;
    }

    @Override
    public InputSet inputs(RunInfo run) {
        return derived(run).inputs();
    }

    public Dimensions dimensions(RunInfo run) {
        return derived(run).dimensions();
    }

    /** The merged expenditure lines of the run, or null when the input has none. */
    public ExpenditureIngest.Result lines(RunInfo run) {
        Path totals = run.folder().work().resolve(TOTALS_FILE);
        if (!Files.exists(totals)) {
            if (Publication.expenditureFiles(run.request().input()).isEmpty()) {
                return null;
            }
            // The work folder goes once the run is published: a restart that only has its run sent (its distribute step,
            // in a new process) reads the lines again, from the input its checksum says is the run's own.
            return (ExpenditureIngest.Result) derived(run).more().computeIfAbsent("lines",
                    k -> linesAgain(inputs(run), inputs(run).inputDir(), run.request().rejects()));
        }
        return (ExpenditureIngest.Result) derived(run).more().computeIfAbsent("lines", k -> {
            try {
                return ExpenditureResultFile.read(totals, dimensions(run));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * What a run of the request computed, computed again from its input folder: to send a run published earlier (its
     * work folder gone), whose inputs are still these (its checksum, or its manifest, says so).
     */
    public static ComputedPublication computedAgain(org.pbannex.publication.RunRequest request) {
        return computedAgain(request.input(), request.biennium(), request.rejects(), request.tables());
    }

    /**
     * The tables of a run computed again from {@code input}, its expenditure lines read as the run read them: with
     * {@code rejects}, bad lines set aside (a run that rejected lines), else strictly.
     */
    public static ComputedPublication computedAgain(Path input, org.pbannex.reference.Biennium biennium, boolean rejects,
                                                    java.util.Collection<String> tables) {
        return computedAgain(input, input, biennium, rejects, tables);
    }

    /**
     * The same, from the copy of the input a run kept ({@code input}: its CSV files, without expenditure lines), the
     * lines read from {@code linesFrom}'s expenditure folder.
     */
    public static ComputedPublication computedAgain(Path input, Path linesFrom, org.pbannex.reference.Biennium biennium,
                                                    boolean rejects, java.util.Collection<String> tables) {
        InputSet in = Publication.ingest(input, biennium);
        return Publication.compute(in, linesAgain(in, linesFrom, rejects), tables);
    }

    /** The expenditure lines read from the input again (bad lines set aside, as the run did, when it rejects them). */
    private static ExpenditureIngest.Result linesAgain(InputSet in, Path linesFrom, boolean rejected) {
        try {
            Path rejects = rejected ? Files.createTempFile("pb-annex-rejects-", ".csv") : null;
            try {
                return Publication.readLines(in, linesFrom, rejects);
            } finally {
                if (rejects != null) {
                    Files.deleteIfExists(rejects);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every table and check of the run (every table whose inputs are there; a wanted table without them is an error). */
    public ComputedPublication computed(RunInfo run) {
        ExpenditureIngest.Result lines = lines(run);
        InputSet inputs = inputs(run);
        ReadBiennia read = readBiennia;
        return (ComputedPublication) derived(run).more().computeIfAbsent("computed",
                k -> Publication.compute(inputs, lines, run.request().tables(), read, texts -> org.pbannex.publish.EditionKeys.needed(
                        run.request().formats(), run.request().tables(), texts)));
    }

    /**
     * For a command that runs these biennia each in turn: one run before another's reads its input once, for itself
     * and for the later one's restatements; null once the command has run them.
     */
    public void commandRuns(java.util.List<org.pbannex.reference.Biennium> biennia) {
        readBiennia = biennia == null ? new ReadBiennia() : new ReadBiennia(biennia);
    }

    /**
     * The run's tables and checks if they were computed (its check step ran), without computing them: a failed run's
     * report says what the run got to.
     */
    @Override
    public Optional<ComputedPublication> computedSoFar(RunInfo run) {
        Derived d = byRun.get(run.runId());
        return d == null ? Optional.empty() : Optional.ofNullable((ComputedPublication) d.more().get("computed"));
    }

    /** The input folder as the run's launch found it, when it computed the checksum that names the run's inputs. */
    public void snapshotTaken(String runId, InputSnapshot snapshot) {
        snapshots.put(runId, snapshot);
    }

    /**
     * Whether the input folder still holds what the run read (before it publishes): any input file changed, replaced,
     * added or removed since the run's launch took its snapshot (or, for a run started otherwise, since this process
     * first read the input) is the input error that names it.
     */
    public java.util.Optional<org.pbannex.ingest.InputError> inputChanges(RunInfo run) {
        Map<String, String> read = new java.util.HashMap<>();
        inputs(run).files().values().forEach(f -> read.put(f.path(), f.sha256()));
        return snapshots.get(run.runId()).changes(read, InputSnapshot.RUN);
    }

    /**
     * The run's staging folder found gone by one of its render threads: the others stop as they next begin an output,
     * rather than render into a folder that a writer made again after it was removed.
     */
    public void stagingRemoved(RunInfo run, org.pbannex.runtime.StagingRemoved removed) {
        derived(run).more().putIfAbsent("stagingRemoved", removed);
    }

    /** What {@link #stagingRemoved(RunInfo, org.pbannex.runtime.StagingRemoved)} kept of the run, if anything. */
    public Optional<org.pbannex.runtime.StagingRemoved> stagingRemoved(RunInfo run) {
        return Optional.ofNullable((org.pbannex.runtime.StagingRemoved) derived(run).more().get("stagingRemoved"));
    }

    /** Forgets what was derived for the run (when it ends). */
    public void forget(String runId) {
        byRun.remove(runId);
        snapshots.remove(runId);
    }

    private Derived derived(RunInfo run) {
        return byRun.computeIfAbsent(run.runId(), id -> {
            snapshots.computeIfAbsent(id, k -> InputSnapshot.recordOnly(run.request().input()));
            InputSet in = Publication.ingest(run.request().input(), run.request().biennium());
            return new Derived(in, Publication.dimensions(in), new ConcurrentHashMap<>());
        });
    }
}
