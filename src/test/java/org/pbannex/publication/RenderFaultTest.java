package org.pbannex.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.Golden;
import org.pbannex.runtime.ExitCodes;
import org.pbannex.table.Language;

/**
 * A disk that fills while an output is written: the one line names the output, where it was being written and why,
 * with the infrastructure status. (A full disk's "No space left on device" names no file by itself; found by running
 * the nightly job on a 1 MB file system.) /dev/full stands in for the full disk: every write to it fails so.
 */
class RenderFaultTest {

    @TempDir
    Path dir;

    @Test
    void aFullDiskNamesTheOutputAndTheOperation() throws IOException {
        assumeTrue(Files.exists(Path.of("/dev/full")), "Linux's /dev/full");
        ComputedPublication pub = Publication.compute(Golden.input(), Publication.biennium(Golden.input(), null));
        RunRequest request = new RunRequest("regenerate", Golden.input(), dir, Publication.biennium(Golden.input(), null),
                List.of("sa"), List.of(Language.EN), List.of(OutputFormat.HTML), false, false);
        Path staging = Files.createDirectories(dir.resolve("staging"));
        RenderTarget html = new RenderTarget(OutputFormat.HTML, Language.EN);
        // The edition is written to NAME.part, then moved: that is where the disk fills.
        Path out = staging.resolve(RunRenderer.fileName(html, request));
        Files.createSymbolicLink(staging.resolve(out.getFileName() + ".part"), Path.of("/dev/full"));
        IOException e = assertThrows(IOException.class, () -> RunRenderer.render(html, pub, request, "run-1", Instant.now(), "dev",
                staging, Golden.home().resolve("work/fonts")));
        String line = ExitCodes.message(e);
        assertTrue(line.contains(out.toString()) && line.contains("rendering pb-annexes-2022-23.en.html")
                && line.contains("No space left on device"), line);
        assertEquals(5, ExitCodes.of(e), "infrastructure");
        assertTrue(Files.notExists(out), "no half-written output");
    }
}
