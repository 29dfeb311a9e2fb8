package org.pbannex.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;
import org.h2.api.ErrorCode;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStoreException;

/**
 * An embedded H2 database file that H2 will not open: its header is damaged, it is cut short, or it is not an H2 file
 * of this version (a file written over by hand or by another program, a disk fault, a copy that did not finish, an H2
 * of another format). It holds the
 * run history and the job repository only, nothing published, so rather than fail every night until a person moves
 * it, the command keeps it in a folder beside it and starts a new database. Anything else that stops H2 (a full or
 * read-only disk, a lock) is not this: those fail as before, and the file stays where it is.
 */
public final class DamagedDatabase {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private DamagedDatabase() {
    }

    /** Whether H2 refused to open the file as damaged or foreign (not for any other failure). */
    public static boolean isDamage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && (s.getErrorCode() == ErrorCode.FILE_CORRUPTED_1
                    || s.getErrorCode() == ErrorCode.FILE_VERSION_ERROR_1)) {
                return true;
            }
            if (t instanceof MVStoreException m && (m.getErrorCode() == DataUtils.ERROR_FILE_CORRUPT
                    || m.getErrorCode() == DataUtils.ERROR_UNSUPPORTED_FORMAT)) {
                return true;
            }
            if (t instanceof MVStoreException m && m.getErrorCode() == DataUtils.ERROR_READING_FAILED
                    && m.getCause() instanceof java.io.EOFException) {
                // Shorter than what it says it holds (its header block, a chunk): cut off, not a disk that fails.
                return true;
            }
        }
        return false;
    }

    /**
     * The folders of damaged databases kept beside this one (damaged-TIME, oldest first): each holds the run history
     * from before it was found damaged.
     *
     * @param database the database as H2's URL names it, without .mv.db
     */
    public static List<Path> keptBeside(Path database) throws IOException {
        Path folder = database.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().startsWith("damaged-") && Files.isDirectory(p))
                    .sorted().toList();
        }
    }

    /**
     * Moves the database's files (database.mv.db and its trace file, not the process lock beside them) into a new
     * folder damaged-TIME beside them, and returns the moved database file.
     *
     * @param database the database as H2's URL names it, without .mv.db
     */
    public static Path moveAside(Path database, Instant now) throws IOException {
        Path folder = database.toAbsolutePath().getParent();
        Path kept = folder.resolve("damaged-" + STAMP.format(now));
        for (int n = 2; Files.exists(kept); n++) {
            kept = folder.resolve("damaged-" + STAMP.format(now) + "-" + n);
        }
        Files.createDirectory(kept);
        String name = database.getFileName().toString();
        Path moved = kept.resolve(name + ".mv.db");
        Files.move(folder.resolve(name + ".mv.db"), moved);
        Path trace = folder.resolve(name + ".trace.db");
        if (Files.exists(trace)) {
            Files.move(trace, kept.resolve(trace.getFileName()));
        }
        return moved;
    }
}
