package org.pbannex.expenditure;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds duplicate line ids of any shape (random, sparse, long) in bounded memory: every id is written, with where its
 * line is, to one of B bucket files chosen by the id's hash (a Grace hash partition), then each bucket is checked on
 * its own in memory, comparing the ids' bytes (exact: no false duplicates from hash collisions). B grows with the
 * input, so a bucket never needs more than about {@code memoryBytes}. The first occurrence in file order is kept;
 * every later one is a duplicate. Both passes (writing the buckets, checking them) run on every core given: this is the
 * slow path of an ingest (random 10-million-line ids: the whole file read a second time), measured in the README.
 */
final class DiskDuplicates {

    private static final Logger LOG = LoggerFactory.getLogger(DiskDuplicates.class);

    /** Where a duplicate is, as one number: its partition above its line within the partition (from 0). */
    private static final int LINE_BITS = 40;

    static long place(int partition, long line) {
        return (long) partition << LINE_BITS | line;
    }

    static int partition(long place) {
        return (int) (place >>> LINE_BITS);
    }

    static long line(long place) {
        return place & ((1L << LINE_BITS) - 1);
    }

    private DiskDuplicates() {
    }

    /**
     * The later occurrences, as their {@link #place}s in ascending order (file order): sorted runs in files of
     * {@code dir} that each checking worker writes as it finds them, so that memory stays flat however many there are.
     * The caller closes the cursor and removes the files ({@code duplicates-*.bin}) with {@code dir}.
     *
     * @param skip    per partition index, the lines already known to be bad (their ids do not count)
     * @param dir     a folder for the bucket files (removed again before this returns) and the duplicates' runs
     * @param threads how many cores may work at once: both passes run in parallel (see below)
     */
    static SortedIdRuns.Cursor find(List<ExpenditurePartition> partitions, List<Problems> skip, Path dir, long memoryBytes,
                                    int threads) throws IOException {
        long bytes = partitions.stream().mapToLong(p -> p.to() - p.from()).sum();
        Plan plan = Plan.of(bytes, memoryBytes, threads, partitions.size());
        int workers = plan.workers();
        int buckets = plan.buckets();
        int buffer = (int) Math.max(1 << 12, Math.min(1 << 16, memoryBytes / ((long) workers * buckets)));
        Files.createDirectories(dir);
        Path[][] files = new Path[workers][buckets];
        boolean handedOver = false;
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "line-id-buckets");
            t.setDaemon(true);
            return t;
        });
        try {
            // Pass 1: the workers take consecutive runs of partitions, in file order, each writing its own bucket files;
            // so a bucket's files read in worker order are in file order, and the first occurrence stays the one kept.
            List<List<ExpenditurePartition>> runs = consecutiveRuns(partitions, workers);
            List<Callable<Void>> writes = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                for (int i = 0; i < buckets; i++) {
                    files[w][i] = dir.resolve("ids-" + w + "-" + i + ".bin");
                }
                List<ExpenditurePartition> run = runs.get(w);
                Path[] own = files[w];
                writes.add(() -> {
                    writeIds(run, skip, own, buffer);
                    return null;
                });
            }
            long written = System.nanoTime();
            all(pool, writes);
            written = System.nanoTime() - written;
            long checked = System.nanoTime();
            // Pass 2: each bucket on its own, the workers taking the next bucket as they finish one.
            AtomicInteger next = new AtomicInteger();
            AtomicLong found = new AtomicLong();
            // Each worker's duplicates in sorted runs of its own file: read together, in order, by the merge.
            int runLength = (int) Math.max(1024, memoryBytes / 16 / 16 / workers);
            List<SortedIdRuns.Runs> later = Collections.synchronizedList(new ArrayList<>());
            List<Callable<Void>> checks = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                SortedIdRuns.Writer mine = new SortedIdRuns.Writer(dir.resolve("duplicates-" + w + ".bin"), runLength);
                checks.add(() -> {
                    Bucket bucket = new Bucket();
                    try {
                        for (int i = next.getAndIncrement(); i < buckets; i = next.getAndIncrement()) {
                            List<Path> parts = new ArrayList<>();
                            for (Path[] own : files) {
                                parts.add(own[i]);
                            }
                            found.addAndGet(bucket.check(parts, mine::add));
                            for (Path f : parts) {
                                Files.delete(f);
                            }
                        }
                    } finally {
                        later.add(mine.finish());
                    }
                    return null;
                });
            }
            all(pool, checks);
            LOG.info("line ids on disk: {} buckets x {} workers, written in {} ms, checked in {} ms, {} duplicates", buckets, workers,
                    written / 1_000_000, (System.nanoTime() - checked) / 1_000_000, found.get());
            List<SortedIdRuns.Cursor> cursors = new ArrayList<>();
            try {
                for (SortedIdRuns.Runs r : later) {
                    if (r.starts().length > 0) {
                        cursors.addAll(SortedIdRuns.cursors(r, 1024));
                    }
                }
            } catch (IOException | RuntimeException e) {
                SortedIdRuns.closeAll(cursors);
                throw e;
            }
            SortedIdRuns.Cursor merged = SortedIdRuns.merged(cursors);
            handedOver = true;
            return new SortedIdRuns.Cursor() {
                @Override
                public boolean next() throws IOException {
                    return merged.next();
                }

                @Override
                public long value() {
                    return merged.value();
                }

                @Override
                public void close() throws IOException {
                    merged.close();
                    deleteLater(dir, workers);
                }
            };
        } finally {
            pool.shutdownNow();
            if (!handedOver) {
                deleteLater(dir, workers);
            }
            for (Path[] own : files) {
                for (Path f : own) {
                    if (f != null) {
                        Files.deleteIfExists(f);
                    }
                }
            }
        }
    }

    /** Removes the workers' files of later occurrences. */
    private static void deleteLater(Path dir, int workers) throws IOException {
        for (int w = 0; w < workers; w++) {
            Files.deleteIfExists(dir.resolve("duplicates-" + w + ".bin"));
        }
    }

    static final int MAX_OPEN_FILES = 1024;

    /** How many workers write and check how many buckets. */
    record Plan(int workers, int buckets) {

        /**
         * Each worker checks one bucket at a time in memory, so the workers share the memory: enough buckets that one
         * holds about half of a worker's share. Every worker keeps a file open per bucket; when that would pass 1 024
         * open files, one worker does it all.
         */
        static Plan of(long bytes, long memoryBytes, int threads, int partitions) {
            int workers = Math.max(1, Math.min(threads, partitions));
            int buckets = buckets(bytes, memoryBytes, workers);
            if ((long) buckets * workers > MAX_OPEN_FILES) {
                return new Plan(1, buckets(bytes, memoryBytes, 1));
            }
            return new Plan(workers, buckets);
        }

        private static int buckets(long bytes, long memoryBytes, int workers) {
            long perBucket = Math.max(1, memoryBytes / 2 / workers);
            return (int) Math.max(1, Math.min(MAX_OPEN_FILES, bytes / perBucket + 1));
        }
    }

    /** The partitions cut into {@code n} runs of consecutive partitions with about the same bytes (some may be empty). */
    static List<List<ExpenditurePartition>> consecutiveRuns(List<ExpenditurePartition> partitions, int n) {
        long total = partitions.stream().mapToLong(p -> p.to() - p.from()).sum();
        List<List<ExpenditurePartition>> runs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            runs.add(new ArrayList<>());
        }
        long done = 0;
        for (ExpenditurePartition p : partitions) {
            // The run whose share the partition's middle falls in.
            long middle = done + (p.to() - p.from()) / 2;
            int run = (int) Math.min(n - 1, total == 0 ? 0 : middle * n / total);
            runs.get(run).add(p);
            done += p.to() - p.from();
        }
        return runs;
    }

    private static void all(ExecutorService pool, List<Callable<Void>> tasks) throws IOException {
        Parallel.all(pool, tasks);
    }

    /**
     * A record of a bucket file: the partition (int), the line within it (long), the id's length (unsigned short) and
     * the id's bytes; numbers big-endian. Encoded by hand into one buffer per bucket,
     * which is written when full: five calls through DataOutputStream per id took a third of the pass.
     */
    private static final int HEADER = 4 + 8 + 2;

    /** Writes every id of the partitions, with where its line is, into the bucket file its hash picks. */
    private static void writeIds(List<ExpenditurePartition> partitions, List<Problems> skip, Path[] files, int buffer)
            throws IOException {
        int buckets = files.length;
        OutputStream[] out = new OutputStream[buckets];
        byte[][] buf = new byte[buckets][];
        int[] used = new int[buckets];
        try {
            for (int i = 0; i < buckets; i++) {
                out[i] = Files.newOutputStream(files[i]);
                buf[i] = new byte[buffer];
            }
            for (ExpenditurePartition p : partitions) {
                int partition = p.index();
                try (Problems.Lines bad = skip.get(partition).lines()) {
                    LineReader.forEachLine(p.file(), p.from(), p.to(), new AtomicLong(), (b, s, e, line, offset) -> {
                        if (bad.contains(line)) {
                            return;
                        }
                        // The id straight from the block (no copy) unless it is quoted, which is rare.
                        byte[] src = b;
                        int from = s;
                        int len;
                        if (s < e && b[s] == '"') {
                            src = firstField(b, s, e);
                            from = 0;
                            len = src.length;
                        } else {
                            int end = s;
                            while (end < e && b[end] != ',') {
                                end++;
                            }
                            len = Math.min(end - s, 65_535);
                        }
                        int k = (int) Long.remainderUnsigned(hash(src, from, len), buckets);
                        byte[] to = buf[k];
                        int at = used[k];
                        try {
                            if (at + HEADER + len > to.length) {
                                out[k].write(to, 0, at);
                                at = 0;
                            }
                            if (HEADER + len > to.length) {
                                // An id longer than the buffer (ids are short; the buffer shrinks with the memory): by itself.
                                byte[] record = new byte[HEADER + len];
                                putRecord(record, 0, partition, line, src, from, len);
                                out[k].write(record);
                            } else {
                                putRecord(to, at, partition, line, src, from, len);
                                at += HEADER + len;
                            }
                        } catch (IOException ex) {
                            throw new UncheckedIOException(ex);
                        }
                        used[k] = at;
                    });
                }
            }
            for (int i = 0; i < buckets; i++) {
                out[i].write(buf[i], 0, used[i]);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            for (OutputStream o : out) {
                if (o != null) {
                    o.close();
                }
            }
        }
    }

    private static void putRecord(byte[] to, int at, int partition, long line, byte[] id, int from, int len) {
        putInt(to, at, partition);
        putLong(to, at + 4, line);
        to[at + 12] = (byte) (len >>> 8);
        to[at + 13] = (byte) len;
        System.arraycopy(id, from, to, at + HEADER, len);
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    private static void putLong(byte[] b, int at, long v) {
        putInt(b, at, (int) (v >>> 32));
        putInt(b, at + 4, (int) v);
    }

    private static int getInt(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }

    private static long getLong(byte[] b, int at) {
        return (long) getInt(b, at) << 32 | (getInt(b, at + 4) & 0xffffffffL);
    }

    /** The line's first field (the line_id), unquoted when it is quoted; at most 65 535 bytes. */
    static byte[] firstField(byte[] b, int s, int e) {
        if (s < e && b[s] == '"') {
            byte[] out = new byte[e - s];
            int n = 0;
            for (int i = s + 1; i < e; i++) {
                if (b[i] == '"') {
                    if (i + 1 < e && b[i + 1] == '"') {
                        out[n++] = '"';
                        i++;
                        continue;
                    }
                    break;
                }
                out[n++] = b[i];
            }
            return Arrays.copyOf(out, Math.min(n, 65_535));
        }
        int end = s;
        while (end < e && b[end] != ',') {
            end++;
        }
        return Arrays.copyOfRange(b, s, Math.min(end, s + 65_535));
    }

    /**
     * One bucket's files read whole into one array (reused from bucket to bucket, so checking them makes little
     * garbage), with the start of each record: the ids are compared where they lie.
     */
    private static final class Bucket {

        private byte[] data = new byte[0];
        private int[] records = new int[0];
        private int[] slots = new int[0];

        /**
         * Checks one bucket, whose records are in {@code files} (read in that order: file order); gives each later
         * occurrence's {@link #place} to {@code found} and returns how many.
         */
        int check(List<Path> files, java.util.function.LongConsumer found) throws IOException {
            long size = 0;
            for (Path f : files) {
                size += Files.size(f);
            }
            if (size > Integer.MAX_VALUE - 8) {
                throw new IOException("a bucket of line ids passes 2 GB (" + files.get(0).getParent() + "): give the ingest more "
                        + "memory for ids");
            }
            if (data.length < size) {
                data = new byte[(int) size];
            }
            int filled = 0;
            for (Path f : files) {
                try (InputStream in = Files.newInputStream(f)) {
                    filled += in.readNBytes(data, filled, (int) size - filled);
                }
            }
            // Every record is at least HEADER + 1 bytes: this many fit.
            int most = filled / (HEADER + 1) + 1;
            if (records.length < most) {
                records = new int[most];
            }
            int n = 0;
            for (int at = 0; at < filled; at += HEADER + idLength(at)) {
                records[n++] = at;
            }
            // Open addressing over the records' indexes (+1; 0 is empty), in the order they were written: file order.
            int capacity = Integer.highestOneBit(Math.max(2, n * 2 - 1)) << 1;
            if (slots.length < capacity) {
                slots = new int[capacity];
            } else {
                Arrays.fill(slots, 0, capacity, 0);
            }
            int mask = capacity - 1;
            int later = 0;
            for (int i = 0; i < n; i++) {
                int at = records[i];
                int id = at + HEADER;
                int len = idLength(at);
                int slot = (int) (hash(data, id, len) & mask);
                while (true) {
                    int other = slots[slot];
                    if (other == 0) {
                        slots[slot] = i + 1;
                        break;
                    }
                    int o = records[other - 1];
                    if (Arrays.equals(data, o + HEADER, o + HEADER + idLength(o), data, id, id + len)) {
                        found.accept(place(getInt(data, at), getLong(data, at + 4)));
                        later++;
                        break;
                    }
                    slot = (slot + 1) & mask;
                }
            }
            return later;
        }

        private int idLength(int record) {
            return (data[record + 12] & 0xff) << 8 | (data[record + 13] & 0xff);
        }
    }

    // FNV-1a, 64 bits, then a finalising mix: spreads ids that differ only in their last digits.
    private static long hash(byte[] b, int from, int len) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < from + len; i++) {
            h ^= b[i] & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}
