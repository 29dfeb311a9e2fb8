package org.pbannex.publish;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A run's outputs: written under {@code output/<biennium>/.staging-<run-id>/}, then published by one atomic
 * rename to {@code output/<biennium>/<run-id>/}, after which {@code latest} (a symbolic link) is swapped to it.
 * A reader never sees a half-written run.
 */
public final class RunFolder {

    public static final String LATEST = "latest";
    private final Path bienniumDir;
    private final String runId;

    public RunFolder(Path outputRoot, String biennium, String runId) {
        this.bienniumDir = outputRoot.resolve(biennium);
        this.runId = runId;
    }

    public Path staging() {
        return bienniumDir.resolve(".staging-" + runId);
    }

    public Path published() {
        return bienniumDir.resolve(runId);
    }

    /** Creates an empty staging folder, discarding what a failed attempt of the same run left there. */
    public Path prepareStaging() throws IOException {
        deleteTree(staging());
        return Files.createDirectories(staging());
    }

    /** Renames staging to the run folder (atomic on one file system); optionally points latest at it. */
    public Path publish(boolean updateLatest) throws IOException {
        if (Files.exists(published())) {
            throw new FileAlreadyExistsException(published().toString(), null, "run folder exists already");
        }
        try {
            Files.move(staging(), published(), StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot publish atomically on this file system: " + e.getMessage(), e);
        }
        if (updateLatest) {
            pointLatestAt(runId);
        }
        return published();
    }

    private void pointLatestAt(String target) throws IOException {
        Path link = bienniumDir.resolve(LATEST);
        Path tmp = bienniumDir.resolve(".latest-" + target);
        Files.deleteIfExists(tmp);
        Files.createSymbolicLink(tmp, Path.of(target));
        Files.move(tmp, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The run folder that latest points to now, if any. */
    public static Optional<Path> latest(Path outputRoot, String biennium) {
        Path link = outputRoot.resolve(biennium).resolve(LATEST);
        if (!Files.exists(link)) {
            return Optional.empty();
        }
        try {
            return Optional.of(link.toRealPath());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
