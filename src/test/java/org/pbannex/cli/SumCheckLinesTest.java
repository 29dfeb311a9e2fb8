package org.pbannex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.CliRun;
import org.pbannex.CsvLines;
import org.pbannex.TestInputs;

/**
 * A sum check broken by one input figure names, as where to look, the input lines and fields on each side of the sum:
 * annex 3's holdings against their budget lines, the regional targets table's rows and totals against the indicators'
 * stated totals, and the indicators counted per level against the stated count. The lines expected are found here by
 * reading the CSV files, not by the code that names them.
 */
class SumCheckLinesTest {

    @TempDir
    Path tmp;
    Path input;
    Path budget;
    Path rbtc;
    Path indicators;
    Path regional;

    @BeforeEach
    void copyInput() throws IOException {
        input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        budget = input.resolve("2022-23/budget.csv");
        rbtc = input.resolve("2022-23/rbtc.csv");
        indicators = input.resolve("2022-23/results_indicators.csv");
        regional = input.resolve("2022-23/results_regional_targets.csv");
    }

    /** RBTC held for a budget unit (POL's, for the RBTC unit) against that unit's line of budget.csv. */
    @Test
    void aHoldingAgainstItsBudgetUnitNamesBothLines() throws IOException {
        TestInputs.edit(rbtc, s -> s.replace("\nPOL,6680242,", "\nPOL,6680243,"));
        assertEquals("see " + rbtc + ", line " + CsvLines.of(rbtc, r -> r[0].equals("POL")) + ", column constant; against " + budget
                + ", line " + CsvLines.of(budget, r -> r[0].equals("RBTC")) + ", columns staff_costs, non_staff_costs",
                where("a3.equals_budget_unit.constant"));
    }

    /** RBTC held by a unit beyond the unit's non-staff costs: the holding's line against the unit's. */
    @Test
    void aHoldingBeyondItsHoldersNonStaffCostsNamesBothLines() throws IOException {
        TestInputs.edit(rbtc, s -> s.replace("\nAFRICA,9347786,", "\nAFRICA,999347786,"));
        assertEquals("see " + rbtc + ", line " + CsvLines.of(rbtc, r -> r[0].equals("AFRICA")) + ", column constant; against " + budget
                + ", line " + CsvLines.of(budget, r -> r[0].equals("AFRICA")) + ", column non_staff_costs",
                where("a3.within_non_staff_costs"));
    }

    /**
     * A regional target that no longer adds up to its indicator's total: the rt row of the indicator's outcome and unit
     * of count, and the total of that unit, each name their indicators' regional targets against the indicators' lines.
     */
    @Test
    void theRegionalTargetsTableNamesItsIndicatorsLines() throws IOException {
        TestInputs.edit(regional, s -> s.replace("\n1.1.1,AF,7\n", "\n1.1.1,AF,8\n"));
        List<String[]> rows = CsvLines.rows(indicators);
        List<String> header = Arrays.asList(rows.get(0));
        int outcome = header.indexOf("outcome");
        int unitColumn = header.indexOf("target_unit");
        String unit = rows.stream().filter(r -> r[0].equals("1.1.1")).findFirst().orElseThrow()[unitColumn];
        Set<String> split = CsvLines.rows(regional).stream().skip(1).map(r -> r[0]).collect(Collectors.toSet());
        for (String row : List.of("1." + unit, "ALL." + unit)) {
            Predicate<String[]> counted = r -> split.contains(r[0]) && r[unitColumn].equals(unit)
                    && (row.startsWith("ALL.") || r[outcome].equals("1"));
            Set<String> ids = rows.stream().skip(1).filter(counted).map(r -> r[0]).collect(Collectors.toSet());
            assertTrue(ids.contains("1.1.1") && ids.size() > 1, ids.toString());
            assertEquals("see " + regional + ", lines " + CsvLines.of(regional, r -> ids.contains(r[0])) + ", column count; against "
                    + indicators + ", lines " + CsvLines.of(indicators, r -> ids.contains(r[0])) + ", column target_total",
                    where("rt.regions_add_up [table rt, row " + row + "]"));
        }
        // The indicator's own check: its regional targets against its total.
        assertEquals("see " + regional + ", lines " + CsvLines.of(regional, r -> r[0].equals("1.1.1")) + ", column count; against "
                + indicators + ", line " + CsvLines.of(indicators, r -> r[0].equals("1.1.1")) + ", column target_total",
                where("results.regional_sum"));
    }

    /** A level's stated count of indicators against the indicators of that level. */
    @Test
    void aLevelsStatedCountNamesTheIndicatorsOfTheLevel() throws IOException {
        Path levels = input.resolve("2022-23/results_levels.csv");
        TestInputs.edit(levels, s -> s.replace("\nimpact,4,", "\nimpact,5,"));
        int level = Arrays.asList(CsvLines.rows(indicators).get(0)).indexOf("level");
        assertEquals("see " + indicators + ", lines " + CsvLines.of(indicators, r -> r[level].equals("impact")) + ", column level; against "
                + levels + ", line " + CsvLines.of(levels, r -> r[0].equals("impact")) + ", column stated_count",
                where("results.level_count"));
    }

    /** What {@code check --verbose} says where to look for the first failed check whose line contains {@code check}. */
    private String where(String check) {
        CliRun r = CliRun.capture(Map.of(), "check", "--verbose", "--input", input.toString());
        assertEquals(4, r.status(), r.toString());
        String line = r.out().lines().filter(l -> l.startsWith("FAILED") && l.contains(check)).findFirst()
                .orElseThrow(() -> new AssertionError("no failed " + check + ": " + r));
        int see = line.indexOf("; see ");
        assertTrue(see > 0, line);
        return line.substring(see + 2);
    }
}
