package org.pbannex.document;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pbannex.reference.DocumentText;
import org.pbannex.reference.Texts;
import org.pbannex.table.Column;
import org.pbannex.table.Row;
import org.pbannex.table.RowType;
import org.pbannex.table.Table;
import org.pbannex.table.Text;
import org.pbannex.table.ValueKind;

/**
 * Information annex 1, paragraph 52: the supplementary expenditure authorizations approved by the Governing Body in
 * the last financial periods, one row per period in US$, as printed (the paragraph prints no total, so neither does
 * this table).
 */
public final class SupplementaryAuthorizationsTable {

    public static final String ID = "sa";

    private SupplementaryAuthorizationsTable() {
    }

    public static Table build(Texts t, DocumentData data) {
        List<Column> columns = List.of(
                Column.dataKey("financial_period", ValueKind.TEXT),
                Column.of("amount_usd", t.get("sa.col.amount"), Text.EMPTY, Text.EMPTY, ValueKind.AMOUNT));
        List<Row> rows = data.authorizations().stream().map(a -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("financial_period", a.period().longForm());
            v.put("amount_usd", a.amountUsd());
            return new Row(a.period().code(), RowType.UNIT, Text.of(a.period().longForm()), 0, v);
        }).toList();
        return DocumentText.table(t, ID, columns, rows, false);
    }
}
