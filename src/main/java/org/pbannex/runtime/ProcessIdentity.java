package org.pbannex.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Who runs a run: the host, the process id and when that process started (so a reused process id is not taken for
 * the old process). A record of it goes with every run and every lock, so that a later process can tell whether the
 * owner is still alive.
 */
public record ProcessIdentity(String host, long pid, Instant processStarted) {

    private static final ProcessIdentity CURRENT = new ProcessIdentity(hostName(), ProcessHandle.current().pid(),
            startOf(ProcessHandle.current()));

    public static ProcessIdentity current() {
        return CURRENT;
    }

    /**
     * True when the process is certainly gone: it ran on this host and no process with its id (started when it
     * started) exists. A process on another host is never "certainly gone": its heartbeat decides.
     */
    public boolean certainlyDead() {
        if (!host.equals(CURRENT.host)) {
            return false;
        }
        Optional<ProcessHandle> p = ProcessHandle.of(pid);
        if (p.isEmpty() || !p.get().isAlive() || exitedUnreaped(pid)) {
            return true;
        }
        Instant started = startOf(p.get());
        return processStarted != null && started != null && !started.equals(processStarted);
    }

    /**
     * True when the process certainly still runs: it is on this host, a process with its id is alive, and it started
     * when it did (a reused process id is another process). Such a process is never taken for dead, however long it has
     * been silent: a run that hangs is ended by its own watchdog ({@code pb.run.timeout}). Without a recorded start time
     * it cannot be told apart from a process that reused its id: false, and its heartbeat decides.
     */
    public boolean certainlyAlive() {
        if (!host.equals(CURRENT.host) || processStarted == null) {
            return false;
        }
        Optional<ProcessHandle> p = ProcessHandle.of(pid);
        return p.isPresent() && p.get().isAlive() && !exitedUnreaped(pid) && processStarted.equals(startOf(p.get()));
    }

    /**
     * A killed process stays a zombie until its parent reaps it, and Java counts a zombie as alive; where no init
     * process reaps at once (a container), a run killed a moment ago would block the next for the whole lease. Linux
     * says so in /proc/PID/stat: state Z (zombie) or X (dead), the field after the command name's closing bracket.
     */
    static boolean exitedUnreaped(long pid) {
        char state = state(pid);
        return state == 'Z' || state == 'X';
    }

    /**
     * True when the process runs on this host and is stopped: SIGSTOP, Ctrl-Z's SIGTSTP, or a debugger holding it (state
     * T or t in /proc/PID/stat). It renews nothing until it is continued, and nothing says it ever will be.
     */
    public boolean stopped() {
        if (!host.equals(CURRENT.host)) {
            return false;
        }
        char state = state(pid);
        return state == 'T' || state == 't';
    }

    /** Linux's state of the process, the field after the command name's closing bracket; '?' when it cannot be read. */
    private static char state(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int end = stat.lastIndexOf(')');
            return end >= 0 && end + 2 < stat.length() ? stat.charAt(end + 2) : '?';
        } catch (IOException | RuntimeException e) {
            return '?'; // no /proc (not Linux) or the process just went: the other checks decide
        }
    }

    private static Instant startOf(ProcessHandle p) {
        // Seconds are what every platform reports the same way twice.
        return p.info().startInstant().map(i -> i.truncatedTo(ChronoUnit.SECONDS)).orElse(null);
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.trim();
        }
        try {
            Path etc = Path.of("/etc/hostname");
            if (Files.isReadable(etc)) {
                String name = Files.readString(etc).trim();
                if (!name.isEmpty()) {
                    return name;
                }
            }
        } catch (IOException e) {
            // fall through
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    @Override
    public String toString() {
        return "pid " + pid + " on " + host;
    }

    /** The same in a report's words (report.cause.lock.process). */
    public org.pbannex.ingest.Said said() {
        return org.pbannex.ingest.Said.cause("lock.process", "pid", String.valueOf(pid), "host", host);
    }
}
