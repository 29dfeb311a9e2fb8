package org.pbannex.budget;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pbannex.ingest.InputError;
import org.pbannex.ingest.Said;
import org.pbannex.reference.AppropriationLine;
import org.pbannex.reference.Part;
import org.pbannex.reference.ReferenceData;
import org.pbannex.table.CheckResult.InputLines;
import org.pbannex.table.CheckResult.Lines;
import org.pbannex.table.Checks;
import org.pbannex.table.Money;
import org.pbannex.table.Row;
import org.pbannex.table.RowType;
import org.pbannex.table.Table;

/**
 * The identities that hold between and within the budget tables (golden/NOTES.md), checked on the published
 * tables themselves, so a builder error or two inputs that disagree stop the run. Each check has a stable name, and
 * names the input lines its two sides are summed from ({@link BudgetLines} for the tables rolled up from the units),
 * which a failure gives as where to look.
 */
public final class BudgetChecks {

    private static final List<String> A1_SUMMED = List.of("prof", "gs", "staff_costs", "non_staff_costs", "total");
    private static final List<String> A2_SUMMED = List.of("budget_previous", "constant", "programme_change", "cost_change", "recosted");
    private static final List<String> T1_COLUMNS = List.of("budget_previous", "constant", "recosted");
    // The other input files the checks name lines of (data package resources).
    private static final String COST_BY_OBJECT = "cost_by_object";
    private static final String RBTC = "rbtc";
    private static final String INCOME = "income";
    private static final String SETTINGS = "settings";

    private BudgetChecks() {
    }

    public static Checks run(ReferenceData ref, BudgetData data, Map<String, Table> tables) {
        Checks c = new Checks();
        BudgetLines lines = new BudgetLines(ref);
        Table a1 = tables.get(OperationalBudgetTable.ID);
        Table a2 = tables.get(CostIncreaseTable.ID);
        annex1(c, lines, a1);
        annex2(c, lines, a2);
        rollups(c, lines, "a1", a1, A1_SUMMED);
        rollups(c, lines, "a2", a2, A2_SUMMED);
        annex1VersusAnnex2(c, lines, a1, a2);
        table1(c, ref, lines, tables.get(StrategicBudgetTable.ID), a1, a2);
        costByObject(c, lines, tables.get(CostByObjectTable.ID), a1, a2);
        rbtc(c, lines, data, tables.get(RbtcTable.ID), a1, a2);
        budgetResolution(c, ref, lines, data, tables.get(BudgetResolutionTable.ID), a2);
        return c;
    }

    /** Both sides summed from the budget.csv lines of the row's units, the fields of {@code columns}. */
    private static Lines same(BudgetLines lines, String table, String row, String... columns) {
        return Lines.both(List.of(lines.of(table, row, columns)));
    }

    private static void annex1(Checks c, BudgetLines lines, Table a1) {
        for (Row r : valued(a1)) {
            c.equal("a1.staff_plus_non_staff", "a1", r.key(), Money.add(r.amount("staff_costs"), r.amount("non_staff_costs")), r.amount("total"),
                    same(lines, "a1", r.key(), "total"));
        }
    }

    private static void annex2(Checks c, BudgetLines lines, Table a2) {
        long grand = a2.row("total").amount("recosted");
        for (Row r : valued(a2)) {
            long prev = r.amount("budget_previous");
            long constant = r.amount("constant");
            c.equal("a2.programme_change", "a2", r.key(), Money.subtract(constant, prev), r.amount("programme_change"),
                    same(lines, "a2", r.key(), "programme_change"));
            c.equal("a2.recosted", "a2", r.key(), Money.add(constant, r.amount("cost_change")), r.amount("recosted"),
                    same(lines, "a2", r.key(), "recosted"));
            c.equal("a2.programme_change_pct", "a2", r.key(), pct(r.amount("programme_change"), prev), r.value("programme_change_pct"),
                    same(lines, "a2", r.key(), "programme_change_pct"));
            c.equal("a2.cost_change_pct", "a2", r.key(), pct(r.amount("cost_change"), constant), r.value("cost_change_pct"),
                    same(lines, "a2", r.key(), "cost_change_pct"));
            // A share: its row's lines, then the grand total's (named once when the row is the total).
            c.equal("a2.pct_of_total", "a2", r.key(), pct(r.amount("recosted"), grand), r.value("pct_of_total"),
                    Lines.both(java.util.stream.Stream.of(lines.of("a2", r.key(), "pct_of_total"), lines.of("a2", "total", "recosted"))
                            .distinct().toList()));
        }
    }

