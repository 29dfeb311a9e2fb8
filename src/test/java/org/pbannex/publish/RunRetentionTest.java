package org.pbannex.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.CliRun;
import org.pbannex.Golden;

/**
 * An output folder keeps the newest runs of a biennium and never the wrong one: not the run just published, not the one
 * latest points to, not one sent to reviewers; nothing that is not a published run is touched; 0 keeps everything.
 * End to end, runs through the command line remove the oldest and history says so.
 */
class RunRetentionTest {

    @TempDir
    Path tmp;

    private static final List<String> RUNS = List.of("20261201T020000.000Z-aaaaaaaa-0001", "20261202T020000.000Z-aaaaaaaa-0002",
            "20261203T020000.000Z-aaaaaaaa-0003", "20261204T020000.000Z-aaaaaaaa-0004", "20261205T020000.000Z-aaaaaaaa-0005");

    /** Every run of the folder published by this database (none adopted from the folder). */
    private static final java.util.function.Function<Path, Set<String>> OURS = folder -> Set.copyOf(RUNS);

    private Path bienniumWithFiveRuns() throws Exception {
        return bienniumWithFiveRuns(tmp);
    }

    private static Path bienniumWithFiveRuns(Path under) throws Exception {
        Path b = Files.createDirectories(under.resolve("out/2022-23"));
        for (String run : RUNS) {
            Files.createDirectories(b.resolve(run + "/csv"));
            Files.writeString(b.resolve(run + "/" + ManifestWriter.FILE), "{}");
            Files.writeString(b.resolve(run + "/csv/a1.csv"), "x");
        }
        Files.createDirectories(b.resolve("failed/20261130T020000.000Z-bbbbbbbb-0000"));
        Files.createDirectories(b.resolve(".work-" + RUNS.get(4)));
        Files.createDirectories(b.resolve("notes-by-hand"));
        Files.createSymbolicLink(b.resolve(RunFolder.LATEST), Path.of(RUNS.get(1)));
        return b;
    }

