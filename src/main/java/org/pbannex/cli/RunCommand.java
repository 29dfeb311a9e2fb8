package org.pbannex.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.pbannex.batch.RunDistribution;
import org.pbannex.batch.RunLauncher;
import org.pbannex.batch.RunPublication;
import org.pbannex.config.PbProperties;
import org.pbannex.distribute.FailureNotice;
import org.pbannex.publication.OutputFormat;
import org.pbannex.publication.Publication;
import org.pbannex.publication.RunRequest;
import org.pbannex.publication.TableCatalogue;
import org.pbannex.reference.Biennium;
import org.pbannex.run.RunInfo;
import org.pbannex.runtime.Counted;
import org.pbannex.runtime.DatabaseUnavailable;
import org.pbannex.runtime.ExitCodes;
import org.pbannex.runtime.UsageError;
import org.pbannex.table.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Runs a job from jobs/ through Spring Batch and publishes its outputs. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a job (jobs/<job>.yml): validate, read the expenditure lines, check, render and publish to "
                + "output/<biennium>/<run-id>/.")
public class RunCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<job>", description = "Job name: a file jobs/<job>.yml, e.g. nightly or regenerate.")
    String job;

    @Mixin
    InputOptions.Biennia in;

    @Option(names = "--rejects", description = "Put bad expenditure lines in a published rejects/expenditure.csv (with file, line, "
            + "column and reason) instead of stopping; the report counts read = accepted + left out + rejected per file "
            + "(left out: good lines of a biennium after the run's).")
    boolean rejects;

    @Option(names = "--csv-bom", description = "Start each tidy CSV with a UTF-8 byte-order mark, so that Excel on Windows opens "
            + "the Chinese text correctly by double-click (default: no mark; a job can set csvBom: true).")
    boolean csvBom;

    @Mixin
    OutputOptions outputOptions;

    @Option(names = "--tables", split = ",", paramLabel = "ID", description = "Only these tables, e.g. a1,a2 (default: the job's list).")
    List<String> tables;

    @Option(names = "--lang", split = ",", paramLabel = "LANG", description = "Editions: zh, en (default: the job's list).")
    List<String> languages;

    @Option(names = "--format", split = ",", paramLabel = "FMT", description = "Formats: xlsx, pdf, csv, html (default: the job's list).")
    List<String> formats;

    @Option(names = "--force", description = "Run even if these inputs were already published by this code version.")
    boolean force;

    @Option(names = "--no-distribute", description = "Publish without sending the run to the job's "
            + "reviewers (./pb-annex distribute RUN_ID sends it later).")
    boolean noDistribute;

    @Option(names = "--timings", description = "Print where the run's time went: start-up, each step, each rendered output, "
            + "the peak memory, the CPU used on all threads, the JVM's compiling and collecting (in a process of its own), "
            + "and closing the context and database (as 'timing ...' lines).")
    boolean timings;

    /** Whether the command line left out tables, editions or formats of the job's: not the job as defined. */
    private boolean narrowed;

    /** The first biennium's run as requested, once known: a run that cannot start is told in its report's words. */
    private RunRequest first;

    /** The biennia whose runs the embedded database's damage stopped from starting, told once it is kept aside. */
    private final List<String> damagedBiennia = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        // Settings, a job file or an input folder the night cannot use fail every night until someone hears of it.
        // (A usage error is told by the command line's handler, as a mistake in the command line is.)
        PbProperties settings;
        List<RunRequest> requests;
        try {
            settings = PbAnnexApplication.settings();
            JobDefinition def = JobDefinition.load(settings.jobs(), job, settings.input());
            requests = requests(def, in, outputOptions.outputDir(), tables, languages, formats, rejects, csvBom);
            narrowed = narrows(def, requests.get(0));
            first = requests.get(0);
        } catch (UsageError e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        } catch (RuntimeException e) {
            if (ExitCodes.said(e) instanceof org.pbannex.config.UnreadableSettingsFile) {
                // No notice (its mail settings may be in the file), said after the line and noted in the job's status.
                LOG.error("pb-annex run {} failed", job, e);
                ExitCodes.lines(e).forEach(l -> System.err.println("pb-annex: " + l));
                System.err.println("pb-annex: " + FailureNotices.settingsUnreadable(job, ExitCodes.of(e), ExitCodes.message(e), e,
                        CommandLineMistakes.firstLanguage(languages)));
                return ExitCodes.of(e);
            }
            noticeNotStarted(null, ExitCodes.of(e), ExitCodes.message(e), e);
            throw e;
        }
        // A signal before the run has begun (its start-up waiting on the database, say) ends this night's run too: noted
        // and told as a run that could not start. Once it has begun, the run's own stop says more (RunLauncher).
        String biennia = requests.stream().map(r -> r.biennium().code()).collect(Collectors.joining(", "));
        org.pbannex.runtime.Interruption.stopping(null, (signalStatus, line) -> stoppedBeforeRun(biennia, signalStatus, line));
        long start = System.nanoTime();
        RunTimings timing = new RunTimings();
        int status;
        SpringRuntime started;
        try {
            started = SpringRuntime.start("run " + job, () -> FailureNotice.Words.of(first));
        } catch (RuntimeException e) {
            noticeNotStarted(requests.stream().map(r -> r.biennium().code()).collect(Collectors.joining(", ")),
                    ExitCodes.of(e), ExitCodes.message(e), e);
            throw e;
        }
        try {
            try (SpringRuntime spring = started) {
                timing.ready();
                status = runAll(spring, requests, start, timing);
                timing.closing();
            }
        } catch (RuntimeException | IOException e) {
            if (started.damageTold() == null) {
                throw e;
            }
            SpringRuntime.Told told = damageTold(started);
            throw new DatabaseUnavailable(told.line(), e, told.said());
        }
        if (started.damageTold() != null) {
            System.err.println("pb-annex: " + damageTold(started).line());
        }
        if (timings) {
            timing.printClosed();
        }
        return status;
    }

    /**
     * What tells what became of the embedded database found damaged during this run (kept aside as the context
     * closed); the runs it stopped from starting are told by one notice with it, else a message says it.
     */
    private SpringRuntime.Told damageTold(SpringRuntime runtime) {
        SpringRuntime.Told told = runtime.damageTold();
        if (!damagedBiennia.isEmpty()) {
            noticeNotStarted(String.join(", ", damagedBiennia), ExitCodes.INFRASTRUCTURE, told.line(),
                    new DatabaseUnavailable(told.line(), null, told.said()));
            damagedBiennia.clear();
        } else if (runtime.damageKeptAside()) {
            // A run that failed on it mid-job was told already (by the job's listener), without this line.
            FailureNotices.databaseKeptAside("run " + job, told, FailureNotice.Words.of(first));
        }
        return told;
    }

    /**
     * Tells whoever is to hear of failures that the run could not start (its settings, job file, command line, database).
     *
     * @param failure what stopped it, for the notice's words (null: said by its line)
     */
    void noticeNotStarted(String biennia, int status, String line, Throwable failure) {
        noticeNotStarted(biennia, status, line, failure, CommandLineMistakes.firstLanguage(languages));
    }

    /**
     * The same, before its run is known in {@code language} (the first its --lang names; null: the job's first
     * edition); once it is known, in its report's.
     */
    void noticeNotStarted(String biennia, int status, String line, Throwable failure, Language language) {
        // Before the run is known (a setting it cannot use, say), the folders its command line names tell a trial.
        FailureNotices.runNotStarted(job, biennia, status, line, first == null ? null : FailureNotice.Words.of(first, failure, line),
                first != null ? first.input() : in.input, first != null ? first.output() : outputOptions.output, failure, language);
    }

    /** One biennium, or several each in turn (its own job instance): one line each, and the worst exit status. */
    private int runAll(SpringRuntime spring, List<RunRequest> requests, long start, RunTimings timing) throws IOException {
        try {
            if (requests.size() == 1) {
                return runOne(spring, requests.get(0), false, start, timing, null);
            }
            int worst = ExitCodes.PUBLISHED;
            // A biennium run before the one after it is read once, for its run and for the later one's restatements.
            spring.bean(org.pbannex.batch.RunInputs.class).commandRuns(requests.stream().map(RunRequest::biennium).toList());
            for (int i = 0; i < requests.size(); i++) {
                RunRequest request = requests.get(i);
                // A signal between two biennia ends this one and those after it, none begun: told as runs that could not
                // start, as a signal during the start-up is (during a biennium's run, its own stop says it).
                org.pbannex.runtime.Interruption.stopping(null, notStarted(requests.subList(i, requests.size())));
                int status;
                try {
                    status = runOne(spring, request, true, System.nanoTime(), timing,
                            notStarted(requests.subList(i + 1, requests.size())));
                } catch (RuntimeException | IOException e) {
                    LOG.error("run of {} failed", request.biennium(), e);
                    ExitCodes.lines(e).forEach(l -> System.err.println("pb-annex: " + request.biennium() + ": " + l));
                    System.out.println(request.biennium() + ": failed, exit status " + ExitCodes.of(e));
                    status = ExitCodes.of(e);
                }
                worst = Math.max(worst, status);
            }
            return worst;
        } finally {
            if (requests.size() > 1) {
                spring.bean(org.pbannex.batch.RunInputs.class).commandRuns(null);
            }
            org.pbannex.runtime.Interruption.stopping(null);
        }
    }

    /** How a signal stopping these biennia's runs before they begin is noted and told (null: none left). */
    private org.pbannex.runtime.Interruption.Note notStarted(List<RunRequest> biennia) {
        String codes = biennia.stream().map(r -> r.biennium().code()).collect(Collectors.joining(", "));
        return biennia.isEmpty() ? null : (signalStatus, line) -> stoppedBeforeRun(codes, signalStatus, line);
    }

    /**
     * A signal stopped these biennia's runs before they began: noted and told as runs that could not start, unless a
     * person pressed Ctrl-C at the terminal, who needs no mail: then its line on the console is all.
     */
    private void stoppedBeforeRun(String biennia, int signalStatus, String line) {
        if (org.pbannex.runtime.Interruption.pressedAtTerminal(signalStatus)) {
            LOG.info("Ctrl-C at a terminal stopped the run of {} before it began: neither noted in status nor mailed", biennia);
            return;
        }
        noticeNotStarted(biennia, signalStatus, line, org.pbannex.runtime.RunStopped.bySignal(line, signalStatus, null, false));
    }

    /**
     * Says, as a warning, that the data folder's input is older than the updated program's and what brings it in step
     * (tester 78a), where it is (RunPublication.behindProgram): a published run says it with its other warnings.
     */
    private static void olderInput(SpringRuntime spring, RunRequest request, boolean oneLine) {
        spring.bean(RunPublication.class).behindProgram(request).ifPresent(w -> System.err.println("pb-annex: "
                + (oneLine ? request.biennium().code() + ": " : "") + "warning: " + w.english()));
    }

    /**
     * Runs one biennium; with {@code oneLine}, says what happened in one line starting with the biennium.
     *
     * @param afterwards how a signal once its run has ended is noted (the biennia after it); null: nothing
     */
    private int runOne(SpringRuntime spring, RunRequest request, boolean oneLine, long start, RunTimings timing,
                       org.pbannex.runtime.Interruption.Note afterwards) throws IOException {
        String b = request.biennium().code();
        org.pbannex.run.Launched outcome;
        try {
            outcome = spring.bean(RunLauncher.class).launch(request, force, !noDistribute);
            // Its run ended (or had nothing to do): a signal from now on stops only the biennia after it.
            org.pbannex.runtime.Interruption.stopping(null, afterwards);
        } catch (RuntimeException | IOException e) {
            // A night that cannot start (last night's run still holds the biennium; the database or the input folder
            // stopped it) is told as a failed one is; the embedded database's damage once the file is kept aside
            // (call), with where it is.
            if (spring.failed(e)) {
                damagedBiennia.add(b);
            } else {
                String line = ExitCodes.message(e);
                var notStarted = FailureNotice.FailedRun.notStarted(request.job(), b, ExitCodes.of(e), line)
                        .withFolders(request.input(), request.output());
                var words = FailureNotice.Words.of(request, e, line);
                spring.bean(FailureNotice.class).send(words == null ? notStarted : notStarted.withWords(words));
            }
            throw e;
        }
        if (outcome instanceof org.pbannex.run.RunAdmission.NothingToDo done) {
            System.out.println((oneLine ? b + ": nothing to do" : "Nothing to do") + ": " + (done.unrecordedSince() == null
                    ? "run " + done.runId() + " already published these inputs with this code version"
                    : "inputs unchanged since the publication of " + done.unrecordedSince() + " by run " + done.runId()
                    + ", with this code version (found in the output folder; the database had no history of it, and has it now: "
                    + "./pb-annex history " + done.runId() + ")")
                    + " (" + done.folder() + ")." + (oneLine ? "" : " Use --force to run again."));
            if (done.latestMadeAgain() != null) {
                System.out.println((oneLine ? b + ": " : "") + done.latestMadeAgain());
            }
            // Every night, not only the one after the update: the input stays older until upgraded.
            olderInput(spring, request, oneLine);
            // That run may never have reached its reviewers (killed once published, a mail server that refused).
            var catchUp = spring.bean(RunDistribution.class).catchUp(request, done.runId(), !noDistribute);
            stillWaiting(catchUp::stillWaiting, oneLine, b);
            int sending = said(spring, request, catchUp.named(), done.folder(), true, oneLine);
            if (sending != ExitCodes.PUBLISHED) {
                return sending;
            }
            spring.bean(FailureNotice.class).goodRun(request.job(), b, FailureNotice.GoodRun.nothingToDo(done.runId(), done.folder(),
                    narrowed, done.unrecordedSince() != null), !narrowed, request.input(), request.output(), () -> FailureNotice.Words.of(request));
            return ExitCodes.PUBLISHED;
        }
        org.pbannex.run.Launched.Ran ran = (org.pbannex.run.Launched.Ran) outcome;
        JobExecution execution = ran.execution();
        double seconds = (System.nanoTime() - start) / 1e9;
        // (Published, and only its end not recorded, its database gone once its folder was in place: no failed run.)
        if (!org.pbannex.batch.RunListener.published(execution)) {
            Throwable failure = RunInfo.failure(execution);
            spring.failed(failure);
            LOG.error("run {} failed", ran.runId(), failure);
            String reportNotWritten = execution.getExecutionContext().getString(org.pbannex.run.FailedRunAftermath.REPORT_NOT_WRITTEN, null);
            List<String> lines = new java.util.ArrayList<>(ExitCodes.lines(failure, ran.runId()));
            for (String after : new String[] {
                    execution.getExecutionContext().getString(org.pbannex.run.FailedRunAftermath.SPACE_FREED, null), reportNotWritten}) {
                if (after != null) {
                    lines.set(0, lines.get(0) + "; " + after);
                }
            }
            if (org.pbannex.runtime.Interruption.causedByTheStop(ExitCodes.of(failure))) {
                // The signal's line said why the run stops; what its stop made fail next (its publication refused, its
                // pool closed) is not news, and would follow that line before the process ends.
                LOG.info("run {} failed as its signal stopped it: {}", ran.runId(), lines);
                return ExitCodes.of(failure);
            }
            lines.forEach(l -> System.err.println("pb-annex: " + (oneLine ? b + ": " : "") + l));
            // The failure may be nothing but an input older than the updated program's (tester 78a, F3): said, as check does.
            olderInput(spring, request, oneLine);
            if (oneLine) {
                System.out.println(b + ": failed, exit status " + ExitCodes.of(failure));
            }
            return ExitCodes.of(failure);
        }
        printSummary(execution, request, took(seconds, spring.waitedForDatabase()), oneLine);
        if (timings) {
            timing.print(execution);
        }
        var ctx = execution.getExecutionContext();
        Path published = Path.of(ctx.getString(RunPublication.PUBLISHED_FOLDER));
        RunDistribution.Sending sending = RunDistribution.Sending.of(ran.runId(), ctx);
        int distributed = said(spring, request, sending, published, false, oneLine);
        stillWaiting(() -> spring.bean(RunDistribution.class).waitingBesides(request, ran.runId()), oneLine, b);
        if (ctx.containsKey(org.pbannex.batch.RunListener.END_NOT_RECORDED)) {
            // Published, its database gone before Spring Batch recorded the job's end: no failed run. Gone before its
            // distribute step sent it (its reviewers' note still there, a file), its line says so, as a run whose mail
            // server did not take it does: the workbooks were not sent, and the command that sends them.
            String notSent = distributed == ExitCodes.PUBLISHED ? notSentForItsDatabase(ran.runId(), request) : null;
            String line = "run " + ran.runId() + " published, but its end could not be recorded: "
                    + ctx.getString(org.pbannex.batch.RunListener.END_NOT_RECORDED) + "; its folder says it published, and the next "
                    + "command on that database records it so" + (notSent == null ? "" : "; " + notSent);
            System.err.println("pb-annex: " + (oneLine ? b + ": " : "") + line);
            if (notSent != null) {
                // Its report, written before, says so too (the job's next run or distribute, sending it, takes it back).
                try {
                    org.pbannex.publish.ReportWriter.distribution(published, org.pbannex.publish.ReportWriter.NotSent.databaseGone(
                            sendsIt(ran.runId(), request)), org.pbannex.publish.ReportWords.read(request.input(), request.biennium()));
                } catch (IOException | RuntimeException e) {
                    LOG.warn("run {}: its report could not say that it was not sent: {}", ran.runId(), e.getMessage(), e);
                }
                var notice = FailureNotice.FailedRun.notDistributed(ran.runId(), request.job(), b, ExitCodes.INFRASTRUCTURE, line,
                        published);
                var words = FailureNotice.Words.of(request, null, line);
                spring.bean(FailureNotice.class).send(words == null ? notice : notice.withWords(words));
                distributed = ExitCodes.INFRASTRUCTURE;
            }
        }
        if (ctx.containsKey(RunPublication.REMOVED_RUNS) && ctx.getInt(RunPublication.REMOVED_RUNS) > 0) {
            int n = ctx.getInt(RunPublication.REMOVED_RUNS);
            System.out.println((oneLine ? b + ": removed " : "Removed ") + Counted.of(n, "older run", "older runs")
                    + " (" + ctx.getString(RunPublication.RETENTION_SETTINGS) + "; ./pb-annex history lists them)");
        }
        if (ctx.containsKey(RunPublication.TEXT_WARNINGS)) {
            // Texts of the input published as they are, though they name another biennium's years: the report lists them too.
            ctx.getString(RunPublication.TEXT_WARNINGS).lines()
                    .forEach(w -> System.err.println("pb-annex: " + (oneLine ? b + ": " : "") + "warning: " + w));
        }
        if (ctx.containsKey(RunPublication.LATEST_KEPT_ASIDE)) {
            System.err.println("pb-annex: " + (oneLine ? b + ": " : "") + ctx.getString(RunPublication.LATEST_KEPT_ASIDE));
        }
        if (ctx.containsKey(RunPublication.RETENTION_PROBLEM)) {
            System.err.println("pb-annex: " + (oneLine ? b + ": " : "") + ctx.getString(RunPublication.RETENTION_PROBLEM));
        }
        if (distributed != ExitCodes.PUBLISHED) {
            return distributed;
        }
        spring.bean(FailureNotice.class).goodRun(request.job(), b, FailureNotice.GoodRun.published(ran.runId(), published,
                        ctx.getInt(RunPublication.TABLE_COUNT), ctx.getInt(RunPublication.FILE_COUNT),
                        ctx.getLong(RunPublication.CHECKS_PASSED), narrowed, sending.noWorkbook()),
                !narrowed, request.input(), request.output(), () -> FailureNotice.Words.of(request));
        return ExitCodes.PUBLISHED;
    }

    /**
     * Says what became of a run's distribution (its own, or, with {@code caughtUp}, that of the run a run finding
     * nothing to do names, which had been published but not sent), and returns the command's status for it. When the
     * mail server refused: the one line, the notice, and the status {@code distribute RUN_ID} has for the same refusal
     * (3 for an address refused for good, 5 for the rest); the run stays published.
     */
    private int said(SpringRuntime spring, RunRequest request, RunDistribution.Sending s, Path published, boolean caughtUp,
                         boolean oneLine) {
        String b = request.biennium().code();
        String at = oneLine ? b + ": " : "";
        if (s.sent() != null) {
            String sent = "ent to " + s.sent() + " reviewers" + (s.already() > 0 ? " (" + s.already() + " had received it already)" : "");
            System.out.println(oneLine ? b + ": s" + sent : "S" + sent);
            if (caughtUp && s.failed() == null) {
                System.out.println(at + "Run " + s.runId() + " had been published but not sent to its reviewers: sent now");
            }
        }
        if (s.held() > 0) {
            System.out.println((oneLine ? b + ": not sent" : "Not sent") + " to its " + s.held() + " reviewers ("
                    + (s.trial() ? "a trial run, of another input or output folder than the installation's, is sent only by hand"
                    : "--no-distribute") + "): " + org.pbannex.publish.FollowUp.distribute(s.runId(), request.output(),
                    PbAnnexApplication.settings().output()) + " sends it");
        }
        if (s.noWorkbook() > 0) {
            System.out.println(at + Character.toUpperCase(noWorkbook(s).charAt(0)) + noWorkbook(s).substring(1));
        }
        if (s.replacedBy() != null) {
            System.out.println(at + "Run " + s.runId() + " was never sent to its reviewers: run " + s.replacedBy()
                    + ", published after it, replaced it (./pb-annex history " + s.runId() + ")");
        }
        if (s.failed() != null) {
            // Published, but the reviewers did not all get it: the one line, the notice, and its status.
            System.err.println("pb-annex: " + at + s.failed());
            var notSent = FailureNotice.FailedRun.notDistributed(s.runId(), request.job(), b, s.status(), s.failed(), published);
            var words = FailureNotice.Words.of(request, null, s.failed());
            spring.bean(FailureNotice.class).send(words == null ? notSent : notSent.withWords(words));
        }
        return s.status();
    }

    /**
     * Why run {@code runId}, published, was not sent to its reviewers, with the command that sends it, when its database
     * went away before its distribute step did (the job's status, a file, still has it waiting for them); null when it
     * was not to be sent or was sent (a status that cannot be read: logged, null).
     */
    private static String notSentForItsDatabase(String runId, RunRequest request) {
        try {
            boolean waits = org.pbannex.runtime.RunOutcomes.of(PbAnnexApplication.settings())
                    .unsent(request.job(), request.biennium().code()).stream().anyMatch(u -> u.runId().equals(runId));
            return !waits ? null : "it was NOT SENT to its reviewers, its database gone before they were: "
                    + sendsIt(runId, request) + " sends it to those who have not received it (so does the job's next run)";
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot tell whether run {} waits for its reviewers: {}", runId, e.getMessage(), e);
            return null;
        }
    }

    /** The command that sends run {@code runId} to its reviewers. */
    private static String sendsIt(String runId, RunRequest request) {
        return org.pbannex.publish.FollowUp.distribute(runId, request.output(), PbAnnexApplication.settings().output());
    }

    /** A run without workbooks has nothing to send: said so, rather than failed or left waiting. */
    private static String noWorkbook(RunDistribution.Sending s) {
        return "not sent to its " + s.noWorkbook() + " reviewers: run " + s.runId() + " published no workbook (xlsx is not "
                + "among its formats), so there is nothing to send them";
    }

    /** What lists runs; it may fail to read the job's status. */
    private interface Runs {
        List<org.pbannex.publish.PublishedRun> list() throws IOException;
    }

    /**
     * A line each for the job's other runs that were published and never sent to their reviewers (a status that cannot
     * be read is logged: this run's own outcome stands).
     */
    private static void stillWaiting(Runs waiting, boolean oneLine, String b) {
        List<org.pbannex.publish.PublishedRun> runs;
        try {
            runs = waiting.list();
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot tell which runs of {} wait for their reviewers: {}", b, e.getMessage(), e);
            return;
        }
        for (var r : runs) {
            System.err.println("pb-annex: " + (oneLine ? b + ": " : "") + "run " + r.runId() + " (published " + r.finishedAt()
                    + " to " + r.folder() + ") was never sent to its reviewers: " + org.pbannex.publish.FollowUp.distributeRunIn(
                    r.runId(), r.folder(), PbAnnexApplication.settings().output()) + " sends it");
        }
    }

    /**
     * The run requests from the job file and the options, one per biennium (--biennium, else the job's biennia, else
     * the latest), checked here at the edge: what is unknown is a usage error.
     */
    static List<RunRequest> requests(JobDefinition def, InputOptions in, Path out, List<String> tables, List<String> languages,
                                     List<String> formats, boolean rejects, boolean csvBom) {
        // A value from the job file is named with it, so that the person reading the line knows where to fix it.
        String jobFile = jobFile(def);
        Path input = in.inputDir();
        List<String> ordered = tables != null ? tablesNamed(tables, input) : inCatalogueOrder(tableIds(jobTables(def), jobFile, input));
        List<Language> l = languages != null ? languages(languages, null) : languages(def.languages(), jobFile);
        List<OutputFormat> f = formats != null ? formats(formats, null) : formats(def.formats(), jobFile);
        outputOutsideInput(input, out);
        List<Biennium> biennia = in.biennia(def.biennia());
        return biennia.stream().map(b -> new RunRequest(def.name(), input, out, b, ordered, l, f, rejects || def.rejects(),
                csvBom || def.csvBom())).toList();
    }

    /**
     * Whether the run leaves out a table, edition or format of the job's own (--tables, --lang, --format): such a run is
     * not the job as defined, and does not count as its last good run.
     */
    static boolean narrows(JobDefinition def, RunRequest run) {
        return !run.tables().containsAll(tableIds(jobTables(def), jobFile(def), run.input()))
                || !run.languages().containsAll(languages(def.languages(), jobFile(def)))
                || !run.formats().containsAll(formats(def.formats(), jobFile(def)));
    }

    private static String jobFile(JobDefinition def) {
        return "jobs/" + def.name() + ".yml";
    }

    private static List<String> jobTables(JobDefinition def) {
        return def.allTables() ? TableCatalogue.ids() : def.tables();
    }

    /**
     * The tables a command line's --tables names (run's, check's): each as the catalogue spells it, in the catalogue's
     * order whatever order they were asked in; an unknown one is a usage error listing the input's tables.
     */
    static List<String> tablesNamed(List<String> named, Path input) {
        return inCatalogueOrder(tableIds(named, null, input));
    }

    private static List<String> inCatalogueOrder(List<String> ids) {
        return TableCatalogue.ids().stream().filter(ids::contains).toList();
    }

    /**
     * The tables' ids as the catalogue spells them; an unknown one is a usage error, named with where it was given, the
     * tables listed by their names in the input's texts (for a Chinese reader).
     */
    private static List<String> tableIds(List<String> ids, String where, Path input) {
        return ids.stream().map(id -> TableCatalogue.id(id).orElseThrow(() -> usageError(where, org.pbannex.ingest.Said.cause(
                "usage.unknown_table", "table", id, "tables", org.pbannex.publish.TableNames.listed(input, ","))))).toList();
    }

    /** A value of the command line, or of the job file (where names it, else null): then said as the job file's mistake. */
    private static UsageError usageError(String where, org.pbannex.ingest.Said reason) {
        return where == null ? new UsageError(reason.english(), reason)
                : new JobFileMistake(org.pbannex.ingest.Said.cause("usage.job.at_file", "file", where, "reason", reason));
    }

    private static List<Language> languages(List<String> codes, String where) {
        for (String code : codes) {
            try {
                Language.of(code);
            } catch (IllegalArgumentException e) {
                throw usageError(where, org.pbannex.ingest.Said.cause("usage.unknown_language", "value", code));
            }
        }
        return codes.stream().map(Language::of).distinct().toList();
    }

    private static List<OutputFormat> formats(List<String> codes, String where) {
        for (String code : codes) {
            try {
                OutputFormat.of(code);
            } catch (IllegalArgumentException e) {
                throw usageError(where, org.pbannex.ingest.Said.cause("usage.unknown_format", "value", code, "formats",
                        java.util.Arrays.stream(OutputFormat.values()).map(OutputFormat::code).collect(Collectors.joining(", "))));
            }
        }
        return codes.stream().map(OutputFormat::of).distinct().toList();
    }

    /** An output folder inside the input folder is a usage error: each run's files would be input to the next. */
    static void outputOutsideInput(Path input, Path out) {
        if (real(out).startsWith(real(input))) {
            throw new UsageError("the output folder " + out + " is inside the input folder " + input + ": each run's files would "
                    + "be input to the next, which would never find its inputs published; choose an output folder outside it");
        }
    }

    // The folder with links resolved as far as it exists (an output folder is made by the run).
    private static Path real(Path folder) {
        Path p = folder.toAbsolutePath().normalize();
        for (Path existing = p; existing != null; existing = existing.getParent()) {
            if (java.nio.file.Files.exists(existing)) {
                try {
                    return existing.toRealPath().resolve(existing.relativize(p));
                } catch (java.io.IOException e) {
                    return p;
                }
            }
        }
        return p;
    }

    private static void printSummary(JobExecution execution, RunRequest request, String took, boolean oneLine) {
        var ctx = execution.getExecutionContext();
        Path folder = Path.of(ctx.getString(RunPublication.PUBLISHED_FOLDER));
        // Lines set aside are never passed over in silence: the command's own output counts them and says where they are.
        long rejected = ctx.getLong(RunPublication.REJECTED_LINES, 0L);
        String rejects = Counted.of(rejected, "expenditure line", "expenditure lines") + " set aside as bad, listed in "
                + folder.resolve(org.pbannex.publish.RunPublisher.REJECTS);
        if (oneLine) {
            System.out.printf("%s: published %s%s: %s, %d checks passed%s, %s%n", request.biennium(), folder,
                    request.partial() ? " (partial run: latest not moved)" : "", tablesAndFiles(ctx),
                    ctx.getLong(RunPublication.CHECKS_PASSED), rejected > 0 ? ", " + rejects : "", took);
            return;
        }
        System.out.println("Published: " + folder + (request.partial() ? "  (partial run: latest not moved)" : ""));
        if (!request.partial()) {
            System.out.println("Latest:    " + folder.resolveSibling("latest"));
        }
        System.out.printf("Run %s: %s, %d checks passed, %s%n", ctx.getString("runId"), tablesAndFiles(ctx),
                ctx.getLong(RunPublication.CHECKS_PASSED), took);
        if (rejected > 0) {
            System.out.println("Rejected:  " + rejects);
        }
    }

    /**
     * The command's time, and how much of it went waiting for another process to finish with the embedded database
     * (a run started while another ran): the summary's time is not the run's alone, and says so.
     */
    static String took(double seconds, java.time.Duration waited) {
        double w = waited.toNanos() / 1e9;
        return w < 0.05 ? String.format(java.util.Locale.ROOT, "%.1f s", seconds)
                : String.format(java.util.Locale.ROOT, "%.1f s, %.1f s of it waiting for another pb-annex process to finish with "
                        + "the embedded database", seconds, w);
    }

    // "1 table, 5 files": what the run published.
    private static String tablesAndFiles(ExecutionContext ctx) {
        return Counted.of(ctx.getInt(RunPublication.TABLE_COUNT), "table", "tables") + ", "
                + Counted.of(ctx.getInt(RunPublication.FILE_COUNT), "file", "files");
    }
}
