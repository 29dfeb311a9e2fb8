package org.pbannex.runtime;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;

/**
 * One pb-annex process at a time uses the embedded H2 database: an operating-system lock on a file beside it, taken
 * before the database is opened and held until the process is done with it. The lock dies with its process (the
 * kernel releases it), so a killed run never blocks the next one; a process that finds it held waits (up to
 * {@code pb.run.database-wait}), so overlapping runs on H2 run one after another. PostgreSQL needs none of this.
 */
public final class EmbeddedDatabaseLock implements AutoCloseable {

    /** The database stayed in use by another process for longer than the wait (exit status 5). */
    public static class Busy extends RuntimeException implements Worded {

        private final transient org.pbannex.ingest.Said said;

        Busy(String message, org.pbannex.ingest.Said said) {
            super(message);
            this.said = said;
        }

        @Override
        public org.pbannex.ingest.Said said() {
            return said;
        }
    }

    /**
     * The lock file cannot be opened to write (another user's installation, a read-only work/): every command that
     * opens the database, status and history too, takes the lock (exit status 5).
     */
    public static class Unwritable extends RuntimeException implements Worded {

        private final transient org.pbannex.ingest.Said said;

        Unwritable(Path file, Throwable cause) {
            super("cannot open " + file + " to write (permission denied): it locks the embedded database for each command"
                    + " that opens it, status and history too, which need write access to " + file.getParent(), cause);
            this.said = org.pbannex.ingest.Said.cause("db_lock.unwritable", "file", file.toString(), "folder",
                    file.getParent().toString());
        }

        @Override
        public org.pbannex.ingest.Said said() {
            return said;
        }
    }

    private final FileChannel channel;
    private final FileLock lock;
    private final Duration waited;

    private EmbeddedDatabaseLock(FileChannel channel, FileLock lock, Duration waited) {
        this.channel = channel;
        this.lock = lock;
        this.waited = waited;
    }

    /** How long this process waited for another to finish with the database: a command's time says it apart. */
    public Duration waited() {
        return waited;
    }

    /**
     * The H2 database file of a JDBC URL ({@code jdbc:h2:file:/x/work/db/pb-annex;...} gives /x/work/db/pb-annex), or
     * null for any other database.
     */
    public static Path databaseOf(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:h2:file:")) {
            return null;
        }
        String rest = jdbcUrl.substring("jdbc:h2:file:".length());
        int semi = rest.indexOf(';');
        return Path.of(semi < 0 ? rest : rest.substring(0, semi)).toAbsolutePath().normalize();
    }

    /**
     * Takes the lock of the database, waiting while another process holds it.
     *
     * @param what what this process is doing, written into the lock file so a waiting process can say who it waits for
     */
    public static EmbeddedDatabaseLock acquire(Path database, Duration wait, String what) {
        Path file = database.resolveSibling(database.getFileName() + ".pb-lock");
        try {
            Files.createDirectories(file.getParent());
            FileChannel ch;
            try {
                ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            } catch (java.nio.file.AccessDeniedException e) {
                throw new Unwritable(file, e);
            }
            long began = System.nanoTime();
            Instant until = Instant.now().plus(wait);
            boolean said = false;
            while (true) {
                FileLock lock;
                try {
                    lock = ch.tryLock();
                } catch (OverlappingFileLockException sameProcess) {
                    lock = null;
                }
                if (lock != null) {
                    // The wait ends with the lock: writing and syncing the note is not waiting for another process.
                    Duration waited = Duration.ofNanos(System.nanoTime() - began);
                    ch.truncate(0);
                    ch.write(ByteBuffer.wrap(note(Instant.now(), what).getBytes(StandardCharsets.UTF_8)), 0);
                    ch.force(false);
                    return new EmbeddedDatabaseLock(ch, lock, waited);
                }
                if (Instant.now().isAfter(until)) {
                    String holder = holder(file);
                    ch.close();
                    // With a wait of 0 there was none: not "for more than 0s".
                    org.pbannex.ingest.Said busy = wait.isZero()
                            ? org.pbannex.ingest.Said.cause("db_lock.busy_no_wait", "database", database.toString(), "holder", holder)
                            : org.pbannex.ingest.Said.cause("db_lock.busy", "database", database.toString(), "holder", holder,
                            "wait", waited(wait));
                    throw new Busy(busy.english(), busy);
                }
                if (!said) {
                    String holder = holder(file);
                    org.slf4j.LoggerFactory.getLogger(EmbeddedDatabaseLock.class).info("waiting for another pb-annex process "
                            + "to finish with the embedded database ({})", holder);
                    // A person at a terminal sees why the command stands still, and for whom (the holder's note: its run).
                    if (Interruption.typedAtTerminal()) {
                        System.err.println("pb-annex: waiting for another pb-annex process to finish with the embedded database ("
                                + holder + "; at most " + waited(wait) + ", pb.run.database-wait)");
                    }
                    said = true;
                }
                Thread.sleep(200);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot lock the embedded database " + database + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy("interrupted while waiting for the embedded database " + database,
                    org.pbannex.ingest.Said.cause("db_lock.interrupted", "database", database.toString()));
        }
    }

    /** Says what this process is doing now (a waiting process names it): e.g. the run it runs. */
    public void note(String what) {
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(note(Instant.now(), what).getBytes(StandardCharsets.UTF_8)), 0);
        } catch (IOException e) {
            // only a note
        }
    }

    /** The lock file's line: this process, since when (to the second, as the run lines say times), and what it does. */
    static String note(Instant since, String what) {
        return ProcessIdentity.current() + ", since " + Times.toSecond(since) + ": " + what + "\n";
    }

    private static String holder(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // released with the process anyway
        }
    }

    /** The wait as its setting is written (10m, 30s): in minutes, a wait under one was "0 min". */
    private static String waited(Duration wait) {
        return org.pbannex.config.PbProperties.words(wait);
    }
}
