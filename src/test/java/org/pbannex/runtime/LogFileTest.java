package org.pbannex.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.FileAppender;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.ChildRun;
import org.pbannex.Golden;

/**
 * The log file: a command's process logs to it through pb-annex's SLF4J provider and says nothing else on stderr; one
 * that cannot be written is one line on stderr, and the command's own output as it always is.
 */
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

    /**
     * @param name the data folder's name: logback reads a folder as part of its daily logs' name pattern, where a "{"
     *             (a folder named with "${...}") stopped every command before it began
     */
    @ParameterizedTest
    @ValueSource(strings = {"home", "home-${year} (old"})
    void aCommandLogsToItsFileAndPrintsNothingElse(String name) throws Exception {
        // The child names pb-annex's provider to SLF4J (PbAnnexApplication), which would say so on stderr.
        Path home = Files.createDirectories(tmp.resolve(name));
        ChildRun r = ChildRun.start(tmp, "check", Map.of("pb.home", home.toString()), "check", "--input",
                Golden.input().toString());
        assertEquals(0, r.waitFor(Duration.ofMinutes(2)), r.err());
        assertEquals("", r.err(), "nothing on stderr");
        assertEquals(1, r.out().lines().count(), "the check's own line only: " + r.out());
        String log = Files.readString(home.resolve("work/logs/pb-annex.log"));
        assertTrue(log.contains(" INFO  [main] o.pbannex.expenditure."), "pb-annex's INFO lines: " + log);
    }

    @Test
    void theProviderSetsUpTheLogAsConfigured() throws Exception {
        String before = System.getProperty("pb.home");
        System.setProperty("pb.home", tmp.toString());
        try {
            LogProvider provider = new LogProvider();
            provider.initialize();
            LoggerContext context = (LoggerContext) provider.getLoggerFactory();
            Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            assertEquals(Level.WARN, root.getLevel());
            assertEquals(Level.INFO, context.getLogger("org.pbannex").getLevel());
            FileAppender<?> file = (FileAppender<?>) root.getAppender("FILE");
            assertEquals(tmp.resolve("work/logs/pb-annex.log").toString(), file.getFile());
            context.getLogger("org.pbannex.x").info("written through the provider");
            context.stop();
            assertTrue(Files.readString(tmp.resolve("work/logs/pb-annex.log")).contains("written through the provider"));
        } finally {
            if (before == null) {
                System.clearProperty("pb.home");
            } else {
                System.setProperty("pb.home", before);
            }
        }
    }

    @Test
    void aLogThatCanBeWrittenIsMadeWithItsFolder() throws Exception {
        assertNull(LogConfiguration.cannotWrite(tmp.resolve("work/logs/pb-annex.log")));
        assertEquals(true, Files.isRegularFile(tmp.resolve("work/logs/pb-annex.log")));
    }
}
