package org.pbannex.publication;

import java.util.Map;
import org.pbannex.ingest.InputSet;
import org.pbannex.reference.ReferenceData;
import org.pbannex.table.Checks;
import org.pbannex.table.PrintedDifference;
import org.pbannex.table.Table;

/**
 * Everything a run computed before rendering: its inputs, every table by id, the check results and the documented
 * differences from the printed document; what the expenditure lines held (null when there are none); the printed
 * document the tables reproduce (empty when none); how the previous biennium's figures stated here compare with
 * what that biennium publishes; per table, the input resources it was built from (the review names only those as its
 * cells' sources) and which expenditure lines each of its cells sums (null for a cell that sums none).
 */
public record ComputedPublication(InputSet inputs, ReferenceData reference, Map<String, Table> tables, Checks checks,
                                  java.util.List<PrintedDifference> printedDifferences,
                                  org.pbannex.expenditure.ExpenditureIngest.Result expenditure,
                                  java.util.Optional<org.pbannex.reference.PrintedDocument> printedDocument,
                                  org.pbannex.restatement.Restatements restatements,
                                  Map<String, java.util.Set<String>> inputsByTable,
                                  Map<String, java.util.function.BiFunction<String, String, org.pbannex.expenditure.LineSelection>> linesByTable) {
}
