package org.pbannex.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
}
