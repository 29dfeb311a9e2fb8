package org.pbannex.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import org.springframework.scheduling.support.CronExpression;

/**
 * When a job's schedule next runs, after an instant, in the local zone, across the clock changes as cron runs it.
 * A schedule names wall-clock times; Spring's {@code CronExpression} gives the next one, but given a ZonedDateTime it
 * passes over a time the clocks skip (02:30 on a night they go 02:00 -> 03:00: the next day's) and gives a time of the
 * hour they repeat twice (01:30 EDT, then 01:30 EST), where cron runs the first at the change and the second once.
 * So the next wall-clock time is taken from the local time, and made an instant here: a time the clocks skip is run
 * at the instant they jump (03:00), a time they repeat at its first occurrence, and a time whose instant has passed
 * (the repeated hour's second pass, a skipped time already run at the jump) is passed over.
 *
 * @param at        the instant it runs, in the zone
 * @param scheduled the wall-clock time the schedule names (another than at's when the clocks skipped it)
 */
public record NextRun(ZonedDateTime at, LocalDateTime scheduled) {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** The next run after {@code now}, or null when the schedule has none. */
    public static NextRun after(CronExpression cron, Instant now, ZoneId zone) {
        LocalDateTime local = LocalDateTime.ofInstant(now, zone);
        while (true) {
            local = cron.next(local);
            if (local == null) {
                return null;
            }
            ZonedDateTime at = instant(local, zone);
            if (at.toInstant().isAfter(now)) {
                return new NextRun(at, local);
            }
        }
    }

    /** The wall-clock time as an instant: in a gap, the jump's; in an overlap, the first (ZonedDateTime's choice). */
    private static ZonedDateTime instant(LocalDateTime local, ZoneId zone) {
        ZoneOffsetTransition change = zone.getRules().getTransition(local);
        if (change != null && change.isGap()) {
            return change.getInstant().atZone(zone);
        }
        return ZonedDateTime.ofLocal(local, zone, null).withEarlierOffsetAtOverlap();
    }

    /** Whether the clocks skip the scheduled time, so that it runs at their jump instead. */
    public boolean skipped() {
        return !at.toLocalDateTime().equals(scheduled);
    }

    /**
     * The time in words, to the second, with the zone, and why it is not the scheduled one when the clocks skip that:
     * "2027-03-14T03:00:00 (America/New_York; 02:30:00 does not exist on 2027-03-14, the clocks go forward: run at 03:00:00)".
     */
    public String described() {
        return described("");
    }

    /** As {@link #described()}, with words after the zone's name: ", this machine's time zone". */
    public String described(String aboutZone) {
        String zone = at.getZone().getId() + aboutZone;
        if (!skipped()) {
            return SECONDS.format(at) + " (" + zone + ")";
        }
        return SECONDS.format(at) + " (" + zone + "; " + TIME.format(scheduled) + " does not exist on " + scheduled.toLocalDate()
                + ", the clocks go forward: run at " + TIME.format(at) + ")";
    }
}
