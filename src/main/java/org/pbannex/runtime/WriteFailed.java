package org.pbannex.runtime;

import java.io.IOException;
import java.nio.file.FileSystemException;

/**
 * Writing a file failed (a full disk, an I/O error), said with the file: a stream's own exception names none
 * ("No space left on device"). Its line reads "cannot write FILE: REASON".
 */
public final class WriteFailed extends FileSystemException {

    public WriteFailed(String file, IOException cause) {
        super(file, null, cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
        initCause(cause);
    }
}
