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
 * A run's folders: its outputs are written under {@code output/<biennium>/.staging-<run-id>/}, then published by one
 * atomic rename to {@code output/<biennium>/<run-id>/}, after which {@code latest} (a symbolic link) is swapped to it,
 * so a reader never sees a half-written run. What the steps hand each other that is not published (the expenditure
 * partitions' results, the merged totals, the rejects) is under {@code .work-<run-id>/}. A failed run leaves its report
 * and manifest in {@code failed/<run-id>/}.
 */
public final class RunFolder {

    public static final String LATEST = "latest";

    /** The time a run id starts with: the run's start, UTC, to the millisecond (20261203T070612.450Z-...). */
    public static final java.time.format.DateTimeFormatter ID_TIME = java.time.format.DateTimeFormatter
            .ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);
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

    /** What the steps hand each other and nobody reads after the run: removed when the run is published. */
    public Path work() {
        return bienniumDir.resolve(".work-" + runId);
    }

    /** Where a failed run's report and manifest go. */
    public Path failed() {
        return bienniumDir.resolve("failed").resolve(runId);
    }

    /**
     * The staging folder, created if missing. A restarted run keeps what its earlier attempt staged (its finished
     * render partitions are not rendered again).
     */
    public Path prepareStaging() throws IOException {
        return Files.createDirectories(staging());
    }

    /**
     * Removes the staging and work folders that failed or abandoned runs of this biennium left behind (called by a
     * run that has just published, under the lock, so no other run of the biennium is writing there).
     *
     * @return how many folders were removed
     */
    public int removeLeftovers() throws IOException {
        int removed = 0;
        try (Stream<Path> s = Files.list(bienniumDir)) {
            for (Path p : s.toList()) {
                String name = p.getFileName().toString();
                if ((name.startsWith(".staging-") || name.startsWith(".work-") || name.startsWith(".latest-") || name.startsWith(".paused-")
                        || name.startsWith(RunRetention.REMOVING))
                        && !name.endsWith(runId)) {
                    deleteTree(p);
                    removed++;
                }
            }
        }
        return removed;
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
