package org.pbannex.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.support.TaskExecutorJobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

/**
 * The race a signal ran against a step's own status update, reproduced step by step: the step is held (a latch) until
 * the signal's stop has begun; then, as the closing database did, the chunk's commit fails while the step's last
 * updates still get through. Spring Batch then kept the step UNKNOWN, and the next run could
 * not restart it ("Cannot restart step [render] from UNKNOWN status"). With the repository the runs use, nothing
 * more is recorded once the stop has begun: the step is left as the stop found it, which the next process recovers
 * (failed) and restarts to completion.
 */
class StoppingRepositoryTest {

    @Test
    void aRunWhoseStepsCommitFailsAsTheSignalStopsItIsNeverLeftUnknown() throws Exception {
        EmbeddedDatabase db = new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2).generateUniqueName(true)
                .addScript("/org/springframework/batch/core/schema-h2.sql").build();
        try {
            AtomicBoolean closing = new AtomicBoolean();
            DataSource pool = failingOneCommit(db, closing);
            AtomicBoolean stopping = new AtomicBoolean();
            JobRepository stoppedProcess = StoppingRepository.of(repository(pool), stopping::get);
            CountDownLatch inStep = new CountDownLatch(1);
            CountDownLatch stopBegun = new CountDownLatch(1);
            JobParameters params = new JobParametersBuilder().addString("run", "r1").toJobParameters();

            CompletableFuture<Void> run = CompletableFuture.runAsync(() -> {
                try {
                    operator(stoppedProcess).start(job(stoppedProcess, pool, inStep, stopBegun), params);
                } catch (Exception | Error ended) {
                    // what the closing makes of the run's thread: the log's, not this test's
                }
            });
            assertTrue(inStep.await(1, TimeUnit.MINUTES), "the step began");
            stopping.set(true); // the signal's stop has begun (Interruption.signalled)
            closing.set(true); // and the pool closes under the step's chunk
            stopBegun.countDown();
            run.get(1, TimeUnit.MINUTES);

            JdbcTemplate jdbc = new JdbcTemplate(db);
            // Before, the job was kept UNKNOWN ("Cannot restart job from UNKNOWN status"), or its step was.
            assertEquals("STARTED STARTED", jdbc.queryForObject("SELECT j.status || ' ' || s.status FROM batch_job_execution j "
                    + "JOIN batch_step_execution s ON s.job_execution_id = j.job_execution_id", String.class),
                    "the job and its step left as the stop found them, neither UNKNOWN");

            // The next process: the run's process is dead, its execution recovered (failed), and it restarts.
            JobRepository next = repository(db);
            JobExecution left = next.getLastJobExecution("annex", params);
            TaskExecutorJobOperator operator = operator(next);
            operator.recover(left);
            JobExecution restarted = operator.start(job(next, db, new CountDownLatch(1), new CountDownLatch(0)), params);
            assertEquals(BatchStatus.COMPLETED, restarted.getStatus(), restarted.getAllFailureExceptions().toString());
            assertEquals(2, jdbc.queryForObject("SELECT COUNT(*) FROM batch_step_execution WHERE step_name = 'render'",
                    Integer.class), "restarted from its step");
        } finally {
            db.shutdown();
        }
    }

    /** A job of one step, render, whose tasklet says it has begun and waits for the stop to begin. */
    private static Job job(JobRepository repository, DataSource pool, CountDownLatch inStep, CountDownLatch stopBegun) {
        var step = new StepBuilder("render", repository).tasklet((contribution, chunk) -> {
            inStep.countDown();
            stopBegun.await(1, TimeUnit.MINUTES);
            return RepeatStatus.FINISHED;
        }, new DataSourceTransactionManager(pool)).build();
        return new JobBuilder("annex", repository).start(step).build();
    }

    private static JobRepository repository(DataSource pool) throws Exception {
        JdbcJobRepositoryFactoryBean factory = new JdbcJobRepositoryFactoryBean();
        factory.setDataSource(pool);
        factory.setTransactionManager(new DataSourceTransactionManager(pool));
        factory.afterPropertiesSet();
        return factory.getObject();
    }

    private static TaskExecutorJobOperator operator(JobRepository repository) throws Exception {
        TaskExecutorJobOperator operator = new TaskExecutorJobOperator();
        operator.setJobRepository(repository);
        operator.setJobRegistry(new MapJobRegistry());
        operator.setTaskExecutor(new SyncTaskExecutor());
        operator.afterPropertiesSet();
        return operator;
    }

    /**
     * The database, which, once {@code closing}, fails one commit (the step's chunk's, as the database closing under it
     * did: Spring Batch cannot tell what was kept, UNKNOWN) and lets the next statements through (the step's last
     * updates, which got through in the race).
     */
    private static DataSource failingOneCommit(DataSource db, AtomicBoolean closing) {
        AtomicBoolean refused = new AtomicBoolean();
        return new DelegatingDataSource(db) {
            @Override
            public Connection getConnection() throws SQLException {
                Connection c = super.getConnection();
                return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                        (proxy, method, args) -> {
                            if (method.getName().equals("commit") && closing.get() && refused.compareAndSet(false, true)) {
                                throw new SQLException("Database is already closed", "90121");
                            }
                            try {
                                return method.invoke(c, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
        };
    }
}
