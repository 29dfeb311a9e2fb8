package org.pbannex.expenditure;

import java.nio.file.Path;
import org.pbannex.ingest.InputFolder;

/**
 * One piece of the expenditure ingest: a byte range of one file, cut at line ends, parsed on its own (by a thread of
 * this process, or a worker step elsewhere). {@code index} orders the partitions as the lines are ordered (file by
 * file, range by range), which is the order their results merge in.
 *
 * @param publishedName the file as the run's outputs name it (rejects, manifest, report), the same wherever the command
 *                      ran (e.g. input/expenditure/erp-2022.csv)
 */
public record ExpenditurePartition(int index, int fileIndex, Path file, String publishedName, long from, long to) {

    public boolean synthetic() {
        return mark().synthetic();
    }

    /** Whether its file is synthetic, and by its name, its first line or both. */
    public SyntheticMark mark() {
        return SyntheticMark.of(file);
    }

    /**
     * The file as messages name it, so that it opens from where the command ran. Made from the file when a message
     * needs it (never in the parse), so that a partition restarted in another process names it for that process.
     */
    public String shownName() {
        return InputFolder.shownFile(file);
    }
}
