package org.pbannex.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.pbannex.distribute.DistributionLog;
import org.pbannex.distribute.Distributor;
import org.pbannex.distribute.ReplyBy;
import org.pbannex.ingest.Said;
import org.pbannex.publish.FollowUp;
import org.pbannex.publish.PublishedRun;
import org.pbannex.distribute.ReviewerList;
import org.pbannex.batch.RunDistribution;
import org.pbannex.batch.RunInputs;
import org.pbannex.reference.Biennium;
import org.pbannex.review.RunInput;
import org.pbannex.runtime.ExitCodes;
import org.pbannex.runtime.UsageError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Sends a published run's workbook to its reviewers by e-mail, or writes the messages as .eml files. */
@Command(name = "distribute", mixinStandardHelpOptions = true,
        // The first line is the command's summary in `pb-annex --help`: one whole sentence.
        description = {"Send each reviewer the workbook of a published run (default: the latest), in their language.",
                "With only their tables when they review some, and a message saying what changed since the last run they "
                        + "received, the documented differences from the print, and how to return corrections. A reviewer "
                        + "who received the run by mail already is skipped (--again sends it to them too). Reviewers "
                        + "are those of the run's job (reviewers:), else input/reviewers.csv. Mail goes through spring.mail.* (e.g. "
                        + "SPRING_MAIL_HOST); a server that refuses or is down is exit status 5 with one line. It holds the "
                        + "lock of the run's biennium and output folder, as runs do: while another process holds it (a run "
                        + "there, the job's next run sending this one), it sends nothing, exit status 5."})
