package org.pbannex.expenditure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
}
