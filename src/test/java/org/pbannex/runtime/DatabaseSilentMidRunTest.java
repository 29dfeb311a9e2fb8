package org.pbannex.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.ChildRun;
import org.pbannex.CliRun;

/**
 * A PostgreSQL server that stops answering in the middle of a run (a host gone silent, a firewall that starts
 * swallowing the packets): the run's connections break, and every new one is accepted and never answered. Spring
 * Batch found the database gone after a connect timeout for each record it tried to keep (the step's context and
 * execution, the job's), and the process ended a login timeout after its line (closing the pool): 33 s and 7 s more
 * with a timeout of 8 s, while cron's lock and the terminal waited for it. Now one connect timeout.
 */
class DatabaseSilentMidRunTest {

    private static final Duration LONG = Duration.ofMinutes(3);
    // Long enough that one wait and a loaded machine's work around it (6 s seen) stay under two waits.
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);

    @TempDir
    Path tmp;

    /** Forwards to the server until silenced; then drops what it forwarded and answers nothing new. */
    static final class Proxy implements AutoCloseable {
        final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        final List<Socket> open = new CopyOnWriteArrayList<>();
        volatile boolean silent;

        Proxy(int to) throws IOException {
            Thread t = new Thread(() -> {
                try {
                    while (true) {
                        Socket client = socket.accept();
                        open.add(client);
                        if (silent) {
                            continue; // kept open, never read nor written
                        }
                        Socket server = new Socket(InetAddress.getLoopbackAddress(), to);
                        open.add(server);
                        pump(client.getInputStream(), server.getOutputStream());
                        pump(server.getInputStream(), client.getOutputStream());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            }, "proxy");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private static void pump(InputStream in, OutputStream out) {
            Thread t = new Thread(() -> {
                try {
                    in.transferTo(out);
                } catch (IOException gone) {
                    // a side closed
                }
            }, "pump");
            t.setDaemon(true);
            t.start();
        }

        void silence() throws IOException {
            silent = true;
            for (Socket s : open) {
                s.close();
            }
            open.clear();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket s : open) {
                s.close();
            }
        }
    }

    @Test
    void aServerGoneSilentMidRunIsToldOnceItsSilenceIsFound() throws Exception {
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().start(); Proxy proxy = new Proxy(server.getPort())) {
            Map<String, String> settings = CliRun.postgres("jdbc:postgresql://127.0.0.1:" + proxy.port() + "/postgres", tmp);
            settings.put("pb.database.connect-timeout", CONNECT_TIMEOUT.toSeconds() + "s");
            settings.put("spring.datasource.hikari.connection-timeout", String.valueOf(CONNECT_TIMEOUT.toMillis()));
            settings.put("pb.run.pause-at", "render");
            settings = CutNightly.in(tmp, settings);
            Path out = tmp.resolve("out");
            ChildRun r = ChildRun.start(tmp, "silent", settings, "run", "nightly", "--output", out.toString());
            String runId = r.whilePaused(out.resolve("2022-23"), "render", LONG, proxy::silence);
            long resumed = System.nanoTime();
            while (r.err().isBlank() && r.alive() && System.nanoTime() - resumed < LONG.toNanos()) {
                Thread.sleep(50);
            }
            Duration toLine = Duration.ofNanos(System.nanoTime() - resumed);
            assertEquals(5, r.waitFor(LONG), r.err());
            Duration toEnd = Duration.ofNanos(System.nanoTime() - resumed);
            String database = "PostgreSQL at 127.0.0.1:" + proxy.port() + " (database postgres, user postgres)";
            List<String> lines = r.err().strip().lines().toList();
            assertEquals(1, lines.size(), "one line: " + r.err());
            assertTrue(lines.get(0).startsWith("pb-annex: run " + runId + " failed: " + database + " failed: "), lines.get(0));
            // The pool waits its connect timeout once, for the failed step's first record; Spring Batch's other records of
            // the step and the job, the lock's release and the run's failure in the history then fail at once (each
            // waited a connect timeout more: 33 s in all here), and closing the pool waits for no attempt to connect.
            List<String> log = Files.readAllLines(tmp.resolve("home/work/logs/pb-annex.log")).stream()
                    .filter(l -> !l.startsWith("\t") && !l.startsWith("Caused")).toList();
            // Under two connect timeouts: one wait, not two, whatever the load of the machine (a busy one took 14 s with
            // a timeout of 8 s).
            assertTrue(toLine.compareTo(CONNECT_TIMEOUT.multipliedBy(2)) < 0, "the line came " + toLine.toMillis() + " ms after the "
                    + "server went silent; connect timeout " + CONNECT_TIMEOUT.toSeconds() + " s; log:\n" + String.join("\n", log));
            assertTrue(toEnd.minus(toLine).compareTo(CONNECT_TIMEOUT) < 0, "the process ended " + toEnd.minus(toLine).toMillis()
                    + " ms after its line");
            // Its report is a file, written all the same.
            assertTrue(Files.isRegularFile(out.resolve("2022-23/failed/" + runId + "/report.html")), r.err());
        }
    }
}
