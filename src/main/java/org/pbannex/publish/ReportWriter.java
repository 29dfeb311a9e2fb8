package org.pbannex.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pbannex.table.CheckResult;

/** {@code report.html}: what a person reads in the morning: summary, checks, differences, inputs, outputs. */
public final class ReportWriter {

    public static final String FILE = "report.html";

    private ReportWriter() {
    }

    public static void write(RunRecord run, Path dir) throws IOException {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>pb-annex run ")
                .append(esc(run.runId())).append("</title>\n<style>body{font-family:sans-serif;max-width:70em;margin:2em auto;}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #999;padding:.2em .5em;text-align:left}"
                        + ".fail{color:#a00;font-weight:bold}.ok{color:#060}</style></head><body>\n");
        h.append("<h1>pb-annex run ").append(esc(run.runId())).append("</h1>\n<table>");
        row(h, "Job", run.job());
        row(h, "Biennium", run.biennium());
        row(h, "Started", run.startedAt());
        row(h, "Finished", run.finishedAt());
        row(h, "Code version", run.codeVersion());
        row(h, "Input checksum", run.inputChecksum());
        row(h, "Tables", String.join(", ", run.tables()));
        row(h, "Languages / formats", String.join(", ", run.languages()) + " / " + String.join(", ", run.formats()));
        row(h, "Partial run", run.partial() ? "yes (latest not moved)" : "no");
        h.append("</table>\n");

        if (!run.expenditure().isEmpty()) {
            h.append("<h2>Expenditure lines</h2>\n<table><tr><th>File</th><th>Read</th><th>Accepted</th><th>Rejected</th>"
                    + "<th>MB</th><th>Synthetic</th></tr>");
            for (var f : run.expenditure()) {
                h.append("<tr><td>").append(esc(f.file())).append("</td><td>").append(f.read()).append("</td><td>")
                        .append(f.accepted()).append("</td><td").append(f.rejected() > 0 ? " class=\"fail\">" : ">")
                        .append(f.rejected()).append("</td><td>").append(f.bytes() >> 20).append("</td><td>")
                        .append(f.synthetic() ? "yes" : "no").append("</td></tr>");
            }
            h.append("</table>\n<p>Read = accepted + rejected; rejected lines are in rejects/expenditure.csv.</p>\n");
        }
        h.append("<h2>Checks: ").append(run.checksPassed()).append(" passed, ").append(run.checksFailed())
                .append(" failed</h2>\n");
        if (run.checksFailed() > 0) {
            h.append("<p class=\"fail\">Failed checks</p><table><tr><th>Check</th><th>Table</th><th>Row</th><th>Expected</th><th>Actual</th></tr>");
            for (CheckResult c : run.checks()) {
                if (!c.passed()) {
                    h.append("<tr><td>").append(esc(c.name())).append("</td><td>").append(esc(c.table())).append("</td><td>")
                            .append(esc(c.row())).append("</td><td>").append(esc(c.expected())).append("</td><td>")
                            .append(esc(c.actual())).append("</td></tr>");
                }
            }
            h.append("</table>\n");
        }
        Map<String, int[]> byName = new LinkedHashMap<>();
        for (CheckResult c : run.checks()) {
            int[] n = byName.computeIfAbsent(c.name(), k -> new int[2]);
            n[c.passed() ? 0 : 1]++;
        }
        h.append("<table><tr><th>Check</th><th>Passed</th><th>Failed</th></tr>");
        byName.forEach((name, n) -> h.append("<tr><td>").append(esc(name)).append("</td><td class=\"ok\">").append(n[0])
                .append("</td><td").append(n[1] > 0 ? " class=\"fail\">" : ">").append(n[1]).append("</td></tr>"));
        h.append("</table>\n");

        h.append("<h2>Differences from the printed document</h2>\n");
        if (run.printedDifferences().isEmpty()) {
            h.append("<p>None documented: every published figure equals the printed one "
                    + "(documented differences are listed in the input file printed_differences.csv).</p>\n");
        } else {
            h.append("<table><tr><th>Table</th><th>Row</th><th>Column</th><th>Printed</th><th>Published</th><th>Why</th></tr>");
            for (var d : run.printedDifferences()) {
                h.append("<tr><td>").append(esc(d.table())).append("</td><td>").append(esc(d.row())).append("</td><td>")
                        .append(esc(d.column())).append("</td><td>").append(esc(d.printed())).append("</td><td>")
                        .append(esc(d.published())).append("</td><td>").append(esc(d.explanation().en())).append("</td></tr>");
            }
            h.append("</table>\n");
        }

        h.append("<h2>Differences from the previous run</h2>\n");
        if (run.previous().previousRunId() == null) {
            h.append("<p>No previous published run.</p>\n");
        } else {
            h.append("<p>Compared with run ").append(esc(run.previous().previousRunId())).append(".</p><table>"
                    + "<tr><th>Table</th><th>Status</th><th>Changed cells</th><th>Examples</th></tr>");
            for (RunDiff.TableChange t : run.previous().tables()) {
                h.append("<tr><td>").append(esc(t.table())).append("</td><td>").append(esc(t.status())).append("</td><td>")
                        .append(t.changedCells()).append("</td><td>").append(esc(String.join("; ", t.cells()))).append("</td></tr>");
            }
            h.append("</table>\n");
        }

        h.append("<h2>Inputs</h2>\n<table><tr><th>File</th><th>Rows</th><th>SHA-256</th></tr>");
        run.inputs().forEach(f -> h.append("<tr><td>").append(esc(f.path())).append("</td><td>").append(f.rows())
                .append("</td><td><code>").append(f.sha256()).append("</code></td></tr>"));
        h.append("</table>\n<h2>Outputs</h2>\n<table><tr><th>File</th><th>Bytes</th><th>SHA-256</th></tr>");
        run.outputs().forEach(o -> h.append("<tr><td>").append(esc(o.path())).append("</td><td>").append(o.bytes())
                .append("</td><td><code>").append(o.sha256()).append("</code></td></tr>"));
        h.append("</table>\n</body></html>\n");
        Files.writeString(dir.resolve(FILE), h);
    }

    private static void row(StringBuilder h, String k, String v) {
        h.append("<tr><th>").append(esc(k)).append("</th><td>").append(esc(v)).append("</td></tr>");
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
