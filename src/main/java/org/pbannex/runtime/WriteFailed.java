package org.pbannex.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * Writing a file failed (a full disk, an I/O error), said with the file: a stream's own exception names none
 * ("No space left on device"). Its line reads "cannot write FILE: REASON".
 */
public final class WriteFailed extends FileSystemException {

    public WriteFailed(String file, IOException cause) {
        super(file, null, cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
        initCause(cause);
    }

    /** Something that writes one file. */
    @FunctionalInterface
    public interface Write {
        void run() throws IOException;
    }

    /** Runs a write of {@code file}; a failure that names no file (a full disk) is said with it. */
    public static void naming(Path file, Write write) throws IOException {
        try {
            write.run();
        } catch (FileSystemException e) {
            throw e; // names its own path and reason already
        } catch (IOException e) {
            throw new WriteFailed(file.toString(), e);
        } catch (UncheckedIOException e) {
            throw e.getCause() instanceof FileSystemException f ? f : new WriteFailed(file.toString(), e.getCause());
        }
    }
}