    /** Group subtotals, the itemised Part's total and the grand total each equal the sum of the rows they cover. */
    private static void rollups(Checks c, BudgetLines lines, String id, Table t, List<String> columns) {
        List<Row> inGroup = new ArrayList<>();
        List<Row> partComponents = new ArrayList<>();
        List<Row> partUnits = new ArrayList<>();
        List<Row> parts = new ArrayList<>();
        for (Row r : t.rows()) {
            switch (r.type()) {
                case HEADING -> inGroup.clear();
                case UNIT -> {
                    partUnits.add(r);
                    if (r.level() == 1) {
                        partComponents.add(r); // a group printed as one row: a component of the Part by itself
                    } else {
                        inGroup.add(r);
                    }
                }
                case GROUP_SUBTOTAL -> {
                    for (String col : columns) {
                        c.equal(id + ".group_subtotal." + col, id, r.key(), sum(inGroup, col), r.amount(col),
                                same(lines, id, r.key(), col));
                    }
                    partComponents.add(r);
                    inGroup.clear();
                }
                case PART_TOTAL -> {
                    if (!partComponents.isEmpty()) {
                        for (String col : columns) {
                            c.equal(id + ".part_total." + col, id, r.key(), sum(partComponents, col), r.amount(col),
                                same(lines, id, r.key(), col));
                            c.equal(id + ".part_total_from_units." + col, id, r.key(), sum(partUnits, col), r.amount(col),
                                same(lines, id, r.key(), col));
                        }
                    }
                    parts.add(r);
                    partComponents.clear();
                    partUnits.clear();
                    inGroup.clear();
                }
                case GRAND_TOTAL -> {
                    for (String col : columns) {
                        c.equal(id + ".grand_total." + col, id, r.key(), sum(parts, col), r.amount(col),
                                same(lines, id, r.key(), col));
                    }
                }
            }
        }
    }

    private static void annex1VersusAnnex2(Checks c, BudgetLines lines, Table a1, Table a2) {
        List<Row> r1 = valued(a1);
        List<Row> r2 = valued(a2);
        // The rows one table has and the other has not, by code, and the reference lines they are printed for.
        List<String> onlyA1 = keysNotIn(r1, r2);
        List<String> onlyA2 = keysNotIn(r2, r1);
        c.isTrue("a1_a2.row_count", "a2", "*", r1.size() == r2.size(),
                r1.size() + " rows" + (onlyA1.isEmpty() ? "" : ", a1 only: " + String.join(" ", onlyA1)),
                r2.size() + " rows" + (onlyA2.isEmpty() ? "" : ", a2 only: " + String.join(" ", onlyA2)),
                new Lines(rowLines(lines, onlyA2), rowLines(lines, onlyA1)));
        for (int i = 0; i < Math.min(r1.size(), r2.size()); i++) {
            String k1 = r1.get(i).key();
            String k2 = r2.get(i).key();
            c.equal("a1_a2.rows_align", "a2", k2, k1 + " " + r1.get(i).label().zh(), k2 + " " + r2.get(i).label().zh(),
                    k1.equals(k2) ? Lines.both(rowLines(lines, List.of(k2))) : new Lines(rowLines(lines, List.of(k2)), rowLines(lines, List.of(k1))));
            // Rows that do not align are summed from different units: each side's lines.
            c.equal("a1_a2.total_equals_constant", "a2", k2, r1.get(i).amount("total"), r2.get(i).amount("constant"),
                    k1.equals(k2) ? same(lines, "a2", k2, "constant")
                            : new Lines(List.of(lines.of("a2", k2, "constant")), List.of(lines.of("a1", k1, "total"))));
        }
    }

    /** The keys of {@code rows} beyond those of {@code other}, each as often as it is beyond (a row printed twice too). */
    private static List<String> keysNotIn(List<Row> rows, List<Row> other) {
        List<String> left = new ArrayList<>(other.stream().map(Row::key).toList());
        return rows.stream().map(Row::key).filter(k -> !left.remove(k)).toList();
    }

