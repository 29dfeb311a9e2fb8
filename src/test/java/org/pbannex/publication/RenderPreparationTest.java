package org.pbannex.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pbannex.reference.Biennium;
import org.pbannex.table.Language;
import org.slf4j.LoggerFactory;

/** The renderers' preparation, started with a run: a thread of its own when a PDF or HTML edition is asked for. */
class RenderPreparationTest {

    private static RunRequest request(List<Language> languages, List<OutputFormat> formats) {
        return new RunRequest("regenerate", Path.of("input"), Path.of("output"), new Biennium(2022), List.of("a2"),
                languages, formats, false);
    }

    @Test
    void aChinesePdfIsPreparedOnADaemonThreadWithoutAWarning() throws Exception {
        Logger log = (Logger) LoggerFactory.getLogger(RunRenderer.class);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        log.addAppender(events);
        try {
            Optional<Thread> thread = RunRenderer.prepareInBackground(request(List.of(Language.ZH),
                    List.of(OutputFormat.PDF, OutputFormat.CSV)));
            assertTrue(thread.isPresent(), "a thread prepares the PDF's renderers");
            assertTrue(thread.get().isDaemon(), "it never holds the process open");
            assertEquals("render-prepare", thread.get().getName());
            thread.get().join(60_000);
            assertFalse(thread.get().isAlive(), "it ends");
            assertEquals(List.of(), events.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
        } finally {
            log.detachAppender(events);
        }
    }

    @Test
    void anHtmlEditionIsPreparedAndCsvAndWorkbooksNeedNone() throws Exception {
        Optional<Thread> html = RunRenderer.prepareInBackground(request(List.of(Language.EN), List.of(OutputFormat.HTML)));
        assertTrue(html.isPresent(), "the HTML edition's templates escape too");
        html.get().join(60_000);
        assertTrue(RunRenderer.prepareInBackground(request(List.of(Language.ZH, Language.EN),
                List.of(OutputFormat.CSV, OutputFormat.XLSX))).isEmpty(), "no thread for formats without markup");
    }
}
