package org.pbannex.run;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.pbannex.config.PbProperties;
import org.pbannex.publication.RunRequest;
import org.pbannex.publish.ManifestWriter;
import org.pbannex.publish.PublishedRun;
import org.pbannex.publish.RunHistory;
import org.pbannex.runtime.ProcessIdentity;
import org.pbannex.runtime.RunLease;
import org.pbannex.runtime.RunOutcomes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Runs whose process died: each running execution whose owner is gone is marked failed, with what is known of how it
 * ended (its folder published, its failure report on disk, its failure noted in the job's status, or nothing), so that
 * the identical command restarts it; and history rows left STARTED by a run whose job completed are put right.
 */
public class DeadRunRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(DeadRunRecovery.class);

    private final JobOperator operator;
    private final JobRepository repository;
    private final Job job;
    private final RunHistory history;
    private final PbProperties props;

    public DeadRunRecovery(JobOperator operator, JobRepository repository, Job annexJob, RunHistory history, PbProperties props) {
        this.operator = operator;
        this.repository = repository;
        this.job = annexJob;
        this.history = history;
        this.props = props;
    }

    /**
     * Marks failed every running execution whose process is gone ({@link RunLease#goneReason}): on this host, no process
     * with its id (and start time); on another host, no heartbeat for {@code pb.run.lease}. Their identical command then
     * restarts them.
     *
     * @return how many were recovered
     */
    public int recoverDeadRuns() {
        int recovered = 0;
        OffsetDateTime now = history.databaseNow();
        for (JobExecution e : repository.findRunningJobExecutions(job.getName())) {
            var entry = history.byJobExecution(e.getId());
            String why = deadReason(entry.orElse(null), e, now);
            if (why == null) {
                continue;
            }
            String step = failedStepOrRunning(e);
            java.util.Set<Long> wereRunning = e.getStepExecutions().stream().filter(s -> s.getStatus().isRunning())
                    .map(org.springframework.batch.core.step.StepExecution::getId).collect(java.util.stream.Collectors.toSet());
            JobExecution done = operator.recover(e);
            String runId = done.getExecutionContext().getString(RunInfo.RUN_ID, null);
            var published = runId == null ? Optional.<PublishedRun>empty()
                    : PublishedRun.whole(RunInfo.of(done).folder().published(), runId);
            // When its steps ended, as far as is known: its failure's time, else when it noted the release of its lock.
            Instant released = runId == null ? null : RunLease.releaseNoted(RunInfo.of(done).request().biennium().code(),
                    RunInfo.of(done).request().output().toString(), runId);
            String stepsEnded = released == null ? null : STEP_END_NOT_RECORDED;
            if (published.isPresent()) {
                // Killed after its folder was published: published it is (the identical command completes its record).
                history.published(published.get());
            } else if (runId != null) {
                // A process that could not record its failure (its database gone) left it in its report, a file.
                var failure = e.getStartTime() == null ? Optional.<ManifestWriter.Failure>empty()
                        : ManifestWriter.failure(RunInfo.of(done).folder().failed(), runId,
                                org.pbannex.config.TimeZoneSetting.stored(e.getStartTime()).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
                // Or, its report not written either (a full disk), in the job's status, where its line was noted.
                var noted = failure.isPresent() ? Optional.<RunOutcomes.Noted>empty() : notedFailure(done, runId);
                if (failure.isPresent()) {
                    history.failed(runId, failure.get().step(), failure.get().exitStatus(), failure.get().cause());
                    released = failure.get().at();
                    stepsEnded = failure.get().cause();
                } else if (noted.isPresent()) {
                    history.failed(runId, step, noted.get().exitStatus(), noted.get().line());
                    stepsEnded = released == null ? null : noted.get().line();
                } else {
                    history.abandonedByDeadProcess(runId, step);
                }
            }
            endedUnseen(done, wereRunning, released, stepsEnded != null ? stepsEnded : endUnknown(entry.orElse(null)));
            LOG.warn("run {} (job execution {}) was abandoned by a dead process ({}); marked failed in step {}", runId, e.getId(),
                    why, step);
            recovered++;
        }
        // A row left STARTED by a run whose job completed (an earlier version's restart that completed a run published
        // before, which left it so for good): published, as its folder says, with its finish time.
        for (RunHistory.Entry h : history.stillStarted()) {
            JobExecution e = h.jobExecutionId() == null ? null : repository.getJobExecution(h.jobExecutionId());
            if (e != null && e.getStatus() == BatchStatus.COMPLETED && e.getExecutionContext().containsKey(RunInfo.RUN_ID)) {
                PublishedRun.whole(RunInfo.of(e).folder().published(), h.runId()).ifPresent(p -> {
                    history.published(p);
                    LOG.info("run {} completed, and its history said STARTED: published, as its folder says", h.runId());
                });
            }
        }
        return recovered;
    }

    private static final String STEP_END_NOT_RECORDED = "its database went away: its process ended without recording the step's "
            + "end";

    /** Why a step left running by a dead process has no end time: its process died unseen, last heard of at its heartbeat. */
    private static String endUnknown(RunHistory.Entry entry) {
        return "its process ended without recording the step's end (killed, or its machine stopped): when is not known"
                + (entry == null || entry.heartbeatAt() == null ? "" : "; its last heartbeat was at "
                + entry.heartbeatAt().toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString().replace('T', ' ')
                .replace("Z", " UTC"));
    }

    /**
     * The steps a dead process left running, as {@code recover} marked them failed: ended when the run failed, where
     * that is known ({@code ended}: its report's time, or its process's note releasing its lock, written as it ended,
     * its database gone), else with no end time; their exit FAILED, saying why ({@code why}), not Spring Batch's
     * EXECUTING. Found by an exploratory test: recover ends them now, so their seconds ran to the command that found
     * them (42 s for a process that died 6 s in), and left their exit EXECUTING.
     */
    private void endedUnseen(JobExecution done, java.util.Set<Long> wereRunning, Instant ended, String why) {
        java.time.LocalDateTime end = ended == null ? null : java.time.LocalDateTime.ofInstant(ended, java.time.ZoneOffset.UTC);
        for (var s : done.getStepExecutions()) {
            if (!wereRunning.contains(s.getId())) {
                continue;
            }
            // (A report's time is to the second: a step begun within that second ended no earlier than it began.)
            s.setEndTime(end == null || s.getStartTime() == null || !end.isBefore(s.getStartTime()) ? end : s.getStartTime());
            s.setExitStatus(org.springframework.batch.core.ExitStatus.FAILED.addExitDescription(why));
            repository.update(s);
        }
        if (end != null) {
            done.setEndTime(end);
            repository.update(done);
        }
    }

    /** The failure the run noted in its job's status, if it could (a status folder it cannot read: none). */
    private Optional<RunOutcomes.Noted> notedFailure(JobExecution e, String runId) {
        try {
            RunRequest request = RunInfo.of(e).request();
            return RunOutcomes.of(props).failureOf(request.job(), request.biennium().code(), runId);
        } catch (IOException | RuntimeException ex) {
            LOG.warn("the job's status could not be read for run {}: {}", runId, ex.getMessage(), ex);
            return Optional.empty();
        }
    }

    /** Why the execution's owner counts as dead, or null while it may be alive. */
    public String deadReason(RunHistory.Entry entry, JobExecution e, OffsetDateTime now) {
        if (entry == null || entry.owner() == null) {
            // No owner recorded: dead once it has been silent for the lease since it started.
            var started = e.getStartTime() == null ? e.getCreateTime() : e.getStartTime();
            return started != null && org.pbannex.config.TimeZoneSetting.stored(started)
                    .isBefore(now.minus(props.run().lease()).toInstant()) ? "no owner recorded" : null;
        }
        if (entry.owner().equals(ProcessIdentity.current())) {
            return null;
        }
        if (e.getExecutionContext().containsKey(RunInfo.RUN_ID)) {
            RunInfo run = RunInfo.of(e);
            String biennium = run.request().biennium().code();
            String output = run.request().output().toString();
            if (RunLease.releasedBy(biennium, output, run.runId(), entry.owner())) {
                return entry.owner() + ": it ended, its database not to be told, and released its lock in " + output;
            }
        }
        String why = RunLease.goneReason(entry.owner(), entry.heartbeatAt(), now, props.run().lease());
        return why == null ? null : entry.owner() + ": " + why;
    }

    private static String failedStepOrRunning(JobExecution e) {
        return e.getStepExecutions().stream().filter(s -> s.getStatus().isRunning())
                .map(s -> s.getStepName()).reduce((a, b) -> b).orElse(null);
    }
}
