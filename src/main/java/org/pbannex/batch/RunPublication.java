package org.pbannex.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.pbannex.expenditure.ExpenditureIngest;
import org.pbannex.ingest.InputWarning;
import org.pbannex.publication.ComputedPublication;
import org.pbannex.publication.InputWarnings;
import org.pbannex.publication.OutputFormat;
import org.pbannex.publication.RunRenderer;
import org.pbannex.publication.RenderTarget;
import org.pbannex.publish.RunFolder;
import org.pbannex.publish.RunHistory;
import org.pbannex.publish.RunPublisher;
import org.pbannex.publish.RunRecord;
import org.pbannex.publish.RunRetention;
import org.pbannex.restatement.Restatements;
import org.pbannex.run.RunInfo;
import org.pbannex.runtime.RunLease;
import org.pbannex.table.Text;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

/** The publish step's service: checks the run still holds its lock and every staged file is there, then publishes. */
@Component
public class RunPublication {

    /** Results the job leaves in its execution context for the command line to report. */
    public static final String PUBLISHED_FOLDER = RunInfo.PUBLISHED_FOLDER;
    public static final String TABLE_COUNT = "tableCount";
    public static final String FILE_COUNT = "fileCount";
    public static final String CHECKS_PASSED = "checksPassed";
    /** The input's lines that stop nothing (publication.InputWarnings), stderr's lines, when there are any. */
    public static final String TEXT_WARNINGS = "textWarnings";
    /** How many expenditure lines the run set aside as bad (--rejects), listed in its rejects/expenditure.csv. */
    public static final String REJECTED_LINES = "rejectedLines";
    /** How many older runs the retention removed once this one published; what went wrong removing them. */
    public static final String REMOVED_RUNS = "removedRuns";
    public static final String RETENTION_PROBLEM = "retentionProblem";
    /** What was in latest's place, not the link, and where it was kept aside (RunFolder.latestKeptAside). */
    public static final String LATEST_KEPT_ASIDE = "latestKeptAside";
    /** The settings that removed them, e.g. "pb.retention.runs", for the run's line. */
    public static final String RETENTION_SETTINGS = "retentionSettings";

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RunPublication.class);

    private final RunInputs inputs;
    private final RunLease lease;
    private final RunHistory history;
    private final RunRetention retention;
    /** The test switch, which may hold the run at {@link #RENAMED}. */
    private final RunPause pause;
    /** The run's settings, whose unused ones its report shows. */
    private final org.springframework.core.env.ConfigurableEnvironment settings;
    /** The installation folder, from which the report names input files (it is read later, from anywhere). */
    private final Path home;
    /** The data folder's input and the program's (pb.program's input/), to say when the first is older (BehindProgram). */
    private final Path dataInput;
    private final Path programInput;

    public RunPublication(RunInputs inputs, RunLease lease, RunHistory history, RunRetention retention, RunPause pause,
                          org.springframework.core.env.ConfigurableEnvironment settings, org.pbannex.config.PbProperties props) {
        this.settings = settings;
        this.home = props.home();
        this.dataInput = props.input();
        this.programInput = props.program().resolve("input");
        this.inputs = inputs;
        this.lease = lease;
        this.history = history;
        this.retention = retention;
        this.pause = pause;
    }

    /** The point in publish where the run's folder is in place and latest moved, but the run not yet recorded so. */
    static final String RENAMED = "publish:renamed";

    public void publish(RunInfo run, JobExecution job) throws IOException {
        var request = run.request();
        String biennium = request.biennium().code();
        // Checked again here, at the last moment, though every step begins so (RunSteps.LeaseHeld).
        lease.stillHeld(biennium, request.output().toString(), run.runId(), RunLease.Stopping.nothingPublished(run.runId()));
        RunFolder folder = run.folder();
        // Restarted after its folder was published (killed, or its database closed, before the history recorded it).
        var published = RunPublisher.complete(folder, request.output(), biennium, history, lease.lease());
        if (published.isPresent()) {
            var ctx = job.getExecutionContext();
            summarised(ctx, published.get());
            removeOlderRuns(run, biennium, ctx);
            return;
        }
        var changed = inputs.inputChanges(run);
        if (changed.isPresent()) {
            // What it staged may mix two versions of the input: gone, so that no restart of this run publishes it; what
            // its steps handed each other too (a restart of a run missing it starts anew: RunLauncher.restartable).
            org.pbannex.publish.RunFolder.deleteTree(folder.staging());
            org.pbannex.publish.RunFolder.deleteTree(folder.work());
            throw changed.get();
        }
        for (RenderTarget t : RenderTarget.of(request)) {
            folder.staged(RunRenderer.fileName(t, request));
        }
        ComputedPublication computed = inputs.computed(run);
        Path rejects = folder.work().resolve(RunInputs.REJECTS_FILE);
        // The restatements against the previous biennium's own figures go with the run (a header alone when none).
        if (computed.restatements().compared()) {
            computed.restatements().write(folder.staging().resolve(Restatements.FILE));
        }
        // What review needs to trace a returned workbook once the input has changed: the input the run read.
        if (request.wants(OutputFormat.XLSX)) {
            org.pbannex.review.RunInput.keep(computed.inputs(), folder.staging());
        }
        RunRecord.Comparison comparison = new RunRecord.Comparison(computed.printedDocument()
                .map(d -> new Text("《" + d.title().zh() + "》(" + d.symbol() + ")", d.title().en() + " (" + d.symbol() + ")"))
                .orElse(Text.EMPTY), computed.restatements());
        // Input that stops nothing but is likely wrong (another biennium's years, an older data folder's texts, its input
        // older than the program's): on the report, its files
        // named from the installation as a failed run's report names them, and told after the run's line (TEXT_WARNINGS).
        var words = org.pbannex.publish.ReportWords.of(computed.reference().texts());
        var warnings = new java.util.ArrayList<>(InputWarnings.of(computed.inputs()));
        behindProgram(request).ifPresent(warnings::add);
        var files = org.pbannex.ingest.InputFolder.fromInstallation(home);
        RunRecord record = RunPublisher.publish(folder, request.output(), biennium, !request.partial(), rejects,
                RunRenderer.selected(computed, request), words, org.pbannex.config.Settings.warnings(settings),
                warnings.stream().map(w -> words.sentence(w.said(files), w.english())).toList(), (outputs, diff) -> run.record(RunRecord.PUBLISHED, 0, null, null, Instant.now(),
                        List.copyOf(computed.inputs().files().values()), computed.checks().results(), computed.printedDifferences(),
                        outputs, diff, computed.expenditure() == null ? List.of() : computed.expenditure().files(), comparison)
                        .withProgramInputs(computed.inputs().programFiles()), history,
                lease.lease(), () -> pause.at(RENAMED, run));
        var ctx = job.getExecutionContext();
        ctx.putString(PUBLISHED_FOLDER, folder.published().toString());
        ctx.putInt(TABLE_COUNT, record.tables().size());
        ctx.putInt(FILE_COUNT, (int) record.outputs().stream()
                .filter(o -> org.pbannex.publish.PublishedRun.publishedFile(o.path())).count());
        ctx.putLong(CHECKS_PASSED, record.checksPassed());
        ctx.putLong(REJECTED_LINES, record.expenditure().stream().mapToLong(ExpenditureIngest.FileStats::rejected).sum());
        if (!warnings.isEmpty()) {
            ctx.putString(TEXT_WARNINGS, String.join("\n", warnings.stream().map(InputWarning::english).toList()));
        }
        if (folder.latestKeptAside() != null) {
            ctx.putString(LATEST_KEPT_ASIDE, folder.latestKeptAside());
        }
        removeOlderRuns(run, biennium, ctx);
    }

    /**
     * That the data folder's input is older than the updated program's, with the command that brings it in step (tester
     * 78a), as check and preflight say it: a run that publishes says it as a warning, one that fails after its line. As
     * they do, only for the data
     * folder's own input (not --input's) and where the launcher named the program's folder (pb.program).
     */
    public java.util.Optional<InputWarning> behindProgram(org.pbannex.publication.RunRequest request) {
        if (settings.getProperty("pb.program") == null || !request.input().toAbsolutePath().normalize().equals(dataInput)) {
            return java.util.Optional.empty();
        }
        return org.pbannex.upgrade.BehindProgram.warning(dataInput, programInput);
    }

    /**
     * What the command's summary says of a run, for a run whose folder was published before it was recorded so (a
     * restart that completes it; a run whose database went away once it was): as its manifest says.
     */
    static void summarised(org.springframework.batch.infrastructure.item.ExecutionContext ctx, org.pbannex.publish.PublishedRun p) {
        ctx.putString(PUBLISHED_FOLDER, p.folder().toString());
        ctx.putInt(TABLE_COUNT, p.tables().size());
        ctx.putInt(FILE_COUNT, p.files());
        ctx.putLong(CHECKS_PASSED, p.checksPassed());
        ctx.putLong(REJECTED_LINES, p.rejectedLines());
    }

    /**
     * The retention, once the run is published: a folder that cannot be removed is said (a warning line and the log),
     * and the run stays published.
     */
    private void removeOlderRuns(RunInfo run, String biennium, org.springframework.batch.infrastructure.item.ExecutionContext ctx) {
        try {
            List<String> removed = retention.apply(run.request().output().resolve(biennium), run.runId());
            for (String id : removed) {
                history.note(id, "folder removed by run " + run.runId() + ": the output folder keeps "
                        + retention.rule() + ", those sent to reviewers and those this database did not publish");
            }
            ctx.putInt(REMOVED_RUNS, removed.size());
            ctx.putString(RETENTION_SETTINGS, retention.settings());
        } catch (IOException | RuntimeException e) {
            LOG.warn("run {} published; removing older runs of {} failed", run.runId(), biennium, e);
            ctx.putString(RETENTION_PROBLEM, "published, but older runs could not be removed (" + retention.settings() + "): "
                    + org.pbannex.runtime.ExitCodes.message(e));
        }
    }
}
