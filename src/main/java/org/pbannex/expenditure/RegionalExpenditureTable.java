package org.pbannex.expenditure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pbannex.reference.Biennium;
import org.pbannex.reference.DocumentText;
import org.pbannex.reference.ReferenceData;
import org.pbannex.reference.Region;
import org.pbannex.reference.Texts;
import org.pbannex.table.Chart;
import org.pbannex.table.Column;
import org.pbannex.table.Percent;
import org.pbannex.table.Row;
import org.pbannex.table.RowType;
import org.pbannex.table.Table;
import org.pbannex.table.Text;
import org.pbannex.table.TidyRows;
import org.pbannex.table.ValueKind;

/**
 * Figure 2: extra-budgetary expenditure by region and biennium, in US$ millions, from the expenditure lines. A
 * biennium's mark says what its figures are: * actual, ** partly actual and partly estimated, *** estimated. The
 * tidy CSV keeps exact amounts (two decimals) by region, biennium and status; a bar chart shows the table.
 */
public final class RegionalExpenditureTable {

    public static final String ID = "f2";
    static final String FUND = "XB";

    private RegionalExpenditureTable() {
    }

    public static Table build(ReferenceData ref, ExpenditureTotals totals, boolean synthetic) {
        Texts t = ref.texts();
        List<Integer> years = totals.bienniums().stream().filter(y -> totals.lines(FUND, null, null, null, y) > 0).toList();
        List<Column> columns = new ArrayList<>();
        for (int y : years) {
            Biennium b = new Biennium(y);
            columns.add(Column.of(b.code(), Text.of(b.longForm() + " " + mark(totals, y)), Text.EMPTY, Text.EMPTY, ValueKind.MILLIONS));
        }
        List<Row> rows = new ArrayList<>();
        List<TidyRows.Line> tidy = new ArrayList<>();
        List<Region> regions = ref.regions().stream().filter(r -> totals.lines(FUND, null, r.code(), null, null) > 0).toList();
        for (Region r : regions) {
            Map<String, Object> v = new LinkedHashMap<>();
            for (int y : years) {
                // No line at all is a blank, not 0.0: nothing was reported for that region and biennium.
                boolean any = totals.lines(FUND, null, r.code(), null, y) > 0;
                v.put(new Biennium(y).code(), any ? Percent.millionsOfCents(totals.cents(FUND, null, r.code(), null, y)) : null);
                for (String status : ExpenditureTotals.STATUSES) {
                    if (totals.lines(FUND, status, r.code(), null, y) > 0) {
                        tidy.add(tidyLine(r.code(), r.label(), y, status, totals.cents(FUND, status, r.code(), null, y)));
                    }
                }
            }
            rows.add(new Row(r.code(), RowType.ITEM, r.label(), 0, v));
        }
        Map<String, Object> total = new LinkedHashMap<>();
        for (int y : years) {
            total.put(new Biennium(y).code(), Percent.millionsOfCents(totals.cents(FUND, null, null, null, y)));
        }
        rows.add(new Row("total", RowType.TOTAL, t.get("f2.total"), 0, total));
        List<Text> footnotes = new ArrayList<>(t.numbered("f2.footnote."));
        if (synthetic) {
            footnotes.add(t.get("f2.synthetic"));
        }
        Table table = DocumentText.table(t, ID, columns, rows, footnotes, years.size() > 5);
        List<Chart.Series> series = new ArrayList<>();
        for (int y : years) {
            series.add(new Chart.Series(Text.of(new Biennium(y).longForm() + " " + mark(totals, y)),
                    regions.stream().map(r -> (Number) Percent.millionsOfCents(totals.cents(FUND, null, r.code(), null, y))).toList()));
            // (The chart draws an empty region and biennium as a zero-length bar.)
        }
        Chart chart = new Chart(ID + "-regions", t.get("f2.title"), t.get("f2.chart.alt"), t.get("f2.unit"),
                regions.stream().map(Region::label).toList(), series);
        return table.withTidy(new TidyRows(List.of("region", "biennium", "status", "amount_usd"), tidy)).withCharts(List.of(chart));
    }

    /** * all actual, *** all estimated, ** both. */
    static String mark(ExpenditureTotals totals, int year) {
        boolean actual = totals.lines(FUND, "ACTUAL", null, null, year) > 0;
        boolean estimate = totals.lines(FUND, "ESTIMATE", null, null, year) > 0;
        return actual && estimate ? "**" : actual ? "*" : "***";
    }

    private static TidyRows.Line tidyLine(String region, Text label, int year, String status, long cents) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("region", region);
        v.put("biennium", new Biennium(year).code());
        v.put("status", status);
        v.put("amount_usd", BigDecimal.valueOf(cents, 2).toPlainString());
        return new TidyRows.Line(region + "." + new Biennium(year).code() + "." + status, RowType.ITEM, label, v);
    }
}
