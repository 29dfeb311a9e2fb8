package org.pbannex.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

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
}
