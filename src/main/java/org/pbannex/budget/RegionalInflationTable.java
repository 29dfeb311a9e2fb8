package org.pbannex.budget;

import java.util.List;
import java.util.Map;
import org.pbannex.reference.DocumentText;
import org.pbannex.reference.ReferenceData;
import org.pbannex.reference.Region;
import org.pbannex.reference.Texts;
import org.pbannex.table.Column;
import org.pbannex.table.Row;
import org.pbannex.table.RowType;
import org.pbannex.table.Table;
import org.pbannex.table.Text;
import org.pbannex.table.ValueKind;

/** Table A2-1: expected average annual inflation by region, as input, in the order of the region list. */
public final class RegionalInflationTable {

    public static final String ID = "a2-1";

    private RegionalInflationTable() {
    }

    public static Table build(ReferenceData ref, BudgetData data) {
        Texts t = ref.texts();
        List<Column> columns = List.of(Column.of("rate_pct", t.get("a2-1.col.rate_pct"), Text.EMPTY, t.get("unit.pct"),
                ValueKind.PERCENT));
        Map<String, Region> regions = ReferenceData.byCode(ref.regions(), Region::code);
        List<Row> rows = ref.regions().stream()
                .flatMap(r -> data.inflation().stream().filter(x -> x.region().equals(r.code())))
                .map(x -> new Row(x.region(), RowType.UNIT, regions.get(x.region()).shortLabel(), 0,
                        Map.of("rate_pct", x.annualPct())))
                .toList();
        return DocumentText.table(t, ID, columns, rows, false);
    }
}
