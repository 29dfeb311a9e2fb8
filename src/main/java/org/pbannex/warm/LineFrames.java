package org.pbannex.warm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * One of a command's output streams sent to the client line by line: each line as a frame, the stream's letter
 * ({@code o} standard output, {@code e} standard error), the line's bytes, a newline. A line without its newline at
 * the end of the command is sent with one ({@link #finish()}). Both streams share the socket, so lines keep their order.
 */
final class LineFrames extends OutputStream {

    private final char kind;
    private final OutputStream socket;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LineFrames(char kind, OutputStream socket) {
        this.kind = kind;
        this.socket = socket;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        if (b == '\n') {
            send();
        } else {
            line.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        int start = off;
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') {
                line.write(b, start, i - start);
                send();
                start = i + 1;
            }
        }
        line.write(b, start, off + len - start);
    }

    /** Sends what is left of the last line. */
    synchronized void finish() throws IOException {
        if (line.size() > 0) {
            send();
        }
    }

    private void send() throws IOException {
        synchronized (socket) {
            socket.write(kind);
            line.writeTo(socket);
            socket.write('\n');
            socket.flush();
        }
        line.reset();
    }
}
