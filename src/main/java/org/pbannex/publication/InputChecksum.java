package org.pbannex.publication;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.pbannex.ingest.InputSet;

/**
 * One SHA-256 over every file of the input folder (relative path and content), computed before the job starts
 * so it can identify the job instance: the same inputs are recognised, changed inputs make a new run.
 */
public final class InputChecksum {

    private InputChecksum() {
    }

    public static String of(Path inputDir) throws IOException {
        try (Stream<Path> files = Files.walk(inputDir)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String rel = inputDir.relativize(f).toString().replace('\\', '/');
                md.update((rel + "=" + InputSet.sha256(f) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
