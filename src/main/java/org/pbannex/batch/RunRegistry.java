package org.pbannex.batch;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.pbannex.publication.AnnexRun;
import org.pbannex.publication.CodeVersion;
import org.pbannex.publish.RunHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.scope.context.ChunkContext;

/**
 * Holds the {@link AnnexRun} of each running job execution. The run id is kept in the job's execution context,
 * so a restarted run publishes under the id it started with.
 */
public class RunRegistry implements JobExecutionListener {

    static final String RUN_ID = "runId";
    private static final Logger log = LoggerFactory.getLogger(RunRegistry.class);
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Map<Long, AnnexRun> runs = new ConcurrentHashMap<>();
    private final Path home;
    private final RunHistory history;

    public RunRegistry(Path home, RunHistory history) {
        this.home = home;
        this.history = history;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        var ctx = execution.getExecutionContext();
        Instant now = Instant.now();
        if (!ctx.containsKey(RUN_ID)) {
            String checksum = execution.getJobParameters().getString(RunParameters.INPUT_CHECKSUM);
            ctx.putString(RUN_ID, ID_TIME.format(now) + "-" + checksum.substring(0, 8));
        }
        var params = execution.getJobParameters();
        AnnexRun run = new AnnexRun(RunParameters.request(params), ctx.getString(RUN_ID), home, now,
                params.getString(RunParameters.INPUT_CHECKSUM), params.getString(RunParameters.CODE_VERSION));
        runs.put(execution.getId(), run);
        log.info("run {} started (job execution {})", run.runId(), execution.getId());
    }

    @Override
    public void afterJob(JobExecution execution) {
        AnnexRun run = runs.remove(execution.getId());
        if (run != null && execution.getStatus() == BatchStatus.FAILED) {
            String why = execution.getAllFailureExceptions().stream().map(Throwable::getMessage).findFirst().orElse("failed");
            try {
                history.recordFailed(run.runId() + "#" + execution.getId(), run.runId(), run.bienniumCode(),
                        execution.getStartTime() == null ? Instant.now() : execution.getStartTime().toInstant(ZoneOffset.UTC),
                        execution.getJobParameters().getString(RunParameters.INPUT_CHECKSUM), CodeVersion.of(home), why);
            } catch (RuntimeException e) {
                log.warn("could not record the failed run in the history: {}", e.getMessage());
            }
        }
    }

    AnnexRun of(ChunkContext chunk) {
        return runs.get(chunk.getStepContext().getStepExecution().getJobExecutionId());
    }

    AnnexRun of(JobExecution execution) {
        return runs.get(execution.getId());
    }
}
