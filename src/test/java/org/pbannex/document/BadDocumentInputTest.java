package org.pbannex.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pbannex.BadInput;
import org.pbannex.CsvLines;
import org.pbannex.TestInputs;
import org.pbannex.ingest.InputError;
import org.pbannex.publication.Publication;
import org.pbannex.reference.Biennium;
import org.pbannex.table.CheckResult;

/**
 * Bad input for the document tables (and Figure 2's as-of date): each is refused with the file, line, column and reason (exit status 3 on the
 * command line), and a Table II.1 link that contradicts Appendix I fails its check (exit status 4).
 */
class BadDocumentInputTest {

    @TempDir
    Path tmp;
    Path input;

    @BeforeEach
    void copyInput() throws IOException {
        input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
    }

    /** An edit of one input file. */
    interface Edit {
        void apply(Path file) throws IOException;
    }

    /** One file of 2022-23 edited, and where and why computing the biennium is refused: line, column, words of the reason. */
    static Stream<Arguments> refusals() {
        return Stream.of(
                refusal("a financial period that is not a biennium", "supplementary_authorizations.csv",
                        f -> TestInputs.replaceLine(f, 3, "2011-2012,1796400"), 3, "financial_period", "'2011-2012' is not a financial period"),
                refusal("periods out of order", "supplementary_authorizations.csv",
                        f -> TestInputs.replaceLine(f, 3, "2008-2009,1796400"), 3, "financial_period", "oldest first"),
                refusal("a period not past", "supplementary_authorizations.csv", f -> {
                    TestInputs.replaceLine(f, 3, "2012-2013,1796400");
                    TestInputs.replaceLine(f, 6, "2022-2023,5216301");
                }, 6, "financial_period", "not before the biennium 2022-2023"),
                refusal("an outcome that is not a policy outcome", "sdg_targets.csv",
                        f -> TestInputs.replaceLine(f, 3, TestInputs.line(f, 3).replaceAll(",8$", ",8 A")), 3, "outcomes",
                        "'A' is not a policy outcome of results_outcomes.csv"),
                refusal("an indicator outside its target", "sdg_indicators.csv",
                        f -> TestInputs.replaceLine(f, 2, TestInputs.line(f, 2).replaceFirst("^1\\.1\\.1,1\\.1,", "1.1.1,1.3,")), 2, "sdg_indicator",
                        "indicator 1.1.1 is not numbered under its target 1.3"),
                refusal("an unknown link", "sdg_indicators.csv",
                        f -> TestInputs.replaceLine(f, 2, TestInputs.line(f, 2).replace("impact-working-poverty-rate", "no-such-indicator")),
                        2, "results_indicator", "unknown indicator 'no-such-indicator'"),
                refusal("a risk numbered out of order", "strategic_risks.csv",
                        f -> TestInputs.edit(f, s -> s.replaceFirst("\n2,", "\n3,").replaceFirst("\n3,(?=联合国)", "\n2,")), 3, "risk",
                        "risk 3 where 2 was expected"),
                refusal("an as-of date that is not a date", "expenditure_as_of.csv",
                        f -> TestInputs.replaceLine(f, 2, "2020-21,2021-02-30"), 2, "as_of", "'2021-02-30' is not a date (YYYY-MM-DD)"));
    }

    private static Arguments refusal(String what, String file, Edit edit, int line, String column, String reason) {
        return Arguments.of(what, file, edit, line, column, reason);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void badInputIsRefusedNamingFileLineColumnAndReason(String what, String file, Edit edit, int line, String column, String reason)
            throws IOException {
        edit.apply(input.resolve("2022-23").resolve(file));
        InputError e = BadInput.refusedAt(input, "2022-23/" + file, line, column);
        assertTrue(e.reason().contains(reason), e.reason());
    }

    @Test
    void aLinkThatContradictsAppendixIFailsItsChecks() throws IOException {
        // 8.5.2 (unemployment) linked to the child labour indicator of outcome 7, under a target for all outcomes.
        Path f = input.resolve("2022-23/sdg_indicators.csv");
        TestInputs.edit(f, s -> s.replace(",impact-unemployment-rate", ",o7-child-labour"));
        List<CheckResult> failures = Publication.compute(input, new Biennium(2022)).checks().failures();
        assertEquals(List.of("ii1.results_indicator_cites_sdg_code"), failures.stream().map(CheckResult::name).toList());
        assertEquals("8.5.2", failures.get(0).row());
        // Where to look: the indicator's printed text against the SDG indicator's line that links it.
        Path indicators = input.resolve("2022-23/results_indicators.csv");
        String childLabour = indicators + ", line " + CsvLines.of(indicators, r -> r[0].equals("o7-child-labour"));
        String link = f + ", line " + CsvLines.of(f, r -> r[0].equals("8.5.2"));
        assertEquals("see " + childLabour + ", column indicator_zh; against " + link + ", columns sdg_indicator, results_indicator",
                failures.get(0).inputs());
        // The same indicator under a target that outcome 7 does not serve also fails the outcome check.
        Path targets = input.resolve("2022-23/sdg_targets.csv");
        TestInputs.edit(targets, s -> s.replaceFirst("(?m)^(8\\.5,.*),ALL$", "$1,3 5"));
        // (8.5.1 is an impact indicator: its target must serve all outcomes.)
        failures = Publication.compute(input, new Biennium(2022)).checks().failures();
        assertEquals(List.of("ii1.indicator_outcome_serves_target", "ii1.results_indicator_cites_sdg_code",
                        "ii1.indicator_outcome_serves_target"), failures.stream().map(CheckResult::name).toList());
        // The link and the target's outcomes against the indicator's outcome.
        assertEquals("see " + link + ", columns sdg_target, results_indicator; " + targets + ", line "
                + CsvLines.of(targets, r -> r[0].equals("8.5")) + ", column outcomes; against " + childLabour + ", column outcome",
                failures.get(2).inputs());
    }

    /**
     * An SDG indicator linked to no Appendix I indicator names its own line of sdg_indicators.csv, not the records of the
     * Appendix I indicator its code happens to be the id of (1.1.1).
     */
    @Test
    void anUnlinkedSdgIndicatorNamesItsLine() throws IOException {
        Path f = input.resolve("2022-23/sdg_indicators.csv");
        TestInputs.edit(f, s -> s.replace(",impact-working-poverty-rate\n", ",\n"));
        List<CheckResult> failures = Publication.compute(input, new Biennium(2022)).checks().failures();
        assertEquals(List.of("ii1.sdg_indicator_in_results_framework"), failures.stream().map(CheckResult::name).toList());
        assertEquals("see " + f + ", line " + CsvLines.of(f, r -> r[0].equals("1.1.1")) + ", column results_indicator",
                failures.get(0).inputs());
    }
}
