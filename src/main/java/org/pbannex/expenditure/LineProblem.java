package org.pbannex.expenditure;

/**
 * A bad expenditure line: where it is in its partition (line number from 0 and byte offset in the file), the column
 * and reason, the line itself (cut at 500 characters) for the rejects file. A fatal problem (a sum that would
 * overflow) stops the ingest even in rejects mode.
 */
record LineProblem(long line, long offset, String column, org.pbannex.ingest.Said reason, String raw, boolean fatal) {
}
