package org.pbannex.budget;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pbannex.table.Money;
import org.pbannex.table.Row;
import org.pbannex.table.RowType;
import org.pbannex.table.Text;

/**
 * Item rows of two amounts each and, beneath them, the total row that sums both (A2-2 by object of expenditure, A3 by
 * holder). What a row shows of its two amounts is the table's own.
 */
final class ItemsAndTotal {

    /** A row's values from its two amounts. */
    interface Values {
        Map<String, Object> of(long first, long second);
    }

    private final Values values;
    private final List<Row> rows = new ArrayList<>();
    private long first;
    private long second;

    ItemsAndTotal(Values values) {
        this.values = values;
    }

    void item(String key, Text label, long firstAmount, long secondAmount) {
        rows.add(new Row(key, RowType.UNIT, label, 0, values.of(firstAmount, secondAmount)));
        first = Money.add(first, firstAmount);
        second = Money.add(second, secondAmount);
    }

    /** The items, then their total under this label. */
    List<Row> withTotal(Text label) {
        List<Row> out = new ArrayList<>(rows);
        out.add(new Row("total", RowType.GRAND_TOTAL, label, 0, values.of(first, second)));
        return out;
    }
}
