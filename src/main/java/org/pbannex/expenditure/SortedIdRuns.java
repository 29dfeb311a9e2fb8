package org.pbannex.expenditure;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.LongBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Numbered line ids too sparse for bit sets (random 15-digit ids), kept exactly as sorted runs of numbers on disk. An
 * id of one prefix is a long (its digit count above its number, so "D01" and "D1" differ); a partition gathers them in
 * a buffer, sorts it when it is full and appends it to the partition's run file. The merge then reads every run at
 * once in order (a k-way merge) and finds the numbers seen more than once. That is 8 bytes an id written during the
 * parse, where {@link DiskDuplicates} (still the way for ids of any other shape) reads every file a second time and
 * writes each id with its line and offset: at 10 million random ids, about 0.5 s against 2.9 s (README).
 */
final class SortedIdRuns {

    /** At most 17 digits: 10^17 < 2^57, so the digit count fits above the number in a positive long. */
    static final int MAX_DIGITS = 17;
    private static final int NUMBER_BITS = 57;
    private static final int IO_LONGS = 8192;

    private SortedIdRuns() {
    }

    static long encode(int digits, long number) {
        return ((long) digits << NUMBER_BITS) | number;
    }

    static int digits(long encoded) {
        return (int) (encoded >>> NUMBER_BITS);
    }

    static long number(long encoded) {
        return encoded & ((1L << NUMBER_BITS) - 1);
    }

    /** Where a partition's runs are: its file and, per run, the byte it starts at and how many numbers it holds. */
    record Runs(Path file, long[] starts, int[] counts) {
    }

    /** Gathers one partition's numbers into sorted runs in its file (created at the first full buffer). */
    static final class Writer {

        private final Path file;
        private final long[] buffer;
        private int used;
        private FileChannel out;
        private long written;
        private final List<long[]> runs = new ArrayList<>(); // start, count
        private ByteBuffer io;
        private RadixSort sorter;

        /**
         * @param runLength how many numbers a run holds at most (8 bytes each in memory while it fills, and 8 more for
         *                  the radix sort's spare array once a run is full)
         */
        Writer(Path file, int runLength) {
            this.file = file;
            this.buffer = new long[Math.max(16, runLength)];
        }

        void add(long encoded) {
            if (used == buffer.length) {
                flush();
            }
            buffer[used++] = encoded;
        }

        private void flush() {
            if (used == 0) {
                return;
            }
            if (sorter == null) {
                sorter = new RadixSort(buffer.length);
            }
            sorter.sort(buffer, used);
            try {
                if (out == null) {
                    Files.createDirectories(file.getParent());
                    out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                            StandardOpenOption.WRITE);
                    io = ByteBuffer.allocate(IO_LONGS * 8);
                }
                runs.add(new long[] {written, used});
                LongBuffer longs = io.clear().asLongBuffer();
                for (int i = 0; i < used; i += IO_LONGS) {
                    int n = Math.min(IO_LONGS, used - i);
                    longs.clear();
                    longs.put(buffer, i, n);
                    io.clear().limit(n * 8);
                    while (io.hasRemaining()) {
                        out.write(io);
                    }
                }
                written += used * 8L;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
            used = 0;
        }

        /** Writes the last run and closes the file (the file is whole once this returns). */
        Runs finish() {
            flush();
            close();
            return new Runs(file, runs.stream().mapToLong(r -> r[0]).toArray(), runs.stream().mapToInt(r -> (int) r[1]).toArray());
        }

        /** Gives the runs up: the file is removed. */
        void discard() {
            close();
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove " + file, e);
            }
        }

