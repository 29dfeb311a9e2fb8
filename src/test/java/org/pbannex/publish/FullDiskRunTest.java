package org.pbannex.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.CliRun;

/**
 * A run that fills its disk (a 1 MB file system: the PDFs do not fit) removes what it staged, so that its report is
 * written and the next run of other inputs (CSV only, which fits) is not blocked by the first one's leftovers. Found by a
 * tester: the staging folder stayed, and the next run failed with a line naming no file.
 */
class FullDiskRunTest {

    @TempDir
    Path tmp;

    @Test
    void aRunThatFillsItsDiskLeavesRoomForItsReportAndTheNextRun() throws Exception {
        Path disk = Files.createDirectories(tmp.resolve("disk"));
        assumeTrue(mount(disk), "a 1 MB tmpfs can be mounted here (as root)");
        try {
            Path db = tmp.resolve("db");
            CliRun full = CliRun.run(db, "run", "nightly", "--output", disk.toString(), "--no-distribute");
            assertEquals(5, full.status(), full.toString());
            String line = full.err().strip().lines().findFirst().orElse("");
            assertTrue(line.matches("pb-annex: cannot write " + java.util.regex.Pattern.quote(disk.resolve("2022-23").toString())
                    + "/\\.staging-\\S+: No space left on device; its unfinished outputs \\(\\d+ kB\\) were removed to make room: "
                    + "once there is room, the same command starts it anew"), line);
            assertEquals(List.of(), leftovers(disk), "nothing staged is left");
            try (Stream<Path> failed = Files.list(disk.resolve("2022-23/failed"))) {
                Path report = failed.findFirst().orElseThrow().resolve("report.html");
                assertTrue(Files.isRegularFile(report), "the failed run's report fits now: " + report);
            }

            CliRun csv = CliRun.run(db, "run", "nightly", "--output", disk.toString(), "--no-distribute", "--format", "csv");
            assertEquals(0, csv.status(), "the first run's leftovers do not fill the disk: " + csv);
            assertEquals(List.of(), leftovers(disk), "the run published and left nothing aside");
        } finally {
            new ProcessBuilder("umount", disk.toString()).inheritIO().start().waitFor();
        }
    }

    private static boolean mount(Path at) throws Exception {
        try {
            return new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", at.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        } catch (java.io.IOException noMount) {
            return false;
        }
    }

    private static List<String> leftovers(Path disk) throws Exception {
        try (Stream<Path> s = Files.list(disk.resolve("2022-23"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".staging-") || n.startsWith(".work-")).toList();
        }
    }
}
