package org.pbannex.batch;

import java.nio.file.Path;
import org.pbannex.publication.AnnexRun;
import org.pbannex.publish.PublishLock;
import org.pbannex.publish.RunHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The annex job, read top-down: ingest, compute, check, render, publish. Wiring only: each step calls one step
 * of {@link AnnexRun}. The cheap first three steps rerun on a restart (they rebuild the in-memory tables);
 * render and publish resume where a failed run stopped.
 */
@Configuration
public class AnnexJobConfiguration {

    public static final String JOB_NAME = "annex";
    private static final Logger log = LoggerFactory.getLogger(AnnexJobConfiguration.class);

    @Bean
    Job annexJob(JobRepository repository, RunRegistry runs, Step ingest, Step compute, Step check, Step render, Step publish) {
        return new JobBuilder(JOB_NAME, repository)
                .listener(runs)
                .start(ingest)
                .next(compute)
                .next(check)
                .next(render)
                .next(publish)
                .build();
    }

    @Bean
    Step ingest(JobRepository repository, PlatformTransactionManager tx, RunRegistry runs) {
        return new StepBuilder("ingest", repository).tasklet((contribution, chunk) -> {
            long rows = runs.of(chunk).ingest();
            log.info("ingest: {} input rows valid", rows);
            return RepeatStatus.FINISHED;
        }, tx).allowStartIfComplete(true).build();
    }

    @Bean
    Step compute(JobRepository repository, PlatformTransactionManager tx, RunRegistry runs) {
        return new StepBuilder("compute", repository).tasklet((contribution, chunk) -> {
            log.info("compute: {} tables", runs.of(chunk).compute());
            return RepeatStatus.FINISHED;
        }, tx).allowStartIfComplete(true).build();
    }

    @Bean
    Step check(JobRepository repository, PlatformTransactionManager tx, RunRegistry runs) {
        return new StepBuilder("check", repository).tasklet((contribution, chunk) -> {
            long passed = runs.of(chunk).check();
            jobContext(chunk).putLong(RunParameters.CHECKS_PASSED, passed);
            log.info("check: {} checks passed", passed);
            return RepeatStatus.FINISHED;
        }, tx).allowStartIfComplete(true).build();
    }

    @Bean
    Step render(JobRepository repository, PlatformTransactionManager tx, RunRegistry runs) {
        return new StepBuilder("render", repository).tasklet((contribution, chunk) -> {
            int files = runs.of(chunk).render();
            contribution.incrementWriteCount(files);
            jobContext(chunk).putInt(RunParameters.FILE_COUNT, files);
            log.info("render: {} files staged", files);
            return RepeatStatus.FINISHED;
        }, tx).build();
    }

    @Bean
    Step publish(JobRepository repository, PlatformTransactionManager tx, RunRegistry runs, PublishLock lock, RunHistory history) {
        return new StepBuilder("publish", repository).tasklet((contribution, chunk) -> {
            AnnexRun run = runs.of(chunk);
            var record = run.publish(lock, history);
            jobContext(chunk).putString(RunParameters.PUBLISHED_FOLDER, run.publishedFolder().toString());
            jobContext(chunk).putInt(RunParameters.TABLE_COUNT, record.tables().size());
            log.info("publish: {}", run.publishedFolder());
            return RepeatStatus.FINISHED;
        }, tx).build();
    }

    private static org.springframework.batch.infrastructure.item.ExecutionContext jobContext(
            org.springframework.batch.core.scope.context.ChunkContext chunk) {
        return chunk.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
    }

    @Bean
    RunRegistry runRegistry(@Value("${pb.home:.}") String home, RunHistory history) {
        return new RunRegistry(Path.of(home).toAbsolutePath().normalize(), history);
    }

    @Bean
    PublishLock publishLock(JdbcTemplate jdbc, PlatformTransactionManager tx) {
        return new PublishLock(jdbc, tx);
    }

    @Bean
    RunHistory runHistory(JdbcTemplate jdbc) {
        return new RunHistory(jdbc);
    }
}
