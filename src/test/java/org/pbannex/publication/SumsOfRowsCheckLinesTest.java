package org.pbannex.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.CsvLines;
import org.pbannex.TestInputs;
import org.pbannex.budget.BudgetChecks;
import org.pbannex.budget.BudgetData;
import org.pbannex.ingest.InputSet;
import org.pbannex.reference.Biennium;
import org.pbannex.results.ResultsChecks;
import org.pbannex.results.ResultsFramework;
import org.pbannex.table.Checks;
import org.pbannex.table.Row;
import org.pbannex.table.Table;

/**
 * The checks no input can break, because both sides are built from the same input lines or the ingest refuses what
 * would: the sums (annex 1 and 2's roll-ups, Table 1's lines and running totals, the budget resolution, annex 3's and
 * A2-2's totals, the regional targets table's totals), annex 2's shares, annexes 1 and 2 having the same rows, printed
 * codes being unique, each output numbered under its outcome. A value or row broken in what the check reads, as a
 * builder's error would, fails the check, which names the input lines behind it: of the rows summed with the fields the
 * column is computed from, of a row only one annex has, of the indicators printing one code, of the output. The lines
 * expected are found here by reading the CSV files.
 */
class SumsOfRowsCheckLinesTest {

    @TempDir
    static Path tmp;
    static Path input;
    static InputSet in;
    static ComputedPublication computed;

    @BeforeAll
    static void compute() throws IOException {
        input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        in = Publication.ingest(input, new Biennium(2022));
        computed = Publication.compute(in, null, List.of());
    }

    @Test
    void budgetTablesNameTheirUnitsLines() throws IOException {
        Map<String, Table> tables = new HashMap<>(computed.tables());
        plusOne(tables, "a1", "GOV.subtotal", "staff_costs");
        plusOne(tables, "t1", "B", "recosted");
        plusOne(tables, "br", "part.II", "expenditure");
        plusOne(tables, "a3", "total", "constant");
        plusOne(tables, "a2-2", "total", "cost_adjustment");
        Checks checks = BudgetChecks.run(computed.reference(), BudgetData.from(in, computed.reference()), tables);
        Map<String, String> where = located(checks);

        Path budget = input.resolve("2022-23/budget.csv");
        String gov = budget + ", lines " + unitLines("group", "GOV");
        assertEquals("see " + gov + ", column staff_costs", where.get("a1.group_subtotal.staff_costs GOV.subtotal"));
        assertEquals("see " + gov + ", columns staff_costs, non_staff_costs", where.get("a1.staff_plus_non_staff GOV.subtotal"));
        assertEquals("see " + budget + ", lines " + unitLines("part", "I") + ", column staff_costs",
                where.get("a1.part_total.staff_costs part.I"));

        String recosted = ", columns staff_costs, non_staff_costs, cost_change";
        assertEquals("see " + budget + ", lines " + unitLines("line", "B") + recosted, where.get("t1.line_equals_annex2.recosted B"));
        assertEquals("see " + budget + ", lines " + unitLines("part", "I") + recosted, where.get("t1.running_total.recosted total.I"));
        String all = budget + ", lines 2-" + Files.readAllLines(budget).size();
        assertEquals("see " + all + recosted, where.get("t1.running_total.recosted total.IV"));

        assertEquals("see " + budget + ", line " + unitLines("part", "II") + recosted,
                where.get("br.part_estimate_equals_annex2_recosted part.II"));
        assertEquals("see " + all + recosted, where.get("br.sum.expenditure total"));

        Path rbtc = input.resolve("2022-23/rbtc.csv");
        assertEquals("see " + rbtc + ", lines 2-" + Files.readAllLines(rbtc).size() + ", column constant", where.get("a3.sum.constant total"));

        Path objects = input.resolve("2022-23/cost_by_object.csv");
        String adjustments = objects + ", lines 2-" + Files.readAllLines(objects).size() + ", column cost_adjustment";
        assertEquals("see " + adjustments, where.get("a2-2.sum_cost_adjustment total"));
        assertEquals("see " + adjustments + "; against " + all + ", column cost_change",
                where.get("a2-2.total_adjustment_equals_annex2_cost_change total"));
    }

