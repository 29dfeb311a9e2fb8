package org.pbannex.batch;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.pbannex.run.RunInfo;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Builds the job's steps the same way: a tasklet that gets the run it belongs to, and the listener every step has
 * (its run still holds its lock); with the test switch {@code pb.run.pause-at} set, {@link RunPause}'s too.
 */
@Component
public class RunSteps implements DisposableBean {

    /** The work of one tasklet step. */
    public interface Body {
        void run(StepContribution contribution, RunInfo run) throws Exception;
    }

    private final JobRepository repository;
    private final PlatformTransactionManager transactions;
    /** The test switch's listener ({@link RunPause}); none in production. */
    private final java.util.Optional<StepExecutionListener> pause;
    /** The partitioned steps' thread pools: shut down with the context (a warm process runs many contexts). */
    private final List<ThreadPoolTaskExecutor> pools = new CopyOnWriteArrayList<>();

    private final LeaseHeld leaseHeld;

    public RunSteps(JobRepository repository, PlatformTransactionManager transactions, RunPause pause,
                    org.pbannex.runtime.RunLease lease) {
        this.repository = repository;
        this.transactions = transactions;
        this.pause = pause.beforeSteps();
        this.leaseHeld = new LeaseHeld(lease);
    }

    public Step tasklet(String name, Body body) {
        return builder(name).tasklet((contribution, chunk) -> {
            body.run(contribution, RunInfo.of(contribution.getStepExecution()));
            return RepeatStatus.FINISHED;
        }, transactions).build();
    }

    public StepBuilder builder(String name) {
        StepBuilder b = new StepBuilder(name, repository);
        if (pause.isPresent()) {
            // The lease after the pause: a test that takes the lock over while a run is held sees it stop there.
            b = b.listener(pause.get());
        }
        return b.listener(leaseHeld);
    }

    /**
     * Every step begins by checking that its run still holds the lock of its biennium and output folder: a run whose
     * heartbeat went silent for longer than the lease (a paused machine, a database that did not answer) and whose lock
     * another run took over stops at its next step, with one line and exit status 5, instead of working beside that run
     * until the check before publishing (and a published run's distribute step never sends beside it).
     */
    static final class LeaseHeld implements StepExecutionListener {

        private final org.pbannex.runtime.RunLease lease;

        LeaseHeld(org.pbannex.runtime.RunLease lease) {
            this.lease = lease;
        }

        @Override
        public void beforeStep(StepExecution step) {
            RunInfo run = RunInfo.of(step);
            lease.stillHeld(run.request().biennium().code(), run.request().output().toString(), run.runId(),
                    org.pbannex.runtime.RunLease.Stopping.beforeStep(step.getStepName()));
        }
    }

    /**
     * A manager step that runs {@code worker} once per partition of the run, on {@code threads} threads of its own.
     * {@code partitions} gives each partition's name and context from the run (the same ones every time, so that a
     * restart finds the partitions that had completed).
     */
    public Step partitioned(String name, Step worker, Function<RunInfo, Map<String,
            ExecutionContext>> partitions, int threads, StepExecutionListener... listeners) {
        ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
        pool.setCorePoolSize(threads);
        pool.setMaxPoolSize(threads);
        pool.setThreadNamePrefix(name + "-");
        pool.setDaemon(true);
        pool.initialize();
        pools.add(pool);
        TaskExecutorPartitionHandler handler = new InOrder();
        handler.setStep(worker);
        handler.setTaskExecutor(pool);
        RunPartitioner partitioner = new RunPartitioner(partitions);
        StepBuilder b = builder(name).listener(partitioner);
        for (StepExecutionListener l : listeners) {
            b = b.listener(l);
        }
        return b.partitioner(worker.getName(), partitioner).partitionHandler(handler).build();
    }

    @Override
    public void destroy() {
        pools.forEach(ThreadPoolTaskExecutor::shutdown);
    }

    /** Where a partition stands in the order its function gave (a key of its execution context). */
    static final String ORDER = "partition.order";

    /**
     * Hands the partitions to the threads in the order the partitions' function gave them. Spring Batch's splitter
     * puts them in a hash set, so which ones start together would change from run to run.
     */
    static final class InOrder extends TaskExecutorPartitionHandler {
        @Override
        protected Set<StepExecution> doHandle(StepExecution manager, Set<StepExecution> partitions) throws Exception {
            return super.doHandle(manager, partitions.stream()
                    .sorted(Comparator.comparingInt((StepExecution e) -> e.getExecutionContext().getInt(ORDER, Integer.MAX_VALUE))
                            .thenComparing(StepExecution::getStepName))
                    .collect(Collectors.toCollection(LinkedHashSet::new)));
        }
    }

    /** Asks the function for the partitions of the run whose manager step is running (known from beforeStep). */
    private static final class RunPartitioner implements Partitioner, StepExecutionListener {

        private final Function<RunInfo, Map<String, ExecutionContext>> partitions;
        private final ThreadLocal<RunInfo> run = new ThreadLocal<>();

        RunPartitioner(Function<RunInfo, Map<String,
                ExecutionContext>> partitions) {
            this.partitions = partitions;
        }

        @Override
        public void beforeStep(StepExecution step) {
            run.set(RunInfo.of(step));
        }

        @Override
        public Map<String, ExecutionContext> partition(int gridSize) {
            Map<String, ExecutionContext> out = partitions.apply(run.get());
            int order = 0;
            for (ExecutionContext c : out.values()) {
                c.putInt(ORDER, order++);
            }
            return out;
        }
    }
}
