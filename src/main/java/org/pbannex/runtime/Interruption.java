package org.pbannex.runtime;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Ctrl-C (SIGINT), SIGTERM and SIGHUP (the terminal closed) in a process of its own, and the same signals told by the
 * warm process's client: one line on stderr saying what stops (the run and what the
 * next command does with it), then the process ends as the signal would have ended it (status 128 + its number), its
 * shutdown closing the Spring context. Within seconds whatever it waits on: what has not ended by then is halted (a
 * second signal halts at once). What that closing makes fail in the command still running (a context or
 * connection pool closed under it) goes to the log only: it is no fault of the database.
 */
public final class Interruption {

    private static final Logger LOG = LoggerFactory.getLogger(Interruption.class);

    /** What a signal stops now (for the line), e.g. "run ... stops here; the same command restarts it"; null: nothing said. */
    private static volatile String stopping;

    private Interruption() {
    }

    /** The signals a command is stopped by: Ctrl-C, kill (systemd, a scheduler), a terminal that closed. */
    private static final java.util.List<String> SIGNALS = java.util.List.of("INT", "TERM", "HUP");

    /**
     * Takes SIGINT, SIGTERM and SIGHUP over from the JVM (not when -Xrs or another handler has them, nor one the process
     * was started ignoring: SIGHUP under nohup).
     */
    public static void handleSignals() {
        for (String name : SIGNALS) {
            try {
                Signal.handle(new Signal(name), Interruption::interrupted);
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                LOG.debug("SIG{} left to the JVM: {}", name, e.getMessage());
            }
        }
    }

    /** What a run that a signal stops notes of its failure before the process ends: its exit status and line. */
    @FunctionalInterface
    public interface Note {
        void failed(int exitStatus, String line);

        /**
         * The signal has come: what the run is doing now (the step it is in), taken before the line is said, since its
         * thread goes on while the failure is noted.
         */
        default void seen() {
        }
    }

    /** What the signal's stop notes (null: nothing), set with {@link #stopping}. */
    private static volatile Note note;

    /** What a signal would stop from now on (null: nothing to say beyond the signal). */
    public static void stopping(String what) {
        stopping(what, null);
    }

    /**
     * What a signal would stop from now on, and how that stop is noted (a run's failure in its job's status, so that
     * {@code status} shows it under any scheduler, not only the crontab line's after-run); null, null: nothing.
     */
    public static Stopping stopping(String what, Note failure) {
        Stopping before = new Stopping(stopping, note);
        stopping = what;
        note = failure;
        return before;
    }

    /** What a signal stopped, and how it was noted, before {@link #stopping} changed it: put back by {@link #restore}. */
    public record Stopping(String what, Note note) {
        public void restore() {
            stopping(what, note);
        }
    }

    /** Set by the first signal's stop, at once: a second signal halts the process. */
    private static final java.util.concurrent.atomic.AtomicBoolean STOP_BEGUN = new java.util.concurrent.atomic.AtomicBoolean();

    /** Set once a signal stops this process: what fails after it (the closing context's pool) is its effect, not news. */
    private static volatile boolean signalled;

    /**
     * Held while files are renamed into place (a run's outputs made public, an input adopted), and while a signal marks
     * the process stopped: one comes first.
     */
    private static final Object RENAMING = new Object();

    /** Files renamed into place: quick, and to be done whole. */
    @FunctionalInterface
    public interface Renames {
        void run() throws java.io.IOException;
    }

    /**
     * Makes a run's outputs public unless a signal is stopping the process: once its line has said "run ... stops
     * here", the run's thread, still going while the stop writes the run's failed report, must not publish the run
     * (nor then remove that report as an earlier attempt's). A signal that comes while it publishes waits for it, and
     * finds the run published.
     *
     * @throws java.io.IOException what the publication threw, or that a signal stops the process (its exit status is
     *                             then the stop's effect, {@link #causedByTheStop})
     */
    public static void publishUnlessStopped(Renames publication) throws java.io.IOException {
        synchronized (RENAMING) {
            if (publicationClosed) {
                throw new java.io.IOException("not published: the run is being stopped (a signal, or its time limit)");
            }
            publication.run();
        }
    }

    /**
     * Does what must be done whole or not at all (several files renamed into place), a signal waiting for it to end
     * before the process ends: the renames are quick, and a process ended between two of them leaves an input folder
     * half one version, half the other.
     */
    public static void whole(Renames renames) throws java.io.IOException {
        synchronized (RENAMING) {
            renames.run();
        }
    }

    /** Set once the run of this process is being stopped: by a signal, or by its time limit (RunWatchdog). */
    private static boolean publicationClosed;

    /**
     * The run of this process is being stopped (its time limit passed): it publishes nothing from now on, as for a
     * signal ({@link #publishUnlessStopped}); waits for a publication under way.
     */
    public static void closePublication() {
        synchronized (RENAMING) {
            publicationClosed = true;
        }
    }

    /** Whether a signal is stopping this process: failures from then on are the stop's own effect. */
    public static boolean signalled() {
        return signalled;
    }

