package org.pbannex.publish;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A lock row per biennium in the database, so two overlapping runs (even in two processes) never both publish.
 * A lock older than {@link #STALE} is taken over: its holder died without releasing it. Taking and releasing
 * the lock commit at once, in their own transactions, so other processes see them (and so a refused insert does
 * not abort the step's transaction on PostgreSQL).
 */
public final class PublishLock {

    static final Duration STALE = Duration.ofHours(2);
    private final JdbcTemplate jdbc;
    private final TransactionTemplate own;

    public PublishLock(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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
            own.executeWithoutResult(t -> jdbc.update(
                    "INSERT INTO pb_publish_lock (biennium, run_id, acquired_at) VALUES (?, ?, ?)", biennium, runId, now));
            return;
        } catch (DataIntegrityViolationException held) {
            // someone holds it: take it over only if it is stale
        }
        Integer taken = own.execute(t -> jdbc.update(
                "UPDATE pb_publish_lock SET run_id = ?, acquired_at = ? WHERE biennium = ? AND acquired_at < ?",
                runId, now, biennium, Timestamp.from(Instant.now().minus(STALE))));
        if (taken == null || taken == 0) {
            String holder = own.execute(t -> jdbc.query("SELECT run_id FROM pb_publish_lock WHERE biennium = ?",
                    rs -> rs.next() ? rs.getString(1) : "unknown", biennium));
            throw new Busy("another run (" + holder + ") is publishing " + biennium + " now; try again when it has finished");
        }
    }

    public void release(String biennium, String runId) {
        own.executeWithoutResult(t -> jdbc.update("DELETE FROM pb_publish_lock WHERE biennium = ? AND run_id = ?", biennium, runId));
    }
}