        private void close() {
            if (out != null) {
                try {
                    out.close();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + file, e);
                }
                out = null;
            }
        }
    }

    /** Encoded numbers in ascending order (a run, or a partition's bit set). */
    interface Cursor extends Closeable {

        /** Moves to the next number; false at the end. */
        boolean next() throws IOException;

        long value();

        @Override
        default void close() throws IOException {
        }
    }

    /** The cursors' numbers together in ascending order (a heap of their heads); closing it closes them. */
    static Cursor merged(List<Cursor> cursors) throws IOException {
        java.util.PriorityQueue<Cursor> heads = new java.util.PriorityQueue<>(java.util.Comparator.comparingLong(Cursor::value));
        for (Cursor c : cursors) {
            if (c.next()) {
                heads.add(c);
            }
        }
        return new Cursor() {
            // The cursor whose number was given last: it moves on at the next call, then competes again.
            private Cursor last;

            @Override
            public boolean next() throws IOException {
                if (last != null && last.next()) {
                    heads.add(last);
                }
                last = heads.poll();
                return last != null;
            }

            @Override
            public long value() {
                return last.value();
            }

            @Override
            public void close() throws IOException {
                closeAll(cursors);
            }
        };
    }

    static void closeAll(List<Cursor> cursors) throws IOException {
        for (Cursor c : cursors) {
            c.close();
        }
    }

    /** The runs of one partition's file as cursors; they share the file's channel, which the first cursor closes. */
    static List<Cursor> cursors(Runs runs, int chunkLongs) throws IOException {
        return cursors(runs, chunkLongs, 0, Long.MAX_VALUE);
    }

    /** The same, over the numbers in [lo, hi) only (found by binary search in each run). */
    static List<Cursor> cursors(Runs runs, int chunkLongs, long lo, long hi) throws IOException {
        FileChannel ch = FileChannel.open(runs.file(), StandardOpenOption.READ);
        List<Cursor> out = new ArrayList<>();
        try {
            ByteBuffer one = ByteBuffer.allocate(8);
            for (int i = 0; i < runs.starts().length; i++) {
                long start = runs.starts()[i];
                long from = lowerBound(ch, one, start, runs.counts()[i], lo);
                long to = hi == Long.MAX_VALUE ? runs.counts()[i] : lowerBound(ch, one, start, runs.counts()[i], hi);
                out.add(new RunCursor(ch, start + from * 8, to - from, chunkLongs, out.isEmpty()));
            }
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        if (out.isEmpty()) {
            ch.close();
        }
        return out;
    }

    /**
     * Values that cut all the runs' numbers into {@code parts} ranges of about the same size (from samples at even
     * steps of each run), for merging the ranges on separate cores: ascending, parts - 1 of them.
     */
    static long[] splitPoints(List<Runs> all, int parts) throws IOException {
        List<Long> samples = new ArrayList<>();
        ByteBuffer one = ByteBuffer.allocate(8);
        for (Runs runs : all) {
            try (FileChannel ch = FileChannel.open(runs.file(), StandardOpenOption.READ)) {
                for (int i = 0; i < runs.starts().length; i++) {
                    for (int k = 1; k < parts * 4; k++) {
                        samples.add(valueAt(ch, one, runs.starts()[i], (long) runs.counts()[i] * k / (parts * 4)));
                    }
                }
            }
        }
        samples.sort(null);
        long[] points = new long[parts - 1];
        for (int k = 1; k < parts; k++) {
            points[k - 1] = samples.isEmpty() ? Long.MAX_VALUE : samples.get(samples.size() * k / parts);
        }
        return points;
    }

    /** The first index of the run whose number is at least {@code value} (count when none is). */
    private static long lowerBound(FileChannel ch, ByteBuffer one, long start, long count, long value) throws IOException {
        long lo = 0;
        long hi = count;
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (valueAt(ch, one, start, mid) < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static long valueAt(FileChannel ch, ByteBuffer one, long start, long index) throws IOException {
        one.clear();
        while (one.hasRemaining()) {
            if (ch.read(one, start + index * 8 + one.position()) < 0) {
                throw new IOException("a run of line ids ends early (the partition's run file was changed)");
            }
        }
        return one.getLong(0);
    }

    private static final class RunCursor implements Cursor {

        private final FileChannel ch;
        private final boolean owner;
        private long position;
        private long left;
        private final ByteBuffer bytes;
        private final long[] chunk;
        private int at;
        private int filled;
        private long value;

        RunCursor(FileChannel ch, long start, long count, int chunkLongs, boolean owner) {
            this.ch = ch;
            this.owner = owner;
            this.position = start;
            this.left = count;
            int n = (int) Math.max(1, Math.min(chunkLongs, count));
            this.bytes = ByteBuffer.allocate(n * 8);
            this.chunk = new long[n];
        }

        @Override
        public boolean next() throws IOException {
            if (at == filled) {
                if (left == 0) {
                    return false;
                }
                int n = (int) Math.min(chunk.length, left);
                bytes.clear().limit(n * 8);
                while (bytes.hasRemaining()) {
                    if (ch.read(bytes, position + bytes.position()) < 0) {
                        throw new IOException("a run of line ids ends early (the partition's run file was changed)");
                    }
                }
                bytes.flip();
                bytes.asLongBuffer().get(chunk, 0, n);
                position += n * 8L;
                left -= n;
                at = 0;
                filled = n;
            }
            value = chunk[at++];
            return true;
        }

        @Override
        public long value() {
            return value;
        }

        @Override
        public void close() throws IOException {
            if (owner) {
                ch.close();
            }
        }
    }

    /** What the merge found: the numbers seen more than once, and the sources (partitions) that hold any of them. */
    record Repeats(Set<Long> numbers, BitSet sources) {

        /** The repeats of disjoint ranges together; null when any range had too many. */
        static Repeats union(List<Repeats> ranges) {
            Set<Long> numbers = new HashSet<>();
            BitSet sources = new BitSet();
            for (Repeats r : ranges) {
                if (r == null) {
                    return null;
                }
                numbers.addAll(r.numbers());
                sources.or(r.sources());
            }
            return new Repeats(numbers, sources);
        }
    }

    /**
     * Merges the cursors in order and returns the numbers that occur more than once (in one cursor or in several),
     * with the sources of the cursors that hold them; null when there are more than {@code limit} such numbers (the
     * caller then finds duplicates another way, in bounded memory). Closes the cursors.
     *
     * @param source per cursor, the partition it comes from
     */
    static Repeats repeated(List<Cursor> cursors, int[] source, int limit) throws IOException {
        int k = cursors.size();
        // A tree of losers (a tournament): each inner node holds the cursor that lost the match there, tree[0] the
        // overall winner, whose number is the least. After the winner moves on, it replays only the matches on its
        // way up: one comparison a level, where a heap's sift-down makes two. A finished cursor's head is
        // Long.MAX_VALUE, which no encoded id reaches (at most 17 digits: below 18 * 2^57).
        long[] head = new long[k];
        int[] tree = new int[Math.max(1, k)];
        Arrays.fill(tree, -1);
        try {
            for (int i = 0; i < k; i++) {
                head[i] = cursors.get(i).next() ? cursors.get(i).value() : Long.MAX_VALUE;
                // Built by letting each cursor climb until a node is empty; it waits there for its opponent.
                int w = i;
                for (int t = (i + k) >>> 1; t > 0 && w >= 0; t >>>= 1) {
                    if (tree[t] < 0) {
                        tree[t] = w;
                        w = -1;
                    } else if (head[tree[t]] < head[w]) {
                        int loser = w;
                        w = tree[t];
                        tree[t] = loser;
                    }
                }
                if (w >= 0) {
                    tree[0] = w;
                }
            }
            Set<Long> numbers = new HashSet<>();
            BitSet sources = new BitSet();
            if (k == 0) {
                return new Repeats(numbers, sources);
            }
            long last = -1;
            int lastSource = -1;
            while (true) {
                int w = tree[0];
                long v = head[w];
                if (v == Long.MAX_VALUE) {
                    break;
                }
                if (v == last) {
                    if (numbers.add(v) && numbers.size() > limit) {
                        return null;
                    }
                    sources.set(lastSource);
                    sources.set(source[w]);
                } else {
                    last = v;
                    lastSource = source[w];
                }
                Cursor c = cursors.get(w);
                head[w] = c.next() ? c.value() : Long.MAX_VALUE;
                for (int t = (w + k) >>> 1; t > 0; t >>>= 1) {
                    int other = tree[t];
                    if (head[other] < head[w]) {
                        tree[t] = w;
                        w = other;
                    }
                }
                tree[0] = w;
            }
            return new Repeats(numbers, sources);
        } finally {
            for (Cursor c : cursors) {
                c.close();
            }
        }
    }
}
