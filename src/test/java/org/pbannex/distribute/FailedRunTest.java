package org.pbannex.distribute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pbannex.table.Language;
import org.pbannex.table.Text;

/**
 * A failed run is built one way (what every failure has, then its parts added one at a time), and each part added
 * leaves the others as they were: the notice a run sends says its report, checks and words whatever order they came in.
 */
class FailedRunTest {

    @Test
    void eachPartAddedKeepsTheOthers() {
        FailureNotice.Words said = new FailureNotice.Words(w -> Text.of("{run} " + w), Language.EN, "the cause", List.of("a", "b"));
        FailureNotice.FailedRun run = FailureNotice.FailedRun.of("R7", "nightly", "2022-23", "check", 3, "the line")
                .withWords(said).withReport(Path.of("failed/R7/report.html"), List.of("a", "b"))
                .withFolders(Path.of("in"), Path.of("out"));
        assertEquals(new FailureNotice.FailedRun("R7", "nightly", "2022-23", "check", 3, "the line",
                Path.of("failed/R7/report.html"), List.of("a", "b"), null, Path.of("in"), Path.of("out"), said), run);
        String body = FailureNotice.body(run);
        assertTrue(body.startsWith("R7 notice.failed\n\nthe cause\n\n"), body);
        assertTrue(body.contains("- a\n- b\n"), body);
    }

    /**
     * The last guard of a notice: a word of the texts (read as they stand, for a run that could not read them) holding a
     * placeholder nothing fills in is said in the program's English, never sent as typed.
     */
    @Test
    void aNoticeWordWithAPlaceholderNothingFillsInIsSaidInTheProgramsEnglish() {
        FailureNotice.Words said = new FailureNotice.Words(w -> Text.of(w.equals("notice.failed") ? "运行 {run} 失败 {titel}" : w),
                Language.ZH, "the cause", List.of());
        String body = FailureNotice.body(FailureNotice.FailedRun.of("R7", "nightly", "2022-23", "check", 3, "the line").withWords(said));
        assertTrue(body.startsWith("Run R7 of the job nightly (biennium 2022-23) failed in its step check, exit status 3:\n\n"
                + "the cause\n\nnotice.nothing_published\n"), body);
    }

    @Test
    void aRunNotStartedHasNoRunNorReportAndOneNotDistributedItsFolder() {
        FailureNotice.FailedRun notStarted = FailureNotice.FailedRun.notStarted("nightly", "2022-23", 5, "busy");
        assertNull(notStarted.runId());
        assertNull(notStarted.report());
        assertEquals(List.of(), notStarted.failedChecks());
        assertTrue(FailureNotice.body(notStarted).startsWith("The job nightly (biennium 2022-23) could not start, exit status 5"));
        FailureNotice.FailedRun unsent = FailureNotice.FailedRun.notDistributed("R8", "nightly", "2022-23", 6, "refused",
                Path.of("published/R8"));
        assertEquals("distribute", unsent.step());
        assertTrue(FailureNotice.body(unsent).contains("Published: " + Path.of("published/R8")), FailureNotice.body(unsent));
    }

    /**
     * What a good run did is kept in the job's status in stderr's English (status shows it), and said in the words of
     * the message that the job is back to normal; a time pattern the texts spell wrong leaves the time as kept.
     */
    /**
     * A failure is kept in the job's status in stderr's English (status shows it), and with its cause as its notice said
     * it, which the message that the job is back to normal lists in that language; a trial's folders stay as noted.
     */
    @Test
    void aFailureIsListedInTheLanguageItsNoticeSaidIt(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        var outcomes = new org.pbannex.runtime.RunOutcomes(tmp, tmp.resolve("input"), tmp.resolve("out"), null);
        outcomes.failed("nightly", "2022-23", 5, "cannot write /out/a.csv: permission denied", "zh", "无法写入 /out/a.csv：权限不足");
        outcomes.failed("nightly", "2022-23", 5, "cannot write /tmp/x: No space left on device"
                + org.pbannex.runtime.RunOutcomes.elsewhere(null, tmp.resolve("scratch"), null, tmp.resolve("out"), null), "zh", "无法写入 /tmp/x：磁盘空间已满");
        outcomes.failed("nightly", "2022-23", 2, "unknown option '--forse'");
        List<String> english = outcomes.failures("nightly", "2022-23");
        assertEquals(3, english.size(), english.toString());
        assertTrue(english.get(0).endsWith(" exit status 5: cannot write /out/a.csv: permission denied"), english.get(0));
        List<String> chinese = outcomes.failures("nightly", "2022-23", "zh");
        assertTrue(chinese.get(0).endsWith(" exit status 5: 无法写入 /out/a.csv：权限不足"), chinese.get(0));
        assertTrue(chinese.get(1).endsWith(" exit status 5: 无法写入 /tmp/x：磁盘空间已满 (a run into " + tmp.resolve("scratch")
                + ", not the installation's output folder " + tmp.resolve("out") + ")"), chinese.get(1));
        assertEquals(english.get(2), chinese.get(2), "said in English only");
        assertEquals(english, outcomes.failures("nightly", "2022-23", "en"));
        // status's lines, and its trial's, as before.
        var state = outcomes.states().get(0);
        assertEquals(2, state.failuresHere().size());
        assertEquals(1, state.failuresElsewhere().size());
        var words = FailureNotice.Words.of(org.pbannex.publish.ReportWords.read(org.pbannex.Golden.input(), null), Language.ZH);
        String body = FailureNotice.backToNormalBody("nightly", "2022-23", FailureNotice.GoodRun.nothingToDo("R1", Path.of("/out/2022-23/R1"),
                false, false), chinese, words);
        assertTrue(body.contains(" 退出状态 5：无法写入 /out/a.csv：权限不足\n") && body.contains(" 退出状态 2：unknown option '--forse'\n")
                && !body.contains("exit status"), body);
    }

