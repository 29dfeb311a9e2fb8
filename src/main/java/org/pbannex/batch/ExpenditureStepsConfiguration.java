package org.pbannex.batch;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.pbannex.config.PbProperties;
import org.pbannex.expenditure.ExpenditureIngest;
import org.pbannex.expenditure.ExpenditurePartition;
import org.pbannex.expenditure.ExpenditureResultFile;
import org.pbannex.expenditure.PostgresExpenditureEngine;
import org.pbannex.publication.Publication;
import org.pbannex.run.RunInfo;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * The expenditure lines as Batch steps. The manager step {@code expenditurePartitions} asks the partitioner to cut
 * the files into byte ranges at line ends; each range is a worker step execution ({@code expenditurePartition}) that
 * runs the fast line parser and writes its totals, ids and bad lines to a result file in the run's work folder, with
 * its lines read, accepted and rejected in the step execution's counts. {@code expenditureMerge} merges the results
 * in file order into the totals file. A restart runs only the partitions that had not completed.
 *
 * <p>Local threads do the partitions here (pb.expenditure.threads). Beyond one machine, the same worker step runs on
 * remote workers with Spring Batch's remote partitioning (spring-batch-integration: a
 * {@code MessageChannelPartitionHandler} in place of the {@code TaskExecutorPartitionHandler} of
 * {@link RunSteps#partitioned}, the workers polling the shared PostgreSQL job repository); the workers need the input
 * files and the run's work folder on a shared file system, as the result files are read back by the merge.
 */
@Configuration
public class ExpenditureStepsConfiguration {

    static final String WORKER = "expenditurePartition";

    @Bean
    Step expenditurePartitions(RunSteps steps, Step expenditurePartition, RunInputs inputs, PbProperties props, ProgressLog progress) {
        return steps.partitioned("expenditurePartitions", expenditurePartition, run -> partitions(inputs, run),
                props.expenditure().threadCount(), progress);
    }

    @Bean
    Step expenditurePartition(RunSteps steps, RunInputs inputs) {
        return steps.tasklet(WORKER, (contribution, run) -> {
            StepExecution step = contribution.getStepExecution();
            ExpenditurePartition p = partition(step.getExecutionContext());
            Path results = run.folder().work().resolve(RunInputs.RESULTS_DIR);
            ExpenditureIngest.PartitionCounts counts = inputs.expenditureIngest(run).parse(p, ExpenditureIngest.resultFile(results, p));
            step.setReadCount(counts.read());
            step.setWriteCount(counts.read() - counts.leftOut() - counts.rejected());
            step.setFilterCount(counts.leftOut());
            step.setProcessSkipCount(counts.rejected());
        });
    }

    /** The run's expenditure files cut into partitions, each named partitionNNNNN and carrying its byte range. */
    static Map<String, ExecutionContext> partitions(RunInputs inputs, RunInfo run) {
        Map<String, ExecutionContext> out = new LinkedHashMap<>();
        for (ExpenditurePartition p : inputs.partitions(run)) {
            ExecutionContext c = new ExecutionContext();
            c.putInt("index", p.index());
            c.putInt("fileIndex", p.fileIndex());
            c.putString("file", p.file().toString());
            c.putString("displayName", p.publishedName()); // the key job repositories already hold for it
            c.putLong("from", p.from());
            c.putLong("to", p.to());
            out.put(String.format("partition%05d", p.index()), c);
        }
        return out;
    }

    static ExpenditurePartition partition(ExecutionContext c) {
        return new ExpenditurePartition(c.getInt("index"), c.getInt("fileIndex"), Path.of(c.getString("file")),
                c.getString("displayName"), c.getLong("from"), c.getLong("to"));
    }

    @Bean
    Step expenditureMerge(RunSteps steps, RunInputs inputs) {
        return steps.tasklet("expenditureMerge", (contribution, run) -> {
            Path work = run.folder().work();
            List<ExpenditurePartition> partitions = inputs.partitions(run);
            ExpenditureIngest.Result r = inputs.expenditureIngest(run).merge(partitions, work.resolve(RunInputs.RESULTS_DIR));
            ExpenditureResultFile.write(r, work.resolve(RunInputs.TOTALS_FILE));
            counted(contribution.getStepExecution(), r);
        });
    }

    /** The PostgreSQL engine: COPY into the job's own database and GROUP BY there (one step; the database does the work). */
    @Bean
    Step expenditurePostgres(RunSteps steps, RunInputs inputs, DataSource dataSource) {
        return steps.tasklet("expenditurePostgres", (contribution, run) -> {
            Path work = run.folder().work();
            var request = run.request();
            Connection c = DataSourceUtils.getConnection(dataSource);
            try {
                ExpenditureIngest.Result r = new PostgresExpenditureEngine(inputs.dimensions(run),
                        request.rejects() ? work.resolve(RunInputs.REJECTS_FILE) : null).withScratchRoot(work.resolve("scratch"))
                        .run(Publication.expenditureFiles(request.input()), Publication.expenditurePublishedName(request.input()), c);
                ExpenditureResultFile.write(r, work.resolve(RunInputs.TOTALS_FILE));
                counted(contribution.getStepExecution(), r);
            } finally {
                DataSourceUtils.releaseConnection(c, dataSource);
            }
        });
    }

    /**
     * The ingest's lines in the step's counts: read, written (accepted into the totals), filtered (left out: a later
     * biennium's, in no total) and skipped (rejected), as history lists them.
     */
    private static void counted(StepExecution step, ExpenditureIngest.Result r) {
        step.setReadCount(r.readLines());
        step.setWriteCount(r.readLines() - r.leftOutLines() - r.rejectedLines());
        step.setFilterCount(r.leftOutLines());
        step.setProcessSkipCount(r.rejectedLines());
    }

    /** Logs the ingest's progress every 5 s while the partitions run (lines, lines/s, MB, MB/s, time left). */
    @Bean
    ProgressLog progressLog(RunInputs inputs) {
        return new ProgressLog(inputs);
    }

    static final class ProgressLog implements StepExecutionListener {

        private final RunInputs inputs;
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "expenditure-progress");
            t.setDaemon(true);
            return t;
        });
        private ScheduledFuture<?> task;

        ProgressLog(RunInputs inputs) {
            this.inputs = inputs;
        }

        @Override
        public void beforeStep(StepExecution step) {
            RunInfo run = RunInfo.of(step);
            long total = inputs.partitions(run).stream().mapToLong(p -> p.to() - p.from()).sum();
            long start = System.nanoTime();
            ExpenditureIngest ingest = inputs.expenditureIngest(run);
            long every = inputs.progressMillis();
            task = timer.scheduleAtFixedRate(() -> ingest.logProgress(total, start), every, every, TimeUnit.MILLISECONDS);
        }

        @Override
        public org.springframework.batch.core.ExitStatus afterStep(StepExecution step) {
            if (task != null) {
                task.cancel(false);
            }
            return null;
        }

        /** With the context (Spring calls a bean's close()): a warm process runs many contexts. */
        public void close() {
            timer.shutdownNow();
        }
    }
}
