package org.pbannex.expenditure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run by its own surefire execution with -Xmx64m: a generated file of 3 million lines (about 190 MB, three times
 * the heap) is totalled exactly in both modes. A reader that held the file, or a line object per line, could not.
 */
@Tag("bounded-memory")
class BoundedMemoryTest {

    @TempDir
    Path dir;

    @Test
    void threeMillionLinesInA64MbHeap() throws Exception {
        long heap = Runtime.getRuntime().maxMemory();
        assertTrue(heap <= 80L << 20, "this test runs with -Xmx64m (max heap " + (heap >> 20) + " MB)");
        Path file = dir.resolve("synthetic-3m.csv");
        ExpenditureGenerator.Sums sums = new ExpenditureGenerator(ExpenditureFixtures.dimensions(), ExpenditureFixtures.BIENNIUMS,
                List.of()).write(file, 3_000_000, 11);
        assertTrue(Files.size(file) > 2 * heap, "the file is well over the heap: " + Files.size(file));
        ExpenditureIngest.Result strict = new ExpenditureIngest(ExpenditureFixtures.dimensions(), 2, null).run(List.of(file), "");
        assertEquals(sums.cents(), strict.totals().totalCents());
        assertEquals(3_000_000, strict.totals().totalLines());
        ExpenditureIngest.Result rejects = new ExpenditureIngest(ExpenditureFixtures.dimensions(), 2, dir.resolve("rejects.csv"))
                .run(List.of(file), "");
        assertTrue(strict.totals().sameAs(rejects.totals()));
    }

    /**
     * 200 000 lines with sparse random 15-digit ids (a bit per possible id would be 10^15 bits): duplicates are still
     * found exactly in the 64 MB heap, both from sorted runs of the ids and the way on disk that reads the file again.
     * Three planted copies of earlier lines are the only lines rejected.
     */
    @Test
    void randomLineIdsInA64MbHeapStillFindEveryDuplicate() throws Exception {
        Path file = dir.resolve("synthetic-random-ids.csv");
        ExpenditureGenerator.Sums sums = new ExpenditureGenerator(ExpenditureFixtures.dimensions(), ExpenditureFixtures.BIENNIUMS,
                List.of()).withRandomIds(true).write(file, 200_000, 5);
        withoutMarkLine(file);
        // Copies of lines 10, 70 000 and 150 000 (same id, amount 1.00) at the end: each is the later of two.
        java.util.Map<Integer, String> lines = new java.util.HashMap<>();
        try (var all = Files.lines(file)) {
            int[] n = {0};
            all.forEach(l -> {
                if (n[0] == 10 || n[0] == 70_000 || n[0] == 150_000) {
                    lines.put(n[0], l);
                }
                n[0]++;
            });
        }
        StringBuilder extra = new StringBuilder();
        for (int n : new int[] {10, 70_000, 150_000}) {
            String[] f = lines.get(n).split(",");
            f[f.length - 1] = "1.00";
            extra.append(String.join(",", f)).append('\n');
        }
        Files.writeString(file, extra.toString(), java.nio.file.StandardOpenOption.APPEND);
        for (boolean runs : new boolean[] {true, false}) {
            Path rejects = dir.resolve("rejects-random-" + runs + ".csv");
            ExpenditureIngest.Result r = new ExpenditureIngest(ExpenditureFixtures.dimensions(), 2, rejects).withMinPartition(1 << 20)
                    .withSortedIdRuns(runs).run(List.of(file), "");
            assertEquals(sums.cents(), r.totals().totalCents(), "the copies are left out, to the cent");
            assertEquals(200_000, r.totals().totalLines());
            assertEquals(3, r.rejectedLines());
            List<String> rejected = Files.readAllLines(rejects);
            assertEquals(4, rejected.size(), String.join("\n", rejected));
            assertTrue(rejected.get(1).startsWith("synthetic-random-ids.csv,200002,line_id,duplicate line_id '"
                    + lines.get(10).split(",")[0] + "' (first on line 11),"), rejected.get(1));
            assertTrue(rejected.get(3).contains("' (first on line 150001),"), rejected.get(3));
        }
        var strict = org.junit.jupiter.api.Assertions.assertThrows(org.pbannex.ingest.InputError.class,
                () -> new ExpenditureIngest(ExpenditureFixtures.dimensions(), 2, null).run(List.of(file), ""));
        assertEquals(200_002, strict.line());
        assertTrue(strict.reason().endsWith("(first on line 11)"), strict.reason());
    }

