package org.pbannex.results;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.pbannex.reference.DocumentText;
import org.pbannex.reference.ReferenceData;
import org.pbannex.reference.Region;
import org.pbannex.reference.TargetUnit;
import org.pbannex.reference.TextKeys;
import org.pbannex.reference.Texts;
import org.pbannex.results.ResultsFramework.Indicator;
import org.pbannex.results.ResultsFramework.Kind;
import org.pbannex.results.ResultsFramework.Outcome;
import org.pbannex.table.CheckResult.InputLines;
import org.pbannex.table.Chart;
import org.pbannex.table.Column;
import org.pbannex.table.Language;
import org.pbannex.table.Money;
import org.pbannex.table.Row;
import org.pbannex.table.RowType;
import org.pbannex.table.Table;
import org.pbannex.table.Text;
import org.pbannex.table.TidyRows;
import org.pbannex.table.ValueKind;

/**
 * Targets by region (rt, not in the printed document): for each outcome and unit of count, the sum of the regional
 * targets of its indicators whose target names regions, per region and in all, and how many such indicators
 * there are; then the same over all outcomes. Published long in the tidy CSV (one row per outcome, unit and
 * region) and with a bar chart of the totals per region for each unit of count. Not in the printed document: its
 * caveat says so wherever it is shown.
 */
public final class RegionalTargetsTable {

    public static final String ID = "rt";
    static final String ALL = "ALL";
    // The input files (data package resources) a failed check names lines of.
    private static final String INDICATORS = "results_indicators";
    private static final String REGIONAL_TARGETS = "results_regional_targets";

    private RegionalTargetsTable() {
    }

    /** One cell block: the target sum and indicator count per region code, and ALL. */
    record Tally(Map<String, Long> targets, Map<String, Long> indicators) {

        static Tally of(List<Indicator> split, List<Region> regions) {
            Map<String, Long> targets = new LinkedHashMap<>();
            Map<String, Long> indicators = new LinkedHashMap<>();
            for (Region r : regions) {
                targets.put(r.code(), Money.sum(split.stream().mapToLong(i -> i.regionalTargets().getOrDefault(r.code(), 0L))));
                indicators.put(r.code(), split.stream().filter(i -> i.regionalTargets().containsKey(r.code())).count());
            }
            targets.put(ALL, Money.sum(split.stream().mapToLong(Indicator::targetTotal)));
            indicators.put(ALL, (long) split.size());
            return new Tally(targets, indicators);
        }
    }

    /** The indicators the table counts: those whose target names regions. */
    static List<Indicator> split(ResultsFramework rf) {
        return rf.indicators().stream().filter(Indicator::hasRegionalSplit).toList();
    }

    /** The indicators a row counts (its key: outcome and unit of count, "1.ORG"; the totals' outcome is ALL). */
    static List<Indicator> counted(List<Indicator> split, String rowKey) {
        String outcome = rowKey.substring(0, rowKey.lastIndexOf('.'));
        String unit = rowKey.substring(rowKey.lastIndexOf('.') + 1);
        return split.stream().filter(i -> (outcome.equals(ALL) || i.outcome().equals(outcome)) && i.targetUnit().equals(unit)).toList();
    }

    /**
     * The input lines behind a row's cells of one group ("target" or "indicators") for one region, or every region when
     * {@code region} is null: the row's indicators' regional targets; for ALL, the indicators themselves (their stated
     * totals). A failed check of the table names these.
     */
    static InputLines inputLines(List<Indicator> split, String rowKey, String group, String region) {
        Set<String> ids = new LinkedHashSet<>(counted(split, rowKey).stream().map(Indicator::id).toList());
        if (ALL.equals(region)) {
            return new InputLines(INDICATORS, "indicator", ids, List.of(group.equals("target") ? "target_total" : "indicator"));
        }
        InputLines targets = new InputLines(REGIONAL_TARGETS, "indicator", ids, List.of(group.equals("target") ? "count" : "region"));
        return region == null ? targets : targets.and("region", Set.of(region));
    }

