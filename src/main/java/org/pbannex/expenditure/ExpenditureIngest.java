package org.pbannex.expenditure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.pbannex.ingest.InputError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every expenditure-line file of a folder, streaming: each file is cut into chunks at line ends, and the
 * chunks are parsed in parallel (one thread per core), each into its own totals and id set, which are merged in file
 * and chunk order, so the answer, the line numbers and which of two duplicates is rejected never depend on
 * timing. Strict mode stops at the first bad line (file, line, column, reason); rejects mode writes every bad line
 * to a rejects CSV and counts read = accepted + rejected per file.
 */
public final class ExpenditureIngest {

    private static final Logger LOG = LoggerFactory.getLogger(ExpenditureIngest.class);
    private static final long MIN_CHUNK = 16L << 20;
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** Per file: lines read, accepted and rejected, bytes, and whether the file is synthetic (named synthetic*). */
    public record FileStats(String file, long read, long accepted, long rejected, long bytes, boolean synthetic) {
    }

    public record Result(ExpenditureTotals totals, List<FileStats> files, long rejectedLines, double seconds) {

        public boolean anySynthetic() {
            return files.stream().anyMatch(FileStats::synthetic);
        }

        public long readLines() {
            return files.stream().mapToLong(FileStats::read).sum();
        }
    }

    /** A bad line: where it is and why, and the line itself for the rejects file. */
    record Problem(String file, long line, String column, String reason, String raw) {
    }

    private final Dimensions dimensions;
    private final int threads;
    private final Path rejectsFile;
    private long minChunk = MIN_CHUNK;
    private long progressMillis = 5000;

    /** @param rejectsFile where bad lines go, or null for strict mode (the first bad line stops the ingest) */
    public ExpenditureIngest(Dimensions dimensions, int threads, Path rejectsFile) {
        this.dimensions = dimensions;
        this.threads = Math.max(1, threads);
        this.rejectsFile = rejectsFile;
    }

    /** Smaller chunks than the 16 MB default: lets a test cut a small file into many chunks. */
    ExpenditureIngest withMinChunk(long bytes) {
        this.minChunk = Math.max(1, bytes);
        return this;
    }

    /** How often a long file's progress is logged (every 5 s by default). */
    ExpenditureIngest withProgressEvery(long millis) {
        this.progressMillis = Math.max(1, millis);
        return this;
    }

