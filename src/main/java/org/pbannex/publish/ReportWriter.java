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
                ReportView.warnings(tables, run, words, language), ReportView.readBeforeUse(tables, run), settings,
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

    /** Where a published run's report says what became of its workbooks once it was published (templates/report.html). */
    private static final String DISTRIBUTION = "<!--distribution-->";
    private static final String DISTRIBUTION_END = "<!--/distribution-->";
    /** A report being rewritten, beside it until it is moved into place ({@link #putNextInPlace}). */
    static final String NEXT = "." + FILE + ".next";

    /**
     * Why a published run's workbooks were not sent to its reviewers (its words: report.not_sent.WHY), how many of how
     * many reviewers have them, and the command that sends them.
     */
    public record NotSent(String why, int sent, int count, String command) {

        /** Its database went away before its distribute step sent them. */
        public static NotSent databaseGone(String command) {
            return new NotSent("database", 0, 0, command);
        }

        /** The mail server did not take them (refused for now, not reached): {@code sent} of {@code count} reviewers have them. */
        public static NotSent mailFailed(int sent, int count, String command) {
            return new NotSent("mail", sent, count, command);
        }

        /** The mail server refused reviewers' addresses for good: {@code sent} of {@code count} reviewers have them. */
        public static NotSent refused(int sent, int count, String command) {
            return new NotSent("refused", sent, count, command);
        }
    }

    /**
     * Says in the report of the run published in {@code folder} that its workbooks were not sent to its reviewers, why,
     * and the command that sends them ({@code notSent}); or, {@code null}, no longer says so (they were sent since). The
     * report is written before the run's distribute step, so this is said once that step (or distribute, or the job's
     * next run) knows it. The report is rewritten beside itself, the manifest too with the report's new size and checksum,
     * then both moved into place, the manifest first: never a half-written report, and a process that dies between the two
     * moves leaves the new report beside its place, where the check of the folder against its manifest puts it
     * ({@link ManifestWriter#intact}). Nothing is written when the report says so already, or has no place for it (a
     * report of an older version).
     *
     * @param words the report's words, from the run's texts; unused for {@code null}
     */
    public static void distribution(Path folder, NotSent notSent, ReportWords words) throws IOException {
        Path report = folder.resolve(FILE);
        if (!Files.isRegularFile(report) || !Files.isRegularFile(folder.resolve(ManifestWriter.FILE))) {
            return;
        }
        String html = Files.readString(report, StandardCharsets.UTF_8);
        int from = html.indexOf(DISTRIBUTION);
        int to = html.indexOf(DISTRIBUTION_END);
        if (from < 0 || to < from) {
            return;
        }
        String said = notSent == null ? "" : notSent(notSent, words, ReportWords.languageOf(PublishedRun.read(folder).languages()));
        String next = html.substring(0, from + DISTRIBUTION.length()) + said + html.substring(to);
        if (next.equals(html)) {
            return;
        }
        Path beside = folder.resolve(NEXT);
        WriteFailed.naming(beside, () -> Files.writeString(beside, next, StandardCharsets.UTF_8));
        ManifestWriter.recordNext(folder, FILE, beside);
        putNextInPlace(folder);
    }

    /** The box that says it (templates/report-not-sent.html), in the report's language. */
    private static String notSent(NotSent n, ReportWords words, Language language) {
        ReportWords.In say = new ReportWords.In(words, language);
        return Templates.render("report-not-sent", Map.of("heading", say.say("not_sent_heading"),
                "why", say.say("not_sent." + n.why(), "sent", n.sent(), "count", n.count()),
                "say", say, "command", n.command()), language.locale()).strip();
    }

    /**
     * The report rewritten beside its place ({@link #distribution}) moved there, when the manifest lists it already; a
     * move another process made first is as good.
     *
     * @return whether it was there to move
     */
    static boolean putNextInPlace(Path folder) throws IOException {
        try {
            Files.move(folder.resolve(NEXT), folder.resolve(FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (java.nio.file.NoSuchFileException movedAlready) {
            return false;
        }
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
