package org.pbannex;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * pb-annex in a real child process (the test JVM's classpath, its own stdout and stderr files), so a test can kill it
 * with SIGKILL mid-run, start several at once, and read exactly what the process printed.
 */
public final class ChildRun {

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    /** Started on a terminal by script(1). */
    private final boolean terminal;

    private ChildRun(Process process, Path stdout, Path stderr, boolean terminal) {
        this.terminal = terminal;
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /**
     * @param logs     a folder for this process's stdout and stderr files
     * @param settings pb-annex settings, passed as system properties of the child
     */
    public static ChildRun start(Path logs, String name, Map<String, String> settings, String... args) throws IOException {
        return start(logs, name, settings, Map.of(), args);
    }

    /** @param env environment variables of the child, as a user's shell would set them (e.g. PB_DATABASE_URL) */
    public static ChildRun start(Path logs, String name, Map<String, String> settings, Map<String, String> env, String... args)
            throws IOException {
        return startOn(childJava(), logs, name, settings, env, args);
    }

    /** On another Java runtime than the test's ({@code java}: its bin/java), with the test's classpath. */
    public static ChildRun startOn(Path java, Path logs, String name, Map<String, String> settings, Map<String, String> env,
                                   String... args) throws IOException {
        return start(command(java, settings, args), logs, name, env, false);
    }

    /**
     * On a terminal of its own, as a person at a keyboard runs it through the launcher (script(1) gives it one): its
     * input, output and error output are the terminal, whose one stream is the .out file, and PB_TERMINAL=1 says so, as
     * the launcher says it; {@link #signal} goes to its Java process.
     */
    public static ChildRun startOnATerminal(Path logs, String name, Map<String, String> settings, String... args) throws IOException {
        StringBuilder line = new StringBuilder("exec");
        for (String a : command(childJava(), settings, args)) {
            line.append(" '").append(a.replace("'", "'\\''")).append("'");
        }
        return start(List.of("script", "-qec", line.toString(), "/dev/null"), logs, name, Map.of("PB_TERMINAL", "1"), true);
    }

    private static List<String> command(Path java, Map<String, String> settings, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.add("-Xmx512m");
        // As the launcher starts pb-annex (its JVM defaults): C1 only and the serial collector, half the CPU of a run.
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-XX:+UseSerialGC");
        Optional<List<String>> archived = archivedClassPath(java);
        if (archived.isPresent()) {
            cmd.addAll(archived.get());
        } else {
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
        }
        cmd.add("-Dpb.home=" + Golden.home());
        settings.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("org.pbannex.cli.PbAnnexApplication");
        cmd.addAll(List.of(args));
        return cmd;
    }

    /**
     * The Java runtime the children run on: the one the build's class cache was recorded for (test.child-archive:
     * scripts/child-class-archive.sh, before the tests), which is the launcher's choice for pb-annex, the newest JDK 25+
     * installed; the test's own where no cache was made.
     */
    static Path childJava() {
        return ClassCache.BUILD.map(ClassCache::java).filter(Files::isExecutable)
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java"));
    }

    /**
     * The options of the build's class cache (an ahead-of-time cache on JDK 25+, a class-data archive on 17) and the
     * class path it was recorded with (the build's classes as jars), for the runtime that recorded it: each child then
     * loads its classes from the cache, 0.4-0.7 s less CPU a start. Its messages are off, so a child's output is its
     * own; a cache that no longer matches its jars is left unused by the JVM.
     */
    private static Optional<List<String>> archivedClassPath(Path java) {
        return ClassCache.BUILD.filter(cache -> {
            try {
                return Files.isSameFile(cache.java(), java);
            } catch (IOException e) {
                return false;
            }
        }).map(ClassCache::options);
    }

    /** The class cache in test.child-archive's folder, once its recording finished: the runtime and the JVM options. */
    private record ClassCache(Path java, List<String> options) {

        static final Optional<ClassCache> BUILD = read(System.getProperty("test.child-archive"));

        private static Optional<ClassCache> read(String folder) {
            if (folder == null || folder.isBlank()) {
                return Optional.empty();
            }
            Path dir = Path.of(folder);
            try {
                Path java = Path.of(Files.readString(dir.resolve("java-home")).strip(), "bin", "java");
                List<String> options = new ArrayList<>(Files.readAllLines(dir.resolve("cache-options")).stream()
                        .filter(line -> !line.isBlank()).toList());
                options.addAll(List.of("-cp", Files.readString(dir.resolve("classpath")).strip()));
                return Optional.of(new ClassCache(java, List.copyOf(options)));
            } catch (IOException notMade) {
                return Optional.empty();
            }
        }
    }

    private static ChildRun start(List<String> cmd, Path logs, String name, Map<String, String> env, boolean terminal)
            throws IOException {
        Files.createDirectories(logs);
        Path out = logs.resolve(name + ".out");
        Path err = logs.resolve(name + ".err");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        return new ChildRun(p, out, err, terminal);
    }

    /** Waits for the process to end (at most the timeout) and returns its exit status. */
    public int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("pb-annex did not end within " + timeout + "; stderr: " + err());
        }
        return process.exitValue();
    }

    /** The one line on stderr of the process, which must end with this status within the timeout. */
    public String oneLine(int expectedStatus, Duration timeout) throws InterruptedException {
        org.junit.jupiter.api.Assertions.assertEquals(expectedStatus, waitFor(timeout), err());
        List<String> lines = err().strip().lines().toList();
        org.junit.jupiter.api.Assertions.assertEquals(1, lines.size(), "one line, no stack trace: " + err());
        return lines.get(0);
    }

    /** SIGKILL: the process gets no chance to clean up, as when a machine loses power or the OOM killer strikes. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /**
     * Whether the test's process ignores the signal (Linux: the SigIgn mask of /proc/self/status), as its children then
     * do: started from a shell's background job (or nohup), they would never get it.
     */
    public static boolean ignoredHere(String signal) throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return false;
        }
        int number = switch (signal) {
            case "HUP" -> 1;
            case "INT" -> 2;
            case "TERM" -> 15;
            default -> throw new IllegalArgumentException(signal);
        };
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("SigIgn:")).findFirst()
                .map(l -> (Long.parseUnsignedLong(l.substring(7).strip(), 16) >>> (number - 1) & 1) == 1).orElse(false);
    }

    /** Sends a signal: INT, as Ctrl-C does; TERM, as kill and systemd do. */
    public void signal(String name) throws Exception {
        new ProcessBuilder("kill", "-" + name, String.valueOf(pid())).inheritIO().start().waitFor();
    }

    /** The Java process's id (on a terminal, script's child). */
    public long pid() {
        return !terminal ? process.pid() : process.toHandle().descendants()
                .filter(h -> h.info().command().orElse("").endsWith("/java")).findFirst().orElse(process.toHandle()).pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    public String out() {
        return read(stdout);
    }

    public String err() {
        return read(stderr);
    }

    private static String read(Path f) {
        try {
            return Files.exists(f) ? Files.readString(f, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(" + e.getMessage() + ")";
        }
    }

    /**
     * Sends the signal to a run held before a step, waits for its line ("interrupted (SIG...)": the stop has seen the
     * step the run was in), then lets the run's thread go on, as a run's thread goes on while its stop notes it: what it
     * then fails at as the process ends is no news to tell.
     */
    public void signalThenRelease(String name, Path bienniumDir, String runId, String step, Duration timeout) throws Exception {
        signal(name);
        awaitSignalLine(name, timeout);
        Files.deleteIfExists(bienniumDir.resolve(".paused-" + runId + "-" + step.replace(':', '_')));
    }

    /** Waits until the process has said the line of signal {@code name} ("interrupted (SIG...)"), still running. */
    public void awaitSignalLine(String name, Duration timeout) throws InterruptedException {
        Instant until = Instant.now().plus(timeout);
        while (!(out() + err()).contains("interrupted (SIG" + name + ")")) {
            if (!process.isAlive() || Instant.now().isAfter(until)) {
                throw new AssertionError("no line of its signal; stderr: " + err() + " stdout: " + out());
            }
            Thread.sleep(20);
        }
    }

    /** What a test does while a run is held before a step (stops its database server, say). */
    @FunctionalInterface
    public interface Meanwhile {
        void run() throws Exception;
    }

    /**
     * Once the run is held before {@code step} ({@code pb.run.pause-at}): does {@code meanwhile}, then lets the run go on
     * (removes its marker); returns the run's id.
     */
    public String whilePaused(Path bienniumDir, String step, Duration timeout, Meanwhile meanwhile) throws Exception {
        String runId = awaitPause(bienniumDir, step, timeout);
        meanwhile.run();
        Files.delete(bienniumDir.resolve(".paused-" + runId + "-" + step.replace(':', '_')));
        return runId;
    }

    /**
     * Waits until a run paused by {@code pb.run.pause-at} has written its marker into the biennium folder, and returns
     * the paused run's id.
     */
    public String awaitPause(Path bienniumDir, String step, Duration timeout) throws Exception {
        return pausedRun(bienniumDir, step, timeout, process::isAlive,
                () -> "pb-annex ended (status " + process.exitValue() + ") before pausing at " + step + "; stderr: " + err()
                        + " stdout: " + out(),
                () -> "pb-annex did not pause at " + step + " within " + timeout + "; stderr: " + err());
    }

    /**
     * The id of a run paused by {@code pb.run.pause-at} at {@code step}, once its marker is in the biennium folder
     * (whatever process runs it: a child of the test's, the warm process, one of several started at once); fails once
     * {@code running} says the run's process ended first, or after the timeout.
     */
    public static String pausedRun(Path bienniumDir, String step, Duration timeout, java.util.function.BooleanSupplier running,
                                   java.util.function.Supplier<String> ended, java.util.function.Supplier<String> late)
            throws Exception {
        Instant until = Instant.now().plus(timeout);
        String suffix = "-" + step.replace(':', '_');
        while (Instant.now().isBefore(until)) {
            if (!running.getAsBoolean()) {
                throw new AssertionError(ended.get());
            }
            if (Files.isDirectory(bienniumDir)) {
                try (Stream<Path> s = Files.list(bienniumDir)) {
                    Optional<String> marker = s.map(p -> p.getFileName().toString())
                            .filter(n -> n.startsWith(".paused-") && n.endsWith(suffix)).findFirst();
                    if (marker.isPresent()) {
                        String m = marker.get();
                        return m.substring(".paused-".length(), m.length() - suffix.length());
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError(late.get());
    }
}
