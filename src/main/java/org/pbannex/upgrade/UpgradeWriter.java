package org.pbannex.upgrade;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes an {@link UpgradePlan}: every file it changes is first copied, as it was, to
 * {@code input/.upgraded-<UTC time>/} under the same path, so that going back to the old program is one copy back
 * (tester 78a, F5); then each file is written to a temporary file beside it and renamed into place, so that no reader
 * (the night's run) ever sees half of one. The folder's leading dot keeps it out of the input (InputFolder.isLeftBeside).
 */
public final class UpgradeWriter {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private UpgradeWriter() {
    }

    /** The folder the old files would be kept in, for an upgrade now. */
    public static Path keptIn(Path dataInput, Instant now) {
        return dataInput.resolve(".upgraded-" + STAMP.format(now));
    }

    /** Writes the plan's files, the old ones kept in {@code kept} first; nothing is written when one cannot be kept. */
    public static void write(UpgradePlan plan, Path kept) throws IOException {
        for (FileChange c : plan.changes()) {
            Path old = plan.dataInput().resolve(c.file());
            if (Files.exists(old)) {
                Path copy = kept.resolve(c.file());
                Files.createDirectories(copy.getParent());
                Files.copy(old, copy, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        for (FileChange c : plan.changes()) {
            Path target = plan.dataInput().resolve(c.file());
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
            try {
                Files.write(tmp, c.content());
                sameAccess(target, tmp);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** The temporary file readable as the file it replaces was (a new one as the folder's files are: rw-r--r--). */
    private static void sameAccess(Path target, Path tmp) throws IOException {
        if (!Files.getFileStore(tmp).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
            return;
        }
        Files.setPosixFilePermissions(tmp, Files.exists(target) ? Files.getPosixFilePermissions(target)
                : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    }
}
