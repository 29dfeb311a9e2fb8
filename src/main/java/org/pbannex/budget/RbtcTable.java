package org.pbannex.budget;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pbannex.reference.BudgetUnit;
import org.pbannex.reference.DocumentText;
import org.pbannex.reference.ReferenceData;
import org.pbannex.reference.Texts;
import org.pbannex.reference.UnitGroup;
import org.pbannex.table.Column;
import org.pbannex.table.ItemsAndTotal;
import org.pbannex.table.Table;
import org.pbannex.table.Text;
import org.pbannex.table.ValueKind;

/** Information annex 3: RBTC resources per holder (a unit or a whole group), constant and recosted, with the total. */
public final class RbtcTable {

    public static final String ID = "a3";

    private RbtcTable() {
    }

    public static Table build(ReferenceData ref, BudgetData data) {
        Texts t = ref.texts();
        Text usd = t.get("unit.usd");
        List<Column> columns = List.of(
                Column.of("constant", t.get("a3.col.constant"), Text.EMPTY, usd, ValueKind.AMOUNT),
                Column.of("recosted", t.get("a3.col.recosted"), Text.EMPTY, usd, ValueKind.AMOUNT));
        Map<String, BudgetUnit> units = ReferenceData.byCode(ref.units(), BudgetUnit::code);
        Map<String, UnitGroup> groups = ReferenceData.byCode(ref.groups(), UnitGroup::code);
        ItemsAndTotal rows = new ItemsAndTotal(2, (amounts, totals) -> values(amounts[0], amounts[1]));
        for (BudgetData.RbtcHolding h : data.rbtc()) {
            Text label = units.containsKey(h.holder()) ? units.get(h.holder()).label() : groups.get(h.holder()).label();
            rows.item(h.holder(), label, h.constant(), h.recosted());
        }
        return DocumentText.table(t, ID, columns, rows.withTotal(t.get("a3.total")), false);
    }

    private static Map<String, Object> values(long constant, long recosted) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("constant", constant);
        v.put("recosted", recosted);
        return v;
    }
}
