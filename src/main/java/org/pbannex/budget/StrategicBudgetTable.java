package org.pbannex.budget;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pbannex.reference.AppropriationLine;
import org.pbannex.reference.BudgetUnit;
import org.pbannex.reference.Part;
import org.pbannex.reference.DocumentText;
import org.pbannex.reference.ReferenceData;
import org.pbannex.reference.Texts;
import org.pbannex.table.Column;
import org.pbannex.table.Row;
import org.pbannex.table.RowType;
import org.pbannex.table.Table;
import org.pbannex.table.Text;
import org.pbannex.table.ValueKind;

/**
 * Table 1: the strategic budget by appropriation line. Each line is the roll-up of its units; after a Part
 * marked for it, a running total of Parts I to that Part.
 */
public final class StrategicBudgetTable {

    public static final String ID = "t1";

    private StrategicBudgetTable() {
    }

    public static Table build(ReferenceData ref, BudgetData data) {
        Texts t = ref.texts();
        // The printed headings state the unit themselves ("(美元)", "不变美元计"): no unit line under them.
        List<Column> columns = List.of(
                Column.of("budget_previous", t.get("t1.col.budget_previous"), Text.EMPTY, Text.EMPTY, ValueKind.AMOUNT),
                Column.of("constant", t.get("t1.col.constant"), Text.EMPTY, Text.EMPTY, ValueKind.AMOUNT),
                Column.of("recosted", t.get("t1.col.recosted"), Text.EMPTY, Text.EMPTY, ValueKind.AMOUNT));
        List<Row> rows = new ArrayList<>();
        Figures running = Figures.ZERO;
        Part first = ref.parts().get(0);
        Part last = ref.parts().get(ref.parts().size() - 1);
        for (Part part : ref.parts()) {
            rows.add(Row.heading("part." + part.code() + ".heading", ref.partHeading(part), 0));
            for (AppropriationLine line : ref.lines()) {
                if (!line.part().equals(part.code())) {
                    continue;
                }
                List<BudgetUnit> units = ref.units().stream().filter(u -> u.line().equals(line.code())).toList();
                Figures f = UnitRollup.sum(units, data);
                running = running.plus(f);
                rows.add(new Row(line.code(), RowType.UNIT, line.label(), 1, line.amountsPrinted() ? values(f) : Map.of()));
            }
            if (part.runningTotal()) {
                Text label = part == first
                        ? t.get("t1.part_total").with("part", part.number())
                        : UnitRollup.grandTotalLabel(ref, "t1.running_total", part);
                RowType type = part == last ? RowType.GRAND_TOTAL : RowType.PART_TOTAL;
                rows.add(new Row("total." + part.code(), type, label, 0, values(running)));
            }
        }
        return DocumentText.table(t, ID, columns, rows, false);
    }

    private static Map<String, Object> values(Figures f) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("budget_previous", f.budgetPrevious());
        v.put("constant", f.constant());
        v.put("recosted", f.recosted());
        return v;
    }
}
