package org.pbannex.expenditure;

import java.sql.Connection;
import org.postgresql.core.PGStream;
import org.postgresql.util.ServerErrorMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a PostgreSQL server said as it ended a connection in the middle of a COPY (shut down, restarted, the session
 * terminated: "FATAL: terminating connection due to administrator command", 57P01). The driver writes the COPY's lines
 * without reading, so a server that ends the connection is found by the next write failing, and the driver says only
 * "Database connection failed when writing to copy": the server's message is still in the socket, unread. It is read
 * here, once the COPY has failed, from the driver's stream (a field the driver keeps to itself: read by reflection,
 * and any failure to do so leaves the reason unknown, never hides the failure).
 */
final class ServerLastWord {

    private static final Logger LOG = LoggerFactory.getLogger(ServerLastWord.class);

    private ServerLastWord() {
    }

    /** The error the server sent on {@code db} and the driver did not read, if any (null: none, or not readable). */
    static ServerErrorMessage read(Connection db) {
        try {
            Object executor = db.unwrap(org.postgresql.jdbc.PgConnection.class).getQueryExecutor();
            java.lang.reflect.Field field = org.postgresql.core.QueryExecutorBase.class.getDeclaredField("pgStream");
            field.setAccessible(true);
            PGStream stream = (PGStream) field.get(executor);
            // An ErrorResponse ('E'), its length, its fields: what the server sent before it closed the connection.
            if (stream.isClosed() || !stream.hasMessagePending() || stream.peekChar() != 'E') {
                return null;
            }
            stream.receiveChar();
            int length = stream.receiveInteger4();
            return new ServerErrorMessage(stream.receiveErrorString(length - 4));
        } catch (Exception | LinkageError e) {
            LOG.info("the server's last message on the COPY's connection could not be read: {}", e.toString());
            return null;
        }
    }
}
