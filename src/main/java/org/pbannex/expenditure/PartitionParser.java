package org.pbannex.expenditure;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Parses one partition with the fast line parser: every line validated, good lines summed in exact cents, line ids
 * kept while they are dense. In strict mode only the first bad line is kept (the ingest stops at the first one in
 * file order); in rejects mode every bad line is.
 */
final class PartitionParser {

    private final Dimensions dimensions;
    private final boolean keepAllProblems;
    private final int idPages;

    /** @param idPages pages of bits this partition's id set may use before it gives up (see {@link LineIdSet}) */
    PartitionParser(Dimensions dimensions, boolean keepAllProblems, int idPages) {
        this.dimensions = dimensions;
        this.keepAllProblems = keepAllProblems;
        this.idPages = idPages;
    }

    /**
     * @param bytesDone and {@code linesDone}: progress counters shared with whoever reports progress
     */
    PartitionResult parse(ExpenditurePartition p, AtomicLong bytesDone, AtomicLong linesDone) {
        LineParser parser = new LineParser(dimensions, idPages);
        List<LineProblem> problems = new ArrayList<>();
        long[] lines = {0};
        LineReader.forEachBlock(p.file(), p.from(), p.to(), bytesDone, (b, start, filled, last, base) -> {
            int s = start;
            long before = lines[0];
            while (true) {
                int nl = parser.scanLine(b, s, filled);
                if (nl < 0) {
                    break;
                }
                if (!parser.accepted) {
                    problem(problems, parser, lines[0], base + s, b, s, parser.lineEnd);
                }
                if ((++lines[0] & 0xFFF) == 0) {
                    // Progress every 4 096 lines: the log can say how far a long partition is.
                    linesDone.addAndGet(lines[0] - before);
                    before = lines[0];
                }
                s = nl + 1;
            }
            if (last && s < filled) {
                // The range's last line has no '\n'.
                int end = b[filled - 1] == '\r' ? filled - 1 : filled;
                if (!parser.accept(b, s, end)) {
                    problem(problems, parser, lines[0], base + s, b, s, end);
                }
                lines[0]++;
                s = filled;
            }
            linesDone.addAndGet(lines[0] - before);
            return s;
        });
        return new PartitionResult(p.index(), lines[0], problems, parser.totals, parser.ids);
    }

    private void problem(List<LineProblem> problems, LineParser parser, long line, long offset, byte[] b, int s, int e) {
        // A fatal problem is always kept: it stops the ingest whatever the mode.
        if (keepAllProblems || problems.isEmpty() || parser.fatal) {
            problems.add(new LineProblem(line, offset, parser.column, parser.reason, raw(b, s, e), parser.fatal));
        }
    }

    static String raw(byte[] b, int s, int e) {
        String r = new String(b, s, Math.min(e - s, 500), StandardCharsets.UTF_8);
        return e - s > 500 ? r + "…" : r;
    }
}
