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
    /** The run's id in its job parameters (not identifying), there from the moment its execution exists. */
    public static final String RUN_ID_PARAMETER = "runId";
    /** In the job's context of a run that published: its published folder. */
    public static final String PUBLISHED_FOLDER = "publishedFolder";
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

    /** The run's record, for its manifest and report: what it was asked, how it ended, what it read and made. */
    public org.pbannex.publish.RunRecord record(String status, int exitStatus, String step, String cause, Instant finished,
                                                java.util.List<org.pbannex.ingest.InputSet.InputFile> inputFiles,
                                                java.util.List<org.pbannex.table.CheckResult> checks,
                                                java.util.List<org.pbannex.table.PrintedDifference> differences,
                                                java.util.List<org.pbannex.publish.OutputFile> outputs, org.pbannex.publish.RunDiff diff,
                                                java.util.List<org.pbannex.expenditure.ExpenditureIngest.FileStats> lines,
                                                org.pbannex.publish.RunRecord.Comparison comparison) {
        var r = request;
        return new org.pbannex.publish.RunRecord(runId, r.job(), r.biennium().code(), status, exitStatus, step, cause,
                org.pbannex.runtime.Times.toSecond(started), org.pbannex.runtime.Times.toSecond(finished), codeVersion, inputChecksum,
                r.tables(), r.languages().stream().map(l -> l.code()).toList(),
                r.formats().stream().map(org.pbannex.publication.OutputFormat::code).toList(),
                r.partial(), inputFiles, checks, differences, outputs, diff, lines, comparison);
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
