package org.pbannex.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pbannex.Golden;
import org.pbannex.publication.ComputedPublication;
import org.pbannex.publication.Publication;
import org.pbannex.table.Row;
import org.pbannex.table.RowType;
import org.pbannex.table.Table;

/** Every cell of every budget table computed from input/ equals the printed table (../shared/golden). */
class GoldenBudgetTablesTest {

    static ComputedPublication pub;

    @BeforeAll
    static void compute() {
        pub = Publication.compute(Golden.input(), Publication.biennium(Golden.input(), null));
    }

    static List<Row> printed(Table t) {
        return t.rows().stream().filter(r -> r.type() != RowType.HEADING).toList();
    }

    static String cell(Row r, String col) {
        Object v = r.value(col);
        if (v == null) {
            return "";
        }
        return v instanceof BigDecimal d ? d.toPlainString() : v.toString();
    }

    static void assertRows(String table, List<Map<String, String>> golden, List<Row> rows, String[][] columnPairs,
                           List<String> failures) {
        assertEquals(golden.size(), rows.size(), table + ": row count");
        for (int i = 0; i < golden.size(); i++) {
            Map<String, String> g = golden.get(i);
            Row r = rows.get(i);
            for (String[] pair : columnPairs) {
                String expected = g.get(pair[0]);
                String actual = pair[1].equals("label_zh") ? r.label().zh() : cell(r, pair[1]);
                if (!expected.equals(actual)) {
                    failures.add(table + " row " + (i + 1) + " (" + r.label().zh() + ") " + pair[0] + ": printed '" + expected
                            + "', computed '" + actual + "'");
                }
            }
        }
    }

    @Test
    void annex1EveryCell() {
        List<Map<String, String>> golden = Golden.read("annex1_operational_budget.csv");
        List<Row> rows = printed(pub.tables().get("a1"));
        List<String> failures = new ArrayList<>();
        assertRows("a1", golden, rows, new String[][] {{"label_zh", "label_zh"}, {"staff_costs", "staff_costs"},
                {"non_staff_costs", "non_staff_costs"}, {"total", "total"}}, failures);
        for (int i = 0; i < golden.size(); i++) {
            Map<String, String> g = golden.get(i);
            Row r = rows.get(i);
            assertEquals(g.get("row_type"), r.type().code(), "a1 row type " + (i + 1));
            long prof = r.amount("prof");
            long gs = r.amount("gs");
            if (prof / 12 != Long.parseLong(g.get("prof_years")) || prof % 12 != Long.parseLong(g.get("prof_months"))
                    || gs / 12 != Long.parseLong(g.get("gs_years")) || gs % 12 != Long.parseLong(g.get("gs_months"))) {
                failures.add("a1 row " + (i + 1) + " work-years/months " + prof / 12 + "/" + prof % 12 + " " + gs / 12 + "/" + gs % 12);
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void annex2EveryCell() {
        List<String> failures = new ArrayList<>();
        List<Map<String, String>> golden = Golden.read("annex2_cost_increases.csv");
        List<Row> rows = printed(pub.tables().get("a2"));
        assertRows("a2", golden, rows, new String[][] {{"label_zh", "label_zh"}, {"budget_2020_21", "budget_previous"},
                {"constant_2022_23", "constant"}, {"programme_change", "programme_change"},
                {"programme_change_pct", "programme_change_pct"}, {"cost_change", "cost_change"},
                {"cost_change_pct", "cost_change_pct"}, {"recosted_2022_23", "recosted"}, {"pct_of_total", "pct_of_total"}},
                failures);
        for (int i = 0; i < golden.size(); i++) {
            assertEquals(golden.get(i).get("row_type"), rows.get(i).type().code(), "a2 row type " + (i + 1));
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void table1EveryCell() {
        List<String> failures = new ArrayList<>();
        assertRows("t1", Golden.read("table1_strategic_budget.csv"), printed(pub.tables().get("t1")),
                new String[][] {{"label_zh", "label_zh"}, {"budget_2020_21", "budget_previous"},
                        {"constant_2022_23", "constant"}, {"recosted_2022_23", "recosted"}}, failures);
        assertEquals(List.of(), failures);
    }

    @Test
    void tableA21EveryCell() {
        List<String> failures = new ArrayList<>();
        assertRows("a2-1", Golden.read("tableA2_1_regional_inflation.csv"), printed(pub.tables().get("a2-1")),
                new String[][] {{"region_zh", "label_zh"}, {"annual_inflation_pct", "rate_pct"}}, failures);
        assertEquals(List.of(), failures);
    }

    @Test
    void tableA22EveryCell() {
        List<String> failures = new ArrayList<>();
        assertRows("a2-2", Golden.read("tableA2_2_cost_by_object.csv"), printed(pub.tables().get("a2-2")),
                new String[][] {{"object_zh", "label_zh"}, {"constant_budget", "constant"},
                        {"cost_adjustment", "cost_adjustment"}, {"biennial_rate_pct", "rate_pct"}}, failures);
        assertEquals(List.of(), failures);
    }

    @Test
    void annex3EveryCell() {
        List<String> failures = new ArrayList<>();
        assertRows("a3", Golden.read("annex3_rbtc.csv"), printed(pub.tables().get("a3")),
                new String[][] {{"label_zh", "label_zh"}, {"constant_2022_23", "constant"},
                        {"recosted_2022_23", "recosted"}}, failures);
        assertEquals(List.of(), failures);
    }

    @Test
    void budgetResolutionEveryCell() {
        List<Map<String, String>> golden = Golden.read("budget_resolution.csv");
        List<Row> rows = printed(pub.tables().get("br"));
        List<String> failures = new ArrayList<>();
        assertRows("br", golden, rows, new String[][] {{"exp_2020_21_usd", "expenditure_previous"},
                {"exp_2022_23_usd", "expenditure"}, {"inc_2020_21_usd", "income_previous_usd"},
                {"inc_2020_21_chf", "income_previous_chf"}, {"inc_2022_23_usd", "income_usd"},
                {"inc_2022_23_chf", "income_chf"}}, failures);
        for (int i = 0; i < golden.size(); i++) {
            Map<String, String> g = golden.get(i);
            String label = (g.get("part_zh") + " " + g.get("item_zh")).trim();
            assertEquals(label, rows.get(i).label().zh(), "br label row " + (i + 1));
            Object item = rows.get(i).value("income_item");
            assertEquals(g.get("income_item_zh"), item == null ? "" : ((org.pbannex.table.Text) item).zh(), "br income item " + (i + 1));
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void everyReconciliationCheckPasses() {
        assertEquals(List.of(), pub.checks().failures());
        assertTrue(pub.checks().results().size() >= 650, "checks run: " + pub.checks().results().size());
    }
}
