package org.pbannex.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pbannex.LoggedMessages;
import org.pbannex.reference.Biennium;
import org.pbannex.table.Language;

/** The renderers' preparation, started with a run: a thread of its own when a PDF, HTML edition or workbook is asked for. */
class RenderPreparationTest {

    private static RunRequest request(List<Language> languages, List<OutputFormat> formats) {
        return new RunRequest("regenerate", Path.of("input"), Path.of("output"), new Biennium(2022), List.of("a2"),
                languages, formats, false);
    }

    @Test
    void aChinesePdfAndAWorkbookArePreparedOnADaemonThreadWithoutAWarning() throws Exception {
        assertEquals(List.of(), warningsWhilePreparing(request(List.of(Language.ZH),
                List.of(OutputFormat.PDF, OutputFormat.XLSX, OutputFormat.CSV))));
    }

    @Test
    void aWorkbookAloneIsPrepared() throws Exception {
        assertEquals(List.of(), warningsWhilePreparing(request(List.of(Language.EN), List.of(OutputFormat.XLSX))));
    }

    @Test
    void anHtmlEditionIsPreparedAndCsvNeedsNone() throws Exception {
        Optional<Thread> html = RunRenderer.prepareInBackground(request(List.of(Language.EN), List.of(OutputFormat.HTML)));
        assertTrue(html.isPresent(), "the HTML edition's templates escape too");
        html.get().join(60_000);
        assertTrue(RunRenderer.prepareInBackground(request(List.of(Language.ZH, Language.EN), List.of(OutputFormat.CSV)))
                .isEmpty(), "no thread for CSV alone");
    }

    /** Prepares on a thread of its own, waits for it to end, and returns what it logged. */
    private static List<String> warningsWhilePreparing(RunRequest request) throws Exception {
        return LoggedMessages.of(RunRenderer.class, () -> {
            Optional<Thread> thread = RunRenderer.prepareInBackground(request);
            assertTrue(thread.isPresent(), "a thread prepares the renderers");
            assertTrue(thread.get().isDaemon(), "it never holds the process open");
            assertEquals("render-prepare", thread.get().getName());
            thread.get().join(60_000);
            assertFalse(thread.get().isAlive(), "it ends");
        });
    }
}
