package org.pbannex.cli;

import static org.pbannex.cli.TimingLines.line;

import java.time.Duration;
import java.util.Comparator;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * Where a run's time went ({@code run --timings}, used by the benchmark): the JVM's start to the command, the
 * command to a ready Spring context and database, then each step of the job as the job repository recorded it (a
 * partitioned step with each of its partitions: every rendered output), and the process's peak memory; then, after
 * the run's summary, the closing of the Spring context and database (on H2 the file is compacted as it closes). One
 * {@code timing <what> <seconds>} line each, so that a person and the benchmark read the same lines.
 */
final class RunTimings {

    private final long commandStartedNanos = System.nanoTime();
    private final long commandStartedMillis = System.currentTimeMillis();
    private long readyNanos;
    private long closingNanos;

    /** The Spring context and the database are ready. */
    void ready() {
        readyNanos = System.nanoTime();
    }

    /** The Spring context and the database start to close (after the run). */
    void closing() {
        closingNanos = System.nanoTime();
    }

    /** After {@link #closing()}: how long the context and the database took to close. */
    void printClosed() {
        line("context-close", (System.nanoTime() - closingNanos) / 1e9);
    }

    void print(JobExecution execution) {
        long start = TimingLines.started(commandStartedMillis);
        line("command-to-ready", (readyNanos - commandStartedNanos) / 1e9);
        execution.getStepExecutions().stream().sorted(Comparator.comparing(StepExecution::getStartTime,
                Comparator.nullsLast(Comparator.naturalOrder()))).forEach(s -> {
            if (s.getStartTime() != null && s.getEndTime() != null) {
                // Partitions are named manager:partition; indent them under their manager step.
                line((s.getStepName().contains(":") ? "  " : "") + "step " + s.getStepName(),
                        Duration.between(s.getStartTime(), s.getEndTime()).toMillis() / 1000.0);
            }
        });
        TimingLines.total(start);
        TimingLines.jvmWork();
    }
}
