package org.pbannex.outcomes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.pbannex.expenditure.ExpenditureTotals;
import org.pbannex.expenditure.LineSelection;
import org.pbannex.expenditure.RegionalExpenditureTable;
import org.pbannex.reference.Biennium;
import org.pbannex.reference.DocumentText;
import org.pbannex.reference.Texts;
import org.pbannex.results.ResultsFramework;
import org.pbannex.table.Column;
import org.pbannex.table.Money;
import org.pbannex.table.Percent;
import org.pbannex.table.Row;
import org.pbannex.table.RowType;
import org.pbannex.table.Table;
import org.pbannex.table.Text;
import org.pbannex.table.ValueKind;

/**
 * Table 2, the strategic framework, in US$ millions: per policy outcome the regular budget (this biennium from the
 * annex 4 allocations, the previous one as printed), the XB and RBSA estimates; the subtotal; support services (the
 * support-services group of annex 2); the total (Table 1's policy-outcomes line).
 */
public final class StrategicFrameworkTable {

    public static final String ID = "t2";
    static final String[] FUNDS = {"rb", "xb", "rbsa"};
    /** The row keys after the outcomes' (their codes): the outcomes' subtotal, support services, the total. */
    static final String SUBTOTAL = "subtotal";
    static final String SUPPORT_SERVICES = "support_services";
    static final String TOTAL = "total";

    private StrategicFrameworkTable() {
    }

    /** The exact budget figures Table 2 is derived from, read off the built Table 1 and annex 2. */
    record LineFigures(long linePrevious, long lineConstant, long supportPrevious, long supportConstant) {

        static LineFigures from(OutcomeResources res, Table t1, Table a2) {
            Row line = t1.row(res.outcomesLine());
            Row support = res.supportGroup().isEmpty() ? null : a2.row(res.supportGroup() + ".subtotal");
            return new LineFigures(line.amount("budget_previous"), line.amount("constant"),
                    support == null ? 0 : support.amount("budget_previous"), support == null ? 0 : support.amount("constant"));
        }
    }

    /**
     * XB and RBSA per outcome: from the estimates file where it has figures for that fund and biennium, else from the
     * expenditure lines (actual and estimated, in millions), else blank. Remembers whether any figure came from lines.
     */
    static final class ExtraBudgetary {

        private final OutcomeResources res;
        private final ExpenditureTotals lines;
        // The biennia and funds ("2022-23 XB") whose figures summed a synthetic line: only those columns are said so.
        private final java.util.Set<String> fromSynthetic = new java.util.HashSet<>();

        ExtraBudgetary(OutcomeResources res, ExpenditureTotals lines) {
            this.res = res;
            this.lines = lines;
        }

        BigDecimal of(String biennium, String fund, String outcome) {
            if (res.hasEstimates(biennium, fund) || lines == null) {
                return res.estimate(biennium, fund, outcome);
            }
            LineSelection selection = selection(biennium, fund, outcome);
            if (selection == null) {
                return null;
            }
            if (lines.anySynthetic(selection)) {
                fromSynthetic.add(biennium + " " + fund);
            }
            return Percent.millionsOfCents(lines.cents(selection));
        }

        /** Whether the column ({@code xb_previous}, {@code rbsa}, ...) has a figure that summed a synthetic line. */
        boolean fromSynthetic(String columnKey, String previous, String current) {
            String biennium = columnKey.endsWith("_previous") ? previous : current;
            return fromSynthetic.contains(biennium + " " + columnKey.replace("_previous", "").toUpperCase(java.util.Locale.ROOT));
        }

        /** The lines the figure sums when it is taken from them (an outcome's; every outcome's for null); else null. */
        LineSelection selection(String biennium, String fund, String outcome) {
            if (res.hasEstimates(biennium, fund) || lines == null) {
                return null;
            }
            LineSelection selection = new LineSelection(fund, null, null, outcome, Biennium.parse(biennium).firstYear());
            return lines.lines(selection) == 0 ? null : selection;
        }
    }

