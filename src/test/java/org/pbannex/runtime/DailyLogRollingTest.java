package org.pbannex.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log's daily rolling: local days and midnights (summer time included), the roll-over, the days kept. */
class DailyLogRollingTest {

    @TempDir
    Path dir;

    private static long at(String local, String zone) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(local), ZoneId.of(zone)).toInstant().toEpochMilli();
    }

    @Test
    void daysAndMidnightsAreLocalAcrossSummerTime() {
        String zurich = "Europe/Zurich";
        DailyLogRolling<Object> r = new DailyLogRolling<>(dir.resolve("x.log"), 30, TimeZone.getTimeZone(zurich));
        assertEquals("2026-03-28", r.day(at("2026-03-28T23:59:59", zurich)));
        assertEquals("2026-03-29", r.day(at("2026-03-29T00:00:00", zurich)));
        // The night summer time starts (29 March 2026, 02:00 -> 03:00): the next midnight is still local midnight.
        assertEquals(at("2026-03-30T00:00:00", zurich), r.nextMidnight(at("2026-03-29T01:30:00", zurich)));
        assertEquals(at("2026-10-26T00:00:00", zurich), r.nextMidnight(at("2026-10-25T12:00:00", zurich)));
        String shanghai = "Asia/Shanghai";
        DailyLogRolling<Object> s = new DailyLogRolling<>(dir.resolve("x.log"), 30, TimeZone.getTimeZone(shanghai));
        assertEquals("2026-12-05", s.day(at("2026-12-05T07:30:00", shanghai)));
        assertEquals(at("2026-12-06T00:00:00", shanghai), s.nextMidnight(at("2026-12-05T07:30:00", shanghai)));
    }

    @Test
    void aLogFromAnEarlierDayRollsOverUnderThatDayAndOldLogsGo() throws Exception {
        TimeZone zone = TimeZone.getDefault();
        Path log = dir.resolve("pb-annex.log");
        Files.writeString(log, "yesterday's line\n");
        long yesterday = System.currentTimeMillis() - 86_400_000L;
        Files.setLastModifiedTime(log, FileTime.fromMillis(yesterday));
        LocalDate today = LocalDate.now(zone.toZoneId());
        Path old = dir.resolve("pb-annex." + today.minusDays(40) + ".log");
        Path kept = dir.resolve("pb-annex." + today.minusDays(10) + ".log");
        Path other = dir.resolve("warm.out");
        for (Path p : new Path[] {old, kept, other}) {
            Files.writeString(p, "x\n");
        }
        DailyLogRolling<Object> r = new DailyLogRolling<>(log, 30, zone);
        r.start();
        assertTrue(r.isTriggeringEvent(log.toFile(), null), "the first line written today rolls yesterday's log over");
        r.rollover();
        Path rolled = dir.resolve("pb-annex." + new DailyLogRolling<>(log, 30, zone).day(yesterday) + ".log");
        assertEquals("yesterday's line\n", Files.readString(rolled));
        assertFalse(Files.exists(log));
        assertFalse(Files.exists(old), "older than 30 days");
        assertTrue(Files.exists(kept) && Files.exists(other));
        assertFalse(r.isTriggeringEvent(log.toFile(), null), "not again before midnight");

        // Today's log, rolled by another process already: what this one wrote goes after it.
        Files.writeString(log, "more of yesterday\n");
        r = new DailyLogRolling<>(log, 30, zone);
        Files.setLastModifiedTime(log, FileTime.fromMillis(yesterday));
        r.start();
        r.rollover();
        assertEquals("yesterday's line\nmore of yesterday\n", Files.readString(rolled));
    }
}
