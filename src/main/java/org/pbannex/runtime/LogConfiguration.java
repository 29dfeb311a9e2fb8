package org.pbannex.runtime;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.TimeBasedRollingPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * pb-annex logs to {@code <pb.home>/work/logs/pb-annex.log} only: the console (and cron mail) gets the command's own
 * lines and a failure's one line on stderr; stack traces are in the log file. Rolled daily, 30 days kept (in a folder
 * whose name logback can make the daily names of, {@link #ROLLABLE}).
 * Configured in code rather than by a logback.xml (parsing the XML took a good part of a {@code check}'s start-up):
 * by pb-annex's SLF4J provider ({@link LogProvider}) in a command's process, else found by logback through
 * META-INF/services. Spring Boot leaves logging to it ({@code LoggingSystem} none).
 */
public final class LogConfiguration extends ContextAwareBase implements Configurator {

    /** The log file: pb.home's work/logs/pb-annex.log (a failure's stack trace is there). */
    public static java.nio.file.Path file() {
        return java.nio.file.Path.of(System.getProperty("pb.home", "."), "work", "logs", "pb-annex.log");
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        String dir = file().getParent().toString();
        String cannot = cannotWrite(java.nio.file.Path.of(dir, "pb-annex.log"));
        if (cannot != null) {
            // Logback would print its own account of the failure, forty lines with stack traces, on standard output,
            // into what the command prints: one line on stderr instead, and the command goes on without its log.
            System.err.println("pb-annex: cannot write the log " + dir + "/pb-annex.log (" + cannot + "): this command "
                    + "runs without it");
            context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.OFF);
            return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
        }
        // The log keeps the local zone (the JVM's default is UTC, TimeZoneSetting): its lines and its days as before.
        String zone = org.pbannex.config.TimeZoneSetting.described();
        boolean rolled = ROLLABLE.matcher(dir).matches();
        FileAppender<ILoggingEvent> file = rolled ? new RollingFileAppender<>() : new FileAppender<>();
        file.setContext(context);
        file.setName("FILE");
        file.setFile(dir + "/pb-annex.log");
        if (rolled) {
            TimeBasedRollingPolicy<ILoggingEvent> daily = new TimeBasedRollingPolicy<>();
            daily.setContext(context);
            daily.setParent(file);
            daily.setFileNamePattern(dir + "/pb-annex.%d{yyyy-MM-dd, " + zone + "}.log");
            daily.setMaxHistory(30);
            daily.start();
            ((RollingFileAppender<ILoggingEvent>) file).setRollingPolicy(daily);
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX, " + zone + "} %-5level [%thread] %logger{36} - %msg%n");
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

    /**
     * A folder whose daily logs logback can name: it reads the folder as part of a name pattern (% starts a date) and
     * finds the old logs with it as a regular expression, where "{" ("/srv/pb-${year}") or an unclosed "(" or "[" stops
     * it. In another folder the log is one file, not rolled daily.
     */
    private static final java.util.regex.Pattern ROLLABLE = java.util.regex.Pattern.compile("[^{}()\\[\\]%\\\\*+?^|$]*");

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
