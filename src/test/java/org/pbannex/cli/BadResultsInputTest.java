package org.pbannex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pbannex.BundledCounts;
import org.pbannex.CliRun;
import org.pbannex.Lines;
import org.pbannex.TestInputs;

/**
 * Bad results-framework input: each case stops the run with one line on stderr (file, line, column and reason for
 * invalid input, exit 3; the failed identity with its figures for a split that does not add up, exit 4) and
 * publishes nothing.
 */
class BadResultsInputTest {

    @TempDir
    Path tmp;
    Path indicators;
    Path baselines;
    Path regional;

    @BeforeEach
    void copyInput() throws IOException {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        indicators = input.resolve("2022-23/results_indicators.csv");
        baselines = input.resolve("2022-23/results_baselines.csv");
        regional = input.resolve("2022-23/results_regional_targets.csv");
    }

    /**
     * Invalid input is found by {@code check} as by a run (the same validation, without a database or Spring: fast);
     * a failed check (status 4) goes through a whole run, which must publish nothing.
     */
    private String rejected(int status, String... expectedParts) throws IOException {
        CliRun r = status == 3 ? CliRun.capture(Map.of(), "check", "--input", tmp.resolve("input").toString())
                : CliRun.run(tmp.resolve("db"), "run", "nightly", "--input", tmp.resolve("input").toString(), "--output",
                tmp.resolve("out").toString());
        String line = org.pbannex.FailedRuns.assertFailed(r, tmp.resolve("out"), status);
        for (String part : expectedParts) {
            assertTrue(line.contains(part), "stderr should contain '" + part + "': " + line);
        }
        return line;
    }

    /** 1-based line number of the first line starting with the prefix. */
    private static int lineOf(Path file, String prefix) throws IOException {
        int index = Lines.firstStartingWith(Files.readAllLines(file, StandardCharsets.UTF_8), prefix);
        if (index < 0) {
            throw new AssertionError("no line starting " + prefix + " in " + file);
        }
        return index + 1;
    }

    @Test
    void regionalSplitThatDoesNotAddUpIsAFailedCheck() throws IOException {
        TestInputs.edit(regional, s -> s.replace("1.1.1,AF,7\n", "1.1.1,AF,8\n"));
        int first = lineOf(regional, "1.1.1,AF,");
        // Where to look: the indicator's five regional targets' lines against its line's stated total.
        rejected(4, "results.regional_sum", "table i2", "row 1.1.1", "target_total 24", "regional sum 25",
                "AF 8 + AM 7 + AS 1 + AP 6 + EU 3", "; see " + regional + ", lines " + first + "-" + (first + 4) + ", column count; against "
                + indicators + ", line " + lineOf(indicators, "1.1.1,") + ", column target_total");
    }

    /** A printed baseline that no longer says its figures names the baseline's line and the fields compared. */
    @Test
    void aBaselineTextThatDisagreesWithItsFiguresNamesItsLine() throws IOException {
        int line = lineOf(baselines, "impact-working-poverty-rate,1,");
        TestInputs.edit(baselines, s -> s.replace("impact-working-poverty-rate,1,7.4,%,2018,false,7.4% (2018 年),",
                "impact-working-poverty-rate,1,7.4,%,2018,false,7.5% (2018 年),"));
        CliRun r = CliRun.capture(Map.of(), "check", "--verbose", "--input", tmp.resolve("input").toString());
        assertEquals(4, r.status(), r.toString());
        String failed = r.out().lines().filter(l -> l.startsWith("FAILED") && l.contains("results.baseline_text")).findFirst().orElse(r.toString());
        assertTrue(failed.endsWith("; see " + baselines + ", line " + line + ", columns value, unit, year, estimate, text_zh"), failed);
    }

    /**
     * Invalid input, one edit of one file: the run is refused naming the file (under the biennium's folder), the edited
     * line (the first starting so, after the edit; none for a row added at the end), the column and the reason.
     */
    static Stream<Arguments> invalidInput() {
        return Stream.of(
                invalid("unknown outcome", "results_indicators.csv",
                        s -> s.replace("1.1.1,1.1.1,policy_output,1,1.1,", "1.1.1,1.1.1,policy_output,9,1.1,"),
                        "1.1.1,", "outcome", "unknown outcome '9'"),
                invalid("unknown output", "results_indicators.csv",
                        s -> s.replace("1.1.2,1.1.2,policy_output,1,1.1,", "1.1.2,1.1.2,policy_output,1,1.9,"),
                        "1.1.2,", "output", "unknown output '1.9'"),
                invalid("output under another outcome", "results_indicators.csv",
                        s -> s.replace("1.1.2,1.1.2,policy_output,1,1.1,", "1.1.2,1.1.2,policy_output,2,1.1,"),
                        "1.1.2,", "output", "output 1.1 is under outcome 1, not 2"),
                invalid("malformed baseline year", "results_baselines.csv",
                        s -> s.replace("1.1.1,2,24,,2021,true,", "1.1.1,2,24,,21,true,"),
                        "1.1.1,2,", "year", "'21' is not what this column takes: Year or period of the value (2019, 2018-2019)"),
                invalid("baseline period that ends before it starts", "results_baselines.csv",
                        s -> s.replace("2.3.1,1,38,%,2018-2019,", "2.3.1,1,38,%,2019-2018,"),
                        "2.3.1,1,", "year", "does not end after it starts"),
                invalid("duplicate indicator", "results_indicators.csv",
                        s -> s.replaceFirst("(?m)^1\\.1\\.2,1\\.1\\.2,", "1.1.1,1.1.2,"),
                        "1.1.1,1.1.2,", null, "duplicate indicator"),
                invalid("duplicate printed code", "results_indicators.csv",
                        s -> s.replaceFirst("(?m)^1\\.1\\.2,1\\.1\\.2,", "1.1.2,1.1.1,"),
                        "1.1.2,1.1.1,", "code", "duplicate indicator code 1.1.1"),
                // Both languages' text gone (one alone is refused before: the other edition would lack it).
                invalid("empty target for a countable indicator", "results_indicators.csv",
                        s -> s.replace("24 个组织(非洲 7 个、美洲 7 个、阿拉伯国家 1 个、亚太 6 个、欧洲和中亚 3 个)。", "")
                                .replace("\"24 organizations (Africa 7, Americas 7, Arab States 1, Asia and the Pacific 6, Europe and Central Asia 3).\"", ""),
                        "1.1.1,", "target_zh", "countable target (24) but no target text"),
                invalid("regional target for a region targets are not split by", "results_regional_targets.csv",
                        s -> s + "1.1.1,GL,1\n", null, "region", "targets are not split by region GL"));
    }

