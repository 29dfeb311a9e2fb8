package org.pbannex.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pbannex.render.markup.Templates;
import org.pbannex.table.CheckResult;
import org.pbannex.table.Table;

/**
 * {@code report.html}, what a person reads in the morning, from templates/report.html: for a published run
 * ({@link #write}) and for a failed one ({@link #writeFailed}). It links only files that are in the run folder.
 */
public final class ReportWriter {

    public static final String FILE = "report.html";

    private ReportWriter() {
    }

    /**
     * The report of a published run, written into its (staging) folder before the manifest: it links every file there,
     * the manifest that is written next, and itself.
     *
     * @param tables the tables the run published (their caveats, Figure 2 and Table 2's XB totals)
     */
    public static void write(RunRecord run, List<Table> tables, Path dir) throws IOException {
        List<CheckResult> failed = run.checks().stream().filter(c -> !c.passed()).toList();
        ReportView view = new ReportView(true, 0, run.runId(), run.job(), run.biennium(), run.startedAt(), run.finishedAt(),
                ReportView.duration(run.startedAt(), run.finishedAt()), run.partial(), "", "",
                ReportView.warnings(tables, run), failed, ReportView.groups(run.checks()), run.checksPassed(),
                run.checksFailed(), run, links(run.outputs(), dir), ReportView.xbTotals(tables, run.biennium()));
        render(view, dir);
    }

    /**
     * The report of a failed run: the step that failed, the one-line cause and the exit status first, then whatever
     * the run got to (checks, when the check step ran). Nothing was published, so it links no output.
     *
     * @param checks the check results when the run got that far; may be empty
     */
    public static void writeFailed(FailedRun failed, Path dir) throws IOException {
        List<CheckResult> failedChecks = failed.checks().stream().filter(c -> !c.passed()).toList();
        ReportView view = new ReportView(false, failed.exitStatus(), failed.runId(), failed.job(), failed.biennium(),
                failed.startedAt(), failed.finishedAt(), ReportView.duration(failed.startedAt(), failed.finishedAt()), false,
                failed.step(), failed.cause(), List.of(), failedChecks, ReportView.groups(failed.checks()),
                failed.checks().size() - failedChecks.size(), failedChecks.size(), null, List.of(new ReportView.Link(FILE, FILE, 0)),
                List.of());
        render(view, dir);
    }

    /**
     * What a failed run's report says.
     *
     * @param step  the step that failed (ingest, compute, check, render, publish)
     * @param cause the one-line reason, as printed on stderr
     */
    public record FailedRun(String runId, String job, String biennium, String startedAt, String finishedAt, int exitStatus,
                            String step, String cause, List<CheckResult> checks) {
        public FailedRun {
            checks = checks == null ? List.of() : List.copyOf(checks);
        }
    }

    private static void render(ReportView view, Path dir) throws IOException {
        Files.createDirectories(dir);
        String html = Templates.render("report", Map.of("r", view), Locale.ENGLISH);
        Files.writeString(dir.resolve(FILE), html, StandardCharsets.UTF_8);
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
