package org.pbannex.config;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The time zone the schedule's times are in: the JVM's, which it takes from TZ (else the system's). A TZ that names no
 * zone (TZ=Bogus/Zone) is not refused by the JVM: it runs on GMT instead, and every scheduled time moves without a
 * word; so it is told, as an unknown setting is.
 */
public final class TimeZoneSetting {

    private TimeZoneSetting() {
    }

    /** The zone the schedule uses, in words: "Europe/Zurich". */
    public static String described() {
        return ZoneId.systemDefault().getId();
    }

    /** The warning for the process's TZ, if it names no zone. */
    public static Optional<String> warning() {
        return warning(System.getenv("TZ"), ZoneId.systemDefault());
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
