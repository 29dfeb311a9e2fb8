package org.pbannex.expenditure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.ingest.InputError;

/**
 * The PostgreSQL engine in the 64 MB heap of the bounded-memory execution, against the real server the tests start:
 * 200 000 duplicates, which it read whole into a list (the driver without a fetch size takes every row at once, and
 * each rejected line was held until the rejects were written), now stream through a cursor and are merged with the
 * bad lines (a few hundred in memory, the rest on disk) as the rejects are written. The rejects are the embedded
 * engine's, byte for byte, and a strict ingest stops at the first duplicate as before.
 */
@Tag("bounded-memory")
class PostgresBoundedMemoryTest {

    @TempDir
    Path dir;

    @Test
    void twoHundredThousandDuplicatesAndBadLinesGiveTheEmbeddedEnginesRejects() throws Exception {
        assertTrue(Runtime.getRuntime().maxMemory() <= 80L << 20, "this test runs with -Xmx64m");
        Path file = dir.resolve("synthetic-dups.csv");
        new ExpenditureGenerator(ExpenditureFixtures.dimensions(), ExpenditureFixtures.BIENNIUMS, List.of()).write(file, 400_000, 3);
        BoundedMemoryTest.withoutMarkLine(file);
        BoundedMemoryTest.repeatEveryOtherId(file);
        // Every 400th line of the second half (whose ids no later line repeats) with an amount of 3 decimals: 500 bad
        // lines among the duplicates, more than are kept in memory, so that both kinds are merged in line order from disk.
        Path mixed = dir.resolve("synthetic-mixed.csv");
        try (var in = Files.newBufferedReader(file); var out = Files.newBufferedWriter(mixed)) {
            out.write(in.readLine() + "\n");
            int i = 0;
            for (String line = in.readLine(); line != null; line = in.readLine(), i++) {
                out.write((i >= 200_000 && i % 400 == 0 ? line.substring(0, line.lastIndexOf(',')) + ",1.001" : line) + "\n");
            }
        }
        Path scratch = dir.resolve("scratch");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
             Connection c = postgres.getPostgresDatabase().getConnection()) {
            for (Path f : List.of(file, mixed)) {
                Path embedded = dir.resolve("embedded-" + f.getFileName());
                Path pg = dir.resolve("postgres-" + f.getFileName());
                ExpenditureIngest.Result e = new ExpenditureIngest(ExpenditureFixtures.dimensions(), 2, embedded).withMinPartition(1 << 20)
                        .run(List.of(f), "");
                ExpenditureIngest.Result p = new PostgresExpenditureEngine(ExpenditureFixtures.dimensions(), pg).withScratchRoot(scratch)
                        .run(List.of(f), "", c);
                assertEquals(f == file ? 200_000 : 200_500, p.rejectedLines());
                assertEquals(e.rejectedLines(), p.rejectedLines());
                assertTrue(e.totals().sameAs(p.totals()));
                // Compared as streams: the two files together are more than this heap.
                assertEquals(-1, Files.mismatch(embedded, pg), f + ": the rejects byte for byte");
                assertTrue(c.getAutoCommit(), "the connection is given back in autocommit, as it came");
            }
            // The embedded engine's rejects of these lines as the code before wrote them (BoundedMemoryTest's digest).
            assertEquals("1a01acd65b74449e13f897cc97d2f002b2b10f1c941e70c7adcfa4798a7b2e4c",
                    BoundedMemoryTest.sha256(dir.resolve("postgres-" + file.getFileName())));
            InputError strict = assertThrows(InputError.class,
                    () -> new PostgresExpenditureEngine(ExpenditureFixtures.dimensions(), null).withScratchRoot(scratch).run(List.of(mixed), "", c));
            assertEquals(3, strict.line(), "the first duplicate (line 3) comes before the first bad line");
            strict = assertThrows(InputError.class,
                    () -> new PostgresExpenditureEngine(ExpenditureFixtures.dimensions(), null).withScratchRoot(scratch).run(List.of(file), "", c));
            assertEquals(3, strict.line());
            assertTrue(strict.reason().endsWith("(first on line 2)"), strict.reason());
        }
        try (var left = Files.list(scratch)) {
            assertEquals(List.of(), left.toList(), "no scratch folder left behind");
        }
    }
}
