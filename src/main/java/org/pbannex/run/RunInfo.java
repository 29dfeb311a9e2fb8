package org.pbannex.run;

import java.time.Instant;
import org.pbannex.publication.RunRequest;
import org.pbannex.publish.RunFolder;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * One run as its steps see it: its id (kept in the job's execution context, so a restart publishes under the id the
 * run started with), when it first started, and what it was asked to do (from the job parameters).
 */
public record RunInfo(String runId, Instant started, RunRequest request, String inputChecksum, String codeVersion) {

    public static final String RUN_ID = "runId";
    public static final String STARTED = "runStarted";

    public static RunInfo of(JobExecution execution) {
        var ctx = execution.getExecutionContext();
        var params = execution.getJobParameters();
        return new RunInfo(ctx.getString(RUN_ID), Instant.parse(ctx.getString(STARTED)), RunParameters.request(params),
                RunParameters.inputChecksum(params), RunParameters.codeVersion(params));
    }

    public static RunInfo of(StepExecution step) {
        return of(step.getJobExecution());
    }

    /** The run's folders: its staging, work, published and failed folders in its biennium's output folder. */
    public RunFolder folder() {
        return new RunFolder(request.output(), request.biennium().code(), runId);
    }

    /**
     * Whether the run failed for its database gone (its connection lost, none to be had): asked again, it would only
     * make the run's line wait a connect timeout more. Any of its failures says so: what Spring Batch keeps first may be
     * the rollback that failed with it.
     */
    public static boolean databaseGone(JobExecution execution) {
        return execution.getAllFailureExceptions().stream().anyMatch(org.pbannex.runtime.DatabaseUnavailable::unreachable);
    }

    /**
     * Why a job execution failed: the failure of the step that went wrong, not the manager's "partition handler returned
     * an unsuccessful step" when one of its partitions failed.
     */
    public static Throwable failure(JobExecution execution) {
        // A run that lost its lock fails for that, whatever failed after (its execution changed by the run that took over).
        var lost = execution.getAllFailureExceptions().stream().filter(t -> t instanceof org.pbannex.runtime.RunLease.Lost).findFirst();
        if (lost.isPresent()) {
            return lost.get();
        }
        Throwable fallback = null;
        for (StepExecution s : execution.getStepExecutions()) {
            for (Throwable t : s.getFailureExceptions()) {
                if (s.getStepName().contains(":")) {
                    return t; // a partition's own failure
                }
                fallback = fallback == null ? t : fallback;
            }
        }
        if (fallback != null) {
            return fallback;
        }
        return execution.getAllFailureExceptions().stream().findFirst()
                .orElse(new IllegalStateException("the job ended " + execution.getStatus()));
    }
}
