package org.pbannex.publication;

import java.util.Map;
import org.pbannex.ingest.InputSet;
import org.pbannex.reference.ReferenceData;
import org.pbannex.table.Checks;
import org.pbannex.table.Table;

/** Everything a run computed before rendering: its inputs, every table by id, and the check results. */
public record ComputedPublication(InputSet inputs, ReferenceData reference, Map<String, Table> tables, Checks checks) {
}
