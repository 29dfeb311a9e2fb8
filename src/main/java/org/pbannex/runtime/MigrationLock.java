package org.pbannex.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flyway's migration at start-up, its wait for its lock told. On PostgreSQL Flyway holds an advisory lock while it
 * checks, creates or updates pb-annex's tables, which it asks for once a second (pg_try_advisory_xact_lock), as many
 * times as spring.flyway.lock-retry-count (DatabaseConnection: one a second of pb.database.lock-timeout); when another
 * session holds it all that while (another pb-annex creating the tables of a new database, a session that took it by
 * hand), Flyway gives up with "Number of retries exceeded ...". That is told as a {@link LockWait} naming the session
 * that holds the lock, as pg_locks and pg_stat_activity show it then.
 */
public final class MigrationLock {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationLock.class);

    /**
     * Flyway's advisory locks: its number plus the hash of the schema history table's name, an int. The session's own and
     * other databases' locks aside; since when: its transaction's start, or its state's for a session-level lock held
     * outside one.
     */
    private static final String HOLDER = "SELECT l.pid, a.application_name, a.state, COALESCE(a.xact_start, a.state_change) "
            + "FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid "
            + "WHERE l.granted AND l.locktype = 'advisory' AND l.objsubid = 1 AND l.pid <> pg_backend_pid() "
            + "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
            + "AND ((l.classid::bigint << 32) | l.objid::bigint) BETWEEN ? AND ? ORDER BY a.xact_start LIMIT 1";

    /** Flyway's PostgreSQLAdvisoryLockTemplate.LOCK_MAGIC_NUM. */
    private static final long FLYWAY_LOCKS = 77431708279161L;

    private MigrationLock() {
    }

    /** Migrates as Spring Boot would; a lock Flyway could not get is told with its holder. */
    public static void migrate(Flyway flyway) {
        try {
            flyway.migrate();
        } catch (FlywayException e) {
            if (!String.valueOf(e.getMessage()).startsWith("Number of retries exceeded while attempting to acquire PostgreSQL "
                    + "advisory lock")) {
                throw e;
            }
            throw new FlywayException("Flyway could not take its lock", new LockWait(LockWait.Lock.MIGRATION,
                    holder(flyway.getConfiguration().getDataSource()), e));
        }
    }

    /** The session holding Flyway's lock, or null (let go since, or not readable). */
    private static LockWait.Holder holder(javax.sql.DataSource database) {
        try (Connection c = database.getConnection(); PreparedStatement st = c.prepareStatement(HOLDER)) {
            st.setLong(1, FLYWAY_LOCKS + Integer.MIN_VALUE);
            st.setLong(2, FLYWAY_LOCKS + Integer.MAX_VALUE);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? new LockWait.Holder(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class)) : null;
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("could not read who holds Flyway's lock: {}", e.toString());
            return null;
        }
    }
}
