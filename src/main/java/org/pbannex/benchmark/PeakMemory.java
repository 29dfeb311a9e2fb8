package org.pbannex.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Peak resident memory as the kernel counts it (VmHWM in /proc/PID/status, Linux; 0 elsewhere), in kB. */
public final class PeakMemory {

    private PeakMemory() {
    }

    /** This process's peak. */
    public static long rssKb() {
        return ofPid(ProcessHandle.current().pid());
    }

    /** The largest peak of a process and its descendants (the launcher's bash and the JVM it starts). */
    static long ofTree(ProcessHandle root) {
        long peak = ofPid(root.pid());
        for (ProcessHandle child : root.descendants().toList()) {
            peak = Math.max(peak, ofPid(child.pid()));
        }
        return peak;
    }

    /**
     * Whether a process still runs: false once it has exited, even before its parent reaps it (a warm process started
     * by a launcher that has exited is a zombie until init reaps it, and {@link ProcessHandle#isAlive} counts it).
     */
    static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // pid (command) state ...: the command may hold spaces and brackets, the state follows the last ')'.
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException | RuntimeException e) {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false); // gone, or not Linux
        }
    }

    /** A process's peak (0 when it is gone). */
    static long ofPid(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0; // gone already, or not Linux
        }
        return 0;
    }
}
