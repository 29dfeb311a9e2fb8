package org.pbannex.publication;

import java.util.List;
import org.pbannex.runtime.Counted;
import org.pbannex.table.CheckResult;

/** One or more reconciliation checks failed: nothing is published (exit status 4). */
public class ReconciliationFailed extends RuntimeException {

    private final transient List<CheckResult> failures;

    public ReconciliationFailed(List<CheckResult> failures) {
        super(Counted.of(failures.size(), "check", "checks") + " failed; first: " + failures.get(0).describe());
        this.failures = List.copyOf(failures);
    }

    public List<CheckResult> failures() {
        return failures;
    }
}
