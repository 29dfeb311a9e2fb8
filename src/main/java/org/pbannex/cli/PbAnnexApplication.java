package org.pbannex.cli;

import java.nio.file.Path;
import picocli.CommandLine;

/** Entry point: {@code pb-annex <command>}. Exit statuses follow the DESIGN.md contract. */
public final class PbAnnexApplication {

    private PbAnnexApplication() {
    }

    public static void main(String[] args) {
        // Commands that run without Spring (check, generate-expenditure) would otherwise print every INFO line;
        // the ones with Spring configure logging from application.properties (console WARN, file INFO).
        var root = org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root instanceof ch.qos.logback.classic.Logger logback) {
            logback.setLevel(ch.qos.logback.classic.Level.WARN);
        }
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new PbAnnexCommand()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("pb-annex: " + ExitCodes.message(e));
                    return ExitCodes.of(e);
                });
        cli.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("pb-annex: " + e.getMessage());
            e.getCommandLine().getErr().println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCodes.USAGE;
        });
        return cli.execute(args);
    }

    /** The installation folder: -Dpb.home (set by the launcher), else the working directory. */
    static Path home() {
        return Path.of(System.getProperty("pb.home", ".")).toAbsolutePath().normalize();
    }
}
