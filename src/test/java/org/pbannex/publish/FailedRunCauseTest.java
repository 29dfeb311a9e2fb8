package org.pbannex.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.CliRun;
import org.pbannex.Golden;
import org.pbannex.TestInputs;
import org.pbannex.publication.Publication;
import org.pbannex.runtime.DatabaseUnavailable;
import org.pbannex.runtime.ExitCodes;
import org.pbannex.runtime.WriteFailed;

/**
 * A failed run's report says its one-line cause in the report's language (Chinese for a run whose first edition is
 * Chinese), the sentence from the texts (report.cause.*) with the file, line, column and value filled in, while stderr
 * keeps its English line. The cause was stderr's English line in every report.
 */
class FailedRunCauseTest {

    @TempDir
    Path tmp;

    /** Runs the job that reports in Chinese (its first edition zh) on the input; its stderr line and its report's cause. */
    private String[] failedRun(Path input, int status) throws IOException {
        Path out = tmp.resolve("out");
        CliRun r = CliRun.run(tmp.resolve("db"), "run", "regenerate", "--tables", "a3", "--format", "csv", "--input",
                input.toString(), "--output", out.toString());
        assertEquals(status, r.status(), r.toString());
        Path failed;
        try (var runs = Files.list(out.resolve("2022-23/failed"))) {
            failed = runs.findFirst().orElseThrow();
        }
        var html = Jsoup.parse(failed.resolve(ReportWriter.FILE).toFile());
        assertEquals("zh-CN", html.selectFirst("html").attr("lang"));
        String line = r.err().lines().filter(l -> l.startsWith("pb-annex: ")).findFirst().orElseThrow().substring("pb-annex: ".length());
        var where = html.selectFirst("section:has(h2.fail) tbody td:last-child");
        return new String[] {line, html.selectFirst(".cause").text(), where == null ? null : where.text()};
    }

    @Test
    void aBadValueIsSaidInChineseWithItsFileLineAndColumn() throws IOException {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        TestInputs.edit(input.resolve("2022-23/budget.csv"), s -> s.replace("\nGB,31,8,37,11,15668625,", "\nGB,31,8,37,11,abc,"));
        String[] run = failedRun(input, ExitCodes.INVALID_INPUT);
        assertTrue(run[0].endsWith("budget.csv, line 3, column staff_costs: not a whole number: 'abc'"), run[0]);
        String file = run[0].substring(0, run[0].indexOf(", line 3"));
        assertEquals("输入文件 " + file + " 第 3 行 staff_costs 列有误：不是整数：'abc'", run[1]);
    }

    @Test
    void aMissingFileIsSaidInChinese() throws IOException {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        Files.delete(input.resolve("2022-23/budget.csv"));
        String[] run = failedRun(input, ExitCodes.INVALID_INPUT);
        assertTrue(run[0].endsWith("budget.csv: file not found (the file of resource 'budget')"), run[0]);
        String file = run[0].substring(0, run[0].indexOf(": file not found"));
        assertEquals("输入文件 " + file + " 有误：找不到文件（资源“budget”的文件）", run[1]);
    }

    @Test
    void aFailedSumCheckIsSaidInChineseWithWhereToLook() throws IOException {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        Path rbtc = input.resolve("2022-23/rbtc.csv");
        TestInputs.edit(rbtc, s -> s.replace("\nPOL,6680242,", "\nPOL,6680243,"));
        String[] run = failedRun(input, ExitCodes.CHECK_FAILED);
        // "1 check failed; first: NAME [table a3, row R]: expected E, actual A; see FILE, line N, ..."
        var m = java.util.regex.Pattern.compile("(\\d+) checks? failed; first: (\\S+) \\[table a3, row (\\S+)\\]: expected (\\S+), "
                + "actual (\\S+); (see .*rbtc\\.csv, line \\d+.*)").matcher(run[0]);
        assertTrue(m.matches(), run[0]);
        // Where to look in the report's words too: the holding's line against its budget unit's.
        var where = java.util.regex.Pattern.compile("see (\\S+), line (\\d+), column constant; against (\\S+), line (\\d+), "
                + "columns staff_costs, non_staff_costs").matcher(m.group(6));
        assertTrue(where.matches(), m.group(6));
        String check = m.group(2) + "［表 a3，行 " + m.group(3) + "］：应为 " + m.group(4) + "，实为 " + m.group(5) + "；见 "
                + where.group(1) + " 第 " + where.group(2) + " 行，constant 列；对照 " + where.group(3) + " 第 " + where.group(4)
                + " 行，staff_costs、non_staff_costs 列";
        assertEquals(m.group(1).equals("1") ? "1 项检查未通过：" + check : m.group(1) + " 项检查未通过；第一项：" + check, run[1]);
        assertEquals(check.substring(check.indexOf("；见 ") + 1), run[2], "the failed checks' table says where to look in Chinese too");
    }

    /** The database and the disk, failing under a run: the report's sentence, its English stderr's line. */
    @Test
    void aDatabaseOrDiskFailureIsSaidInTheReportsLanguage() throws IOException {
        var pub = Publication.compute(Golden.input(), Publication.biennium(Golden.input(), null));
        ReportWords words = ReportWords.of(pub.reference().texts());
        Throwable database = new IllegalStateException("step failed", new DatabaseUnavailable(
                "cannot connect to PostgreSQL at db.example.org:5432 (database pb, user pb): Connection refused", null));
        Throwable disk = new java.io.UncheckedIOException(new WriteFailed("out/2022-23/.staging/a3.csv",
                new IOException("No space left on device")));
        Throwable denied = new java.nio.file.AccessDeniedException("out/2022-23/latest");
        for (var c : List.of(
                new Object[] {database, "数据库无法使用：cannot connect to PostgreSQL at db.example.org:5432 (database pb, user pb): Connection refused"},
                new Object[] {disk, "无法写入 out/2022-23/.staging/a3.csv：磁盘空间已满"},
                new Object[] {denied, "无法访问 out/2022-23/latest：权限不足"})) {
            Throwable failure = (Throwable) c[0];
            String line = ExitCodes.message(failure);
            Path dir = tmp.resolve("report-" + Integer.toHexString(failure.hashCode()));
            RunRecord run = new RunRecord("20260101T000000Z-abc", "nightly", "2022-23", RunRecord.FAILED, ExitCodes.of(failure),
                    "render", line, "2026-01-01T00:00:00Z", "2026-01-01T00:00:04Z", "test", "0123", List.of("a3"),
                    List.of("zh", "en"), List.of("csv"), false, List.of(), List.of(), List.of(), List.of(), RunDiff.none(), List.of());
            ReportWriter.write(run, List.of(), words, List.of(), words.cause(failure, line), dir);
            assertEquals(c[1], Jsoup.parse(dir.resolve(ReportWriter.FILE).toFile()).selectFirst(".cause").text());
            // The texts' English is stderr's line, word for word.
            assertEquals(line, words.cause(failure, line).en());
        }
    }
}
