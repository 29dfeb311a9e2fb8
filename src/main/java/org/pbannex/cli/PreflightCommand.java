package org.pbannex.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.pbannex.config.PbProperties;
import org.pbannex.distribute.MailServer;
import org.pbannex.distribute.ReviewerList;
import org.pbannex.distribute.UnsentRuns;
import org.pbannex.expenditure.ExpenditureIngest;
import org.pbannex.launcher.ClassCaches;
import org.pbannex.ingest.InputSet;
import org.pbannex.publication.ComputedPublication;
import org.pbannex.publication.OutputFormat;
import org.pbannex.publication.Publication;
import org.pbannex.publication.RunRequest;
import org.pbannex.publish.RunFolder;
import org.pbannex.publish.RunRetention;
import org.pbannex.render.pdf.PdfFonts;
import org.pbannex.runtime.Counted;
import org.pbannex.runtime.ExitCodes;
import org.pbannex.runtime.RunLease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.support.CronExpression;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * Whether a job can run unattended now, before it is left to the night: everything its run needs, each said in a line
 * with what was found (the job file and its schedule, the input and its checks, the database, the output folder and
 * its free space, the PDFs' font, who hears of a failure and the mail server that tells them, the reviewers, the lock).
 * Publishes and sends nothing; the database is opened (and brought up to date) as the run would.
 */
@Command(name = "preflight", mixinStandardHelpOptions = true,
        description = {"Say whether a job can run unattended now, one line per need; it publishes and sends nothing.",
                "The job file and schedule, the input and its checks, the output folder, the PDFs' font, the database, "
                        + "the locks and the mail server."})
public class PreflightCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(PreflightCommand.class);

    @Parameters(index = "0", arity = "0..1", defaultValue = "nightly", paramLabel = "<job>", description = "The job (jobs/<job>.yml); default nightly.")
    String job;

    @Mixin
    InputOptions.Biennia in;

    @Mixin
    OutputOptions outputOptions;

    /** The lines said, and the worst exit status a failed one stands for. */
    private final TextColumns lines = new TextColumns("", "WHAT", "FOUND");
    private int worst = ExitCodes.PUBLISHED;
    private int failed;
    private int warnings;
    private int said;

    @Override
    public Integer call() {
        PbProperties settings = PbAnnexApplication.settings();
        // A misspelt setting leaves its default in force: the night would run without it.
        PbAnnexApplication.settingsWarnings().forEach(w -> warning("settings", w));
        Path jobFile = settings.jobs().resolve(job + ".yml");
        JobDefinition def;
        List<RunRequest> requests;
        try {
            def = JobDefinition.load(settings.jobs(), job, settings.input());
        } catch (RuntimeException e) {
            failed("job file", e);
            return finish();
        }
        try {
            RunCommand.outputOutsideInput(in.inputDir(), outputOptions.outputDir());
        } catch (org.pbannex.runtime.UsageError e) {
            failed("output", e);
            return finish();
        } catch (RuntimeException e) {
            // The input folder's own problem: said with the job's requests below.
        }
        try {
            requests = RunCommand.requests(def, in, outputOptions.outputDir(), null, null, null, false, false);
            ok("job file", jobFile + ": " + describe(requests.get(0), def));
        } catch (RuntimeException e) {
            // Without its job file there is nothing to run: the rest is not looked at.
            failed("job file", e);
            return finish();
        }
        schedule(def);
        olderInput(settings);
        for (RunRequest r : requests) {
            input(r);
        }
        RunRequest first = requests.get(0);
        listNotSentTo(def, first, settings);
        output(first.output(), settings.retention(), def.reviewers() != null);
        if (first.formats().contains(OutputFormat.PDF)) {
            try {
                ok("font", PdfFonts.check(settings.fonts()) + " in " + settings.fonts());
            } catch (IOException | RuntimeException e) {
                failed("font", ExitCodes.INFRASTRUCTURE, e.getMessage());
            }
        }
        databaseLockAndMail(settings, requests);
        fastStart();
        return finish();
    }

    /**
     * A class cache of fast start-up missing (a training run failed): the night runs, slower; said with what prepares
     * it. The program's folder is the launcher's (pb.program); run otherwise (java -jar, the tests), nothing is said.
     */
    private void fastStart() {
        var env = PbAnnexApplication.environment();
        String program = env.getProperty("pb.program");
        if (program == null || "off".equals(env.getProperty("PB_FAST_START"))) {
            return;
        }
        ClassCaches.missing(Path.of(program), Runtime.version().feature()).ifPresent(m -> note("fast start-up", m));
    }

    /**
     * A data folder's input (PB_HOME) older than the updated program's: the night may fail on it, and one command brings
     * it in step (tester 78a). Said of the installation's input (no --input) when the program's folder is the launcher's
     * (pb.program), as {@link #fastStart}.
     */
    private void olderInput(PbProperties settings) {
        if (in.input == null && PbAnnexApplication.environment().getProperty("pb.program") != null) {
            org.pbannex.upgrade.BehindProgram.of(settings.input(), settings.program().resolve("input"))
                    .ifPresent(line -> warning("input", line));
        }
    }

    /**
     * The input's reviewers.csv, where there is one, of a job that does not send to it (no reviewers, or a list of its
     * own): read as check reads it, so that a mistake in it is found before a job that sends to it runs (which it would
     * stop, status 3); said as a WARNING, since it stops nothing of this job. A job that sends to it (reviewers: input)
     * reads it as its reviewers, with the mail ({@link #mail}): a mistake there FAILS.
     */
    private void listNotSentTo(JobDefinition def, RunRequest r, PbProperties settings) {
        if (def.reviewers() != null && def.reviewers().isString() && ReviewerList.FROM_INPUT.equals(def.reviewers().asString())) {
            return;
        }
        Path listed = ReviewerList.listedIn(r.input(), settings.input());
        if (!Files.isRegularFile(listed.resolve(ReviewerList.FILE))) {
            return;
        }
        try {
            ReviewerList.fromCsv(listed, true);
        } catch (RuntimeException e) {
            LOG.warn("preflight: reviewers.csv, which the job {} does not send to, is refused", job, e);
            warning("reviewers", ExitCodes.message(e) + " (a job that sends to this list, reviewers: input, would stop on it, "
                    + "status " + ExitCodes.of(e) + "; this job " + (def.reviewers() == null ? "sends to no one" : "sends to a list of its own")
                    + ")");
        }
    }

    private static String describe(RunRequest r, JobDefinition def) {
        return (def.allTables() ? "every table" : String.join(",", r.tables())) + "; "
                + String.join("+", r.languages().stream().map(l -> l.code()).toList()) + "; "
                + String.join(",", r.formats().stream().map(OutputFormat::code).toList());
    }

    private void schedule(JobDefinition def) {
        if (def.schedule() == null) {
            note("schedule", "none in the job file: run it from cron or systemd (./pb-annex schedule --print)");
            return;
        }
        try {
            var next = org.pbannex.schedule.NextRun.after(CronExpression.parse(def.schedule()), java.time.Instant.now(),
                    org.pbannex.config.TimeZoneSetting.local());
            ok("schedule", def.schedule() + ", next " + (next == null ? "none (" + org.pbannex.config.TimeZoneSetting.described() + ")"
                    : next.described(", this machine's time zone")) + " with ./pb-annex schedule, "
                    + StatusCommand.scheduler(PbAnnexApplication.home()));
        } catch (IllegalArgumentException e) {
            failed("schedule", ExitCodes.USAGE, "'" + def.schedule() + "' is not a cron expression (second minute hour day month "
                    + "weekday): " + ScheduleCommand.cronProblem(e));
        }
    }

    /** The input of one biennium read, validated and reconciled, as the run's first steps do. */
    private void input(RunRequest r) {
        String what = "input " + r.biennium();
        try {
            InputSet inputs = Publication.ingest(r.input(), r.biennium());
            if (r.formats().contains(OutputFormat.PDF)) {
                refuseUnshown(inputs);
            }
            ExpenditureIngest.Result lines = Publication.readLines(inputs, null);
            ComputedPublication pub = Publication.compute(inputs, lines, r.tables(), new org.pbannex.publication.ReadBiennia(),
                    texts -> org.pbannex.publish.EditionKeys.needed(r.formats(), r.tables(), texts));
            var failures = pub.checks().failures();
            String counts = Counted.of(pub.tables().size(), "table", "tables") + ", " + pub.checks().passedCount() + " checks passed";
            if (failures.isEmpty()) {
                ok(what, r.input() + ": " + counts);
                syntheticInput(r, lines);
                org.pbannex.publication.InputWarnings.of(inputs).forEach(w -> warning("text " + r.biennium(), w.english()));
            } else {
                failed(what, ExitCodes.CHECK_FAILED, counts + ", " + failures.size() + " failed: "
                        + failures.get(0).describe() + (failures.size() > 1 ? " (./pb-annex check lists them all)" : ""));
            }
        } catch (RuntimeException e) {
            failed(what, e);
        }
    }

    /** An installation about to publish with synthetic expenditure lines (the bundled sample) hears it before the run. */
    private void syntheticInput(RunRequest r, ExpenditureIngest.Result lines) {
        List<String> files = lines == null ? List.of() : lines.files().stream().filter(ExpenditureIngest.FileStats::synthetic)
                .map(ExpenditureIngest.FileStats::file).toList();
        if (!files.isEmpty()) {
            note("synthetic " + r.biennium(), String.join(", ", files) + ": synthetic data, not ILO data; the figures drawn "
                    + "from them are marked synthetic wherever shown (replace them with real lines to publish real figures)");
        }
    }

    /** Refuses text the PDFs' font cannot show, as the run does; without a font, the font line says what is missing. */
    private void refuseUnshown(InputSet inputs) {
        try {
            inputs.refuseUnshown(PdfFonts.glyphs(PbAnnexApplication.settings().fonts()));
        } catch (IOException e) {
            // Reported by the font line.
        }
    }

    /**
     * The output folder there or creatable, writable, and its free space beside what a published run takes; and what it
     * keeps of the published runs.
     */
    private void output(Path out, PbProperties.Retention retention, boolean mailsEveryRun) {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            failed("output", ExitCodes.INFRASTRUCTURE, out + ": a file, not a folder");
            return;
        }
        try {
            Files.createDirectories(out);
            Path probe = Files.createTempFile(out, ".preflight-", ".tmp");
            Files.delete(probe);
            RunFolder.checkLinks(out);
            long free = Files.getFileStore(out).getUsableSpace();
            String rule = RunRetention.rule(retention.runs(), retention.age());
            String line = out + ": writable, links allowed, " + bytes(free) + " free; keeps " + (rule.isEmpty()
                    ? "every published run (PB_RETENTION_RUNS, PB_RETENTION_AGE)" : rule)
                    // A run sent to reviewers is never removed, and this job sends each: the rule would seem to hold.
                    + (rule.isEmpty() || !mailsEveryRun ? "" : ", but never a run sent to reviewers, and the job sends every run "
                    + "it publishes to its reviewers: only runs not sent are removed (README: An output folder that does not "
                    + "fill the disk)");
            if (free < 100L * 1024 * 1024) {
                failed("output", ExitCodes.INFRASTRUCTURE, line + ": under 100 MB, too little for a night's run and its staging");
            } else {
                ok("output", line);
            }
        } catch (IOException | RuntimeException e) {
            failed("output", ExitCodes.INFRASTRUCTURE, ExitCodes.message(e));
        }
    }

    private static String bytes(long n) {
        return n >= 1L << 30 ? String.format(java.util.Locale.ROOT, "%.1f GB", n / (double) (1L << 30)) : (n >> 20) + " MB";
    }

    /** The database (opened and migrated as the run would), the biennia's locks, and the mail server when anyone is to be mailed. */
    private void databaseLockAndMail(PbProperties settings, List<RunRequest> requests) {
        try (SpringRuntime spring = SpringRuntime.start("preflight " + job)) {
            ok("database", SpringRuntime.database() + ": reachable, its tables up to date");
            RunLease lease = spring.bean(RunLease.class);
            for (RunRequest r : requests) {
                RunLease.Held held = lease.heldBy(r.biennium().code(), r.output().toString()).orElse(null);
                if (held == null) {
                    ok("lock " + r.biennium(), "free in " + r.output());
                } else {
                    note("lock " + r.biennium(), "held by the run " + held.holder() + ": a run now would stop with status 5 until "
                            + "it ends" + held.waited());
                }
            }
            mail(settings, spring.bean(MailServer.class), requests.get(0));
            for (RunRequest r : requests) {
                failuresSince(org.pbannex.runtime.RunOutcomes.of(settings), r);
                waitingToBeSent(new org.pbannex.runtime.RunOutcomes(settings.status()), spring.bean(UnsentRuns.class), r);
            }
        } catch (RuntimeException e) {
            // A setting the context could not bind (a mail port of "abc") is not the database's.
            failed(ExitCodes.badSetting(e) == null ? "database" : "settings", e);
        }
    }

    /** Failures since the job last ran well: the night is not back to normal yet. */
    private void failuresSince(org.pbannex.runtime.RunOutcomes outcomes, RunRequest r) {
        try {
            List<String> failures = outcomes.failures(job, r.biennium().code());
            if (!failures.isEmpty()) {
                note("failures " + r.biennium(), Counted.of(failures.size(), "failure", "failures") + " since the job last ran well; "
                        + "the last: " + org.pbannex.runtime.Times.shownToSecond(failures.get(failures.size() - 1)));
            }
        } catch (IOException e) {
            LOG.warn("preflight: the job's status could not be read", e);
        }
    }

    /**
     * The job's runs published for its reviewers and never sent to them (the job's status notes them), with what sends
     * them; read only: a run a newer one replaced, which will never be sent, is left for the next run to settle.
     */
    private void waitingToBeSent(org.pbannex.runtime.RunOutcomes outcomes, UnsentRuns unsent, RunRequest r) {
        try {
            for (var u : outcomes.unsent(job, r.biennium().code())) {
                var published = org.pbannex.publish.PublishedRun.whole(u.folder(), u.runId());
                if (published.isEmpty() || unsent.replacedBy(published.get()).isPresent()) {
                    continue;
                }
                note("unsent " + r.biennium(), "run " + u.runId() + " published " + StatusCommand.TIME.format(u.since()) + " to "
                        + u.folder() + ", NOT SENT to its reviewers: " + org.pbannex.publish.FollowUp.distributeRunIn(u.runId(), u.folder(),
                        PbAnnexApplication.settings().output()) + " sends it (so does the "
                        + "job's next run when it finds these inputs published)");
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("preflight: the job's runs waiting for their reviewers could not be read", e);
        }
    }

    private void mail(PbProperties settings, MailServer mail, RunRequest r) {
        List<String> to = settings.failures().mailTo();
        int reviewers;
        try {
            reviewers = ReviewerList.ofJobFile(settings.jobs(), job, ReviewerList.listedIn(r.input(), settings.input())).size();
        } catch (RuntimeException e) {
            failed("reviewers", e);
            reviewers = 0;
        }
        List<String> who = new ArrayList<>();
        if (!to.isEmpty()) {
            who.add("failures to " + String.join(", ", to));
        }
        if (reviewers > 0) {
            who.add("the run to " + Counted.of(reviewers, "reviewer", "reviewers"));
        }
        if (to.isEmpty()) {
            note("failure notice", "nobody is mailed when a run fails (PB_FAILURES_MAIL_TO): only its exit status, stderr and report say so");
        }
        if (who.isEmpty()) {
            return;
        }
        try {
            if (mail.sender() == null) {
                throw new IllegalStateException("no mail server configured (SPRING_MAIL_HOST)");
            }
            if (mail.sender() instanceof JavaMailSenderImpl server) {
                server.testConnection();
            }
            ok("mail", mail.server() + " answers, from " + mail.from() + ": " + String.join("; ", who));
        } catch (jakarta.mail.MessagingException | RuntimeException e) {
            LOG.warn("mail server {} did not answer", mail.server(), e);
            failed("mail", ExitCodes.INFRASTRUCTURE, mail.server() + " " + org.pbannex.distribute.MailFault.ofConnection(e) + ": "
                    + String.join("; ", who) + " would not be sent");
        }
    }

    private void ok(String what, String found) {
        lines.row("ok", what, found);
        said++;
    }

    private void warning(String what, String found) {
        lines.row("WARNING", what, found);
        warnings++;
        said++;
    }

    private void note(String what, String found) {
        lines.row("note", what, found);
        said++;
    }

    private void failed(String what, RuntimeException e) {
        LOG.warn("preflight: {} failed", what, e);
        // One row a need: the others found with it (more bad characters) are check's to list.
        failed(what, ExitCodes.of(e), ExitCodes.message(e) + (ExitCodes.lines(e).size() > 1 ? " (and more: ./pb-annex check lists them all)" : ""));
    }

    private void failed(String what, int status, String found) {
        lines.row("FAILED", what, found);
        worst = Math.max(worst, status);
        failed++;
        said++;
    }

    private int finish() {
        lines.print();
        System.out.println(failed == 0 ? "Ready: the job " + job + " can run unattended"
                + (warnings == 0 ? "." : ", with " + Counted.of(warnings, "WARNING", "WARNINGs") + " above.")
                : "Not ready: " + Counted.of(failed, "line", "lines") + " FAILED of " + said + "; exit status " + worst + ".");
        return worst;
    }
}
