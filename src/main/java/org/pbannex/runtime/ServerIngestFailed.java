package org.pbannex.runtime;

import java.sql.SQLException;
import org.pbannex.ingest.Said;

/**
 * A statement of the PostgreSQL engine's ingest of the expenditure lines that failed at the server: its disk full, its
 * connection ended or lost, or another error of the server's. Said with what was under way and the server's reason,
 * not in the driver's words, which misled (tester77b M2, M3): "Where: COPY pb_expenditure_lines, line 117928" is a line
 * of the stream the engine sends the server (its good lines with their file, line and offset), not line 117928 of the
 * input file, where an operator opened it; "could not write to file .../pgsql_tmp..." said nothing of which query was
 * under way; and "Database connection failed when writing to copy" dropped why the connection went, and of which file.
 *
 * <p>Its SQL state is the server's (53100 for a full disk), or the driver's for a connection lost (08006), so that a
 * connection lost is still told as the database gone ({@link DatabaseUnavailable#unreachable}).
 */
public final class ServerIngestFailed extends SQLException {

    /** PostgreSQL's disk_full: a file of a table, or a temporary file of a sort, that could not grow. */
    public static final String DISK_FULL = "53100";

    /**
     * About how many times the size of the expenditure files the PostgreSQL engine takes on the server at its peak: the
     * staging table, and the sorts of the duplicates' and sums' queries (measured: README, "Database").
     */
    static final int TEMPORARY_SPACE = 5;

    /** What the server was doing: its words are report.cause.server_during.WORD. */
    public enum During {
        /** The COPY of the expenditure lines, at a line of an input file. */
        COPY_AT,
        /** The COPY, at a line of its stream that cannot be told as a line of the file. */
        COPY_STREAM,
        /** The COPY of a file, the line not known. */
        COPY,
        /** The query of the lines whose id an earlier line had. */
        DUPLICATES,
        /** The sums of the lines. */
        SUMS;

        String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final transient Said said;

    private ServerIngestFailed(Said said, String state, Throwable cause) {
        super(said.english(), state, cause);
        this.said = said;
    }

    /**
     * The failure {@code e} of a statement of the ingest, told with what was under way: {@code during}, and for the COPY
     * {@code file} (as messages show it) and {@code line} (of that file, or of the COPY's stream; 0: not known).
     */
    public static ServerIngestFailed of(SQLException e, During during, String file, long line) {
        return of(e, null, during, file, line);
    }

    /**
     * As {@link #of(SQLException, During, String, long)}, with what the server said as it ended the connection, read
     * after the driver's failure ({@code lastWord}; null: nothing); the failure's state stays the driver's (a connection
     * lost, 08006), so that the run asks that database nothing more.
     */
    public static ServerIngestFailed of(SQLException e, org.postgresql.util.ServerErrorMessage lastWord, During during, String file,
                                        long line) {
        Said where = during == During.DUPLICATES || during == During.SUMS ? Said.cause("server_during." + during.word())
                : during == During.COPY ? Said.cause("server_during.copy", "file", String.valueOf(file))
                : Said.cause("server_during." + during.word(), "file", String.valueOf(file), "line", String.valueOf(line));
        boolean full = DISK_FULL.equals(stateOf(e));
        Said todo = full ? Said.cause("server_todo.disk_full", "times", String.valueOf(TEMPORARY_SPACE)) : null;
        Said why = lastWord != null ? ended(lastWord) : reason(e);
        return new ServerIngestFailed(Said.cause("server_failed", "reason", why, "during", where, "todo", todo),
                stateOf(e) == null ? "08006" : stateOf(e), e);
    }

    /** Whether the server answered the statement with an error of its own (not a connection gone without a word). */
    public static boolean answered(SQLException e) {
        return serverMessage(e) != null;
    }

    /**
     * The server's reason: its disk full, the connection it ended (its own words), its error in its words and state;
     * or, with no word from it, the connection lost, for the system's reason the driver's cause gives.
     */
    private static Said reason(SQLException e) {
        org.postgresql.util.ServerErrorMessage server = serverMessage(e);
        String state = stateOf(e);
        if (server == null) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            return Said.cause("server_why.lost", "server", root == e || root.getMessage() == null ? String.valueOf(e.getMessage())
                    : root.getMessage());
        }
        if (DISK_FULL.equals(state)) {
            return Said.cause("server_why.disk_full", "server", server.getMessage());
        }
        if (state != null && (state.startsWith("57P") || state.startsWith("08"))) {
            return ended(server);
        }
        return Said.cause("server_why.error", "server", server.getMessage() + " (" + state + ")");
    }

    /** The server's own end of the connection (shut down, restarted, a session terminated): its words and state. */
    private static Said ended(org.postgresql.util.ServerErrorMessage server) {
        return Said.cause("server_why.ended", "server", server.getSeverity() + ": " + server.getMessage() + " (" + server.getSQLState()
                + ")");
    }

    /** The server's error message the driver kept, if any (none when the connection went without one). */
    private static org.postgresql.util.ServerErrorMessage serverMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null) {
                return p.getServerErrorMessage();
            }
        }
        return null;
    }

    private static String stateOf(Throwable e) {
        org.postgresql.util.ServerErrorMessage server = serverMessage(e);
        if (server != null && server.getSQLState() != null) {
            return server.getSQLState();
        }
        return e instanceof SQLException s ? s.getSQLState() : null;
    }

    /**
     * The line of the COPY's stream the server's error names ("COPY pb_expenditure_lines, line 117928"), 0 when it
     * names none.
     */
    public static long streamLine(SQLException e) {
        org.postgresql.util.ServerErrorMessage server = serverMessage(e);
        String where = server == null ? null : server.getWhere();
        java.util.regex.Matcher m = where == null ? null : java.util.regex.Pattern.compile("COPY \\S+, line (\\d+)").matcher(where);
        return m != null && m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /** The failure of the ingest that {@code failure} comes of, or null. */
    public static ServerIngestFailed of(Throwable failure) {
        return ExitCodes.causeOf(failure, ServerIngestFailed.class);
    }

    /** The line in a report's words (report.cause.server_failed and its parts). */
    public Said said() {
        return said;
    }
}
