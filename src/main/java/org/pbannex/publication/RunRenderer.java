package org.pbannex.publication;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.pbannex.ingest.Said;
import org.pbannex.reference.TextKeys;
import org.pbannex.reference.Texts;
import org.pbannex.render.CsvTableWriter;
import org.pbannex.render.LineBreaks;
import org.pbannex.render.PublicationInfo;
import org.pbannex.render.datapackage.OutputDataPackage;
import org.pbannex.render.html.HtmlEditionWriter;
import org.pbannex.render.markup.Templates;
import org.pbannex.render.markup.Wording;
import org.pbannex.render.pdf.PdfDocumentWriter;
import org.pbannex.render.xlsx.XlsxWorkbookWriter;
import org.pbannex.table.Language;
import org.pbannex.table.Table;
import org.pbannex.table.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Renders one target of a run into its staging folder (the render step runs one of these per partition). */
public final class RunRenderer {

    private static final Logger LOG = LoggerFactory.getLogger(RunRenderer.class);
    /** Whether this process has collected its garbage after a PDF, or never will (render, servingManyRuns). */
    private static final AtomicBoolean COLLECTED = new AtomicBoolean();
    /** Whether this process serves many runs (servingManyRuns): its PDFs are then written side by side. */
    private static final AtomicBoolean SERVING_MANY_RUNS = new AtomicBoolean();
    /** The one PDF of a run being written at a time, in a process of its own (render). */
    private static final Semaphore ONE_PDF = new Semaphore(1);

    private RunRenderer() {
    }

    /**
     * Builds, on a thread of its own, what the renderers build the first time they run in a process: the escape tables
     * of the templates (0.1 s), for Chinese markup the word dictionary its line breaking reads (0.05 s), for a workbook
     * the Office Open XML schema's type system (0.05 s). Started when a run starts, it does this on the core the start
     * of a run leaves half idle, while the run validates and checks its input, rather than on the render threads that a
     * cold run waits for (side by side: a cold regenerate's PDF 1.16 s against 1.42 s with the first two; the nightly
     * run 0.97-0.98 x with the workbook's too). Not the PDFs' fonts: each PDF parses them again for its own subsets,
     * and parsing them here as well cost more than it saved (nightly 1.02-1.05 x). In a process that has rendered
     * before it has little to do.
     *
     * @return the thread preparing, none when the outputs asked for need nothing
     */
    public static Optional<Thread> prepareInBackground(RunRequest request) {
        boolean pdf = request.formats().contains(OutputFormat.PDF);
        boolean markup = pdf || request.formats().contains(OutputFormat.HTML);
        // Both Chinese markups break their text between words: the PDF all of it, the HTML edition its titles and headings.
        boolean chineseMarkup = markup && request.languages().contains(Language.ZH);
        boolean workbook = request.formats().contains(OutputFormat.XLSX);
        if (!markup && !workbook) {
            return Optional.empty();
        }
        Thread preparing = new Thread(() -> {
            try {
                if (markup) {
                    Templates.prepare();
                }
                if (chineseMarkup) {
                    LineBreaks.prepare();
                }
                if (workbook) {
                    XlsxWorkbookWriter.prepare();
                }
            } catch (IOException | RuntimeException | LinkageError e) {
                LOG.warn("preparing the renderers failed (they will do it themselves)", e);
            }
        }, "render-prepare");
        preparing.setDaemon(true);
        preparing.start();
        return Optional.of(preparing);
    }

    /**
     * Tells the renderer that this process serves many runs (the warm process): it then never collects the garbage of
     * a PDF mid-run. There that took 1.09-1.16 x the time of a nightly run, and the serial collector, sizing the heap
     * to what was live at the collection, grew it: 380 MB resident against 337 MB after twelve runs.
     */
    public static void servingManyRuns() {
        COLLECTED.set(true);
        SERVING_MANY_RUNS.set(true);
        PdfDocumentWriter.servingManyRuns();
    }

    /** The file (or folder) a target writes, relative to the run folder. */
    public static String fileName(RenderTarget target, RunRequest request) {
        return target.format() == OutputFormat.CSV ? "csv"
                : "pb-annexes-" + request.biennium().code() + "." + target.language().code() + "." + target.format().code();
    }

