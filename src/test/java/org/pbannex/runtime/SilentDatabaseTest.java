package org.pbannex.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.ChildRun;
import org.pbannex.CliRun;

/**
 * A PostgreSQL "server" that accepts connections and never answers (a host whose database hangs, a firewall that
 * swallows the packets), and a URL that names no database pb-annex has a driver for. Before, a run waited for ever in
 * the driver's authentication read, through pb.run.timeout and SIGTERM, holding cron's lock; the mistyped scheme was
 * reported as H2's driver refusing the URL.
 */
class SilentDatabaseTest {

    @TempDir
    Path tmp;

    @RegisterExtension
    final SilentServer silent = new SilentServer();

    private Map<String, String> settings(String connectTimeout) throws IOException {
        Map<String, String> m = new HashMap<>();
        m.put("spring.datasource.url", "jdbc:postgresql://127.0.0.1:" + silent.port() + "/pbannex");
        m.put("spring.datasource.username", "pbannex");
        m.put("pb.status", tmp.resolve("status").toString());
        m.put("pb.layout-memory", tmp.resolve("layout").toString());
        if (connectTimeout != null) {
            m.put("pb.database.connect-timeout", connectTimeout);
        }
        return CutNightly.in(tmp, m);
    }

    @Test
    void aServerThatNeverAnswersIsOneLineWithinTheConnectTimeout() throws Exception {
        Map<String, String> settings = settings("2s");
        String line = "pb-annex: PostgreSQL at 127.0.0.1:" + silent.port() + " (database pbannex, user pbannex) did "
                + "not answer within 2 s (pb.database.connect-timeout, PB_DATABASE_CONNECT_TIMEOUT)";
        for (String[] command : List.of(new String[] {"run", "nightly", "--force"}, new String[] {"history"})) {
            long began = System.nanoTime();
            CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(90), () -> CliRun.capture(settings, command),
                    String.join(" ", command) + " waited for the silent server");
            assertEquals(5, r.status(), r.toString());
            assertEquals(line, r.err().strip(), r.toString());
            assertTrue(System.nanoTime() - began < Duration.ofSeconds(30).toNanos(), "took too long: " + r);
        }
        // preflight says it on its database line, and goes on to the next check.
        CliRun preflight = assertTimeoutPreemptively(Duration.ofSeconds(90), () -> CliRun.capture(settings, "preflight", "nightly"));
        assertEquals(5, preflight.status(), preflight.toString());
        assertTrue(preflight.toString().contains(line.substring("pb-annex: ".length())), preflight.toString());
        // The failed night is in its job's status, for `status` and the next good run's message.
        assertTrue(Files.readString(tmp.resolve("status/nightly.2022-23.failed")).contains("did not answer within 2 s"));
    }

    @Test
    void aSignalEndsARunStartingOnASilentServer() throws Exception {
        // A connect timeout far beyond the test: only the signal can end it.
        Map<String, String> settings = settings("10m");
        ChildRun child = ChildRun.start(tmp, "term", settings, "run", "nightly", "--force");
        // Until the run is in the driver's read: the server has its connection.
        assertTrue(silent.awaitConnection(Duration.ofMinutes(2), child::alive), "never connected: " + child.err());
        Thread.sleep(1000);
        child.signal("TERM");
        long signalled = System.nanoTime();
        assertEquals(143, child.waitFor(Duration.ofSeconds(60)), child.err());
        long took = (System.nanoTime() - signalled) / 1_000_000;
        assertTrue(took < 15_000, "ended " + took + " ms after SIGTERM");
        assertEquals("pb-annex: interrupted (SIGTERM)", child.err().strip());
    }

    /**
     * A second signal ends the process at once, with its own status: the person who pressed Ctrl-C again, or systemd
     * after its stop timeout, does not wait for the first signal's orderly stop (here held up by the silent server).
     */
    @Test
    void aSecondSignalEndsTheProcessAtOnce() throws Exception {
        ChildRun child = ChildRun.start(tmp, "twice", settings("10m"), "run", "nightly", "--force");
        assertTrue(silent.awaitConnection(Duration.ofMinutes(2), child::alive), "never connected: " + child.err());
        child.signal("TERM");
        child.awaitSignalLine("TERM", Duration.ofSeconds(30));
        child.signal("INT");
        long signalled = System.nanoTime();
        assertEquals(130, child.waitFor(Duration.ofSeconds(60)), child.err());
        long took = (System.nanoTime() - signalled) / 1_000_000;
        // Without its halt, the second signal waits for the first's stop, 15 s; 8 s leaves a loaded machine room.
        assertTrue(took < 8_000, "ended " + took + " ms after the second signal");
    }

    /**
     * A lock timeout at or above the socket timeout (0, none, among them) is refused before anything is opened, naming
     * both: the socket timeout would end a wait for another session's lock first, told as a server gone silent. Both 0
     * (no limit either) is allowed, and so is a short socket timeout with the lock timeout not set.
     */
    @Test
    void aLockTimeoutNotBelowTheSocketTimeoutIsRefused() throws Exception {
        Map<String, String> settings = settings("2s");
        settings.put("pb.database.lock-timeout", "10m");
        String tail = "that would end a statement's wait for another session's lock first, told as a server gone silent "
                + "rather than naming the lock and its holder; set the lock timeout below it, such as ";
        for (String[] command : List.of(new String[] {"run", "nightly", "--force"}, new String[] {"history"})) {
            CliRun r = CliRun.capture(settings, command);
            assertEquals(5, r.status(), r.toString());
            assertEquals("pb-annex: the setting pb.database.lock-timeout (PB_DATABASE_LOCK_TIMEOUT) is 10m, not below the "
                    + "socket timeout (pb.database.socket-timeout, PB_DATABASE_SOCKET_TIMEOUT, 10m): " + tail + "1m",
                    r.err().strip(), r.toString());
        }
        // Where the job's people read it, in its first edition's language (zh): its status, and the notices from it.
        var outcomes = new RunOutcomes(tmp.resolve("status"));
        List<String> zh = outcomes.failures("nightly", "2022-23", "zh");
        assertEquals(1, zh.size(), zh.toString());
        assertTrue(zh.get(0).endsWith(" exit status 5: 设置 pb.database.lock-timeout（PB_DATABASE_LOCK_TIMEOUT）为 10m，不低于套接字超时"
                + "（pb.database.socket-timeout, PB_DATABASE_SOCKET_TIMEOUT：10m）：后者会先结束语句对其他会话所持锁的等待，并将其说成服务器不再"
                + "应答，而不指明该锁及其持有者；请将锁超时设得低于它，例如 1m"), zh.get(0));
        assertTrue(outcomes.failures("nightly", "2022-23", "en").get(0).endsWith(" exit status 5: the setting "
                + "pb.database.lock-timeout (PB_DATABASE_LOCK_TIMEOUT) is 10m, not below the socket timeout (pb.database.socket-timeout, "
                + "PB_DATABASE_SOCKET_TIMEOUT, 10m): " + tail + "1m"), outcomes.failures("nightly", "2022-23", "en").toString());
        settings.put("pb.database.lock-timeout", "0");
        CliRun none = CliRun.capture(settings, "history");
        assertEquals(5, none.status(), none.toString());
        assertEquals("pb-annex: the setting pb.database.lock-timeout (PB_DATABASE_LOCK_TIMEOUT) is 0 (no limit), not below "
                + "the socket timeout (pb.database.socket-timeout, PB_DATABASE_SOCKET_TIMEOUT, 10m): " + tail + "1m",
                none.err().strip());
        // The URL's socket timeout, which wins, is the one compared.
        settings.put("pb.database.lock-timeout", "1m");
        settings.put("spring.datasource.url", "jdbc:postgresql://127.0.0.1:" + silent.port() + "/pbannex?socketTimeout=30");
        CliRun inUrl = CliRun.capture(settings, "history");
        assertEquals(5, inUrl.status(), inUrl.toString());
        assertEquals("pb-annex: the setting pb.database.lock-timeout (PB_DATABASE_LOCK_TIMEOUT) is 1m, not below the socket "
                + "timeout (socketTimeout in spring.datasource.url, 30s): " + tail + "15s", inUrl.err().strip());
        assertTrue(!silent.connected(), "nothing connected");
        // A lock timeout not set is 1 min or half a shorter socket timeout: a short socket timeout set alone (as before
        // the lock timeout existed) is not refused, and the command goes on to the server (which never answers).
        settings.remove("pb.database.lock-timeout");
        CliRun unset = CliRun.capture(settings, "history");
        assertEquals(5, unset.status(), unset.toString());
        assertTrue(unset.err().contains("did not answer within 2 s (pb.database.connect-timeout"), unset.toString());
        // No limit to either: allowed, and the command goes on to the server (which never answers).
        settings.put("spring.datasource.url", "jdbc:postgresql://127.0.0.1:" + silent.port() + "/pbannex");
        settings.put("pb.database.lock-timeout", "0");
        settings.put("pb.database.socket-timeout", "0");
        CliRun both = CliRun.capture(settings, "history");
        assertEquals(5, both.status(), both.toString());
        assertTrue(both.err().contains("did not answer within 2 s (pb.database.connect-timeout"), both.toString());
    }

    @Test
    void aUrlOfNoKnownDatabaseNamesTheSetting() throws Exception {
        // As the variable a person sets: named so. (The driver of H2, the default, said it would not accept the URL.)
        Map<String, String> settings = settings(null);
        settings.remove("spring.datasource.url");
        ChildRun child = ChildRun.start(tmp, "scheme", settings,
                Map.of("PB_DATABASE_URL", "jdbc:postgres://127.0.0.1:" + silent.port() + "/pbannex?password=secret"),
                "run", "nightly");
        assertEquals(5, child.waitFor(Duration.ofMinutes(2)), child.err());
        assertEquals("pb-annex: the setting spring.datasource.url (PB_DATABASE_URL) is 'jdbc:postgres://127.0.0.1:"
                + silent.port() + "/pbannex', which is not a jdbc:postgresql:// (PostgreSQL) or jdbc:h2: (embedded H2) URL",
                child.err().strip());
        assertTrue(!silent.connected(), "nothing connected");
        // In-process, given as Spring's own setting: the same line without the variable.
        Map<String, String> own = new HashMap<>(settings);
        own.put("spring.datasource.url", "jdbc:mysql://db:3306/pbannex");
        CliRun r = CliRun.capture(own, "history");
        assertEquals(5, r.status(), r.toString());
        assertEquals("pb-annex: the setting spring.datasource.url is 'jdbc:mysql://db:3306/pbannex', which is not a "
                + "jdbc:postgresql:// (PostgreSQL) or jdbc:h2: (embedded H2) URL", r.err().strip());
    }

    @Test
    void whatAnswersInAnotherProtocolIsSaidNotToBePostgres() throws Exception {
        // As a proxy answered for 10.255.255.1, where the driver said "An error occurred while setting up the SSL connection".
        try (ServerSocket http = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try {
                    while (true) {
                        try (Socket s = http.accept()) {
                            s.getInputStream().read(new byte[8]);
                            s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n".getBytes());
                        }
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            }, "http-server");
            t.setDaemon(true);
            t.start();
            Map<String, String> settings = settings(null);
            settings.put("spring.datasource.url", "jdbc:postgresql://127.0.0.1:" + http.getLocalPort() + "/pbannex");
            CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(90), () -> CliRun.capture(settings, "history"));
            assertEquals(5, r.status(), r.toString());
            assertEquals("pb-annex: PostgreSQL at 127.0.0.1:" + http.getLocalPort() + " (database pbannex, user pbannex) is "
                    + "unavailable: what answered there is not a PostgreSQL server (a proxy or another service at that "
                    + "address?): An error occurred while setting up the SSL connection.", r.err().strip());
        }
    }

    @Test
    void aConnectThatTimesOutIsSaidSo() {
        // As pgjdbc fails on a host that drops the packets (10.255.255.1): a connect or SSL set-up that timed out.
        var connection = new DatabaseConnection("jdbc:postgresql://10.255.255.1/pbannex", "pbannex", "PB_DATABASE_URL",
                new org.pbannex.config.PbProperties.Database(Duration.ofSeconds(10), Duration.ofMinutes(30), Duration.ofMinutes(1)));
        var ssl = new IllegalStateException("pool", new java.sql.SQLException("An error occurred while setting up the SSL "
                + "connection.", "08001", new java.net.SocketTimeoutException("Read timed out")));
        String line = "PostgreSQL at 10.255.255.1:5432 (database pbannex, user pbannex) did not answer within 10 s "
                + "(pb.database.connect-timeout, PB_DATABASE_CONNECT_TIMEOUT)";
        assertEquals(line, connection.notAnswered(ssl, Duration.ofSeconds(1)));
        // pgjdbc's loginTimeout: its own exception, no cause, once the whole limit has passed.
        var login = new java.sql.SQLException("Connection attempt timed out.", "08001");
        assertEquals(line, connection.notAnswered(login, Duration.ofSeconds(10)));
        // A refusal is not silence.
        var refused = new java.sql.SQLException("Connection to 10.255.255.1:5432 refused.", "08001",
                new java.net.ConnectException("Connection refused"));
        assertEquals(null, connection.notAnswered(refused, Duration.ofSeconds(10)));
    }
}