    /** The reference lines the rows of these keys are printed for. */
    private static List<InputLines> rowLines(BudgetLines lines, List<String> keys) {
        return keys.stream().flatMap(k -> lines.row(k).stream()).toList();
    }

    /** Table 1 lines equal the annex 2 rows of their units; internal running totals add up. */
    private static void table1(Checks c, ReferenceData ref, BudgetLines lines, Table t1, Table a1, Table a2) {
        for (AppropriationLine line : ref.lines()) {
            Row row = t1.row(line.code());
            if (!line.amountsPrinted()) {
                continue;
            }
            List<Row> covering = annexRowsOf(ref, line, a2);
            if (covering.isEmpty()) {
                continue;
            }
            for (String col : T1_COLUMNS) {
                c.equal("t1.line_equals_annex2." + col, "t1", line.code(), sum(covering, col), row.amount(col),
                        same(lines, "t1", line.code(), col));
            }
            c.equal("t1.line_constant_equals_annex1", "t1", line.code(), sum(annexRowsOf(ref, line, a1), "total"),
                    row.amount("constant"), same(lines, "t1", line.code(), "constant"));
        }
        long[] running = new long[T1_COLUMNS.size()];
        for (Part part : ref.parts()) {
            for (AppropriationLine line : ref.lines()) {
                if (line.part().equals(part.code()) && line.amountsPrinted()) {
                    for (int i = 0; i < running.length; i++) {
                        running[i] = Money.add(running[i], t1.row(line.code()).amount(T1_COLUMNS.get(i)));
                    }
                }
            }
            if (part.runningTotal()) {
                Row total = t1.row("total." + part.code());
                for (int i = 0; i < running.length; i++) {
                    c.equal("t1.running_total." + T1_COLUMNS.get(i), "t1", total.key(), running[i], total.amount(T1_COLUMNS.get(i)),
                            same(lines, "t1", total.key(), T1_COLUMNS.get(i)));
                }
            }
        }
        Part last = ref.parts().get(ref.parts().size() - 1);
        for (String col : T1_COLUMNS) {
            c.equal("t1.total_equals_annex2." + col, "t1", "total." + last.code(), a2.row("total").amount(col),
                    t1.row("total." + last.code()).amount(col), same(lines, "t1", "total." + last.code(), col));
        }
    }

    /**
     * The annex rows that make up a Table 1 line: its units' rows in an itemised Part, or the Part's own row when
     * the line is the only one of a Part the annexes print as one row (empty when neither applies).
     */
    private static List<Row> annexRowsOf(ReferenceData ref, AppropriationLine line, Table annex) {
        Part part = ref.part(line.part());
        if (part.itemised()) {
            return ref.units().stream().filter(u -> u.line().equals(line.code())).map(u -> annex.row(u.code())).toList();
        }
        boolean onlyLine = ref.lines().stream().filter(l -> l.part().equals(part.code())).count() == 1;
        return onlyLine ? List.of(annex.row("part." + part.code())) : List.of();
    }

