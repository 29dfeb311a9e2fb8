package org.pbannex.budget;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pbannex.reference.DocumentText;
import org.pbannex.reference.ReferenceData;
import org.pbannex.reference.Texts;
import org.pbannex.table.Column;
import org.pbannex.table.Row;
import org.pbannex.table.Table;
import org.pbannex.table.Text;
import org.pbannex.table.ValueKind;

/** Information annex 1: the operational budget (work-years/months, staff and non-staff costs, total). Zero amounts print as a dash, as in the printed annex. */
public final class OperationalBudgetTable {

    public static final String ID = "a1";

    private OperationalBudgetTable() {
    }

    public static Table build(ReferenceData ref, BudgetData data) {
        Texts t = ref.texts();
        Text usd = t.get("unit.usd");
        Text workYears = t.get("a1.group.workyears");
        List<Column> columns = List.of(
                Column.of("prof", t.get("a1.col.prof"), workYears, Text.EMPTY, ValueKind.YEARS_MONTHS),
                Column.of("gs", t.get("a1.col.gs"), workYears, Text.EMPTY, ValueKind.YEARS_MONTHS),
                Column.of("staff_costs", t.get("a1.col.staff_costs"), Text.EMPTY, usd, ValueKind.AMOUNT_OR_DASH),
                Column.of("non_staff_costs", t.get("a1.col.non_staff_costs"), Text.EMPTY, usd, ValueKind.AMOUNT_OR_DASH),
                Column.of("total", t.get("a1.col.total"), Text.EMPTY, usd, ValueKind.AMOUNT_OR_DASH));
        List<Row> rows = UnitRollup.rows(UnitRollup.lines(ref, data, ID), OperationalBudgetTable::values);
        return DocumentText.table(t, ID, columns, rows, true);
    }

    private static Map<String, Object> values(Figures f) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("prof", f.profMonths());
        v.put("gs", f.gsMonths());
        v.put("staff_costs", f.staffCosts());
        v.put("non_staff_costs", f.nonStaffCosts());
        v.put("total", f.constant());
        return v;
    }
}