    private static List<String> left(Path b) throws Exception {
        try (Stream<Path> s = Files.list(b)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void keepsTheNewestTheLatestAndTheDistributedAndTouchesNothingElse() throws Exception {
        Path b = bienniumWithFiveRuns();
        List<String> removed = new RunRetention(2, () -> Set.of(RUNS.get(0)), OURS).apply(b, RUNS.get(4));
        assertEquals(List.of(RUNS.get(2)), removed, "the third run: the first was sent to reviewers, latest points to the second");
        assertEquals(List.of(".work-" + RUNS.get(4), RUNS.get(0), RUNS.get(1), RUNS.get(3), RUNS.get(4), "failed", "latest",
                "notes-by-hand"), left(b));
        assertTrue(Files.isRegularFile(b.resolve("latest/csv/a1.csv")), "latest still resolves");
    }

    /**
     * Complete and partial runs (a table, edition or format left out) are counted apart: the newest of each are kept, but
     * no partial run older than the oldest complete run kept once complete runs are left out. Counted together, a few
     * one-annex regenerates pushed every complete run but latest out (tester 77a: PB_RETENTION_RUNS=2 and one partial run
     * removed three complete runs). The first, third and fourth runs are partial here; latest points to the second, the
     * fifth was just published.
     */
    @Test
    void completeAndPartialRunsAreCountedApart() throws Exception {
        Map<Integer, List<String>> removedKeeping = Map.of(1, List.of(RUNS.get(0), RUNS.get(2), RUNS.get(3)),
                2, List.of(RUNS.get(0)), 3, List.of());
        for (var expected : removedKeeping.entrySet()) {
            Path b = bienniumWithFiveRuns(Files.createDirectories(tmp.resolve("keep-" + expected.getKey())));
            for (int partial : new int[] {0, 2, 3}) {
                Files.writeString(b.resolve(RUNS.get(partial) + "/" + ManifestWriter.FILE), "{\"exit_status\": 0, \"partial\": true}");
            }
            assertEquals(expected.getValue(), new RunRetention(expected.getKey(), Set::of, OURS).apply(b, RUNS.get(4)),
                    "keeping " + expected.getKey() + " complete runs");
        }
    }

    /**
     * A run this database did not publish (found in the folder after a move to a new database, adopted or not; another
     * installation's): who received it is recorded in the database it ran with, so it is kept as a sent run is. It was
     * removed as a run never sent.
     */
    @Test
    void aRunThisDatabaseDidNotPublishIsKeptAsIfSent() throws Exception {
        Path b = bienniumWithFiveRuns();
        List<Path> asked = new java.util.ArrayList<>();
        // The first three ran with the old database; this one published the last two.
        RunRetention retention = new RunRetention(1, Set::of, folder -> {
            asked.add(folder);
            return Set.of(RUNS.get(3), RUNS.get(4));
        });
        assertEquals(List.of(RUNS.get(3)), retention.apply(b, RUNS.get(4)), "the fourth alone: published here and never sent");
        assertEquals(List.of(RUNS.get(0), RUNS.get(1), RUNS.get(2), RUNS.get(4)), RunRetention.publishedRuns(b));
        assertEquals(List.of(b), asked, "asked for the biennium's folder");
    }

    @Test
    void theRunJustPublishedIsKeptEvenWhenItIsNotTheNewestName() throws Exception {
        Path b = bienniumWithFiveRuns();
        // A restarted run publishes under its first attempt's id, which sorts before later runs.
        List<String> removed = new RunRetention(1, Set::of, OURS).apply(b, RUNS.get(0));
        assertEquals(List.of(RUNS.get(2), RUNS.get(3)), removed);
        assertEquals(List.of(RUNS.get(0), RUNS.get(1), RUNS.get(4)), RunRetention.publishedRuns(b));
    }

    @Test
    void zeroKeepsEveryRunAndAsksNothing() throws Exception {
        Path b = bienniumWithFiveRuns();
        List<String> removed = new RunRetention(0, () -> {
            throw new AssertionError("not asked");
        }, folder -> {
            throw new AssertionError("not asked");
        }).apply(b, RUNS.get(4));
        assertTrue(removed.isEmpty());
        assertEquals(RUNS, RunRetention.publishedRuns(b));
    }

    @Test
    void byAgeRemovesTheRunsStartedBeforeTheLimitAndKeepsTheProtectedOnes() throws Exception {
        Path b = bienniumWithFiveRuns();
        // Now is 2026-12-05 12:00 UTC; 3 days back is 2026-12-02 12:00: the runs of 1 and 2 December are older.
        var now = java.time.Clock.fixed(java.time.Instant.parse("2026-12-05T12:00:00Z"), java.time.ZoneOffset.UTC);
        Files.delete(b.resolve(RunFolder.LATEST));
        Files.createSymbolicLink(b.resolve(RunFolder.LATEST), Path.of(RUNS.get(4)));
        RunRetention byAge = new RunRetention(0, java.time.Duration.ofDays(3), now, Set::of, OURS);
        assertEquals(List.of(RUNS.get(0), RUNS.get(1)), byAge.apply(b, RUNS.get(4)));
        assertEquals(RUNS.subList(2, 5), RunRetention.publishedRuns(b));
        assertEquals("the published runs of the last 3 days (pb.retention.age)", byAge.rule());
        // Both limits: a run is removed when either leaves it out; one sent to reviewers stays, however old.
        Path c = Files.createDirectories(tmp.resolve("again"));
        Path b2 = bienniumWithFiveRuns(c);
        // The newest 4 would keep the third; 2 days leave it out (and the first two, one sent, one latest's).
        RunRetention both = new RunRetention(4, java.time.Duration.ofDays(2), now, () -> Set.of(RUNS.get(0)), OURS);
        assertEquals(List.of(RUNS.get(2)), both.apply(b2, RUNS.get(4)), "the first was sent, latest points to the second");
        assertEquals("the newest 4 complete runs of a biennium and the newest 4 partial runs since the oldest of them (pb.retention.runs) "
                + "and the published runs of the last 2 days "
                + "(pb.retention.age)", both.rule());
        assertEquals("pb.retention.runs, pb.retention.age", both.settings());
    }

    @Test
    void aFolderWhoseNameIsNoRunTimeIsNotAged() {
        assertTrue(RunRetention.startedBefore("20261201T020000.000Z-aaaaaaaa-0001", java.time.Instant.parse("2026-12-02T00:00:00Z")));
        assertFalse(RunRetention.startedBefore("20261201T020000.000Z-aaaaaaaa-0001", java.time.Instant.parse("2026-12-01T00:00:00Z")));
        assertFalse(RunRetention.startedBefore("my-copy", java.time.Instant.parse("2100-01-01T00:00:00Z")));
        assertEquals("90 days", RunRetention.words(java.time.Duration.ofDays(90)));
        assertEquals("36 hours", RunRetention.words(java.time.Duration.ofHours(36)));
        assertEquals("day", RunRetention.words(java.time.Duration.ofDays(1)));
        assertEquals("90 seconds", RunRetention.words(java.time.Duration.ofSeconds(90)));
        assertEquals("1500 ms", RunRetention.words(java.time.Duration.ofMillis(1500)));
    }

    @Test
    void runsThroughTheCommandLineRemoveTheOldestAndHistorySaysSo() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Files.createDirectories(home.resolve("jobs"));
        Files.writeString(home.resolve("jobs/quick.yml"), "tables: all\nlanguages: [zh]\nformats: [csv]\n");
        Map<String, String> settings = new HashMap<>(CliRun.h2(tmp.resolve("db")));
        settings.put("pb.home", home.toString());
        settings.put("pb.input", Golden.input().toString());
        settings.put("pb.retention.runs", "2");
        Path out = tmp.resolve("published");
        for (int i = 0; i < 3; i++) {
            CliRun r = CliRun.capture(settings, "run", "quick", "--force", "--output", out.toString());
            assertEquals(0, r.status(), r.toString());
            assertEquals(i == 2, r.out().contains("Removed 1 older run (pb.retention.runs; ./pb-annex history lists them)"), r.out());
        }
        List<String> runs = RunRetention.publishedRuns(out.resolve("2022-23"));
        assertEquals(2, runs.size(), runs.toString());
        CliRun history = CliRun.capture(settings, "history");
        String first = history.out().lines().filter(l -> l.contains(" (removed)")).findFirst().orElseThrow(() -> new AssertionError(history.out()));
        String firstId = first.split("\\s+")[0];
        assertFalse(runs.contains(firstId), first);
        CliRun shown = CliRun.capture(settings, "history", firstId);
        assertTrue(shown.out().contains("(removed)") && shown.out().contains("keeps the newest 2 complete runs of a biennium"),
                shown.out());
        // By age: every published run started more than a millisecond before is removed, but the one just published.
        settings.remove("pb.retention.runs");
        settings.put("pb.retention.age", "1ms");
        CliRun byAge = CliRun.capture(settings, "run", "quick", "--force", "--output", out.toString());
        assertEquals(0, byAge.status(), byAge.toString());
        assertTrue(byAge.out().contains("Removed 2 older runs (pb.retention.age; ./pb-annex history lists them)"), byAge.out());
        assertEquals(1, RunRetention.publishedRuns(out.resolve("2022-23")).size());
    }
}
