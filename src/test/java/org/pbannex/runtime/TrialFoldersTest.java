package org.pbannex.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run is a trial when its input or output folder is another than the installation's; a link to the installation's
 * own folder is that folder (found by an exploratory test: a run into a link to output/ published there, moved latest,
 * and was taken for a trial, so its reviewers were never sent it).
 */
class TrialFoldersTest {

    @TempDir
    Path tmp;

    @Test
    void aLinkToTheInstallationsFolderIsNoTrialAnotherFolderIs() throws IOException {
        Path input = Files.createDirectories(tmp.resolve("input"));
        Path output = Files.createDirectories(tmp.resolve("output"));
        Path linkToOutput = Files.createSymbolicLink(tmp.resolve("out-link"), output);
        Path linkToInput = Files.createSymbolicLink(tmp.resolve("in-link"), input);
        Path other = Files.createDirectories(tmp.resolve("scratch"));
        assertFalse(RunOutcomes.trial(input, linkToOutput, input, output, null));
        assertFalse(RunOutcomes.trial(linkToInput, output, input, output, null));
        assertTrue(RunOutcomes.trial(input, other, input, output, null));
        assertTrue(RunOutcomes.trial(other, output, input, output, null));
    }
}
