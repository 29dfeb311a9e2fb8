package org.pbannex.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.publish.RunFolder;

/**
 * The test switch pb.run.pause-at: in production (not set) no step gets its listener and no point holds a run, so the
 * job's steps are its real ones; set, it holds a run at the point it names until its marker is removed.
 */
class RunPauseTest {

    @TempDir
    Path out;

    @Test
    void notSetNoStepHasItsListenerAndNoPointHolds() {
        for (String unset : new String[] {"", "  ", null}) {
            RunPause pause = new RunPause(unset);
            assertTrue(pause.beforeSteps().isEmpty(), "no listener for '" + unset + "'");
            pause.at(RunLauncher.LAUNCH, new RunFolder(out, "2022-23", "r1"), "r1"); // returns at once
        }
        try (var left = Files.list(out)) {
            assertEquals(0, left.count(), "no marker written");
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void setItHoldsAtItsPointOnlyUntilTheMarkerGoes() throws Exception {
        RunPause pause = new RunPause("launch");
        assertTrue(pause.beforeSteps().isPresent(), "set, the steps get its listener");
        RunFolder folder = new RunFolder(out, "2022-23", "r1");
        pause.at(RunListener.JOB_END, folder, "r1"); // another point: not held
        assertFalse(Files.exists(out.resolve("2022-23")), "nothing written for a point it does not name");
        CompletableFuture<Void> held = CompletableFuture.runAsync(() -> pause.at(RunLauncher.LAUNCH, folder, "r1"));
        Path marker = folder.staging().resolveSibling(".paused-r1-launch");
        for (int i = 0; i < 500 && !Files.exists(marker); i++) {
            Thread.sleep(10);
        }
        assertTrue(Files.exists(marker), "its marker beside the staging folder");
        Thread.sleep(100);
        assertFalse(held.isDone(), "held while the marker is there");
        Files.delete(marker);
        held.get(5, TimeUnit.SECONDS);
    }
}
