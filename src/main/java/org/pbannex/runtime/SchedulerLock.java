package org.pbannex.runtime;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

/**
 * One {@code schedule} per installation: two would start every job twice (one publishes, the other fails, "another run
 * is running", and a failure and "back to normal" are mailed each time). An operating-system lock on
 * {@code work/schedule.lock}, held while the scheduler runs and released by the kernel when its process ends, however it
 * ends, so a scheduler that died leaves nothing that blocks the next; the file says whose it is (pid, host, start).
 */
public final class SchedulerLock implements AutoCloseable {

    /** Another scheduler runs for the installation (exit status 5). */
    public static class Busy extends RuntimeException {
        public Busy(String message) {
            super(message);
        }
    }

    /** How long a new scheduler tries, so that a status or preflight looking at the lock that moment does not stop it. */
    private static final int TRIES = 10;

    /**
     * The lock this process holds, if any. Closing any channel of the file would release it (POSIX locks are the
     * process's, not the channel's), so this process never opens the file again while it holds it.
     */
    private static volatile SchedulerLock held;

    private final FileChannel channel;
    private final FileLock lock;
    private final Path home;
    private final String holder;

    private SchedulerLock(FileChannel channel, FileLock lock, Path home, String holder) {
        this.channel = channel;
        this.lock = lock;
        this.home = home;
        this.holder = holder;
    }

    public static Path file(Path home) {
        return home.resolve("work").resolve("schedule.lock");
    }

    /** Takes the installation's scheduler lock, or throws Busy naming the scheduler that holds it. */
    public static synchronized SchedulerLock acquire(Path home) {
        Path file = file(home);
        SchedulerLock mine = held;
        if (mine != null) {
            throw new Busy("another scheduler (" + mine.holder + ") is running the jobs of " + mine.home + " in this process");
        }
        try {
            Files.createDirectories(file.getParent());
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            for (int i = 0; i < TRIES; i++) {
                FileLock lock = tryLock(ch);
                if (lock != null) {
                    String holder = ProcessIdentity.current() + ", since " + Times.toSecond(Instant.now());
                    ch.truncate(0);
                    ch.write(ByteBuffer.wrap((holder + "\n").getBytes(StandardCharsets.UTF_8)), 0);
                    ch.force(false);
                    held = new SchedulerLock(ch, lock, home, holder);
                    return held;
                }
                Thread.sleep(100);
            }
            ch.close();
            throw new Busy("another scheduler (" + holder(file) + ") is running the jobs of " + home + ": a second one would run "
                    + "each job twice; stop that one first, or leave it running (its lock: " + file + ")");
        } catch (IOException e) {
            throw new IllegalStateException("cannot lock " + file + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy("interrupted while taking " + file);
        }
    }

    /** The scheduler running for the installation, in words ("pid 123 on host, since ..."); empty when none runs. */
    public static Optional<String> running(Path home) {
        SchedulerLock mine = held;
        if (mine != null && mine.home.equals(home)) {
            return Optional.of(mine.holder);
        }
        Path file = file(home);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            // Shared: enough to find the scheduler's exclusive lock, and a folder this user may only read will do.
            FileLock lock;
            try {
                lock = ch.tryLock(0, Long.MAX_VALUE, true);
            } catch (OverlappingFileLockException thisProcess) {
                lock = null; // another home's file that is the same file
            }
            if (lock == null) {
                return Optional.of(holder(file));
            }
            lock.release();
            return Optional.empty();
        } catch (NoSuchFileException never) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("unknown: " + file + " cannot be read (" + e.getMessage() + ")");
        }
    }

    private static FileLock tryLock(FileChannel ch) throws IOException {
        try {
            return ch.tryLock();
        } catch (OverlappingFileLockException sameProcess) {
            return null;
        }
    }

    private static String holder(Path file) {
        try {
            String s = Files.readString(file, StandardCharsets.UTF_8).strip();
            return s.isEmpty() ? "a process starting" : s;
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public void close() {
        held = null;
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // released with the process anyway
        }
    }
}
