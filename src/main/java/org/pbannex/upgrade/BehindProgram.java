package org.pbannex.upgrade;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The line that tells an operator, before the night, that the data folder's input is older than the program's and
 * which command brings it in step (tester 78a): preflight's, and a failing check's.
 */
public final class BehindProgram {

    public static final String COMMAND = "./pb-annex input upgrade";

    private BehindProgram() {
    }

    /** What the data folder's input lacks and the command; empty when in step, the same folder, or either unreadable. */
    public static Optional<String> of(Path dataInput, Path programInput) {
        try {
            if (!Files.isDirectory(dataInput) || !Files.isDirectory(programInput) || UpgradePlan.sameFolder(dataInput, programInput)) {
                return Optional.empty();
            }
            String behind = UpgradePlan.of(dataInput, programInput).behind();
            return behind.isEmpty() ? Optional.empty()
                    : Optional.of("this data folder's input is older than the program's (" + behind + "): run " + COMMAND);
        } catch (RuntimeException e) {
            return Optional.empty(); // a file the upgrade cannot read: the command's own reading says what is wrong with it
        }
    }
}
