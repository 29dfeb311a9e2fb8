package org.pbannex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.BundledCounts;
import org.pbannex.CliRun;
import org.pbannex.Lines;

/** {@code run --timings} and {@code check --timings}: a line for each part, in the order it went, each with its seconds. */
class RunTimingsTest {

    @TempDir
    Path tmp;

    @Test
    void eachPartOfTheRunHasItsLineAndTheContextsClosingComesLast() {
        CliRun r = CliRun.run(tmp.resolve("db"), "run", "regenerate", "--tables", "a2", "--format", "csv",
                "--output", tmp.resolve("out").toString(), "--timings");
        assertEquals(0, r.status(), r.toString());
        List<String> lines = r.out().lines().toList();
        Map<String, Double> timings = timings(lines);
        List<String> parts = new ArrayList<>(timings.keySet());
        assertEquals(List.of("jvm-start-to-command", "command-to-ready", "step validate"), parts.subList(0, 3), r.out());
        assertTrue(parts.containsAll(List.of("step check", "step render", "step renderOutput:csv", "step publish")), r.out());
        // After the total, what the JVM did besides the run's own work: its CPU on all threads, the compiler's time,
        // the collector's pauses; then the closing.
        assertEquals(List.of("total", "peak-rss-mb", "cpu-all-threads", "jit-compiling", "gc-pauses", "context-close"),
                parts.subList(parts.size() - 6, parts.size()), r.out());
        timings.forEach((part, seconds) -> assertTrue(seconds >= 0, part + " " + seconds));
        assertTrue(timings.get("cpu-all-threads") > 0 && timings.get("jit-compiling") > 0, r.out());
        assertTrue(timings.get("total") >= timings.get("command-to-ready") + timings.get("step render"), r.out());
        // The closing is timed after the run's summary, which it follows on stdout.
        int summary = Lines.firstStartingWith(lines, "Run ");
        assertTrue(summary >= 0 && summary < Lines.firstStartingWith(lines, "timing context-close"), r.out());
        // One table: the summary says so in the singular (a2's CSV and the data package describing it: two files).
        assertEquals("1 table, 2 files, " + BundledCounts.checks() + " checks passed", lines.get(summary).replaceAll("^Run \\S+: |, [0-9.]+ s$", ""),
                lines.get(summary));
    }

    @Test
    void checkHasALineForStartUpEachPartAndTheTotal() {
        CliRun r = CliRun.run(tmp.resolve("db"), "check", "--timings");
        assertEquals(0, r.status(), r.toString());
        Map<String, Double> timings = timings(r.out().lines().toList());
        assertEquals(List.of("jvm-start-to-command", "settings-and-biennia", "read-input", "expenditure-lines", "tables-and-checks", "total", "peak-rss-mb"),
                List.copyOf(timings.keySet()), r.out());
        timings.forEach((part, seconds) -> assertTrue(seconds >= 0, part + " " + seconds));
        assertTrue(timings.get("total") >= timings.get("settings-and-biennia") + timings.get("read-input")
                + timings.get("expenditure-lines") + timings.get("tables-and-checks"), r.out());
        BundledCounts.assertLine(BundledCounts.checkLine(), r.out());
    }

    private static Map<String, Double> timings(List<String> lines) {
        Map<String, Double> timings = new LinkedHashMap<>();
        for (String line : lines.stream().filter(l -> l.startsWith("timing ")).toList()) {
            String rest = line.substring("timing ".length()).strip();
            int last = rest.lastIndexOf(' ');
            timings.put(rest.substring(0, last).strip(), Double.parseDouble(rest.substring(last + 1)));
        }
        return timings;
    }
}
