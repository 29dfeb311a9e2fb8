package org.pbannex.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.pbannex.config.PbProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * (the test switch {@code pb.run.pause-at} that holds a run before a named step so a test can kill it there, or change
 * something before it goes on).
 */
@Component
public class RunSteps implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(RunSteps.class);

    /** The work of one tasklet step. */
    public interface Body {
        void run(StepContribution contribution, RunInfo run) throws Exception;
    }

    private final JobRepository repository;
    private final PlatformTransactionManager transactions;
    private final PauseBeforeStep pause;
    /** The partitioned steps' thread pools: shut down with the context (a warm process runs many contexts). */
    private final List<ThreadPoolTaskExecutor> pools = new CopyOnWriteArrayList<>();

    private final LeaseHeld leaseHeld;

    public RunSteps(JobRepository repository, PlatformTransactionManager transactions, PbProperties props,
                    org.pbannex.runtime.RunLease lease) {
        this.repository = repository;
        this.transactions = transactions;
        this.pause = new PauseBeforeStep(props.run().pauseAt());
        this.leaseHeld = new LeaseHeld(lease);
    }

    public Step tasklet(String name, Body body) {
        return builder(name).tasklet((contribution, chunk) -> {
            body.run(contribution, RunInfo.of(contribution.getStepExecution()));
            return RepeatStatus.FINISHED;
        }, transactions).build();
    }

    public StepBuilder builder(String name) {
        // The lease after the pause: a test that takes the lock over while a run is held sees it stop there.
        return new StepBuilder(name, repository).listener(pause).listener(leaseHeld);
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

    /**
     * Holds the run at a named point inside a step (e.g. {@code publish:renamed}) when {@code pb.run.pause-at} names it
     * exactly, as {@link PauseBeforeStep} holds it before a step.
     */
    void pauseAt(String point, RunInfo run) {
        if (point.equals(pause.stepName)) {
            PauseBeforeStep.hold(run, point);
        }
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

    /**
     * Holds the run before the named step (or the first step whose name starts with it), after writing a marker file
     * {@code .paused-<run-id>-<step>} into the run's biennium folder, until the process is killed or the marker removed
     * (a test changes something meanwhile). Only tests set it.
     */
    static final class PauseBeforeStep implements StepExecutionListener {

        private final String stepName;

        PauseBeforeStep(String stepName) {
            this.stepName = stepName == null ? "" : stepName.trim();
        }

        @Override
        public void beforeStep(StepExecution step) {
            if (stepName.isEmpty() || !step.getStepName().startsWith(stepName)) {
                return;
            }
            hold(RunInfo.of(step), step.getStepName());
        }

        static void hold(RunInfo run, String point) {
            hold(RunInputs.folder(run), run.runId(), point);
        }

        static void hold(org.pbannex.publish.RunFolder folder, String runId, String point) {
            Path marker = folder.staging().resolveSibling(".paused-" + runId + "-" + point.replace(':', '_'));
            try {
                Files.createDirectories(marker.getParent());
                Files.writeString(marker, ProcessHandle.current().pid() + "\n");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            LOG.warn("pb.run.pause-at: holding run {} at {} until the process is killed or {} is removed", runId, point,
                    marker);
            while (Files.exists(marker)) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
