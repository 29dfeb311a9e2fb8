package org.pbannex.publication;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.FileVisitResult;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.pbannex.ingest.InputFolder;
import org.pbannex.ingest.InputSet;

/**
 * One SHA-256 over every input file of the input folder (relative path and content; {@link InputFolder#isInput}),
 * computed before the job starts so it can identify the job instance: the same inputs are recognised, changed inputs
 * make a new run.
 */
public final class InputChecksum {

    private InputChecksum() {
    }

    public static String of(Path inputDir) throws IOException {
        List<Path> files = new ArrayList<>();
        // Folders that are not input (.git) are not entered.
        Files.walkFileTree(inputDir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return InputFolder.isInput(inputDir, dir) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (Files.isRegularFile(file) && InputFolder.isInput(inputDir, file)) { // a link to a file counts
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Path f : files.stream().sorted().toList()) {
                String rel = inputDir.relativize(f).toString().replace('\\', '/');
                md.update((rel + "=" + InputSet.sha256(f) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
