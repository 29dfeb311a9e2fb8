package org.pbannex.expenditure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;
import org.pbannex.ingest.InputError;
import org.pbannex.ingest.InputFolder;
import org.pbannex.ingest.Said;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The expenditure-line ingest, in three moves that the Spring Batch job runs as steps (see
 * {@code batch/ExpenditureStepsConfiguration}) and that {@link #run} runs on a thread pool in this process for the
 * commands without a job repository (check, ingest-expenditure, distribute, review: see {@link #run} for why they keep
 * a pool); both fan out the same per-partition unit and merge the same way:
 * {@link #plan} cuts the files into partitions at line ends, {@link #parse} reads one partition (streaming, exact
 * integer cents) into a result file, {@link #merge} merges the results in file order. Strict mode stops at the first
 * bad line (file, line, column, reason); rejects mode writes every bad line to a rejects CSV and counts read =
 * accepted + rejected per file. Memory stays flat however many lines and whatever their ids look like.
 */
public final class ExpenditureIngest {

    private static final Logger LOG = LoggerFactory.getLogger(ExpenditureIngest.class);
    private static final long MIN_PARTITION = 16L << 20;
    private static final long ID_MEMORY = 8L << 20;

    /**
     * Per file: lines read, accepted (into the run's totals), left out (good lines of biennia after the run's, which no
     * total of the run sums: checked for their form only) and rejected, bytes, and whether the file is synthetic and by
     * what (named synthetic* or marked so in its first line: {@link SyntheticMark}; the report says it when the two
     * disagree); read = accepted + left out + rejected. The file by the name the outputs give it (the manifest, report
     * and data package publish these).
     */
    public record FileStats(String file, long read, long accepted, long leftOut, long rejected, long bytes, SyntheticMark mark) {

        public boolean synthetic() {
            return mark.synthetic();
        }
    }

    public record Result(ExpenditureTotals totals, List<FileStats> files, long rejectedLines, double seconds) {

        public long readLines() {
            return files.stream().mapToLong(FileStats::read).sum();
        }

        /** The good lines of biennia after the run's, in no total (see {@link FileStats}). */
        public long leftOutLines() {
            return files.stream().mapToLong(FileStats::leftOut).sum();
        }
    }

    /**
     * What one partition found, for the step's counts: lines read, good lines left out (a later biennium's, as far as
     * the partition can tell: the merge may find one to repeat an earlier id) and bad lines kept.
     */
    public record PartitionCounts(long read, long leftOut, long rejected) {
    }

    private final Dimensions dimensions;
    private final int threads;
    private final Path rejectsFile;
    private long minPartition = MIN_PARTITION;
    private long idMemory = ID_MEMORY;
    private long progressMillis = 5000;
    private boolean sortedIdRuns = true;
    private Path scratchRoot = ScratchFolder.defaultRoot();
    private final AtomicLong bytesDone = new AtomicLong();
    private final AtomicLong linesDone = new AtomicLong();
    private final LineReader.Buffers buffers = new LineReader.Buffers();

    /** @param rejectsFile where bad lines go, or null for strict mode (the first bad line stops the ingest) */
    public ExpenditureIngest(Dimensions dimensions, int threads, Path rejectsFile) {
        this.dimensions = dimensions;
        this.threads = Math.max(1, threads);
        this.rejectsFile = rejectsFile;
    }

    /** Partitions of at least this many bytes (16 MB by default; a test cuts a small file into many). */
    public ExpenditureIngest withMinPartition(long bytes) {
        this.minPartition = Math.max(1, bytes);
        return this;
    }

    /** Memory for line ids in bit sets; beyond it duplicates are found on disk (8 MB by default). */
    public ExpenditureIngest withIdMemory(long bytes) {
        this.idMemory = Math.max(1, bytes);
        return this;
    }

    /** Without sorted runs, sparse ids go straight to {@link DiskDuplicates} (a test compares the two ways). */
    ExpenditureIngest withSortedIdRuns(boolean on) {
        this.sortedIdRuns = on;
        return this;
    }

    /**
     * Where {@link #run} keeps its scratch folder ({@link ScratchFolder}: removed at the end, and a killed ingest's by the
     * next one under the same root).
     */
    public ExpenditureIngest withScratchRoot(Path root) {
        this.scratchRoot = root;
        return this;
    }

    /** How often a long ingest logs its progress (every 5 s by default). */
    public ExpenditureIngest withProgressEvery(long millis) {
        this.progressMillis = Math.max(1, millis);
        return this;
    }

    /**
     * The *.csv files of the folder in name order, but those that are not input (a Mac's {@code ._lines.csv} beside a
     * copied file: the input checksum leaves them out too); none when the folder does not exist. A file of lines not
     * read is refused, named: an export saved as {@code ERP-2022.CSV} or {@code .xlsx}, sent compressed
     * ({@code erp-2022.csv.gz}), kept as a copy ({@code erp-2022.csv.bak}), saved under another ending with the lines'
     * header as its first line ({@code erp-2023.txt}), or filed in a folder inside this one ({@code 2022/erp-2022.csv}),
     * would otherwise leave its lines out of every total without a word. The one rule of check, run and
     * ingest-expenditure.
     */
    public static List<Path> files(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            List<Path> files = s.filter(p -> !InputFolder.isLeftBeside(p.getFileName().toString()))
                    .sorted(Comparator.comparing(Path::toString)).toList();
            for (Path p : files) {
                if (Files.isDirectory(p)) {
                    refuseFolder(folder, p);
                    continue;
                }
                Said notRead = Files.isRegularFile(p) ? notRead(p) : null;
                if (notRead != null) {
                    throw new InputError(InputFolder.shown(p), 0, "", notRead);
                }
            }
            return files.stream().filter(p -> p.getFileName().toString().endsWith(".csv") && Files.isRegularFile(p)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Lines are read from the folder's own files only (the outputs name them input/expenditure/NAME): a folder in it
     * that holds a file of lines at any depth, or is named like one ({@code more.csv/}), is refused, the first such file
     * named; a folder of notes alone is left alone, as notes beside the lines are.
     */
    private static void refuseFolder(Path folder, Path inside) throws IOException {
        if (Files.isSymbolicLink(inside)) {
            // Not walked (it may lead anywhere, back here too), and not a file to move up: the link itself is named.
            throw new InputError(InputFolder.shown(inside), 0, "", Said.of("exp.not_read_link"));
        }
        List<Path> lines = new ArrayList<>();
        InputFolder.walk(folder, inside, (file, attributes) -> {
            if (isLines(file)) {
                lines.add(file);
            }
        });
        Path first = lines.stream().min(Comparator.comparing(Path::toString)).orElse(null);
        if (first != null) {
            throw new InputError(InputFolder.shown(first), 0, "", Said.of("exp.not_read_in_folder"));
        }
        if (isLines(inside.getFileName().toString()) || notReadByName(inside.getFileName().toString()) != null) {
            throw new InputError(InputFolder.shown(inside) + "/", 0, "", Said.of("exp.not_read_folder"));
        }
    }

    /** A file of lines, read ({@code .csv}) or refused ({@link #notRead}). */
    private static boolean isLines(Path file) {
        return isLines(file.getFileName().toString()) || notRead(file) != null;
    }

    private static boolean isLines(String name) {
        return name.endsWith(".csv");
    }

    /**
     * Why a file of lines the expenditure folder holds is not read, and what to do: by its name ({@link #notReadByName}),
     * else by its content, a file whose first line is the lines' header under another name than *.csv (an export saved
     * as erp-2023.txt or .tsv); null for a file of lines (*.csv) or of another kind (notes.txt beside them: not lines).
     */
    private static Said notRead(Path file) {
        String name = file.getFileName().toString();
        Said byName = notReadByName(name);
        if (byName != null || isLines(name)) {
            return byName;
        }
        try {
            if (!ExpenditurePlan.startsWithHeader(file)) {
                return null;
            }
        } catch (IOException e) {
            throw new InputError(InputFolder.shown(file), 0, "", Said.of("cannot_read", "why", e.getMessage()));
        }
        int dot = name.lastIndexOf('.');
        return Said.of("exp.not_read_named", "name", (dot < 0 ? name : name.substring(0, dot)) + ".csv");
    }

    /**
     * Why a file the expenditure folder holds is not read, by its name alone: a .CSV named in lower case, a workbook
     * saved as CSV, a compressed file (erp-2022.csv.gz, .zip) or a copy named after a file of lines (erp-2022.csv.bak);
     * null for any other name.
     */
    private static Said notReadByName(String name) {
        int dot = name.lastIndexOf('.');
        String stem = dot < 0 ? name : name.substring(0, dot);
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        String lower = ext.toLowerCase(java.util.Locale.ROOT);
        boolean ofLines = stem.toLowerCase(java.util.Locale.ROOT).endsWith(".csv");
        return ext.equals("csv") ? null
                : lower.equals("csv") ? Said.of("exp.not_read_case", "name", stem + ".csv")
                : lower.startsWith("xls") || lower.equals("ods") ? Said.of("exp.not_read_workbook", "name", stem + ".csv")
                : COMPRESSED.contains(lower) ? ofLines ? Said.of("exp.not_read_compressed_to", "name", stem)
                        : Said.of("exp.not_read_compressed")
                : ofLines ? Said.of("exp.not_read_copy", "ending", "." + ext, "name", stem)
                : null;
    }

    /** The endings of compressed files (gzip, zip and the others an ERP export may come in). */
    private static final java.util.Set<String> COMPRESSED = java.util.Set.of("gz", "zip", "bz2", "xz", "7z", "tgz", "zst");

    /** Named synthetic* (any case) or carrying the mark line generate-expenditure writes: see {@link SyntheticMark}. */
    public static boolean isSynthetic(Path file) {
        return SyntheticMark.of(file).synthetic();
    }

    /**
     * How the outputs name files of one folder: {@code root} and the file's name ({@code input/expenditure/} gives
     * {@code input/expenditure/erp-2022.csv}); messages name them as they open from where the command ran.
     */
    public static Function<Path, String> publishedUnder(String root) {
        return file -> root + file.getFileName();
    }

    /** Cuts the files into about two partitions per thread (each at least the minimum size); checks each header. */
    public List<ExpenditurePartition> plan(List<Path> files, Function<Path, String> publishedName) {
        return ExpenditurePlan.plan(files, publishedName, threads * 2, minPartition);
    }

    /** Parses one partition and writes its result file (a worker step). */
    public PartitionCounts parse(ExpenditurePartition p, Path resultFile) throws IOException {
        PartitionResult r = parsed(p, resultFile.resolveSibling(resultFile.getFileName() + ".ids"));
        r.write(resultFile);
        return new PartitionCounts(r.lines, r.leftOut, r.problems.size());
    }

    /** Merges the result files of every partition, in order (the step after the partitions). */
    public Result merge(List<ExpenditurePartition> partitions, Path resultsDir) throws IOException {
        int pages = idPagesPerPartition();
        return merged(partitions, p -> PartitionResult.read(resultFile(resultsDir, p), dimensions, pages), resultsDir.resolve("scratch"), 0);
    }

    /**
     * The per-partition unit of both fan-outs (a Batch worker step through {@link #parse}, {@link #run}'s pool): one
     * partition parsed, its sparse ids' sorted runs in {@code idRuns}, its progress added to the shared counters.
     */
    private PartitionResult parsed(ExpenditurePartition p, Path idRuns) throws IOException {
        return parser().parse(p, idRuns, bytesDone, linesDone);
    }

    /** The merge of both fan-outs: the partitions' results in file order, {@code scratch} for what does not fit in memory. */
    private Result merged(List<ExpenditurePartition> partitions, PartitionMerge.Results results, Path scratch, double parseSeconds)
            throws IOException {
        return merger(scratch).merge(partitions, results, parseSeconds);
    }

    /** Where a partition's result is kept between its step and the merge. */
    public static Path resultFile(Path resultsDir, ExpenditurePartition p) {
        return resultsDir.resolve(String.format("partition-%05d.bin", p.index()));
    }

    /** {@link #run(List, Function)} with the files published under {@code root} (see {@link #publishedUnder}). */
    public Result run(List<Path> files, String root) throws IOException {
        return run(files, publishedUnder(root));
    }

    /**
     * The whole ingest in this process: every partition on a thread of a pool of its own, results kept in memory, then
     * merged. The same partitions, the same per-partition unit and the same merge as the job's Batch steps; only the
     * fan-out differs. The commands that call this (check, ingest-expenditure, distribute, review, a run's tables
     * computed again) have no job repository, which Batch's partitioning records its step executions in, and must stay
     * fast; they neither restart nor show step counts, what the worker steps' result files (written, then read back by
     * the merge) are for.
     *
     * @param publishedName how the result and the rejects name a file
     */
    public Result run(List<Path> files, Function<Path, String> publishedName) throws IOException {
        long start = System.nanoTime();
        List<ExpenditurePartition> partitions = plan(files, publishedName);
        long size = partitions.stream().mapToLong(p -> p.to() - p.from()).sum();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "expenditure-ingest");
            t.setDaemon(true);
            return t;
        });
        List<PartitionResult> results = new ArrayList<>();
        // Sorted runs of sparse ids and DiskDuplicates' buckets, removed with everything in it at the end.
        ScratchFolder scratchFolder = ScratchFolder.create(scratchRoot);
        Path scratch = scratchFolder.path();
        try {
            try {
                List<Future<PartitionResult>> futures = new ArrayList<>();
                for (ExpenditurePartition p : partitions) {
                    Path runs = scratch.resolve(String.format("partition-%05d.ids", p.index()));
                    futures.add(pool.submit(() -> parsed(p, runs)));
                }
                for (Future<PartitionResult> f : futures) {
                    results.add(await(f, size, start));
                }
            } finally {
                pool.shutdownNow();
            }
            return merged(partitions, p -> results.get(p.index()), scratch, (System.nanoTime() - start) / 1e9);
        } finally {
            deleteScratch(scratchFolder, pool);
        }
    }

    private static void deleteScratch(ScratchFolder scratch, ExecutorService pool) throws IOException {
        try {
            // A partition that was still parsing (the ingest failed elsewhere) may hold its runs' file open a moment.
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scratch.close();
    }


    private PartitionResult await(Future<PartitionResult> f, long size, long startNanos) throws IOException {
        while (true) {
            try {
                return f.get(progressMillis, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException stillRunning) {
                logProgress(size, startNanos);
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof UncheckedIOException io) {
                    throw io.getCause();
                }
                if (e.getCause() instanceof InputError input) {
                    throw input;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
    }

    /** Logs lines, lines/s, MB, MB/s and time left; the Batch job calls it on a timer while its partitions run. */
    public void logProgress(long totalBytes, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        long bytes = bytesDone.get();
        long lines = linesDone.get();
        double rate = bytes / Math.max(seconds, 1e-3);
        LOG.info("expenditure: {} lines ({} lines/s), {} of {} MB ({} MB/s), about {} s left", lines,
                Math.round(lines / Math.max(seconds, 1e-3)), bytes >> 20, totalBytes >> 20, Math.round(rate / (1 << 20)),
                rate > 0 ? Math.round((totalBytes - bytes) / rate) : "?");
    }

    private PartitionParser parser() {
        return new PartitionParser(dimensions, rejectsFile != null, idPagesPerPartition(), sortedIdRuns ? idRunLength() : 0, buffers);
    }

    private PartitionMerge merger(Path scratch) {
        return new PartitionMerge(dimensions, rejectsFile, idMemory, scratch, threads);
    }

    // The partitions that run at once share the id memory: as bits, or as the buffer of a sorted run and the radix
    // sort's spare array of the same length (16 bytes an id).
    private int idRunLength() {
        return (int) Math.max(256, Math.min(1 << 24, idMemory / threads / 16));
    }

    private int idPagesPerPartition() {
        return PartitionMerge.pagesFor(idMemory / threads);
    }
}
