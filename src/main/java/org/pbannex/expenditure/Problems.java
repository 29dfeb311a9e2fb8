package org.pbannex.expenditure;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pbannex.ingest.Said;

/**
 * A partition's bad lines in line order: the first {@link #IN_MEMORY} in memory, the rest appended to a file as they
 * come, so that memory stays flat however many lines a file repeats or gets wrong. Read back in the same order by a
 * {@link Cursor}.
 */
final class Problems implements Closeable {

    /**
     * Enough for the usual handful of bad lines (each holds its line, up to 500 characters), few enough that every
     * partition's together stay small (an ingest in this process holds them all until the merge); the rest go to the file.
     */
    static final int IN_MEMORY = 256;

    private final List<LineProblem> head = new ArrayList<>();
    private final Path spill;
    private DataOutputStream out;
    private long size;

    /** @param spill where the problems past the first {@link #IN_MEMORY} go (made when the first one does) */
    Problems(Path spill) {
        this.spill = spill;
    }

    private Problems(List<LineProblem> head, Path spill, long size) {
        this.head.addAll(head);
        this.spill = spill;
        this.size = size;
    }

    /** Appends a problem; problems come in line order. */
    void add(LineProblem p) {
        size++;
        if (head.size() < IN_MEMORY) {
            head.add(p);
            return;
        }
        try {
            if (out == null) {
                Files.createDirectories(spill.getParent());
                out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(spill), 1 << 16));
            }
            write(out, p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Ends the writing: the file is whole from here on. */
    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
    }

    /** Closes and removes the file (a failed parse, or a merge done with it). */
    void delete() throws IOException {
        close();
        Files.deleteIfExists(spill);
    }

    /** Their lines, asked in ascending order. */
    Lines lines() throws IOException {
        return new Lines();
    }

    /** Every problem, in line order. */
    Cursor cursor() throws IOException {
        close();
        return new Cursor();
    }

    /** Problems in order, from memory and then from the file. */
    final class Cursor implements Closeable {

        private long read;
        private DataInputStream in;

        boolean hasNext() {
            return read < size;
        }

        LineProblem next() throws IOException {
            if (read < head.size()) {
                return head.get((int) read++);
            }
            if (in == null) {
                in = new DataInputStream(new BufferedInputStream(Files.newInputStream(spill), 1 << 16));
            }
            read++;
            return Problems.read(in);
        }

        @Override
        public void close() throws IOException {
            if (in != null) {
                in.close();
            }
        }
    }

    /**
     * Whether given lines are among the problems', asked in ascending order (every line of a partition once, in a
     * second read of it): the problems are read along, never held.
     */
    final class Lines implements Closeable {

        private final Cursor cursor = cursor();
        private long next = -1;

        private Lines() throws IOException {
            advance();
        }

        boolean contains(long line) {
            try {
                while (next >= 0 && next < line) {
                    advance();
                }
                return next == line;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void advance() throws IOException {
            next = cursor.hasNext() ? cursor.next().line() : -1;
        }

        @Override
        public void close() throws IOException {
            cursor.close();
        }
    }

    /** The problems as a partition's result file keeps them: those in memory, and where the rest are. */
    void write(DataOutput to) throws IOException {
        close();
        to.writeLong(size);
        to.writeInt(head.size());
        for (LineProblem p : head) {
            write(to, p);
        }
        to.writeUTF(spill == null ? "" : spill.toString());
    }

    static Problems readFrom(DataInput from) throws IOException {
        long size = from.readLong();
        int n = from.readInt();
        List<LineProblem> head = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            head.add(read(from));
        }
        String spill = from.readUTF();
        return new Problems(head, spill.isEmpty() ? null : Path.of(spill), size);
    }

    static void write(DataOutput out, LineProblem p) throws IOException {
        out.writeLong(p.line());
        out.writeLong(p.offset());
        out.writeUTF(p.column() == null ? "" : p.column());
        p.reason().write(out);
        out.writeUTF(p.raw());
        out.writeBoolean(p.fatal());
    }

    static LineProblem read(DataInput in) throws IOException {
        long line = in.readLong();
        long offset = in.readLong();
        String column = in.readUTF();
        return new LineProblem(line, offset, column.isEmpty() ? null : column, Said.read(in), in.readUTF(), in.readBoolean());
    }
}