    /** The *.csv files of the folder in name order; none when the folder does not exist. */
    public static List<Path> files(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted(Comparator.comparing(Path::toString)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean isSynthetic(Path file) {
        return file.getFileName().toString().startsWith("synthetic");
    }

    public Result run(List<Path> files, String displayRoot) throws IOException {
        long start = System.nanoTime();
        ExpenditureTotals totals = dimensions.newTotals();
        List<FileStats> stats = new ArrayList<>();
        LineIdSet seen = new LineIdSet();
        long rejected = 0;
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "expenditure-ingest");
            t.setDaemon(true);
            return t;
        });
        try (Writer rejects = rejectsFile == null ? null : rejectsWriter(rejectsFile)) {
            for (Path file : files) {
                String name = displayRoot + file.getFileName();
                FileStats s = readFile(file, name, pool, totals, seen, rejects);
                stats.add(s);
                rejected += s.rejected();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(totals, stats, rejected, seconds);
    }

    static Writer rejectsWriter(Path rejectsFile) throws IOException {
        Files.createDirectories(rejectsFile.getParent());
        Writer w = Files.newBufferedWriter(rejectsFile, StandardCharsets.UTF_8);
        w.write("file,line,column,reason,raw_line\n");
        return w;
    }

    private FileStats readFile(Path file, String name, ExecutorService pool, ExpenditureTotals totals, LineIdSet seen,
                               Writer rejects) throws IOException {
        long size = Files.size(file);
        long bodyStart = header(file, name);
        List<long[]> ranges = chunks(file, bodyStart, size);
        AtomicLong done = new AtomicLong();
        AtomicLong linesDone = new AtomicLong();
        List<Future<Chunk>> futures = new ArrayList<>();
        for (long[] r : ranges) {
            futures.add(pool.submit(() -> new Chunk(file, r[0], r[1], dimensions, rejects != null, done, linesDone).parse()));
        }
        List<Chunk> chunks = new ArrayList<>();
        long started = System.nanoTime();
        for (Future<Chunk> f : futures) {
            while (true) {
                try {
                    chunks.add(f.get(progressMillis, TimeUnit.MILLISECONDS));
                    break;
                } catch (java.util.concurrent.TimeoutException stillRunning) {
                    progress(name, done.get(), linesDone.get(), size, started);
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof UncheckedIOException io) {
                        throw io.getCause();
                    }
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
        }
        // Global line numbers: the header is line 1; each chunk starts after the lines of the ones before it.
        long firstLine = 2;
        long read = 0;
        long rejected = 0;
        for (Chunk c : chunks) {
            c.firstLine = firstLine;
            firstLine += c.lines;
            List<LineIdSet.Key> common = c.parser.ids.common(seen);
            if (!common.isEmpty()) {
                c.rejectEarlierIds(new HashSet<>(common));
            }
            if (rejects == null && !c.problems.isEmpty()) {
                Problem p = c.problems.get(0);
                throw new InputError(name, c.firstLine + p.line(), p.column() == null ? "" : p.column(), p.reason());
            }
            seen.addAll(c.parser.ids);
            totals.addAll(c.parser.totals);
            read += c.lines;
            rejected += c.problems.size();
            if (rejects != null) {
                for (Problem p : c.problems) {
                    writeReject(rejects, name, c.firstLine + p.line(), p);
                }
            }
        }
        if (read == 0) {
            throw new InputError(name, 1, "", "no expenditure lines after the header");
        }
        LOG.info("expenditure {}: {} lines read, {} accepted, {} rejected, {} MB", name, read, read - rejected, rejected,
                size >> 20);
        return new FileStats(name, read, read - rejected, rejected, size, isSynthetic(file));
    }

    private static void progress(String name, long bytes, long lines, long size, long startedNanos) {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        double rate = bytes / Math.max(seconds, 1e-3);
        LOG.info("expenditure {}: {} lines ({} lines/s), {} of {} MB ({} MB/s), about {} s left", name, lines,
                Math.round(lines / Math.max(seconds, 1e-3)), bytes >> 20, size >> 20, Math.round(rate / (1 << 20)),
                rate > 0 ? Math.round((size - bytes) / rate) : "?");
    }

    static void writeReject(Writer w, String file, long line, Problem p) throws IOException {
        w.write(csv(file) + "," + line + "," + csv(p.column() == null ? "" : p.column()) + "," + csv(p.reason()) + ","
                + csv(p.raw()) + "\n");
    }

    private static String csv(String s) {
        // A leading =, +, - or @ would be a formula in a spreadsheet: the quote prefix keeps it text.
        String safe = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    /** Checks the header line (and that there is no byte-order mark); returns where the first line starts. */
    static long header(Path file, String name) throws IOException {
        byte[] head = new byte[Math.min(4096, (int) Math.min(Integer.MAX_VALUE, Files.size(file)))];
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ch.read(ByteBuffer.wrap(head), 0);
        }
        if (head.length == 0) {
            throw new InputError(name, 0, "", "empty file");
        }
        if (head.length >= 3 && head[0] == BOM[0] && head[1] == BOM[1] && head[2] == BOM[2]) {
            throw new InputError(name, 1, "", "the file starts with a byte-order mark; save it as UTF-8 without BOM");
        }
        int end = 0;
        while (end < head.length && head[end] != '\n') {
            end++;
        }
        int textEnd = end > 0 && head[end - 1] == '\r' ? end - 1 : end;
        String header = new String(head, 0, textEnd, StandardCharsets.UTF_8);
        if (!header.equals(LineFormat.HEADER)) {
            throw new InputError(name, 1, "", "header is '" + (header.length() > 120 ? header.substring(0, 120) + "…" : header)
                    + "', expected '" + LineFormat.HEADER + "'");
        }
        return Math.min(end + 1L, Files.size(file));
    }

    /** Cuts [from, size) into about one chunk per thread (at least 16 MB each), each ending after a line end. */
    private List<long[]> chunks(Path file, long from, long size) throws IOException {
        List<long[]> out = new ArrayList<>();
        long body = size - from;
        // Two chunks per thread balance uneven chunks; a test's small chunk size asks for as many as fit.
        long most = minChunk < MIN_CHUNK ? 1024 : threads * 2L;
        int n = (int) Math.max(1, Math.min(most, body / minChunk));
        long step = body / n;
        long start = from;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            for (int i = 1; i < n && start < size; i++) {
                long end = nextLineStart(ch, from + i * step, size);
                if (end > start) {
                    out.add(new long[] {start, end});
                    start = end;
                }
            }
        }
        if (start < size) {
            out.add(new long[] {start, size});
        }
        return out;
    }

    private static long nextLineStart(FileChannel ch, long at, long size) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(64 * 1024);
        long pos = at;
        while (pos < size) {
            b.clear();
            int n = ch.read(b, pos);
            for (int i = 0; i < n; i++) {
                if (b.get(i) == '\n') {
                    return pos + i + 1;
                }
            }
            pos += n;
        }
        return size;
    }

