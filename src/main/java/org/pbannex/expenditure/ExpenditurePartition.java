package org.pbannex.expenditure;

import java.nio.file.Path;

/**
 * One piece of the expenditure ingest: a byte range of one file, cut at line ends, parsed on its own (by a thread of
 * this process, or a worker step elsewhere). {@code index} orders the partitions as the lines are ordered (file by
 * file, range by range), which is the order their results merge in.
 *
 * @param displayName the file as named in messages (e.g. input/expenditure/erp-2022.csv)
 */
public record ExpenditurePartition(int index, int fileIndex, Path file, String displayName, long from, long to) {

    public boolean synthetic() {
        return ExpenditureIngest.isSynthetic(file);
    }
}
