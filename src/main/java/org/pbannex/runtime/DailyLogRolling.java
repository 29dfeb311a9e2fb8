package org.pbannex.runtime;

import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.rolling.RollingPolicy;
import ch.qos.logback.core.rolling.TriggeringPolicy;
import ch.qos.logback.core.rolling.helper.CompressionMode;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.TimeZone;
import java.util.stream.Stream;

/**
 * The log rolled over at local midnight, {@code <name>.log} becoming {@code <name>.2026-12-04.log}, and the rolled
 * files older than the days kept deleted: what logback's time-based rolling policy did here, with the day worked out
 * from the JDK's own time-zone data ({@link TimeZone}). Logback's policy asks java.time for the system zone by its
 * name, whose rules come from a provider the JDK first searches for in every jar of the class path (all 98, some
 * 60 ms of a 0.4 s {@code check}).
 */
final class DailyLogRolling<E> extends ContextAwareBase implements RollingPolicy, TriggeringPolicy<E> {

    private static final long DAY = 86_400_000L;

    private final Path active;
    private final int keptDays;
    private final TimeZone zone;
    private volatile long nextRollover;
    private String day;
    private boolean started;

    /** @param active the log written to; the rolled files go beside it */
    DailyLogRolling(Path active, int keptDays) {
        this(active, keptDays, TimeZone.getDefault());
    }

    DailyLogRolling(Path active, int keptDays, TimeZone zone) {
        this.active = active;
        this.keptDays = keptDays;
        this.zone = zone;
    }

    @Override
    public void start() {
        // A log left from an earlier day rolls over at the first line written today, under that day.
        long now = System.currentTimeMillis();
        long since = Files.exists(active) ? Math.min(now, active.toFile().lastModified()) : now;
        day = day(since);
        nextRollover = nextMidnight(since);
        started = true;
    }

    @Override
    public boolean isTriggeringEvent(File activeFile, E event) {
        return System.currentTimeMillis() >= nextRollover;
    }

    @Override
    public void rollover() {
        Path rolled = active.resolveSibling(name() + "." + day + ".log");
        try {
            if (Files.exists(active)) {
                if (Files.exists(rolled)) {
                    // Another process rolled this day's log already: what this one wrote since goes after it.
                    Files.write(rolled, Files.readAllBytes(active), java.nio.file.StandardOpenOption.APPEND);
                    Files.delete(active);
                } else {
                    Files.move(active, rolled, StandardCopyOption.ATOMIC_MOVE);
                }
            }
        } catch (IOException e) {
            addWarn("cannot roll " + active + " over to " + rolled + ": " + e);
        }
        long now = System.currentTimeMillis();
        day = day(now);
        nextRollover = nextMidnight(now);
        deleteOld(LocalDate.parse(day).minusDays(keptDays));
    }

    /** Deletes the rolled files of days before {@code oldestKept}. */
    private void deleteOld(LocalDate oldestKept) {
        String prefix = name() + ".";
        try (Stream<Path> files = Files.list(active.getParent())) {
            for (Path f : files.toList()) {
                String n = f.getFileName().toString();
                if (n.startsWith(prefix) && n.endsWith(".log") && n.length() == prefix.length() + 14
                        && n.substring(prefix.length(), prefix.length() + 10).compareTo(oldestKept.toString()) < 0) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException | RuntimeException e) {
            addWarn("cannot delete the old logs beside " + active + ": " + e);
        }
    }

    private String name() {
        String n = active.getFileName().toString();
        return n.endsWith(".log") ? n.substring(0, n.length() - 4) : n;
    }

    /** The local date (yyyy-MM-dd) of a moment. */
    String day(long millis) {
        return LocalDate.ofEpochDay(Math.floorDiv(millis + zone.getOffset(millis), DAY)).toString();
    }

    /** The moment of the local midnight after {@code millis}. */
    long nextMidnight(long millis) {
        long localMidnight = (Math.floorDiv(millis + zone.getOffset(millis), DAY) + 1) * DAY;
        // The offset at that midnight, which differs from now's across a change to or from summer time.
        long guess = localMidnight - zone.getOffset(millis);
        return localMidnight - zone.getOffset(guess);
    }

    @Override
    public String getActiveFileName() {
        return active.toString();
    }

    @Override
    public CompressionMode getCompressionMode() {
        return CompressionMode.NONE;
    }

    @Override
    public void setParent(FileAppender<?> appender) {
        // the file it writes is given in the constructor
    }

    @Override
    public void stop() {
        started = false;
    }

    @Override
    public boolean isStarted() {
        return started;
    }
}