    /**
     * @param fontDir where the CJK font for PDFs is (work/fonts)
     * @param layoutDir where the PDFs' layout memory is kept (work/layout; null: none, every layout from scratch)
     * @return the number of files written
     */
    public static int render(RenderTarget target, ComputedPublication computed, RunRequest request, String runId, Instant started,
                             String codeVersion, Path staging, Path fontDir, Path layoutDir) throws IOException {
        boolean twoPdfs = target.format() == OutputFormat.PDF && request.languages().size() > 1;
        // A PDF holds its whole laid-out document while it is written: two at once grow the heap. In a process of its
        // own the second PDF waits until the first is written and collected (its outputs are handed out last, so it
        // waits only when the other thread has finished everything else first); the warm process's heap is grown
        // already, and it writes them side by side.
        boolean oneAtATime = twoPdfs && !SERVING_MANY_RUNS.get();
        long asked = System.nanoTime();
        if (oneAtATime) {
            ONE_PDF.acquireUninterruptibly();
        }
        try {
            long start = System.nanoTime();
            List<Table> tables = selected(computed, request);
            String name = fileName(target, request);
            Path out = staging.resolve(name);
            if (start - asked >= 1_000_000) {
                LOG.info("rendering {} after {} ms waiting for the other PDF to be written", name, (start - asked) / 1_000_000);
            } else {
                LOG.info("rendering {}", name);
            }
            int files;
            try {
                files = write(target, computed, request, runId, started, codeVersion, staging, fontDir, layoutDir, tables, out);
            } catch (java.nio.file.FileSystemException e) {
                throw e; // names its own path and reason already
            } catch (IOException | java.io.UncheckedIOException e) {
                // A stream's "No space left on device" names no file: say which output, where, was being written.
                IOException cause = e instanceof java.io.UncheckedIOException u ? u.getCause() : (IOException) e;
                throw new org.pbannex.runtime.WriteFailed(out.toString(), cause);
            }
            LOG.info("rendered {} in {} ms", name, (System.nanoTime() - start) / 1_000_000);
            if (twoPdfs && !COLLECTED.getAndSet(true)) {
                // The laid-out document just written is the run's largest heap of garbage, most of it promoted to the
                // old generation, which the serial collector otherwise only grows in a run this short. Collected now,
                // the next PDF's document takes its place instead of new memory: the cold nightly run peaked at 271 MB
                // against 303 MB, in 0.96-0.99 x the time (side by side, 8-12 pairs). Once per process, and never in
                // the warm process (servingManyRuns).
                System.gc();
            }
            return files;
        } finally {
            if (oneAtATime) {
                ONE_PDF.release();
            }
        }
    }

    private static int write(RenderTarget target, ComputedPublication computed, RunRequest request, String runId, Instant started,
                             String codeVersion, Path staging, Path fontDir, Path layoutDir, List<Table> tables, Path out)
            throws IOException {
        int files = 1;
        switch (target.format()) {
            case CSV -> {
                for (Table t : tables) {
                    CsvTableWriter.write(t, target.language(), out.resolve(t.id() + ".csv"), request.csvBom());
                }
                // The CSVs' description, beside them in the run folder.
                OutputDataPackage.write(staging, fileName(target, request), tables, target.language(),
                        about(computed, runId, started), request.csvBom());
                files = tables.size() + 1;
            }
            case XLSX -> XlsxWorkbookWriter.write(tables, target.language(), info(computed, runId, started, codeVersion),
                    wording(computed), out);
            case PDF -> PdfDocumentWriter.write(tables, target.language(), info(computed, runId, started, codeVersion), wording(computed),
                    fontDir, layoutDir == null ? null
                            : layoutDir.resolve(request.biennium().code() + "." + target.language().code() + ".json"), out);
            case HTML -> HtmlEditionWriter.write(tables, target.language(), info(computed, runId, started, codeVersion),
                    wording(computed), out);
        }
        return files;
    }

    /** What the run's data package says about itself: name, titles, source, the run, and the texts of its fields. */
    public static OutputDataPackage.About about(ComputedPublication computed, String runId, Instant started) {
        Texts t = computed.reference().texts();
        return new OutputDataPackage.About("pb-annex-" + computed.inputs().biennium(), t.get("datapackage.title"),
                claim(computed, "datapackage.description"), claim(computed, "publication.source"),
                org.pbannex.runtime.Times.toSecond(started), runId, fieldTexts(computed, t::get), fieldTexts(computed, t::plain),
                TableCatalogue::inPrint,
                computed.expenditure() == null ? List.of() : computed.expenditure().files().stream().map(f -> f.file()).toList());
    }

    /** The data package's texts by key, their region and outcome codes filled in; null for a key texts.csv lacks. */
    private static java.util.function.Function<String, Text> fieldTexts(ComputedPublication computed,
                                                                       java.util.function.Function<String, Text> wording) {
        Texts t = computed.reference().texts();
        return key -> t.has(key) ? wording.apply(key).with("regions", regionCodes(computed)).with("outcomes", outcomeCodes(computed)) : null;
    }

    /** The biennium's regions, for the data package's description of a region field: "AF (Africa), AM (Americas), ...". */
    private static Text regionCodes(ComputedPublication computed) {
        List<org.pbannex.reference.Region> regions = computed.reference().regions();
        return new Text(String.join("、", regions.stream().map(r -> r.code() + "（" + r.label().zh() + "）").toList()),
                String.join(", ", regions.stream().map(r -> r.code() + " (" + r.label().in(Language.EN) + ")").toList()));
    }

