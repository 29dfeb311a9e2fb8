package org.pbannex.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    private static RunRequest request(List<OutputFormat> formats) {
        return new RunRequest("regenerate", Path.of("input"), Path.of("output"), new Biennium(2022), List.of("a2"),
                List.of(Language.ZH), formats, false);
    }

    private static Optional<Thread> preparing() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("render-prepare")).findFirst();
    }

    @Test
    void aChinesePdfIsPreparedOnAThreadOfItsOwnWithoutAWarning() throws Exception {
        Logger log = (Logger) LoggerFactory.getLogger(RunRenderer.class);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        log.addAppender(events);
        try {
            RunRenderer.prepareInBackground(request(List.of(OutputFormat.PDF, OutputFormat.CSV)));
            Optional<Thread> thread = preparing();
            if (thread.isPresent()) { // it may have finished already
                assertTrue(thread.get().isDaemon(), "it never holds the process open");
                thread.get().join(60_000);
            }
            assertEquals(List.of(), events.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
        } finally {
            log.detachAppender(events);
        }
    }

    @Test
    void csvAndWorkbooksNeedNone() {
        preparing().ifPresent(t -> {
            try {
                t.join(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        RunRenderer.prepareInBackground(request(List.of(OutputFormat.CSV, OutputFormat.XLSX)));
        assertTrue(preparing().isEmpty(), "no thread for formats without markup");
    }
}
