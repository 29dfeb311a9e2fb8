package org.pbannex.publication;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.pbannex.ingest.InputSet;
import org.pbannex.publish.ManifestWriter;
import org.pbannex.publish.OutputFile;
import org.pbannex.publish.PublishLock;
import org.pbannex.publish.ReportWriter;
import org.pbannex.publish.RunDiff;
import org.pbannex.publish.RunFolder;
import org.pbannex.publish.RunHistory;
import org.pbannex.publish.RunRecord;
import org.pbannex.reference.Biennium;
import org.pbannex.reference.Texts;
import org.pbannex.render.CsvTableWriter;
import org.pbannex.render.PublicationInfo;
import org.pbannex.render.pdf.PdfDocumentWriter;
import org.pbannex.render.xlsx.XlsxWorkbookWriter;
import org.pbannex.table.Language;
import org.pbannex.table.Table;

/**
 * One run of the publication, step by step: ingest, compute, check, render, publish. The Spring Batch job calls
 * these steps in order; they hold the business of a run, the job only its wiring.
 */
public final class AnnexRun {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AnnexRun.class);

    private final RunRequest request;
    private final String runId;
    private final Path home;
    private final String codeVersion;
    private final String inputChecksum;
    private final Instant started;
    private Biennium biennium;
    private InputSet inputs;
    private ComputedPublication computed;
    private java.time.LocalDate published;

    /**
     * @param inputChecksum and {@code codeVersion}: what identifies the run's job instance, computed once before
     *                      it starts (hashing the input folder again would read every expenditure file twice)
     */
    public AnnexRun(RunRequest request, String runId, Path home, Instant started, String inputChecksum, String codeVersion) {
        this.request = request;
        this.runId = runId;
        this.home = home;
        this.codeVersion = codeVersion;
        this.inputChecksum = inputChecksum;
        this.started = started;
    }

    public String runId() {
        return runId;
    }

    /** Reads and validates every input file (InputError on the first bad one). Returns the rows read. */
    public long ingest() {
        biennium = Publication.biennium(request.input(), request.biennium());
        inputs = Publication.ingest(request.input(), biennium);
        published = publicationDate();
        return inputs.files().values().stream().mapToLong(InputSet.InputFile::rows).sum();
    }

    /** Computes every table (all of them, even when only some are rendered: the checks need them all). */
    public int compute() {
        computed = Publication.compute(inputs, request.rejects() ? rejectsFile() : null);
        return computed.tables().size();
    }

    /** Runs every reconciliation check; throws ReconciliationFailed when any fails. Returns the number passed. */
    public long check() {
        var failures = computed.checks().failures();
        if (!failures.isEmpty()) {
            throw new ReconciliationFailed(failures);
        }
        return computed.checks().passedCount();
    }

    /** Writes every requested output into the staging folder. Returns the number of files written. */
    public int render() throws IOException {
        Path staging = folder().prepareStaging();
        List<Table> tables = selectedTables();
        int files = 0;
        if (request.formats().contains("csv")) {
            // Text value columns are in the run's first language; label_zh and label_en carry both.
            Language csvLanguage = Language.of(request.languages().get(0));
            long start = System.nanoTime();
            for (Table t : tables) {
                CsvTableWriter.write(t, csvLanguage, staging.resolve("csv").resolve(t.id() + ".csv"));
                files++;
            }
            logRendered("csv/ (" + tables.size() + " files)", start);
        }
        if (request.rejects() && Files.exists(rejectsFile())) {
            // Bad expenditure lines, with file, line, column and reason: published beside the tables they were left out of.
            Files.createDirectories(staging.resolve("rejects"));
            Files.copy(rejectsFile(), staging.resolve("rejects").resolve("expenditure.csv"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            files++;
        }
        for (String code : request.languages()) {
            Language lang = Language.of(code);
            PublicationInfo info = info();
            String base = "pb-annexes-" + biennium.code() + "." + lang.code();
            if (request.formats().contains("xlsx")) {
                long start = System.nanoTime();
                XlsxWorkbookWriter.write(tables, lang, info, staging.resolve(base + ".xlsx"));
                logRendered(base + ".xlsx", start);
                files++;
            }
            if (request.formats().contains("pdf")) {
                long start = System.nanoTime();
                PdfDocumentWriter.write(tables, lang, info, home.resolve("work").resolve("fonts"), staging.resolve(base + ".pdf"));
                logRendered(base + ".pdf", start);
                files++;
            }
        }
        return files;
    }

    /** Where the expenditure ingest writes bad lines during the run (work/rejects/<run-id>.csv). */
    private Path rejectsFile() {
        return home.resolve("work").resolve("rejects").resolve(runId + ".csv");
    }

    // Render times per file, for the operator reading the log.
    private static void logRendered(String what, long startNanos) {
        LOG.info("rendered {} in {} ms", what, (System.nanoTime() - startNanos) / 1_000_000);
    }

    /**
     * Under the biennium's publish lock: compares with the previous run, writes manifest and report, renames the
     * staging folder into place and moves latest (complete runs only), and records the run in the history.
     */
    public RunRecord publish(PublishLock lock, RunHistory history) throws IOException {
        RunFolder folder = folder();
        lock.acquire(biennium.code(), runId);
        try {
            RunDiff diff = RunFolder.latest(request.output(), biennium.code())
                    .map(prev -> {
                        try {
                            return RunDiff.between(prev, folder.staging());
                        } catch (IOException e) {
                            return RunDiff.none();
                        }
                    }).orElse(RunDiff.none());
            RunRecord draft = record(OutputFile.list(folder.staging()), diff);
            ReportWriter.write(draft, folder.staging());
            RunRecord record = record(OutputFile.list(folder.staging()), diff);
            ManifestWriter.write(record, folder.staging());
            folder.publish(!request.partial());
            history.recordPublished(record, folder.published());
            return record;
        } finally {
            lock.release(biennium.code(), runId);
        }
    }

    private RunRecord record(List<OutputFile> outputs, RunDiff diff) {
        return new RunRecord(runId, request.job(), biennium.code(), started.truncatedTo(ChronoUnit.SECONDS).toString(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), codeVersion, inputChecksum,
                selectedTables().stream().map(Table::id).toList(), request.languages(), request.formats(), request.partial(),
                new ArrayList<>(inputs.files().values()), computed.checks().results(), computed.printedDifferences(), outputs, diff,
                computed.expenditure() == null ? List.of() : computed.expenditure().files());
    }

    public Path publishedFolder() {
        return folder().published();
    }

    public String bienniumCode() {
        return biennium == null ? "" : biennium.code();
    }

    public ComputedPublication computed() {
        return computed;
    }

    private RunFolder folder() {
        return new RunFolder(request.output(), biennium.code(), runId);
    }

    private List<Table> selectedTables() {
        if (request.tables().isEmpty()) {
            return List.copyOf(computed.tables().values());
        }
        return computed.tables().values().stream().filter(t -> request.tables().contains(t.id())).toList();
    }

    private PublicationInfo info() {
        Texts t = computed.reference().texts();
        List<String> inputLines = inputs.files().values().stream()
                .map(f -> f.path() + "  sha256 " + f.sha256() + "  (" + f.rows() + " rows)").toList();
        return new PublicationInfo(t.get("publication.title"), t.get("publication.source"), biennium.code(), runId,
                started.truncatedTo(ChronoUnit.SECONDS).toString(), codeVersion, inputLines, t.get("publication.contact"),
                t.get("publication.citation"), notes(t), t.has("publication.about") ? t.get("publication.about") : null,
                published, inputFiles());
    }

    /** The date the publication bears, from the biennium's publication.csv (never the clock). */
    private java.time.LocalDate publicationDate() {
        var rows = inputs.table("publication");
        var row = rows.get(0);
        if (rows.size() != 1) {
            throw new org.pbannex.ingest.InputError(rows.get(1).file(), rows.get(1).line(), "publication_date",
                    "one publication date per biennium: remove this row");
        }
        try {
            return java.time.LocalDate.parse(row.text("publication_date"));
        } catch (java.time.format.DateTimeParseException e) {
            throw new org.pbannex.ingest.InputError(row.file(), row.line(), "publication_date",
                    "not a date: '" + row.text("publication_date") + "' (write YYYY-MM-DD)");
        }
    }

    /** Every input file the run read, the expenditure lines with them (marked when synthetic), for the workbook. */
    private List<PublicationInfo.InputFile> inputFiles() {
        String prefix = request.input().getFileName() == null ? "" : request.input().getFileName() + "/";
        List<PublicationInfo.InputFile> files = new ArrayList<>(inputs.files().values().stream()
                .map(f -> new PublicationInfo.InputFile(prefix + f.path(), f.sha256(), f.rows(), false)).toList());
        if (computed.expenditure() != null) {
            computed.expenditure().files().forEach(f -> files.add(new PublicationInfo.InputFile(f.file(), "", f.read(), f.synthetic())));
        }
        return files;
    }

    /** General notes, then one per documented difference from the printed document. */
    private List<org.pbannex.table.Text> notes(Texts t) {
        List<org.pbannex.table.Text> notes = new ArrayList<>(t.numbered("publication.note."));
        for (var d : computed.printedDifferences()) {
            notes.add(new org.pbannex.table.Text(d.describe(Language.ZH), d.describe(Language.EN)));
        }
        return notes;
    }
}