    /**
     * The lines a cell sums where the table takes its XB or RBSA figure from the expenditure lines (its biennium having no
     * estimates for the fund); null for any other cell. The review names them as the cell's source.
     */
    public static BiFunction<String, String, LineSelection> linesOf(Biennium biennium, OutcomeResources res, ExpenditureTotals lines) {
        ExtraBudgetary xb = new ExtraBudgetary(res, lines);
        return (rowKey, columnKey) -> {
            boolean previous = columnKey.endsWith("_previous");
            String fund = columnKey.replace("_previous", "");
            if (!fund.equals("xb") && !fund.equals("rbsa") || rowKey.equals(SUPPORT_SERVICES)) {
                return null;
            }
            String outcome = rowKey.equals(SUBTOTAL) || rowKey.equals(TOTAL) ? null : rowKey;
            return xb.selection((previous ? biennium.previous() : biennium).code(), fund.toUpperCase(java.util.Locale.ROOT), outcome);
        };
    }

    /**
     * @param lines the expenditure lines' totals, for XB and RBSA the estimates file lacks (null: none read); a figure
     *              that sums a line of a synthetic file makes the table say so, one from other files does not
     */
    public static Table build(Texts t, Biennium biennium, OutcomeResources res, Table t1, Table a2, ExpenditureTotals lines) {
        LineFigures f = LineFigures.from(res, t1, a2);
        ExtraBudgetary xb = new ExtraBudgetary(res, lines);
        String prev = biennium.previous().code();
        String cur = biennium.code();
        List<Row> rows = new ArrayList<>();
        for (ResultsFramework.Outcome o : res.outcomes()) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("rb_previous", res.previousMillions().get(o.code()));
            v.put("xb_previous", xb.of(prev, "XB", o.code()));
            v.put("rbsa_previous", xb.of(prev, "RBSA", o.code()));
            v.put("rb", Percent.millions(res.allocations().get(o.code())));
            v.put("xb", xb.of(cur, "XB", o.code()));
            v.put("rbsa", xb.of(cur, "RBSA", o.code()));
            rows.add(new Row(o.code(), RowType.ITEM, t.get("t2.outcome").with("code", o.code()).with("title", o.title()), 0, v));
        }
        Map<String, Object> sub = new LinkedHashMap<>();
        sub.put("rb_previous", Percent.millions(Money.subtract(f.linePrevious(), f.supportPrevious())));
        sub.put("xb_previous", xb.of(prev, "XB", null));
        sub.put("rbsa_previous", xb.of(prev, "RBSA", null));
        sub.put("rb", Percent.millions(res.allocationTotal()));
        sub.put("xb", xb.of(cur, "XB", null));
        sub.put("rbsa", xb.of(cur, "RBSA", null));
        rows.add(new Row(SUBTOTAL, RowType.SUBTOTAL, t.get("t2.subtotal"), 0, sub));
        Map<String, Object> support = new LinkedHashMap<>();
        support.put("rb_previous", Percent.millions(f.supportPrevious()));
        support.put("rb", Percent.millions(f.supportConstant()));
        rows.add(new Row(SUPPORT_SERVICES, RowType.ITEM, t.get("t2.support_services"), 0, support));
        Map<String, Object> total = new LinkedHashMap<>(sub);
        total.put("rb_previous", Percent.millions(f.linePrevious()));
        total.put("rb", Percent.millions(f.lineConstant()));
        rows.add(new Row(TOTAL, RowType.TOTAL, t.get("t2.total"), 0, total));
        // A column that sums a synthetic file's lines says so: its caveat below, and the report beside Figure 2.
        List<Column> columns = columns(t).stream().map(c -> xb.fromSynthetic(c.key(), prev, cur) ? c.asSynthetic() : c).toList();
        Table table = DocumentText.table(t, ID, columns, rows, true);
        Text number = table.number().isEmpty() ? table.title() : table.number();
        Text synthetic = syntheticColumns(table);
        Text caveat = synthetic.isEmpty() ? Text.EMPTY : t.get("t2.caveat.synthetic").with("number", number).with("columns", synthetic);
        Text empty = emptyColumns(t, table, sub, number);
        if (!empty.isEmpty()) {
            caveat = caveat.isEmpty() ? empty : new Text(caveat.zh() + empty.zh(), caveat.en() + " " + empty.en());
        }
        table = caveat.isEmpty() ? table : table.withCaveat(caveat);
        // Its source is the print but for those columns: the sheet and the data package say where they come from.
        return synthetic.isEmpty() ? table : table.withSource(t.get("t2.source.synthetic").with("columns", synthetic));
    }

    /** The headings of the XB and RBSA columns whose figures sum synthetic lines, in the table's order; empty when none. */
    private static Text syntheticColumns(Table table) {
        List<Text> headings = new ArrayList<>();
        for (String suffix : List.of("_previous", "")) {
            for (String fund : List.of("xb", "rbsa")) {
                if (table.column(fund + suffix).synthetic()) {
                    headings.add(table.column(fund + suffix).heading());
                }
            }
        }
        return headingList(headings);
    }

    private static Text headingList(List<Text> headings) {
        return headings.isEmpty() ? Text.EMPTY : new Text(String.join("、", headings.stream().map(Text::zh).toList()),
                String.join("; ", headings.stream().map(Text::en).toList()));
    }

    /**
     * What the table says of an XB or RBSA column without a single figure (neither the estimates file nor the expenditure
     * lines have one for its fund and biennium, as when a new biennium's estimates are not in yet): empty when there is
     * none. Left blank silently, the column would read as figures nobody gave.
     */
    private static Text emptyColumns(Texts t, Table table, Map<String, Object> subtotal, Text number) {
        List<Text> headings = new ArrayList<>();
        for (String suffix : List.of("_previous", "")) {
            for (String fund : List.of("xb", "rbsa")) {
                if (subtotal.get(fund + suffix) == null) {
                    headings.add(table.column(fund + suffix).heading());
                }
            }
        }
        if (headings.isEmpty()) {
            return Text.EMPTY;
        }
        return t.get("t2.caveat.no_figures").with("number", number).with("columns", headingList(headings));
    }

    /** Each column headed as printed, its biennium in the heading ("经修订的 2020-2021 两年期经常预算 *"), none grouped. */
    private static List<Column> columns(Texts t) {
        List<Column> c = new ArrayList<>();
        for (String suffix : List.of("_previous", "")) {
            for (String fund : FUNDS) {
                c.add(Column.of(fund + suffix, t.get("t2.col." + fund + suffix), Text.EMPTY, Text.EMPTY, ValueKind.MILLIONS));
            }
        }
        return c;
    }

    /**
     * Table 2's XB totals that come from its estimates file (the previous and the current biennium's, where the file has
     * them), which synthetic expenditure lines may have been generated to add up to: Figure 2 then says so.
     */
    public static RegionalExpenditureTable.Estimates xbEstimates(Texts t, Biennium current, OutcomeResources res) {
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        for (Biennium b : List.of(current.previous(), current)) {
            if (res.hasEstimates(b.code(), "XB")) {
                totals.put(b.code(), res.estimate(b.code(), "XB", null));
            }
        }
        return new RegionalExpenditureTable.Estimates(t.has(ID + ".number") ? t.get(ID + ".number") : t.get(ID + ".title"), totals);
    }

    /** One biennium's extra-budgetary total in Figure 2 (from expenditure lines) and in Table 2, US$ millions; null where absent. */
    public record XbTotals(String biennium, BigDecimal figure2, BigDecimal table2) {

        public boolean agree() {
            return figure2 != null && figure2.equals(table2);
        }
    }

    /**
     * Figure 2's total per biennium beside Table 2's XB total for the same biennium (the previous and the current one),
     * for the run's report: Figure 2 is computed from expenditure lines, Table 2 from the estimates, and a reader should
     * see whether they tell the same story. Every biennium of either table, oldest first.
     */
    public static List<XbTotals> xbBesideFigure2(Biennium current, Table t2, Table f2) {
        Map<String, BigDecimal> table2 = new LinkedHashMap<>();
        table2.put(current.previous().code(), (BigDecimal) t2.row(TOTAL).value("xb_previous"));
        table2.put(current.code(), (BigDecimal) t2.row(TOTAL).value("xb"));
        Map<String, BigDecimal> figure2 = f2 == null ? Map.of() : RegionalExpenditureTable.totals(f2);
        java.util.TreeSet<String> bienniums = new java.util.TreeSet<>(figure2.keySet());
        bienniums.addAll(table2.keySet());
        return bienniums.stream().map(b -> new XbTotals(b, figure2.get(b), table2.get(b))).toList();
    }

    static BigDecimal sum(List<Row> rows, String column) {
        return rows.stream().map(r -> (BigDecimal) r.value(column)).filter(java.util.Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
