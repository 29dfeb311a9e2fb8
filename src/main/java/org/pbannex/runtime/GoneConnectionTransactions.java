package org.pbannex.runtime;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.JdbcTransactionObjectSupport;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * Spring Boot's transaction manager, but a rollback on a connection that is gone (the driver closed it as its server
 * went silent or away) is no failure of its own: the server rolls back the transaction of a session that ended. Spring
 * threw the rollback's failure in place of the one that broke the connection ("JDBC rollback; This connection has been
 * closed." for a COPY the server stopped taking), and the run's line lost what had happened.
 */
public final class GoneConnectionTransactions extends JdbcTransactionManager {

    private static final Logger LOG = LoggerFactory.getLogger(GoneConnectionTransactions.class);

    public GoneConnectionTransactions(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void doRollback(DefaultTransactionStatus status) {
        try {
            super.doRollback(status);
        } catch (RuntimeException e) {
            if (!gone(status, e)) {
                throw e;
            }
            LOG.warn("no rollback on a connection that is gone: {}", e.getMessage());
        }
    }

    /**
     * Whether the rollback failed for its connection being gone: lost or refused (08...), or closed already (HikariCP
     * closes a connection it found broken, and its "Connection is closed" has no SQL state).
     */
    private static boolean gone(DefaultTransactionStatus status, RuntimeException failure) {
        if (DatabaseUnavailable.unreachable(failure)) {
            return true;
        }
        try {
            return status.getTransaction() instanceof JdbcTransactionObjectSupport t && t.hasConnectionHolder()
                    && t.getConnectionHolder().getConnection().isClosed();
        } catch (SQLException | RuntimeException unknown) {
            return false;
        }
    }
}
