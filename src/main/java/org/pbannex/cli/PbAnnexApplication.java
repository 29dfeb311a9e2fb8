package org.pbannex.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.pbannex.config.PbProperties;
import org.pbannex.config.Settings;
import org.pbannex.runtime.ExitCodes;
import org.pbannex.runtime.LogProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.StandardEnvironment;
import picocli.CommandLine;

/**
 * Entry point: {@code pb-annex <command>}. Exit statuses follow the DESIGN.md contract; a failure prints one line on
 * stderr and its stack trace goes to the log file (work/logs/pb-annex.log) only.
 */
public final class PbAnnexApplication {

    static {
        // Before anything stores a time (Spring Batch's, the history's), or the log takes its zone: see TimeZoneSetting.
        org.pbannex.config.TimeZoneSetting.storeInUtc();
        // Before the first logger (the next line): SLF4J then takes pb-annex's provider without a search of the jars.
        LogProvider.name();
    }

    private static final Logger LOG = LoggerFactory.getLogger(PbAnnexApplication.class);
    private static final ThreadLocal<Map<String, String>> OVERRIDES = ThreadLocal.withInitial(Map::of);
    /** The settings' environment of this call, built once (the settings files read once), for these overrides. */
    private static final ThreadLocal<Environment> ENVIRONMENT = new ThreadLocal<>();

    private record Environment(Map<String, String> overrides, StandardEnvironment env) {
    }

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
        Environment envBefore = ENVIRONMENT.get();
        OVERRIDES.set(Map.copyOf(overrides));
        ENVIRONMENT.remove();
        org.pbannex.ingest.ProgramInput programBefore = org.pbannex.ingest.ProgramInput.use(programInput());
        // The one notion of a person at a terminal, the launcher's, for a Ctrl-C too (this command's, not the process's).
        boolean typedBefore = org.pbannex.runtime.Interruption.typedAtTerminal(atTerminal());
        try {
            CommandLine cli = CommandLineMistakes.withConverters(PbAnnexCommand.commandLine(args))
                    .setCaseInsensitiveEnumValuesAllowed(true)
                    .setExecutionExceptionHandler((e, cmd, parsed) -> {
                        LOG.error("pb-annex {} failed", String.join(" ", args), e);
                        ExitCodes.lines(e).forEach(l -> cmd.getErr().println("pb-annex: " + l));
                        return ExitCodes.of(e);
                    });
            cli.setParameterExceptionHandler((e, a) -> {
                String line = CommandLineMistakes.line(e, args);
                LOG.info("pb-annex {}: {}", String.join(" ", args), e.getMessage());
                e.getCommandLine().getErr().println("pb-annex: " + line);
                e.getCommandLine().getErr().println(e.getCause() instanceof JobFileMistake
                        ? "How a job file is written: README.md, section Jobs."
                        : "Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
                if (e.getCommandLine().getCommand() instanceof RunCommand run && !atTerminal()) {
                    // A crontab line with a mistake in it would fail every night unheard of; typed at a terminal, the
                    // one who typed it reads the line, and the job has not failed.
                    // In the first language it names (--lang), where the mistake is elsewhere on it.
                    run.noticeNotStarted(null, ExitCodes.USAGE, line, CommandLineMistakes.failure(e, args),
                            CommandLineMistakes.languageGiven(args));
                }
                return ExitCodes.USAGE;
            });
            if (!(args.length > 0 && args[0].equals("preflight"))) { // preflight says them in its lines
                settingsWarnings().forEach(w -> System.err.println("pb-annex: warning: " + w));
            }
            if (args.length > 1 && !args[0].startsWith("-") && !cli.getSubcommands().containsKey(args[0])
                    && java.util.Arrays.stream(args).anyMatch(a -> a.equals("--help") || a.equals("-h"))) {
                // "frobnicate --help": picocli shows the general help (status 0) for a word that is no command, help
                // being asked; without the help option it is said to be no command (status 2), with the commands.
                return cli.execute(java.util.Arrays.stream(args).filter(a -> !a.equals("--help") && !a.equals("-h"))
                        .toArray(String[]::new));
            }
            return cli.execute(args);
        } finally {
            org.pbannex.runtime.Interruption.typedAtTerminal(typedBefore);
            OVERRIDES.set(before);
            ENVIRONMENT.set(envBefore);
            org.pbannex.ingest.ProgramInput.use(programBefore);
        }
    }

    /**
     * The program's input folder by this call's settings (pb.program's input/), beneath whose shared texts a data folder
     * of its own reads its own; none where the settings cannot be read (the command says why).
     */
    private static org.pbannex.ingest.ProgramInput programInput() {
        try {
            return new org.pbannex.ingest.ProgramInput(settings().program().resolve("input"),
                    org.pbannex.reference.TextKeys.of(org.pbannex.publication.TableCatalogue.ids()));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The settings of this call (overrides, system properties, environment, application.properties). */
    static Map<String, String> overrides() {
        return OVERRIDES.get();
    }

    static PbProperties settings() {
        return Settings.load(environment());
    }

    /**
     * The settings' sources of this call (Settings.environment), read once per command: a warm process's next command
     * reads the files again.
     */
    static StandardEnvironment environment() {
        Map<String, String> overrides = OVERRIDES.get();
        Environment e = ENVIRONMENT.get();
        if (e == null || e.overrides() != overrides) {
            e = new Environment(overrides, Settings.environment(overrides));
            ENVIRONMENT.set(e);
        }
        return e.env();
    }

    /**
     * What the settings of this call give that pb-annex does not know (a misspelt PB_RETENTION_RUNZ), each logged once
     * per call; none when the settings cannot be read, which the command then says itself.
     */
    static List<String> settingsWarnings() {
        List<String> warnings;
        try {
            warnings = Settings.warnings(environment());
        } catch (RuntimeException e) {
            return List.of();
        }
        warnings.forEach(w -> LOG.warn("setting ignored: {}", w));
        return warnings;
    }

    /**
     * Whether this command was typed at a terminal: the launcher says so (PB_TERMINAL=1 when its input and error
     * output are one; the warm process is told the client's). A java -jar, cron, systemd or the schedule: no. A mistake
     * in its command line, and its Ctrl-C, are then that person's to read, and mailed to no one.
     */
    static boolean atTerminal() {
        try {
            return "1".equals(property("pb.terminal"));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** One setting as Spring resolves it (placeholders filled), such as spring.datasource.url. */
    static String property(String key) {
        return environment().getProperty(key);
    }

    /** The installation folder: pb.home (-Dpb.home, set by the launcher, or PB_HOME), else the working directory. */
    static Path home() {
        return settings().home();
    }
}
