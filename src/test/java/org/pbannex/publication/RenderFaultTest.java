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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.Golden;
import org.pbannex.runtime.ExitCodes;
import org.pbannex.table.Language;

/**
 * A disk that fills while an output is written: the one line names the output, where it was being written and why,
 * with the infrastructure status, and no half-written file is left. (A full disk's "No space left on device" names no
 * file by itself, and OpenPDF's wrapper of it had no cause at all; found by running the nightly job on a 1 MB file
 * system.) /dev/full stands in for the full disk: every write to it fails so.
 */
class RenderFaultTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = OutputFormat.class, names = {"HTML", "PDF", "XLSX"})
    void aFullDiskNamesTheOutputAndTheOperation(OutputFormat format) throws IOException {
        assumeTrue(Files.exists(Path.of("/dev/full")), "Linux's /dev/full");
        ComputedPublication pub = Publication.compute(Golden.input(), Publication.biennium(Golden.input(), null));
        RunRequest request = new RunRequest("regenerate", Golden.input(), dir, Publication.biennium(Golden.input(), null),
                List.of("sa"), List.of(Language.EN), List.of(format), false, false);
        Path staging = Files.createDirectories(dir.resolve("staging"));
        RenderTarget target = new RenderTarget(format, Language.EN);
        // The output is written to NAME.part, then moved: that is where the disk fills.
        Path out = staging.resolve(RunRenderer.fileName(target, request));
        Files.createSymbolicLink(staging.resolve(out.getFileName() + ".part"), Path.of("/dev/full"));
        IOException e = assertThrows(IOException.class, () -> RunRenderer.render(target, pub, request, "run-1", Instant.now(), "dev",
                staging, Golden.home().resolve("work/fonts"), null));
        assertEquals("cannot write " + out + ": No space left on device", ExitCodes.message(e));
        assertEquals(5, ExitCodes.of(e), "infrastructure");
        assertTrue(Files.notExists(out), "no half-written output");
    }
}
