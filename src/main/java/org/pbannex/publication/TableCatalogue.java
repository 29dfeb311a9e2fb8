package org.pbannex.publication;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pbannex.budget.BudgetAnnexes;
import org.pbannex.budget.BudgetResolutionTable;
import org.pbannex.budget.OperationalBudgetTable;
import org.pbannex.budget.StrategicBudgetTable;
import org.pbannex.document.RiskRegisterTable;
import org.pbannex.document.SdgLinksTable;
import org.pbannex.document.SupplementaryAuthorizationsTable;
import org.pbannex.expenditure.RegionalExpenditureTable;
import org.pbannex.outcomes.OutcomeResourcesTable;
import org.pbannex.outcomes.StrategicFrameworkTable;
import org.pbannex.results.RegionalTargetsTable;
import org.pbannex.results.ResultsAnnexes;
import org.pbannex.table.Table;

/**
 * Every table the publication has, in the order of the document: the main text's tables (t1, br), Appendix I
 * and its regional breakdown, Appendices II and III, then the information annexes. The CLI's --tables accepts exactly these ids.
 */
public final class TableCatalogue {

    public static final List<String> IDS;

    static {
        // Document order: Table 1, Table 2, the budget resolution, Appendix I (and rt), Appendices II and III, the annexes
        // (annex 1 with its para. 52 table), annex 4 last.
        List<String> ids = new ArrayList<>(BudgetAnnexes.IDS);
        ids.add(ids.indexOf(StrategicBudgetTable.ID) + 1, StrategicFrameworkTable.ID);
        ids.addAll(ids.indexOf(BudgetResolutionTable.ID) + 1, ResultsAnnexes.IDS);
        ids.add(ids.indexOf(StrategicFrameworkTable.ID) + 1, RegionalExpenditureTable.ID);
        ids.add(OutcomeResourcesTable.ID);
        // Appendices II and III follow Appendix I; para. 52's table belongs to annex 1.
        ids.addAll(ids.indexOf(RegionalTargetsTable.ID) + 1, List.of(SdgLinksTable.ID, RiskRegisterTable.ID));
        ids.add(ids.indexOf(OperationalBudgetTable.ID) + 1, SupplementaryAuthorizationsTable.ID);
        IDS = List.copyOf(ids);
    }

    private TableCatalogue() {
    }

    /** The tables of several modules, in catalogue order. */
    @SafeVarargs
    static Map<String, Table> ordered(Map<String, Table>... modules) {
        Map<String, Table> all = new LinkedHashMap<>();
        for (Map<String, Table> m : modules) {
            all.putAll(m);
        }
        Map<String, Table> out = new LinkedHashMap<>();
        for (String id : IDS) {
            if (all.containsKey(id)) {
                out.put(id, all.get(id));
            }
        }
        if (out.size() != all.size()) {
            throw new IllegalStateException("tables missing from the catalogue: " + all.keySet());
        }
        return out;
    }
}
