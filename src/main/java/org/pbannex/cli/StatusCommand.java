package org.pbannex.cli;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.pbannex.runtime.Counted;
import org.pbannex.runtime.ExitCodes;
import org.pbannex.runtime.RunOutcomes;
import org.pbannex.runtime.Times;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * How each job's runs have gone lately (work/status/): its last good run and the failures since, for a person or for a
 * monitoring system, which can run it every hour. A night that never starts (cron stopped, the machine off) sends no
 * failure notice; with {@code --max-age} its silence is itself a failure. Needs no database.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Say how each job's runs have gone lately: the last good run, and the failures since.",
                "Exit status 0 when all is well; 5 when a job failed since it last ran well (a trial run into another output "
                        + "folder is said, and counts not), when its latest run was published for its reviewers and not sent "
                        + "to them, or (with --max-age) has not run well for that long."})
public class StatusCommand implements Callable<Integer> {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "<job>", description = "Only this job (default: every job that has run).")
    String job;

    @Option(names = "--max-age", paramLabel = "DURATION", description = "A job whose last good run is older than this, "
            + "e.g. 26h for a nightly job, is not well either (the silence of a night that never started).")
    String maxAge;

    @Override
    public Integer call() throws IOException {
        Duration limit = maxAge == null ? null : DurationOption.parse(spec, "--max-age", maxAge, "26h or 90m");
        List<RunOutcomes.State> states = RunOutcomes.of(PbAnnexApplication.settings()).states().stream()
                .filter(s -> job == null || s.job().equals(job)).toList();
        if (states.isEmpty() && job != null) {
            // A name typed wrong in a monitor's command would read "nothing yet" for ever.
            var jobs = JobDefinition.names(PbAnnexApplication.settings().jobs());
            if (!jobs.contains(job)) {
                throw new ParameterException(spec.commandLine(), "no job '" + job + "' in " + PbAnnexApplication.settings().jobs()
                        + " and no run of it recorded; the jobs are " + String.join(", ", jobs));
            }
        }
        System.out.println("Scheduler: " + scheduler(PbAnnexApplication.home()));
        if (states.isEmpty()) {
            System.out.println("No run recorded yet" + (job == null ? "" : " of the job " + job) + " (work/status/).");
            return limit == null ? ExitCodes.PUBLISHED : ExitCodes.INFRASTRUCTURE;
        }
        Instant now = Instant.now();
        TextColumns table = new TextColumns("JOB", "BIENNIUM", "LAST GOOD RUN (UTC)", ">AGO", "SINCE");
        int unwell = 0;
        java.util.Map<String, Optional<List<String>>> runNow = new java.util.HashMap<>();
        List<String> jobFiles = JobDefinition.names(PbAnnexApplication.settings().jobs());
        for (RunOutcomes.State s : states) {
            Duration age = s.lastGood().map(t -> Duration.between(t, now)).orElse(null);
            List<String> current = runNow.computeIfAbsent(s.job(), StatusCommand::bienniaRunNow).orElse(null);
            // A biennium the job runs no more (a newer one added) would be stale for good: listed, not timed.
            boolean left = current != null && s.biennium() != null && !current.contains(s.biennium());
            boolean stale = limit != null && !left && (age == null || age.compareTo(limit) > 0);
            List<String> failures = s.failuresHere();
            String since = !failures.isEmpty()
                    ? Counted.of(failures.size(), "failure", "failures") + ", the last: " + Times.shownToSecond(failures.get(failures.size() - 1))
                    : stale ? "no good run for more than " + maxAge + " (--max-age)"
                    : "no failure; " + (s.lastGood().isPresent() ? folderGone(s.lastGoodWhat()) : "no good run yet");
            if (left) {
                since += "; for information, the job runs " + String.join(", ", current) + " now, not " + s.biennium()
                        + (limit == null ? "" : " (--max-age does not apply to it)");
            }
            // A trial run into another output folder that failed is said, and leaves the job well: nothing here failed.
            List<String> trials = s.failuresElsewhere();
            if (!trials.isEmpty()) {
                since += "; for information, " + Counted.of(trials.size(), "failure", "failures") + " of a trial run elsewhere, "
                        + "the last: " + Times.shownToSecond(trials.get(trials.size() - 1));
            }
            String unsent = unsent(s);
            // A job whose file was removed (one tried and deleted) runs no more: its failures would keep a monitor's alarm
            // on for good, with nothing left to run well. Said, and counted not. (No job file at all: the folder is
            // missing or unreadable, and that tells nothing of this job.)
            boolean removed = !jobFiles.isEmpty() && !jobFiles.contains(s.job());
            if (removed) {
                since += "; for information, its job file " + PbAnnexApplication.settings().jobs().resolve(s.job() + ".yml")
                        + " is gone, so this counts not (delete " + PbAnnexApplication.settings().status()
                        + "/" + s.job() + ".* to forget it)";
            } else if (!failures.isEmpty() || stale || unsent != null) {
                unwell++;
            }
            // Reviewers left without the job's latest run come first: that is what someone has to do something about.
            since = unsent == null ? since : unsent + "; " + since;
            table.row(s.job(), s.biennium() == null ? "-" : s.biennium(), s.lastGood().map(TIME::format).orElse("none"),
                    age == null ? "-" : ago(age), since);
        }
        table.print();
        System.out.println(unwell == 0 ? "All well." : "Not well: " + unwell + " of " + states.size() + ".");
        return unwell == 0 ? ExitCodes.PUBLISHED : ExitCodes.INFRASTRUCTURE;
    }

    /** The run folder a good run's line names: "(FOLDER)" at its end, or "to FOLDER, N checks passed". */
    private static final java.util.regex.Pattern FOLDER = java.util.regex.Pattern.compile(
            "(?:\\(| to )(\\S[^()]*?)(\\)$|, \\d+ checks passed)");

    /**
     * The good run's line, its folder said to be gone when it is: the line was written when the run was there, and the
     * output folder's retention (or someone) may have removed it since, as history says.
     */
    static String folderGone(String what) {
        var m = FOLDER.matcher(what);
        try {
            if (!m.find() || java.nio.file.Files.isDirectory(java.nio.file.Path.of(m.group(1)))) {
                return what;
            }
        } catch (java.nio.file.InvalidPathException notAFolder) {
            return what;
        }
        int at = m.group(2).equals(")") ? m.end() : m.end(1);
        return what.substring(0, at) + " (removed since, by the retention or by hand)" + what.substring(at);
    }

    /**
     * The biennia the job runs now, as its next run would read them: its {@code biennia:}, else the latest data folder
     * of the installation's input. Empty when that cannot be told (its job file gone or wrong, no input folder): then
     * every biennium of its status counts, as none can be said to be left.
     */
    static Optional<List<String>> bienniaRunNow(String job) {
        var settings = PbAnnexApplication.settings();
        try {
            JobDefinition def = JobDefinition.load(settings.jobs(), job, settings.input());
            return Optional.of(org.pbannex.publication.Publication.biennia(settings.input(), def.biennia()).stream()
                    .map(org.pbannex.reference.Biennium::code).toList());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The job's newest run that was published for its reviewers and not sent to them all (killed before it could send
     * it, a mail server that refused), as its status notes it; null when none waits. Read from the run's folder, not
     * the database: the run is named only while its folder holds it, published.
     */
    static String unsent(RunOutcomes.State s) {
        var published = s.unsent().stream()
                .filter(u -> org.pbannex.publish.PublishedRun.whole(u.folder(), u.runId()).isPresent()).toList();
        if (published.isEmpty()) {
            return null;
        }
        var newest = published.get(published.size() - 1);
        return "run " + newest.runId() + " published " + TIME.format(newest.since()) + ", NOT SENT to its reviewers"
                + (published.size() > 1 ? " (nor " + Counted.of(published.size() - 1, "older run", "older runs") + ")" : "")
                + ": " + org.pbannex.publish.FollowUp.distributeRunIn(newest.runId(), newest.folder(),
                PbAnnexApplication.settings().output()) + " sends it";
    }

    /**
     * Whether {@code ./pb-annex schedule} runs for the installation (its lock, {@code work/schedule.lock}): who, or that
     * none does (the jobs' times then pass unrun, unless cron or systemd starts them).
     */
    static String scheduler(java.nio.file.Path home) {
        return org.pbannex.runtime.SchedulerLock.running(home).map(h -> "running (" + h + ") for " + home)
                .orElse("not running for " + home + " (./pb-annex schedule starts one; under cron or systemd, they start the runs)");
    }

    /** "45 s", "2 h 43 min", "3 d 4 h". */
    static String ago(Duration d) {
        return org.pbannex.runtime.Times.span(d);
    }
}
