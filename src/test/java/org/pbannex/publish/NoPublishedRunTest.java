package org.pbannex.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.runtime.UsageError;

/**
 * distribute without a run id takes the latest biennium's latest run: with a next biennium's folder being prepared,
 * that biennium has none yet, and the line names the biennia that have one (found by an exploratory test: it only said
 * to run the job, which fails on the unfinished input, while the 2022-23 run waited for its reviewers).
 */
class NoPublishedRunTest {

    @TempDir
    Path out;

    @Test
    void theLineNamesTheBienniaThatHaveAPublishedRun() throws IOException {
        Path run = Files.createDirectories(out.resolve("2022-23/20261207T040000.000Z-aaaaaaaa-0001"));
        Files.writeString(run.resolve("manifest.json"), "{}");
        Files.createSymbolicLink(out.resolve("2022-23/latest"), run.getFileName());
        UsageError e = assertThrows(UsageError.class, () -> PublishedRun.named(out, null, "2024-25"));
        assertEquals("no published run of 2024-25 in " + out + " yet: run ./pb-annex run nightly --biennium 2024-25 first; or "
                + "name a biennium already published: --biennium 2022-23 (run 20261207T040000.000Z-aaaaaaaa-0001)", e.getMessage());

        Files.delete(out.resolve("2022-23/latest"));
        UsageError none = assertThrows(UsageError.class, () -> PublishedRun.named(out, null, "2024-25"));
        assertEquals("no published run of 2024-25 in " + out + " yet: run ./pb-annex run nightly --biennium 2024-25 first",
                none.getMessage());
    }
}
