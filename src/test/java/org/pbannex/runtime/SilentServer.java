package org.pbannex.runtime;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A "server" on a loopback port that accepts connections and never answers (a host whose database hangs, a firewall
 * that swallows the packets): each test gets a fresh one, its connections closed after it.
 */
final class SilentServer implements BeforeEachCallback, AfterEachCallback {

    private ServerSocket socket;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        accepted.clear();
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        ServerSocket listening = socket;
        Thread t = new Thread(() -> {
            try {
                while (true) {
                    accepted.add(listening.accept()); // kept open, never read nor written
                }
            } catch (IOException closed) {
                // the test is over
            }
        }, "silent-server");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        socket.close();
        for (Socket s : accepted) {
            s.close();
        }
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Whether anything has connected. */
    boolean connected() {
        return !accepted.isEmpty();
    }

    /** Waits until something connects, for at most {@code most} and while {@code alive}; whether it did. */
    boolean awaitConnection(Duration most, BooleanSupplier alive) throws InterruptedException {
        return awaitConnections(1, most, alive);
    }

    /** How many connections were made. */
    int connections() {
        return accepted.size();
    }

    /** Waits until {@code n} connections in all have been made, for at most {@code most} and while {@code alive}. */
    boolean awaitConnections(int n, Duration most, BooleanSupplier alive) throws InterruptedException {
        long until = System.nanoTime() + most.toNanos();
        while (accepted.size() < n && System.nanoTime() < until && alive.getAsBoolean()) {
            Thread.sleep(100);
        }
        return accepted.size() >= n;
    }
}
