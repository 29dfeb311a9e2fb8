package org.pbannex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * The reason a database could not be used, as the one line gives it: the driver's words, and the reason where the
 * driver hides it (an unknown host, a database pb-annex has no driver for). Seen with a host that does not exist and a
 * MySQL URL, which said "The connection attempt failed." and "com.mysql.cj.jdbc.Driver".
 */
class DatabaseCauseTest {

    @Test
    void anUnknownHostIsSaid() {
        var e = new IllegalStateException("context", new SQLException("The connection attempt failed.",
                new UnknownHostException("nosuchhost.invalid")));
        assertEquals("unknown host nosuchhost.invalid (The connection attempt failed.)", SpringRuntime.cause(e));
    }

    @Test
    void aDatabaseWithoutADriverIsSaid() {
        var e = new IllegalStateException("Cannot load driver class: com.mysql.cj.jdbc.Driver",
                new ClassNotFoundException("com.mysql.cj.jdbc.Driver"));
        assertEquals("no database driver for this URL: pb-annex works with PostgreSQL (jdbc:postgresql:) and its embedded H2 "
                + "(jdbc:h2:)", SpringRuntime.cause(e));
    }

    @Test
    void aRefusedConnectionKeepsTheDriversWords() {
        var e = new IllegalStateException("context", new SQLException("Connection to localhost:1 refused. Check that the "
                + "hostname and port are correct and that the postmaster is accepting TCP/IP connections.",
                new ConnectException("Connection refused")));
        assertEquals("Connection to localhost:1 refused. Check that the hostname and port are correct and that the postmaster "
                + "is accepting TCP/IP connections.", SpringRuntime.cause(e));
    }
}