    private static void costByObject(Checks c, BudgetLines lines, Table t, Table a1, Table a2) {
        List<Row> objects = t.rows().stream().filter(r -> r.type() == RowType.UNIT).toList();
        Row total = t.row("total");
        c.equal("a2-2.sum_constant", "a2-2", "total", sum(objects, "constant"), total.amount("constant"),
                Lines.both(List.of(InputLines.all(COST_BY_OBJECT, "constant_budget"))));
        c.equal("a2-2.sum_cost_adjustment", "a2-2", "total", sum(objects, "cost_adjustment"), total.amount("cost_adjustment"),
                Lines.both(List.of(InputLines.all(COST_BY_OBJECT, "cost_adjustment"))));
        for (Row r : t.rows()) {
            InputLines row = r.key().equals("total") ? InputLines.all(COST_BY_OBJECT, "constant_budget", "cost_adjustment")
                    : new InputLines(COST_BY_OBJECT, "object", Set.of(r.key()), List.of("constant_budget", "cost_adjustment"));
            c.equal("a2-2.rate", "a2-2", r.key(), pct(r.amount("cost_adjustment"), r.amount("constant")), r.value("rate_pct"),
                    Lines.both(List.of(row)));
        }
        Row a2Total = a2.row("total");
        Row a1Total = a1.row("total");
        // Each side names the lines it sums: cost_by_object.csv's objects against budget.csv's units, column by column.
        c.equal("a2-2.total_constant_equals_annex2", "a2-2", "total", a2Total.amount("constant"), total.amount("constant"),
                new Lines(List.of(InputLines.all(COST_BY_OBJECT, "constant_budget")), List.of(lines.of("a2", "total", "constant"))));
        c.equal("a2-2.total_adjustment_equals_annex2_cost_change", "a2-2", "total", a2Total.amount("cost_change"),
                total.amount("cost_adjustment"), new Lines(List.of(InputLines.all(COST_BY_OBJECT, "cost_adjustment")),
                        List.of(lines.of("a2", "total", "cost_change"))));
        // STAFF is the contract's object code for staff costs (DESIGN.md, expenditure lines).
        long staff = Money.sum(objects.stream().filter(r -> r.key().equals("STAFF")).mapToLong(r -> r.amount("constant")));
        Set<String> others = new LinkedHashSet<>(objects.stream().map(Row::key).filter(k -> !k.equals("STAFF")).toList());
        c.equal("a2-2.staff_equals_annex1_staff_costs", "a2-2", "STAFF", a1Total.amount("staff_costs"), staff,
                new Lines(List.of(new InputLines(COST_BY_OBJECT, "object", Set.of("STAFF"), List.of("constant_budget"))),
                        List.of(lines.of("a1", "total", "staff_costs"))));
        c.equal("a2-2.other_objects_equal_annex1_non_staff", "a2-2", "total", a1Total.amount("non_staff_costs"),
                Money.subtract(sum(objects, "constant"), staff),
                new Lines(List.of(new InputLines(COST_BY_OBJECT, "object", others, List.of("constant_budget"))),
                        List.of(lines.of("a1", "total", "non_staff_costs"))));
    }

    private static void rbtc(Checks c, BudgetLines lines, BudgetData data, Table a3, Table a1, Table a2) {
        List<Row> items = a3.rows().stream().filter(r -> r.type() == RowType.UNIT).toList();
        for (String col : List.of("constant", "recosted")) {
            c.equal("a3.sum." + col, "a3", "total", sum(items, col), a3.row("total").amount(col),
                    Lines.both(List.of(InputLines.all(RBTC, col))));
        }
        for (BudgetData.RbtcHolding h : data.rbtc()) {
            java.util.function.Function<String, InputLines> holding = col -> new InputLines(RBTC, "holder", Set.of(h.holder()), List.of(col));
            if (!h.budgetUnit().isEmpty()) {
                if (a2.rows().stream().noneMatch(r -> r.key().equals(h.budgetUnit()))) {
                    throw new InputError(h.source().file(), h.source().line(), "budget_unit",
                            Said.of("not_in_annex2", "unit", h.budgetUnit()));
                }
                Row unit = a2.row(h.budgetUnit());
                for (String col : List.of("constant", "recosted")) {
                    c.equal("a3.equals_budget_unit." + col, "a3", h.holder(), unit.amount(col), col.equals("constant") ? h.constant() : h.recosted(),
                            new Lines(List.of(holding.apply(col)), List.of(lines.of("a2", unit.key(), col))));
                }
            } else {
                Row holder = a1.rows().stream().filter(r -> r.key().equals(h.holder()) || r.key().equals(h.holder() + ".subtotal"))
                        .findFirst().orElseThrow(() -> new InputError(h.source().file(), h.source().line(), "holder",
                                Said.of("not_in_annex1", "holder", h.holder())));
                c.isTrue("a3.within_non_staff_costs", "a3", h.holder(), h.constant() <= holder.amount("non_staff_costs"),
                        "<= " + holder.amount("non_staff_costs"), String.valueOf(h.constant()),
                        new Lines(List.of(holding.apply("constant")), List.of(lines.of("a1", holder.key(), "non_staff_costs"))));
            }
        }
    }

