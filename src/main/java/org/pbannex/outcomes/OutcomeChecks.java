package org.pbannex.outcomes;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pbannex.budget.BudgetLines;
import org.pbannex.budget.OperationalBudgetTable;
import org.pbannex.budget.StrategicBudgetTable;
import org.pbannex.reference.ReferenceData;
import org.pbannex.table.CheckResult.InputLines;
import org.pbannex.table.CheckResult.Lines;
import org.pbannex.table.Checks;
import org.pbannex.table.Money;
import org.pbannex.table.Row;
import org.pbannex.table.RowType;
import org.pbannex.table.Table;

/**
 * Table 2 and annex 4 against the budget: the outcome allocations add up to Table 1's policy-outcomes line less
 * support services; the previous biennium's printed outcome figures add up to the subtotal derived from the exact
 * budget; the shares the source states for an outcome do not exceed 100%. Each check names the input lines its two
 * sides sum (the allocations, the budget lines of the outcomes line's and support services' units, an outcome's
 * stated shares), so a failure points at them rather than at every file Table 2 is built from.
 */
public final class OutcomeChecks {

    // The input files (data package resources) the checks name lines of.
    static final String ALLOCATIONS = "outcome_allocations";
    static final String ALLOCATIONS_PREVIOUS = "outcome_allocations_previous";
    static final String CONTRIBUTORS = "outcome_contributors";
    static final String BUDGET = BudgetLines.BUDGET;

    private OutcomeChecks() {
    }

    public static Checks run(ReferenceData ref, OutcomeResources res, Map<String, Table> tables) {
        Checks c = new Checks();
        Table t2 = tables.get(StrategicFrameworkTable.ID);
        var f = StrategicFrameworkTable.LineFigures.from(res, tables.get("t1"), tables.get("a2"));
        // The budget lines Table 2's regular budget is derived from: the outcomes line's units and support services'.
        BudgetLines budgetLines = new BudgetLines(ref);
        Set<String> lineUnits = budgetLines.units(StrategicBudgetTable.ID, res.outcomesLine());
        Set<String> supportUnits = res.supportGroup().isEmpty() ? Set.of()
                : budgetLines.units(OperationalBudgetTable.ID, res.supportGroup() + ".subtotal");
        Set<String> bothUnits = new LinkedHashSet<>(lineUnits);
        bothUnits.addAll(supportUnits);
        InputLines allocations = InputLines.all(ALLOCATIONS, "total_usd");
        InputLines constant = new InputLines(BUDGET, "unit", bothUnits, List.of("staff_costs", "non_staff_costs"));
        InputLines previous = new InputLines(BUDGET, "unit", bothUnits, List.of("budget_previous"));
        c.equal("t2.outcomes_are_line_less_support", "t2", StrategicFrameworkTable.SUBTOTAL, Money.subtract(f.lineConstant(), f.supportConstant()),
                res.allocationTotal(), new Lines(List.of(allocations), List.of(constant)));
        var outcomeRows = t2.rows().stream().filter(r -> r.type() == RowType.UNIT && !r.key().equals(StrategicFrameworkTable.SUPPORT_SERVICES)).toList();
        c.equal("t2.previous_outcomes_add_up", "t2", StrategicFrameworkTable.SUBTOTAL, t2.row(StrategicFrameworkTable.SUBTOTAL).value("rb_previous"),
                StrategicFrameworkTable.sum(outcomeRows, "rb_previous"),
                new Lines(List.of(InputLines.all(ALLOCATIONS_PREVIOUS, "usd_millions")), List.of(previous)));
        for (String column : new String[] {"rb_previous", "rb"}) {
            BigDecimal parts = ((BigDecimal) t2.row(StrategicFrameworkTable.SUBTOTAL).value(column)).add((BigDecimal) t2.row(StrategicFrameworkTable.SUPPORT_SERVICES).value(column));
            // The subtotal of rb is the allocations'; of rb_previous, the budget's less support services.
            boolean current = column.equals("rb");
            InputLines support = new InputLines(BUDGET, "unit", supportUnits, current ? constant.columns() : previous.columns());
            InputLines line = new InputLines(BUDGET, "unit", lineUnits, support.columns());
            c.equal("t2.subtotal_plus_support_is_total", "t2", "total/" + column, t2.row(StrategicFrameworkTable.TOTAL).value(column), parts,
                    new Lines(current ? List.of(allocations, support) : List.of(previous), List.of(line)));
        }
        extraBudgetaryAddsUp(c, res, ref.biennium(), t2, outcomeRows);
        Table a4 = tables.get(OutcomeResourcesTable.ID);
        for (Row r : a4.rows()) {
            if (r.key().endsWith(".rest")) {
                BigDecimal rest = (BigDecimal) r.value("share_pct");
                String outcome = r.key().substring(0, r.key().length() - ".rest".length());
                c.isTrue("a4.stated_shares_within_100", "a4", r.key(), rest.signum() >= 0, "stated shares <= 100%",
                        "not itemised " + rest.toPlainString() + "%",
                        new Lines(List.of(new InputLines(CONTRIBUTORS, "outcome", Set.of(outcome), List.of("share_pct"))), List.of()));
            }
        }
        return c;
    }