    private static Arguments invalid(String what, String file, UnaryOperator<String> edit, String editedLine, String column,
                                     String reason) {
        return Arguments.of(what, file, edit, editedLine, column, reason);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidInput")
    void invalidInputIsRefusedNamingFileLineColumnAndReason(String what, String file, UnaryOperator<String> edit, String editedLine,
                                                            String column, String reason) throws IOException {
        Path f = tmp.resolve("input/2022-23").resolve(file);
        TestInputs.edit(f, edit);
        List<String> parts = new ArrayList<>(List.of("input/2022-23/" + file, reason));
        if (editedLine != null) {
            parts.add("line " + lineOf(f, editedLine));
        }
        if (column != null) {
            parts.add("column " + column);
        }
        rejected(3, parts.toArray(String[]::new));
    }

    /**
     * Found by an exploratory test: only the target text's numbers were checked, so counts given to the wrong regions,
     * or to a region of no list (南极洲), passed every check and were published beside the figures they contradict. Each
     * count is now checked with the name before it: the region's name in the target texts (亚太, regions.csv), its label
     * (亚洲和太平洋) or its short name, each accepted.
     */
    @Test
    void targetTextGivingItsCountsToOtherRegionsIsAFailedCheck() throws IOException {
        TestInputs.edit(indicators, s -> s.replace("25 个成员国(非洲 5 个、美洲 8 个、", "25 个成员国(美洲 5 个、非洲 8 个、")
                .replace("25 member States (Africa 5, Americas 8,", "25 member States (Africa 5, Antarctica 8,")
                .replace("24 个组织(非洲 7 个、美洲 7 个、阿拉伯国家 1 个、亚太 6 个", "24 个组织(非洲 7 个、美洲 7 个、阿拉伯国家 1 个、亚洲和太平洋 6 个"));
        CliRun r = CliRun.capture(Map.of(), "check", "--input", tmp.resolve("input").toString());
        assertEquals(4, r.status(), r.toString());
        int line = lineOf(indicators, "1.3.1,");
        int first = lineOf(regional, "1.3.1,AF,");
        assertTrue(r.out().contains("FAILED   results.target_text_zh [table i2, row 1.3.1]: expected [25, 非洲 5, 美洲 8, 阿拉伯国家 2, "
                + "亚太 5, 欧洲和中亚 5], actual [25, 美洲 5, 非洲 8, 阿拉伯国家 2, 亚太 5, 欧洲和中亚 5]; see " + indicators + ", line " + line
                + ", column target_zh; against " + indicators + ", line " + line + ", column target_total; " + regional + ", lines "
                + first + "-" + (first + 4) + ", column count; " + tmp.resolve("input/reference/regions.csv")
                + ", lines 2-6, columns label_zh, target_name_zh\n"), r.out());
        assertTrue(r.out().contains("FAILED   results.target_text_en [table i2, row 1.3.1]: expected [25, Africa 5, Americas 8, "
                + "Arab States 2, Asia and the Pacific 5, Europe and Central Asia 5], actual [25, Africa 5, Antarctica 8, Arab States 2, "
                + "Asia and the Pacific 5, Europe and Central Asia 5]; "), r.out());
        // 1.1.1's 亚洲和太平洋 passes: the two failures are all the checks that do not.
        BundledCounts.assertLine("2022-23: " + BundledCounts.tablesWord() + ", " + (BundledCounts.checks() - 2) + " checks passed, 2 failed", r.out());
    }

    @Test
    void targetTextThatContradictsItsFigures() throws IOException {
        TestInputs.edit(indicators, s -> s.replace("24 个组织(非洲 7 个、美洲 7 个", "24 个组织(非洲 7 个、美洲 8 个"));
        int line = lineOf(indicators, "1.1.1,");
        int first = lineOf(regional, "1.1.1,AF,");
        // Where to look: the printed text against the figures typed for it, not the indicator's baselines.
        rejected(4, "results.target_text_zh", "row 1.1.1", "[24, 非洲 7, 美洲 7, 阿拉伯国家 1, 亚太 6, 欧洲和中亚 3]", "[24, 非洲 7, 美洲 8, 阿拉伯国家 1, 亚太 6, 欧洲和中亚 3]; see " + indicators + ", line "
                + line + ", column target_zh; against " + indicators + ", line " + line + ", column target_total; " + regional
                + ", lines " + first + "-" + (first + 4) + ", column count");
    }

}
