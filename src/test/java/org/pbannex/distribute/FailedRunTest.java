package org.pbannex.distribute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pbannex.table.Language;
import org.pbannex.table.Text;

/**
 * A failed run is built one way (what every failure has, then its parts added one at a time), and each part added
 * leaves the others as they were: the notice a run sends says its report, checks and words whatever order they came in.
 */
class FailedRunTest {

    @Test
    void eachPartAddedKeepsTheOthers() {
        FailureNotice.Words said = new FailureNotice.Words(w -> Text.of("{run} " + w), Language.EN, "the cause", List.of("a", "b"));
        FailureNotice.FailedRun run = FailureNotice.FailedRun.of("R7", "nightly", "2022-23", "check", 3, "the line")
                .withWords(said).withReport(Path.of("failed/R7/report.html"), List.of("a", "b"))
                .withFolders(Path.of("in"), Path.of("out"));
        assertEquals(new FailureNotice.FailedRun("R7", "nightly", "2022-23", "check", 3, "the line",
                Path.of("failed/R7/report.html"), List.of("a", "b"), null, Path.of("in"), Path.of("out"), said), run);
        String body = FailureNotice.body(run);
        assertTrue(body.startsWith("R7 notice.failed\n\nthe cause\n\n"), body);
        assertTrue(body.contains("- a\n- b\n"), body);
    }

    /**
     * The last guard of a notice: a word of the texts (read as they stand, for a run that could not read them) holding a
     * placeholder nothing fills in is said in the program's English, never sent as typed.
     */
    @Test
    void aNoticeWordWithAPlaceholderNothingFillsInIsSaidInTheProgramsEnglish() {
        FailureNotice.Words said = new FailureNotice.Words(w -> Text.of(w.equals("notice.failed") ? "运行 {run} 失败 {titel}" : w),
                Language.ZH, "the cause", List.of());
        String body = FailureNotice.body(FailureNotice.FailedRun.of("R7", "nightly", "2022-23", "check", 3, "the line").withWords(said));
        assertTrue(body.startsWith("Run R7 of the job nightly (biennium 2022-23) failed in its step check, exit status 3:\n\n"
                + "the cause\n\nnotice.nothing_published\n"), body);
    }

    @Test
    void aRunNotStartedHasNoRunNorReportAndOneNotDistributedItsFolder() {
        FailureNotice.FailedRun notStarted = FailureNotice.FailedRun.notStarted("nightly", "2022-23", 5, "busy");
        assertNull(notStarted.runId());
        assertNull(notStarted.report());
        assertEquals(List.of(), notStarted.failedChecks());
        assertTrue(FailureNotice.body(notStarted).startsWith("The job nightly (biennium 2022-23) could not start, exit status 5"));
        FailureNotice.FailedRun unsent = FailureNotice.FailedRun.notDistributed("R8", "nightly", "2022-23", 6, "refused",
                Path.of("published/R8"));
        assertEquals("distribute", unsent.step());
        assertTrue(FailureNotice.body(unsent).contains("Published: " + Path.of("published/R8")), FailureNotice.body(unsent));
    }
}
