package org.pbannex.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.CliRun;

/**
 * "1 table, 2 files": the files a run published are counted by one rule as it publishes and as its manifest is read
 * again (a restart, "nothing to do"), its manifest, report and input copy not among them (the two counts were made
 * apart, one with the files' names written out: tester79a finding 8).
 */
class PublishedFilesCountTest {

    @TempDir
    Path tmp;

    @Test
    void theRunsLineAndItsManifestReadAgainCountTheSameFiles() throws IOException {
        Path out = tmp.resolve("out");
        CliRun r = CliRun.run(tmp.resolve("db"), "run", "regenerate", "--tables", "a2", "--format", "csv", "--lang", "en",
                "--output", out.toString());
        assertEquals(0, r.status(), r.toString());
        Matcher m = Pattern.compile("(?m)^Run (\\S+): 1 table, (\\d+) files, ").matcher(r.out());
        assertTrue(m.find(), r.out());
        Path folder = out.resolve("2022-23").resolve(m.group(1));
        // a2's CSV and the data package; the folder holds the manifest, the report and the input copy besides.
        assertEquals(2, Integer.parseInt(m.group(2)), r.out());
        assertTrue(Files.isRegularFile(folder.resolve(ManifestWriter.FILE)) && Files.isRegularFile(folder.resolve(ReportWriter.FILE)),
                folder.toString());
        assertEquals(2, PublishedRun.read(folder).files());

        assertFalse(PublishedRun.publishedFile(ManifestWriter.FILE));
        assertFalse(PublishedRun.publishedFile(ReportWriter.FILE));
        assertFalse(PublishedRun.publishedFile(PublishedRun.INPUT_COPY));
        assertTrue(PublishedRun.publishedFile("csv/a2.csv"));
    }
}
