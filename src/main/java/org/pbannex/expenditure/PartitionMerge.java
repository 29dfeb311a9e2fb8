package org.pbannex.expenditure;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.pbannex.ingest.InputError;
import org.pbannex.ingest.Said;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Merges the partitions' results in file order into the ingest's answer: line numbers become file line numbers, an
 * id seen in an earlier partition makes the later line a duplicate (taken out of the totals), the first bad line
 * stops a strict ingest, and in rejects mode every bad line goes to the rejects CSV. Because the order is the files'
 * order, the answer never depends on how the files were cut or in which order the partitions ran. Messages name a file
 * as it opens from where the command ran, the rejects and the per-file counts as the outputs publish it.
 */
final class PartitionMerge {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionMerge.class);

    /** Loads the result of a partition (from memory, or from the file its step wrote). */
    interface Results {
        PartitionResult load(ExpenditurePartition p) throws IOException;
    }

    private final Dimensions dimensions;
    private final Path rejectsFile;
    private final long idMemory;
    private final Path scratch;
    private final int threads;
    // One reader's blocks for every read the merge makes again (of a partition, or of the lines before a duplicate).
    private final LineReader.Buffers buffers = new LineReader.Buffers();

    /**
     * @param rejectsFile where bad lines go (rejects mode), or null (strict: the first bad line stops the ingest)
     * @param idMemory    bytes the id sets may take together before duplicates are found on disk instead
     * @param scratch     a folder for {@link DiskDuplicates}' bucket files
     * @param threads     cores {@link DiskDuplicates} may use
     */
    PartitionMerge(Dimensions dimensions, Path rejectsFile, long idMemory, Path scratch, int threads) {
        this.dimensions = dimensions;
        this.rejectsFile = rejectsFile;
        this.idMemory = idMemory;
        this.scratch = scratch;
        this.threads = threads;
    }

    static int pagesFor(long bytes) {
        return (int) Math.max(1, bytes / ((1L << LineIdSet.PAGE_BITS) / 8));
    }

    ExpenditureIngest.Result merge(List<ExpenditurePartition> partitions, Results results, double parseSeconds) throws IOException {
        long start = System.nanoTime();
        // First look: line counts (for line numbers), known bad lines, and whether the id sets are usable.
        long[] firstLine = new long[partitions.size()];
        List<Problems> badLines = new ArrayList<>(); // per partition, read along where needed (never all held)
        boolean onDisk = false;
        // Partitions whose ids are in sorted runs, and those whose ids stayed in bit sets; the prefix they share.
        Map<Integer, SortedIdRuns.Runs> runs = new HashMap<>();
        Set<Integer> bits = new HashSet<>();
        Set<String> prefixes = new HashSet<>();
        long pages = 0;
        long next = 2;
        for (ExpenditurePartition p : partitions) {
            if (p.index() == 0 || partitions.get(p.index() - 1).fileIndex() != p.fileIndex()) {
                next = SyntheticMark.firstDataLine(p.file()); // after the header (and a synthetic file's mark line)
            }
            firstLine[p.index()] = next;
            PartitionResult r = results.load(p);
            next += r.lines;
            try (Problems.Cursor all = r.problems.cursor()) {
                while (all.hasNext()) {
                    LineProblem lp = all.next();
                    if (lp.fatal()) {
                        throw new InputError(p.shownName(), firstLine[p.index()] + lp.line(), lp.column(), lp.reason());
                    }
                }
            }
            badLines.add(r.problems);
            onDisk |= r.ids.overflowed();
            pages += r.ids.pageCount();
            if (r.ids.runs() != null) {
                runs.put(p.index(), r.ids.runs());
            } else if (r.ids.pageCount() > 0) {
                bits.add(p.index());
            }
            String prefix = r.ids.mergePrefix();
            if (prefix == null || !prefix.isEmpty()) {
                prefixes.add(prefix);
            }
        }
        onDisk |= pages > pagesFor(idMemory);
        SortedIdRuns.Repeats repeats = null;
        String runPrefix = prefixes.size() == 1 ? prefixes.iterator().next() : null;
        if (!runs.isEmpty() && !onDisk) {
            // One prefix for every partition's ids, or the runs cannot be merged: then on disk.
            repeats = runPrefix == null ? null : repeatedIds(partitions, runs, bits, results);
            onDisk = repeats == null;
        }
        // The repeated numbers sorted, 8 bytes each, and which of them a line had already: a bit each.
        long[] repeated = repeats == null ? new long[0] : repeats.numbers().stream().mapToLong(Long::longValue).sorted().toArray();
        BitSet seenRepeated = new BitSet();
        BitSet repeatSources = repeats == null ? null : repeats.sources();
        repeats = null;
        if (onDisk) {
            LOG.info("expenditure: line ids are not dense enough for bit sets; finding duplicates on disk");
        }
        ExpenditureTotals totals = dimensions.newTotals();
        Map<Integer, long[]> perFile = new LinkedHashMap<>(); // file index -> read, rejected, left out
        LineIdSet seen = new LineIdSet(Integer.MAX_VALUE);
        long rejected = 0;
        try (ICSVWriter rejects = rejectsFile == null ? null : rejectsWriter(rejectsFile);
             Places onDiskFound = onDisk ? new Places(DiskDuplicates.find(partitions, badLines, scratch, idMemory, threads)) : null) {
            for (ExpenditurePartition p : partitions) {
                PartitionResult r = results.load(p);
                // The lines this merge finds to repeat an id, in line order; held as the parse's are (see Problems).
                Problems found = new Problems(scratch.resolve(String.format("partition-%05d.repeats", p.index())));
                try {
                    if (onDisk) {
                        takeOut(p, r, onDiskFound, found);
                    } else if (repeatSources != null) {
                        if (repeatSources.get(p.index())) {
                            rejectRepeats(p, r, k -> {
                                long n = LineIdSet.encoded(k, runPrefix);
                                int at = n < 0 ? -1 : Arrays.binarySearch(repeated, n);
                                if (at < 0 || seenRepeated.get(at)) {
                                    return at >= 0;
                                }
                                seenRepeated.set(at);
                                return false;
                            }, r.problems, found);
                        }
                    } else {
                        LineIdSet common = r.ids.common(seen);
                        if (!common.isEmpty()) {
                            rejectRepeats(p, r, common::contains, r.problems, found);
                        }
                        seen.addAll(r.ids);
                    }
                    long problems = r.problems.size() + found.size();
                    if (rejects == null && problems > 0) {
                        LineProblem first;
                        try (InOrder all = new InOrder(r.problems, found)) {
                            first = all.next();
                        }
                        Said reason = reason(first, firsts(partitions, p, List.of(first)), partitions, p, firstLine, true);
                        throw new InputError(p.shownName(), firstLine[p.index()] + first.line(),
                                first.column() == null ? "" : first.column(), reason);
                    }
                    totals.addAll(r.totals, p.synthetic());
                    long[] counts = perFile.computeIfAbsent(p.fileIndex(), k -> new long[3]);
                    counts[0] += r.lines;
                    counts[1] += problems;
                    counts[2] += r.leftOut;
                    rejected += problems;
                    if (rejects != null && problems > 0) {
                        writeRejects(rejects, partitions, p, firstLine, r.problems, found);
                    }
                } catch (ArithmeticException overflow) {
                    // The partition's sums added to the earlier ones' (or a repeated negative line taken out of them).
                    throw sumOverflow(partitions, p, firstLine);
                } finally {
                    found.delete();
                }
            }
        }
        List<ExpenditureIngest.FileStats> stats = new ArrayList<>();
        for (ExpenditurePartition p : partitions) {
            if (stats.size() > p.fileIndex()) {
                continue;
            }
            long[] c = perFile.get(p.fileIndex());
            if (c[0] == 0) {
                throw new InputError(p.shownName(), 1, "", Said.of("exp.no_lines"));
            }
            long size = Files.size(p.file());
            var f = new ExpenditureIngest.FileStats(p.publishedName(), c[0], c[0] - c[1] - c[2], c[2], c[1], size, p.mark());
            stats.add(f);
            LOG.info("expenditure {}: {} lines read, {} accepted, {} left out, {} rejected, {} MB", p.shownName(), f.read(),
                    f.accepted(), f.leftOut(), f.rejected(), size >> 20);
        }
        double seconds = parseSeconds + (System.nanoTime() - start) / 1e9;
        return new ExpenditureIngest.Result(totals, stats, rejected, seconds);
    }

    /**
     * Writes a partition's rejects in line order, the parse's and the merge's together, a stretch at a time: the ids of
     * at most {@link #idsAtOnce} duplicates are gathered from one cursor, where they were first is looked up for them
     * together, and another cursor then writes the stretch's rows. Memory stays flat however many duplicates.
     */
    private void writeRejects(ICSVWriter rejects, List<ExpenditurePartition> partitions, ExpenditurePartition p, long[] firstLine,
                              Problems parsed, Problems found) throws IOException {
        int most = idsAtOnce();
        try (InOrder ahead = new InOrder(parsed, found); InOrder write = new InOrder(parsed, found)) {
            while (write.hasNext()) {
                Set<String> ids = new HashSet<>();
                long before = 0;
                long stretch = 0;
                while (ahead.hasNext() && ids.size() < most) {
                    LineProblem lp = ahead.next();
                    stretch++;
                    if (isDuplicate(lp)) {
                        ids.add(FirstLines.id(lp.raw()));
                        before = Math.max(before, lp.offset());
                    }
                }
                Map<String, FirstLines.At> firsts = ids.isEmpty() ? Map.of() : FirstLines.find(partitions, p.index(), before, ids, dimensions, buffers);
                for (long i = 0; i < stretch; i++) {
                    LineProblem lp = write.next();
                    writeReject(rejects, p.publishedName(), firstLine[p.index()] + lp.line(), lp.column(),
                            reason(lp, firsts, partitions, p, firstLine, false).english(), lp.raw());
                }
            }
        }
    }

    /**
     * How many duplicates' ids (and where they were first) a stretch of rejects holds: about 200 bytes each, within a
     * quarter of the id memory (they outlive the young generation: the heap would grow to hold them as they come and go).
     */
    private int idsAtOnce() {
        return (int) Math.max(1024, idMemory / 4 / 200);
    }

    /** Two partitions' worth of problems, each in line order, read as one in line order (their lines never meet). */
    private static final class InOrder implements java.io.Closeable {

        private final Problems.Cursor a;
        private final Problems.Cursor b;
        private LineProblem nextA;
        private LineProblem nextB;

        InOrder(Problems x, Problems y) throws IOException {
            a = x.cursor();
            b = y.cursor();
            nextA = a.hasNext() ? a.next() : null;
            nextB = b.hasNext() ? b.next() : null;
        }

        boolean hasNext() {
            return nextA != null || nextB != null;
        }

        LineProblem next() throws IOException {
            LineProblem out;
            if (nextB == null || (nextA != null && nextA.line() <= nextB.line())) {
                out = nextA;
                nextA = a.hasNext() ? a.next() : null;
            } else {
                out = nextB;
                nextB = b.hasNext() ? b.next() : null;
            }
            return out;
        }

        @Override
        public void close() throws IOException {
            try {
                a.close();
            } finally {
                b.close();
            }
        }
    }

    /** Where the ids of partition {@code p}'s duplicates among {@code problems} were first (in file order). */
    private Map<String, FirstLines.At> firsts(List<ExpenditurePartition> partitions, ExpenditurePartition p, List<LineProblem> problems) {
        Set<String> ids = new HashSet<>();
        long before = 0;
        for (LineProblem lp : problems) {
            if (isDuplicate(lp)) {
                ids.add(FirstLines.id(lp.raw()));
                before = Math.max(before, lp.offset());
            }
        }
        return ids.isEmpty() ? Map.of() : FirstLines.find(partitions, p.index(), before, ids, dimensions, buffers);
    }

    /**
     * A problem's reason, a duplicate's naming the line its id was first on (in this partition or an earlier one), the
     * file too when that is another: as it opens from where the command ran ({@code shown}), else as published.
     */
    private static Said reason(LineProblem lp, Map<String, FirstLines.At> firsts, List<ExpenditurePartition> partitions,
                               ExpenditurePartition p, long[] firstLine, boolean shown) {
        if (!isDuplicate(lp)) {
            return LineParser.withLineBreak(lp.reason(), p.file(), lp.offset(), firstLine[p.index()] + lp.line());
        }
        FirstLines.At at = firsts.get(FirstLines.id(lp.raw()));
        if (at == null) {
            throw new IllegalStateException("no first line for the duplicate line id on line " + lp.line() + " of " + p.shownName());
        }
        ExpenditurePartition q = partitions.get(at.partition());
        String file = q.fileIndex() == p.fileIndex() ? null : shown ? q.shownName() : q.publishedName();
        return FirstLines.reason(lp.reason(), file, firstLine[q.index()] + at.line());
    }

    private static boolean isDuplicate(LineProblem lp) {
        return FirstLines.isDuplicate(lp.reason());
    }

    /**
     * The ids that occur more than once over all partitions, from a merge of their sorted runs (and of the bit sets of
     * partitions whose ids stayed dense); null when there are too many to hold (then they are found on disk). When
     * every partition's ids are in runs, the numbers are cut into one range per core and the ranges merged at once.
     */
    private SortedIdRuns.Repeats repeatedIds(List<ExpenditurePartition> partitions, Map<Integer, SortedIdRuns.Runs> runs,
                                             Set<Integer> bits, Results results) throws IOException {
        long start = System.nanoTime();
        int runCount = runs.values().stream().mapToInt(r -> r.starts().length).sum();
        int parts = bits.isEmpty() ? Math.max(1, threads) : 1;
        long[] points = parts > 1 ? SortedIdRuns.splitPoints(List.copyOf(runs.values()), parts) : new long[0];
        // The runs are read together: the id memory is shared by their read buffers (in every range at once).
        int chunk = (int) Math.max(512, Math.min(8192, idMemory / 8 / Math.max(1, (long) runCount * parts)));
        // A repeated id is held as a boxed number while the runs are merged (about 64 bytes, twice when the ranges'
        // are put together); past this many, the bounded-memory way on disk takes over.
        int limit = (int) Math.max(1024, idMemory / 128);
        List<Callable<SortedIdRuns.Repeats>> ranges = new ArrayList<>();
        for (int k = 0; k < parts; k++) {
            long lo = k == 0 ? 0 : points[k - 1];
            long hi = k == parts - 1 ? Long.MAX_VALUE : points[k];
            ranges.add(() -> repeatedIn(partitions, runs, bits, results, chunk, lo, hi, limit / parts));
        }
        SortedIdRuns.Repeats r = SortedIdRuns.Repeats.union(Parallel.all(ranges, parts, "line-id-runs"));
        LOG.info("line ids in sorted runs: {} runs merged in {} range(s) in {} ms, {}", runCount, parts, (System.nanoTime() - start) / 1_000_000,
                r == null ? "more than " + limit + " repeated ids: finding duplicates on disk" : r.numbers().size() + " repeated ids");
        return r;
    }

    /** The repeated ids among the numbers in [lo, hi) of every partition (bit sets only in a merge of one range). */
    private static SortedIdRuns.Repeats repeatedIn(List<ExpenditurePartition> partitions, Map<Integer, SortedIdRuns.Runs> runs,
                                                   Set<Integer> bits, Results results, int chunk, long lo, long hi, int limit)
            throws IOException {
        List<SortedIdRuns.Cursor> cursors = new ArrayList<>();
        List<Integer> sources = new ArrayList<>();
        try {
            for (ExpenditurePartition p : partitions) {
                SortedIdRuns.Runs mine = runs.get(p.index());
                List<SortedIdRuns.Cursor> found = mine != null ? SortedIdRuns.cursors(mine, chunk, lo, hi)
                        : bits.contains(p.index()) ? results.load(p).ids.cursors(chunk) : List.of();
                for (SortedIdRuns.Cursor c : found) {
                    cursors.add(c);
                    sources.add(p.index());
                }
            }
        } catch (IOException | RuntimeException e) {
            for (SortedIdRuns.Cursor c : cursors) {
                c.close();
            }
            throw e;
        }
        return SortedIdRuns.repeated(cursors, sources.stream().mapToInt(Integer::intValue).toArray(), limit);
    }

    /**
     * Rejects each good line whose id {@code repeats} (an id seen before), into {@code found}, and takes it out of the
     * totals. Lines already known to be bad are skipped.
     */
    private void rejectRepeats(ExpenditurePartition p, PartitionResult r, java.util.function.Predicate<LineIdSet.Key> repeats,
                               Problems alreadyBad, Problems found) throws IOException {
        LineParser parser = new LineParser(dimensions);
        try (Problems.Lines bad = alreadyBad.lines()) {
            LineReader.forEachLine(p.file(), p.from(), p.to(), new AtomicLong(), buffers, (b, s, e, line, offset) -> {
                if (bad.contains(line) || !parser.parse(b, s, e)) {
                    return;
                }
                if (repeats.test(parser.lastKey())) {
                    takeOut(r, parser);
                    found.add(duplicate(line, offset, parser.field(LineFormat.LINE_ID), b, s, e));
                }
            });
        }
    }

    /**
     * Takes the lines of partition {@code p} that {@link DiskDuplicates} found to repeat an earlier id out of its
     * totals, into {@code found}: one read of the partition, along the places in order.
     */
    private void takeOut(ExpenditurePartition p, PartitionResult r, Places places, Problems found) throws IOException {
        if (!places.within(p.index())) {
            return;
        }
        LineParser parser = new LineParser(dimensions);
        LineReader.forEachLine(p.file(), p.from(), p.to(), new AtomicLong(), buffers, (b, s, e, line, offset) -> {
            if (!places.at(p.index(), line)) {
                return;
            }
            if (parser.parse(b, s, e)) {
                takeOut(r, parser);
            }
            String id = new String(DiskDuplicates.firstField(b, s, e), StandardCharsets.UTF_8);
            found.add(duplicate(line, offset, id.length() > 60 ? id.substring(0, 60) + "…" : id, b, s, e));
        });
    }

    /** The places {@link DiskDuplicates} found, asked in ascending order (partition after partition, line after line). */
    private static final class Places implements java.io.Closeable {

        private final SortedIdRuns.Cursor cursor;
        private long next;

        Places(SortedIdRuns.Cursor cursor) throws IOException {
            this.cursor = cursor;
            advance();
        }

        /** Whether any place is in this partition (those of earlier partitions were passed). */
        boolean within(int partition) throws IOException {
            while (next >= 0 && DiskDuplicates.partition(next) < partition) {
                advance();
            }
            return next >= 0 && DiskDuplicates.partition(next) == partition;
        }

        boolean at(int partition, long line) {
            long place = DiskDuplicates.place(partition, line);
            try {
                while (next >= 0 && next < place) {
                    advance();
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return next == place;
        }

        private void advance() throws IOException {
            next = cursor.next() ? cursor.value() : -1;
        }

        @Override
        public void close() throws IOException {
            cursor.close();
        }
    }

    /**
     * Takes the good line just parsed out of the partition's totals, or out of its lines left out (in no total).
     * ArithmeticException when what is left passes what 64-bit cents hold: a negative line taken out (its id repeated)
     * can leave the other lines' sums past the limit the parse kept.
     */
    private static void takeOut(PartitionResult r, LineParser parser) {
        if (parser.cell < 0) {
            r.leftOut--;
            return;
        }
        r.totals.subtract(parser.cell, parser.cents);
    }

    /**
     * Partition {@code p}'s lines would take the run's sums past what 64-bit cents hold (see ExpenditureTotals.add): said
     * at the line whose amount passes it, as the parse of one partition says it. Found here alone, once the merge
     * found the sums too large: the lines of every partition up to {@code p}, in file order, go again through one
     * parser, whose sums are the running sums of a parse of them all as one (its ids find the repeated lines the merge
     * took out, while they fit in the id memory). Where no line passes it, the file alone is named.
     */
    private InputError sumOverflow(List<ExpenditurePartition> partitions, ExpenditurePartition p, long[] firstLine) {
        LineParser parser = new LineParser(dimensions, pagesFor(idMemory));
        for (ExpenditurePartition q : partitions.subList(0, p.index() + 1)) {
            LineReader.forEachLine(q.file(), q.from(), q.to(), new AtomicLong(), buffers, (b, s, e, line, offset) -> {
                if (!parser.accept(b, s, e) && parser.fatal) {
                    throw new InputError(q.shownName(), firstLine[q.index()] + line, parser.column, parser.reason);
                }
            });
        }
        return new InputError(p.shownName(), 0, "amount_usd", Said.of("exp.sum_overflow", "result", ExpenditureTotals.PUBLISHED_NOTHING));
    }

    private static LineProblem duplicate(long line, long offset, String id, byte[] b, int s, int e) {
        // The same words as a duplicate found within one partition: the rejects must not depend on partitioning.
        return new LineProblem(line, offset, "line_id", FirstLines.duplicate(id), PartitionParser.raw(b, s, e), false);
    }

    static ICSVWriter rejectsWriter(Path rejectsFile) throws IOException {
        Files.createDirectories(rejectsFile.toAbsolutePath().getParent()); // a bare name (--rejects rejects.csv) has none
        Writer w = Files.newBufferedWriter(rejectsFile, StandardCharsets.UTF_8);
        ICSVWriter csv = new CSVWriter(w, ICSVWriter.DEFAULT_SEPARATOR, ICSVWriter.DEFAULT_QUOTE_CHARACTER,
                ICSVWriter.DEFAULT_ESCAPE_CHARACTER, "\n");
        csv.writeNext(new String[] {"file", "line", "column", "reason", "raw_line"}, false);
        return csv;
    }

    /** One row of the rejects CSV: file, line, column, reason, the line itself (quoted only where CSV needs it). */
    static void writeReject(ICSVWriter rejects, String file, long line, String column, String reason, String raw) {
        rejects.writeNext(new String[] {file, Long.toString(line), column == null ? "" : column, reason, safe(raw)}, false);
    }

    /** A leading =, +, - or @ would be a formula in a spreadsheet: a quote prefix keeps the text text. */
    static String safe(String s) {
        return !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }
}
