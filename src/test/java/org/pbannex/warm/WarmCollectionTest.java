package org.pbannex.warm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warm process's collections between commands, on a heap the test sets: commands that follow each other without
 * an idle second leave their garbage owed, and the next one collects it first when the heap used exceeds the heap after
 * the warm-up, not otherwise; a process idle after a command collects what it left, and a command after that owes
 * nothing. {@code serve --status} counts both. Its clients speak the launcher's protocol (scripts/warm-client.sh).
 */
class WarmCollectionTest {

    @TempDir
    Path tmp;

    /** A heap whose use the test sets; its collections counted. */
    static final class SetHeap implements WarmServer.Heap {
        volatile long used = 50L << 20;
        final AtomicInteger collections = new AtomicInteger();

        @Override
        public long used() {
            return used;
        }

        @Override
        public long size() {
            return 100L << 20;
        }

        @Override
        public void collect() {
            collections.incrementAndGet();
        }
    }

    @Test
    void aCommandCollectsWhatTheOnesBeforeLeftOnlyWhenOwedAndMoreThanTheWarmUpsHeap() throws Exception {
        SetHeap heap = new SetHeap();
        // Never idle long enough to collect between the commands: each follows the last at once, as in a script.
        try (Served warm = serve(heap, Duration.ofHours(1))) {
            heap.used = 150L << 20;
            warm.command();
            assertEquals(0, heap.collections.get(), "the first command: nothing owed yet, however full the heap");
            warm.command();
            assertEquals(1, heap.collections.get(), "owed by the first command, and more than the warm-up's heap");
            assertTrue(warm.status().contains("collected 0 time(s) once idle and 1 before a command"), warm.status());
            heap.used = 50L << 20;
            warm.command();
            assertEquals(1, heap.collections.get(), "owed, but within the warm-up's heap: left to the collector");
            heap.used = 150L << 20;
            warm.command();
            assertEquals(2, heap.collections.get(), "owed still (by two commands), and more than the warm-up's heap");
        }
    }

    @Test
    void anIdleProcessCollectsWhatACommandLeftAndTheNextOwesNothing() throws Exception {
        SetHeap heap = new SetHeap();
        try (Served warm = serve(heap, Duration.ZERO)) {
            heap.used = 150L << 20;
            assertTrue(warm.status().contains("collected 0 time(s) once idle and 0 before a command"), "none before a command");
            warm.command();
            Instant until = Instant.now().plusSeconds(30);
            while (!warm.status().contains("collected 1 time(s) once idle") && Instant.now().isBefore(until)) {
                Thread.sleep(100);
            }
            assertTrue(warm.status().contains("collected 1 time(s) once idle and 0 before a command"), warm.status());
            warm.command();
            // None before it (once idle after it, the process may collect again: not counted here).
            assertTrue(warm.status().contains(" and 0 before a command"), "collected once idle: the next command owes nothing: "
                    + warm.status());
        }
    }

    /** A warm process on this heap, serving on a thread of the test's, without a warm-up; stopped on close. */
    private Served serve(SetHeap heap, Duration idleBeforeCollecting) throws Exception {
        Path dir = tmp.resolve("warm");
        WarmServer server = new WarmServer((overrides, args) -> 0, dir, Duration.ofMinutes(5), List.of(), heap,
                idleBeforeCollecting);
        Thread serving = new Thread(() -> {
            try {
                server.serve(() -> { }, endpoint -> { });
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, "warm-collection-test");
        serving.setDaemon(true);
        serving.start();
        Instant until = Instant.now().plusSeconds(30);
        while (WarmEndpoint.read(dir).isEmpty()) {
            assertTrue(serving.isAlive() && Instant.now().isBefore(until), "the warm process is not ready");
            Thread.sleep(20);
        }
        return new Served(WarmEndpoint.read(dir).orElseThrow(), serving);
    }

    record Served(WarmEndpoint endpoint, Thread serving) implements AutoCloseable {

        /** A command that the warm process runs (any: the test's commands do nothing), to its exit status. */
        void command() throws IOException {
            String reply = ask("check");
            assertTrue(reply.startsWith("ready\n") && reply.endsWith("x0\n"), reply);
        }

        /** What {@code serve --status} says. */
        String status() throws IOException {
            return ask("serve", "--status");
        }

        /** Sends a request as the launcher's client does (NUL-terminated fields) and reads the reply to its end. */
        String ask(String... args) throws IOException {
            List<String> fields = new ArrayList<>(List.of(WarmRequest.PROTOCOL, endpoint.token(),
                    Path.of("").toRealPath().toString(), "0"));
            List<String> env = System.getenv().entrySet().stream().filter(e -> WarmRequest.relevant(e.getKey()))
                    .map(e -> e.getKey() + "=" + e.getValue()).toList();
            fields.add(String.valueOf(env.size()));
            fields.addAll(env);
            fields.add(String.valueOf(args.length));
            fields.addAll(List.of(args));
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), endpoint.port())) {
                OutputStream out = socket.getOutputStream();
                for (String f : fields) {
                    out.write(f.getBytes(StandardCharsets.UTF_8));
                    out.write(0);
                }
                out.flush();
                socket.setSoTimeout(30_000);
                InputStream in = socket.getInputStream();
                ByteArrayOutputStream reply = new ByteArrayOutputStream();
                in.transferTo(reply);
                return reply.toString(StandardCharsets.UTF_8);
            }
        }

        @Override
        public void close() throws Exception {
            ask("serve", "--stop");
            serving.join(Duration.ofSeconds(30).toMillis());
        }
    }
}
