package org.pbannex;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** What a class logged while a test's action ran: its messages at INFO and above, in the order they were logged. */
public final class LoggedMessages {

    /** An action that may throw what the test would. */
    public interface Action {
        void run() throws Exception;
    }

    private LoggedMessages() {
    }

    /** The messages the logger of {@code source} logged while {@code action} ran (its level at INFO meanwhile). */
    public static List<String> of(Class<?> source, Action action) throws Exception {
        Logger log = (Logger) LoggerFactory.getLogger(source);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        log.addAppender(events);
        Level level = log.getLevel();
        log.setLevel(Level.INFO);
        try {
            action.run();
        } finally {
            log.detachAppender(events);
            log.setLevel(level);
        }
        return events.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
