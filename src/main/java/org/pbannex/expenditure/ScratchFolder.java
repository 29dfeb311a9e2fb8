package org.pbannex.expenditure;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.pbannex.publish.RunFolder;
import org.pbannex.runtime.ProcessIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An ingest's scratch folder (sorted runs of ids, duplicates' buckets, bad lines past the first few) under a root the
 * tool owns, named by the process that made it ({@code ingest-PID-START-HOST-N}). It is removed when the ingest ends,
 * on failure too, and by a shutdown hook on SIGTERM or Ctrl-C. A process killed outright (SIGKILL, the OOM killer, a
 * power cut) cannot remove it: the next ingest under the same root removes every folder whose process is certainly gone
 * (the same test as the run lock's, {@link ProcessIdentity#certainlyDead}) and leaves a live one's, and one of another
 * host's, alone.
 */
public final class ScratchFolder implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(ScratchFolder.class);
    private static final String PREFIX = "ingest-";

    private final Path path;
    private final Thread onExit;

    private ScratchFolder(Path path) {
        this.path = path;
        this.onExit = new Thread(this::deleteQuietly, "scratch-cleanup");
    }

    /**
     * Where an ingest outside a run keeps its scratch unless told otherwise: a folder of the user's own in the system's
     * temporary folder, so that the sweep below finds what a killed ingest left there.
     */
    public static Path defaultRoot() {
        return Path.of(System.getProperty("java.io.tmpdir"), "pb-annex-scratch-" + System.getProperty("user.name", "user"));
    }

    /** A new scratch folder under {@code root}, after removing those of processes that are gone. */
    public static ScratchFolder create(Path root) throws IOException {
        Files.createDirectories(root);
        sweep(root);
        ProcessIdentity me = ProcessIdentity.current();
        long started = me.processStarted() == null ? 0 : me.processStarted().getEpochSecond();
        ScratchFolder folder = new ScratchFolder(Files.createTempDirectory(root, PREFIX + me.pid() + "-" + started + "-"
                + hostInName(me.host()) + "-"));
        Runtime.getRuntime().addShutdownHook(folder.onExit);
        return folder;
    }

    public Path path() {
        return path;
    }

    /** Removes the folder with everything in it; the shutdown hook is no longer needed (a warm process runs many). */
    @Override
    public void close() throws IOException {
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs (or ran) anyway
        }
        RunFolder.deleteTree(path);
    }

    private void deleteQuietly() {
        try {
            RunFolder.deleteTree(path);
        } catch (IOException | RuntimeException e) {
            LOG.warn("scratch folder {} not removed on exit: {}", path, e.toString());
        }
    }

    /** Removes the scratch folders under {@code root} whose process is certainly gone. */
    static void sweep(Path root) {
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(root, PREFIX + "*")) {
            for (Path f : folders) {
                ProcessIdentity owner = ownerOf(f.getFileName().toString());
                if (owner != null && owner.certainlyDead()) {
                    try {
                        RunFolder.deleteTree(f);
                        LOG.info("removed scratch folder {} left by {}, which is gone", f, owner);
                    } catch (IOException | RuntimeException e) {
                        // Another ingest sweeping at the same moment, or a file we may not remove: the next one tries again.
                        LOG.warn("scratch folder {} left by {} not removed: {}", f, owner, e.toString());
                    }
                }
            }
        } catch (IOException e) {
            LOG.warn("scratch folders under {} not swept: {}", root, e.toString());
        }
    }

    /** The process a folder's name gives ({@code ingest-PID-START-HOST-N}), or null for a name not made here. */
    static ProcessIdentity ownerOf(String name) {
        if (!name.startsWith(PREFIX)) {
            return null;
        }
        String rest = name.substring(PREFIX.length());
        int a = rest.indexOf('-');
        int b = a < 0 ? -1 : rest.indexOf('-', a + 1);
        int last = rest.lastIndexOf('-');
        if (b < 0 || last <= b) {
            return null;
        }
        try {
            long pid = Long.parseLong(rest.substring(0, a));
            long started = Long.parseLong(rest.substring(a + 1, b));
            return new ProcessIdentity(rest.substring(b + 1, last), pid, started == 0 ? null : Instant.ofEpochSecond(started));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // A host name as a file name can hold it; one that had to change is never this host, so its folders are kept.
    private static String hostInName(String host) {
        return host.replaceAll("[^A-Za-z0-9.-]", "_");
    }
}
