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

/**
 * The merged result of an expenditure ingest as a file of the run's work folder: what the ingest step hands to the
 * steps after it (and to a restarted run), written whole or not at all.
 */
public final class ExpenditureResultFile {

    private static final int FORMAT = 4; // 2: a cell counts its synthetic lines; 3: each file's lines left out; 4: what made a file synthetic

    private ExpenditureResultFile() {
    }

    public static void write(ExpenditureIngest.Result r, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        org.pbannex.runtime.WriteFailed.naming(tmp, () -> writeTo(r, tmp));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void writeTo(ExpenditureIngest.Result r, Path tmp) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
            out.writeInt(FORMAT);
            out.writeLong(r.rejectedLines());
            out.writeDouble(r.seconds());
            out.writeInt(r.files().size());
            for (ExpenditureIngest.FileStats f : r.files()) {
                out.writeUTF(f.file());
                out.writeLong(f.read());
                out.writeLong(f.accepted());
                out.writeLong(f.leftOut());
                out.writeLong(f.rejected());
                out.writeLong(f.bytes());
                out.writeUTF(f.mark().name());
            }
            r.totals().write(out);
        }
    }

    public static ExpenditureIngest.Result read(Path file, Dimensions dims) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != FORMAT) {
                throw new IOException(file + ": written by another version of pb-annex");
            }
            long rejected = in.readLong();
            double seconds = in.readDouble();
            int n = in.readInt();
            List<ExpenditureIngest.FileStats> files = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                files.add(new ExpenditureIngest.FileStats(in.readUTF(), in.readLong(), in.readLong(), in.readLong(), in.readLong(),
                        in.readLong(), SyntheticMark.valueOf(in.readUTF())));
            }
            ExpenditureTotals totals = dims.newTotals();
            totals.read(in);
            return new ExpenditureIngest.Result(totals, files, rejected, seconds);
        }
    }
}
