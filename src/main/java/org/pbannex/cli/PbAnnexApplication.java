package org.pbannex.cli;

import java.nio.file.Path;
import java.util.Map;
import org.pbannex.config.PbProperties;
import org.pbannex.config.Settings;
import org.pbannex.runtime.ExitCodes;
import org.pbannex.runtime.LogProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Entry point: {@code pb-annex <command>}. Exit statuses follow the DESIGN.md contract; a failure prints one line on
 * stderr and its stack trace goes to the log file (work/logs/pb-annex.log) only.
 */
public final class PbAnnexApplication {

    static {
        // Before the first logger (the next line): SLF4J then takes pb-annex's provider without a search of the jars.
        LogProvider.name();
    }

    private static final Logger LOG = LoggerFactory.getLogger(PbAnnexApplication.class);
    private static final ThreadLocal<Map<String, String>> OVERRIDES = ThreadLocal.withInitial(Map::of);

    private PbAnnexApplication() {
    }

    public static void main(String[] args) {
        org.pbannex.runtime.Interruption.handleSignals();
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        return execute(Map.of(), args);
    }

    /**
     * Runs a command with settings that take precedence over the environment (e.g. another database for a test),
     * for this call only: nothing is left in system properties.
     */
    public static int execute(Map<String, String> overrides, String... args) {
        Map<String, String> before = OVERRIDES.get();
        OVERRIDES.set(Map.copyOf(overrides));
        try {
            CommandLine cli = PbAnnexCommand.commandLine(args).setCaseInsensitiveEnumValuesAllowed(true)
                    .setExecutionExceptionHandler((e, cmd, parsed) -> {
                        LOG.error("pb-annex {} failed", String.join(" ", args), e);
                        ExitCodes.lines(e).forEach(l -> cmd.getErr().println("pb-annex: " + l));
                        return ExitCodes.of(e);
                    });
            cli.setParameterExceptionHandler((e, a) -> {
                e.getCommandLine().getErr().println("pb-annex: " + e.getMessage());
                e.getCommandLine().getErr().println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
                if (e.getCommandLine().getCommand() instanceof RunCommand run) {
                    // A crontab line with a mistake in it would fail every night unheard of.
                    run.noticeNotStarted(null, ExitCodes.USAGE, e.getMessage());
                }
                return ExitCodes.USAGE;
            });
            return cli.execute(args);
        } finally {
            OVERRIDES.set(before);
        }
    }

    /** The settings of this call (overrides, system properties, environment, application.properties). */
    static Map<String, String> overrides() {
        return OVERRIDES.get();
    }

    static PbProperties settings() {
        return Settings.load(OVERRIDES.get());
    }

    /** The installation folder: pb.home (-Dpb.home, set by the launcher, or PB_HOME), else the working directory. */
    static Path home() {
        return settings().home();
    }
}