    public static Table build(ReferenceData ref, ResultsFramework rf) {
        Texts t = ref.texts();
        List<Region> regions = ref.targetRegions();
        List<Indicator> split = split(rf);
        List<TargetUnit> units = ref.targetUnits().stream()
                .filter(u -> split.stream().anyMatch(i -> i.targetUnit().equals(u.code()))).toList();
        List<Row> rows = new ArrayList<>();
        List<TidyRows.Line> tidy = new ArrayList<>();
        for (Outcome o : rf.outcomes()) {
            List<Indicator> ofOutcome = split.stream().filter(i -> i.outcome().equals(o.code())).toList();
            if (ofOutcome.isEmpty()) {
                continue;
            }
            String heading = o.kind() == Kind.IMPACT ? "results.impact" : "results.outcome";
            Text outcomeLabel = t.get(heading).with("code", o.code()).with("title", o.title());
            rows.add(Row.heading("outcome." + o.code(), outcomeLabel, 0));
            for (TargetUnit u : units) {
                List<Indicator> cell = counted(split, o.code() + "." + u.code());
                if (!cell.isEmpty()) {
                    add(rows, tidy, o.code(), u, RowType.UNIT, Tally.of(cell, regions), regions, outcomeLabel, u.name());
                }
            }
        }
        Text totalLabel = t.get("rt.total");
        rows.add(Row.heading("total", totalLabel, 0));
        Map<String, Tally> totals = new LinkedHashMap<>();
        for (TargetUnit u : units) {
            Tally tally = Tally.of(counted(split, ALL + "." + u.code()), regions);
            totals.put(u.code(), tally);
            // "Total: Member States", not the unit alone: a workbook row sorted or filtered away from its heading says
            // it is a total.
            add(rows, tidy, ALL, u, RowType.GRAND_TOTAL, tally, regions, totalLabel, t.get("rt.total_of").with("unit", u.name()));
        }
        List<Text> footnotes = t.numbered(TextKeys.footnotes(ID)).stream().map(f -> f.with("split", Long.toString(split.size())))
                .toList();
        Table table = DocumentText.table(t, ID, columns(t, regions), rows, footnotes, true);
        return table.withTidy(new TidyRows(List.of("outcome", "region", IndicatorTables.COUNT_UNIT, "target_sum", "indicators"), tidy))
                .withCharts(charts(t, regions, units, totals)).withCaveat(t.get("rt.caveat"));
    }

    private static void add(List<Row> rows, List<TidyRows.Line> tidy, String outcome, TargetUnit unit, RowType type,
                            Tally tally, List<Region> regions, Text outcomeLabel, Text rowLabel) {
        Map<String, Object> v = new LinkedHashMap<>();
        tally.targets().forEach((region, n) -> v.put("target_" + region, n));
        tally.indicators().forEach((region, n) -> v.put("indicators_" + region, n));
        String key = outcome + "." + unit.code();
        rows.add(new Row(key, type, rowLabel, 1, v));
        Text label = new Text(outcomeLabel.zh() + " — " + unit.name().zh(), outcomeLabel.en().isEmpty() ? ""
                : outcomeLabel.en() + " — " + unit.name().in(Language.EN));
        List<String> codes = new ArrayList<>(regions.stream().map(Region::code).toList());
        codes.add(ALL);
        for (String region : codes) {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("outcome", outcome);
            values.put("region", region);
            values.put(IndicatorTables.COUNT_UNIT, unit.code());
            values.put("target_sum", Long.toString(tally.targets().get(region)));
            values.put("indicators", Long.toString(tally.indicators().get(region)));
            tidy.add(new TidyRows.Line(key + "." + region, type, label, values,
                    Map.of("target_sum", "target_" + region, "indicators", "indicators_" + region)));
        }
    }

    private static List<Column> columns(Texts t, List<Region> regions) {
        List<Column> c = new ArrayList<>();
        for (String group : List.of("targets", "indicators")) {
            Text groupHeading = t.get("rt.group." + group);
            for (Region r : regions) {
                c.add(Column.of(group.equals("targets") ? "target_" + r.code() : "indicators_" + r.code(), r.label(),
                        groupHeading, Text.EMPTY, ValueKind.COUNT));
            }
            c.add(Column.of((group.equals("targets") ? "target_" : "indicators_") + ALL, t.get("rt.col.total"), groupHeading,
                    Text.EMPTY, ValueKind.COUNT));
        }
        return c;
    }

    /**
     * Totals per region, one chart per unit of count: member States, organizations and ratifications are not counted
     * on one axis.
     */
    private static List<Chart> charts(Texts t, List<Region> regions, List<TargetUnit> units, Map<String, Tally> totals) {
        List<Chart> charts = new ArrayList<>();
        for (TargetUnit u : units) {
            List<Number> values = regions.stream().map(r -> (Number) totals.get(u.code()).targets().get(r.code())).toList();
            String zh = regions.stream().map(r -> r.label().zh() + " " + totals.get(u.code()).targets().get(r.code()))
                    .collect(Collectors.joining("，"));
            String en = regions.stream().map(r -> r.label().in(Language.EN) + " " + totals.get(u.code()).targets().get(r.code()))
                    .collect(Collectors.joining(", "));
            Text alt = t.get("rt.chart.alt").with("unit", u.name()).with("values", new Text(zh, en));
            charts.add(new Chart(ID + "-" + u.code(), t.get("rt.chart.title").with("unit", u.name()), alt, u.name(),
                    regions.stream().map(Region::label).toList(), List.of(new Chart.Series(u.name(), values, ALL + "." + u.code()))));
        }
        return charts;
    }
}
