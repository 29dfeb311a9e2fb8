package org.pbannex.expenditure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the slow path of duplicate finding shares the work and the memory (the finding itself: ExpenditureIngestTest). */
class DiskDuplicatesTest {

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
