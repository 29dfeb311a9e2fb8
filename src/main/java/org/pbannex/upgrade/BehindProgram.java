package org.pbannex.upgrade;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.pbannex.ingest.InputWarning;
import org.pbannex.ingest.Said;

/**
 * The line that tells an operator that the data folder's input is older than the program's and which command brings
 * it in step (tester 78a): preflight's, a failing check's, and a run's (stderr and its report, as a warning: the run
 * goes on).
 */
public final class BehindProgram {

    public static final String COMMAND = "./pb-annex input upgrade";

    private BehindProgram() {
    }

    /** What the data folder's input lacks and the command; empty when in step, the same folder, or either unreadable. */
    public static Optional<String> of(Path dataInput, Path programInput) {
        return warning(dataInput, programInput).map(InputWarning::english);
    }

    /** The same line as a warning of the input, which a run's report says in its language (report.cause.reason.input_behind). */
    public static Optional<InputWarning> warning(Path dataInput, Path programInput) {
        try {
            if (!Files.isDirectory(dataInput) || !Files.isDirectory(programInput) || UpgradePlan.sameFolder(dataInput, programInput)) {
                return Optional.empty();
            }
            String behind = UpgradePlan.of(dataInput, programInput).behind();
            return behind.isEmpty() ? Optional.empty() : Optional.of(new Behind(behind));
        } catch (RuntimeException e) {
            return Optional.empty(); // a file the upgrade cannot read: the command's own reading says what is wrong with it
        }
    }

    /** What the input lacks (the files by their path in input/, as {@code input upgrade} names them). */
    record Behind(String behind) implements InputWarning {

        @Override
        public Said said(UnaryOperator<String> files) {
            return Said.of("input_behind", "behind", behind, "command", COMMAND);
        }
    }
}
