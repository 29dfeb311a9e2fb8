package org.pbannex.runtime;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.util.PSQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL connection whose statements, when the server ends one for waiting its lock_timeout (55P03), fail with a
 * {@link LockWait} naming the lock and the session that holds it, read at once from pg_locks and pg_stat_activity on
 * another connection of the pool (the waiting one's transaction is aborted; the holder, which kept the lock for the
 * whole timeout, most likely still has it). The server's error names the table only for a row's lock ("while locking
 * tuple (0,1) in relation ..."); for a table's, the tables the statement names are the ones looked at, so the
 * statement's text is kept with it.
 */
final class LockWaits {

    private static final Logger LOG = LoggerFactory.getLogger(LockWaits.class);

    private static final Pattern RELATION = Pattern.compile("relation \"([^\"]+)\"");

    /** The table lock modes, weakest first: the holder named is the one holding the strongest on the table. */
    private static final String HOLDER = "SELECT l.pid, a.application_name, a.state, a.xact_start, c.relname "
            + "FROM pg_locks l JOIN pg_class c ON c.oid = l.relation LEFT JOIN pg_stat_activity a ON a.pid = l.pid "
            + "WHERE l.granted AND l.locktype = 'relation' AND l.pid <> ? AND l.pid <> pg_backend_pid() "
            + "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) AND c.relname = ANY (?) "
            + "ORDER BY c.relname = ? DESC, array_position(ARRAY['AccessShareLock', 'RowShareLock', 'RowExclusiveLock', "
            + "'ShareUpdateExclusiveLock', 'ShareLock', 'ShareRowExclusiveLock', 'ExclusiveLock', 'AccessExclusiveLock'], "
            + "l.mode::text) DESC, a.xact_start LIMIT 1";

    private LockWaits() {
    }

    /** {@code connection}, its lock waits told by {@link LockWait}; {@code pool} gives the connection that finds out. */
    static Connection watch(Connection connection, DataSource pool) {
        return (Connection) proxy(Connection.class, new Handler(connection, new Watched(connection, pool, null)));
    }

    private static Object proxy(Class<?> type, InvocationHandler handler) {
        return Proxy.newProxyInstance(LockWaits.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    /** A connection, or one of its statements ({@code sql}: a prepared one's text), and the pool that finds out. */
    private record Watched(Connection connection, DataSource pool, String sql) {
    }

    /** Passes every call on; a statement made is watched too, and a lock wait that fails one is told. */
    private record Handler(Object target, Watched watched) implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                default:
                    break;
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                Throwable failure = e.getCause();
                String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : watched.sql();
                if (failure instanceof PSQLException p && LockWait.STATE.equals(p.getSQLState())) {
                    throw told(watched, sql, p);
                }
                throw failure;
            }
            if (result instanceof Statement s && !(result instanceof ResultSet)) {
                String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : null;
                Watched statement = new Watched(watched.connection(), watched.pool(), sql);
                Class<?> type = s instanceof CallableStatement ? CallableStatement.class
                        : s instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
                return proxy(type, new Handler(s, statement));
            }
            return result;
        }
    }

    /** The lock wait, its lock and holder as the server's tables show them now (logged, and left unknown, if they cannot). */
    private static LockWait told(Watched watched, String sql, PSQLException waited) {
        String where = waited.getServerErrorMessage() == null ? null : waited.getServerErrorMessage().getWhere();
        Matcher m = RELATION.matcher(String.valueOf(where));
        String named = m.find() ? m.group(1) : null;
        String[] tables = named != null ? new String[] {named}
                : sql == null ? new String[0] : Arrays.stream(sql.toLowerCase(Locale.ROOT).split("[^a-z0-9_]+")).distinct()
                .toArray(String[]::new);
        LockWait.Holder holder = null;
        String table = named;
        try (Connection c = watched.pool().getConnection();
             PreparedStatement st = c.prepareStatement(HOLDER)) {
            st.setLong(1, watched.connection().unwrap(PGConnection.class).getBackendPID());
            st.setArray(2, c.createArrayOf("text", tables));
            st.setString(3, String.valueOf(named));
            try (ResultSet rs = st.executeQuery()) {
                if (rs.next()) {
                    holder = new LockWait.Holder(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, OffsetDateTime.class));
                    table = rs.getString(5);
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("could not read who holds the lock a statement waited for: {}", e.toString());
        }
        LockWait.Lock lock = table == null ? LockWait.Lock.UNKNOWN
                : new LockWait.Lock(named != null && String.valueOf(where).contains("tuple") ? "row" : "table", table);
        return new LockWait(lock, holder, waited);
    }
}
