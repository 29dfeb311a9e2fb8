package org.pbannex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What every failed run must leave: one line on stderr, nothing on stdout, nothing published, a trace in failed/. */
public final class FailedRuns {

    private FailedRuns() {
    }

    /**
     * @return the one line on stderr
     */
    public static String assertFailed(CliRun r, Path out, int status) throws IOException {
        assertEquals(status, r.status(), r.toString());
        List<String> lines = r.err().strip().lines().toList();
        assertEquals(1, lines.size(), "one line on stderr: " + r.err());
        assertFalse(lines.get(0).contains("Exception"), "no stack trace or exception name: " + lines.get(0));
        assertEquals("", r.out().strip(), "nothing on stdout (cron mail): " + r.out());
        if (!Files.exists(out)) {
            return lines.get(0);
        }
        try (Stream<Path> biennia = Files.list(out)) {
            for (Path b : biennia.toList()) {
                try (Stream<Path> runs = Files.list(b)) {
                    List<String> published = runs.map(p -> p.getFileName().toString())
                            .filter(n -> !n.startsWith(".") && !n.equals("failed")).toList();
                    assertEquals(List.of(), published, "nothing published in " + b);
                }
                Path failed = b.resolve("failed");
                if (status != 2 && Files.isDirectory(failed)) {
                    try (Stream<Path> f = Files.list(failed)) {
                        for (Path run : f.toList()) {
                            String manifest = Files.readString(run.resolve("manifest.json")).replaceAll("\\s", "");
                            assertTrue(manifest.contains("\"status\":\"failed\""), manifest);
                            assertTrue(manifest.contains("\"exit_status\":" + status), manifest);
                            assertTrue(Files.isRegularFile(run.resolve("report.html")), "a failed run leaves its report");
                        }
                    }
                }
            }
        }
        return lines.get(0);
    }
}
