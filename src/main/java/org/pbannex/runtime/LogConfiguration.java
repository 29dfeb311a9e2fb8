package org.pbannex.runtime;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * pb-annex logs to {@code <pb.home>/work/logs/pb-annex.log} only: the console (and cron mail) gets the command's own
 * lines and a failure's one line on stderr; stack traces are in the log file. Rolled daily, 30 days kept
 * ({@link DailyLogRolling}).
 * Configured in code rather than by a logback.xml (parsing the XML took a good part of a {@code check}'s start-up):
 * by pb-annex's SLF4J provider ({@link LogProvider}) in a command's process, else found by logback through
 * META-INF/services. Spring Boot leaves logging to it ({@code LoggingSystem} none).
 */
public final class LogConfiguration extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        String dir = System.getProperty("pb.home", ".") + "/work/logs";
        String cannot = cannotWrite(java.nio.file.Path.of(dir, "pb-annex.log"));
        if (cannot != null) {
            // Logback would print its own account of the failure, forty lines with stack traces, on standard output,
            // into what the command prints: one line on stderr instead, and the command goes on without its log.
            System.err.println("pb-annex: cannot write the log " + dir + "/pb-annex.log (" + cannot + "): this command "
                    + "runs without it");
            context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.OFF);
            return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
        }
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("FILE");
        file.setFile(dir + "/pb-annex.log");
        DailyLogRolling<ILoggingEvent> daily = new DailyLogRolling<>(java.nio.file.Path.of(dir, "pb-annex.log"), 30);
        daily.setContext(context);
        daily.start();
        file.setRollingPolicy(daily); // and its triggering policy, which it is too
        // Each line's local time with its offset (2026-12-04T21:55:08.594+01:00), as logback's %d wrote it, but from
        // the JDK's own time-zone data: %d asks java.time for the zone by its name (see DailyLogRolling).
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.getInstanceConverterMap().put("localtime", LocalTimeConverter::new);
        layout.setPattern("%localtime %-5level [%thread] %logger{36} - %msg%n");
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        file.setEncoder(encoder);
        file.start();

        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(file);
        context.getLogger("org.pbannex").setLevel(Level.INFO);
        context.getLogger("org.xhtmlrenderer").setLevel(Level.WARN);
        context.getLogger("org.flywaydb.core.internal.database.base.Database").setLevel(Level.ERROR);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** A log line's moment as local time with its offset from UTC (Z for none), to the millisecond. */
    static final class LocalTimeConverter extends ch.qos.logback.classic.pattern.ClassicConverter {

        private static final java.time.format.DateTimeFormatter LOCAL =
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");
        private final java.util.TimeZone zone = java.util.TimeZone.getDefault();

        @Override
        public String convert(ILoggingEvent event) {
            long millis = event.getTimeStamp();
            java.time.ZoneOffset offset = java.time.ZoneOffset.ofTotalSeconds(zone.getOffset(millis) / 1000);
            return LOCAL.format(java.time.LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000L),
                    (int) Math.floorMod(millis, 1000L) * 1_000_000, offset)) + offset.getId();
        }
    }

    /** Why the log file cannot be opened for appending (its folder made if missing), or null when it can. */
    static String cannotWrite(java.nio.file.Path log) {
        try {
            java.nio.file.Files.createDirectories(log.getParent());
            java.nio.file.Files.newOutputStream(log, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND)
                    .close();
            return null;
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return "a file is where its folder " + e.getFile() + " should be";
        } catch (java.nio.file.AccessDeniedException e) {
            return "permission denied";
        } catch (java.nio.file.FileSystemException e) {
            return e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
        } catch (java.io.IOException | RuntimeException e) {
            return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        }
    }
}
