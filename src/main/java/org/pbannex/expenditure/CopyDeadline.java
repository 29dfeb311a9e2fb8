package org.pbannex.expenditure;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.pbannex.runtime.DatabaseSilence;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The COPY's calls, each bounded by the connection's socket timeout. The driver's socket timeout bounds reads only: a
 * server that stops taking the lines (SIGSTOP'd, its network gone) once the socket's buffers are full leaves the write
 * blocked for ever (its host's kernel keeps the window shut and answers every probe), seen holding a run until
 * pb.run.timeout. A call that has not returned within the limit closes the connection under it, and the COPY fails as
 * a database gone silent ({@link DatabaseSilence}).
 */
final class CopyDeadline {

    private static final Logger LOG = LoggerFactory.getLogger(CopyDeadline.class);

    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private final Connection driver;
    private final DatabaseSilence.Limit limit;
    private volatile boolean expired;

    /** A call to the driver. */
    interface Call<T> {
        T call() throws SQLException;
    }

    private CopyDeadline(Connection driver, DatabaseSilence.Limit limit) {
        this.driver = driver;
        this.limit = limit;
    }

    /** The deadline of the COPY on {@code db}: its socket timeout (none when it has none), named by its setting. */
    static CopyDeadline of(Connection db) throws SQLException {
        return new CopyDeadline((Connection) db.unwrap(PGConnection.class), new DatabaseSilence.Limit(
                Duration.ofMillis(db.getNetworkTimeout()), DatabaseSilence.statements().setting()));
    }

    /** Runs {@code call}, closing the connection if it has not returned within the limit. */
    <T> T within(Call<T> call) throws SQLException {
        if (limit.within().isZero()) {
            return call.call();
        }
        ScheduledFuture<?> abort = TIMER.schedule(this::abort, limit.within().toMillis(), TimeUnit.MILLISECONDS);
        try {
            return call.call();
        } catch (SQLException e) {
            throw expired ? new DatabaseSilence(DatabaseSilence.Asked.COPY, limit, e) : e;
        } finally {
            abort.cancel(false);
        }
    }

    /** Whether a call outlasted the limit (the connection is closed: nothing more can be sent on it, a cancel neither). */
    boolean expired() {
        return expired;
    }

    private void abort() {
        expired = true;
        LOG.warn("the COPY of the expenditure lines took nothing for {}: closing its connection", limit.words());
        try {
            // pgjdbc's abort closes the socket at once, without the lock the blocked write holds.
            driver.abort(Runnable::run);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("could not close the connection of the COPY: {}", e.toString());
        }
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "copy-deadline");
            thread.setDaemon(true);
            return thread;
        });
        t.setRemoveOnCancelPolicy(true);
        return t;
    }
}
