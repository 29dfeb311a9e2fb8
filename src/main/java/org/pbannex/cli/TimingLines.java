package org.pbannex.cli;

import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
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

    /**
     * In a process of its own: the CPU it has used on all its threads, how long the JVM's compiler spent compiling and
     * how long its collector stopped the threads. Not parts of the total: on two cores a cold run uses more CPU than it
     * takes time, much of it the compiler's. Left out in the warm process, where they would count its whole life, and
     * from check, where reading them (the JVM's management beans, 5-9 ms cold) would be 1-2 % of the command.
     */
    static void jvmWork() {
        if (WarmServer.clientStartMillis().isPresent()) {
            return;
        }
        ProcessHandle.current().info().totalCpuDuration().ifPresent(cpu -> line("cpu-all-threads", cpu.toNanos() / 1e9));
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        if (compiler != null && compiler.isCompilationTimeMonitoringSupported()) {
            line("jit-compiling", compiler.getTotalCompilationTime() / 1000.0);
        }
        long collecting = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(ms -> ms > 0).sum();
        line("gc-pauses", collecting / 1000.0);
    }
}
