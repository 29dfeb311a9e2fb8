package org.pbannex.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.support.CronExpression;

/**
 * The schedule's next run across the nights the clocks change, from given instants (no clock faked): a time the
 * clocks skip runs at their jump, as cron runs it; a time they repeat runs once.
 */
class NextRunTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");

    /** The instants the schedule runs at from {@code from}, each found after the one before (as the scheduler does). */
    private static List<Instant> runs(String cron, Instant from, ZoneId zone, int count) {
        List<Instant> out = new ArrayList<>();
        Instant now = from;
        for (int i = 0; i < count; i++) {
            NextRun next = NextRun.after(CronExpression.parse(cron), now, zone);
            out.add(next.at().toInstant());
            // The run takes a little while: the scheduler looks for the next one once it has ended.
            now = next.at().toInstant().plusSeconds(41);
        }
        return out;
    }

    private static List<Instant> instants(String... utc) {
        return java.util.Arrays.stream(utc).map(Instant::parse).toList();
    }

    @Test
    void aTimeTheClocksSkipRunsAtTheirJump() {
        // New York, 2027-03-14: 02:00 EST becomes 03:00 EDT (07:00Z). The nightly 02:30 runs at 03:00 EDT, then as usual.
        NextRun jump = NextRun.after(CronExpression.parse("0 30 2 * * *"), Instant.parse("2027-03-14T06:58:30Z"), NEW_YORK);
        assertEquals(Instant.parse("2027-03-14T07:00:00Z"), jump.at().toInstant());
        assertTrue(jump.skipped());
        assertEquals("2027-03-14T03:00:00 (America/New_York; 02:30:00 does not exist on 2027-03-14, the clocks go forward: "
                + "run at 03:00:00)", jump.described());
        assertEquals(instants("2027-03-13T07:30:00Z", "2027-03-14T07:00:00Z", "2027-03-15T06:30:00Z"),
                runs("0 30 2 * * *", Instant.parse("2027-03-13T05:00:00Z"), NEW_YORK, 3));
        // Zurich (Geneva's zone), 2027-03-28: 02:00 CET becomes 03:00 CEST (01:00Z).
        assertEquals(instants("2027-03-27T01:30:00Z", "2027-03-28T01:00:00Z", "2027-03-29T00:30:00Z"),
                runs("0 30 2 * * *", Instant.parse("2027-03-27T00:00:00Z"), ZURICH, 3));
        // Hourly: 02:00 does not exist; the run at the jump is the one of 03:00 too, once.
        assertEquals(instants("2027-03-14T06:00:00Z", "2027-03-14T07:00:00Z", "2027-03-14T08:00:00Z"),
                runs("0 0 * * * *", Instant.parse("2027-03-14T05:30:00Z"), NEW_YORK, 3));
    }

    @Test
    void aTimeTheClocksRepeatRunsOnce() {
        // New York, 2027-11-07: 02:00 EDT becomes 01:00 EST (06:00Z); 01:30 comes twice, the job runs at the first only.
        assertEquals(instants("2027-11-06T05:30:00Z", "2027-11-07T05:30:00Z", "2027-11-08T06:30:00Z"),
                runs("0 30 1 * * *", Instant.parse("2027-11-06T05:00:00Z"), NEW_YORK, 3));
        // Found during the second 01:00-02:00 (01:10 EST, after the first 01:30 ran): tomorrow's, not again tonight.
        NextRun after = NextRun.after(CronExpression.parse("0 30 1 * * *"), Instant.parse("2027-11-07T06:10:00Z"), NEW_YORK);
        assertEquals(Instant.parse("2027-11-08T06:30:00Z"), after.at().toInstant());
        assertFalse(after.skipped());
        // Zurich, 2027-10-31: 03:00 CEST becomes 02:00 CET (01:00Z); the nightly 02:30 runs once, at 02:30 CEST.
        assertEquals(instants("2027-10-30T00:30:00Z", "2027-10-31T00:30:00Z", "2027-11-01T01:30:00Z"),
                runs("0 30 2 * * *", Instant.parse("2027-10-30T00:00:00Z"), ZURICH, 3));
        assertEquals("2027-10-31T02:30:00 (Europe/Zurich)",
                NextRun.after(CronExpression.parse("0 30 2 * * *"), Instant.parse("2027-10-30T23:00:00Z"), ZURICH).described());
    }

    @Test
    void aScheduleWithNoTimeHasNone() {
        // 30 February never comes: the scheduler then says "none" for the job rather than failing.
        assertNull(NextRun.after(CronExpression.parse("0 0 0 30 2 *"), Instant.parse("2027-03-01T00:00:00Z"), ZURICH));
    }
}
