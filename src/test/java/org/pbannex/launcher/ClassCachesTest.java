package org.pbannex.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.CliRun;
import org.pbannex.TestInputs;

/**
 * A class cache of fast start-up that a training run failed to make leaves every command of its kind slower, and
 * nothing else says so: preflight does, with what prepares it (the launcher's next command once, after that rm -r).
 */
class ClassCachesTest {

    @TempDir
    Path tmp;

    private Path app(String... files) throws Exception {
        Path app = Files.createDirectories(tmp.resolve("program/target/app"));
        Files.writeString(app.resolve("pb-annex.jar"), "the extracted jar");
        for (String f : files) {
            Files.writeString(app.resolve(f), "x");
        }
        return app;
    }

    @Test
    void everyCacheThereIsNothingToSay() throws Exception {
        app("pb-annex-run.aot", "pb-annex-all.aot", "pb-annex-check.aot", "pb-annex-expenditure.aot", "pb-annex.jsa");
        assertTrue(ClassCaches.missing(tmp.resolve("program"), 25).isEmpty());
        assertTrue(ClassCaches.missing(tmp.resolve("program"), 17).isEmpty());
    }

    @Test
    void aCacheAFailedTrainingRunLeftMissingIsSaidWithItsLogAndWhatPreparesIt() throws Exception {
        Path app = app("pb-annex-run.aot", "pb-annex-check.aot", "pb-annex-expenditure.aot", "training.log");
        String first = ClassCaches.missing(tmp.resolve("program"), 25).orElseThrow();
        assertEquals("missing from " + app + ": pb-annex-all.aot (for a run of every table): those commands start slower; "
                + "a training run failed (" + app.resolve("training.log") + "); the launcher's next command prepares it again",
                first);
        assertTrue(ClassCaches.missing(tmp.resolve("program"), 17).orElseThrow().startsWith("missing from " + app
                + ": pb-annex.jsa (for every command)"), "JDK 17's archive");
        // The launcher tried again and failed: only a new preparation makes it.
        Files.writeString(app.resolve("training.again"), "2026-12-05T10:00:00Z");
        assertTrue(ClassCaches.missing(tmp.resolve("program"), 25).orElseThrow()
                .endsWith("; rm -r " + app + " and the launcher's next command prepares fast start-up anew (10-90 s)"));
    }

    @Test
    void preflightSaysAMissingCacheInANoteAndTheJobIsStillReady() throws Exception {
        Path app = app("training.log");
        Path home = Files.createDirectories(tmp.resolve("home/jobs")).getParent();
        Files.writeString(home.resolve("jobs/nightly.yml"), "tables: [a1]\nlanguages: [zh]\nformats: [csv]\n");
        Map<String, String> settings = new HashMap<>(CliRun.h2(tmp.resolve("db")));
        settings.put("pb.home", home.toString());
        settings.put("pb.input", TestInputs.copyOfBundledInput(tmp.resolve("input")).toString());
        settings.put("pb.output", tmp.resolve("out").toString());
        settings.put("pb.program", tmp.resolve("program").toString());
        CliRun r = CliRun.capture(settings, "preflight");
        assertEquals(0, r.status(), r.toString());
        String line = r.out().lines().filter(l -> l.matches("note\\s+fast start-up\\s+.*")).findFirst()
                .orElseThrow(() -> new AssertionError(r.out()));
        // (this JVM's caches: JDK 17's archive, or 25's four)
        assertTrue(line.contains("missing from " + app + ": pb-annex") && line.contains("a training run failed ("
                + app.resolve("training.log") + "); the launcher's next command prepares "), line);
        assertFalse(r.err().contains("pb.program"), "the launcher's own property, no unknown setting: " + r.err());

        // Run without the launcher (java -jar, the tests): no program folder, nothing said.
        settings.remove("pb.program");
        assertFalse(CliRun.capture(settings, "preflight").out().contains("fast start-up"));
    }
}
