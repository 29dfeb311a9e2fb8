package org.pbannex.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.ChildRun;
import org.pbannex.Golden;

/** The log file that cannot be written: one line on stderr, and the command's own output as it always is. */
class LogFileTest {

    @TempDir
    Path tmp;

    @Test
    void aLogFolderThatCannotBeMadeIsOneLineAndTheCommandGoesOn() throws Exception {
        // A file where work/logs should be (as a full or read-only disk would refuse it): logback printed forty lines
        // of its own, stack traces included, on standard output.
        Path home = Files.createDirectories(tmp.resolve("home/work"));
        Files.writeString(home.resolve("logs"), "not a folder");
        ChildRun r = ChildRun.start(tmp, "check", Map.of("pb.home", home.getParent().toString()), "check", "--input",
                Golden.input().toString());
        assertEquals(0, r.waitFor(Duration.ofMinutes(2)), r.err());
        assertEquals(1, r.out().lines().count(), "the check's own line only: " + r.out());
        assertEquals("pb-annex: cannot write the log " + home.resolve("logs") + "/pb-annex.log (a file is where its folder "
                + home.resolve("logs") + " should be): this command runs without it", r.err().strip());
    }

    @Test
    void aLogThatCanBeWrittenIsMadeWithItsFolder() throws Exception {
        assertNull(LogConfiguration.cannotWrite(tmp.resolve("work/logs/pb-annex.log")));
        assertEquals(true, Files.isRegularFile(tmp.resolve("work/logs/pb-annex.log")));
    }
}
