package org.pbannex.runtime;

import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the process of a run that does not finish within {@code pb.run.timeout}. A run that hangs (a database query on
 * a connection that went silent, a network folder that stopped answering) keeps renewing its lock from its heartbeat
 * thread, so every later run would stop, "another run is running", night after night. Past the timeout the watchdog
 * writes every thread's stack to the log, says so in one line, has the failure told (waiting for that at most
 * {@link #TELLING}, since what hung may be the database), and halts the process with status 5. Its lock and its job
 * execution are then those of a dead process: the next run takes them over and restarts the run from the step it was in.
 */
public final class RunWatchdog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunWatchdog.class);

    /** How long the failure's record and notice may take before the process halts all the same. */
    static final Duration TELLING = Duration.ofSeconds(30);

    private final Thread thread;

    private RunWatchdog(Thread thread) {
        this.thread = thread;
    }

    /**
     * What the run is when its time is up: the one line said, and what records and tells its failure (it may hang),
     * both of the run as it stood then (in its start-up, or in its job).
     */
    public record Stop(String line, Runnable tell) {
    }

    /**
     * @param timeout how long the run may take (zero: no watchdog)
     * @param stop    the stop, made when the time is up
     */
    public static RunWatchdog start(Duration timeout, java.util.function.Supplier<Stop> stop) {
        if (timeout.isZero()) {
            return new RunWatchdog(null);
        }
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(timeout.toMillis());
            } catch (InterruptedException finished) {
                return;
            }
            stop(stop.get());
        }, "run-watchdog");
        t.setDaemon(true);
        t.start();
        return new RunWatchdog(t);
    }

    private static void stop(Stop stop) {
        // A run that wakes up now must not publish what its line says stopped.
        Interruption.closePublication();
        String line = stop.line();
        StringBuilder stacks = new StringBuilder();
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            stacks.append('\n').append(e.getKey()).append(' ').append(e.getKey().getState());
            for (StackTraceElement f : e.getValue()) {
                stacks.append("\n    at ").append(f);
            }
        }
        LOG.error("{}; the threads were:{}", line, stacks);
        System.err.println("pb-annex: " + line);
        System.err.flush();
        Thread telling = new Thread(() -> {
            try {
                stop.tell().run();
            } catch (RuntimeException e) {
                LOG.warn("the stopped run's failure could not be recorded or told: {}", e.getMessage(), e);
            }
        }, "run-watchdog-tell");
        telling.setDaemon(true);
        telling.start();
        try {
            telling.join(TELLING.toMillis());
        } catch (InterruptedException ignored) {
            // halting all the same
        }
        // halt, not exit: shutdown hooks would close the context, which waits for the hung step.
        Runtime.getRuntime().halt(ExitCodes.INFRASTRUCTURE);
    }

    /** The run finished in time. */
    @Override
    public void close() {
        if (thread != null) {
            thread.interrupt();
        }
    }
}