    /**
     * Half of 400 000 lines repeat an earlier line's id (every other line takes the id of the line half-way back, in the
     * same partition or an earlier one): 200 000 duplicates, each held as a rejected line with its reason until the
     * rejects were written, took far more than this 64 MB heap. Now they are written to disk as they are found and the
     * rejects are the same bytes as those code wrote (its SHA-256, taken with a larger heap), for sequential ids (bit
     * sets) and random ones (on disk); a strict ingest stops at the first.
     */
    @Test
    void twoHundredThousandDuplicatesInA64MbHeapGiveTheSameRejects() throws Exception {
        assertTrue(Runtime.getRuntime().maxMemory() <= 80L << 20, "this test runs with -Xmx64m");
        Map<Boolean, String> sha256 = Map.of(false, "1a01acd65b74449e13f897cc97d2f002b2b10f1c941e70c7adcfa4798a7b2e4c",
                true, "e1608c4ee3651ae7d5a36a2cd9b448cd17c255ca265745ec83df0892515bf68a");
        for (boolean random : new boolean[] {false, true}) {
            Path file = dir.resolve("synthetic-dups.csv");
            new ExpenditureGenerator(ExpenditureFixtures.dimensions(), ExpenditureFixtures.BIENNIUMS, List.of()).withRandomIds(random)
                    .write(file, 400_000, 3);
            withoutMarkLine(file);
            repeatEveryOtherId(file);
            Path rejects = dir.resolve("rejects-" + random + ".csv");
            ExpenditureIngest.Result r = new ExpenditureIngest(ExpenditureFixtures.dimensions(), 2, rejects).withMinPartition(1 << 20)
                    .run(List.of(file), "");
            assertEquals(200_000, r.rejectedLines());
            try (var rows = Files.lines(rejects)) {
                assertEquals(200_001, rows.count());
            }
            assertEquals(sha256.get(random), sha256(rejects), "random ids: " + random);
            var strict = org.junit.jupiter.api.Assertions.assertThrows(org.pbannex.ingest.InputError.class,
                    () -> new ExpenditureIngest(ExpenditureFixtures.dimensions(), 2, null).withMinPartition(1 << 20).run(List.of(file), ""));
            assertEquals(3, strict.line());
            assertTrue(strict.reason().endsWith("(first on line 2)"), strict.reason());
        }
    }

    /**
     * The generator's first line, the mark that its lines are synthetic, taken out (the name still says so), so that the
     * header is line 1 and the lines are numbered as this test and the rejects' digests count them.
     */
    static void withoutMarkLine(Path file) throws IOException {
        Path rest = file.resolveSibling(file.getFileName() + ".unmarked");
        try (var in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
            if (in.read() != '#') {
                return;
            }
            for (int c = in.read(); c != '\n' && c != -1; c = in.read()) {
                // the rest of the mark line
            }
            try (var out = Files.newOutputStream(rest)) {
                in.transferTo(out); // a stream: the file is larger than this test's heap allows to hold
            }
        }
        Files.move(rest, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Every other data line (the 2nd, 4th, ...) takes the id of the line half-way back from it. */
    static void repeatEveryOtherId(Path file) throws IOException {
        Path out = file.resolveSibling("repeated.csv");
        List<String> ids = new java.util.ArrayList<>();
        try (var in = Files.newBufferedReader(file); var w = Files.newBufferedWriter(out)) {
            w.write(in.readLine() + "\n");
            int i = 0;
            for (String line = in.readLine(); line != null; line = in.readLine(), i++) {
                int comma = line.indexOf(',');
                String id = i % 2 == 1 ? ids.get(i / 2) : line.substring(0, comma);
                ids.add(id);
                w.write(id + line.substring(comma) + "\n");
            }
        }
        Files.move(out, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
