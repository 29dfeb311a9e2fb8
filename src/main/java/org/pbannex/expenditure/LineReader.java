package org.pbannex.expenditure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/** Streams a byte range of a file in blocks of 8 MB, carrying a partial last line over: a file is never held in memory. */
final class LineReader {

    private static final int BLOCK = 8 << 20;
    /** No expenditure line comes near this: a longer one means the file is something else. */
    static final int MAX_LINE = 1 << 20;

    /**
     * Called with each line's bytes b[start, end) (no line end), its number within the range from 0, and the file
     * offset of its first byte.
     */
    interface LineVisitor {
        void line(byte[] b, int start, int end, long line, long offset);
    }

    /**
     * Called with b[start, filled), where b[0] is the file's byte at {@code base}: consumes whole lines and returns
     * where the first unconsumed byte is. When {@code last} is true the range ends here and everything must be
     * consumed (the final line may lack its '\n').
     */
    interface BlockVisitor {
        int block(byte[] b, int start, int filled, boolean last, long base);
    }

    private LineReader() {
    }

    /** Visits every line of [from, to); adds the bytes read to {@code done}; returns the number of lines. */
    static long forEachLine(Path file, long from, long to, AtomicLong done, LineVisitor visitor) {
        return forEachLine(file, from, to, done, new Buffers(), visitor);
    }

    /** The same, reading into {@code buffers} (one reader going over many ranges allocates its blocks once). */
    static long forEachLine(Path file, long from, long to, AtomicLong done, Buffers buffers, LineVisitor visitor) {
        long[] line = {0};
        forEachBlock(file, from, to, done, buffers, (b, start, filled, last, base) -> {
            int s = start;
            for (int i = start; i < filled; i++) {
                if (b[i] == '\n') {
                    visitor.line(b, s, i > s && b[i - 1] == '\r' ? i - 1 : i, line[0]++, base + s);
                    s = i + 1;
                }
            }
            if (last && s < filled) {
                visitor.line(b, s, b[filled - 1] == '\r' ? filled - 1 : filled, line[0]++, base + s);
                s = filled;
            }
            return s;
        });
        return line[0];
    }

    /** The line that starts at {@code offset} (without its line end) of a file open for many such look-ups. */
    static byte[] lineAt(FileChannel ch, long offset) throws IOException {
        return lineAt(ch, offset, ch.size());
    }

    private static byte[] lineAt(FileChannel ch, long offset, long limit) throws IOException {
        for (int window = 4096; ; window *= 4) {
            int want = (int) Math.min(window, limit - offset);
            ByteBuffer b = ByteBuffer.allocate(Math.max(0, want));
            while (b.hasRemaining() && ch.read(b, offset + b.position()) > 0) {
                // read the window
            }
            byte[] a = b.array();
            int n = b.position();
            for (int i = 0; i < n; i++) {
                if (a[i] == '\n') {
                    return java.util.Arrays.copyOf(a, i > 0 && a[i - 1] == '\r' ? i - 1 : i);
                }
            }
            if (n < window || window >= MAX_LINE) {
                return java.util.Arrays.copyOf(a, n > 0 && a[n - 1] == '\r' ? n - 1 : n);
            }
        }
    }

    /**
     * Block buffers handed from one partition to the next of the same ingest: a file of many partitions then does not
     * allocate (and zero) 8 MB for each, which with a small young generation would go straight to the old one.
     */
    static final class Buffers {
        private final Queue<byte[]> free = new ConcurrentLinkedQueue<>();

        byte[] take(int size) {
            byte[] b = free.poll();
            return b != null && b.length >= size ? b : new byte[size];
        }

        void give(byte[] b) {
            free.offer(b);
        }
    }

    /** @param buffers where the block buffer comes from and goes back to */
    static void forEachBlock(Path file, long from, long to, AtomicLong done, Buffers buffers, BlockVisitor visitor) {
        byte[] buf = buffers.take((int) Math.min(BLOCK, Math.max(1, to - from)) + 1);
        try {
            readBlocks(file, from, to, done, visitor, buf);
        } finally {
            buffers.give(buf);
        }
    }

    private static void readBlocks(Path file, long from, long to, AtomicLong done, BlockVisitor visitor, byte[] buf) {
        int filled = 0;
        long pos = from;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            while (true) {
                int want = (int) Math.min(buf.length - filled, to - pos);
                int n = want > 0 ? ch.read(ByteBuffer.wrap(buf, filled, want), pos) : 0;
                if (n > 0) {
                    pos += n;
                    filled += n;
                    done.addAndGet(n);
                }
                boolean last = pos >= to;
                int consumed = visitor.block(buf, 0, filled, last, pos - filled);
                if (last) {
                    return;
                }
                System.arraycopy(buf, consumed, buf, 0, filled - consumed);
                filled -= consumed;
                if (filled == buf.length) {
                    // One line longer than the buffer: make room for it, up to a limit no real line reaches.
                    if (filled >= MAX_LINE) {
                        throw new org.pbannex.ingest.InputError(file.toString(), 0, "", "no line end in the " + (MAX_LINE >> 20)
                                + " MB after byte " + (pos - filled) + ": this is not an expenditure-line CSV file");
                    }
                    buf = java.util.Arrays.copyOf(buf, buf.length * 2);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
