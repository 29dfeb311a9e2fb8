package org.pbannex.expenditure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the slow path of duplicate finding shares the work and the memory (through the ingest: ExpenditureIngestTest). */
class DiskDuplicatesTest {

    @TempDir
    Path dir;

    @Test
    void idsLongerThanABucketsBufferAreFoundToo() throws IOException {
        // 1 KB of id memory: 4 KB buffers; ids of 5 000 bytes go to their bucket file by themselves.
        String longId = "X".repeat(5000);
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            String id = i == 150 || i == 390 ? longId : i == 300 ? longId + "1" : i == 350 ? "L7" : "L" + i;
            lines.append(id).append(",rest of the line ").append(i).append('\n');
        }
        Path file = dir.resolve("lines.csv");
        Files.writeString(file, lines);
        long size = Files.size(file);
        List<ExpenditurePartition> parts = List.of(
                new ExpenditurePartition(0, 0, file, "lines.csv", 0, offsetOfLine(file, 200)),
                new ExpenditurePartition(1, 0, file, "lines.csv", offsetOfLine(file, 200), size));
        List<Problems> noneBad = List.of(new Problems(dir.resolve("p0")), new Problems(dir.resolve("p1")));
        List<String> found = new ArrayList<>();
        try (SortedIdRuns.Cursor later = DiskDuplicates.find(parts, noneBad, dir.resolve("buckets"), 1024, 2)) {
            // The worker that checked their buckets keeps the later occurrences on disk, in runs.
            List<String> left = names(dir.resolve("buckets"));
            assertTrue(!left.isEmpty() && left.stream().allMatch(n -> n.matches("duplicates-[01]\\.bin")),
                    "the bucket files are removed: " + left);
            while (later.next()) {
                found.add(DiskDuplicates.partition(later.value()) + ":" + DiskDuplicates.line(later.value()));
            }
        }
        // Partition 1 starts at line 200: line 350 (L7, first at 7) is its line 150, line 390 (the long id) its 190.
        assertEquals(List.of("1:150", "1:190"), found);
        assertEquals(List.of(), names(dir.resolve("buckets")), "closed, the runs of later occurrences are removed");
    }

    private static List<String> names(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static long offsetOfLine(Path file, int line) throws IOException {
        byte[] b = Files.readAllBytes(file);
        int seen = 0;
        for (int i = 0; i < b.length; i++) {
            if (seen == line) {
                return i;
            }
            if (b[i] == '\n') {
                seen++;
            }
        }
        return b.length;
    }

    @Test
    void workersShareTheMemoryAndStayUnderTheOpenFileLimit() {
        // 677 MB of lines, 8 MB for ids, 2 cores: two workers, buckets of about 2 MB.
        assertEquals(new DiskDuplicates.Plan(2, 324), DiskDuplicates.Plan.of(677_498_712L, 8L << 20, 2, 42));
        // One partition: one worker.
        assertEquals(1, DiskDuplicates.Plan.of(1_000_000, 8L << 20, 2, 1).workers());
        // So many buckets that two workers would keep more than 1 024 files open: one worker, 1 024 buckets at most.
        assertEquals(new DiskDuplicates.Plan(1, 1024), DiskDuplicates.Plan.of(100L << 30, 8L << 20, 2, 400));
    }

    @Test
    void consecutiveRunsKeepFileOrderAndSplitTheBytes() {
        List<ExpenditurePartition> parts = new ArrayList<>();
        long[] sizes = {10, 10, 10, 50, 10, 10};
        long at = 0;
        for (int i = 0; i < sizes.length; i++) {
            parts.add(new ExpenditurePartition(i, 0, Path.of("lines.csv"), "lines.csv", at, at + sizes[i]));
            at += sizes[i];
        }
        List<List<ExpenditurePartition>> runs = DiskDuplicates.consecutiveRuns(parts, 2);
        assertEquals(List.of(0, 1, 2), runs.get(0).stream().map(ExpenditurePartition::index).toList());
        assertEquals(List.of(3, 4, 5), runs.get(1).stream().map(ExpenditurePartition::index).toList());
        assertEquals(parts, runs.stream().flatMap(List::stream).toList());
    }
}
