package org.pbannex.batch;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.pbannex.distribute.FailureNotice;
import org.pbannex.publication.RunRenderer;
import org.pbannex.publish.RunHistory;
import org.pbannex.publish.RunPublisher;
import org.pbannex.publish.RunRecord;
import org.pbannex.run.RunInfo;
import org.pbannex.run.RunParameters;
import org.pbannex.runtime.ExitCodes;
import org.pbannex.runtime.ProcessIdentity;
import org.pbannex.runtime.RunLease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Before the job: gives the run its id (kept in the job's execution context, so a restart keeps it) and records the
 * run and the process that runs it in the history, and has the renderers prepare while the first steps run. After it:
 * a failed run leaves its report and manifest in {@code failed/<run-id>/} and its failed step and cause in the history,
 * and a notice goes to whoever is to hear of failures ({@code pb.failures.mail-to}).
 */
@Component
public class RunListener implements JobExecutionListener {

    private static final Logger LOG = LoggerFactory.getLogger(RunListener.class);
    /** The run's settings, whose unused ones its report shows. */
    private final org.springframework.core.env.ConfigurableEnvironment settings;
    /** The installation folder, from which a failed run's report names the input files. */
    private final Path home;
    /** The installation's own input, output and imported folders as this process has them: what makes a run a trial. */
    private final org.pbannex.config.PbProperties props;

    /**
     * In the job's context: the run's trial line as the process that first ran it had the installation's folders ("" for
     * a run of the installation's own; RunOutcomes.elsewhere), which `history` then shows whatever its own settings
     * (a run whose output folder came from PB_OUTPUT in a crontab is no trial for a `history` typed without it).
     */
    public static final String TRIAL = "trial";
    static final String RUN_ID_PARAMETER = "runId";

    private final JobRepository repository;
    private final RunHistory history;
    private final RunInputs inputs;
    private final FailureNotice notice;
    private final org.pbannex.distribute.UnsentRuns unsent;
    private final RunLease lease;
    /** The test switch: {@link #JOB_END} holds a run once this listener has done with it. */
    private final RunPause pause;

    /** The test switch's point as the job begins: its execution made and known here, its row not yet in the history. */
    static final String JOB_BEGUN = "job:begun";

    /** The test switch's point after the job, before Spring Batch records its end. */
    static final String JOB_END = "job:end";

    /**
     * In the job's context of a run that completed and whose end Spring Batch could not record (its database gone): the
     * database's line.
     */
    public static final String END_NOT_RECORDED = "endNotRecorded";

    public RunListener(JobRepository repository, RunHistory history, RunInputs inputs, FailureNotice notice,
                       org.pbannex.distribute.UnsentRuns unsent, RunLease lease,
                       org.springframework.core.env.ConfigurableEnvironment settings, org.pbannex.config.PbProperties props,
                       RunPause pause) {
        this.pause = pause;
        this.lease = lease;
        this.settings = settings;
        this.home = props.home();
        this.props = props;
        this.unsent = unsent;
        this.repository = repository;
        this.history = history;
        this.inputs = inputs;
        this.notice = notice;
    }

    /** The execution running in this process, for a signal that stops it (one run at a time per process). */
    private volatile JobExecution running;
    /** The execution this listener was last done with (afterJob), whose end Spring Batch records after it. */
    private volatile JobExecution ended;

    @Override
    public void beforeJob(JobExecution execution) {
        ended = null;
        var ctx = execution.getExecutionContext();
        boolean first = !ctx.containsKey(RunInfo.RUN_ID);
        if (first) {
            ctx.putString(RunInfo.RUN_ID, execution.getJobParameters().getString(RUN_ID_PARAMETER));
            ctx.putString(RunInfo.STARTED, Instant.now().toString());
            var request = org.pbannex.run.RunParameters.request(execution.getJobParameters());
            ctx.putString(TRIAL, org.pbannex.runtime.RunOutcomes.elsewhere(request.input(), request.output(), props.input(),
                    props.output(), props.imported()));
        }
        // Its id known first: a stop from now on records the run (its row, with this execution) from it.
        running = execution;
        if (first) {
            // Kept at once, so a run killed in its first step restarts under the same id.
            repository.updateExecutionContext(execution);
        }
        RunInfo run = RunInfo.of(execution);
        pause.at(JOB_BEGUN, run);
        history.started(run.runId(), run.request().job(), run.request().biennium().code(), execution.getId(), run.inputChecksum(),
                run.codeVersion(), ProcessIdentity.current());
        if (!first) {
            // A restart of a run whose folder was published (stopped in its distribute step, or before its record said
            // so): published it stays, with its finish time, while the restart completes its record and sends it. Its
            // publish step, completed, is not run again to say so (found by an exploratory test: the row stayed STARTED,
            // with no finish time, for good).
            org.pbannex.publish.PublishedRun.whole(run.folder().published(), run.runId()).ifPresent(history::published);
        }
        LOG.info("run {} started (job execution {}, {})", run.runId(), execution.getId(), ProcessIdentity.current());
        RunRenderer.prepareInBackground(run.request());
    }

    @Override
    public void afterJob(JobExecution execution) {
        RunInfo run = RunInfo.of(execution);
        try {
            if (execution.getStatus() != BatchStatus.COMPLETED) {
                lostLock(execution, run);
                recordFailure(execution, run);
            }
        } finally {
            ended = execution;
            running = null;
            inputs.forget(run.runId());
        }
        pause.at(JOB_END, run);
    }

    /** The run's job execution once its job has begun in this process, until it ends; null otherwise. */
    public JobExecution running(String runId) {
        JobExecution execution = running;
        return execution != null && runId.equals(RunInfo.of(execution).runId()) ? execution : null;
    }

    /** The step a run's execution is in now (a partition's worker step rather than its manager); null: none, or no run. */
    public static String stepIn(JobExecution execution) {
        return execution == null ? null : execution.getStepExecutions().stream().filter(s -> s.getStatus() == BatchStatus.STARTED)
                .map(StepExecution::getStepName).reduce((a, b) -> b.contains(":") ? b : a).orElse(null);
    }

    /**
     * A run that a signal (SIGINT, SIGTERM) or its time limit stops leaves its report in {@code failed/<run-id>/} as
     * every failed run does: the step it was in, the stop's line as its cause (in the report's words), what it got to.
     * Called from the signal's handler or the run's watchdog, before the process ends (this listener's afterJob may
     * never run then), for the execution the stop found running (its line said so), whatever it has become since.
     *
     * @param step the step it was in when the stop came ({@link #stepIn}, taken then: its thread goes on meanwhile)
     * @return its notice, pointing to the report and in its words (without them where it could not be written, said in
     *         the log); null when no run is going
     */
    public FailureNotice.FailedRun stopped(JobExecution execution, String step, int status, org.pbannex.runtime.RunStopped stop) {
        if (execution == null) {
            return null;
        }
        RunInfo run = RunInfo.of(execution);
        Report written = writeReport(run, step, status, stop, stop.getMessage());
        // Now, while the pool is open: the run's own thread fails only once the ending closes it, too late to record.
        // Its row made if the stop came before the job's start recorded it, with its execution and process.
        try {
            history.stopped(run.runId(), run.request().job(), run.request().biennium().code(), run.started(), run.inputChecksum(),
                    run.codeVersion(), execution.getId(), ProcessIdentity.current(), step, status, stop.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("could not record the stopped run in the history (its report says it): {}", e.getMessage());
        }
        var told = FailureNotice.FailedRun.of(run.runId(), run.request().job(), run.request().biennium().code(), null, status,
                stop.getMessage()).withReport(written.report(), List.of()).withFolders(run.request().input(), run.request().output());
        return written.said() == null ? told : told.withWords(written.said());
    }

    /** A failed run that no longer holds its lock failed for that: the loss is added to its failures, and told first. */
    private void lostLock(JobExecution execution, RunInfo run) {
        if (RunInfo.databaseGone(execution)) {
            // The database is what failed: asking it would wait a connect timeout more before the run's line.
            LOG.info("run {} failed for its database: its lock not asked after", run.runId());
            return;
        }
        try {
            lease.lost(run.request().biennium().code(), run.request().output().toString(), run.runId())
                    .filter(lost -> execution.getAllFailureExceptions().stream().noneMatch(t -> t instanceof RunLease.Lost))
                    .ifPresent(execution::addFailureException);
        } catch (RuntimeException e) {
            LOG.warn("could not tell whether run {} still holds its lock: {}", run.runId(), e.getMessage());
        }
    }

    /**
     * The job ended, and Spring Batch could not keep its end (the database went away mid-run: its update of the execution
     * failed before this listener's afterJob, which it then skips). The run fails as any other does, with what this
     * process still holds: its report and manifest in {@code failed/<run-id>/} (files), the failure in its job's status
     * and the notice; the history, in that database, gets the report's cause once the database is back
     * (DeadRunRecovery).
     *
     * @param failure what Spring Batch threw
     * @param runId   the run whose launch threw it
     * @return the run's execution as this process last held it, marked failed unless it had completed; null when the
     *         run was not going (it could not start: the caller's failure stands)
     */
    public JobExecution unrecorded(Throwable failure, String runId) {
        JobExecution execution = running;
        if (execution == null) {
            // Done with already: Spring Batch's last update, after afterJob, is what failed. The run's work is done
            // (told by afterJob when it failed); only its end is not recorded.
            JobExecution done = ended;
            if (done == null || !runId.equals(RunInfo.of(done).runId())) {
                return null;
            }
            if (done.getStatus() == BatchStatus.COMPLETED) {
                done.getExecutionContext().putString(END_NOT_RECORDED, ExitCodes.message(failure));
            }
            return done;
        }
        // Completed, only its record is lost: published, as its folder says (the next command records it so).
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            execution.getExecutionContext().putString(END_NOT_RECORDED, ExitCodes.message(failure));
        } else {
            execution.setStatus(BatchStatus.FAILED);
            if (!execution.getFailureExceptions().contains(failure)) {
                execution.addFailureException(failure);
            }
        }
        afterJob(execution);
        return execution;
    }

    private void recordFailure(JobExecution execution, RunInfo run) {
        Throwable cause = RunInfo.failure(execution);
        // UNKNOWN: a step whose end Spring Batch could not record (its database gone).
        String step = execution.getStepExecutions().stream()
                .filter(s -> s.getStatus() == BatchStatus.FAILED || s.getStatus() == BatchStatus.UNKNOWN)
                .map(StepExecution::getStepName).reduce((a, b) -> b.contains(":") ? b : a).orElse(null);
        int status = ExitCodes.of(cause);
        String line = ExitCodes.message(cause);
        var published = org.pbannex.publish.PublishedRun.whole(run.folder().published(), run.runId());
        if (published.isPresent() && RunInfo.databaseGone(execution) && !org.pbannex.runtime.Interruption.causedByTheStop(status)) {
            publishedUnrecorded(execution, run, published.get(), step, line);
            return;
        }
        String freed = published.isEmpty() ? freeSpace(run, cause) : null;
        if (published.isEmpty()) {
            removeStaged(run, cause);
        }
        if (freed != null) {
            line = line + "; " + freed;
            execution.getExecutionContext().putString(SPACE_FREED, freed);
        }
        try {
            if (org.pbannex.runtime.Interruption.causedByTheStop(status)) {
                LOG.info("run {} failed as the signal stopped it: the stop recorded its failure", run.runId());
            } else if (RunInfo.databaseGone(execution)) {
                // Not asked again (a connect timeout more): the report's cause, a file, is recorded once it is back.
                LOG.info("run {} failed for its database: its failure is recorded once the database is back", run.runId());
            } else if (published.isPresent()) {
                // It failed once its folder was in place (latest may point at it): published, as the folder says.
                history.published(published.get());
            } else {
                history.failed(run.runId(), step, status, line);
            }
        } catch (RuntimeException e) {
            LOG.warn("could not record the failed run in the history: {}", e.getMessage());
        }
        if (published.isEmpty()) {
            // Nothing published, nothing to send (a restart that publishes notes it again); a file, whatever the database.
            unsent.settle(run.request().job(), run.request().biennium().code(), run.runId());
        }
        // A run whose folder is published has no report in failed/ (its notice in its words all the same); one a signal
        // stopped has written its own.
        Report written = published.isEmpty() && !org.pbannex.runtime.Interruption.signalled()
                ? writeReport(run, step, status, cause, line)
                : new Report(null, List.of(), null, published.isPresent() ? publishedWords(run, cause, line) : null);
        if (written.notWritten() != null) {
            // For the command's line: the report that line would be read beside is not there.
            execution.getExecutionContext().putString(REPORT_NOT_WRITTEN, written.notWritten());
        }
        notice.send(FailureNotice.FailedRun.of(run.runId(), run.request().job(), run.request().biennium().code(), step, status, line)
                .withReport(written.report(), written.failedChecks()).withFolders(run.request().input(), run.request().output())
                .withWords(written.said()));
    }

    /**
     * Its folder renamed into place (latest moved to it), then its database gone: in the publish step's record of it, in
     * the distribute step, or before Spring Batch recorded the job's end. No failed run (README, "Unattended runs"):
     * published, as its folder and manifest say, the command's summary from its manifest, exit status 0, and one line saying its
     * end was not recorded; no failure noted or mailed. The next command on that database records it published
     * (DeadRunRecovery) and the identical one completes it, sending it to its reviewers if it was not.
     * Found by an exploratory test: the window after the rename was told as a failed run, exit status 5 and a notice,
     * though latest pointed at the run.
     */
    private static void publishedUnrecorded(JobExecution execution, RunInfo run, org.pbannex.publish.PublishedRun published,
                                            String step, String line) {
        var ctx = execution.getExecutionContext();
        RunPublication.summarised(ctx, published);
        ctx.putString(END_NOT_RECORDED, line);
        LOG.warn("run {} published, and its database went away in step {} before its end was recorded: {}", run.runId(), step, line);
    }

    /** Whether the run did its work: completed, or published with only its end not recorded ({@link #END_NOT_RECORDED}). */
    public static boolean published(JobExecution execution) {
        return execution.getStatus() == BatchStatus.COMPLETED || execution.getExecutionContext().containsKey(END_NOT_RECORDED);
    }

    /**
     * A failed run's report, where it was written (null: not written), and the failed checks it lists; why it could not
     * be written (null: it was, or there was none to write); its notice in the report's words (null: in English).
     */
    private record Report(Path report, List<String> failedChecks, String notWritten, FailureNotice.Words said) {
    }

    /** In a failed run's job context: what was removed to make room on a full disk, for its line. */
    public static final String SPACE_FREED = "failedRunSpaceFreed";

    /**
     * A run that filled its disk: what it staged and handed between steps, kept for a restart, is removed, so that its
     * report and the next run (of other inputs, too) have room; its restart then starts anew (RunLauncher.restartable).
     *
     * @return what was removed, for the run's line; null when the disk is not full (or nothing was there)
     */
    private static String freeSpace(RunInfo run, Throwable cause) {
        var folder = run.folder();
        if (!org.pbannex.runtime.DiskFull.is(cause, folder.staging())) {
            return null;
        }
        long bytes = 0;
        for (Path p : List.of(folder.staging(), folder.work())) {
            try {
                bytes += org.pbannex.publish.RunFolder.sizeOf(p);
                org.pbannex.publish.RunFolder.deleteTree(p);
            } catch (java.io.IOException | RuntimeException e) {
                LOG.warn("could not remove {} to make room: {}", p, e.getMessage(), e);
                return null;
            }
        }
        LOG.info("run {} filled its disk: removed its staging and work folders ({} bytes)", run.runId(), bytes);
        return bytes == 0 ? null : "its unfinished outputs (" + Math.max(1, (bytes + 1023) / 1024) + " kB) were removed to make "
                + "room: once there is room, the same command starts it anew";
    }

    /**
     * A run whose staging folder went from under it ({@link org.pbannex.runtime.StagingRemoved}): what is left of its
     * staging and work folders (a render thread may have made one again to write its output) is removed, now that its
     * render threads have stopped, so that the same command starts it anew (RunLauncher.restartable) and no staging
     * folder of it stays beside the next published run. Its own folders only, by its id: another run's are its own.
     */
    private static void removeStaged(RunInfo run, Throwable cause) {
        if (!(ExitCodes.said(cause) instanceof org.pbannex.runtime.StagingRemoved)) {
            return;
        }
        var folder = run.folder();
        for (Path p : List.of(folder.staging(), folder.work())) {
            try {
                org.pbannex.publish.RunFolder.deleteTree(p);
            } catch (java.io.IOException | RuntimeException e) {
                LOG.warn("could not remove {} of run {}, whose staging folder was removed from outside: {}", p, run.runId(),
                        e.getMessage(), e);
            }
        }
    }

    /** The notice's words of a run that failed once published (its distribution): those its report would have; null: English. */
    private FailureNotice.Words publishedWords(RunInfo run, Throwable failure, String line) {
        try {
            var words = reportWords(run, inputs.computedSoFar(run));
            return FailureNotice.Words.of(words, org.pbannex.publish.ReportWords.languageOf(run.request()), words.cause(failure, line),
                    List.of());
        } catch (RuntimeException e) {
            LOG.warn("the notice of run {} is in English: its words could not be read: {}", run.runId(), e.getMessage(), e);
            return null;
        }
    }

    /** In a failed run's job context: why its report could not be written to failed/ (a full disk), for its line. */
    public static final String REPORT_NOT_WRITTEN = "failedReportNotWritten";

    /** @param failure what made it fail, for the cause in the report's language (a signal, a timeout: RunStopped) */
    private Report writeReport(RunInfo run, String step, int status, Throwable failure, String line) {
        Path report = null;
        List<String> failedChecks = List.of();
        String notWritten = null;
        FailureNotice.Words said = null;
        if (org.pbannex.publish.PublishedRun.whole(run.folder().published(), run.runId()).isEmpty()) {
            try {
                // What the run got to: its tables and checks once computed (a failed check, a failure in rendering), so
                // the report names the tables, lists the failed checks and the documented differences from the print.
                var computed = inputs.computedSoFar(run);
                var checks = computed.map(c -> c.checks().results()).orElse(List.of());
                var failed = checks.stream().filter(c -> !c.passed()).toList();
                failedChecks = failed.stream().map(org.pbannex.table.CheckResult::describe).toList();
                RunRecord record = RunPublication.record(run, RunRecord.FAILED, status, step, line,
                        Instant.now(), failedInputs(run), checks,
                        computed.map(c -> c.printedDifferences()).orElse(List.of()), List.of(),
                        org.pbannex.publish.RunDiff.none(), List.of()).withProgramInputs(failedProgramInputs(run));
                var tables = computed.map(c -> RunRenderer.selected(c, run.request())).orElse(List.of());
                // Read later, from anywhere: input files named from the installation, not from where the command ran.
                var words = reportWords(run, computed).naming(org.pbannex.ingest.InputFolder.fromInstallation(home));
                var cause = words.cause(failure, line);
                // The notice in the report's language, as the report says the cause and the checks; in it too when the
                // report cannot be written (an output folder that cannot be made).
                var language = org.pbannex.publish.ReportWords.languageOf(record);
                said = FailureNotice.Words.of(words, language, cause, failed.stream().map(c -> words.check(c).in(language)).toList());
                report = RunPublisher.writeFailed(run.folder(), record, tables, words,
                                org.pbannex.config.Settings.warnings(settings), cause)
                        .resolve("report.html");
                LOG.info("run {} failed in step {} (exit status {}): {}; report in {}", run.runId(), step, status, line, report);
            } catch (Exception e) {
                LOG.warn("could not write the failed run's report: {}", e.getMessage(), e);
                notWritten = "its report could not be written to " + run.folder().failed() + " either ("
                        + ExitCodes.message(e) + ")";
            }
        }
        return new Report(report, failedChecks, notWritten, said);
    }

    /**
     * A failed run's report words: its texts', or, when the run failed before reading them or they lack a word (the
     * failure itself may be that), its input's texts files as they stand.
     */
    private static org.pbannex.publish.ReportWords reportWords(RunInfo run, java.util.Optional<org.pbannex.publication.ComputedPublication> computed) {
        org.pbannex.publish.ReportWords words = null;
        try {
            if (computed.isPresent()) {
                words = org.pbannex.publish.ReportWords.of(computed.get().reference().texts());
            }
        } catch (org.pbannex.ingest.InputError lacking) {
            // read as they stand, below
        }
        var said = words != null ? words : org.pbannex.publish.ReportWords.read(run.request().input(), run.request().biennium());
        // Every table computed, selected or not: a failed check may be about one the command did not ask for.
        return computed.map(c -> said.labelling(c.tables().values())).orElse(said);
    }

    /** The input files as far as they were read (nothing when the input itself was bad). */
    private List<org.pbannex.ingest.InputSet.InputFile> failedInputs(RunInfo run) {
        try {
            return List.copyOf(inputs.inputs(run).files().values());
        } catch (RuntimeException invalid) {
            return List.of();
        }
    }

    /** The program's copies a failed run read beneath its input folder's files, where it read them: none otherwise. */
    private List<org.pbannex.ingest.InputSet.ProgramFile> failedProgramInputs(RunInfo run) {
        try {
            return inputs.inputs(run).programFiles();
        } catch (RuntimeException invalid) {
            return List.of();
        }
    }
}