    @Test
    void theRegionalTargetsTotalsNameTheirIndicatorsLines() throws IOException {
        Path indicators = input.resolve("2022-23/results_indicators.csv");
        Path regional = input.resolve("2022-23/results_regional_targets.csv");
        List<String[]> rows = CsvLines.rows(indicators);
        int unitColumn = Arrays.asList(rows.get(0)).indexOf("target_unit");
        Set<String> split = CsvLines.rows(regional).stream().skip(1).map(r -> r[0]).collect(Collectors.toSet());
        String unit = rows.stream().filter(r -> r[0].equals("1.1.1")).findFirst().orElseThrow()[unitColumn];
        Set<String> ids = rows.stream().skip(1).filter(r -> split.contains(r[0]) && r[unitColumn].equals(unit)).map(r -> r[0])
                .collect(Collectors.toSet());
        Map<String, Table> tables = new HashMap<>(computed.tables());
        plusOne(tables, "rt", "ALL." + unit, "target_AF");
        Checks checks = ResultsChecks.run(computed.reference(), ResultsFramework.from(in, computed.reference()), tables);
        Map<String, String> where = located(checks);
        assertEquals("see " + regional + ", lines " + CsvLines.of(regional, r -> ids.contains(r[0]) && r[1].equals("AF")) + ", column count",
                where.get("rt.outcomes_add_up ALL." + unit + "/target_AF"));
        assertEquals("see " + regional + ", lines " + CsvLines.of(regional, r -> ids.contains(r[0])) + ", column count; against " + indicators
                + ", lines " + CsvLines.of(indicators, r -> ids.contains(r[0])) + ", column target_total", where.get("rt.regions_add_up ALL." + unit));
    }

    @Test
    void aShareNamesItsRowsLinesAndTheGrandTotals() throws IOException {
        Map<String, Table> tables = new HashMap<>(computed.tables());
        set(tables, "a2", "ILC", "pct_of_total", v -> ((java.math.BigDecimal) v).add(java.math.BigDecimal.ONE));
        Map<String, String> where = located(BudgetChecks.run(computed.reference(), BudgetData.from(in, computed.reference()), tables));
        Path budget = input.resolve("2022-23/budget.csv");
        String recosted = ", columns staff_costs, non_staff_costs, cost_change";
        assertEquals("see " + budget + ", line " + CsvLines.of(budget, r -> r[0].equals("ILC")) + recosted + "; " + budget + ", lines 2-"
                + Files.readAllLines(budget).size() + recosted, where.get("a2.pct_of_total ILC"));
    }

    /**
     * A row annex 2 prints twice (the last unit of the governance organs, JUR) is named by its line of units.csv; the
     * first rows that then do not align, by the lines of both: JUR's against the group's line of groups.csv (annex 1's
     * subtotal), and their figures by their units' lines of budget.csv.
     */
    @Test
    void aRowOneAnnexHasMoreOftenIsNamedByItsReferenceLine() throws IOException {
        Map<String, Table> tables = new HashMap<>(computed.tables());
        Table a2 = tables.get("a2");
        List<Row> rows = new ArrayList<>();
        for (Row r : a2.rows()) {
            rows.add(r);
            if (r.key().equals("JUR")) {
                rows.add(r);
            }
        }
        tables.put("a2", withRows(a2, rows));
        Checks checks = BudgetChecks.run(computed.reference(), BudgetData.from(in, computed.reference()), tables);
        Map<String, String> where = located(checks);
        Path units = input.resolve("reference/units.csv");
        Path groups = input.resolve("reference/groups.csv");
        String jur = units + ", line " + CsvLines.of(units, r -> r[0].equals("JUR")) + ", column unit";
        assertEquals("see " + jur, where.get("a1_a2.row_count *"));
        var count = checks.failures().stream().filter(c -> c.name().equals("a1_a2.row_count")).findFirst().orElseThrow();
        assertTrue(count.actual().endsWith(" rows, a2 only: JUR") && !count.expected().contains("only"), count.describe());
        assertEquals("see " + jur + "; against " + groups + ", line " + CsvLines.of(groups, r -> r[0].equals("GOV")) + ", column group",
                where.get("a1_a2.rows_align JUR"));
        // The figures of rows that do not align: each row's units' lines (JUR's against the governance organs').
        Path budget = input.resolve("2022-23/budget.csv");
        assertEquals("see " + budget + ", line " + CsvLines.of(budget, r -> r[0].equals("JUR")) + ", columns staff_costs, non_staff_costs; against "
                + budget + ", lines " + unitLines("group", "GOV") + ", columns staff_costs, non_staff_costs", where.get("a1_a2.total_equals_constant JUR"));
    }

