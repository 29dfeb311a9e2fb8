package org.pbannex;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A loopback port where nothing listens and nothing can start to while the test holds it: a socket bound there and never
 * listening, so a connection is refused at once and no other test's server (the other test JVM's, a PostgreSQL the
 * system gave a free port) can take it meanwhile, as it could a port found free and closed again. A test's field
 * ({@code @RegisterExtension final RefusedPort refused = new RefusedPort();}): a port of each test's own, let go after it.
 */
public final class RefusedPort implements AutoCloseable, AfterEachCallback {

    private final Socket bound = new Socket();

    public RefusedPort() {
        try {
            bound.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException("no loopback port to hold", e);
        }
    }

    public int port() {
        return bound.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        bound.close();
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        close();
    }
}
