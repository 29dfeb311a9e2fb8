package org.pbannex.runtime;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a failure is of a full disk (or a spent quota): the system's words for it, or, where they are in another
 * language, the folder written to having (almost) no room left.
 */
public final class DiskFull {

    /** Less room than this left where the run writes counts as full: nothing the run writes is that small. */
    static final long NEARLY_FULL_BYTES = 1L << 20;

    private DiskFull() {
    }

    /** @param where a folder the failed writing was under (its file system is asked for room left) */
    public static boolean is(Throwable failure, Path where) {
        boolean io = false;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String m = t instanceof FileSystemException fs ? fs.getReason() : t.getMessage();
            if (m != null && (m.contains("No space left on device") || m.contains("Disk quota exceeded"))) {
                return true;
            }
            io |= t instanceof IOException || t instanceof java.io.UncheckedIOException;
        }
        return io && roomLeft(where) < NEARLY_FULL_BYTES;
    }

    private static long roomLeft(Path where) {
        try {
            Path p = where;
            while (p != null && !Files.exists(p)) {
                p = p.getParent();
            }
            return p == null ? Long.MAX_VALUE : Files.getFileStore(p).getUsableSpace();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }
}
