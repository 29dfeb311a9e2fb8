package org.pbannex.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.pbannex.config.PbProperties;
import org.pbannex.publish.RunFolder;
import org.pbannex.run.RunInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * The test switch {@code pb.run.pause-at}: holds a run before a named step (or the first step whose name starts with
 * it), or at a named point ({@code launch}, {@code job:start}, {@code job:begun}, {@code job:end},
 * {@code publish:renamed}, {@code distribute:catch-up}), after writing a marker file {@code .paused-<run-id>-<point>}
 * into the run's biennium folder, until the process is killed or the marker removed (a test changes something
 * meanwhile). Only tests set it: without it no step has its listener ({@link #beforeSteps}) and every point passes.
 * <p>
 * Decided when the context starts rather than by {@code @ConditionalOnProperty}: the launcher runs the bean definitions
 * Spring's ahead-of-time processing wrote at build time, where the setting is not given, and tests set it on the
 * launcher's runs too.
 */
@Component
public class RunPause {

    private static final Logger LOG = LoggerFactory.getLogger(RunPause.class);

    /** The named step or point; empty: none (production). */
    private final String point;

    @org.springframework.beans.factory.annotation.Autowired
    public RunPause(PbProperties props) {
        this(props.run().pauseAt());
    }

    RunPause(String point) {
        this.point = point == null ? "" : point.trim();
    }

    /** The listener that holds a run before the named step, when the switch is set; none in production. */
    public Optional<StepExecutionListener> beforeSteps() {
        if (point.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new StepExecutionListener() {
            @Override
            public void beforeStep(StepExecution step) {
                if (step.getStepName().startsWith(point)) {
                    RunInfo run = RunInfo.of(step);
                    hold(run.folder(), run.runId(), step.getStepName());
                }
            }
        });
    }

    /** Holds the run at {@code at} when the switch names it exactly. */
    public void at(String at, RunInfo run) {
        if (at.equals(point)) {
            hold(run.folder(), run.runId(), at);
        }
    }

    /** Holds run {@code runId}, whose folders {@code folder} names, at {@code at} when the switch names it exactly. */
    public void at(String at, RunFolder folder, String runId) {
        if (at.equals(point)) {
            hold(folder, runId, at);
        }
    }

    private static void hold(RunFolder folder, String runId, String at) {
        Path marker = folder.staging().resolveSibling(".paused-" + runId + "-" + at.replace(':', '_'));
        try {
            Files.createDirectories(marker.getParent());
            Files.writeString(marker, ProcessHandle.current().pid() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LOG.warn("pb.run.pause-at: holding run {} at {} until the process is killed or {} is removed", runId, at, marker);
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
