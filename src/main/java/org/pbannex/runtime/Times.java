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
}
