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
 *
 * <p>Why not pgjdbc's public API (looked at again for pgjdbc 42.7, closing of stop 78): the server's words are used
 * from it wherever it has them (ServerIngestFailed reads {@code PSQLException.getServerErrorMessage()} along the cause
 * chain, and its SQLState, first; this class is asked only when that found none). Here it has none to give: the
 * exception of the failed write is the driver's own, SQLState 08006 with the socket's IOException as its cause, made
 * before anything was read. Every public call that would read the message waits or writes first: {@code
 * PGConnection.getNotifications} (processNotifies) waits for the connection's lock, which the COPY still holds, in this
 * very thread, so it would never return; {@code CopyIn.endCopy} and {@code cancelCopy} send CopyDone or CopyFail first,
 * which fails on the closed socket before the reply is read; {@code isActive} and {@code getHandledRowCount} read
 * nothing. Without this read the line says "the connection to the server was lost (...)", not the server's "FATAL:
 * terminating connection due to administrator command (57P01)" (PostgresServerFailuresTest, which would fail so).
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
