package org.pbannex.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** A lock's holder is said with the time its transaction began, always to the second in UTC. */
class LockWaitHolderTest {

    /** At a whole minute an OffsetDateTime's text drops ":00"; the line keeps one shape (CI met it at 00:16:00). */
    @Test
    void aWholeMinuteKeepsItsSeconds() {
        OffsetDateTime zurich = OffsetDateTime.of(2026, 12, 6, 1, 16, 0, 0, ZoneOffset.ofHours(1));
        assertEquals("pid 8012, application_name 'nightly maintenance', idle in transaction since 2026-12-06T00:16:00Z",
                new LockWait.Holder(8012, "nightly maintenance", "idle in transaction", zurich).words());
    }

    @Test
    void fractionsOfASecondAreDropped() {
        OffsetDateTime at = OffsetDateTime.of(2026, 12, 6, 0, 16, 5, 987_000_000, ZoneOffset.UTC);
        assertEquals("2026-12-06T00:16:05Z", new LockWait.Holder(1, "x", "active", at).sinceWords());
    }
}
