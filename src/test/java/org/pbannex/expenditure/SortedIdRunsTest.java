package org.pbannex.expenditure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.ingest.InputError;

/**
 * Sparse numbered ids (random 15-digit ids) kept as sorted runs of numbers: the duplicates they find, the rejects and
 * the totals are exactly those of the way on disk ({@link DiskDuplicates}), which reads the files again. The file has
 * dense ids first (bit sets) and random ones after (runs), with repeats within a partition, across partitions, across
 * the two kinds, and three times; "D01"-style ids that differ only in their digit count are not repeats.
 */
class SortedIdRunsTest {

    @TempDir
    static Path dir;
    static Path file;
    /** The same repeats, every id random: every partition in runs, merged in two ranges at once. */
    static Path randomFile;
    static final String LINE = ",2022-03,XB,ESTIMATE,AF,KEN,AFRICA,1,STAFF,";
    /** The file lines (header = line 1) that repeat an earlier id. */
    static final List<Long> REPEATS = List.of(1203L, 2402L, 4001L, 4501L, 5002L, 6003L);

    @BeforeAll
    static void write() throws IOException {
        file = write(dir.resolve("in/lines.csv"), 2000);
        randomFile = write(dir.resolve("random/lines.csv"), 0);
    }

    private static Path write(Path file, int dense) throws IOException {
        Files.createDirectories(file.getParent());
        Random random = new Random(7);
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= dense; i++) {
            ids.add(String.format("D%015d", i)); // dense: the first partition keeps them in bit sets
        }
        while (ids.size() < 6500) {
            ids.add(String.format("D%015d", 1_000_000 + (random.nextLong() & Long.MAX_VALUE) % 999_000_000_000_000L));
        }
        // Later copies of earlier ids (file line n is ids index n - 2).
        ids.set(1203 - 2, ids.get(1201 - 2)); // two lines apart, the dense part
        ids.set(2402 - 2, ids.get(10 - 2)); // a random line repeating a dense id
        ids.set(4001 - 2, ids.get(3000 - 2)); // random, far apart
        ids.set(4501 - 2, ids.get(3000 - 2)); // the same id a third time
        ids.set(5002 - 2, ids.get(5001 - 2)); // next to each other
        ids.set(6003 - 2, ids.get(2000 - 2));
        // Same number, other digit count: a different id.
        ids.set(6099 - 2, "D000000000012345");
        ids.set(6100 - 2, "D12345");
        StringBuilder text = new StringBuilder(LineFormat.HEADER).append('\n');
        for (int i = 0; i < ids.size(); i++) {
            text.append(ids.get(i)).append(LINE).append(i + 1).append(".00\n");
        }
        Files.writeString(file, text.toString(), StandardCharsets.US_ASCII);
        return file;
    }

    private static ExpenditureIngest ingest(Path rejects, boolean runs) {
        // Four partitions (two a thread) and 64 KB of id memory: runs of 4 096 ids, several per partition.
        return new ExpenditureIngest(ExpenditureFixtures.dimensions(), 2, rejects).withMinPartition(32 * 1024).withIdMemory(64 * 1024)
                .withSortedIdRuns(runs);
    }

    /**
     * The merge's tournament, for every count of cursors from none to 33 (powers of two and the rest): it finds each
     * number held more than once, in one cursor or across several, and the sources of those that hold one; and it
     * gives up past the limit.
     */
    @Test
    void theMergeFindsEveryRepeatForAnyCountOfCursors() throws IOException {
        Random random = new Random(11);
        for (int k = 0; k <= 33; k++) {
            List<long[]> runs = new ArrayList<>();
            Map<Long, Integer> counts = new HashMap<>();
            Map<Long, Set<Integer>> holders = new HashMap<>();
            int[] source = new int[k];
            for (int c = 0; c < k; c++) {
                source[c] = c / 2; // two cursors a partition, as the runs of one partition's file
                long[] run = new long[random.nextInt(300)];
                for (int i = 0; i < run.length; i++) {
                    run[i] = SortedIdRuns.encode(15, random.nextInt(5000));
                }
                Arrays.sort(run);
                runs.add(run);
                for (long v : run) {
                    counts.merge(v, 1, Integer::sum);
                    holders.computeIfAbsent(v, x -> new HashSet<>()).add(source[c]);
                }
            }
            Set<Long> expected = new HashSet<>();
            BitSet expectedSources = new BitSet();
            counts.forEach((v, n) -> {
                if (n > 1) {
                    expected.add(v);
                    holders.get(v).forEach(expectedSources::set);
                }
            });
            SortedIdRuns.Repeats r = SortedIdRuns.repeated(cursors(runs), source, Integer.MAX_VALUE);
            assertEquals(expected, r.numbers(), k + " cursors");
            assertEquals(expectedSources, r.sources(), k + " cursors");
            if (expected.size() > 1) {
                assertEquals(null, SortedIdRuns.repeated(cursors(runs), source, expected.size() - 1), "over the limit");
            }
        }
    }

    private static List<SortedIdRuns.Cursor> cursors(List<long[]> runs) {
        List<SortedIdRuns.Cursor> out = new ArrayList<>();
        for (long[] run : runs) {
            out.add(new SortedIdRuns.Cursor() {
                int at = -1;

                @Override
                public boolean next() {
                    return ++at < run.length;
                }

                @Override
                public long value() {
                    return run[at];
                }
            });
        }
        return out;
    }

    @Test
    void runsFindExactlyWhatTheWayOnDiskFinds() throws IOException {
        for (Path f : List.of(file, randomFile)) {
            Path inRuns = f.resolveSibling("rejects-runs.csv");
            Path onDisk = f.resolveSibling("rejects-disk.csv");
            ExpenditureIngest.Result runs = ingest(inRuns, true).run(List.of(f), "");
            ExpenditureIngest.Result disk = ingest(onDisk, false).run(List.of(f), "");
            assertTrue(runs.totals().sameAs(disk.totals()));
            assertEquals(Files.readAllLines(onDisk), Files.readAllLines(inRuns));
            List<Long> rejected = Files.readAllLines(inRuns).stream().skip(1).map(l -> Long.parseLong(l.split(",")[1])).toList();
            assertEquals(REPEATS, rejected, "every later copy, and only those");
            List<String> firsts = Files.readAllLines(inRuns).stream().skip(1).map(l -> l.replaceAll(".*\\(first on (line \\d+)\\).*", "$1"))
                    .toList();
            assertEquals(List.of("line 1201", "line 10", "line 3000", "line 3000", "line 5001", "line 2000"), firsts,
                    "each copy names its id's first line (the third copy too)");
            long expected = 0;
            for (long i = 1; i <= 6500; i++) {
                expected += REPEATS.contains(i + 1) ? 0 : i * 100;
            }
            assertEquals(expected, runs.totals().totalCents(), "the copies are out of the totals, to the cent");
            InputError strict = assertThrows(InputError.class, () -> ingest(null, true).run(List.of(f), ""));
            assertEquals(1203, strict.line());
            assertTrue(strict.reason().endsWith("(first on line 1201)"), strict.reason());
            assertEquals("line_id", strict.column());
        }
        assertTrue(Files.readAllLines(file.resolveSibling("rejects-runs.csv")).get(1)
                .contains("line_id,duplicate line_id 'D000000000001200'"));
    }

    @Test
    void twoRangesOfTheRunsFindTheRepeatsOfOne() throws IOException {
        // The random file's ids are all in runs: cut into two ranges at the split point, each merged alone, their
        // repeats together are those of one merge over everything.
        Path results = dir.resolve("ranges/partitions");
        ExpenditureIngest steps = ingest(null, true);
        List<ExpenditurePartition> partitions = steps.plan(List.of(randomFile), ExpenditureIngest.publishedUnder(""));
        List<SortedIdRuns.Runs> runs = new ArrayList<>();
        for (ExpenditurePartition p : partitions) {
            PartitionResult r = new PartitionParser(ExpenditureFixtures.dimensions(), true, 1, 1000, new LineReader.Buffers()).parse(p,
                    ExpenditureIngest.resultFile(results, p).resolveSibling("p" + p.index() + ".ids"), new java.util.concurrent.atomic.AtomicLong(),
                    new java.util.concurrent.atomic.AtomicLong());
            assertTrue(r.ids.runs() != null, "partition " + p.index() + " in runs");
            runs.add(r.ids.runs());
        }
        long[] points = SortedIdRuns.splitPoints(runs, 2);
        List<SortedIdRuns.Repeats> halves = new ArrayList<>();
        for (long[] range : new long[][] {{0, points[0]}, {points[0], Long.MAX_VALUE}}) {
            List<SortedIdRuns.Cursor> cursors = new ArrayList<>();
            List<Integer> sources = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                for (SortedIdRuns.Cursor c : SortedIdRuns.cursors(runs.get(i), 512, range[0], range[1])) {
                    cursors.add(c);
                    sources.add(i);
                }
            }
            halves.add(SortedIdRuns.repeated(cursors, sources.stream().mapToInt(Integer::intValue).toArray(), 100));
        }
        assertTrue(!halves.get(0).numbers().isEmpty() && !halves.get(1).numbers().isEmpty(), "repeats on both sides: " + halves);
        List<SortedIdRuns.Cursor> all = new ArrayList<>();
        List<Integer> sources = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            for (SortedIdRuns.Cursor c : SortedIdRuns.cursors(runs.get(i), 512)) {
                all.add(c);
                sources.add(i);
            }
        }
        SortedIdRuns.Repeats whole = SortedIdRuns.repeated(all, sources.stream().mapToInt(Integer::intValue).toArray(), 100);
        assertEquals(5, whole.numbers().size(), "five ids repeat (one of them twice)");
        assertEquals(whole, SortedIdRuns.Repeats.union(halves));
    }

    @Test
    void aBadLinesIdCountsForNothing() throws IOException {
        // Random ids. Lines 501 and 601 have an unknown region; 601 has the id of line 101, and line 901 the id of line
        // 501. Both bad lines are rejected for their region, not as copies, and line 901 is no copy (a bad line's id
        // does not count); line 1301 repeats line 1201 and is the one duplicate. The same rejects as on disk.
        Random random = new Random(11);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            ids.add(String.format("D%015d", random.nextLong(1_000_000_000_000_000L)));
        }
        ids.set(601 - 2, ids.get(101 - 2));
        ids.set(901 - 2, ids.get(501 - 2));
        ids.set(1301 - 2, ids.get(1201 - 2));
        StringBuilder text = new StringBuilder(LineFormat.HEADER).append('\n');
        for (int i = 0; i < ids.size(); i++) {
            String line = ids.get(i) + LINE + (i + 1) + ".00";
            text.append(i == 501 - 2 || i == 601 - 2 ? line.replace(",AF,", ",XX,") : line).append('\n');
        }
        Path f = dir.resolve("bad/lines.csv");
        Files.createDirectories(f.getParent());
        Files.writeString(f, text.toString(), StandardCharsets.US_ASCII);
        Path inRuns = dir.resolve("bad/rejects-runs.csv");
        Path onDisk = dir.resolve("bad/rejects-disk.csv");
        ingest(inRuns, true).run(List.of(f), "");
        ingest(onDisk, false).run(List.of(f), "");
        List<String> rejected = Files.readAllLines(inRuns);
        assertEquals(Files.readAllLines(onDisk), rejected);
        assertEquals(4, rejected.size(), String.join("\n", rejected));
        assertTrue(rejected.get(1).startsWith("lines.csv,501,region,unknown region 'XX'"), rejected.get(1));
        assertTrue(rejected.get(2).startsWith("lines.csv,601,region,unknown region 'XX'"), rejected.get(2));
        assertTrue(rejected.get(3).startsWith("lines.csv,1301,line_id,duplicate line_id"), rejected.get(3));
        assertTrue(rejected.get(3).contains("(first on line 1201),"), "a bad line's id is no one's first: " + rejected.get(3));
    }

    @Test
    void randomIdsGoToRunsAndDenseOnesStayInBits() throws IOException {
        Path runFile = dir.resolve("unit/ids.bin");
        LineIdSet dense = new LineIdSet(2, runFile, 100);
        LineIdSet sparse = new LineIdSet(2, runFile, 100);
        Random random = new Random(1);
        for (int i = 0; i < 1000; i++) {
            byte[] d = String.format("D%015d", i).getBytes(StandardCharsets.US_ASCII);
            byte[] s = String.format("D%015d", random.nextLong(1_000_000_000_000_000L / 1000)).getBytes(StandardCharsets.US_ASCII);
            assertTrue(dense.add(d, 0, d.length));
            sparse.add(s, 0, s.length);
        }
        assertFalse(dense.inRuns());
        assertTrue(sparse.inRuns());
        sparse.finish();
        assertEquals(10, sparse.runCount(), "runs of 100");
        assertEquals(8000, Files.size(runFile));
        // A second prefix cannot join the runs: the set gives up (and removes its file).
        Path mixedFile = dir.resolve("unit/mixed.bin");
        LineIdSet mixed = new LineIdSet(1, mixedFile, 100);
        for (int i = 0; i < 150; i++) {
            byte[] s = String.format("D%015d", random.nextLong(1_000_000_000_000_000L / 1000)).getBytes(StandardCharsets.US_ASCII);
            mixed.add(s, 0, s.length);
        }
        assertTrue(mixed.inRuns());
        assertTrue(Files.exists(mixedFile), "a full run is written");
        byte[] other = "E000000000000001".getBytes(StandardCharsets.US_ASCII);
        mixed.add(other, 0, other.length);
        assertTrue(mixed.overflowed());
        assertFalse(Files.exists(mixedFile));
    }

    @Test
    void theStepsMergeRunsFromTheirResultFilesAfterARestart() throws IOException {
        // The Batch job's way: each partition parsed into a result file (its runs beside it), one of them parsed again
        // as a restart would, then merged from the files: the same answer as the whole ingest in one process.
        Path results = dir.resolve("steps/partitions");
        Path rejects = dir.resolve("steps/rejects.csv");
        ExpenditureIngest steps = ingest(rejects, true);
        List<ExpenditurePartition> partitions = steps.plan(List.of(file), ExpenditureIngest.publishedUnder(""));
        assertEquals(4, partitions.size(), partitions.toString());
        for (ExpenditurePartition p : partitions) {
            steps.parse(p, ExpenditureIngest.resultFile(results, p));
        }
        steps.parse(partitions.get(2), ExpenditureIngest.resultFile(results, partitions.get(2)));
        try (Stream<Path> files = Files.list(results)) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().endsWith(".ids")), "some partitions keep their ids in runs");
        }
        ExpenditureIngest.Result merged = steps.merge(partitions, results);
        Path once = dir.resolve("steps/rejects-once.csv");
        ExpenditureIngest.Result whole = ingest(once, true).run(List.of(file), "");
        assertTrue(merged.totals().sameAs(whole.totals()));
        assertEquals(Files.readAllLines(once), Files.readAllLines(rejects));
        assertEquals(REPEATS.size(), merged.rejectedLines());
    }

    @Test
    void tooManyRepeatsToHoldAreFoundOnDiskInstead() throws IOException {
        // The file twice over: 6 500 repeated ids, more than 64 KB of id memory holds as keys (1 024): the ingest turns
        // to the way on disk and finds every one.
        Path twice = dir.resolve("twice/lines.csv");
        Files.createDirectories(twice.getParent());
        List<String> lines = Files.readAllLines(file);
        List<String> all = new ArrayList<>(lines);
        all.addAll(lines.subList(1, lines.size()));
        Files.write(twice, all);
        Path inRuns = dir.resolve("twice/rejects-runs.csv");
        Path onDisk = dir.resolve("twice/rejects-disk.csv");
        ExpenditureIngest.Result runs = ingest(inRuns, true).run(List.of(twice), "");
        ingest(onDisk, false).run(List.of(twice), "");
        assertEquals(Files.readAllLines(onDisk), Files.readAllLines(inRuns));
        assertEquals(6500 + REPEATS.size(), runs.rejectedLines());
    }
}
