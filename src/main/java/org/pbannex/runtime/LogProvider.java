package org.pbannex.runtime;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.util.StatusPrinter;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * SLF4J's provider for pb-annex's commands: logback, set up by {@link LogConfiguration} directly. Named to SLF4J by
 * the system property {@code slf4j.provider} ({@link #name}), so that neither SLF4J nor logback searches the class
 * path for its services (each search looks into all 98 jars): a cold {@code check} 0.975 x the time (20 pairs, every
 * one quicker). Without the property (a test whose JVM logged before, the jar run by hand) SLF4J finds logback's own
 * provider, which finds {@link LogConfiguration} as a service: the same logging.
 */
public final class LogProvider implements SLF4JServiceProvider {

    private final LoggerContext context = new LoggerContext();
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new LogbackMDCAdapter();

    /**
     * Names this provider to SLF4J before the first logger is asked for, unless a provider is named already. SLF4J
     * says on stderr which provider it was named (an informational line, into what a command prints): only its
     * warnings and errors are let through, unless a verbosity is set already.
     */
    public static void name() {
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", LogProvider.class.getName());
            if (System.getProperty("slf4j.internal.verbosity") == null) {
                System.setProperty("slf4j.internal.verbosity", "WARN");
            }
        }
    }

    @Override
    public void initialize() {
        // As logback's LogbackServiceProvider does, with LogConfiguration in place of its search for configurators.
        context.setName(CoreConstants.DEFAULT_CONTEXT_NAME);
        context.setMDCAdapter(mdc);
        LogConfiguration configuration = new LogConfiguration();
        configuration.setContext(context);
        configuration.configure(context);
        StatusPrinter.printInCaseOfErrorsOrWarnings(context);
        context.start();
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return context;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    /** The SLF4J API this provider is written for, as logback 1.5 declares it. */
    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }
}
