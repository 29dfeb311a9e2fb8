package org.pbannex.publish;

import java.util.List;
import org.pbannex.expenditure.ExpenditureIngest;
import org.pbannex.ingest.InputSet;
import org.pbannex.table.CheckResult;
import org.pbannex.table.PrintedDifference;

/**
 * Everything the manifest and the report say about a run.
 *
 * @param partial true when only some tables, languages or formats were rendered (then latest is not moved)
 * @param expenditure per expenditure-line file: lines read, accepted, rejected (empty when there are none)
 */
public record RunRecord(String runId, String job, String biennium, String startedAt, String finishedAt,
                        String codeVersion, String inputChecksum, List<String> tables, List<String> languages,
                        List<String> formats, boolean partial, List<InputSet.InputFile> inputs,
                        List<CheckResult> checks, List<PrintedDifference> printedDifferences,
                        List<OutputFile> outputs, RunDiff previous, List<ExpenditureIngest.FileStats> expenditure) {

    public long checksPassed() {
        return checks.stream().filter(CheckResult::passed).count();
    }

    public long checksFailed() {
        return checks.size() - checksPassed();
    }
}
