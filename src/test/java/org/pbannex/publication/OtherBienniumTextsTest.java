package org.pbannex.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.BundledCounts;
import org.pbannex.CliRun;
import org.pbannex.Golden;
import org.pbannex.TestInputs;
import org.pbannex.ingest.InputSet;
import org.pbannex.publish.ReportWords;
import org.pbannex.reference.Biennium;

/**
 * A new biennium started as README says, from a copy of 2022-23's folder whose years check requires are moved on, still
 * publishes 2022-23's texts: "Milestones set for 2022-23 met or exceeded" among 2024-25's targets, the risk register's
 * "operations in 2022-23". Check warns of each, a line naming file, line and column, and passes; the bundled input,
 * whose texts name their own biennium, baselines' periods and plans of several years, is warned of nothing.
 */
class OtherBienniumTextsTest {

    @TempDir
    Path tmp;

    /** The warnings of 2024-25 copied from 2022-23, as check says them (the folder named as the test's). */
    private static final List<String> COPIED = List.of(
            "pb-annex: warning: input/2024-25/results_indicators.csv, line 102, column target_zh: '达到或超越为 2022-2023 年设定的里程碑。' "
                    + "names 2022-2023, as the same text of input/2022-23/results_indicators.csv, line 102 does, but the folder is "
                    + "2024-25's: a text copied with 2022-23's folder still names its years; where the text speaks of this "
                    + "biennium, write 2024-25's (2024-2025)",
            "pb-annex: warning: input/2024-25/results_indicators.csv, line 102, column target_en: 'Milestones set for 2022-23 met or "
                    + "exceeded.' names 2022-23, as the same text of input/2022-23/results_indicators.csv, line 102 does, but the "
                    + "folder is 2024-25's: a text copied with 2022-23's folder still names its years; where the text speaks of this "
                    + "biennium, write 2024-25's (2024-2025)",
            "pb-annex: warning: input/2024-25/results_indicators.csv, line 106, column target_zh: '达到或超越为 2022-2023 年设定的里程碑。' "
                    + "names 2022-2023, as the same text of input/2022-23/results_indicators.csv, line 102 does, but the folder is "
                    + "2024-25's: a text copied with 2022-23's folder still names its years; where the text speaks of this "
                    + "biennium, write 2024-25's (2024-2025)",
            "pb-annex: warning: input/2024-25/results_indicators.csv, line 106, column target_en: 'Milestones set for 2022-23 met or "
                    + "exceeded.' names 2022-23, as the same text of input/2022-23/results_indicators.csv, line 102 does, but the "
                    + "folder is 2024-25's: a text copied with 2022-23's folder still names its years; where the text speaks of this "
                    + "biennium, write 2024-25's (2024-2025)",
            "pb-annex: warning: input/2024-25/strategic_risks.csv, line 14, column comments_zh: 'COVID-19 疫情有可能在 2022-2023 年间造成运营中断。联合国的房舍和工作人员容易受…' "
                    + "names 2022-2023, as the same text of input/2022-23/strategic_risks.csv, line 14 does, but the folder is "
                    + "2024-25's: a text copied with 2022-23's folder still names its years; where the text speaks of this "
                    + "biennium, write 2024-25's (2024-2025)",
            "pb-annex: warning: input/2024-25/strategic_risks.csv, line 14, column comments_en: '…disrupt operations in 2022-23. United "
                    + "Nations…' names 2022-23, as the same text of input/2022-23/strategic_risks.csv, "
                    + "line 14 does, but the folder is 2024-25's: a text copied with 2022-23's folder still names its years; where "
                    + "the text speaks of this biennium, write 2024-25's (2024-2025)");

    private static List<String> warnings(CliRun r, Path input) {
        return r.err().lines().filter(l -> l.contains("warning: ")).map(l -> l.replace(input.toString(), "input")).toList();
    }

    @Test
    void aFolderCopiedFromTheBienniumBeforeIsWarnedOfEachTextThatStillNamesItsYears() throws IOException {
        Path input = TestInputs.withBienniaUpTo(tmp.resolve("input"), 2024);
        CliRun r = CliRun.run(null, "check", "--input", input.toString(), "--biennium", "2024-25");
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().startsWith("2024-25: "), r.toString());
        BundledCounts.assertLine("2024-25: " + BundledCounts.tablesWord() + ", ", r.out());
        assertEquals(COPIED, warnings(r, input), r.toString());

