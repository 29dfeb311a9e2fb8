package org.pbannex.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failure's line names its run in the job's status (after a tab), so that a run whose history row could not be written
 * (a full disk) is later told by its own line, not as "abandoned by a dead process"; the line as read is unchanged.
 */
class RunOutcomesNotedRunTest {

    @TempDir
    Path dir;

    @Test
    void aRunsNotedLineIsFoundByItsIdAndReadWithoutIt() throws Exception {
        RunOutcomes outcomes = new RunOutcomes(dir);
        String line = "the embedded database /x/work/db/pb-annex.mv.db failed: No space left on device";
        outcomes.failed("nightly", "2022-23", 4, "an earlier run's line", "20261205-1");
        outcomes.failed("nightly", "2022-23", 5, line, "20261205-2");
        outcomes.failed("nightly", "2022-23", 5, "a failure of no run", null);
        assertTrue(Files.readString(dir.resolve("nightly.2022-23.failed")).contains("\trun=20261205-2\n"));

        assertEquals(Optional.of(new RunOutcomes.Noted(5, line)), outcomes.failureOf("nightly", "2022-23", "20261205-2"));
        assertEquals(Optional.of(new RunOutcomes.Noted(4, "an earlier run's line")),
                outcomes.failureOf("nightly", "2022-23", "20261205-1"));
        assertEquals(Optional.empty(), outcomes.failureOf("nightly", "2022-23", "20261205-3"));
        assertEquals(Optional.empty(), outcomes.failureOf("nightly", "2024-25", "20261205-2"), "another biennium's file");

        // What status reads: the lines as they were, no run id in them.
        var failures = outcomes.failures("nightly", "2022-23");
        assertEquals(3, failures.size());
        assertTrue(failures.get(1).endsWith(" exit status 5: " + line), failures.get(1));
        assertTrue(failures.stream().noneMatch(f -> f.contains("run=")), failures.toString());
    }

    /**
     * The fields after a failure's line (run=ID, --said-zh=...) are read by one parser: a line with both, with either
     * one and with none reads right, written to the status file and read back by each reader of it (the run's own
     * failure, the status lines, the lines in Chinese).
     */
    @Test
    void aLineWithBothFieldsOneOrNoneReadsRight() throws Exception {
        RunOutcomes outcomes = new RunOutcomes(dir);
        outcomes.failed("nightly", "2022-23", 3, "both: a bad line", "run-both", "zh", "两者：一行有误");
        outcomes.failed("nightly", "2022-23", 3, "run only: a bad line", "run-only", null, null);
        outcomes.failed("nightly", "2022-23", 3, "said only: a bad line", null, "zh", "仅中文：一行有误");
        outcomes.failed("nightly", "2022-23", 3, "none: a bad line", null, null, null);
        List<String> noted = Files.readAllLines(dir.resolve("nightly.2022-23.failed"));
        assertEquals(List.of(2, 1, 1, 0), noted.stream().map(l -> l.split("\t").length - 1).toList(), String.join("\n", noted));

        assertEquals(Optional.of(new RunOutcomes.Noted(3, "both: a bad line")), outcomes.failureOf("nightly", "2022-23", "run-both"));
        assertEquals(Optional.of(new RunOutcomes.Noted(3, "run only: a bad line")), outcomes.failureOf("nightly", "2022-23", "run-only"));
        assertEquals(Optional.empty(), outcomes.failureOf("nightly", "2022-23", "zh"));
        assertEquals(List.of("both: a bad line", "run only: a bad line", "said only: a bad line", "none: a bad line"),
                outcomes.failures("nightly", "2022-23").stream().map(RunOutcomesNotedRunTest::cause).toList());
        // The cause in Chinese stands for the whole line after the exit status.
        assertEquals(List.of("两者：一行有误", "run only: a bad line", "仅中文：一行有误", "none: a bad line"),
                outcomes.failures("nightly", "2022-23", "zh").stream().map(RunOutcomesNotedRunTest::cause).toList());

        for (int i = 0; i < noted.size(); i++) {
            RunOutcomes.NotedLine read = RunOutcomes.NotedLine.of(noted.get(i));
            assertTrue(read.line().endsWith(" exit status 3: " + List.of("both", "run only", "said only", "none").get(i)
                    + ": a bad line"), read.line());
            assertEquals(List.of(java.util.Map.of("run", "run-both", "--said-zh", "两者：一行有误"), java.util.Map.of("run", "run-only"),
                    java.util.Map.of("--said-zh", "仅中文：一行有误"), java.util.Map.of()).get(i), read.fields());
        }
        // The launcher's folders after a tab too, and a value with '=' in it, whole.
        RunOutcomes.NotedLine given = RunOutcomes.NotedLine.of("2026-12-05T00:00:00Z exit status 3: x \t--input=/d/a=b\trun=7");
        assertEquals(new RunOutcomes.NotedLine("2026-12-05T00:00:00Z exit status 3: x", java.util.Map.of("--input", "/d/a=b", "run", "7")),
                given);
    }

    /** A status line after its time: its exit status and cause. */
    private static String cause(String line) {
        return line.substring(line.indexOf(" exit status 3: ") + " exit status 3: ".length());
    }
}
