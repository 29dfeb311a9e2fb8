package org.pbannex.outcomes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pbannex.reference.ReferenceData;
import org.pbannex.table.Table;

/** Builds Table 2 and annex 4 from the outcome resources and the already built budget tables (t1, a2). */
public final class OutcomeAnnexes {

    public static final List<String> IDS = List.of(StrategicFrameworkTable.ID, OutcomeResourcesTable.ID);

    private OutcomeAnnexes() {
    }

    public static Map<String, Table> build(ReferenceData ref, OutcomeResources res, Map<String, Table> budgetTables,
                                           org.pbannex.expenditure.ExpenditureTotals lines) {
        Map<String, Table> t = new LinkedHashMap<>();
        t.put(StrategicFrameworkTable.ID, StrategicFrameworkTable.build(ref.texts(), ref.biennium(), res, budgetTables.get("t1"),
                budgetTables.get("a2"), lines));
        t.put(OutcomeResourcesTable.ID, OutcomeResourcesTable.build(ref.texts(), res));
        return t;
    }
}
