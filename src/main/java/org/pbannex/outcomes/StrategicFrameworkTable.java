package org.pbannex.outcomes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.pbannex.expenditure.ExpenditureTotals;
import org.pbannex.expenditure.LinesSource;
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
    /** The field of an outcome row's code (empty on the subtotal, support services and the total). */
    static final String OUTCOME = "outcome";

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
        private final List<String> rowOutcomes;
        // The biennia and funds ("2022-23 XB") whose figures summed lines, and their lines: only those columns are said
        // to be sums of lines (synthetic where any is), and named so as their source.
        private final Map<String, LinesSource.Part> fromLines = new java.util.HashMap<>();
        // Whether some fund has lines booked to outcomes that have no row (the enabling outcomes'): support services'.
        private boolean supportFromLines;

        ExtraBudgetary(OutcomeResources res, ExpenditureTotals lines) {
            this.res = res;
            this.lines = lines;
            this.rowOutcomes = res.outcomes().stream().map(ResultsFramework.Outcome::code).toList();
        }

        /**
         * One fund's column for one biennium. From the estimates file as printed: an amount not split by outcome is in
         * the subtotal and the total. From the lines: the subtotal sums the table's outcomes' lines, so that the rows
         * add up to it; lines booked to other outcomes (the enabling outcomes, which have no row) are support
         * services' figure; the total is all the fund's lines.
         */
        FundFigures figures(String biennium, String fund) {
            Map<String, BigDecimal> byOutcome = new LinkedHashMap<>();
            if (res.hasEstimates(biennium, fund) || lines == null) {
                rowOutcomes.forEach(o -> byOutcome.put(o, res.estimate(biennium, fund, o)));
                BigDecimal all = res.estimate(biennium, fund, null);
                return new FundFigures(byOutcome, all, null, all);
            }
            LineSelection all = selection(biennium, fund, null);
            if (all == null) {
                rowOutcomes.forEach(o -> byOutcome.put(o, null));
                return new FundFigures(byOutcome, null, null, null);
            }
            fromLines.put(biennium + " " + fund, new LinesSource.Part(lines.lines(all), lines.syntheticLines(all)));
            for (String o : rowOutcomes) {
                LineSelection one = selection(biennium, fund, List.of(o));
                byOutcome.put(o, one == null ? null : Percent.millionsOfCents(lines.cents(one)));
            }
            LineSelection rows = selection(biennium, fund, rowOutcomes);
            LineSelection others = selection(biennium, fund, otherOutcomes());
            if (others != null) {
                supportFromLines = true;
            }
            return new FundFigures(byOutcome, rows == null ? null : Percent.millionsOfCents(lines.cents(rows)),
                    others == null ? null : Percent.millionsOfCents(lines.cents(others)), Percent.millionsOfCents(lines.cents(all)));
        }

        /** The outcomes lines may be booked to that have no row (the enabling outcomes), in the lines' order. */
        List<String> otherOutcomes() {
            return lines == null ? List.of() : lines.outcomes().stream().filter(o -> !rowOutcomes.contains(o)).toList();
        }

        /**
         * The lines the column's figures ({@code xb_previous}, {@code rbsa}, ...) summed, null where they do not come from
         * the lines.
         */
        LinesSource.Part fromLines(String columnKey, String previous, String current) {
            String biennium = columnKey.endsWith("_previous") ? previous : current;
            return fromLines.get(biennium + " " + columnKey.replace("_previous", "").toUpperCase(java.util.Locale.ROOT));
        }

        /** The column as its lines make it: synthetic where any summed is, from the lines where it sums them. */
        Column marked(Column c, String previous, String current) {
            LinesSource.Part part = fromLines(c.key(), previous, current);
            return part == null ? c : part.synthetic() ? c.asSynthetic() : c.asFromLines();
        }

        /** Whether any column's support services figure sums lines booked to outcomes without a row. */
        boolean anyOtherOutcomes() {
            return supportFromLines;
        }

        /**
         * The lines a figure sums when it is taken from them (the outcomes', any outcome's for null), else null: the
         * fund and biennium have estimates, or no such line.
         */
        LineSelection selection(String biennium, String fund, List<String> outcomes) {
            if (res.hasEstimates(biennium, fund) || lines == null || outcomes != null && outcomes.isEmpty()) {
                return null;
            }
            LineSelection selection = new LineSelection(fund, null, null, outcomes, Biennium.parse(biennium).firstYear());
            return lines.lines(selection) == 0 ? null : selection;
        }
    }

    /** A fund's figures for one biennium: per outcome (by code), the outcomes' subtotal, support services, the total. */
    record FundFigures(Map<String, BigDecimal> byOutcome, BigDecimal subtotal, BigDecimal support, BigDecimal total) {
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
            if (!fund.equals("xb") && !fund.equals("rbsa")) {
                return null;
            }
            List<String> outcomes = switch (rowKey) {
                case TOTAL -> null;
                case SUBTOTAL -> xb.rowOutcomes;
                case SUPPORT_SERVICES -> xb.otherOutcomes();
                default -> List.of(rowKey);
            };
            return xb.selection((previous ? biennium.previous() : biennium).code(), fund.toUpperCase(java.util.Locale.ROOT), outcomes);
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
        Map<String, FundFigures> funds = new LinkedHashMap<>();
        funds.put("xb_previous", xb.figures(prev, "XB"));
        funds.put("rbsa_previous", xb.figures(prev, "RBSA"));
        funds.put("xb", xb.figures(cur, "XB"));
        funds.put("rbsa", xb.figures(cur, "RBSA"));
        List<Row> rows = new ArrayList<>();
        for (ResultsFramework.Outcome o : res.outcomes()) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put(OUTCOME, o.code());
            v.put("rb_previous", res.previousMillions().get(o.code()));
            v.put("xb_previous", funds.get("xb_previous").byOutcome().get(o.code()));
            v.put("rbsa_previous", funds.get("rbsa_previous").byOutcome().get(o.code()));
            v.put("rb", Percent.millions(res.allocations().get(o.code())));
            v.put("xb", funds.get("xb").byOutcome().get(o.code()));
            v.put("rbsa", funds.get("rbsa").byOutcome().get(o.code()));
            rows.add(new Row(o.code(), RowType.UNIT, t.get("t2.outcome").with("code", o.code()).with("title", o.title()), 0, v));
        }
        Map<String, Object> sub = new LinkedHashMap<>();
        sub.put("rb_previous", Percent.millions(Money.subtract(f.linePrevious(), f.supportPrevious())));
        sub.put("xb_previous", funds.get("xb_previous").subtotal());
        sub.put("rbsa_previous", funds.get("rbsa_previous").subtotal());
        sub.put("rb", Percent.millions(res.allocationTotal()));
        sub.put("xb", funds.get("xb").subtotal());
        sub.put("rbsa", funds.get("rbsa").subtotal());
        rows.add(new Row(SUBTOTAL, RowType.GROUP_SUBTOTAL, t.get("t2.subtotal"), 0, sub));
        Map<String, Object> support = new LinkedHashMap<>();
        support.put("rb_previous", Percent.millions(f.supportPrevious()));
        funds.forEach((column, c) -> {
            if (c.support() != null) {
                support.put(column, c.support());
            }
        });
        support.put("rb", Percent.millions(f.supportConstant()));
        rows.add(new Row(SUPPORT_SERVICES, RowType.UNIT, t.get("t2.support_services"), 0, orderedAs(sub, support)));
        Map<String, Object> total = new LinkedHashMap<>(sub);
        total.put("rb_previous", Percent.millions(f.linePrevious()));
        total.put("rb", Percent.millions(f.lineConstant()));
        funds.forEach((column, c) -> total.put(column, c.total()));
        rows.add(new Row(TOTAL, RowType.GRAND_TOTAL, t.get("t2.total"), 0, total));
        // A column that sums a synthetic file's lines says so: its caveat below, and the report beside Figure 2.
        List<Column> columns = columns(t).stream().map(c -> xb.marked(c, prev, cur)).toList();
        Table table = DocumentText.table(t, ID, columns, rows, true);
        Text number = table.number().isEmpty() ? table.title() : table.number();
        Text synthetic = syntheticColumns(table);
        Text caveat = synthetic.isEmpty() ? Text.EMPTY : t.get("t2.caveat.synthetic").with("number", number).with("columns", synthetic);
        Text empty = emptyColumns(t, table, sub, number);
        if (xb.anyOtherOutcomes()) {
            Text others = t.get("t2.caveat.other_outcomes").with("number", number).with("outcomes", String.join(", ", xb.otherOutcomes()));
            empty = empty.isEmpty() ? others : new Text(empty.zh() + others.zh(), empty.en() + " " + others.en());
        }
        if (!empty.isEmpty()) {
            caveat = caveat.isEmpty() ? empty : new Text(caveat.zh() + empty.zh(), caveat.en() + " " + empty.en());
        }
        table = caveat.isEmpty() ? table : table.withCaveat(caveat);
        // Its source is the print but for the columns summed from lines, real or synthetic: the sheet, the data package
        // and the editions say where those come from.
        List<LinesSource.Part> parts = columns.stream().map(c -> xb.fromLines(c.key(), prev, cur))
                .filter(java.util.Objects::nonNull).toList();
        if (parts.isEmpty()) {
            return table;
        }
        Text fromLines = headingList(columns.stream().filter(Column::fromLines).map(Column::heading).toList());
        Text source = switch (LinesSource.of(parts)) {
            case LINES -> t.get("t2.source.lines").with("columns", fromLines);
            case SYNTHETIC -> t.get("t2.source.synthetic").with("columns", synthetic);
            case PARTLY_SYNTHETIC, MIXED -> t.get("t2.source.mixed").with("columns", fromLines).with("synthetic", synthetic);
        };
        return table.withSource(source);
    }

    /**
     * The table with a note under it naming the columns whose figures, each rounded from its exact amount, do not add
     * up as shown: the outcome rows to the subtotal, or the subtotal and support services to the total (each the exact
     * sum rounded, as the checks hold them). A column with a cell's own note (a documented difference from print, which
     * says why) is left to that note. Taken once the cells' notes are on the table.
     */
    public static Table withRoundingNote(Texts t, Table table) {
        List<Text> headings = new ArrayList<>();
        List<Row> outcomes = table.rows().subList(0, table.rows().indexOf(table.row(SUBTOTAL)));
        for (Column c : table.columns()) {
            BigDecimal subtotal = figure(table.row(SUBTOTAL), c.key());
            BigDecimal support = figure(table.row(SUPPORT_SERVICES), c.key());
            BigDecimal total = figure(table.row(TOTAL), c.key());
            boolean rowsShown = !outcomes.isEmpty() && outcomes.stream().allMatch(r -> figure(r, c.key()) != null);
            boolean rowsOff = rowsShown && subtotal != null
                    && outcomes.stream().map(r -> figure(r, c.key())).reduce(BigDecimal.ZERO, BigDecimal::add).compareTo(subtotal) != 0;
            boolean totalOff = subtotal != null && support != null && total != null && subtotal.add(support).compareTo(total) != 0;
            boolean explained = table.cellNotes().stream().anyMatch(n -> n.column().equals(c.key()));
            if ((rowsOff || totalOff) && !explained) {
                headings.add(c.heading());
            }
        }
        Text number = table.number().isEmpty() ? table.title() : table.number();
        return headings.isEmpty() ? table
                : table.withFootnote(t.get("t2.note.rounding").with("number", number).with("columns", headingList(headings)));
    }

    /** The key of the note on the previous biennium's regular budget per outcome (its wording for when nothing was compared). */
    public static final String PREVIOUS_NOTE = "t2.footnote.2";
    /** The column that states the previous biennium's regular budget, which the run's restatements compare. */
    public static final String PREVIOUS_COLUMN = "rb_previous";

    /**
     * The table with its note on the previous biennium's regular budget as the run's restatements find it: "as published
     * for 2022-2023" when every figure of the column equals what that biennium publishes, "restated", with how many
     * differ and where they are listed, when some do. Not compared (no folder of the previous biennium, or no pair of
     * restated_columns.csv for the column), the note keeps the wording true of any biennium. Only the shared wording is
     * chosen so: a biennium that names a printed document or words the note itself keeps its own.
     *
     * @param restated the restatements of {@link #PREVIOUS_COLUMN} the run found (null: not compared)
     */
    public static Table withPreviousNote(Texts t, Table table, List<org.pbannex.restatement.Restatement> restated) {
        Text shared = t.get(PREVIOUS_NOTE);
        int at = table.footnotes().indexOf(shared);
        if (at < 0 || restated == null) {
            return table;
        }
        Text note = restated.isEmpty() ? t.get("t2.footnote.2.as_published")
                : t.get("t2.footnote.2.restated").with("count", Integer.toString(restated.size()));
        return table.withFootnoteAt(at, note);
    }

    private static BigDecimal figure(Row r, String column) {
        return r.value(column) instanceof BigDecimal b ? b : null;
    }

    /** The values in the order of the row given (the columns' order), whichever were put first. */
    private static Map<String, Object> orderedAs(Map<String, Object> order, Map<String, Object> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        order.keySet().forEach(k -> {
            if (values.containsKey(k)) {
                out.put(k, values.get(k));
            }
        });
        return out;
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
        // The outcome's code, as the other CSVs that name outcomes have it (a4, rt, i1-i3): a reader joins on it rather
        // than on the label, which each table words its own way. Data only: no edition prints it as a column.
        c.add(Column.dataKey(OUTCOME, ValueKind.TEXT));
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

    /**
     * One biennium's extra-budgetary total in Figure 2 (from expenditure lines) and in Table 2, US$ millions; null where
     * absent. {@code figure2Synthetic}: Figure 2's total of the biennium sums synthetic lines; {@code table2Synthetic}:
     * Table 2's is summed from synthetic lines rather than being an estimate; {@code table2FromLines}: Table 2's is summed
     * from the expenditure lines, synthetic or real, the same lines as Figure 2's, so the two agree by construction.
     */
    public record XbTotals(String biennium, BigDecimal figure2, BigDecimal table2, boolean figure2Synthetic, boolean table2Synthetic,
                           boolean table2FromLines) {

        public boolean agree() {
            return figure2 != null && figure2.equals(table2);
        }
    }

    /**
     * Figure 2's total per biennium beside Table 2's XB total for the same biennium (the previous and the current one),
     * for the run's report: Figure 2 is computed from expenditure lines, Table 2 from the estimates, and a reader should
     * see whether they tell the same story. Every biennium of either table, oldest first; none without Figure 2 (a run
     * without expenditure lines has nothing to set beside Table 2).
     */
    public static List<XbTotals> xbBesideFigure2(Biennium current, java.util.Collection<Table> tables) {
        Table f2 = tables.stream().filter(t -> t.id().equals(RegionalExpenditureTable.ID)).findFirst().orElse(null);
        Table t2 = tables.stream().filter(t -> t.id().equals(ID)).findFirst().orElse(null);
        return f2 == null ? List.of() : xbBesideFigure2(current, t2, f2);
    }

    /** As {@link #xbBesideFigure2(Biennium, java.util.Collection)}, of these two tables (t2 null: Table 2 not built). */
    public static List<XbTotals> xbBesideFigure2(Biennium current, Table t2, Table f2) {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put(current.previous().code(), "xb_previous");
        columns.put(current.code(), "xb");
        Row t2Total = t2 == null ? null : t2.row(TOTAL);
        Map<String, BigDecimal> figure2 = f2 == null ? Map.of() : RegionalExpenditureTable.totals(f2);
        java.util.TreeSet<String> bienniums = new java.util.TreeSet<>(figure2.keySet());
        bienniums.addAll(columns.keySet());
        return bienniums.stream().map(b -> {
            String column = columns.get(b);
            BigDecimal table2 = t2Total == null || column == null ? null : (BigDecimal) t2Total.value(column);
            boolean table2Synthetic = t2Total != null && column != null && t2.column(column).synthetic();
            boolean table2FromLines = t2Total != null && column != null && t2.column(column).fromLines();
            return new XbTotals(b, figure2.get(b), table2, f2 != null && RegionalExpenditureTable.sumsSynthetic(f2, b), table2Synthetic,
                    table2FromLines);
        }).toList();
    }

    static BigDecimal sum(List<Row> rows, String column) {
        return rows.stream().map(r -> (BigDecimal) r.value(column)).filter(java.util.Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
