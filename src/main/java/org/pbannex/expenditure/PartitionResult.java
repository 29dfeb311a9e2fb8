package org.pbannex.expenditure;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * What one partition found: its line count, its good lines left out (of biennia after the run's), its bad lines (all of them in rejects mode, the first otherwise; past the first thousand in a file beside the result), the
 * totals of its good lines and its line ids. Written to a file when the partition's step completes, so a restarted
 * run merges it without parsing the partition again.
 */
final class PartitionResult {

    // 3: a cell counts its synthetic lines; 4: lines left out; 5: reasons as sentences; 6: problems past the first
    // thousand in a file of their own
    private static final int FORMAT = 6;

    final int index;
    final long lines;
    /** Less those the merge finds to repeat an earlier line's id. */
    long leftOut;
    final Problems problems;
    final ExpenditureTotals totals;
    final LineIdSet ids;

    PartitionResult(int index, long lines, long leftOut, Problems problems, ExpenditureTotals totals, LineIdSet ids) {
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
            problems.write(out);
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
            Problems problems = Problems.readFrom(in);
            ExpenditureTotals totals = dims.newTotals();
            totals.read(in);
            return new PartitionResult(index, lines, leftOut, problems, totals, LineIdSet.read(in, idPages));
        }
    }
}
