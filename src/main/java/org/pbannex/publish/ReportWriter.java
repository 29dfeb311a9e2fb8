package org.pbannex.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pbannex.render.markup.Templates;
import org.pbannex.runtime.WriteFailed;
import org.pbannex.table.CheckResult;
import org.pbannex.table.Language;
import org.pbannex.table.Table;
import org.pbannex.table.Text;

/**
 * {@code report.html}, what a person reads in the morning, from templates/report.html, for a published run and for a
 * failed one (its report goes to failed/RUN-ID/). It links only files that are in the run's folder.
 */
public final class ReportWriter {

    public static final String FILE = "report.html";

    private ReportWriter() {
    }

    /**
     * The report of a run, written into its folder before the manifest: it links every file there, the manifest that is
     * written next, and itself. A failed run's report says the step that failed, the one-line cause and the exit
     * status first, then whatever the run got to (its checks when the check step ran).
     *
     * @param tables the tables the run published (their caveats, Figure 2 and Table 2's XB totals), or a failed run's
     *               as far as it computed them; empty for a failed run that did not get that far
     * @param words  the report's words, from the run's texts (or, for a run that did not read them, from its input's
     *               texts files as they stand); its language is the run's first edition ({@link ReportWords#languageOf})
     */
    public static void write(RunRecord run, List<Table> tables, ReportWords words, Path dir) throws IOException {
        write(run, tables, words, List.of(), dir);
    }

    /** @param settings the settings the run was given and did not use, each a line (config.Settings#warnings) */
    public static void write(RunRecord run, List<Table> tables, ReportWords words, List<String> settings, Path dir) throws IOException {
        write(run, tables, words, settings, Text.of(run.cause() == null ? "" : run.cause()), dir);
    }

    /** @param cause a failed run's one-line cause in both languages ({@link ReportWords#cause}) */
    public static void write(RunRecord run, List<Table> tables, ReportWords words, List<String> settings, Text cause, Path dir)
            throws IOException {
        write(run, tables, words, settings, cause, List.of(), dir);
    }

    /**
     * @param inputWarnings the input's lines that stop nothing but are likely wrong (a text naming another biennium's
     *                      years: publication.OtherBienniumTexts), in both languages ({@link ReportWords#sentence}): the
     *                      report lists them under a heading of their own
     */
    public static void write(RunRecord run, List<Table> tables, ReportWords words, List<String> settings, Text cause,
                             List<Text> inputWarnings, Path dir) throws IOException {
        Language language = ReportWords.languageOf(run);
        ReportWords.In say = new ReportWords.In(words, language);
        List<CheckResult> failed = run.checks().stream().filter(c -> !c.passed()).toList();
        ReportView view = new ReportView(run.published(), run.exitStatus(), run.runId(), run.job(), run.biennium(),
                run.startedAt(), run.finishedAt(), ReportView.duration(run.startedAt(), run.finishedAt(), say), run.partial(),
                run.failedStep() == null ? "" : run.failedStep(), cause.in(language),
                ReportView.warnings(tables, run, words, language), settings,
                inputWarnings.stream().map(w -> w.in(language)).toList(), failed,
                ReportView.groups(run.checks(), tables, words, language),
                run.published() ? ReportView.unchecked(run.checks(), tables, words, language) : List.of(), !tables.isEmpty(),
                run.checksPassed(), run.checksFailed(),
                run, ReportView.linesLeftOut(run, words, language), links(run.outputs(), dir),
                ReportView.xbTotals(tables, run.biennium()), say);
        render(view, words, language, dir);
    }

    private static void render(ReportView view, ReportWords words, Language language, Path dir) throws IOException {
        Files.createDirectories(dir);
        String html = Templates.render("report", Map.of("r", view, "w", words.in(language), "say", view.words(),
                "lang", language.tag()), language.locale());
        WriteFailed.naming(dir.resolve(FILE), () -> Files.writeString(dir.resolve(FILE), html, StandardCharsets.UTF_8));
    }

    /** Every output that exists in the folder, then the manifest (written right after the report) and the report. */
    private static List<ReportView.Link> links(List<OutputFile> outputs, Path dir) {
        List<ReportView.Link> links = new ArrayList<>();
        for (OutputFile o : outputs) {
            if (Files.isRegularFile(dir.resolve(o.path())) && !o.path().equals(FILE) && !o.path().equals(ManifestWriter.FILE)) {
                links.add(new ReportView.Link(o.path(), o.path(), o.bytes()));
            }
        }
        links.add(new ReportView.Link(ManifestWriter.FILE, ManifestWriter.FILE, 0));
        links.add(new ReportView.Link(FILE, FILE, 0));
        return links;
    }
}
