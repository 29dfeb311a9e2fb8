package org.pbannex.runtime;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.DestructionAwareBeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The connection pool, but for a database the pool has just found gone: once it waited its whole connection timeout
 * for a connection the database did not give (connections lost, new ones refused or never answered), a request within
 * the next such timeout fails at once with that failure, and the first one after it asks the pool again (a server back
 * is used again). HikariCP would wait its timeout anew for each request, and Spring Batch asks for one for every
 * record it then tries to keep (the failed step's context and execution, the job's context and execution): four waits
 * before the run's line, ~30 s of the default 10 s. HikariCP has no setting for this, and its connection timeout
 * changed through its MXBean does not reach a running pool (7.0: read once, as the pool starts).
 */
public final class GoneDatabaseDataSource extends DelegatingDataSource {

    private static final Logger LOG = LoggerFactory.getLogger(GoneDatabaseDataSource.class);

    private final HikariDataSource pool;
    private final Duration wait;
    /** The pool's failure that found the database gone, and when (nanoTime); null while it gives connections. */
    private volatile Gone gone;

    private record Gone(SQLException failure, long at) {
    }

    private GoneDatabaseDataSource(HikariDataSource pool) {
        super(pool);
        this.pool = pool;
        this.wait = Duration.ofMillis(pool.getConnectionTimeout());
    }

    @Override
    public Connection getConnection() throws SQLException {
        return connection(() -> super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return connection(() -> super.getConnection(username, password));
    }

    private interface Open {
        Connection open() throws SQLException;
    }

    private Connection connection(Open open) throws SQLException {
        Gone known = gone;
        if (known != null && System.nanoTime() - known.at() < wait.toNanos()) {
            throw new SQLTransientConnectionException("not asked again within " + wait.toMillis() + " ms of the pool's "
                    + "failure to get a connection: " + known.failure().getMessage(), known.failure().getSQLState(), known.failure());
        }
        try {
            Connection c = open.open();
            gone = null;
            // A statement the server ends for waiting its lock_timeout is told with the lock's holder (LockWaits).
            return String.valueOf(pool.getJdbcUrl()).startsWith("jdbc:postgresql:") ? LockWaits.watch(c, pool) : c;
        } catch (SQLTransientConnectionException timedOut) {
            // The pool's wait ran out with room for more connections: the database gave none. (A pool whose connections
            // are all in use times out the same way, and says nothing of the database.)
            var state = pool.getHikariPoolMXBean();
            if (state == null || state.getActiveConnections() >= pool.getMaximumPoolSize()) {
                throw timedOut;
            }
            if (known == null) {
                LOG.warn("the database gave no connection within {} ms: requests within as long again fail at once",
                        wait.toMillis());
            }
            // Not refused, nor any other answer: silent, and said so (the driver's words would be a validation's "This
            // connection has been closed." or its login's "Connection attempt timed out.").
            boolean server = String.valueOf(pool.getJdbcUrl()).startsWith("jdbc:postgresql:");
            SQLException failure = server && DatabaseSilence.ofPool(timedOut) ? new DatabaseSilence(DatabaseSilence.Asked.CONNECTION,
                    new DatabaseSilence.Limit(wait, DatabaseSilence.POOL_SETTING), timedOut) : timedOut;
            gone = new Gone(failure, System.nanoTime());
            throw failure;
        }
    }

    /**
     * Wraps the context's pool in a GoneDatabaseDataSource, and closes a pool whose database is gone without waiting for
     * it: HikariCP's close waits up to its login timeout for an attempt to connect still under way, which held the
     * process (and cron's lock with it) 7 s past its line. (The context closes the pool it made, not the wrapper.)
     */
    public static final class Wrapping implements DestructionAwareBeanPostProcessor {

        private final Map<HikariDataSource, GoneDatabaseDataSource> wrapped = new IdentityHashMap<>();

        @Override
        public synchronized Object postProcessAfterInitialization(Object bean, String name) {
            if (bean instanceof HikariDataSource pool) {
                return wrapped.computeIfAbsent(pool, GoneDatabaseDataSource::new);
            }
            return bean;
        }

        @Override
        public synchronized void postProcessBeforeDestruction(Object bean, String name) {
            GoneDatabaseDataSource source = bean instanceof HikariDataSource ? wrapped.remove(bean) : null;
            // H2's file, in this process, is let go of in order (a damaged one is moved once it is).
            if (source == null || source.gone == null || String.valueOf(source.pool.getJdbcUrl()).startsWith("jdbc:h2:")) {
                return;
            }
            Thread closing = new Thread(source.pool::close, "pool-close");
            closing.setDaemon(true);
            closing.start();
            // Once it is marked closed, the context's own close of it returns at once.
            while (!source.pool.isClosed() && closing.isAlive()) {
                java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
            }
        }

        @Override
        public boolean requiresDestruction(Object bean) {
            return bean instanceof HikariDataSource;
        }
    }
}
