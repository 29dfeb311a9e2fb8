package org.pbannex.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
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
                out.add(of(dir, p));
            }
        }
        return out;
    }

    /**
     * The files of {@link #list} and one more of the folder, written since (the run's report), in path order: the
     * others are not read and hashed again.
     */
    public static List<OutputFile> plus(List<OutputFile> files, Path dir, Path file) throws IOException {
        OutputFile added = of(dir, file);
        List<OutputFile> out = new ArrayList<>(files);
        out.removeIf(f -> f.path().equals(added.path()));
        out.add(added);
        // Path order, as Files.walk(...).sorted() gives it: by the paths' names, not by their strings.
        out.sort(Comparator.comparing(f -> dir.resolve(f.path())));
        return out;
    }

    private static OutputFile of(Path dir, Path file) throws IOException {
        return new OutputFile(dir.relativize(file).toString().replace('\\', '/'), Files.size(file), InputSet.sha256(file));
    }
}