    /** One chunk of one file, parsed by one thread into its own totals and id set. */
    static final class Chunk {

        final Path file;
        final long from;
        final long to;
        final LineParser parser;
        final boolean keepAll;
        final AtomicLong done;
        final AtomicLong linesDone;
        final List<Problem> problems = new ArrayList<>();
        long lines;
        long firstLine;

        Chunk(Path file, long from, long to, Dimensions d, boolean keepAll, AtomicLong done, AtomicLong linesDone) {
            this.linesDone = linesDone;
            this.file = file;
            this.from = from;
            this.to = to;
            this.parser = new LineParser(d);
            this.keepAll = keepAll;
            this.done = done;
        }

        Chunk parse() {
            LineReader.forEachBlock(file, from, to, done, (b, start, filled, last) -> {
                int s = start;
                long before = lines;
                while (true) {
                    int nl = parser.scanLine(b, s, filled);
                    if (nl < 0) {
                        break;
                    }
                    if (!parser.accepted) {
                        problem(lines, b, s, parser.lineEnd);
                    }
                    lines++;
                    s = nl + 1;
                }
                linesDone.addAndGet(lines - before);
                if (last && s < filled) {
                    // The range's last line has no '\n'.
                    int end = b[filled - 1] == '\r' ? filled - 1 : filled;
                    if (!parser.accept(b, s, end)) {
                        problem(lines, b, s, end);
                    }
                    lines++;
                    s = filled;
                }
                return s;
            });
            return this;
        }

        private void problem(long line, byte[] b, int s, int e) {
            if (keepAll || problems.isEmpty()) {
                problems.add(new Problem(null, line, parser.column, parser.reason, raw(b, s, e)));
            }
        }

        /** Rejects the first accepted line of each id that an earlier chunk already had, and takes it out of the totals. */
        void rejectEarlierIds(Set<LineIdSet.Key> earlier) {
            Set<LineIdSet.Key> done = new HashSet<>();
            List<Problem> found = new ArrayList<>();
            Set<Long> alreadyBad = new HashSet<>();
            problems.forEach(p -> alreadyBad.add(p.line()));
            LineReader.forEachLine(file, from, to, new AtomicLong(), (b, s, e, line) -> {
                if (alreadyBad.contains(line) || !parser.parse(b, s, e)) {
                    return;
                }
                LineIdSet.Key key = parser.lastKey();
                if (earlier.contains(key) && done.add(key)) {
                    parser.totals.subtract(parser.cell, parser.cents);
                    // The same words as a duplicate found within one chunk: the rejects must not depend on chunking.
                    found.add(new Problem(null, line, "line_id", "duplicate line_id '" + parser.field(LineFormat.LINE_ID) + "'",
                            raw(b, s, e)));
                }
            });
            problems.addAll(found);
            problems.sort(Comparator.comparingLong(Problem::line));
        }

        static String raw(byte[] b, int s, int e) {
            String r = new String(b, s, Math.min(e - s, 500), StandardCharsets.UTF_8);
            return e - s > 500 ? r + "…" : r;
        }
    }
}
