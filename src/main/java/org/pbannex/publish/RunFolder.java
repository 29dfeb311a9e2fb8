package org.pbannex.publish;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
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

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RunFolder.class);

    public static final String LATEST = "latest";

    /** The time a run id starts with: the run's start, UTC, to the millisecond (20261203T070612.450Z-...). */
    public static final java.time.format.DateTimeFormatter ID_TIME = java.time.format.DateTimeFormatter
            .ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);
    private final Path bienniumDir;
    private final String runId;
    /** What {@link #publish} found where latest goes and kept aside: the line that says so; null when nothing. */
    private String latestKeptAside;

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
     * The staging folder, for {@code file} to be written into it: the render step made it ({@link #prepareStaging}), and
     * a render thread never makes it again, so that a run whose output folder was removed from outside stops there.
     *
     * @throws org.pbannex.runtime.StagingRemoved when it is gone
     */
    public Path stagingFor(String file) throws org.pbannex.runtime.StagingRemoved {
        if (!Files.isDirectory(staging())) {
            throw new org.pbannex.runtime.StagingRemoved(runId, file, staging());
        }
        return staging();
    }

    /**
     * A file (or folder) the run staged, there still.
     *
     * @throws org.pbannex.runtime.StagingRemoved when it, or the staging folder, is gone
     */
    public Path staged(String file) throws org.pbannex.runtime.StagingRemoved {
        Path staged = stagingFor(file).resolve(file);
        if (!Files.exists(staged)) {
            throw new org.pbannex.runtime.StagingRemoved(runId, file, staging());
        }
        return staged;
    }

    /**
     * Removes the staging and work folders that failed or abandoned runs of this biennium left behind (called by a
     * run that has just published, under the lock, so no other run of the biennium is writing there). The lock is the
     * database's: a run of another installation (its own database) writing into the same folder holds none of it, so
     * a staging or work folder written to within {@code quiet} (the lease, after which a silent run counts as dead) is
     * left alone.
     *
     * @return how many folders were removed
     */
    public int removeLeftovers(java.time.Duration quiet) throws IOException {
        int removed = 0;
        java.time.Instant since = java.time.Instant.now().minus(quiet);
        try (Stream<Path> s = Files.list(bienniumDir)) {
            for (Path p : s.toList()) {
                String name = p.getFileName().toString();
                if ((name.startsWith(".staging-") || name.startsWith(".work-") || name.startsWith(".latest-") || name.startsWith(".paused-")
                        || name.startsWith(RunRetention.REMOVING) || name.startsWith(org.pbannex.runtime.RunLease.RELEASED))
                        && !name.endsWith(runId)) {
                    boolean ofARun = name.startsWith(".staging-") || name.startsWith(".work-");
                    if (ofARun && writtenSince(p, since)) {
                        LOG.info("left {} alone: written to in the last {}, by a run this one's lock does not cover", p, quiet);
                        continue;
                    }
                    deleteTree(p);
                    removed++;
                }
            }
        }
        return removed;
    }

    // The entry or one of the entries in it (a link: the link itself) changed since then.
    private static boolean writtenSince(Path p, java.time.Instant since) throws IOException {
        List<Path> entries = new java.util.ArrayList<>(List.of(p));
        if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> s = Files.list(p)) {
                entries.addAll(s.toList());
            }
        }
        for (Path e : entries) {
            if (Files.getLastModifiedTime(e, java.nio.file.LinkOption.NOFOLLOW_LINKS).toInstant().isAfter(since)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Renames staging to the run folder (atomic on one file system); optionally points latest at it. The new latest is
     * made before the rename, so that a file system without symbolic links (a share mounted without them) stops the
     * run before it publishes anything, not after.
     */
    public Path publish(boolean updateLatest) throws IOException {
        if (Files.exists(published())) {
            throw new FileAlreadyExistsException(published().toString(), null, "run folder exists already");
        }
        Path newLatest = updateLatest ? newLatest(runId) : null;
        try {
            if (newLatest != null) {
                keepAsideWhatIsNotTheLink();
            }
            org.pbannex.runtime.Interruption.publishUnlessStopped(() -> {
                try {
                    Files.move(staging(), published(), StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    throw new IOException("cannot publish atomically on this file system: " + e.getMessage(), e);
                }
                if (newLatest != null) {
                    Files.move(newLatest, bienniumDir.resolve(LATEST), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
            });
        } catch (IOException e) {
            if (newLatest != null && !Files.exists(published())) {
                // Not published: no link to it left beside latest.
                Files.deleteIfExists(newLatest);
            }
            throw e;
        }
        return published();
    }

    /**
     * Points latest at the newest complete published run of the biennium (the last one started, by its id, whose manifest
     * says published and not partial) when it points elsewhere or nowhere: removed by hand, left behind by a run killed
     * between its rename and the link's. The caller holds the biennium's lock, or no run holds it.
     *
     * @return the line saying what latest was and where it points now; null when it was right (or there is no such run)
     */
    public static String remakeLatest(Path outputRoot, String biennium) throws IOException {
        Path dir = outputRoot.resolve(biennium);
        if (!Files.isDirectory(dir)) {
            return null;
        }
        List<String> runs = new java.util.ArrayList<>(RunRetention.publishedRuns(dir));
        java.util.Collections.reverse(runs);
        Optional<String> newest = runs.stream().filter(id -> PublishedRun.whole(dir.resolve(id), id).filter(p -> !p.partial())
                .isPresent()).findFirst();
        Optional<Path> now = latest(outputRoot, biennium);
        if (newest.isEmpty() || now.isPresent() && now.get().equals(dir.resolve(newest.get()).toRealPath())) {
            return null;
        }
        RunFolder run = new RunFolder(outputRoot, biennium, newest.get());
        Path link = run.newLatest(newest.get());
        try {
            run.keepAsideWhatIsNotTheLink();
            Files.move(link, dir.resolve(LATEST), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(link); // no link to it left beside latest
            throw e;
        }
        String what = run.latestKeptAside != null ? run.latestKeptAside
                : dir.resolve(LATEST) + (now.isEmpty() ? " was missing: made again" : " pointed at " + now.get().getFileName() + ": made again");
        String line = what + ", pointing at " + newest.get() + ", the newest complete run";
        LOG.warn(line);
        return line;
    }

    /**
     * A 'latest' that is not the link pb-annex keeps (a folder copied or unpacked in its place, a file) would stop every
     * complete run from publishing, the link not replacing it: it is kept aside, as it is, in latest.moved-RUN-ID.
     */
    private void keepAsideWhatIsNotTheLink() throws IOException {
        Path latest = bienniumDir.resolve(LATEST);
        if (!Files.exists(latest, java.nio.file.LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(latest)) {
            return;
        }
        // One name per time it happens: a second folder in latest's place while the same run is the newest would
        // otherwise meet the first one's, and every run would stop there.
        Path kept = bienniumDir.resolve(LATEST + ".moved-" + runId);
        for (int n = 2; Files.exists(kept, java.nio.file.LinkOption.NOFOLLOW_LINKS); n++) {
            kept = bienniumDir.resolve(LATEST + ".moved-" + runId + "-" + n);
        }
        String was = Files.isDirectory(latest, java.nio.file.LinkOption.NOFOLLOW_LINKS) ? "a folder" : "a file";
        Files.move(latest, kept);
        latestKeptAside = latest + " was " + was + ", not the link to the latest run that pb-annex keeps there: kept as "
                + kept + ", and latest made again";
        LOG.warn(latestKeptAside);
    }

    /** After {@link #publish}: the line saying what was in latest's place and where it is kept; null when nothing was. */
    public String latestKeptAside() {
        return latestKeptAside;
    }

    private Path newLatest(String target) throws IOException {
        Path tmp = bienniumDir.resolve(".latest-" + target);
        Files.deleteIfExists(tmp);
        link(tmp, target);
        return tmp;
    }

    /**
     * Whether a run can make its link 'latest' in the folder (preflight): a link made and removed, or the exception
     * a run would stop with.
     */
    public static void checkLinks(Path folder) throws IOException {
        Path probe = folder.resolve(".latest-preflight-" + ProcessHandle.current().pid());
        Files.deleteIfExists(probe);
        link(probe, ".");
        Files.delete(probe);
    }

    private static void link(Path tmp, String target) throws IOException {
        try {
            Files.createSymbolicLink(tmp, Path.of(target));
        } catch (UnsupportedOperationException e) {
            throw noLinks(tmp, e, e.getMessage());
        } catch (java.nio.file.FileSystemException e) {
            String reason = String.valueOf(e.getReason());
            if (reason.contains("not supported") || reason.contains("not permitted")) {
                throw noLinks(tmp, e, reason);
            }
            throw e;
        }
    }

    // Its line: "cannot write or read .../.latest-<run-id>: this file system has no symbolic links, ...".
    private static java.nio.file.FileSystemException noLinks(Path link, Exception cause, String reason) {
        var e = new java.nio.file.FileSystemException(link.toString(), null, "this file system has no symbolic links, which "
                + "'latest' is (" + reason + "); nothing was published: use an output folder on one that has them (a "
                + "Windows share: mounted with the option mfsymlinks)");
        e.initCause(cause);
        return e;
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

    /** The bytes of the files under {@code dir} (0 when it is not there). */
    public static long sizeOf(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            long bytes = 0;
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                bytes = Math.addExact(bytes, Files.size(p));
            }
            return bytes;
        }
    }

    /** Copies a folder's tree into {@code to} (made if missing), each file with these options (COPY_ATTRIBUTES, REPLACE_EXISTING). */
    public static Path copyTree(Path from, Path to, java.nio.file.CopyOption... options) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, options);
                }
            }
        }
        return to;
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
