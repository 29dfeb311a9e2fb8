package org.pbannex.batch;

import java.time.Instant;
import org.pbannex.distribute.FailureNotice;
import org.pbannex.publication.RunRenderer;
import org.pbannex.publish.RunHistory;
import org.pbannex.run.FailedRunAftermath;
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
 * a failed run's aftermath (run/FailedRunAftermath: its report and manifest in {@code failed/<run-id>/}, its failed step
 * and cause in the history, a notice to whoever is to hear of failures).
 */
@Component
public class RunListener implements JobExecutionListener {

    private static final Logger LOG = LoggerFactory.getLogger(RunListener.class);
    /** The installation's own input, output and imported folders as this process has them: what makes a run a trial. */
    private final org.pbannex.config.PbProperties props;

    /**
     * In the job's context: the run's trial line as the process that first ran it had the installation's folders ("" for
     * a run of the installation's own; RunOutcomes.elsewhere), which `history` then shows whatever its own settings
     * (a run whose output folder came from PB_OUTPUT in a crontab is no trial for a `history` typed without it).
     */
    public static final String TRIAL = "trial";

    private final JobRepository repository;
    private final RunHistory history;
    private final RunInputs inputs;
    private final RunLease lease;
    private final FailedRunAftermath aftermath;
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

    public RunListener(JobRepository repository, RunHistory history, RunInputs inputs, RunLease lease,
                       org.pbannex.config.PbProperties props, RunPause pause, FailedRunAftermath aftermath) {
        this.pause = pause;
        this.lease = lease;
        this.props = props;
        this.repository = repository;
        this.history = history;
        this.inputs = inputs;
        this.aftermath = aftermath;
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
            ctx.putString(RunInfo.RUN_ID, execution.getJobParameters().getString(RunInfo.RUN_ID_PARAMETER));
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
                aftermath.recordFailure(execution, run).ifPresent(p -> publishedUnrecorded(execution, run, p));
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
     * every failed run does ({@link FailedRunAftermath#stopped}). Called from the signal's handler or the run's watchdog,
     * before the process ends (this listener's afterJob may never run then), for the execution the stop found running.
     *
     * @param step the step it was in when the stop came ({@link #stepIn}, taken then: its thread goes on meanwhile)
     * @return its notice; null when no run is going
     */
    public FailureNotice.FailedRun stopped(JobExecution execution, String step, int status, org.pbannex.runtime.RunStopped stop) {
        return execution == null ? null : aftermath.stopped(execution, step, status, stop);
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

    /**
     * Its folder renamed into place (latest moved to it), then its database gone: in the publish step's record of it, in
     * the distribute step, or before Spring Batch recorded the job's end. No failed run (README, "Unattended runs"):
     * published, as its folder and manifest say, the command's summary from its manifest, exit status 0, and one line saying its
     * end was not recorded; no failure noted or mailed. The next command on that database records it published
     * (DeadRunRecovery) and the identical one completes it, sending it to its reviewers if it was not.
     * Found by an exploratory test: the window after the rename was told as a failed run, exit status 5 and a notice,
     * though latest pointed at the run.
     */
    private static void publishedUnrecorded(JobExecution execution, RunInfo run, FailedRunAftermath.PublishedUnrecorded p) {
        var ctx = execution.getExecutionContext();
        RunPublication.summarised(ctx, p.published());
        ctx.putString(END_NOT_RECORDED, p.line());
        LOG.warn("run {} published, and its database went away in step {} before its end was recorded: {}", run.runId(), p.step(),
                p.line());
    }

    /** Whether the run did its work: completed, or published with only its end not recorded ({@link #END_NOT_RECORDED}). */
    public static boolean published(JobExecution execution) {
        return execution.getStatus() == BatchStatus.COMPLETED || execution.getExecutionContext().containsKey(END_NOT_RECORDED);
    }
}
