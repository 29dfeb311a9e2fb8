package org.pbannex.config;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.TimeZone;

/**
 * The two time zones of pb-annex. The local one, which the schedule's times are in: the one the JVM took from TZ (else
 * the system's). And UTC, in which every time is stored: Spring Batch keeps its times, and JDBC the history's, as times
 * without a zone, in the JVM's default zone; a run stored from a shell in Beijing and read by a cron job in UTC would
 * be 8 h off. So the JVM's default is set to UTC as it starts, before anything is stored, and the local zone kept here.
 * A TZ that names no zone (TZ=Bogus/Zone) is not refused by the JVM: it runs on GMT instead, and every scheduled time
 * moves without a word; so it is told, as an unknown setting is.
 */
public final class TimeZoneSetting {

    /** Taken when this class is first used, which {@link #storeInUtc} makes before it sets the default. */
    private static final ZoneId LOCAL = ZoneId.systemDefault();

    private TimeZoneSetting() {
    }

    /** Sets the JVM's default zone to UTC, once the local one is kept: called first thing as the program starts. */
    public static void storeInUtc() {
        if (!LOCAL.equals(ZoneOffset.UTC)) {
            TimeZone.setDefault(TimeZone.getTimeZone(ZoneOffset.UTC));
        }
    }

    /** The zone the schedule's times are in (TZ's, else the system's), whatever the JVM's default now is. */
    public static ZoneId local() {
        return LOCAL;
    }

    /** The instant of a time stored without a zone (Spring Batch's start and end times): stored in UTC. */
    public static Instant stored(LocalDateTime t) {
        return t.toInstant(ZoneOffset.UTC);
    }

    /** The zone the schedule uses, in words: "Europe/Zurich". */
    public static String described() {
        return LOCAL.getId();
    }

    /** The warning for the process's TZ, if it names no zone. */
    public static Optional<String> warning() {
        return warning(System.getenv("TZ"), LOCAL);
    }

    /**
     * @param tz   the TZ environment variable (null: not set, the system's zone is used)
     * @param used the zone the JVM took
     */
    static Optional<String> warning(String tz, ZoneId used) {
        if (tz == null || tz.isBlank()) {
            return Optional.empty();
        }
        // POSIX's ":Europe/Zurich" names the zone after the colon.
        String name = tz.startsWith(":") ? tz.substring(1) : tz;
        try {
            ZoneId.of(name);
            return Optional.empty();
        } catch (DateTimeException e) {
            return Optional.of("TZ is '" + tz + "', which names no time zone: times, and the schedule's, are in " + used.getId()
                    + " instead; set TZ to a zone such as Europe/Zurich, or unset it for the system's");
        }
    }
}
