package org.pbannex.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A failure on a file is one line: what failed on which file and why, for each kind of fault Java names. */
class FileFaultLineTest {

    static Object[][] faults() {
        return new Object[][] {
                {new AccessDeniedException("out/a3.csv"), "cannot access out/a3.csv: permission denied"},
                {new NoSuchFileException("input/2022-23"), "cannot find input/2022-23: no such file or folder"},
                {new FileAlreadyExistsException("out/latest", "out/run-1", null), "cannot create out/latest -> out/run-1: it exists already"},
                {new WriteFailed("out/a3.csv", new IOException("No space left on device")), "cannot write out/a3.csv: No space left on device"},
                {new FileSystemException("out/a3.csv", null, "Read-only file system"), "cannot write or read out/a3.csv: Read-only file system"},
                {new FileSystemException("out/a3.csv"), "cannot write or read out/a3.csv: FileSystemException"}};
    }

    /**
     * A file where a folder was meant: a folder made where a file is ("it exists already, as a file"), or a path through
     * a file ("Not a directory", said as the file in the way), each as the system says it of real files.
     */
    @Test
    void aFileWhereAFolderWasMeantIsNamed(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("out"), "x");
        FileSystemException made = assertThrows(FileSystemException.class, () -> Files.createDirectories(file));
        assertEquals("cannot create " + file + ": it exists already, as a file", ExitCodes.message(new UncheckedIOException(made)));
        FileSystemException below = assertThrows(FileSystemException.class,
                () -> Files.createDirectories(file.resolve("2022-23").resolve("latest")));
        assertEquals("cannot write or read " + file.resolve("2022-23") + ": " + file + " is a file, not a folder",
                ExitCodes.message(new UncheckedIOException(below)));
        FileSystemException written = assertThrows(FileSystemException.class,
                () -> Files.writeString(file.resolve("a3.csv"), "x"));
        assertEquals("cannot write or read " + file.resolve("a3.csv") + ": " + file + " is a file, not a folder",
                ExitCodes.message(new UncheckedIOException(written)));
    }

    @ParameterizedTest
    @MethodSource("faults")
    void aFileFaultSaysTheOperationTheFileAndTheReason(FileSystemException fault, String line) {
        assertEquals(line, ExitCodes.message(new UncheckedIOException(fault)));
    }
}
