package org.pbannex.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
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

    @ParameterizedTest
    @MethodSource("faults")
    void aFileFaultSaysTheOperationTheFileAndTheReason(FileSystemException fault, String line) {
        assertEquals(line, ExitCodes.message(new UncheckedIOException(fault)));
    }
}