    /**
     * The biennium's outcome codes, for the data package's description of an outcome field: "1, 2, ..., A, B, C" (the
     * impact, which the text names apart, left out).
     */
    private static Text outcomeCodes(ComputedPublication computed) {
        List<String> codes = computed.inputs().table("results_outcomes").stream().filter(r -> !r.text("kind").equals("impact"))
                .map(r -> r.text("outcome")).toList();
        return new Text(String.join("、", codes), String.join(", ", codes));
    }

    /** The tables the run asked for, in catalogue order. */
    public static List<Table> selected(ComputedPublication computed, RunRequest request) {
        return computed.tables().values().stream().filter(t -> request.tables().contains(t.id())).toList();
    }

    public static PublicationInfo info(ComputedPublication computed, String runId, Instant started, String codeVersion) {
        Texts t = computed.reference().texts();
        return new PublicationInfo(t.get("publication.title"), claim(computed, "publication.source"), computed.inputs().biennium(),
                runId, org.pbannex.runtime.Times.toSecond(started), codeVersion, t.get("publication.contact"),
                claim(computed, "publication.citation"), notes(computed, t), claim(computed, "publication.about"), PublicationDate.of(computed.inputs()),
                inputFiles(computed), noteTables(t));
    }

    /** The cover's words as every edition takes them (its title, source, contact, citation, about and general notes). */
    public static List<Text> coverWords(ComputedPublication computed) {
        Texts t = computed.reference().texts();
        List<Text> words = new ArrayList<>(List.of(t.get("publication.title"), claim(computed, "publication.source"),
                t.get("publication.contact"), claim(computed, "publication.citation"), claim(computed, "publication.about")));
        words.addAll(notes(computed, t));
        return words;
    }

    /**
     * A text that says what the figures were compared with (its {@code .printed} wording naming the printed document when
     * the biennium's publication.csv names one, else one that says they were compared with no print).
     */
    private static Text claim(ComputedPublication computed, String key) {
        Text t = computed.reference().texts().get(key);
        return computed.printedDocument().map(d -> d.fill(t)).orElse(t);
    }

    /**
     * Every input file the run read (the previous biennium's folder among them, when its restatements were compared), the
     * expenditure lines after them (marked when synthetic; their checksum is in the run's input checksum; with the lines
     * of a later biennium they hold, which no total sums), for every edition's list of inputs.
     */
    private static List<PublicationInfo.InputFile> inputFiles(ComputedPublication computed) {
        String prefix = org.pbannex.ingest.InputFolder.publishedName(computed.inputs().inputDir(), "");
        List<PublicationInfo.InputFile> files = new ArrayList<>(java.util.stream.Stream.concat(
                        computed.inputs().files().values().stream(), computed.restatements().inputs().stream())
                .map(f -> new PublicationInfo.InputFile(prefix + f.path(), f.sha256(), f.rows(), false)).toList());
        if (computed.expenditure() != null) {
            computed.expenditure().files().forEach(f -> files.add(new PublicationInfo.InputFile(f.file(), "", f.read(), f.synthetic(),
                    f.leftOut())));
        }
        return files;
    }

    /** The outputs' shared wording (texts.csv, edition.*). */
    public static Wording wording(ComputedPublication computed) {
        return new Wording(computed.reference().texts()::get, computed.reference().texts()::plain);
    }

    /**
     * The general notes. A documented difference from the printed document is not among them: it is a note on its
     * cell, one of its table's footnotes ({@link org.pbannex.table.CellNote}).
     */
    private static List<Text> notes(ComputedPublication computed, Texts t) {
        return new ArrayList<>(t.numbered(TextKeys.GENERAL_NOTES));
    }

    /**
     * For each general note, the ids of the tables it concerns ({@code publication.note.N.tables}, separated by spaces:
     * a note on the appendices' English translations); none: every table.
     */
    static List<List<String>> noteTables(Texts t) {
        List<List<String>> out = new ArrayList<>();
        for (String k : t.numberedKeys(TextKeys.GENERAL_NOTES)) {
            List<String> ids = new ArrayList<>();
            if (t.has(k + TextKeys.NOTE_TABLES)) { // ids, the same in both columns; either may be the one edited
                Text both = t.get(k + TextKeys.NOTE_TABLES);
                for (String id : (both.zh() + " " + both.en()).strip().split("\\s+")) {
                    if (!ids.contains(id)) {
                        ids.add(id);
                    }
                }
            }
            for (String id : ids) {
                if (!TableCatalogue.ids().contains(id)) {
                    throw t.error(k + TextKeys.NOTE_TABLES, Said.of("not_a_table", "id", id, "ids",
                            String.join(" ", TableCatalogue.ids())));
                }
            }
            out.add(ids);
        }
        return out;
    }
}
