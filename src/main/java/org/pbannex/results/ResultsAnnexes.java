package org.pbannex.results;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pbannex.reference.ReferenceData;
import org.pbannex.table.Table;

/** Builds the results-framework tables (Appendix I and the regional breakdown of its targets), in publication order. */
public final class ResultsAnnexes {

    public static final List<String> IDS = List.of("i1", "i2", "i3", RegionalTargetsTable.ID);

    private ResultsAnnexes() {
    }

    public static Map<String, Table> build(ReferenceData ref, ResultsFramework rf) {
        Map<String, Table> t = new LinkedHashMap<>();
        for (ResultsFramework.Kind kind : ResultsFramework.Kind.values()) {
            t.put(kind.tableId(), IndicatorTables.build(ref, rf, kind));
        }
        t.put(RegionalTargetsTable.ID, RegionalTargetsTable.build(ref, rf));
        return t;
    }
}
