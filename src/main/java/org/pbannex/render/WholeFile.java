package org.pbannex.render;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * An output file written whole or not at all: beside its place as {@code NAME.part}, then moved there, so that a run
 * that fails while writing it (a full disk) never leaves half a workbook, PDF or page behind.
 */
public final class WholeFile {

    /** What writes the file's bytes. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private WholeFile() {
    }

    public static void write(Path out, Content content) throws IOException {
        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path part = dir.resolve(out.getFileName() + ".part");
        try {
            org.pbannex.runtime.WriteFailed.naming(out, () -> {
                try (OutputStream os = Files.newOutputStream(part)) {
                    content.writeTo(os);
                }
            });
            Files.move(part, out, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(part);
        }
    }
}
