package org.pbannex.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.pbannex.publication.TableCatalogue;
import org.pbannex.publish.RunHistory;
import org.pbannex.runtime.ExitCodes;
import org.pbannex.runtime.UsageError;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.repository.JobRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Lists recent runs from the run history, or shows one run with its steps and their counts. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"List recent runs, newest first; or, given a run id, that run with each step's status and counts.",
                "A run whose process died shows as FAILED (abandoned by a dead process)."})
public class HistoryCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "RUN_ID", description = "Show this run and its steps.")
    String runId;

    @Option(names = "--limit", defaultValue = "20", paramLabel = "N", description = "How many runs to list, at least 1 "
            + "(default: ${DEFAULT-VALUE}).")
    int limit;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new ParameterException(spec.commandLine(), "--limit must be at least 1, not " + limit);
        }
        try (SpringRuntime spring = SpringRuntime.start("history")) {
            RunHistory history = spring.bean(RunHistory.class);
            spring.bean(org.pbannex.run.DeadRunRecovery.class).recoverDeadRuns();
            Unsent unsent = new Unsent(new org.pbannex.runtime.RunOutcomes(PbAnnexApplication.settings().status()));
            if (runId != null) {
                var entry = history.find(runId).orElseThrow(() -> new UsageError("no run '" + runId + "' in the history"));
                int status = show(entry, spring.bean(JobRepository.class), unsent.waits(entry), PbAnnexApplication.settings());
                distributions(spring.bean(org.pbannex.distribute.DistributionLog.class).ofRun(runId), entry);
                return status;
            }
            var runs = history.recent(limit);
            if (runs.isEmpty()) {
                System.out.println("No runs yet. Start one with: ./pb-annex run nightly");
                keptHistories();
                return ExitCodes.PUBLISHED;
            }
            var settings = PbAnnexApplication.settings();
            JobRepository repository = spring.bean(JobRepository.class);
            TextColumns table = new TextColumns("RUN", "JOB", "BIENNIUM", "STATUS", "STARTED (UTC)", ">CHECKS", "OUTPUT / MESSAGE");
            for (RunHistory.Entry e : runs) {
                String checks = e.checksPassed() == null ? "-" : e.checksPassed()
                        + (e.checksFailed() != null && e.checksFailed() > 0 ? "/" + e.checksFailed() + "!" : "");
                // A failed run's message may be long: its mark comes first, where it is seen.
                boolean trial = !elsewhere(e, repository, settings).isEmpty();
                String where = e.outputDir() != null ? e.outputDir() + (e.partial() ? " (partial)" : "") + (trial ? " (trial)" : "")
                        + removed(e) + (e.adoptedAt() == null ? "" : " (found in the output folder)")
                        : (trial ? "(trial) " : "") + (e.message() == null ? "" : e.message());
                table.row(e.runId(), e.job(), e.biennium(), status(e) + (unsent.waits(e) ? ", NOT SENT" : ""), time(e.startedAt()),
                        checks, where);
            }
            table.print();
            keptHistories();
            return ExitCodes.PUBLISHED;
        }
    }

    /**
     * Where the runs before a damaged database was moved aside are (SpringRuntime keeps it, starting a new one): this
     * history starts then, and a person looking for an older run learns where it is.
     */
    private static void keptHistories() {
        try {
            for (Path kept : SpringRuntime.keptDamagedDatabases()) {
                System.out.println("Older runs: in a damaged database kept in " + kept
                        + " (H2 found it damaged; this history starts after it was moved aside)");
            }
        } catch (IOException e) {
            LoggerFactory.getLogger(HistoryCommand.class).warn("cannot list the kept damaged databases", e);
        }
    }

    /**
     * What makes a run a trial, which status does not count as the job's run: of another input folder than the
     * installation's (an input workbook is of its input), or into another output folder (--input, --output), as its
     * request says them (RunOutcomes.elsewhere,
     * status's rule), published or failed; a run whose request is not kept, by its published folder alone. "" for a run
     * of the installation's own.
     */
    private static String elsewhere(RunHistory.Entry e, JobRepository repository, org.pbannex.config.PbProperties settings) {
        var execution = e.jobExecutionId() == null ? null : repository.getJobExecution(e.jobExecutionId());
        if (execution == null) {
            Path into = e.outputDir() == null ? null : outputFolderOf(e);
            return org.pbannex.runtime.RunOutcomes.elsewhere(null, into, settings.input(), settings.output(), settings.imported());
        }
        // As the run had the installation's folders when it began (a run before this was kept: as they are now).
        String atItsStart = execution.getExecutionContext().getString(org.pbannex.batch.RunListener.TRIAL, null);
        if (atItsStart != null) {
            return atItsStart;
        }
        var request = org.pbannex.run.RunParameters.request(execution.getJobParameters());
        return org.pbannex.runtime.RunOutcomes.elsewhere(request.input(), request.output(), settings.input(), settings.output(),
                settings.imported());
    }

    /** The output folder a run was published into: its folder is output/<biennium>/<run-id>. */
    private static Path outputFolderOf(RunHistory.Entry e) {
        return Path.of(e.outputDir()).toAbsolutePath().normalize().getParent().getParent();
    }

    /** A published run whose folder is gone (the retention removed it, or someone did). */
    private static String removed(RunHistory.Entry e) {
        return "PUBLISHED".equals(e.status()) && !java.nio.file.Files.isDirectory(java.nio.file.Path.of(e.outputDir()))
                ? " (removed)" : "";
    }

    /**
     * Whether a published run is noted in its job's status as waiting for its reviewers (published for them, and not
     * sent to them all: killed before it sent it, or its mail server refused); each job's status read once.
     */
    private static final class Unsent {
        private final org.pbannex.runtime.RunOutcomes outcomes;
        private final java.util.Map<String, java.util.Set<String>> byJob = new java.util.HashMap<>();

        Unsent(org.pbannex.runtime.RunOutcomes outcomes) {
            this.outcomes = outcomes;
        }

        boolean waits(RunHistory.Entry e) {
            if (!"PUBLISHED".equals(e.status()) || !org.pbannex.runtime.JobName.isValid(e.job()) || e.biennium() == null) {
                return false;
            }
            return byJob.computeIfAbsent(e.job() + " " + e.biennium(), k -> {
                try {
                    return outcomes.unsent(e.job(), e.biennium()).stream().map(u -> u.runId())
                            .collect(java.util.stream.Collectors.toSet());
                } catch (IOException | RuntimeException unreadable) {
                    LoggerFactory.getLogger(HistoryCommand.class).warn("cannot read the status of job {}", e.job(), unreadable);
                    return java.util.Set.of();
                }
            }).contains(e.runId());
        }
    }

    private static int show(RunHistory.Entry e, JobRepository repository, boolean unsent, org.pbannex.config.PbProperties settings) {
        System.out.println("Run       " + e.runId());
        System.out.println("Job       " + e.job() + "  (biennium " + e.biennium() + ")");
        String elsewhere = elsewhere(e, repository, settings);
        if (!elsewhere.isEmpty()) {
            // " (a run of ..., not the installation's ...)": said without its brackets
            System.out.println("Trial     " + elsewhere.substring(2, elsewhere.length() - 1) + "; status counts it for information only");
        }
        System.out.println("Status    " + status(e) + (e.exitStatus() == null ? "" : ", exit status " + e.exitStatus()));
        if (unsent) {
            System.out.println("Not sent  to all its reviewers, for whom it was published: " + (e.outputDir() == null
                    ? "./pb-annex distribute " + e.runId() : org.pbannex.publish.FollowUp.distributeRunIn(e.runId(),
                    Path.of(e.outputDir()), PbAnnexApplication.settings().output())) + " sends it to those who have not received it");
        }
        System.out.println("Started   " + utc(e.startedAt().toInstant()) + (e.attempts() > 1 ? "  (" + e.attempts() + " attempts)" : ""));
        // A run whose process died never finished: when that was found is no finish (it was shown as one).
        System.out.println("Finished  " + (e.deadProcess() ? "-  (never: its process ended before the run did, killed or its "
                + "machine stopped" + (e.foundDead() == null ? "" : "; found so " + e.foundDead()) + ")"
                : e.finishedAt() == null ? "-" : utc(e.finishedAt().toInstant())));
        if (e.owner() != null) {
            System.out.println("Process   " + e.owner() + (e.heartbeatAt() == null ? "" : ", last heartbeat "
                    + utc(e.heartbeatAt().toInstant())));
        }
        if (e.outputDir() != null) {
            System.out.println("Output    " + e.outputDir() + (e.partial() ? " (partial)" : "") + removed(e));
        }
        if (e.adoptedAt() != null) {
            // Written in from its manifest by a new database: no process, no steps of its in Spring Batch's tables.
            System.out.println("Adopted   " + utc(e.adoptedAt().toInstant()) + ", found in the output folder by a database that "
                    + "had no history of it: its manifest gave its times, tables, editions (" + e.languages() + "), formats ("
                    + e.formats() + "), inputs' checksum and code version; its steps are in the database it ran with");
        }
        if (e.failedStep() != null) {
            System.out.println("Failed in " + e.failedStep());
        }
        if (e.message() != null) {
            System.out.println("Message   " + e.message());
        }
        System.out.println();
        TextColumns steps = new TextColumns(">EXEC", "STEP", "STATUS", ">READ", ">WRITTEN", ">LEFT OUT", ">REJECTED", ">SECONDS", "EXIT");
        var instance = e.jobExecutionId() == null ? null : repository.getJobExecution(e.jobExecutionId());
        if (instance != null) {
            var executions = new java.util.ArrayList<>(repository.getJobExecutions(instance.getJobInstance()));
            executions.sort(java.util.Comparator.comparingLong(x -> x.getId()));
            for (var execution : executions) {
                for (var s : execution.getStepExecutions()) {
                    // A step whose dead process left its end unknown: "?", not a duration (its EXIT says why).
                    String seconds = s.getStartTime() == null || s.getEndTime() == null ? s.getStatus().isRunning() ? "0.0" : "?"
                            : String.format(java.util.Locale.ROOT, "%.1f",
                                    java.time.Duration.between(s.getStartTime(), s.getEndTime()).toMillis() / 1000.0);
                    String exit = s.getExitStatus().getExitDescription();
                    steps.row(execution.getId(), s.getStepName(), s.getStatus(), s.getReadCount(), s.getWriteCount(),
                            s.getFilterCount(), s.getProcessSkipCount(), seconds,
                            exit == null || exit.isBlank() ? s.getExitStatus().getExitCode()
                                    : withoutClassName(exit.lines().findFirst().orElse("")));
                }
            }
        }
        if (instance != null || e.adoptedAt() == null) {
            // An adopted run has no steps here (Adopted says where they are): no empty table under it.
            steps.print();
        }
        return ExitCodes.PUBLISHED;
    }

    /** An exception's first line as Java writes it: its class's qualified name, then its message. */
    private static final java.util.regex.Pattern QUALIFIED_CLASS =
            java.util.regex.Pattern.compile("(?:[a-z_]\\w*\\.)+[A-Z][\\w$]*: (.+)");

    /**
     * A failed step's exit description as Spring Batch records it (the exception's first line, "org.pbannex.ingest.InputError:
     * input/2022-23/budget.csv, line 3, ..."): its message, without the Java class a budget officer need not read; an
     * exception without a message keeps its class's name.
     */
    static String withoutClassName(String firstLine) {
        java.util.regex.Matcher m = QUALIFIED_CLASS.matcher(firstLine);
        return m.matches() ? m.group(1) : firstLine;
    }

    /**
     * Who received the run: each reviewer, how (sent, dry-run, failed), when, and the workbook; a failure of every reviewer
     * alike (the mail server refusing the sender, wanting a login, not reached) as the run's, on a row of no reviewer.
     */
    private static void distributions(java.util.List<org.pbannex.distribute.DistributionLog.Entry> entries, RunHistory.Entry run) {
        System.out.println();
        if (entries.isEmpty()) {
            System.out.println("Distributions: none" + howToSend(run));
            return;
        }
        System.out.println("Distributions");
        TextColumns table = new TextColumns("WHEN (UTC)", "HOW", "REVIEWER", "LANG", "TABLES", "WORKBOOK / MESSAGE");
        for (var d : entries) {
            if (d.everyReviewer()) {
                table.row(time(d.at()), d.mode(), EVERY_REVIEWER, "-", "-", d.message() == null ? "" : d.message());
                continue;
            }
            // A reviewer of every table: "all", not seventeen ids pushing the workbook's name off the line.
            boolean all = List.of(d.tables().split(" ")).containsAll(TableCatalogue.ids());
            table.row(time(d.at()), d.mode(), d.reviewer() + " <" + d.email() + ">", d.language(), all ? "all" : d.tables(),
                    d.attachment() + (d.message() == null ? "" : "  " + d.message()));
        }
        table.print();
    }

    /** The reviewer's column of a row that is the run's, not one reviewer's. */
    static final String EVERY_REVIEWER = "(the run: every reviewer)";

    /**
     * How a run that reached no reviewer can be sent: distribute sends a published run whose folder is there, and refuses
     * any other (a failed or running run, a removed folder), so the command is suggested for that one only.
     */
    private static String howToSend(RunHistory.Entry e) {
        if (!"PUBLISHED".equals(e.status())) {
            return " (only a published run is sent to the reviewers)";
        }
        if (!removed(e).isEmpty()) {
            return " (its folder was removed: there is nothing to send)";
        }
        if (e.adoptedAt() != null) {
            // Its sending was recorded by the database it ran with: "none" here is not "never sent", and distribute,
            // which knows no one who received it, would send it to every reviewer again.
            return " recorded here: this run was found in the output folder, and who received it is recorded in the database "
                    + "it ran with, not in this one; if its reviewers never received it, " + org.pbannex.publish.FollowUp.distributeRunIn(
                    e.runId(), Path.of(e.outputDir()), PbAnnexApplication.settings().output()) + " sends it to every one of them; "
                    + "the output folder's retention keeps it, as it keeps a run sent.";
        }
        return " (" + org.pbannex.publish.FollowUp.distributeRunIn(e.runId(), Path.of(e.outputDir()),
                PbAnnexApplication.settings().output()) + " sends it to the reviewers)";
    }

    private static String status(RunHistory.Entry e) {
        if (e.deadProcess()) {
            return "FAILED (" + RunHistory.DEAD_PROCESS + ")";
        }
        return e.status();
    }

    /** A time in a table, whose column heading says UTC: 2026-12-03 01:03:09. */
    private static String time(java.sql.Timestamp t) {
        return t.toInstant().toString().replace("T", " ").replaceAll("\\.\\d+Z$|Z$", "");
    }

    /** A time on a line of its own, saying it is UTC. */
    private static String utc(java.time.Instant t) {
        return RunHistory.shown(t);
    }

}
