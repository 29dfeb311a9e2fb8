package org.pbannex.expenditure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.ChildRun;
import org.pbannex.Golden;

/**
 * {@code ingest-expenditure} killed outright (SIGKILL: no finally, no shutdown hook) leaves its scratch folder under the
 * installation's work/scratch/ingest-expenditure (it left it in /tmp before, for ever): the next ingest removes it, as
 * its process is gone, keeps the folder of a process that still runs, succeeds, and leaves nothing of its own.
 */
class KilledIngestScratchTest {

    @TempDir
    Path tmp;

    @Test
    void theNextIngestRemovesWhatAKilledOneLeft() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path root = home.resolve("work/scratch/ingest-expenditure");
        Path lines = tmp.resolve("synthetic-random.csv");
        // Random ids: the parse writes sorted runs of them into its scratch folder.
        new ExpenditureGenerator(ExpenditureFixtures.dimensions(), ExpenditureFixtures.BIENNIUMS, List.of()).withRandomIds(true)
                .write(lines, 1_000_000, 17);
        Map<String, String> settings = Map.of("pb.home", home.toString());
        String[] args = {"ingest-expenditure", "--engine", "embedded", "--threads", "2", "--input", Golden.input().toString(),
                lines.toString()};

        ChildRun killed = ChildRun.start(tmp.resolve("logs"), "killed", settings, args);
        Path left = awaitScratchOf(killed, root, Duration.ofMinutes(5));
        killed.kill();
        assertTrue(Files.isDirectory(left), "the killed ingest could not remove its scratch folder: " + left);

        // A folder of a process that still runs (this test's): never taken for a dead one's.
        try (ScratchFolder live = ScratchFolder.create(root)) {
            ChildRun next = ChildRun.start(tmp.resolve("logs"), "next", settings, args);
            assertEquals(0, next.waitFor(Duration.ofMinutes(10)), next.err());
            assertTrue(next.out().contains("1000000 read, 1000000 accepted"), next.out());
            assertTrue(Files.notExists(left), "the killed ingest's scratch folder is removed: " + left);
            assertEquals(List.of(live.path()), folders(root), "only the live process's folder is left");
        }
        assertEquals(List.of(), folders(root));
    }

    /** The scratch folder the child made, once it is there (the ingest has started parsing). */
    private static Path awaitScratchOf(ChildRun child, Path root, Duration timeout) throws Exception {
        Instant until = Instant.now().plus(timeout);
        String prefix = "ingest-" + child.pid() + "-";
        while (Instant.now().isBefore(until)) {
            assertTrue(child.alive(), "the ingest ended before it could be killed: " + child.out() + child.err());
            if (Files.isDirectory(root)) {
                List<Path> mine = folders(root).stream().filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
                if (!mine.isEmpty()) {
                    return mine.get(0);
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no scratch folder under " + root + " within " + timeout);
    }

    private static List<Path> folders(Path root) throws Exception {
        try (Stream<Path> s = Files.list(root)) {
            return s.sorted().toList();
        }
    }
}
