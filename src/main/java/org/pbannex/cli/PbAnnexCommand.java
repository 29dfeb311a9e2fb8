package org.pbannex.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command; its subcommands do the work. */
@Command(name = "pb-annex", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Turns Programme and Budget data into its annex tables: Excel workbooks, PDF annexes, accessible HTML editions and tidy CSV.",
        footer = {"", "Exit status: 0 published, 2 bad usage, 3 invalid input, 4 a reconciliation check failed, 5 infrastructure;",
                "130, 143 or 129 a run stopped by Ctrl-C, SIGTERM or a closed terminal (SIGHUP)."})
public class PbAnnexCommand implements Runnable {

    /** The subcommands, in the order the help lists them. */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("run", RunCommand::new);
        SUBCOMMANDS.put("check", CheckCommand::new);
        SUBCOMMANDS.put("preflight", PreflightCommand::new);
        SUBCOMMANDS.put("status", StatusCommand::new);
        SUBCOMMANDS.put("history", HistoryCommand::new);
        SUBCOMMANDS.put("abandon", AbandonCommand::new);
        SUBCOMMANDS.put("schedule", ScheduleCommand::new);
        SUBCOMMANDS.put("after-run", AfterRunCommand::new);
        SUBCOMMANDS.put("generate-expenditure", GenerateExpenditureCommand::new);
        SUBCOMMANDS.put("ingest-expenditure", IngestExpenditureCommand::new);
        SUBCOMMANDS.put("benchmark", BenchmarkCommand::new);
        SUBCOMMANDS.put("input", InputCommand::new);
        SUBCOMMANDS.put("distribute", DistributeCommand::new);
        SUBCOMMANDS.put("review", ReviewCommand::new);
        SUBCOMMANDS.put("serve", ServeCommand::new);
    }

    /**
     * The command line for these arguments. Picocli reads every subcommand's annotations when it is added, which took
     * a good part of a {@code check}'s start-up: a command line naming one subcommand gets only that one; anything else
     * (help, a typo) gets them all, so the help and the suggestions are complete.
     */
    static CommandLine commandLine(String... args) {
        CommandLine cli = new CommandLine(new PbAnnexCommand());
        Supplier<Object> named = args.length == 0 ? null : SUBCOMMANDS.get(args[0]);
        if (named != null) {
            cli.addSubcommand(args[0], named.get());
        } else {
            SUBCOMMANDS.forEach((name, command) -> cli.addSubcommand(name, command.get()));
        }
        return cli;
    }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        // The everyday ones; --help lists them all.
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing command: such as run, check, status, history "
                + "or schedule (all " + spec.subcommands().size() + " of them: ./pb-annex --help)");
    }
}
