package org.pbannex.run;

import java.io.IOException;
import org.pbannex.distribute.UnsentRuns;
import org.pbannex.publish.RunFolder;
import org.pbannex.publish.RunHistory;
import org.pbannex.runtime.RunLease;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

/** {@code pb-annex abandon RUN_ID}: a failed run, or one whose process died, dropped so that its inputs start afresh. */
public class RunAbandonment {

    private final JobOperator operator;
    private final JobRepository repository;
    private final RunHistory history;
    private final UnsentRuns unsent;
    private final DeadRunRecovery recovery;

    public RunAbandonment(JobOperator operator, JobRepository repository, RunHistory history, UnsentRuns unsent,
                          DeadRunRecovery recovery) {
        this.operator = operator;
        this.repository = repository;
        this.history = history;
        this.unsent = unsent;
        this.recovery = recovery;
    }

    /**
     * Drops a run that failed or whose process died: its last execution is marked ABANDONED (the next run of the same
     * inputs then starts a new run), its staging and work folders are removed. A live run is refused.
     *
     * @return one line saying what was done
     */
    public String abandon(String runId) throws IOException {
        var entry = history.find(runId).orElseThrow(() -> new org.pbannex.runtime.UsageError("no run '" + runId + "' in the history"));
        if ("PUBLISHED".equals(entry.status())) {
            throw new org.pbannex.runtime.UsageError("run " + runId + " is published: there is nothing to abandon");
        }
        if ("ABANDONED".equals(entry.status())) {
            return "Run " + runId + " was already abandoned.";
        }
        JobExecution e = entry.jobExecutionId() == null ? null : repository.getJobExecution(entry.jobExecutionId());
        if (e != null && e.getStatus().isRunning()) {
            String why = recovery.deadReason(entry, e, history.databaseNow());
            if (why == null) {
                throw new RunLease.Busy("run " + runId + " is running (" + entry.owner() + "); it can only be abandoned once it has "
                        + "stopped or its process has died");
            }
            e = operator.recover(e);
        }
        if (e != null && e.getStatus() != BatchStatus.ABANDONED) {
            try {
                operator.abandon(e);
            } catch (org.springframework.batch.core.launch.JobExecutionAlreadyRunningException running) {
                throw new RunLease.Busy("run " + runId + " is still running: " + running.getMessage());
            }
        }
        history.abandoned(runId);
        unsent.settle(entry.job(), entry.biennium(), runId);
        if (e != null) {
            RunFolder folder = RunInfo.of(e).folder();
            RunFolder.deleteTree(folder.staging());
            RunFolder.deleteTree(folder.work());
        }
        return "Run " + runId + " abandoned: the next run of the same inputs starts afresh.";
    }
}
