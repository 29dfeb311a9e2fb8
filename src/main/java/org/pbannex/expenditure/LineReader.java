package org.pbannex.expenditure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/** Streams the lines of a byte range of a file through a visitor, in blocks of 8 MB: a file is never held in memory. */
final class LineReader {

    private static final int BLOCK = 8 << 20;

    /** Called with each line's bytes b[start, end) (no line end) and its number within the range, from 0. */
    interface LineVisitor {
        void line(byte[] b, int start, int end, long line);
    }

    private LineReader() {
    }

    /** Visits every line of [from, to); adds the bytes read to {@code done}; returns the number of lines. */
    static long forEachLine(Path file, long from, long to, AtomicLong done, LineVisitor visitor) {
        byte[] buf = new byte[(int) Math.min(BLOCK, Math.max(1, to - from)) + 1];
        int filled = 0;
        long pos = from;
        long line = 0;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            while (pos < to || filled > 0) {
                int want = (int) Math.min(buf.length - filled, to - pos);
                int n = want > 0 ? ch.read(ByteBuffer.wrap(buf, filled, want), pos) : 0;
                if (n > 0) {
                    pos += n;
                    filled += n;
                    done.addAndGet(n);
                }
                int start = 0;
                for (int i = 0; i < filled; i++) {
                    if (buf[i] == '\n') {
                        int end = i > start && buf[i - 1] == '\r' ? i - 1 : i;
                        visitor.line(buf, start, end, line++);
                        start = i + 1;
                    }
                }
                if (pos >= to) {
                    if (start < filled) {
                        int end = buf[filled - 1] == '\r' ? filled - 1 : filled;
                        visitor.line(buf, start, end, line++);
                    }
                    break;
                }
                System.arraycopy(buf, start, buf, 0, filled - start);
                filled -= start;
                if (filled == buf.length) {
                    // One line longer than the buffer: make room for it.
                    buf = java.util.Arrays.copyOf(buf, buf.length * 2);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return line;
    }
}
