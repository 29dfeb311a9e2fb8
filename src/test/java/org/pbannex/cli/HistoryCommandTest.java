package org.pbannex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.CliRun;

/** history's options: a count that lists nothing is a usage error naming the option, not the database's words. */
class HistoryCommandTest {

    @TempDir
    Path tmp;

    @Test
    void aLimitBelowOneIsAUsageError() {
        for (String limit : new String[] {"-1", "0"}) {
            CliRun r = CliRun.run(tmp.resolve("db"), "history", "--limit", limit);
            assertEquals(2, r.status(), r.toString());
            assertEquals("pb-annex: --limit must be at least 1, not " + limit, r.err().lines().findFirst().orElse(""), r.err());
        }
        CliRun one = CliRun.run(tmp.resolve("db"), "history", "--limit", "1");
        assertEquals(0, one.status(), one.toString());
    }
}
