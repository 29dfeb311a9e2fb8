package org.pbannex.expenditure;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.pbannex.ingest.Said;

/**
 * What one partition found: its line count, its good lines left out (of biennia after the run's), its bad lines (all of them in rejects mode, the first otherwise), the
 * totals of its good lines and its line ids. Written to a file when the partition's step completes, so a restarted
 * run merges it without parsing the partition again.
 */
final class PartitionResult {

    private static final int FORMAT = 5; // 3: a cell counts its synthetic lines; 4: lines left out; 5: reasons as sentences

    final int index;
    final long lines;
    /** Less those the merge finds to repeat an earlier line's id. */
    long leftOut;
    final List<LineProblem> problems;
    final ExpenditureTotals totals;
    final LineIdSet ids;

    PartitionResult(int index, long lines, long leftOut, List<LineProblem> problems, ExpenditureTotals totals, LineIdSet ids) {
        this.index = index;
        this.lines = lines;
        this.leftOut = leftOut;
        this.problems = problems;
        this.totals = totals;
        this.ids = ids;
    }

    /** Writes to a temporary file first and renames it, so a file that exists is always whole. */
    void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        org.pbannex.runtime.WriteFailed.naming(tmp, () -> writeTo(tmp));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void writeTo(Path tmp) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
            out.writeInt(FORMAT);
            out.writeInt(index);
            out.writeLong(lines);
            out.writeLong(leftOut);
            out.writeInt(problems.size());
            for (LineProblem p : problems) {
                out.writeLong(p.line());
                out.writeLong(p.offset());
                out.writeUTF(p.column() == null ? "" : p.column());
                p.reason().write(out);
                out.writeUTF(p.raw());
                out.writeBoolean(p.fatal());
            }
            totals.write(out);
            ids.write(out);
        }
    }

    static PartitionResult read(Path file, Dimensions dims, int idPages) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != FORMAT) {
                throw new IOException(file + ": written by another version of pb-annex");
            }
            int index = in.readInt();
            long lines = in.readLong();
            long leftOut = in.readLong();
            int n = in.readInt();
            List<LineProblem> problems = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                long line = in.readLong();
                long offset = in.readLong();
                String column = in.readUTF();
                problems.add(new LineProblem(line, offset, column.isEmpty() ? null : column, Said.read(in), in.readUTF(),
                        in.readBoolean()));
            }
            ExpenditureTotals totals = dims.newTotals();
            totals.read(in);
            return new PartitionResult(index, lines, leftOut, problems, totals, LineIdSet.read(in, idPages));
        }
    }
}
