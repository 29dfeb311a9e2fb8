package org.pbannex.publish;

import java.util.List;
import org.pbannex.expenditure.ExpenditureIngest;
import org.pbannex.ingest.InputSet;
import org.pbannex.table.CheckResult;
import org.pbannex.table.PrintedDifference;

/**
 * Everything the manifest and the report say about a run, published or failed.
 *
 * @param status      "published" or "failed"
 * @param exitStatus  the command's exit status (0 when published)
 * @param failedStep  the step the run failed in (null when published, or when it failed before any step)
 * @param cause       one line saying why it failed (null when published)
 * @param partial     true when only some tables, languages or formats were rendered (then latest is not moved)
 * @param expenditure per expenditure-line file: lines read, accepted, rejected (empty when there are none)
 * @param comparison  what the run's figures were compared with: a printed document, the previous biennium's own
 *                    figures (null when the run did not get that far)
 * @param programInputs the program's own copies whose rows the run read beneath its data folder's files (an older
 *                    folder's texts lacking keys): empty when it read its input folder's files alone
 */
public record RunRecord(String runId, String job, String biennium, String status, int exitStatus, String failedStep, String cause,
                        String startedAt, String finishedAt, String codeVersion, String inputChecksum, List<String> tables,
                        List<String> languages, List<String> formats, boolean partial, List<InputSet.InputFile> inputs,
                        List<CheckResult> checks, List<PrintedDifference> printedDifferences, List<OutputFile> outputs,
                        RunDiff previous, List<ExpenditureIngest.FileStats> expenditure, Comparison comparison,
                        List<InputSet.ProgramFile> programInputs) {

    public RunRecord {
        programInputs = programInputs == null ? List.of() : List.copyOf(programInputs);
    }

    /**
     * @param printedDocument the title and symbol of the printed document the figures are compared with, in each
     *                        language (the report names it in its own), or empty for none
     */
    public record Comparison(org.pbannex.table.Text printedDocument, org.pbannex.restatement.Restatements restatements) {
    }

    /** A record that names no program's copy read beneath the input folder's files. */
    public RunRecord(String runId, String job, String biennium, String status, int exitStatus, String failedStep, String cause,
                     String startedAt, String finishedAt, String codeVersion, String inputChecksum, List<String> tables,
                     List<String> languages, List<String> formats, boolean partial, List<InputSet.InputFile> inputs,
                     List<CheckResult> checks, List<PrintedDifference> printedDifferences, List<OutputFile> outputs,
                     RunDiff previous, List<ExpenditureIngest.FileStats> expenditure, Comparison comparison) {
        this(runId, job, biennium, status, exitStatus, failedStep, cause, startedAt, finishedAt, codeVersion, inputChecksum, tables,
                languages, formats, partial, inputs, checks, printedDifferences, outputs, previous, expenditure, comparison, List.of());
    }

    /** A record that says nothing of comparisons (a run that failed before it computed its tables). */
    public RunRecord(String runId, String job, String biennium, String status, int exitStatus, String failedStep, String cause,
                     String startedAt, String finishedAt, String codeVersion, String inputChecksum, List<String> tables,
                     List<String> languages, List<String> formats, boolean partial, List<InputSet.InputFile> inputs,
                     List<CheckResult> checks, List<PrintedDifference> printedDifferences, List<OutputFile> outputs,
                     RunDiff previous, List<ExpenditureIngest.FileStats> expenditure) {
        this(runId, job, biennium, status, exitStatus, failedStep, cause, startedAt, finishedAt, codeVersion, inputChecksum, tables,
                languages, formats, partial, inputs, checks, printedDifferences, outputs, previous, expenditure, null);
    }

    public static final String PUBLISHED = "published";
    public static final String FAILED = "failed";

    public boolean published() {
        return PUBLISHED.equals(status);
    }

    public long checksPassed() {
        return checks.stream().filter(CheckResult::passed).count();
    }

    public long checksFailed() {
        return checks.size() - checksPassed();
    }

    /** The same record naming the program's copies read beneath the input folder's files. */
    public RunRecord withProgramInputs(List<InputSet.ProgramFile> files) {
        return new RunRecord(runId, job, biennium, status, exitStatus, failedStep, cause, startedAt, finishedAt, codeVersion,
                inputChecksum, tables, languages, formats, partial, inputs, checks, printedDifferences, outputs, previous, expenditure,
                comparison, files);
    }

    /** The same record with the list of output files (the manifest lists the report too). */
    public RunRecord withOutputs(List<OutputFile> files) {
        return new RunRecord(runId, job, biennium, status, exitStatus, failedStep, cause, startedAt, finishedAt, codeVersion,
                inputChecksum, tables, languages, formats, partial, inputs, checks, printedDifferences, files, previous, expenditure,
                comparison, programInputs);
    }
}
