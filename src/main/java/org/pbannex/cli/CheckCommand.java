package org.pbannex.cli;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pbannex.distribute.ReviewerList;
import org.pbannex.expenditure.ExpenditureIngest;
import org.pbannex.ingest.Glyphs;
import org.pbannex.ingest.InputSet;
import org.pbannex.publication.ComputedPublication;
import org.pbannex.publication.InputSnapshot;
import org.pbannex.publication.Publication;
import org.pbannex.publication.ReadBiennia;
import org.pbannex.publication.ReconciliationFailed;
import org.pbannex.publication.RunRenderer;
import org.pbannex.reference.Biennium;
import org.pbannex.render.pdf.PdfFonts;
import org.pbannex.runtime.Counted;
import org.pbannex.runtime.DamagedInstallation;
import org.pbannex.runtime.ExitCodes;
import org.pbannex.runtime.UsageError;
import org.pbannex.table.CheckResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Validates the input and runs every reconciliation check, rendering and publishing nothing. Never opens a database. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Validate the input and run every reconciliation check; writes nothing and needs no database.")
public class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions.Biennia in;

    @Option(names = "--verbose", description = "List every check, not only the failed ones.")
    boolean verbose;

    @Option(names = "--tables", split = ",", paramLabel = "ID", description = "Only these tables, e.g. a1,a2, checked as "
            + "'run --tables' would check them: a table left out needs none of its inputs (default: every table).")
    List<String> tables;

    @Option(names = "--timings", description = "Print where the check's time went: start-up, the settings, reading the "
            + "input, the expenditure lines, the tables and checks (one 'timing <what> <seconds>' line each).")
    boolean timings;

    @Override
    public Integer call() {
        long commandStarted = System.nanoTime();
        long start = timings ? TimingLines.started(System.currentTimeMillis()) : 0;
        List<Biennium> biennia;
        List<String> wanted;
        try {
            // The tables a run with the same --tables would build (its list checked as the run's is), else every table.
            wanted = tables == null ? org.pbannex.publication.TableCatalogue.ids() : RunCommand.tablesNamed(tables, in.inputDir());
            // Every biennium with a data folder, unless one (or all) is named.
            biennia = in.biennia(List.of(Publication.ALL));
        } catch (UsageError e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (timings) {
            TimingLines.line("settings-and-biennia", (System.nanoTime() - commandStarted) / 1e9);
        }
        int worst = ExitCodes.PUBLISHED;
        // A biennium checked before the one after it is read once, for its check and for the later one's restatements.
        ReadBiennia readBiennia = new ReadBiennia(biennia);
        for (Biennium biennium : biennia) {
            int status;
            try {
                status = check(biennium, biennia.size() > 1, readBiennia, wanted);
            } catch (RuntimeException e) {
                if (biennia.size() == 1 || e instanceof DamagedInstallation) { // the installation's, not a biennium's
                    olderInput(); // before the line the failure prints
                    throw e;
                }
                ExitCodes.lines(e).forEach(l -> System.err.println("pb-annex: " + biennium + ": " + l));
                System.out.println(biennium + ": invalid input, exit status " + ExitCodes.of(e));
                status = ExitCodes.of(e);
            }
            worst = Math.max(worst, status);
        }
        worst = Math.max(worst, reviewers());
        if (worst != ExitCodes.PUBLISHED) {
            olderInput();
        }
        if (timings) {
            TimingLines.total(start);
        }
        return worst;
    }

    /**
     * A failing check of a data folder (PB_HOME) whose input is older than the updated program's says so and names the
     * command that brings it in step (tester 78a): the failure may be nothing but that. Only when the program's folder
     * is the launcher's (pb.program, as preflight), and only on a failure: a passing check reads no more files.
     */
    private void olderInput() {
        if (in.input == null && PbAnnexApplication.environment().getProperty("pb.program") != null) {
            org.pbannex.upgrade.BehindProgram.of(in.settings().input(), in.settings().program().resolve("input"))
                    .ifPresent(line -> System.err.println("pb-annex: " + line));
        }
    }

    /**
     * The reviewers' list of the input (reviewers.csv), where there is one, read as a run that sends to them reads it: a
     * bad address is told here, not by the night's run, which it would stop before publishing (status 3).
     */
    private int reviewers() {
        java.nio.file.Path listed = ReviewerList.listedIn(in.inputDir(), in.settings().input());
        java.nio.file.Path file = listed.resolve(ReviewerList.FILE);
        if (!java.nio.file.Files.isRegularFile(file)) {
            return ExitCodes.PUBLISHED;
        }
        try {
            // A list emptied to its header is no mistake here: an installation that sends nothing (distribute says so);
            // its header is still read against the descriptor ('nom,email,...' passed unread: fix 80c).
            int n = ReviewerList.fromCsv(listed, true).size();
            if (verbose) {
                System.out.println("ok       " + org.pbannex.ingest.InputFolder.shownName(listed, ReviewerList.FILE) + ": "
                        + (n == 0 ? "no reviewers" : Counted.of(n, "reviewer", "reviewers")));
            }
            return ExitCodes.PUBLISHED;
        } catch (org.pbannex.ingest.InputError e) {
            ExitCodes.lines(e).forEach(l -> System.err.println("pb-annex: " + l));
            return ExitCodes.of(e);
        }
    }

    private int check(Biennium biennium, boolean named, ReadBiennia readBiennia, List<String> wanted) {
        long start = System.nanoTime();
        // Each part timed with --timings (named after the biennium when there are several).
        String of = named ? " " + biennium : "";
        // A file saved into the input folder while the check reads it: its figures may mix two versions.
        InputSnapshot before = InputSnapshot.recordOnly(in.inputDir());
        InputSet inputs = Publication.ingest(in.inputDir(), biennium);
        String fontProblem = null;
        String font = null;
        try {
            // Text the PDF would print without some of its characters is refused as a run would refuse it.
            Glyphs glyphs = PdfFonts.glyphs(in.settings().fonts());
            inputs.refuseUnshown(glyphs);
            font = glyphs.font();
        } catch (PdfFonts.Damaged e) {
            // A font that is there but damaged stops a check as it stops a run's first step (Publication.refuseUnshown):
            // the same line, status 5. A font not fetched yet is only said: the check renders no PDF.
            throw new DamagedInstallation(e.getMessage(), e);
        } catch (IOException e) {
            fontProblem = e.getMessage();
        }
        long read = System.nanoTime();
        ExpenditureIngest.Result lines = Publication.readLines(inputs, null);
        long linesRead = System.nanoTime();
        // As a run of these tables computes them: a table left out needs none of its inputs (expenditure lines for f2).
        // The words every edition and the report read checked with the tables' texts, as a run of every format checks them.
        ComputedPublication pub = Publication.compute(inputs, lines, wanted, readBiennia, texts -> org.pbannex.publish.EditionKeys.needed(
                java.util.List.of(org.pbannex.publication.OutputFormat.values()), wanted, texts));
        if (timings) {
            TimingLines.line("read-input" + of, (read - start) / 1e9);
            TimingLines.line("expenditure-lines" + of, (linesRead - read) / 1e9);
            TimingLines.line("tables-and-checks" + of, (System.nanoTime() - linesRead) / 1e9);
        }
        // Input that stops nothing but is likely wrong (texts naming another biennium's years, the program's texts read
        // beneath an older data folder's): each said, a line each.
        org.pbannex.publication.InputWarnings.of(inputs).forEach(w -> System.err.println("pb-annex: " + (named ? biennium + ": " : "")
                + "warning: " + w.english()));
        for (CheckResult c : pub.checks().results()) {
            if (verbose || !c.passed()) {
                System.out.println((c.passed() ? "ok       " : "FAILED   ") + c.describe());
            }
        }
        before.changes(Map.of(), InputSnapshot.CHECK).ifPresent(e -> {
            throw e;
        });
        if (font != null && verbose) {
            System.out.println("ok       every character of the texts is in the PDF's font (" + font + ")");
        }
        var failures = pub.checks().failures();
        var r = pub.restatements();
        // One line per biennium: what was not checked said on it, never claimed.
        // Lines of a later biennium, checked for their form only, are said as left out, not passed over.
        String leftOut = RunRenderer.wording(pub).linesLeftOut(lines == null ? 0 : lines.leftOutLines(), pub.inputs().biennium()).en();
        System.out.printf("%s: %s, %d checks passed, %d failed%s%s (%.1f s)%s%n", pub.inputs().biennium(),
                Counted.of((int) pub.tables().keySet().stream().filter(wanted::contains).count(), "table", "tables"),
                pub.checks().passedCount(), failures.size(),
                r.compared() ? ", " + r.found().size() + " restatements of " + r.previous()
                        : r.notComparedWords().isEmpty() ? "" : ", " + r.notComparedWords(),
                leftOut.isEmpty() ? "" : "; " + leftOut, (System.nanoTime() - start) / 1e9,
                fontProblem == null ? "" : "; not checked: whether the PDF's font shows every character of the texts ("
                        + fontProblem + ")");
        if (!failures.isEmpty()) {
            // The same line as a run's (ReconciliationFailed), named after the biennium.
            System.err.println("pb-annex: " + biennium + ": " + new ReconciliationFailed(failures).getMessage());
            return ExitCodes.CHECK_FAILED;
        }
        // The report's words, as a run's check step looks them up: texts lacking one pass no check a run would fail.
        org.pbannex.publish.ReportWords.of(pub.reference().texts());
        return ExitCodes.PUBLISHED;
    }
}
