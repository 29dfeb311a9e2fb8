package org.pbannex.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One command run to its end in its own process, as the benchmarks time everything: the wall time from start to exit,
 * what it printed (stdout and stderr together, shown when it fails: a peer's chatter on stderr, such as LibreOffice's,
 * stays out of the report), and the peak resident memory of it and its children.
 *
 * @param wall       seconds from start to exit
 * @param out        what it printed; empty when discarded
 * @param peakRssKb  the largest VmHWM of the process tree, sampled every 50 ms (a high-water mark, so sampling loses at
 *                   most the last moments; sampling more often would take CPU from the process measured)
 */
record MeasuredProcess(double wall, String out, long peakRssKb) {

    /** Runs the command with {@code env} added to ours; fails naming the command when it exits other than 0. */
    static MeasuredProcess run(List<String> command, Map<String, String> env, boolean keepOutput)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        if (!keepOutput) {
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        long start = System.nanoTime();
        Process p = pb.start();
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (InputStream in = p.getInputStream()) {
                output.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                output.append(e);
            }
        }, "benchmark-output");
        reader.setDaemon(true);
        reader.start();
        long peak = PeakMemory.ofTree(p.toHandle());
        // Woken at the exit, not at the next 50 ms tick: the wall time ends when the process does.
        while (!p.waitFor(50, TimeUnit.MILLISECONDS)) {
            peak = Math.max(peak, PeakMemory.ofTree(p.toHandle()));
        }
        double wall = (System.nanoTime() - start) / 1e9;
        reader.join();
        if (p.exitValue() != 0) {
            // Its own line(s), without the timing lines a timed run prints to stdout even when it fails.
            String said = output.toString().lines().filter(l -> !l.startsWith("timing ")).collect(java.util.stream.Collectors.joining("\n"));
            throw new IllegalStateException(String.join(" ", command) + " exited with " + p.exitValue() + ": " + said.strip());
        }
        return new MeasuredProcess(wall, output.toString(), peak);
    }
}
