package org.pbannex.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.pbannex.ingest.InputSet;

/** A published file: its path relative to the run folder, size and SHA-256. */
public record OutputFile(String path, long bytes, String sha256) {

    /** Every regular file under the folder, in path order. */
    public static List<OutputFile> list(Path dir) throws IOException {
        List<OutputFile> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                out.add(new OutputFile(dir.relativize(p).toString().replace('\\', '/'), Files.size(p), InputSet.sha256(p)));
            }
        }
        return out;
    }
}