        // Each mended as the warning says: the next check says the others only. A text the biennium words itself that
        // names 2022-23, the one before (a restatement's note), is no copy: not warned of.
        Path indicators = input.resolve("2024-25/results_indicators.csv");
        TestInputs.edit(indicators, s -> s.replace("为 2022-2023 年设定", "为 2024-2025 年设定").replace("set for 2022-23", "set for 2024-25"));
        TestInputs.edit(input.resolve("2024-25/reference/texts.csv"), s -> s.replaceFirst("(?m)^t1\\.footnote\\.1,.*$",
                "t1.footnote.1,* 2022-2023 年的数字已按 2024-2025 年的结构重报。,* The figures for 2022-23 are restated to 2024-25's structure."));
        CliRun mended = CliRun.run(null, "check", "--input", input.toString(), "--biennium", "2024-25");
        assertEquals(0, mended.status(), mended.toString());
        assertEquals(COPIED.subList(4, 6), warnings(mended, input), mended.toString());
    }

    /**
     * A run publishes the texts as they are (a warning stops nothing), says each warning after its line, and its report
     * lists them with what to read before use, in the report's language.
     */
    @Test
    void aRunPublishesAndItsReportListsTheWarnings() throws IOException {
        Path input = TestInputs.withBienniaUpTo(tmp.resolve("input"), 2024);
        Path out = tmp.resolve("out");
        CliRun r = CliRun.run(tmp.resolve("db"), "run", "nightly", "--input", input.toString(), "--output", out.toString(),
                "--biennium", "2024-25", "--format", "csv", "--lang", "zh,en");
        assertEquals(0, r.status(), r.toString());
        assertEquals(COPIED, warnings(r, input), r.toString());
        Path run = Path.of(r.out().lines().filter(l -> l.startsWith("Published: ")).findFirst().orElseThrow().substring(11).split("  ")[0]);
        String report = java.nio.file.Files.readString(run.resolve("report.html")).replace(input.toString(), "input")
                .replace("&#39;", "'");
        assertTrue(report.contains("<h2>请核对的文本：已按原样发布</h2>"), report);
        assertTrue(report.contains("<li>输入文件 input/2024-25/results_indicators.csv 第 102 行 target_en 列：'Milestones set for "
                + "2022-23 met or exceeded.' 指的是 2022-23，与 input/2022-23/results_indicators.csv 第 102 行的同一文本相同，但该文件夹"
                + "属于 2024-25：随 2022-23 的文件夹复制来的文本仍写着那个两年期的年份；文本说的若是本两年期，请写 2024-25 的年份（2024-2025）</li>"),
                report);
        assertEquals(COPIED.size(), report.split("<li>输入文件 input/2024-25/", -1).length - 1, report);
    }

    /**
     * The years written in other ways (2022–23, 2022年-2023年) are found as well, in words edited around the copied ones;
     * a biennium after the folder's is warned of with no folder of its own to be copied from, one before it only where
     * its folder holds the words. A year alone is not (a target's "by 2025" is copied word for word, rightly).
     */
    @Test
    void yearsWrittenOtherwiseAndALaterBiennium() throws IOException {
        Path input = TestInputs.withBienniaUpTo(tmp.resolve("input"), 2024);
        // 2022-23's own words name its years so, and 2024-25 keeps them as copied.
        for (Path f : List.of(input.resolve("2022-23/strategic_risks.csv"), input.resolve("2024-25/strategic_risks.csv"))) {
            TestInputs.edit(f, s -> s.replace("有可能在 2022-2023 年间", "有可能在 2022年-2023年间").replace("operations in 2022-23.",
                    "operations in 2022\u201323. Its offices plan to reopen by the end of 2023."));
        }
        TestInputs.edit(input.resolve("2024-25/results_indicators.csv"), s -> s.replace("为 2022-2023 年设定", "为 2026-2027 年设定")
                .replace("set for 2022-23", "set for 2018-19"));
        List<String> lines = OtherBienniumTexts.of(InputSet.load(input, "2024-25")).stream()
                .map(w -> w.english().replace(input.toString(), "input")).toList();
        assertEquals(4, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).startsWith("input/2024-25/results_indicators.csv, line 102, column target_zh: '达到或超越为 2026-2027 "
                + "年设定的里程碑。' names 2026-2027, a biennium after 2024-25, the folder's: a text copied from a later biennium's "
                + "folder still names its years; "), lines.get(0));
        assertTrue(lines.get(1).startsWith("input/2024-25/results_indicators.csv, line 106, column target_zh: "), lines.get(1));
        // (2018-19, named in target_en, has no folder in the input: no words of its own to be copied from.)
        assertTrue(lines.get(2).startsWith("input/2024-25/strategic_risks.csv, line 14, column comments_zh: 'COVID-19 疫情有可能在 "
                + "2022年-2023年间造成运营中断。联合国的房舍和工作人员容易受到…' names 2022年-2023年, as the same text of "
                + "input/2022-23/strategic_risks.csv, line 14 does"), lines.get(2));
        assertTrue(lines.get(3).startsWith("input/2024-25/strategic_risks.csv, line 14, column comments_en: '…disrupt operations "
                + "in 2022\u201323. Its offices plan to…' names 2022\u201323, as the same text of "
                + "input/2022-23/strategic_risks.csv, line 14 does"), lines.get(3));

        // Its biennium mended, the year alone left as copied: no warning.
        TestInputs.edit(input.resolve("2024-25/strategic_risks.csv"), s -> s.replace("operations in 2022\u201323.",
                "operations in 2024-25."));
        assertEquals(3, OtherBienniumTexts.of(InputSet.load(input, "2024-25")).size());
        // 2022-23, from which 2024-25 was copied, names 2022-23 and its targets' years (by 2025, as 2024-25's copy does).
        assertEquals(List.of(), OtherBienniumTexts.of(InputSet.load(input, "2022-23")));

        // The Chinese report's line says it in Chinese.
        ReportWords words = ReportWords.read(input, new Biennium(2024));
        var w = OtherBienniumTexts.of(InputSet.load(input, "2024-25")).get(0);
        String zh = words.sentence(w.said(), w.english()).zh().replace(input.toString(), "input");
        assertTrue(zh.startsWith("输入文件 input/2024-25/results_indicators.csv 第 102 行 target_zh 列：'达到或超越为 2026-2027 年设定的"
                + "里程碑。' 指的是 2026-2027，是该文件夹的两年期 2024-25 之后的两年期"), zh);
    }

    /** The bundled input names its own biennium, its baselines' periods (2018-2019) and plans of several years: no warning. */
    @Test
    void theBundledInputIsWarnedOfNothing() {
        assertEquals(List.of(), OtherBienniumTexts.of(InputSet.load(Golden.input(), "2022-23")));
        CliRun r = CliRun.run(null, "check", "--input", Golden.input().toString());
        assertEquals(0, r.status(), r.toString());
        assertFalse(r.err().contains("warning"), r.toString());
    }
}
