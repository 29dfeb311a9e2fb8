package org.pbannex.runtime;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * A time as the program's lines say it: UTC to the second, with Z (2026-12-06T00:16:00Z), as the run lines give times.
 * An Instant's text, which keeps ":00" at a whole minute (an OffsetDateTime's drops it) and, truncated, has no fraction
 * (Instant.now()'s has up to nine digits).
 */
public final class Times {

    private Times() {
    }

    public static String toSecond(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    public static String toSecond(OffsetDateTime t) {
        return toSecond(t.toInstant());
    }

    /**
     * A time as the status files note it (work/status/), to the millisecond, though every line shows it to the second
     * ({@link #shownToSecond}): failures noted in two files (the job's and its biennium's) are told in the order they
     * happened, and a scheduler asks whether its run noted its own failure since it started (RunOutcomes.noted), which
     * a time to the second cannot tell of a run that failed within its first second.
     */
    public static String toMillisecond(Instant t) {
        return t.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /** A noted line that starts with a time ({@link #toMillisecond}), as it is shown: its time to the second. */
    public static String shownToSecond(String noted) {
        int space = noted.indexOf(' ');
        return toSecond(Instant.parse(space < 0 ? noted : noted.substring(0, space))) + (space < 0 ? "" : noted.substring(space));
    }

    /** A span as a person reads it: "45 s", "12 min", "2 h 43 min", "3 d 4 h". */
    public static String span(java.time.Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min";
        }
        if (s < 86400) {
            return s / 3600 + " h " + s % 3600 / 60 + " min";
        }
        return s / 86400 + " d " + s % 86400 / 3600 + " h";
    }
}
