package org.pbannex.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.ChildRun;
import org.pbannex.CliRun;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A run stopped by SIGTERM (systemd, kill) or SIGINT (Ctrl-C) leaves its report and manifest in failed/RUN-ID/ as every
 * other failed run does, saying the step it was in and the signal's line, read back from a real child process that the
 * signal stops, its cause in the report's language. (No mail server: the notice of the failure goes to nobody by default.)
 */
class SignalledRunReportTest {

    private static final Duration LONG = Duration.ofMinutes(3);

    @TempDir
    Path tmp;

    @Test
    void aRunStoppedByASignalLeavesItsFailedReport() throws Exception {
        Path out = tmp.resolve("out");
        Map<String, String> settings = CutNightly.in(tmp, CliRun.h2(tmp.resolve("db")));
        // At render, the run has its tables and checks; before validate, nothing yet. Before publish, its thread goes on
        // to the rename while the stop writes the report: it must not publish (nor then remove the report as an earlier
        // attempt's), whichever comes first.
        for (List<String> signalAndStep : List.of(List.of("TERM", "render"), List.of("INT", "validate"), List.of("TERM", "publish"))) {
            String signal = signalAndStep.get(0);
            String step = signalAndStep.get(1);
            Map<String, String> paused = new HashMap<>(settings);
            paused.put("pb.run.pause-at", step);
            ChildRun child = ChildRun.start(tmp, signal + "-" + step, paused, "run", "nightly", "--output", out.toString(), "--force");
            String runId = child.awaitPause(out.resolve("2022-23"), step, LONG);
            // Its thread goes on once the stop has seen its step: to the rename, when held before publish.
            child.signalThenRelease(signal, out.resolve("2022-23"), runId, step, LONG);
            int exit = signal.equals("INT") ? 130 : 143;
            assertEquals(exit, child.waitFor(LONG), child.err());
            String line = "interrupted (SIG" + signal + "); run " + runId + " stops here; the same command starts a new run (--force)";
            assertEquals("pb-annex: " + line, child.err().strip());

            Path failed = out.resolve("2022-23/failed/" + runId);
            assertTrue(Files.notExists(out.resolve("2022-23/" + runId)), "published after its stop: " + runId);
            assertTrue(Files.isRegularFile(failed.resolve("report.html")), "no report in " + failed + "; stderr: " + child.err());
            Document html = Jsoup.parse(failed.resolve("report.html").toFile());
            // The nightly job's first edition is Chinese: so is its report.
            assertTrue(html.title().startsWith("失败：pb-annex 运行"), html.title());
            String headline = html.selectFirst(".headline").text();
            assertTrue(headline.startsWith("失败：未发布任何内容") && headline.contains("退出状态 " + exit)
                    && java.util.regex.Pattern.compile("失败的步骤： \\S+（" + step).matcher(headline).find(), headline);
            // Its cause in the report's words too (it was stderr's English line).
            assertEquals("被信号中断（SIG" + signal + "）：运行 " + runId + " 在此停止；再次执行同一命令会开始新的运行（--force）",
                    html.selectFirst(".cause").text());
            JsonNode manifest = JsonMapper.builder().build().readTree(failed.resolve("manifest.json").toFile());
            assertEquals("failed", manifest.path("status").asString(), manifest.toString());
            assertEquals(exit, manifest.path("exit_status").asInt(), manifest.toString());
            if (!step.equals("validate")) {
                // Stopped while rendering or before publishing, it had its tables and checks: the report shows them, as a
                // failed render's does.
                assertTrue(html.text().contains("按表格列出的检查") && html.text().contains("t1（表 1）"), html.text());
            }
        }
    }
}
