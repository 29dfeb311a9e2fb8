package org.pbannex.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pbannex.config.PbProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Builds the job's steps the same way: a tasklet that gets the run it belongs to, and the listener every step has
 * (the test switch {@code pb.run.pause-at} that holds a run before a named step so a test can kill it there).
 */
@Component
public class RunSteps {

    private static final Logger LOG = LoggerFactory.getLogger(RunSteps.class);

    /** The work of one tasklet step. */
    public interface Body {
        void run(StepContribution contribution, RunInfo run) throws Exception;
    }

    private final JobRepository repository;
    private final PlatformTransactionManager transactions;
    private final PauseBeforeStep pause;

    public RunSteps(JobRepository repository, PlatformTransactionManager transactions, PbProperties props) {
        this.repository = repository;
        this.transactions = transactions;
        this.pause = new PauseBeforeStep(props.run().pauseAt());
    }

    public Step tasklet(String name, Body body) {
        return builder(name).tasklet((contribution, chunk) -> {
            body.run(contribution, RunInfo.of(contribution.getStepExecution()));
            return RepeatStatus.FINISHED;
        }, transactions).build();
    }

    public StepBuilder builder(String name) {
        return new StepBuilder(name, repository).listener(pause);
    }

    /**
     * Holds the run before the named step (or the first step whose name starts with it), after writing a marker file
     * {@code .paused-<run-id>-<step>} into the run's biennium folder, until the process is killed. Only tests set it.
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
            RunInfo run = RunInfo.of(step);
            Path marker = RunInputs.folder(run).staging().resolveSibling(".paused-" + run.runId() + "-"
                    + step.getStepName().replace(':', '_'));
            try {
                Files.createDirectories(marker.getParent());
                Files.writeString(marker, ProcessHandle.current().pid() + "\n");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            LOG.warn("pb.run.pause-at: holding run {} before step {} until the process is killed", run.runId(), step.getStepName());
            while (true) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