    /**
     * Nothing to do by a run that a new database found in the output folder, and wrote into its history: the job's
     * status keeps it in English, and the message that the job is back to normal says it in its words, Chinese here.
     */
    @Test
    void nothingToDoByARunFoundInTheOutputFolderIsSaidInItsWords() {
        var good = FailureNotice.GoodRun.nothingToDo("R1", Path.of("/out/2022-23/R1"), false, true);
        assertEquals("nothing to do, run R1 had published these inputs already (/out/2022-23/R1): found in the output folder, the "
                + "new database having had no history of it, and written into its run history", good.line());
        var words = FailureNotice.Words.of(org.pbannex.publish.ReportWords.read(org.pbannex.Golden.input(), null), Language.ZH);
        String body = FailureNotice.backToNormalBody("nightly", "2022-23", good, List.of("2026-12-03T02:30:05.123Z exit status 5: "
                + "cannot write /out"), words);
        assertTrue(body.startsWith("作业 nightly（两年期 2022-23）已恢复正常运行：无需运行：运行 R1 已发布过这些输入（/out/2022-23/R1）；新的数据库此前没有"
                + "它的记录，它是在输出文件夹中发现的，现已记入运行记录。\n"), body);
        var english = FailureNotice.Words.of(org.pbannex.publish.ReportWords.read(org.pbannex.Golden.input(), null), Language.EN);
        assertTrue(FailureNotice.backToNormalBody("nightly", "2022-23", good, List.of("2026-12-03T02:30:05.123Z exit status 5: "
                + "cannot write /out"), english).contains(good.line()), "the same words in English");
    }

    @Test
    void aGoodRunIsKeptInEnglishAndToldInItsWords() {
        var good = FailureNotice.GoodRun.published("R9", Path.of("/out/2022-23/R9"), 1, 18, 1147, true, 2);
        assertEquals("narrowed on the command line, not the job as defined: run R9 published 1 table, 18 files to /out/2022-23/R9, "
                + "1147 checks passed; not sent to its 2 reviewers: run R9 published no workbook (xlsx is not among its formats), so "
                + "there is nothing to send them", good.line());
        var words = FailureNotice.Words.of(org.pbannex.publish.ReportWords.read(org.pbannex.Golden.input(), null), Language.ZH);
        List<String> failures = List.of("2026-12-03T02:30:05.123Z exit status 4: 2 checks failed", "2026-12-04T02:30:05.456Z exit "
                + "status 5: cannot write /out");
        assertEquals("作业 nightly（两年期 2022-23）已恢复正常运行：在命令行中缩小了范围，并非作业定义的全部：运行 R9 已将 1 个表、18 个文件发布到 "
                + "/out/2022-23/R9，1147 项检查通过；未发送给其 2 位审阅人：运行 R9 未发布工作簿（格式中没有 xlsx），因此没有可发送的内容。\n\n"
                + "此前自协调世界时 2026 年 12 月 3 日 02:30:05 起有 2 次失败：\n- 协调世界时 2026 年 12 月 3 日 02:30:05 退出状态 4：2 checks failed\n"
                + "- 协调世界时 2026 年 12 月 4 日 02:30:05 退出状态 5：cannot write /out\n\n"
                + "各次运行：./pb-annex history\n", FailureNotice.backToNormalBody("nightly", "2022-23", good, failures, words));
        var badPattern = new FailureNotice.Words(w -> w.equals("date_time") ? Text.of("y 'unclosed") : words.word().apply(w),
                Language.ZH, null, List.of());
        assertTrue(FailureNotice.backToNormalBody("nightly", "2022-23", good, failures.subList(0, 1), badPattern)
                .contains("此前在2026-12-03T02:30:05.123Z 有一次失败：\n- 2026-12-03T02:30:05.123Z 退出状态 4：2 checks failed\n"));
    }
}