    /**
     * The XB and RBSA columns add up, each figure rounded from its exact sum: the outcome rows to the policy outcomes
     * subtotal where every row has a figure (and the estimates file no amount left unsplit by outcome, which the print
     * counts in the subtotal alone), and the subtotal and support services to the total. A difference within half a unit
     * of the last decimal per figure (the parts and the total) is rounding; more is a figure left out or counted twice.
     */
    private static void extraBudgetaryAddsUp(Checks c, OutcomeResources res, org.pbannex.reference.Biennium current, Table t2,
                                             List<Row> outcomeRows) {
        Row subtotal = t2.row(StrategicFrameworkTable.SUBTOTAL);
        Row support = t2.row(StrategicFrameworkTable.SUPPORT_SERVICES);
        Row total = t2.row(StrategicFrameworkTable.TOTAL);
        for (String column : new String[] {"xb_previous", "rbsa_previous", "xb", "rbsa"}) {
            String biennium = (column.endsWith("_previous") ? current.previous() : current).code();
            String fund = column.replace("_previous", "").toUpperCase(java.util.Locale.ROOT);
            boolean split = outcomeRows.stream().allMatch(r -> r.value(column) != null) && res.estimate(biennium, fund, "") == null;
            if (split && subtotal.value(column) != null) {
                withinRounding(c, "t2.outcomes_add_up_to_subtotal", "subtotal/" + column, (BigDecimal) subtotal.value(column),
                        outcomeRows.stream().map(r -> (BigDecimal) r.value(column)).toList());
            }
            if (total.value(column) != null) {
                List<BigDecimal> parts = java.util.stream.Stream.of(subtotal.value(column), support.value(column))
                        .filter(java.util.Objects::nonNull).map(BigDecimal.class::cast).toList();
                withinRounding(c, "t2.subtotal_plus_support_is_total", "total/" + column, (BigDecimal) total.value(column), parts);
            }
        }
    }

    private static void withinRounding(Checks c, String name, String row, BigDecimal expected, List<BigDecimal> parts) {
        BigDecimal sum = parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        // Each part and the total are off their exact sums by at most half a unit of the last decimal.
        BigDecimal allowed = BigDecimal.ONE.movePointLeft(expected.scale()).multiply(BigDecimal.valueOf(parts.size() + 1))
                .divide(BigDecimal.valueOf(2));
        c.isTrue(name, "t2", row, sum.subtract(expected).abs().compareTo(allowed) <= 0,
                expected.toPlainString() + " (within " + allowed.toPlainString() + " of rounding)", sum.toPlainString());
    }
}
