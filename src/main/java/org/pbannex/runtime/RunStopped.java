package org.pbannex.runtime;

import java.time.Duration;
import java.util.Locale;
import org.pbannex.ingest.Said;

/**
 * A run stopped from outside its steps: by a signal (SIGTERM, SIGINT, SIGHUP) or by its time limit ({@code pb.run.timeout}).
 * Its message is the line stderr says; what the line is made of lets the run's report and notice say it in their own
 * words ({@code report.cause.signal}, {@code signal_force}, {@code signal_before} for a run not yet begun, {@code timeout}, {@code timeout_new}).
 */
public final class RunStopped extends RuntimeException {

    private final String runId;
    private final Said said;

    private RunStopped(String line, String word, String runId, String what) {
        super(line, null, false, false);
        this.runId = runId;
        this.said = Said.cause(word, "run", String.valueOf(runId), "what", what);
    }

    /**
     * @param line   the signal's line, as {@link Interruption} said it
     * @param status 128 + the signal's number
     * @param runId  the run it stops (null: one not yet begun)
     * @param force  whether the run was forced (the same command then starts a new run instead of restarting it)
     */
    public static RunStopped bySignal(String line, int status, String runId, boolean force) {
        return new RunStopped(line, runId == null ? "signal_before" : force ? "signal_force" : "signal", runId,
                status == 130 ? "INT" : status == 143 ? "TERM" : status == 129 ? "HUP" : String.valueOf(status - 128));
    }

    /** What a signal stops of the run, for its line ({@link Interruption#stopping}). */
    public static String stopping(String runId, boolean force) {
        return "run " + runId + " stops here; " + (force ? "the same command starts a new run (--force)" : "the same command restarts it");
    }

    /**
     * The run did not finish within its limit.
     *
     * @param restarted whether the next run restarts it: its job had begun, or it restarts a run that had; false: stopped
     *                  in the start-up of a new run (no step, nothing kept), which the next run starts anew
     */
    public static RunStopped byTimeout(String runId, Duration limit, boolean restarted) {
        String within = limit.toString().substring(2).toLowerCase(Locale.ROOT);
        String next = restarted ? "stopped; the next run restarts it from the step it was in"
                : "stopped in its start-up, before its first step; the next run starts anew, as a new run";
        return new RunStopped("run " + runId + " did not finish within " + within + " (pb.run.timeout): " + next
                + " (the threads' stacks are in the log)", restarted ? "timeout" : "timeout_new", runId, within);
    }

    /** The sentence of the texts that says it (report.cause.WORD), its placeholders {run} and {what} (a signal, a time). */
    public Said said() {
        return said;
    }

    public String runId() {
        return runId;
    }
}