    /** Two indicators of a table printed with one code: the lines of both in results_indicators.csv. */
    @Test
    void aDuplicatedCodeNamesTheLinesOfEveryIndicatorPrintingIt() throws IOException {
        Map<String, Table> tables = new HashMap<>(computed.tables());
        set(tables, "i2", "1.1.2", "code", v -> "1.1.1");
        Map<String, String> where = located(ResultsChecks.run(computed.reference(), ResultsFramework.from(in, computed.reference()), tables));
        Path indicators = input.resolve("2022-23/results_indicators.csv");
        assertEquals("see " + indicators + ", lines " + CsvLines.of(indicators, r -> r[0].equals("1.1.1") || r[0].equals("1.1.2"))
                + ", column code", where.get("results.unique_codes *"));
    }

    /** An output placed under another outcome than its number says (the ingest refuses it): its line of results_outputs.csv. */
    @Test
    void anOutputOutsideItsOutcomeNamesItsLine() throws IOException {
        ResultsFramework rf = ResultsFramework.from(in, computed.reference());
        List<ResultsFramework.Output> outputs = rf.outputs().stream()
                .map(o -> o.code().equals("1.1") ? new ResultsFramework.Output(o.code(), "2", o.title()) : o).toList();
        Map<String, String> where = located(ResultsChecks.run(computed.reference(),
                new ResultsFramework(rf.levels(), rf.outcomes(), outputs, rf.indicators()), computed.tables()));
        Path file = input.resolve("2022-23/results_outputs.csv");
        assertEquals("see " + file + ", line " + CsvLines.of(file, r -> r[0].equals("1.1")) + ", columns output, outcome",
                where.get("results.output_in_outcome 1.1"));
    }

    /** Each failed check ("name row") with where to look, as a run locates them. */
    private static Map<String, String> located(Checks checks) {
        assertTrue(!checks.failures().isEmpty(), "the broken figure fails a check");
        FailedCheckInputs.locate(checks, in, computed.inputsByTable());
        Map<String, String> where = new LinkedHashMap<>();
        checks.failures().forEach(c -> where.put(c.name() + " " + c.row(), c.inputs()));
        return where;
    }

    /** The table with one figure one more than built. */
    private static void plusOne(Map<String, Table> tables, String id, String rowKey, String column) {
        set(tables, id, rowKey, column, v -> ((Number) v).longValue() + 1);
    }

    /** The table with one value changed from what was built. */
    private static void set(Map<String, Table> tables, String id, String rowKey, String column, UnaryOperator<Object> change) {
        Table t = tables.get(id);
        List<Row> rows = new ArrayList<>();
        for (Row r : t.rows()) {
            Map<String, Object> values = new LinkedHashMap<>(r.values());
            if (r.key().equals(rowKey)) {
                values.put(column, change.apply(r.value(column)));
            }
            rows.add(new Row(r.key(), r.type(), r.label(), r.level(), values, r.within()));
        }
        tables.put(id, withRows(t, rows));
    }

    private static Table withRows(Table t, List<Row> rows) {
        return new Table(t.id(), t.number(), t.title(), t.unitNote(), t.labelHeading(), t.columns(), rows, t.footnotes(),
                t.source(), t.wide(), t.tidy(), t.charts(), t.shortName(), t.caveat(), t.cellNotes());
    }

    /** The budget.csv lines of the units whose {@code field} in units.csv is {@code value}. */
    private static String unitLines(String field, String value) throws IOException {
        List<String[]> units = CsvLines.rows(input.resolve("reference/units.csv"));
        int column = Arrays.asList(units.get(0)).indexOf(field);
        Set<String> codes = units.stream().skip(1).filter(u -> u[column].equals(value)).map(u -> u[0]).collect(Collectors.toSet());
        return CsvLines.of(input.resolve("2022-23/budget.csv"), r -> codes.contains(r[0]));
    }
}
