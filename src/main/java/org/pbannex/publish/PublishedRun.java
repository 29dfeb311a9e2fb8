package org.pbannex.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.pbannex.ingest.InputSet;
import org.pbannex.runtime.UsageError;

/**
 * A published run as its folder and manifest.json describe it: what distribution and review need to know of it, and
 * whether an input set is still the one it read (every input file's SHA-256 as the manifest lists it).
 *
 * @param inputSha256 each input file's SHA-256 by its path under the input folder
 * @param published   whether the manifest says "published" (a failed run's, in failed/, says "failed")
 * @param files       how many files the run published, its manifest and report aside
 * @param formats     the formats it published (xlsx, pdf, csv, html)
 * @param rejectedLines how many expenditure lines it set aside as bad (a run that rejects lines instead of stopping)
 * @param programInputs the program's own copies whose rows it read beneath its data folder's files (none: it read its
 *                      input folder's alone)
 */
public record PublishedRun(Path folder, String runId, String job, String biennium, String startedAt, String codeVersion,
                           List<String> tables, List<String> languages, Map<String, String> inputSha256, boolean published,
                           boolean partial, String finishedAt, long checksPassed, long checksFailed, int files,
                           List<String> formats, long rejectedLines, List<InputSet.ProgramFile> programInputs) {

    /**
     * The input files the run read, kept for review (org.pbannex.review.RunInput): like the manifest and the report, a
     * record of the run, not one of the files it publishes (not counted as one).
     */
    public static final String INPUT_COPY = "input.zip";

    /**
     * Whether a file of a run's folder is one the run published ("18 tables, 25 files"): not its manifest, report or
     * input copy, which record the run. The one rule for a run's line as it publishes and as its manifest is read again.
     */
    public static boolean publishedFile(String path) {
        return !path.equals(ManifestWriter.FILE) && !path.equals(ReportWriter.FILE) && !path.equals(INPUT_COPY);
    }

    /** A run id as pb-annex makes them (20261130T040928.377Z-f42b6b1f-a4da). */
    private static final java.util.regex.Pattern RUN_ID =
            java.util.regex.Pattern.compile("\\d{8}T\\d{6}(?:\\.\\d{3})?Z-[0-9a-f]{8}(?:-[0-9a-f]{4})?");

    /** The run id a text holds (a workbook cover's run line), or null. */
    public static String runIdIn(String text) {
        java.util.regex.Matcher m = text == null ? null : RUN_ID.matcher(text);
        return m != null && m.find() ? m.group() : null;
    }

    public static PublishedRun read(Path folder) throws IOException {
        ManifestWriter.Manifest m = ManifestWriter.read(folder);
        Map<String, String> inputs = new LinkedHashMap<>();
        m.inputs().forEach(i -> inputs.put(i.path(), i.sha256()));
        return new PublishedRun(folder, m.runId(), m.job(), m.biennium(), m.startedAt(), m.codeVersion(), m.tables(),
                m.languages(), inputs, RunRecord.PUBLISHED.equals(m.status()), m.partial(), m.finishedAt(), m.checks().passed(),
                m.checks().failed(), (int) m.outputs().stream().filter(o -> publishedFile(o.path())).count(), m.formats() == null ? List.of() : m.formats(),
                m.expenditureLines() == null ? 0 : m.expenditureLines().stream().mapToLong(ManifestWriter.Lines::rejected).sum(),
                m.programInputs().stream().map(p -> new InputSet.ProgramFile(p.resource(), p.path(), p.sha256(), p.rows(), p.keysUsed()))
                        .toList());
    }

    /**
     * The run as its folder says it was published: its manifest there, of this run, saying "published", and every file
     * it lists whole; empty otherwise (no folder: the run did not get that far).
     */
    public static Optional<PublishedRun> whole(Path folder, String runId) {
        try {
            if (!Files.isRegularFile(folder.resolve(ManifestWriter.FILE))) {
                return Optional.empty();
            }
            PublishedRun p = read(folder);
            return p.published() && p.runId().equals(runId) && ManifestWriter.intact(folder) ? Optional.of(p) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The newest run in the request's output folder for its biennium whose manifest says it published this very work
     * (job, tables, editions, formats, these inputs with this code version, bad lines set aside or not, CSVs with a
     * byte-order mark or not) and whose folder is whole: what a database that knows no publication there (a new one
     * after a move to PostgreSQL, an embedded one whose file was deleted) decides "nothing to do" by, the published
     * folder being the evidence. A manifest that cannot be read is said to {@code unreadable} in one line (the log has
     * the rest), and its run is not taken.
     */
    public static Optional<PublishedRun> newestPublishing(org.pbannex.publication.RunRequest request, String inputChecksum,
                                                          String codeVersion, java.util.function.Consumer<String> unreadable)
            throws IOException {
        Path dir = request.output().resolve(request.biennium().code());
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        List<String> runs = new java.util.ArrayList<>(RunRetention.publishedRuns(dir));
        java.util.Collections.reverse(runs);
        for (String id : runs) {
            Optional<PublishedRun> p = publishing(dir.resolve(id), id, request, inputChecksum, codeVersion, unreadable);
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    /**
     * Run {@code runId} in {@code folder}, when its manifest says it published this very work (as {@link
     * #newestPublishing} asks) and its folder is whole; empty otherwise, and when its manifest cannot be read (said to
     * {@code unreadable}).
     */
    public static Optional<PublishedRun> publishing(Path folder, String runId, org.pbannex.publication.RunRequest request,
                                                    String inputChecksum, String codeVersion,
                                                    java.util.function.Consumer<String> unreadable) {
        try {
            return publishes(ManifestWriter.read(folder), folder, request, inputChecksum, codeVersion)
                    ? whole(folder, runId) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(PublishedRun.class).warn("cannot read the manifest in {}", folder, e);
            unreadable.accept(unreadable(folder, runId, e));
            return Optional.empty();
        }
    }

    /** A manifest that cannot be read, in one line: its file, where in it, why (the parser's words, not its trace). */
    static String unreadable(Path folder, String runId, Exception e) {
        String where = "";
        String why;
        if (e instanceof tools.jackson.core.JacksonException j) {
            var at = j.getLocation();
            where = at == null || at.getLineNr() < 1 ? "" : ", line " + at.getLineNr() + ", column " + at.getColumnNr();
            why = j.getOriginalMessage();
        } else if (e instanceof java.nio.file.AccessDeniedException) {
            why = "permission denied";
        } else if (e instanceof NullPointerException) {
            why = "a field every manifest has is missing";
        } else {
            why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return "The manifest of run " + runId + " cannot be read (" + folder.resolve(ManifestWriter.FILE) + where + ": "
                + why.lines().findFirst().orElse("").strip() + "): it is not taken as a publication of these inputs.";
    }

    private static boolean publishes(ManifestWriter.Manifest m, Path folder, org.pbannex.publication.RunRequest r,
                                     String inputChecksum, String codeVersion) throws IOException {
        boolean same = RunRecord.PUBLISHED.equals(m.status()) && r.job().equals(m.job()) && r.biennium().code().equals(m.biennium())
                && inputChecksum.equals(m.inputChecksum()) && codeVersion.equals(m.codeVersion()) && r.partial() == m.partial()
                && r.tables().equals(m.tables()) && r.languages().stream().map(org.pbannex.table.Language::code).toList().equals(m.languages())
                && r.formats().stream().map(org.pbannex.publication.OutputFormat::code).toList().equals(m.formats());
        if (!same) {
            return false;
        }
        // A run that sets bad lines aside (rejects) and reads expenditure lines publishes their rejects file, a header at least.
        boolean keptRejects = m.outputs().stream().anyMatch(o -> o.path().equals(RunPublisher.REJECTS));
        boolean readLines = m.expenditureLines() != null && !m.expenditureLines().isEmpty();
        if (readLines && keptRejects != r.rejects()) {
            return false;
        }
        if (!r.wants(org.pbannex.publication.OutputFormat.CSV)) {
            return true;
        }
        var csv = m.outputs().stream().map(ManifestWriter.Output::path).filter(p -> p.startsWith("csv/") && p.endsWith(".csv")).findFirst();
        if (csv.isEmpty()) {
            return false;
        }
        byte[] start = new byte[3];
        int n;
        try (var in = Files.newInputStream(folder.resolve(csv.get()))) {
            n = in.readNBytes(start, 0, 3);
        }
        boolean bom = n == 3 && start[0] == (byte) 0xEF && start[1] == (byte) 0xBB && start[2] == (byte) 0xBF;
        return bom == r.csvBom();
    }

    /** The run with this id in output/<biennium>/<run-id>, if it is published there. */
    public static Optional<Path> find(Path outputRoot, String runId) throws IOException {
        if (!Files.isDirectory(outputRoot) || !runId.matches("[0-9A-Za-z.:-]+")) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(outputRoot)) {
            return s.map(b -> b.resolve(runId)).filter(p -> Files.isRegularFile(p.resolve(ManifestWriter.FILE))).findFirst();
        }
    }

    /** The named run, or the biennium's latest; a run that is not there is bad usage. */
    public static PublishedRun named(Path outputRoot, String runId, String biennium) throws IOException {
        Optional<Path> folder = runId != null ? find(outputRoot, runId)
                : RunFolder.latest(outputRoot, biennium);
        if (folder.isEmpty()) {
            throw new UsageError(runId != null ? "no published run '" + runId + "' in " + outputRoot
                    : "no published run of " + biennium + " in " + outputRoot + " yet: run ./pb-annex run nightly --biennium "
                    + biennium + " first" + others(outputRoot, biennium));
        }
        return read(folder.get());
    }

    /**
     * The other biennia's latest runs in the output folder, as "; or name one: --biennium 2022-23 (run R)": a folder of
     * the next biennium being prepared makes it the default, while the run waiting for its reviewers is of this one
     * (found by an exploratory test: the line only said to run the job, which fails on the unfinished input).
     */
    private static String others(Path outputRoot, String biennium) throws IOException {
        if (!Files.isDirectory(outputRoot)) {
            return "";
        }
        java.util.List<String> found = new java.util.ArrayList<>();
        try (Stream<Path> s = Files.list(outputRoot)) {
            for (Path b : s.sorted().toList()) {
                String name = b.getFileName().toString();
                if (!name.equals(biennium) && name.matches("\\d{4}-\\d{2}")) {
                    RunFolder.latest(outputRoot, name).ifPresent(p -> found.add("--biennium " + name + " (run "
                            + p.getFileName() + ")"));
                }
            }
        }
        return found.isEmpty() ? "" : "; or name a biennium already published: " + String.join(", ", found);
    }

    /** Whether the run published workbooks (xlsx among its formats): a run without them has nothing to send reviewers. */
    public boolean hasWorkbooks() {
        return formats.contains("xlsx");
    }

    /** The workbook of one edition in the run folder. */
    public Path workbook(String language) {
        return folder.resolve("pb-annexes-" + biennium + "." + language + ".xlsx");
    }

    /**
     * True when every input file the run read still has the checksum the manifest gives, by its path (a resource may have
     * two files: the shared one and the biennium's own); the reviewers list is none of them.
     */
    public boolean sameInput(InputSet in) {
        return changedFiles(in).isEmpty();
    }

    /**
     * The input files (paths under the input folder) that are not as the run read them: a checksum other than the
     * manifest's, a file the run did not read, or one it read that is gone. Then the program's own copies whose rows
     * {@code in} read beneath its files, by their full path (as the manifest's program_inputs name them): one whose
     * checksum is not the one the run read it with (an update changed the program's texts), one the run read no rows of,
     * or one it read whose rows {@code in} no longer reads.
     */
    public List<String> changedFiles(InputSet in) {
        List<String> out = new java.util.ArrayList<>(in.files().values().stream()
                .filter(f -> !f.sha256().equals(inputSha256.get(f.path()))).map(f -> f.path()).toList());
        java.util.Set<String> now = new java.util.HashSet<>(in.files().values().stream().map(f -> f.path()).toList());
        inputSha256.keySet().stream().filter(p -> !now.contains(p)).forEach(out::add);
        Map<String, InputSet.ProgramFile> beneath = new LinkedHashMap<>();
        in.programFiles().forEach(p -> beneath.put(p.resource(), p));
        for (InputSet.ProgramFile read : programInputs) {
            InputSet.ProgramFile today = beneath.remove(read.resource());
            if (today == null || !today.sha256().equals(read.sha256())) {
                out.add(today == null ? read.path() : today.path());
            }
        }
        beneath.values().forEach(p -> out.add(p.path()));
        return out;
    }

    /** Whether a file {@link #changedFiles} names is the program's own copy (by its full path), not the input folder's. */
    public static boolean programFile(String changed) {
        return Path.of(changed).isAbsolute();
    }

}
