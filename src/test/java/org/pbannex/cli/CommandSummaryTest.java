package org.pbannex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * `pb-annex --help` lists each command with the first line of its description: that line must be a whole sentence a
 * reader can act on, not the start of a paragraph cut off mid-phrase (found so: "... a published run (the latest when no
 * RUN_ID is given) in their").
 */
class CommandSummaryTest {

    @Test
    void everyCommandsSummaryIsOneWholeSentence() {
        CommandLine cli = PbAnnexCommand.commandLine("--help");
        assertTrue(cli.getSubcommands().size() >= 12, cli.getSubcommands().keySet().toString());
        summariesOf(cli.getSubcommands());
    }

    /**
     * A command of commands (input) names each of them in its summary, the line `pb-annex --help` lists: input adopt was
     * left out there, where the README and `input --help` list it (tester 77a).
     */
    @Test
    void aCommandOfCommandsNamesEachInItsSummary() {
        CommandLine cli = PbAnnexCommand.commandLine("--help");
        cli.getSubcommands().forEach((name, command) -> command.getSubcommands().keySet().forEach(sub -> assertTrue(
                command.getCommandSpec().usageMessage().description()[0].contains("'" + name + " " + sub + "'"),
                name + "'s summary does not name " + name + " " + sub)));
    }

    /**
     * run --help counts the expenditure lines as the report and the manifest do: it left out the lines left out (good
     * lines of a later biennium), so its sum did not add up to what a run reports (tester 77a).
     */
    @Test
    void theRejectsOptionCountsTheLinesAsTheReportDoes() {
        var rejects = PbAnnexCommand.commandLine("--help").getSubcommands().get("run").getCommandSpec().findOption("--rejects");
        assertTrue(String.join(" ", rejects.description()).contains("read = accepted + left out + rejected per file"),
                String.join(" ", rejects.description()));
    }

    /**
     * --biennium's help says "or all" on the commands that take all (run, check, preflight) and not on those that read
     * one biennium, where all is refused; review, which reads the returned workbook's run, has no --biennium (it was
     * taken and ignored).
     */
    @Test
    void theBienniumOptionIsOfferedAsEachCommandTakesIt() {
        CommandLine cli = PbAnnexCommand.commandLine("--help");
        Map<String, Boolean> takesAll = Map.of("run", true, "check", true, "preflight", true, "distribute", false,
                "generate-expenditure", false, "ingest-expenditure", false);
        takesAll.forEach((command, all) -> {
            var option = cli.getSubcommands().get(command).getCommandSpec().findOption("--biennium");
            assertTrue(option != null, command + " has no --biennium");
            assertEquals(all, String.join(" ", option.description()).contains("or all"), command + ": " + String.join(" ", option.description()));
        });
        var export = cli.getSubcommands().get("input").getSubcommands().get("export").getCommandSpec().findOption("--biennium");
        assertTrue(export != null && !String.join(" ", export.description()).contains("or all"));
        assertEquals(null, cli.getSubcommands().get("review").getCommandSpec().findOption("--biennium"));
    }

    /** The commands' summaries, and those of their own subcommands (input export, input import). */
    private static void summariesOf(Map<String, CommandLine> commands) {
        for (Map.Entry<String, CommandLine> e : commands.entrySet()) {
            String[] description = e.getValue().getCommandSpec().usageMessage().description();
            String first = description.length == 0 ? "" : description[0].strip();
            assertTrue(first.endsWith(".") && first.indexOf(". ") < 0 && first.length() <= 130,
                    e.getKey() + "'s summary is not one whole sentence of at most 130 characters: '" + first + "'");
            // Each line is a paragraph picocli wraps to the terminal: one cut mid-sentence prints as a ragged stub
            // ("... (or, for a total or" / "computed figure, ...").
            for (String paragraph : description) {
                assertTrue(paragraph.strip().matches("(?s).*[.;:)]"), e.getKey() + "'s description has a line cut mid-sentence: '"
                        + paragraph + "'");
            }
            summariesOf(e.getValue().getSubcommands());
        }
    }
}
