package org.pbannex.document;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pbannex.reference.Texts;
import org.pbannex.table.Table;

/** Builds the tables of text and typed figures: Table II.1, the risk register and the supplementary authorizations. */
public final class DocumentAnnexes {

    public static final List<String> IDS = List.of(SdgLinksTable.ID, RiskRegisterTable.ID, SupplementaryAuthorizationsTable.ID);

    private DocumentAnnexes() {
    }

    public static Map<String, Table> build(Texts t, DocumentData data) {
        Map<String, Table> tables = new LinkedHashMap<>();
        tables.put(SdgLinksTable.ID, SdgLinksTable.build(t, data));
        tables.put(RiskRegisterTable.ID, RiskRegisterTable.build(t, data));
        tables.put(SupplementaryAuthorizationsTable.ID, SupplementaryAuthorizationsTable.build(t, data));
        return tables;
    }
}