    /**
     * Whether a failure with this exit status is the stop's own effect, not news: once a signal stops the process, its
     * note (status 128 + the signal's number) says why the run stopped, and what the closing context then makes fail
     * in the run's thread ("the pool has been closed", status 5, told as a run that "could not start") must be neither
     * noted nor told a second time.
     */
    public static boolean causedByTheStop(int exitStatus) {
        return signalled && exitStatus <= 128;
    }

    /** Whether the command now running was typed at a terminal, as the launcher says; set by each command. */
    private static volatile boolean typedAtTerminal;

    /**
     * The command now running was typed at a terminal, or not, as the launcher tells it (PB_TERMINAL: its input and
     * error output are one; in the warm process, its client's): set as each command starts, for the signal that may stop
     * it (one command at a time runs in a process).
     *
     * @return what it was before, to put back once the command has ended
     */
    public static boolean typedAtTerminal(boolean typed) {
        boolean before = typedAtTerminal;
        typedAtTerminal = typed;
        return before;
    }

    /** Whether the command now running was typed at a terminal ({@link #typedAtTerminal(boolean)}). */
    public static boolean typedAtTerminal() {
        return typedAtTerminal;
    }

    /**
     * Whether a stop with this exit status is Ctrl-C pressed by a person at the terminal the command was typed at
     * (SIGINT, {@link #typedAtTerminal}): no one is to be told of it but that person, on the console. SIGTERM, SIGHUP,
     * and SIGINT without a terminal (a scheduler, systemd, cron, a script, a java -jar), are not.
     */
    public static boolean pressedAtTerminal(int exitStatus) {
        return exitStatus == 128 + 2 && typedAtTerminal;
    }

    /** How long the stopped run's report and notice may take before the process halts all the same. */
    static final Duration NOTING = Duration.ofSeconds(10);
    /** How long the orderly shutdown (the shutdown hooks: Spring's context, the pool) may take after them. */
    static final Duration CLOSING = Duration.ofSeconds(5);

    /** When the process halts if it has not ended (nanoTime), for the signal's watchdog; moved on as the stop goes. */
    private static volatile long haltAt;

    private static void interrupted(Signal signal) {
        stop("SIG" + signal.getName(), 128 + signal.getNumber());
    }

    /**
     * The warm process's client went away in the middle of a command: the command stops as that signal stops it in a
     * process of its own, the same line noted (its run's failure in the history, with status 128 + the signal's number,
     * before the shutdown closes the pool), and the process ends with it.
     *
     * @param signal what ended the client, as its launcher said (INT: Ctrl-C; HUP: its terminal closed; TERM: kill);
     *               null, or another, when it went without saying (killed outright): its connection hung up, SIGHUP
     */
    public static void clientWentAway(String signal) {
        String name = signal != null && SIGNALS.contains(signal) ? signal : "HUP";
        stop("SIG" + name, 128 + new Signal(name).getNumber());
    }

    /** The stop of a signal: the line, the run's failure noted, then the orderly end (halted if it does not come). */
    private static void stop(String signalName, int status) {
        if (!STOP_BEGUN.compareAndSet(false, true)) {
            // A second signal: the person, or systemd, will not wait for the first one's orderly stop.
            Runtime.getRuntime().halt(status);
        }
        // Before the lock: a rename that hangs (a share gone away) must not keep the process from ending.
        haltAfter(status, NOTING.plus(CLOSING));
        synchronized (RENAMING) {
            signalled = true;
            publicationClosed = true;
        }
        String line = "interrupted (" + signalName + ")" + (stopping == null ? "" : "; " + stopping);
        Note failure = note;
        if (failure != null) {
            try {
                failure.seen();
            } catch (RuntimeException e) {
                LOG.warn("what the stopped run was doing could not be seen: {}", e.getMessage(), e);
            }
        }
        LOG.warn(line);
        System.err.println("pb-annex: " + line);
        System.err.flush();
        if (failure != null) {
            try {
                failure.failed(status, line);
            } catch (RuntimeException e) {
                LOG.warn("the stopped run's failure could not be noted: {}", e.getMessage(), e);
            }
        }
        // The command's own line about the failure the closing context causes would follow it: to the log only.
        System.setErr(new PrintStream(OutputStream.nullOutputStream()));
        haltAt = System.nanoTime() + CLOSING.toNanos();
        System.exit(status);
    }

    /**
     * Halts the process once {@link #haltAt} has passed: the orderly stop can block for good (Spring's shutdown hook
     * waits for a context still starting, whose main thread waits on a database that does not answer), and a process
     * that outlives its signal keeps a scheduler's lock (cron's flock) from every later run.
     */
    private static void haltAfter(int status, Duration grace) {
        long since = System.nanoTime();
        haltAt = since + grace.toNanos();
        Thread t = new Thread(() -> {
            while (System.nanoTime() < haltAt) {
                try {
                    Thread.sleep(50); // haltAt may move nearer
                } catch (InterruptedException e) {
                    // halting all the same
                }
            }
            LOG.error("the process had not ended {} ms after its signal (its start-up or shutdown waiting, on the database "
                    + "say): halted", (System.nanoTime() - since) / 1_000_000);
            Runtime.getRuntime().halt(status);
        }, "signal-halt");
        t.setDaemon(true);
        t.start();
    }
}
