package org.pbannex.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded database's lock file, where it cannot be written. */
class EmbeddedDatabaseLockTest {

    /**
     * A second, read-only user's `status` or `history` (tester64 case 5): the line says what was tried (to open the
     * lock file to write) and that the folder needs write access; status 5. /sys refuses to create a file to root too.
     */
    @Test
    void aLockFileThatCannotBeOpenedToWriteSaysSoAndWhichFolderNeedsWriteAccess() {
        assumeTrue(Files.isDirectory(Path.of("/sys/kernel")), "no /sys (not Linux)");
        var e = assertThrows(EmbeddedDatabaseLock.Unwritable.class,
                () -> EmbeddedDatabaseLock.acquire(Path.of("/sys/pb-annex"), Duration.ofSeconds(1), "status"));
        RuntimeException wrapped = new IllegalStateException("the context failed", e);
        assertEquals("cannot open /sys/pb-annex.pb-lock to write (permission denied): it locks the embedded database for"
                + " each command that opens it, status and history too, which need write access to /sys", ExitCodes.message(wrapped));
        assertEquals(ExitCodes.INFRASTRUCTURE, ExitCodes.of(wrapped));
        assertEquals("db_lock.unwritable", e.said().word());
    }

    /**
     * A command that finds the database held (a run in the warm process, tester64 case 10) says on a terminal, once,
     * that it waits and for whom: the holder's note, its process and run; without a terminal, only in the log.
     */
    @Test
    void aCommandThatWaitsForTheDatabaseSaysForWhomOnATerminal(@TempDir Path dir) throws Exception {
        Path database = dir.resolve("pb-annex");
        String said;
        String unsaid;
        try (EmbeddedDatabaseLock held = EmbeddedDatabaseLock.acquire(database, Duration.ofSeconds(1), "a run")) {
            held.note("run nightly, run 20261205T223322.190Z-3da8feeb-5a0f");
            said = waitingLines(database, true);
            unsaid = waitingLines(database, false);
        }
        assertEquals("pb-annex: waiting for another pb-annex process to finish with the embedded database ("
                + ProcessIdentity.current() + ", since ", said.substring(0, said.indexOf("since ") + 6));
        assertTrue(said.strip().endsWith(": run nightly, run 20261205T223322.190Z-3da8feeb-5a0f; at most 0.6s,"
                + " pb.run.database-wait)"), said);
        assertEquals(1, said.lines().count(), said);
        assertEquals("", unsaid);
    }

    /**
     * The holder's note gives its time as the run lines do, UTC to the second: it gave Instant.now()'s text, with up to
     * nine digits of a second ("since 2026-12-06T00:16:00.123456Z"); at a whole minute it keeps ":00".
     */
    @Test
    void theHoldersTimeIsToTheSecondAtAWholeMinuteToo(@TempDir Path dir) throws Exception {
        assertEquals(ProcessIdentity.current() + ", since 2026-12-06T00:16:00Z: run nightly, run R\n",
                EmbeddedDatabaseLock.note(java.time.Instant.parse("2026-12-06T00:16:00.123456Z"), "run nightly, run R"));
        Path database = dir.resolve("pb-annex");
        try (EmbeddedDatabaseLock held = EmbeddedDatabaseLock.acquire(database, Duration.ofSeconds(1), "a run")) {
            held.note("run nightly, run R");
            String line = Files.readString(dir.resolve("pb-annex.pb-lock"));
            assertTrue(line.matches("pid \\d+ on \\S+, since \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ: run nightly, run R\n"), line);
        }
    }

    /**
     * How long a command waited for the lock is kept (tester66 case 27: the second of two nightly runs reported 98.8 s
     * of which 45 s went waiting for the first): at least the time the holder kept it, nothing for a free lock.
     */
    @Test
    void theWaitForAnotherProcessIsKept(@TempDir Path dir) throws Exception {
        Path database = dir.resolve("pb-annex");
        EmbeddedDatabaseLock held = EmbeddedDatabaseLock.acquire(database, Duration.ofSeconds(1), "a run");
        assertTrue(held.waited().compareTo(Duration.ofMillis(200)) < 0, held.waited().toString());
        Thread releaser = new Thread(() -> {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            held.close();
        });
        releaser.start();
        try (EmbeddedDatabaseLock after = EmbeddedDatabaseLock.acquire(database, Duration.ofMinutes(1), "a second run")) {
            assertTrue(after.waited().compareTo(Duration.ofMillis(900)) >= 0, after.waited().toString());
        } finally {
            releaser.join();
        }
    }

    /** What a second acquire, typed at a terminal or not, prints on stderr while it waits (a short wait, then Busy). */
    private static String waitingLines(Path database, boolean terminal) {
        java.io.PrintStream err = System.err;
        var captured = new java.io.ByteArrayOutputStream();
        boolean before = Interruption.typedAtTerminal(terminal);
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertThrows(EmbeddedDatabaseLock.Busy.class,
                    () -> EmbeddedDatabaseLock.acquire(database, Duration.ofMillis(600), "history"));
        } finally {
            System.setErr(err);
            Interruption.typedAtTerminal(before);
        }
        return captured.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
