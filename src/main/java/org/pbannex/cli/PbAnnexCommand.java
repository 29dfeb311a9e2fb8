package org.pbannex.cli;

import picocli.CommandLine.Command;

/** The top-level command; its subcommands do the work. */
@Command(name = "pb-annex", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Turns Programme and Budget data into its annex tables: Excel workbooks, PDF annexes and tidy CSV.",
        subcommands = {RunCommand.class, CheckCommand.class, HistoryCommand.class, AbandonCommand.class, ScheduleCommand.class,
                GenerateExpenditureCommand.class, IngestExpenditureCommand.class, BenchmarkCommand.class, InputCommand.class,
                DistributeCommand.class, ReviewCommand.class},
        footer = {"", "Exit status: 0 published, 2 bad usage, 3 invalid input, 4 a reconciliation check failed, 5 infrastructure."})
public class PbAnnexCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing command: run, check, history or schedule");
    }
}
