package org.pbannex.warm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The file that tells the launcher where the warm process listens: {@code <port> <token> <pid>} on one line, in a
 * folder only its owner can read (the token is what lets a client in: anyone on the machine can reach the port).
 */
public record WarmEndpoint(int port, String token, long pid) {

    static final String FILE = "endpoint";

    void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        ownerOnly(dir, "rwx------");
        Path tmp = dir.resolve(FILE + ".tmp-" + pid);
        Files.writeString(tmp, port + " " + token + " " + pid + "\n", StandardCharsets.US_ASCII);
        ownerOnly(tmp, "rw-------");
        try {
            Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The endpoint in a warm-process folder, if one is written there. */
    public static Optional<WarmEndpoint> read(Path dir) {
        try {
            String[] f = Files.readString(dir.resolve(FILE), StandardCharsets.US_ASCII).trim().split(" ");
            return Optional.of(new WarmEndpoint(Integer.parseInt(f[0]), f[1], Long.parseLong(f[2])));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Removes the file if it is still this endpoint's (a newer warm process may have written its own). */
    void remove(Path dir) {
        if (read(dir).filter(this::equals).isPresent()) {
            try {
                Files.deleteIfExists(dir.resolve(FILE));
            } catch (IOException e) {
                // The launcher finds no process at the port and runs cold.
            }
        }
    }

    private static void ownerOnly(Path p, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the folder's own protection applies.
        }
    }
}
