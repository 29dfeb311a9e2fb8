package org.pbannex.run;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.pbannex.distribute.FailureNotice;
import org.pbannex.publication.RunRenderer;
import org.pbannex.publish.RunHistory;
import org.pbannex.publish.RunPublisher;
import org.pbannex.publish.RunRecord;
import org.pbannex.runtime.ExitCodes;
import org.pbannex.runtime.ProcessIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * What follows a failed run, whatever stopped it: what it staged and handed between steps removed where it must go
 * (a full disk, a staging folder removed from outside), its row in the history, its report and manifest in
 * {@code failed/<run-id>/} (in the words of its texts), nothing left to send, and a notice to whoever is to hear of
 * failures ({@code pb.failures.mail-to}). The job's listener (batch/RunListener) calls it once the job has ended, and
 * the launcher's stop (a signal, the time limit) through it.
 */
public class FailedRunAftermath {

    private static final Logger LOG = LoggerFactory.getLogger(FailedRunAftermath.class);

    /** What the run read and computed so far, as its steps keep it (batch/RunInputs), for its report. */
    public interface RunSoFar {

        /** The run's tables and checks if they were computed, without computing them. */
        java.util.Optional<org.pbannex.publication.ComputedPublication> computedSoFar(RunInfo run);

        /** The run's input (read again when not at hand; an input error when it is bad). */
        org.pbannex.ingest.InputSet inputs(RunInfo run);
    }

    /** A run published, then its database gone: no failed run; the step it was in and the database's line. */
    public record PublishedUnrecorded(org.pbannex.publish.PublishedRun published, String step, String line) {
    }

    private final RunHistory history;
    private final RunSoFar inputs;
    private final FailureNotice notice;
    private final org.pbannex.distribute.UnsentRuns unsent;
    /** The run's settings, whose unused ones its report shows. */
    private final org.springframework.core.env.ConfigurableEnvironment settings;
    /** The installation folder, from which a failed run's report names the input files. */
    private final Path home;

    public FailedRunAftermath(RunHistory history, RunSoFar inputs, FailureNotice notice, org.pbannex.distribute.UnsentRuns unsent,
                              org.springframework.core.env.ConfigurableEnvironment settings, Path home) {
        this.history = history;
        this.inputs = inputs;
        this.notice = notice;
        this.unsent = unsent;
        this.settings = settings;
        this.home = home;
    }

    /**
     * A run that a signal (SIGINT, SIGTERM) or its time limit stops leaves its report in {@code failed/<run-id>/} as
     * every failed run does: the step it was in, the stop's line as its cause (in the report's words), what it got to.
     * Called from the signal's handler or the run's watchdog, before the process ends (the job's listener's afterJob may
     * never run then), for the execution the stop found running (its line said so), whatever it has become since.
     *
     * @param step the step it was in when the stop came (RunListener.stepIn, taken then: its thread goes on meanwhile)
     * @return its notice, pointing to the report and in its words (without them where it could not be written, said in
     *         the log)
     */
    public FailureNotice.FailedRun stopped(JobExecution execution, String step, int status, org.pbannex.runtime.RunStopped stop) {
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

    /**
     * A run that failed (its job ended, not completed): what it staged removed where it must go, its row in the history,
     * its report and manifest in failed/RUN-ID/, its notice; what its command's line says beside them in its job's
     * context ({@link #SPACE_FREED}, {@link #REPORT_NOT_WRITTEN}).
     *
     * @return its published folder when it is no failed run: renamed into place, then its database gone (the listener
     *         records it published, only its end not recorded); empty otherwise
     */
    public java.util.Optional<PublishedUnrecorded> recordFailure(JobExecution execution, RunInfo run) {
        Throwable cause = RunInfo.failure(execution);
        // UNKNOWN: a step whose end Spring Batch could not record (its database gone).
        String step = execution.getStepExecutions().stream()
                .filter(s -> s.getStatus() == BatchStatus.FAILED || s.getStatus() == BatchStatus.UNKNOWN)
                .map(StepExecution::getStepName).reduce((a, b) -> b.contains(":") ? b : a).orElse(null);
        int status = ExitCodes.of(cause);
        String line = ExitCodes.message(cause);
        var published = org.pbannex.publish.PublishedRun.whole(run.folder().published(), run.runId());
        if (published.isPresent() && RunInfo.databaseGone(execution) && !org.pbannex.runtime.Interruption.causedByTheStop(status)) {
            return java.util.Optional.of(new PublishedUnrecorded(published.get(), step, line));
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
        return java.util.Optional.empty();
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
     * report and the next run (of other inputs, too) have room; its restart then starts anew (RunAdmission.restartable).
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
     * render threads have stopped, so that the same command starts it anew (RunAdmission.restartable) and no staging
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
                RunRecord record = run.record(RunRecord.FAILED, status, step, line,
                        Instant.now(), failedInputs(run), checks,
                        computed.map(c -> c.printedDifferences()).orElse(List.of()), List.of(),
                        org.pbannex.publish.RunDiff.none(), List.of(), null).withProgramInputs(failedProgramInputs(run));
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