public class DistributeCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "RUN_ID", description = "The run to send (default: the latest).")
    String runId;

    @Mixin
    OutputOptions outputOptions;

    @Option(names = "--dry-run", description = "Write the messages as .eml files into the run folder's distribution/ "
            + "instead of sending them.")
    boolean dryRun;

    @Option(names = "--reply-by", paramLabel = "DATE", description = "Ask the reviewers for their corrections by this date "
            + "(2026-12-15); default: the job's replyWithinDays after the run was published, else no date.")
    LocalDate replyBy;

    @Option(names = "--again", description = "Send it also to the reviewers who received this run by mail already (by "
            + "default they are skipped: a run sent after a failure or a kill reaches each reviewer once).")
    boolean again;

    @Mixin
    InputOptions.OneBiennium in;

    @Override
    public Integer call() throws IOException {
        var settings = PbAnnexApplication.settings();
        Path out = outputOptions.outputDir();
        Biennium biennium = in.oneBiennium();
        PublishedRun run;
        try {
            run = PublishedRun.named(out, runId, biennium.code());
        } catch (UsageError notHere) {
            throw runId == null ? notHere : publishedElsewhere(notHere, settings);
        }
        try (SpringRuntime spring = SpringRuntime.start("distribute " + run.runId())) {
            // Under the lock of the run's biennium and output folder, as the job's next run sends a run left unsent: the
            // two never send beside each other (nor beside a run there), so no reviewer gets the workbook twice.
            return spring.bean(RunDistribution.class).holding(run.biennium(), out, run.runId(), () -> send(spring, run, out, settings));
        } catch (org.pbannex.runtime.RunLease.Busy busy) {
            String command = "./pb-annex distribute " + run.runId() + (outputOptions.output == null ? "" : " --output " + out)
                    + (dryRun ? " --dry-run" : "");
            throw new org.pbannex.runtime.RunLease.Busy("run " + run.runId() + " was not " + (dryRun ? "written" : "sent") + ": "
                    + busy.getMessage() + "; then " + command + (dryRun ? " writes the messages"
                    : " sends it to the reviewers who have not received it (none gets it twice)"));
        }
    }

    private Integer send(SpringRuntime spring, PublishedRun run, Path out, org.pbannex.config.PbProperties settings)
            throws IOException {
        boolean kept = in.input == null && java.nio.file.Files.isRegularFile(run.folder().resolve(RunInput.FILE));
        Path inputDir = inputOf(run, spring.bean(RunDistribution.class).inputOf(run.runId()), settings, out, kept);
        Path listed = ReviewerList.listedIn(inputDir, settings.input());
        var reviewers = ReviewerList.ofJobFile(settings.jobs(), run.job(), listed);
        if (reviewers.isEmpty()) {
            reviewers = ReviewerList.fromCsv(listed);
        }
        // Made from the input the run read: the input folder while it still holds it; else the copy the run kept
        // (input.zip), whatever changed since; a run published before runs kept one is refused then (Distributor).
        // Its expenditure lines read as the run read them: a run that set bad lines aside is computed so again.
        Biennium biennium = Biennium.parse(run.biennium());
        boolean rejects = run.rejectedLines() > 0;
        List<Distributor.Delivery> deliveries;
        try (RunInput copy = kept && !unchanged(run, inputDir, biennium) ? RunInput.open(run).orElseThrow() : null) {
            var computed = copy == null ? RunInputs.computedAgain(inputDir, biennium, rejects, run.tables())
                    : copy.reading(() -> RunInputs.computedAgain(copy.folder(), inputDir, biennium, rejects, run.tables()));
            deliveries = spring.bean(Distributor.class).distribute(run, computed, reviewers, dryRun, again, out,
                    ReplyBy.of(run, replyBy, ReviewerList.replyWithinDays(settings.jobs(), run.job())));
        } catch (Distributor.Refused refused) {
            // The others were sent it: said as when all were, then the refusal's line.
            say(refused.deliveries());
            throw refused;
        }
        say(deliveries);
        int received = (int) deliveries.stream().filter(d -> d.mode().equals(Distributor.RECEIVED)).count();
        int refused = (int) deliveries.stream().filter(d -> d.mode().equals(Distributor.REFUSED_BEFORE)).count();
        System.out.println("Run " + run.runId() + ": " + (deliveries.size() - received - refused) + " of "
                + reviewers.size() + " reviewers " + (dryRun ? "written as .eml (dry run)" : "sent")
                + (received > 0 ? " (" + received + " had received it already)" : "")
                + (refused > 0 ? " (" + refused + " refused by the mail server before)" : ""));
        if (!dryRun && refused == 0) {
            // Every reviewer has it: the failures its sending noted (a refused address, a server down) are answered.
            org.pbannex.runtime.RunOutcomes.of(settings).answered(run.job(), run.biennium(), run.runId());
        }
        return ExitCodes.PUBLISHED;
    }

    /**
     * Whether the input folder still holds what the run read (a folder that no longer reads is not): then it is read
     * as ever, and a copy kept by an earlier version, which may lack a file its reading asks for, is not needed.
     */
    private static boolean unchanged(PublishedRun run, Path inputDir, Biennium biennium) {
        try {
            return run.sameInput(org.pbannex.publication.Publication.ingest(inputDir, biennium));
        } catch (org.pbannex.ingest.InputError e) {
            return false;
        }
    }

    /**
     * A run not in this output folder that the run history has published into another (a trial run, with --output):
     * the line says where, and the command that sends it from there (it said only that there was no such run), or that
     * its folder was removed since, as review says of a workbook's run. A run the history does not know, as before.
     */
    private UsageError publishedElsewhere(UsageError notHere, org.pbannex.config.PbProperties settings) {
        return ReviewCommand.publishedIn("distribute", runId).map(folder -> new UsageError(notHere.getMessage() + "; "
                + (java.nio.file.Files.isDirectory(folder) ? "the run history says it was published to " + folder
                + (FollowUp.outputOfRun(folder, settings.output()).isEmpty() ? "" : " (a trial run, into another output folder "
                + "than the installation's)") + ": " + FollowUp.distributeRunIn(runId, folder, settings.output()) + " sends it"
                : Said.of("published_in.removed", "folder", folder.toString()).english()))).orElse(notHere);
    }

    /** A line for each reviewer: sent, written as .eml, or skipped and why. */
    private static void say(List<Distributor.Delivery> deliveries) {
        for (var d : deliveries) {
            String who = d.reviewer().name() + " <" + d.reviewer().email() + ">, " + d.reviewer().language();
            System.out.println(switch (d.mode()) {
                case DistributionLog.SENT -> "Sent:    " + who + ", " + d.attachment().getFileName();
                case Distributor.RECEIVED -> "Skipped: " + who + ", who received this run already (--again sends it again)";
                case DistributionLog.REFUSED -> "Refused: " + who;
                case Distributor.REFUSED_BEFORE -> "Skipped: " + who + ", whose address the mail server refused for this run "
                        + "(fix it in the reviewers' list, or --again sends it again)";
                default -> "Written: " + who + ", " + d.attachment().getFileName() + " -> "
                        + org.pbannex.ingest.InputFolder.shown(Path.of(d.where()));
            });
        }
    }

    /**
     * The input to make the run's workbooks from: --input when given; else the folder the run read, as its record keeps
     * it, while it is there (a run from an input workbook read the folder the workbook was imported into, not input/);
     * else the installation's input. A run from a workbook whose import is gone (the newest ten are kept) is told so,
     * with the command that imports it again, rather than that the input changed; unless the run kept a copy of its
     * input ({@code kept}): then only the reviewers' list and the expenditure lines are read from the folder. The line
     * names the run's folder, which the user can open, not the import, which is gone.
     */
    private Path inputOf(PublishedRun run, java.util.Optional<Path> recorded, org.pbannex.config.PbProperties settings, Path out,
                         boolean kept) {
        if (in.input != null || recorded.isEmpty()) {
            return in.inputDir();
        }
        Path read = recorded.get();
        if (java.nio.file.Files.isDirectory(read)) {
            return read;
        }
        if (read.startsWith(settings.imported()) && !kept) {
            throw new org.pbannex.ingest.InputError(org.pbannex.ingest.InputFolder.shown(run.folder()), 0, "", "run "
                    + run.runId() + " was made from an input workbook, whose import (" + org.pbannex.ingest.InputFolder.shown(
                    read.getParent()) + "/) was removed since (the newest ten imports are kept), and the run keeps no copy "
                    + "of its input (" + RunInput.FILE + ": published before runs kept one): ./pb-annex distribute "
                    + run.runId() + org.pbannex.publish.FollowUp.output(out, settings.output())
                    + " --input WORKBOOK.xlsx, naming that workbook, imports it again and sends it");
        }
        return in.inputDir();
    }
}
