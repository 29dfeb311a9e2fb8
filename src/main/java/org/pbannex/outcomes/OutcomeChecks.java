package org.pbannex.outcomes;

import java.math.BigDecimal;
import java.util.Map;
import org.pbannex.table.Checks;
import org.pbannex.table.Money;
import org.pbannex.table.Row;
import org.pbannex.table.RowType;
import org.pbannex.table.Table;

/**
 * Table 2 and annex 4 against the budget: the outcome allocations add up to Table 1's policy-outcomes line less
 * support services; the previous biennium's printed outcome figures add up to the subtotal derived from the exact
 * budget; the shares the source states for an outcome do not exceed 100%.
 */
public final class OutcomeChecks {

    private OutcomeChecks() {
    }

    public static Checks run(OutcomeResources res, Map<String, Table> tables) {
        Checks c = new Checks();
        Table t2 = tables.get(StrategicFrameworkTable.ID);
        var f = StrategicFrameworkTable.LineFigures.from(res, tables.get("t1"), tables.get("a2"));
        c.equal("t2.outcomes_are_line_less_support", "t2", StrategicFrameworkTable.SUBTOTAL, Money.subtract(f.lineConstant(), f.supportConstant()), res.allocationTotal());
        var outcomeRows = t2.rows().stream().filter(r -> r.type() == RowType.ITEM && !r.key().equals(StrategicFrameworkTable.SUPPORT_SERVICES)).toList();
        c.equal("t2.previous_outcomes_add_up", "t2", StrategicFrameworkTable.SUBTOTAL, t2.row(StrategicFrameworkTable.SUBTOTAL).value("rb_previous"),
                StrategicFrameworkTable.sum(outcomeRows, "rb_previous"));
        for (String column : new String[] {"rb_previous", "rb"}) {
            BigDecimal parts = ((BigDecimal) t2.row(StrategicFrameworkTable.SUBTOTAL).value(column)).add((BigDecimal) t2.row(StrategicFrameworkTable.SUPPORT_SERVICES).value(column));
            c.equal("t2.subtotal_plus_support_is_total", "t2", "total/" + column, t2.row(StrategicFrameworkTable.TOTAL).value(column), parts);
        }
        Table a4 = tables.get(OutcomeResourcesTable.ID);
        for (Row r : a4.rows()) {
            if (r.key().endsWith(".rest")) {
                BigDecimal rest = (BigDecimal) r.value("share_pct");
                c.isTrue("a4.stated_shares_within_100", "a4", r.key(), rest.signum() >= 0, "stated shares <= 100%",
                        "not itemised " + rest.toPlainString() + "%");
            }
        }
        return c;
    }
}
