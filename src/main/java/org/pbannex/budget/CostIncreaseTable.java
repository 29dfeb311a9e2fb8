package org.pbannex.budget;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pbannex.reference.DocumentText;
import org.pbannex.reference.ReferenceData;
import org.pbannex.reference.Texts;
import org.pbannex.table.Column;
import org.pbannex.table.Percent;
import org.pbannex.table.Row;
import org.pbannex.table.Table;
import org.pbannex.table.Text;
import org.pbannex.table.ValueKind;

/**
 * Information annex 2: details of cost increases. Programme change = constant - previous budget; recosted =
 * constant + cost change; percentages half-up to one decimal from the unrounded ratio.
 */
public final class CostIncreaseTable {

    public static final String ID = "a2";

    private CostIncreaseTable() {
    }

    public static Table build(ReferenceData ref, BudgetData data) {
        Texts t = ref.texts();
        Text usd = t.get("unit.usd");
        Text pct = t.get("unit.pct");
        Text prog = t.get("a2.group.programme_change");
        Text cost = t.get("a2.group.cost_change");
        List<Column> columns = List.of(
                Column.of("budget_previous", t.get("a2.col.budget_previous"), Text.EMPTY, usd, ValueKind.AMOUNT),
                Column.of("constant", t.get("a2.col.constant"), Text.EMPTY, usd, ValueKind.AMOUNT),
                Column.of("programme_change", t.get("a2.col.amount"), prog, usd, ValueKind.AMOUNT),
                Column.percentOf("programme_change_pct", t.get("a2.col.pct"), prog, pct, "programme_change", "budget_previous"),
                Column.of("cost_change", t.get("a2.col.amount"), cost, usd, ValueKind.AMOUNT),
                Column.percentOf("cost_change_pct", t.get("a2.col.pct"), cost, pct, "cost_change", "constant"),
                Column.of("recosted", t.get("a2.col.recosted"), Text.EMPTY, usd, ValueKind.AMOUNT),
                Column.of("pct_of_total", t.get("a2.col.pct_of_total"), Text.EMPTY, pct, ValueKind.PERCENT));
        List<UnitRollup.Line> lines = UnitRollup.lines(ref, data, ID);
        long grandRecosted = lines.get(lines.size() - 1).figures().recosted();
        List<Row> rows = UnitRollup.rows(lines, f -> values(f, grandRecosted, columns));
        return DocumentText.table(t, ID, columns, rows, true);
    }

    private static Map<String, Object> values(Figures f, long grandRecosted, List<Column> columns) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("budget_previous", f.budgetPrevious());
        v.put("constant", f.constant());
        v.put("programme_change", f.programmeChange());
        v.put("cost_change", f.costChange());
        v.put("recosted", f.recosted());
        // The percentages within the row as the columns declare them (what review names as their two figures).
        columns.stream().filter(c -> c.percentOf() != null).forEach(c -> v.put(c.key(), c.percentOf().of(v)));
        v.put("pct_of_total", Percent.of(f.recosted(), grandRecosted));
        Map<String, Object> inOrder = new LinkedHashMap<>(); // the columns' order, as before
        columns.forEach(c -> inOrder.put(c.key(), v.get(c.key())));
        return inOrder;
    }
}
