package org.pbannex.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.pbannex.Golden;

/**
 * The bundled nightly job cut to the tidy CSV, for the tests of runs, locks, kills and restarts: what they watch (steps,
 * locks, the history, attempts, the render step and its partition) is the same with one output to render instead of
 * eight, and a PDF laid out in each of their dozens of fresh processes was most of their CPU. A cut job's run is
 * partial, so it is published in its own folder and moves no latest.
 */
final class CutNightly {

    private CutNightly() {
    }

    /** settings, in a home of its own in dir: jobs/nightly.yml cut, the bundled input, the fonts linked. */
    static Map<String, String> in(Path dir, Map<String, String> settings) throws IOException {
        return withJob(dir, settings, "tables: all\nlanguages: [zh]\nformats: [csv]\n");
    }

    /** The nightly job cut to the English workbook, sent to one reviewer of every table (Ana Silva), in a home of its own. */
    static Map<String, String> toOneReviewer(Path dir, Map<String, String> settings) throws IOException {
        return withJob(dir, settings, """
                tables: all
                languages: [en]
                formats: [xlsx]
                reviewers:
                  - name: Ana Silva
                    email: ana.silva@example.org
                    language: en
                """);
    }

    /** settings, in a home of its own in dir whose jobs/nightly.yml is nightlyYaml: the bundled input, the fonts linked. */
    static Map<String, String> withJob(Path dir, Map<String, String> settings, String nightlyYaml) throws IOException {
        Map<String, String> s = new HashMap<>(settings);
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.createDirectories(home.resolve("jobs"));
        Files.writeString(home.resolve("jobs/nightly.yml"), nightlyYaml);
        org.pbannex.TestInputs.linkFonts(Files.createDirectories(home.resolve("work/fonts")));
        s.put("pb.home", home.toString());
        s.put("pb.input", Golden.input().toString());
        return s;
    }

    /** The id of the one run published in out's 2022-23 folder, which has its manifest. */
    static String publishedRun(Path out) throws IOException {
        // (failed/ holds the reports of runs that failed, which a run stopped meanwhile may be writing)
        List<Path> runs = runFolders(out).stream().filter(f -> !f.getFileName().toString().equals("failed")).toList();
        assertEquals(1, runs.size(), runs.toString());
        assertTrue(Files.isRegularFile(runs.get(0).resolve("manifest.json")), runs.get(0).toString());
        return runs.get(0).getFileName().toString();
    }

    /** The run folders published in out's 2022-23 folder (not the staging, work and marker folders, dot-named). */
    static List<Path> runFolders(Path out) throws IOException {
        Path biennium = out.resolve("2022-23");
        if (!Files.isDirectory(biennium)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(biennium)) {
            return folders.filter(f -> !f.getFileName().toString().startsWith(".")).toList();
        }
    }
}