    private static void budgetResolution(Checks c, ReferenceData ref, BudgetLines lines, BudgetData data, Table br, Table a2) {
        List<Row> parts = br.rows().stream().filter(r -> r.type() == RowType.UNIT).toList();
        Row total = br.row("total");
        c.equal("br.sum.expenditure_previous", "br", "total", sum(parts, "expenditure_previous"), total.amount("expenditure_previous"),
                same(lines, "br", "total", "expenditure_previous"));
        c.equal("br.sum.expenditure", "br", "total", sum(parts, "expenditure"), total.amount("expenditure"),
                same(lines, "br", "total", "expenditure"));
        // Income: the items' amounts (a balance item is the expenditure less the others) against the expenditure.
        InputLines incomePrevious = InputLines.all(INCOME, "amount_previous_usd");
        InputLines income = InputLines.all(INCOME, "amount_usd");
        c.equal("br.income_previous_usd_equals_expenditure", "br", "total", total.amount("expenditure_previous"), total.amount("income_previous_usd"),
                new Lines(List.of(incomePrevious), List.of(lines.of("br", "total", "expenditure_previous"))));
        c.equal("br.income_usd_equals_expenditure", "br", "total", total.amount("expenditure"), total.amount("income_usd"),
                new Lines(List.of(income), List.of(lines.of("br", "total", "expenditure"))));
        // CHF = US$ x the biennium's budget rate (settings.csv), in exact decimal arithmetic.
        c.equal("br.income_previous_chf_at_budget_rate", "br", "total", new BigDecimal(total.amount("income_previous_usd"))
                .multiply(data.previousBudgetRate()).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact(),
                total.amount("income_previous_chf"), Lines.both(List.of(rate("previous_budget_rate_chf_per_usd"), incomePrevious,
                        lines.of("br", "total", "expenditure_previous"))));
        c.equal("br.income_chf_at_budget_rate", "br", "total", new BigDecimal(total.amount("income_usd"))
                .multiply(data.budgetRate()).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact(), total.amount("income_chf"),
                Lines.both(List.of(rate("budget_rate_chf_per_usd"), income, lines.of("br", "total", "expenditure"))));
        for (Part part : ref.parts()) {
            Row row = br.row("part." + part.code());
            Row annex = a2.row("part." + part.code());
            c.equal("br.part_previous_equals_annex2", "br", row.key(), annex.amount("budget_previous"), row.amount("expenditure_previous"),
                    same(lines, "br", row.key(), "expenditure_previous"));
            c.equal("br.part_estimate_equals_annex2_recosted", "br", row.key(), annex.amount("recosted"), row.amount("expenditure"),
                    same(lines, "br", row.key(), "expenditure"));
        }
        c.equal("br.total_equals_annex2.previous", "br", "total", a2.row("total").amount("budget_previous"), total.amount("expenditure_previous"),
                same(lines, "br", "total", "expenditure_previous"));
        c.equal("br.total_equals_annex2.recosted", "br", "total", a2.row("total").amount("recosted"), total.amount("expenditure"),
                same(lines, "br", "total", "expenditure"));
    }

    /** The line of settings.csv that states a rate. */
    private static InputLines rate(String setting) {
        return new InputLines(SETTINGS, "setting", Set.of(setting), List.of("value"));
    }

    private static List<Row> valued(Table t) {
        return t.rows().stream().filter(r -> r.type() != RowType.HEADING).toList();
    }

    private static long sum(List<Row> rows, String col) {
        return Money.sum(rows.stream().mapToLong(r -> r.amount(col) == null ? 0 : r.amount(col)));
    }

    /**
     * An independent half-up rounding in integer arithmetic (tenths of a per cent), so the check does not reuse
     * the builders' BigDecimal path. Zero bases follow the printed convention.
     */
    static BigDecimal pct(long num, long den) {
        int sign = Long.signum(num) * (den == 0 ? 1 : Long.signum(den));
        if (den == 0) {
            return BigDecimal.valueOf(sign * 1000L, 1);
        }
        java.math.BigInteger n = java.math.BigInteger.valueOf(num).abs().multiply(java.math.BigInteger.valueOf(2000));
        java.math.BigInteger d = java.math.BigInteger.valueOf(den).abs();
        // tenths of a per cent, half away from zero: (floor(2000|n|/|d|) + 1) / 2
        java.math.BigInteger tenths = n.divide(d).add(java.math.BigInteger.ONE).shiftRight(1);
        return new BigDecimal(tenths.multiply(java.math.BigInteger.valueOf(sign)), 1);
    }
}
