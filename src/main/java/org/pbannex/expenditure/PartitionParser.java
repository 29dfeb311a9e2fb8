package org.pbannex.expenditure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
    private final int idRunLength;
    private final LineReader.Buffers buffers;

    /**
     * @param buffers     block buffers shared by the partitions of one ingest
     * @param idPages     pages of bits this partition's id set may use before it turns to sorted runs or gives up (see
     *                    {@link LineIdSet})
     * @param idRunLength numbers in one sorted run of ids (0: no runs)
     */
    PartitionParser(Dimensions dimensions, boolean keepAllProblems, int idPages, int idRunLength, LineReader.Buffers buffers) {
        this.dimensions = dimensions;
        this.buffers = buffers;
        this.keepAllProblems = keepAllProblems;
        this.idPages = idPages;
        this.idRunLength = idRunLength;
    }

    /**
     * @param idRuns    where this partition's sorted runs of ids go, if its ids need them; its bad lines past the first
     *                  thousand go beside it ({@code .problems})
     * @param bytesDone and {@code linesDone}: progress counters shared with whoever reports progress
     */
    PartitionResult parse(ExpenditurePartition p, Path idRuns, AtomicLong bytesDone, AtomicLong linesDone) {
        LineParser parser = new LineParser(dimensions, new LineIdSet(idPages, idRunLength > 0 ? idRuns : null, idRunLength));
        Problems problems = new Problems(idRuns.resolveSibling(idRuns.getFileName() + ".problems"));
        long[] lines = {0};
        try {
            parseLines(p, parser, problems, lines, bytesDone, linesDone);
            problems.close();
        } catch (IOException | RuntimeException e) {
            parser.ids.abandon();
            try {
                problems.delete();
            } catch (IOException again) {
                e.addSuppressed(again);
            }
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
        parser.ids.finish();
        return new PartitionResult(p.index(), lines[0], parser.linesLeftOut, problems, parser.totals, parser.ids);
    }

    private void parseLines(ExpenditurePartition p, LineParser parser, Problems problems, long[] lines, AtomicLong bytesDone,
                            AtomicLong linesDone) {
        LineReader.forEachBlock(p.file(), p.from(), p.to(), bytesDone, buffers, (b, start, filled, last, base) -> {
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
    }

    private void problem(Problems problems, LineParser parser, long line, long offset, byte[] b, int s, int e) {
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
