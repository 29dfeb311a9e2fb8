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
