package org.pbannex.budget;

import java.util.LinkedHashMap;
import java.util.Map;
import org.pbannex.reference.ReferenceData;
import org.pbannex.table.Table;

/** Builds every budget table of the publication, in publication order. */
public final class BudgetAnnexes {

    /** The ids of the tables this module builds, in publication order. */
    public static final java.util.List<String> IDS = java.util.List.of(StrategicBudgetTable.ID, BudgetResolutionTable.ID,
            OperationalBudgetTable.ID, CostIncreaseTable.ID, RegionalInflationTable.ID, CostByObjectTable.ID, RbtcTable.ID);

    private BudgetAnnexes() {
    }

    public static Map<String, Table> build(ReferenceData ref, BudgetData data) {
        Map<String, Table> t = new LinkedHashMap<>();
        t.put(StrategicBudgetTable.ID, StrategicBudgetTable.build(ref, data));
        t.put(BudgetResolutionTable.ID, BudgetResolutionTable.build(ref, data));
        t.put(OperationalBudgetTable.ID, OperationalBudgetTable.build(ref, data));
        t.put(CostIncreaseTable.ID, CostIncreaseTable.build(ref, data));
        t.put(RegionalInflationTable.ID, RegionalInflationTable.build(ref, data));
        t.put(CostByObjectTable.ID, CostByObjectTable.build(ref, data));
        t.put(RbtcTable.ID, RbtcTable.build(ref, data));
        return t;
    }
}
