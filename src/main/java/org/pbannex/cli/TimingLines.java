package org.pbannex.cli;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.OptionalLong;
import org.pbannex.benchmark.PeakMemory;
import org.pbannex.warm.LauncherStart;
import org.pbannex.warm.WarmServer;

/**
 * The lines of {@code --timings} ({@code run} and {@code check}): {@code timing <what> <seconds>}, one each, so that a
 * person and the benchmark read the same lines.
 */
final class TimingLines {

    private TimingLines() {
    }

    static void line(String what, double seconds) {
        System.out.printf(Locale.ROOT, "timing %s %.3f%n", what, seconds);
    }

    /**
     * When the command was started: the launcher's start (in the warm process, whose JVM started long before, or in a
     * JVM the launcher started), else the JVM's; its line, from then to {@code commandStartedMillis}.
     */
    static long started(long commandStartedMillis) {
        OptionalLong client = WarmServer.clientStartMillis();
        OptionalLong launcher = LauncherStart.ofThisProcess();
        long start = client.orElse(launcher.orElse(ManagementFactory.getRuntimeMXBean().getStartTime()));
        String what = client.isPresent() ? "launcher-to-warm-command" : launcher.isPresent() ? "launcher-to-command" : "jvm-start-to-command";
        line(what, (commandStartedMillis - start) / 1000.0);
        return start;
    }

    /** From the start ({@link #started}) to now, and the process's peak memory. */
    static void total(long startMillis) {
        line("total", (System.currentTimeMillis() - startMillis) / 1000.0);
        System.out.printf(Locale.ROOT, "timing peak-rss-mb %d%n", PeakMemory.rssKb() / 1024);
    }
}
