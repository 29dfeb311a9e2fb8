package org.pbannex.publish;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A lock row per biennium in the database, so two overlapping runs (even in two processes) never both publish.
 * A lock older than {@link #STALE} is taken over: its holder died without releasing it.
 */
public final class PublishLock {

    static final Duration STALE = Duration.ofHours(2);
    private final JdbcTemplate jdbc;

    public PublishLock(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Thrown when another run holds the lock (exit status 5). */
    public static class Busy extends RuntimeException {
        public Busy(String message) {
            super(message);
        }
    }

    public void acquire(String biennium, String runId) {
        Timestamp now = Timestamp.from(Instant.now());
        try {
            jdbc.update("INSERT INTO pb_publish_lock (biennium, run_id, acquired_at) VALUES (?, ?, ?)", biennium, runId, now);
        } catch (DuplicateKeyException e) {
            int taken = jdbc.update("UPDATE pb_publish_lock SET run_id = ?, acquired_at = ? WHERE biennium = ? AND acquired_at < ?",
                    runId, now, biennium, Timestamp.from(Instant.now().minus(STALE)));
            if (taken == 0) {
                String holder = jdbc.queryForObject("SELECT run_id FROM pb_publish_lock WHERE biennium = ?", String.class, biennium);
                throw new Busy("another run (" + holder + ") is publishing " + biennium + " now; try again when it has finished");
            }
        }
    }

    public void release(String biennium, String runId) {
        jdbc.update("DELETE FROM pb_publish_lock WHERE biennium = ? AND run_id = ?", biennium, runId);
    }
}
