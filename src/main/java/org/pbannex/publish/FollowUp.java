package org.pbannex.publish;

import java.nio.file.Path;

/**
 * The follow-up commands pb-annex prints, so that they work typed as printed: a run published into another output folder
 * than the installation's is found only there, so its command names that folder (distribute looks in the installation's
 * and would say there is no such run).
 */
public final class FollowUp {

    private FollowUp() {
    }

    /** "./pb-annex distribute RUN", with "--output DIR" when {@code outputRoot} is not the installation's output folder. */
    public static String distribute(String runId, Path outputRoot, Path installationOutput) {
        return "./pb-annex distribute " + runId + output(outputRoot, installationOutput);
    }

    /** The same for a run's folder (output/BIENNIUM/RUN), as the jobs' status keeps it. */
    public static String distributeRunIn(String runId, Path runFolder, Path installationOutput) {
        return distribute(runId, outputOf(runFolder), installationOutput);
    }

    /** " --output DIR" for a run's folder (output/BIENNIUM/RUN) in another output folder than the installation's; else "". */
    public static String outputOfRun(Path runFolder, Path installationOutput) {
        return output(outputOf(runFolder), installationOutput);
    }

    /** The output folder a run's folder (output/BIENNIUM/RUN) is in; null when it has none. */
    private static Path outputOf(Path runFolder) {
        Path biennium = runFolder.toAbsolutePath().normalize().getParent();
        return biennium == null ? null : biennium.getParent();
    }

    /** " --output DIR" for another output folder than the installation's; "" for its own, or when either is not known. */
    public static String output(Path outputRoot, Path installationOutput) {
        if (outputRoot == null || installationOutput == null) {
            return "";
        }
        Path root = outputRoot.toAbsolutePath().normalize();
        return root.equals(installationOutput.toAbsolutePath().normalize()) ? "" : " --output " + root;
    }
}
