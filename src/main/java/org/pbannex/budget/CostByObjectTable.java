package org.pbannex.budget;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pbannex.reference.ExpenditureObject;
import org.pbannex.reference.DocumentText;
import org.pbannex.reference.ReferenceData;
import org.pbannex.reference.Texts;
import org.pbannex.table.Column;
import org.pbannex.table.ItemsAndTotal;
import org.pbannex.table.Percent;
import org.pbannex.table.Table;
import org.pbannex.table.Text;
import org.pbannex.table.ValueKind;

/** Table A2-2: cost adjustment by object of expenditure; biennial rate = adjustment / constant budget. */
public final class CostByObjectTable {

    public static final String ID = "a2-2";

    private CostByObjectTable() {
    }

    public static Table build(ReferenceData ref, BudgetData data) {
        Texts t = ref.texts();
        Text usd = t.get("unit.usd");
        List<Column> columns = List.of(
                Column.of("constant", t.get("a2-2.col.constant"), Text.EMPTY, usd, ValueKind.AMOUNT),
                Column.of("cost_adjustment", t.get("a2-2.col.cost_adjustment"), Text.EMPTY, usd, ValueKind.AMOUNT),
                Column.of("rate_pct", t.get("a2-2.col.rate_pct"), Text.EMPTY, t.get("unit.pct"), ValueKind.PERCENT));
        ItemsAndTotal rows = new ItemsAndTotal(2, (amounts, totals) -> values(amounts[0], amounts[1]));
        for (ExpenditureObject o : ref.objects()) {
            for (BudgetData.ObjectCost c : data.objectCosts()) {
                if (c.object().equals(o.code())) {
                    rows.item(o.code(), o.label(), c.constantBudget(), c.costAdjustment());
                }
            }
        }
        return DocumentText.table(t, ID, columns, rows.withTotal(t.get("a2-2.total")), false);
    }

    private static Map<String, Object> values(long constant, long adjustment) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("constant", constant);
        v.put("cost_adjustment", adjustment);
        v.put("rate_pct", Percent.of(adjustment, constant));
        return v;
    }
}
