package org.pbannex.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.pbannex.Golden;

/**
 * The launcher, {@code ./pb-annex}, run as a user runs it, from the installation's folder, for the launcher's
 * integration tests (LauncherIT, WarmProcessLauncherIT), which register it as an extension: it makes a folder of the
 * class's own before its tests and removes it after them. The commands' settings name a scratch database, warm-process
 * folder and status folder in it, so that the installation's work/db and work/warm are not touched and the two
 * classes, in two test JVMs side by side, keep out of each other's way.
 */
final class LauncherRuns implements BeforeAllCallback, AfterAllCallback {

    /** What a launcher's command is given to end in; a warm process's run or a kill is waited for as long. */
    static final Duration LONG = Duration.ofMinutes(5);

    private Path tmp;
    private Map<String, String> env;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        tmp = Files.createTempDirectory("pb-annex-" + context.getRequiredTestClass().getSimpleName() + "-");
        env = Map.of("PB_DATABASE_URL", "jdbc:h2:file:" + tmp.resolve("db/pb-annex")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "PB_SERVE_DIR", tmp.resolve("warm").toString(), "PB_SERVE_WARMUP", "false",
                // Should a failed test leave its warm process behind, it ends soon by itself, not after an hour.
                "PB_SERVE_IDLE", "2m", "PB_STATUS", tmp.resolve("status").toString());
    }

    /** The folder removed, as far as it can be (a warm process a failed test left may still write to it). */
    @Override
    public void afterAll(ExtensionContext context) {
        try (Stream<Path> all = Files.walk(tmp)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A file gone while walked: what is left stays in the system's temporary folder.
        }
    }

    /** The class's own folder. */
    Path tmp() {
        return tmp;
    }

    /** The settings every command of the class is given (the scratch database, warm-process and status folders). */
    Map<String, String> env() {
        return env;
    }

    record Result(int status, String out, String err) {
    }

    Map<String, String> with(String name, String value) {
        Map<String, String> e = new HashMap<>(env);
        e.put(name, value);
        return e;
    }

    Result launcher(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        return launcherIn(Golden.home(), environment, args);
    }

    /** The launcher of the program in that folder. */
    Result launcherIn(Path program, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", program.resolve("pb-annex").toString()));
        cmd.addAll(List.of(args));
        return run(new ProcessBuilder(cmd), environment, args);
    }

    /** The launcher on a terminal, as a user at a keyboard runs it: script(1) gives it one; its two streams are one. */
    Result onATerminal(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        StringBuilder line = new StringBuilder("exec bash '" + Golden.home().resolve("pb-annex") + "'");
        for (String a : args) {
            line.append(" '").append(a.replace("'", "'\\''")).append("'");
        }
        ProcessBuilder pb = new ProcessBuilder("script", "-qec", line.toString(), "/dev/null")
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).redirectErrorStream(true);
        Result r = run(pb, environment, args);
        return new Result(r.status(), r.out().replace("\r\n", "\n"), r.err());
    }

    /** Runs it from the installation's folder, its output into files (a pipe nobody reads would stop it at 64 KB). */
    Result run(ProcessBuilder pb, Map<String, String> environment, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile(tmp, "launcher", ".out");
        Path err = Files.createTempFile(tmp, "launcher", ".err");
        pb.directory(Golden.home().toFile()).redirectOutput(out.toFile());
        if (!pb.redirectErrorStream()) {
            pb.redirectError(err.toFile());
        }
        pb.environment().putAll(environment);
        Process p = pb.start();
        if (!p.waitFor(LONG.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("./pb-annex " + String.join(" ", args) + " did not end; output: " + Files.readString(out)
                    + Files.readString(err));
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    /** The launcher's settings with a warm process of the test's own, for a test that needs script(1)'s terminal. */
    Map<String, String> terminalEnv(String serveDir) {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "script(1) gives the launcher a terminal (util-linux)");
        Map<String, String> e = new HashMap<>(env);
        e.put("PB_SERVE_DIR", tmp.resolve(serveDir).toString());
        return e;
    }

    /** A data folder: the bundled input and jobs, the installation's fonts. */
    static Path dataFolder(Path data) throws IOException {
        org.pbannex.TestInputs.copyOfBundledInput(data.resolve("input"));
        Files.createDirectories(data.resolve("jobs"));
        Files.copy(Golden.home().resolve("jobs/nightly.yml"), data.resolve("jobs/nightly.yml"));
        Files.createDirectories(data.resolve("work"));
        Files.createSymbolicLink(data.resolve("work/fonts"), Golden.home().resolve("work/fonts"));
        return data;
    }

    // The one run published under DIR/2022-23 (a partial run does not move 'latest').
    static Path runFolder(Path output) throws IOException {
        try (var runs = Files.list(output.resolve("2022-23"))) {
            List<Path> all = runs.filter(r -> !r.getFileName().toString().equals("latest")).toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }

    /** Whether a run's folder whose name starts with {@code prefix} (".work-", ".staging-") is in the biennium's folder. */
    static boolean folderIn(Path biennium, String prefix) throws IOException {
        if (!Files.isDirectory(biennium)) {
            return false;
        }
        try (var files = Files.list(biennium)) {
            return files.anyMatch(p -> p.getFileName().toString().startsWith(prefix));
        }
    }
}
