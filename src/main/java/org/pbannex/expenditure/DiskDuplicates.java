package org.pbannex.expenditure;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Finds duplicate line ids of any shape (random, sparse, long) in bounded memory: every id is written, with where its
 * line is, to one of B bucket files chosen by the id's hash (a Grace hash partition), then each bucket is checked on
 * its own in memory, comparing the ids' bytes (exact: no false duplicates from hash collisions). B grows with the
 * input, so a bucket never needs more than about {@code memoryBytes}. The first occurrence in file order is kept;
 * every later one is a duplicate.
 */
final class DiskDuplicates {

    /** A later occurrence of an id: its partition, its line within the partition (from 0) and its file offset. */
    record Duplicate(int partition, long line, long offset, String id) {
    }

    private DiskDuplicates() {
    }

    /**
     * @param skip per partition index, the lines already known to be bad (their ids do not count)
     * @param dir  a folder for the bucket files (removed again before this returns)
     */
    static List<Duplicate> find(List<ExpenditurePartition> partitions, Map<Integer, Set<Long>> skip, Path dir, long memoryBytes)
            throws IOException {
        long bytes = partitions.stream().mapToLong(p -> p.to() - p.from()).sum();
        int buckets = (int) Math.max(1, Math.min(1024, (bytes / Math.max(1, memoryBytes / 2)) + 1));
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        DataOutputStream[] out = new DataOutputStream[buckets];
        try {
            for (int i = 0; i < buckets; i++) {
                Path f = dir.resolve("ids-" + i + ".bin");
                files.add(f);
                out[i] = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(f), 1 << 16));
            }
            for (ExpenditurePartition p : partitions) {
                Set<Long> bad = skip.getOrDefault(p.index(), Set.of());
                LineReader.forEachLine(p.file(), p.from(), p.to(), new AtomicLong(), (b, s, e, line, offset) -> {
                    if (!bad.isEmpty() && bad.contains(line)) {
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
                    DataOutputStream o = out[(int) Long.remainderUnsigned(hash(src, from, len), buckets)];
                    try {
                        o.writeInt(p.index());
                        o.writeLong(line);
                        o.writeLong(offset);
                        o.writeShort(len);
                        o.write(src, from, len);
                    } catch (IOException ex) {
                        throw new UncheckedIOException(ex);
                    }
                });
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            for (DataOutputStream o : out) {
                if (o != null) {
                    o.close();
                }
            }
        }
        List<Duplicate> found = new ArrayList<>();
        Bucket bucket = new Bucket();
        try {
            for (Path f : files) {
                bucket.check(f, found);
                Files.delete(f);
            }
        } finally {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        }
        found.sort(Comparator.comparingInt(Duplicate::partition).thenComparingLong(Duplicate::line));
        return found;
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

    /** One bucket's records in arrays that are reused from bucket to bucket (so checking them makes little garbage). */
    private static final class Bucket {

        private int[] partition = new int[0];
        private long[] line = new long[0];
        private long[] offset = new long[0];
        private int[] start = new int[0];
        private int[] length = new int[0];
        private int[] slots = new int[0];
        private byte[] arena = new byte[0];

        void check(Path file, List<Duplicate> found) throws IOException {
            long size = Files.size(file);
            // Every record is at least 23 bytes (int, two longs, short, one byte of id): this many fit.
            int most = (int) Math.min(Integer.MAX_VALUE - 8, size / 23 + 1);
            if (partition.length < most) {
                partition = new int[most];
                line = new long[most];
                offset = new long[most];
                start = new int[most];
                length = new int[most];
            }
            if (arena.length < size) {
                arena = new byte[(int) Math.min(Integer.MAX_VALUE - 8, size)];
            }
            int n = 0;
            int used = 0;
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
                while (true) {
                    int p;
                    try {
                        p = in.readInt();
                    } catch (EOFException end) {
                        break;
                    }
                    partition[n] = p;
                    line[n] = in.readLong();
                    offset[n] = in.readLong();
                    int len = in.readUnsignedShort();
                    in.readFully(arena, used, len);
                    start[n] = used;
                    length[n] = len;
                    used += len;
                    n++;
                }
            }
            // Open addressing over the records' indexes (+1; 0 is empty), in the order they were written: file order.
            int capacity = Integer.highestOneBit(Math.max(2, n * 2 - 1)) << 1;
            if (slots.length < capacity) {
                slots = new int[capacity];
            } else {
                java.util.Arrays.fill(slots, 0, capacity, 0);
            }
            int mask = capacity - 1;
            for (int i = 0; i < n; i++) {
                int slot = (int) (hash(arena, start[i], length[i]) & mask);
                while (true) {
                    int other = slots[slot];
                    if (other == 0) {
                        slots[slot] = i + 1;
                        break;
                    }
                    int o = other - 1;
                    if (Arrays.equals(arena, start[o], start[o] + length[o], arena, start[i], start[i] + length[i])) {
                        found.add(new Duplicate(partition[i], line[i], offset[i],
                                new String(arena, start[i], length[i], StandardCharsets.UTF_8)));
                        break;
                    }
                    slot = (slot + 1) & mask;
                }
            }
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
