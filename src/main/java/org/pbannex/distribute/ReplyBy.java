package org.pbannex.distribute;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.pbannex.publish.PublishedRun;
import org.pbannex.runtime.UsageError;

/**
 * The date by which a run's reviewers are asked to send corrections, in their message: one named on the command line,
 * else the job's {@code replyWithinDays} after the run was published (its date in UTC, as its id has it); none when
 * neither is given. Taken from the run, never the clock, so that a message written again says the same.
 */
public final class ReplyBy {

    private ReplyBy() {
    }

    /**
     * @param named a date from the command line (null: none); it may not be before the run was published
     * @param days  the job's replyWithinDays (null: none)
     */
    public static LocalDate of(PublishedRun run, LocalDate named, Integer days) {
        LocalDate published = LocalDate.ofInstant(Instant.parse(run.startedAt()), ZoneOffset.UTC);
        if (named != null) {
            if (named.isBefore(published)) {
                throw new UsageError("--reply-by " + named + " is before run " + run.runId() + " was published (" + published
                        + "): name a later date");
            }
            return named;
        }
        return days == null ? null : published.plusDays(days);
    }
}
