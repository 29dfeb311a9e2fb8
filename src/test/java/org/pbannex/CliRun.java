package org.pbannex;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.pbannex.cli.PbAnnexApplication;

/**
 * Runs the real command line in-process and captures its exit status, stdout and stderr. Settings (another database,
 * pb.* values) go in as overrides of that one call, never as system properties that would leak into other tests.
 */
public record CliRun(int status, String out, String err) {

    /** Runs with its own embedded H2 database file, so tests do not share state. */
    public static CliRun run(Path database, String... args) {
        return capture(database == null ? Map.of() : h2(database), args);
    }

    /**
     * A test's own embedded database, and its own status folder and layout memory beside it (the runs' last good run
     * and failures; the PDFs' tables of text as last laid out), so that no test's runs are recorded in the
     * installation's work/status/ or lay out from what its work/layout/ holds.
     */
    public static Map<String, String> h2(Path database) {
        return Map.of("spring.datasource.url", "jdbc:h2:file:" + database.toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0",
                "pb.status", database.toAbsolutePath() + "-status", "pb.layout-memory", database.toAbsolutePath() + "-layout");
    }

    /**
     * A PostgreSQL database of the embedded test server (user postgres, no password) at this JDBC URL, with the test's
     * own status folder and layout memory, {@code dir/status} and {@code dir/layout}; a map the test may add settings to.
     */
    public static Map<String, String> postgres(String url, Path dir) {
        Map<String, String> m = new java.util.HashMap<>();
        m.put("spring.datasource.url", url);
        m.put("spring.datasource.username", "postgres");
        m.put("spring.datasource.password", "");
        m.put("pb.status", dir.resolve("status").toString());
        m.put("pb.layout-memory", dir.resolve("layout").toString());
        return m;
    }

    /**
     * The marker of an in-process run paused by {@code pb.run.pause-at} at {@code step} (run: its capture, started
     * asynchronously), once it is in the biennium folder: delete it and the run goes on. Fails once the run ended first,
     * or after the timeout.
     */
    public static Path pausedAt(Path bienniumDir, String step, java.time.Duration timeout,
                                java.util.concurrent.CompletableFuture<CliRun> run) throws Exception {
        String runId = ChildRun.pausedRun(bienniumDir, step, timeout, () -> !run.isDone(),
                () -> "the run ended before it paused at " + step + ": " + run.join(),
                () -> "the run did not pause at " + step + " within " + timeout);
        return bienniumDir.resolve(".paused-" + runId + "-" + step.replace(':', '_'));
    }

    public static CliRun capture(Map<String, String> settings, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int status = PbAnnexApplication.execute(settings, args);
            return new CliRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /**
     * The one line a command that ended with {@code expectedStatus} wrote on stderr, the folder's path written as its
     * name (input/2024-25/...): the line a user sees, whatever the test's folder.
     */
    public String oneLine(int expectedStatus, Path folder) {
        org.junit.jupiter.api.Assertions.assertEquals(expectedStatus, status, toString());
        java.util.List<String> lines = err.lines().toList();
        org.junit.jupiter.api.Assertions.assertEquals(1, lines.size(), err);
        return lines.get(0).replace(folder.toString(), folder.getFileName().toString());
    }

    @Override
    public String toString() {
        return "status " + status + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }
}
