package org.pbannex.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pbannex.reference.DocumentText;
import org.pbannex.reference.ReferenceData;
import org.pbannex.reference.Region;
import org.pbannex.reference.TargetUnit;
import org.pbannex.reference.Texts;
import org.pbannex.results.ResultsFramework.Indicator;
import org.pbannex.results.ResultsFramework.Kind;
import org.pbannex.results.ResultsFramework.Outcome;
import org.pbannex.results.ResultsFramework.Output;
import org.pbannex.table.Column;
import org.pbannex.table.Row;
import org.pbannex.table.RowType;
import org.pbannex.table.Table;
import org.pbannex.table.Text;
import org.pbannex.table.ValueKind;

/**
 * Appendix I tables I.1 (impact), I.2 (policy outcomes) and I.3 (enabling outcomes), as printed: the columns
 * indicator / means of verification / baseline / target, with outcome and output headings as rows. The codes,
 * levels, countable targets and regional counts go with them as data columns (workbook and CSV), not printed.
 */
public final class IndicatorTables {

    /** The field of a countable target's unit of count, by its code: the same field, and codes, as rt.csv's. */
    public static final String COUNT_UNIT = "count_unit";

    private IndicatorTables() {
    }

    public static Table build(ReferenceData ref, ResultsFramework rf, Kind kind) {
        Texts t = ref.texts();
        Map<String, TargetUnit> units = ReferenceData.byCode(ref.targetUnits(), TargetUnit::code);
        List<Row> rows = new ArrayList<>();
        for (Outcome o : rf.outcomes(kind)) {
            String heading = kind == Kind.IMPACT ? "results.impact" : "results.outcome";
            // A heading carries its outcome's code, as the indicators under it do, so that the CSV filtered by outcome
            // keeps the heading with them; its other cells stay empty (no sheet or printed column shows the codes).
            rows.add(new Row("outcome." + o.code(), RowType.HEADING, t.get(heading).with("code", o.code()).with("title", o.title()),
                    0, Map.of("outcome", o.code())));
            List<Indicator> outcomeLevel = rf.indicatorsOf(o.code(), null);
            if (outcomeLevel.isEmpty() && !o.placeholder().isEmpty()) {
                rows.add(placeholderRow(o));
            }
            outcomeLevel.forEach(i -> rows.add(indicatorRow(t, ref, units, i)));
            for (Output out : rf.outputsOf(o.code())) {
                rows.add(new Row("output." + out.code(), RowType.HEADING, t.get("results.output").with("code", out.code())
                        .with("title", out.title()), 0, Map.of("outcome", o.code()), "outcome." + o.code()));
                rf.indicatorsOf(o.code(), out.code()).forEach(i -> rows.add(indicatorRow(t, ref, units, i)));
            }
        }
        return DocumentText.table(t, kind.tableId(), columns(t, ref), rows, false);
    }

    private static List<Column> columns(Texts t, ReferenceData ref) {
        List<Column> c = new ArrayList<>(List.of(
                Column.attribute("code", t.get("results.col.code"), ValueKind.TEXT),
                Column.dataKey("level", ValueKind.TEXT),
                Column.dataKey("outcome", ValueKind.TEXT),
                Column.dataKey("output", ValueKind.TEXT),
                // The unit of count's code (target_units.csv), as rt.csv's count_unit: the two join on it, whatever the
                // edition's language words target_unit in.
                Column.dataKey(COUNT_UNIT, ValueKind.TEXT),
                Column.dataKey("indicator", ValueKind.TEXT),
                Column.of("verification", t.get("results.col.verification"), Text.EMPTY, Text.EMPTY, ValueKind.TEXT),
                Column.of("baselines", t.get("results.col.baselines"), Text.EMPTY, Text.EMPTY, ValueKind.TEXT),
                Column.of("target", t.get("results.col.target"), Text.EMPTY, Text.EMPTY, ValueKind.TEXT),
                Column.attribute("target_total", t.get("results.col.target_total"), ValueKind.COUNT),
                Column.attribute("target_unit", t.get("results.col.target_unit"), ValueKind.TEXT)));
        for (Region r : ref.targetRegions()) {
            c.add(new Column(r.code(), r.label(), t.get("results.col.region_target"), Text.EMPTY, ValueKind.COUNT,
                    Column.Role.ATTRIBUTE));
        }
        return c;
    }

    /**
     * "待制定。" printed in the outcome-indicator slot of an outcome that has none yet: set as an indicator row (plain, not
     * bold), though it is no indicator: it has no level and is not counted.
     */
    private static Row placeholderRow(Outcome o) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("outcome", o.code());
        v.put("indicator", o.placeholder());
        return new Row("outcome." + o.code() + ".placeholder", RowType.UNIT, o.placeholder(), 0, v);
    }

    private static Row indicatorRow(Texts t, ReferenceData ref, Map<String, TargetUnit> units, Indicator i) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("code", i.code().isEmpty() ? null : i.code());
        v.put("level", i.level());
        v.put("outcome", i.outcome());
        v.put("output", i.output().isEmpty() ? null : i.output());
        v.put("indicator", i.text());
        // results_indicators.csv leaves the means of verification empty where the print merges it with the cell above.
        v.put("verification", i.verification().isEmpty() ? Row.SHARED_WITH_ROW_ABOVE : i.verification());
        v.put("baselines", i.baselines().isEmpty() ? null : IndicatorText.baselines(t, i.baselines()));
        v.put("target", i.target().isEmpty() ? null : i.target());
        v.put("target_total", i.targetTotal());
        TargetUnit unit = i.targetUnit().isEmpty() ? null : units.get(i.targetUnit());
        v.put(COUNT_UNIT, unit == null ? null : unit.code());
        v.put("target_unit", unit == null ? null : unit.label());
        for (Region r : ref.targetRegions()) {
            v.put(r.code(), i.regionalTargets().get(r.code()));
        }
        return new Row(i.id(), RowType.UNIT, IndicatorText.label(t, i), 0, v);
    }
}
