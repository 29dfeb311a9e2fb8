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
 * Appendix III, the strategic risk register: one row per risk, its numbered event as the row label and the potential
 * consequences, comments and the Office's proposed response as the printed columns. Four columns of prose: a
 * landscape page.
 */
public final class RiskRegisterTable {

    public static final String ID = "risk";
    static final List<String> TEXT_COLUMNS = List.of("consequences", "comments", "response");

    private RiskRegisterTable() {
    }

    public static Table build(Texts t, DocumentData data) {
        List<Column> columns = new java.util.ArrayList<>(List.of(
                Column.dataKey("risk", ValueKind.COUNT),
                Column.dataKey("event", ValueKind.TEXT)));
        TEXT_COLUMNS.forEach(c -> columns.add(Column.of(c, t.get("risk.col." + c), Text.EMPTY, Text.EMPTY, ValueKind.TEXT)));
        List<Row> rows = data.risks().stream().map(r -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("risk", r.number());
            v.put("event", r.event());
            v.put("consequences", r.consequences());
            v.put("comments", r.comments());
            v.put("response", r.response());
            Text label = t.get("risk.event").with("number", Long.toString(r.number())).with("event", r.event());
            return new Row(Long.toString(r.number()), RowType.UNIT, label, 0, v);
        }).toList();
        return DocumentText.table(t, ID, columns, rows, true);
    }
}
