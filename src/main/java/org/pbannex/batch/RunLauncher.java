package org.pbannex.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.pbannex.config.PbProperties;
import org.pbannex.distribute.FailureNotice;
import org.pbannex.publication.CodeVersion;
import org.pbannex.publication.InputSnapshot;
import org.pbannex.publication.RunRequest;
import org.pbannex.publish.ManifestWriter;
import org.pbannex.publish.PublishedRun;
import org.pbannex.publish.RunFolder;
import org.pbannex.publish.RunHistory;
import org.pbannex.run.RunInfo;
import org.pbannex.run.RunParameters;
import org.pbannex.runtime.DatabaseUnavailable;
import org.pbannex.runtime.ExitCodes;
import org.pbannex.runtime.ProcessIdentity;
import org.pbannex.runtime.RunLease;
import org.pbannex.runtime.RunStopped;
import org.pbannex.runtime.RunWatchdog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Starts a run so that an unattended schedule can rely on it: runs whose process died are marked failed first (and the
 * identical command then restarts them from the step they failed in); the run holds the lock of its biennium and output
 * folder for its whole length, renewed by a heartbeat; a completed run is "nothing to do" only while its published
 * folder is there and whole.
 */
@Component
public class RunLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(RunLauncher.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** How a launch ended. */
    public sealed interface Outcome {
    }

    /** The job ran (its execution says how it ended). */
    public record Ran(JobExecution execution, String runId) implements Outcome {
    }

    /**
     * These inputs were already published by this code version, and the published folder is whole.
     *
     * @param latestMadeAgain the line saying latest was missing or wrong and where it points now; null when it was right
     * @param unrecordedSince when that run published them, as its manifest says, when only the output folder knows of it
     *                        (the database has no history of it: a new one); null when the database knows the run
     */
    public record NothingToDo(String runId, Path folder, String latestMadeAgain, String unrecordedSince) implements Outcome {

        NothingToDo(String runId, Path folder, String latestMadeAgain) {
            this(runId, folder, latestMadeAgain, null);
        }

        NothingToDo withLatest(String remade) {
            return new NothingToDo(runId, folder, remade, unrecordedSince);
        }
    }

    private final JobOperator operator;
    private final JobRepository repository;
    private final Job job;
    private final RunLease lease;
    private final RunHistory history;
    private final PbProperties props;
    private final FailureNotice notice;
    private final org.springframework.beans.factory.ObjectProvider<org.pbannex.runtime.EmbeddedDatabaseLock> databaseLock;
    private final RunInputs inputs;
    private final org.pbannex.distribute.UnsentRuns unsent;

    private final RunListener listener;
    private final org.pbannex.run.DeadRunRecovery recovery;
    /** The test switch, which may hold a launch at {@link #LAUNCH} or {@link #START}. */
    private final RunPause pause;

    /** The test switch's point before a biennium's run is launched (between two biennia of one command, after the first). */
    static final String LAUNCH = "launch";
    /** The test switch's point in a run's start-up: its lock taken and its time limit running, its job not yet begun. */
    static final String START = "job:start";

    public RunLauncher(JobOperator operator, JobRepository repository, Job annexJob, RunLease lease, RunHistory history,
                       PbProperties props, FailureNotice notice,
                       org.springframework.beans.factory.ObjectProvider<org.pbannex.runtime.EmbeddedDatabaseLock> databaseLock,
                       RunInputs inputs, org.pbannex.distribute.UnsentRuns unsent, RunListener listener, RunPause pause,
                       org.pbannex.run.DeadRunRecovery recovery) {
        this.recovery = recovery;
        this.pause = pause;
        this.listener = listener;
        this.unsent = unsent;
        this.inputs = inputs;
        this.databaseLock = databaseLock;
        this.notice = notice;
        this.operator = operator;
        this.repository = repository;
        this.job = annexJob;
        this.lease = lease;
        this.history = history;
        this.props = props;
    }

    /**
     * @param force      run even when these inputs were already published (a new job instance)
     * @param distribute false: publish without sending the run to the job's reviewers
     */
    public Outcome launch(RunRequest request, boolean force, boolean distribute) throws IOException {
        String b = request.biennium().code();
        pause.at(LAUNCH, new RunFolder(request.output(), b, b), b);
        InputSnapshot input = InputSnapshot.take(request.input());
        JobParameters params = RunParameters.of(request, input.checksum(request.biennium(),
                        org.pbannex.ingest.InputSet.programFilesBeneath(request.input(), request.biennium().code())),
                CodeVersion.of(props.program()),
                force ? "force-" + Instant.now() : null, distribute);
        recovery.recoverDeadRuns();
        Outcome outcome = launch(request, params, input, 0);
        if (outcome instanceof NothingToDo done && lease.liveHolder(request.biennium().code(), request.output().toString()).isEmpty()) {
            // latest removed by hand, or left behind by a run killed between its rename and the link's.
            String remade = RunFolder.remakeLatest(request.output(), request.biennium().code());
            Optional<Path> latest = RunFolder.latest(request.output(), request.biennium().code());
            if (request.partial() || latest.isPresent() && sameFolder(latest.get(), done.folder())) {
                return done.withLatest(remade);
            }
            // latest shows these very inputs, published by a run this database does not know (on PostgreSQL, before the
            // installation came back to its embedded database): nothing to do, and the run is written into the history
            // as a new database takes the runs it finds (found by an exploratory test: they were published again and
            // every reviewer mailed an unchanged workbook).
            Optional<PublishedRun> shown = latest.flatMap(l -> PublishedRun.publishing(l, l.getFileName().toString(), request,
                    RunParameters.inputChecksum(params), RunParameters.codeVersion(params), System.out::println));
            if (shown.isPresent()) {
                PublishedRun p = shown.get();
                boolean written = history.adopt(p, RunParameters.inputChecksum(params));
                LOG.info("latest shows run {}, which published these inputs (its manifest says so); the database had no "
                        + "history of it{}", p.runId(), written ? ", and has it now" : ", and another command wrote it in");
                return new NothingToDo(p.runId(), p.folder(), remade, p.finishedAt());
            }
            // latest shows another input's figures (the input went back to an earlier version, or a trial run on a
            // copy of it moved latest): these inputs are published anew, a run of their own that latest moves to. The
            // attempt is named after the run latest shows, so that the same command restarts it if it fails.
            String over = latest.map(l -> l.getFileName().toString()).orElse("none");
            JobParameters overParams = RunParameters.withAttempt(params, "over-" + over);
            // latest was made again just now because the run it pointed at is changed: when that run published these
            // inputs (after an earlier "published again, as a new run"), its own line says why they are published again
            // (the run after it names it); "latest shows" would name the run this command pointed latest at a moment
            // ago, and the reason of the command that published the changed run (found by an exploratory test).
            if (remade == null || !publishedAndGone(repository.getLastJobExecution(job.getName(), overParams))) {
                if (remade != null) {
                    System.out.println(remade);
                }
                System.out.println("Run " + done.runId() + " published these inputs, but latest shows run " + over
                        + ": they are published again, as a new run.");
            }
            return launch(request, overParams, input, 0);
        }
        return outcome;
    }

    private static boolean sameFolder(Path a, Path b) {
        try {
            return a.toRealPath().equals(b.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    private static Path publishedFolder(JobExecution run) {
        return Path.of(run.getExecutionContext().getString(RunPublication.PUBLISHED_FOLDER, "-"));
    }

    /** Whether the run published and its folder is missing or changed since (a run of these inputs follows it). */
    private static boolean publishedAndGone(JobExecution run) {
        if (run == null || run.getStatus() != BatchStatus.COMPLETED) {
            return false;
        }
        Path folder = publishedFolder(run);
        return !(Files.isDirectory(folder) && ManifestWriter.intact(folder));
    }

    /**
     * What to do with these parameters, given the last run of their job instance: none yet, start one; published and
     * whole, nothing; published but the folder gone, or abandoned, or failed with what it staged gone, follow on to the
     * next instance in a fixed chain (so the next command finds the same one); failed, restart it under its id.
     */
    private Outcome launch(RunRequest request, JobParameters params, InputSnapshot input, int depth) {
        JobExecution last = repository.getLastJobExecution(job.getName(), params);
        if (last == null) {
            // A run with --force (an instance of its own) may have published these inputs: nothing to do then, as after
            // any run of them (and a run of it that never reached its reviewers is sent, not published again).
            Optional<NothingToDo> published = params.getString(RunParameters.ATTEMPT) == null
                    ? newestPublished(params).or(() -> adoptedPublished(request, params))
                    .or(() -> publishedBeforeTheDatabase(request, params)) : Optional.empty();
            return published.isPresent() ? published.get() : run(request, params, input, newRunId(params), false);
        }
        // The id is in the execution's parameters from the moment it exists (its context gets it a moment later).
        String lastId = last.getExecutionContext().getString(RunInfo.RUN_ID,
                java.util.Objects.requireNonNullElse(last.getJobParameters().getString(RunListener.RUN_ID_PARAMETER), "?"));
        if (depth > 100) {
            throw new IllegalStateException("too many runs of these inputs were abandoned or lost; run with --force");
        }
        if (last.getStatus() == BatchStatus.COMPLETED) {
            Path folder = publishedFolder(last);
            if (Files.isDirectory(folder) && ManifestWriter.intact(folder)) {
                return newestPublished(params).orElse(new NothingToDo(lastId, folder, null));
            }
            LOG.warn("run {} published these inputs, but {} is missing or changed", lastId, folder);
            JobParameters after = RunParameters.withAttempt(params, "after-" + last.getId());
            Outcome next = launch(request, after, input, depth + 1);
            // Said of the newest such run alone: the one after it in the chain says it when it is gone too (each run
            // into a folder that lost every run said a line more, one for every run before it).
            if (next instanceof Ran && !publishedAndGone(repository.getLastJobExecution(job.getName(), after))) {
                System.out.println("Run " + lastId + " published these inputs, but " + folder + " is missing or changed: "
                        + "they were published again.");
            }
            return next;
        }
        if (last.getStatus().isRunning()) {
            // DeadRunRecovery left it: its owner may be alive (on another host, or stopped here: until its heartbeat is old).
            var holder = history.byJobExecution(last.getId()).filter(h -> h.owner() != null);
            var now = holder.isPresent() ? history.databaseNow() : null;
            String waited = holder.map(h -> RunLease.waited(h.owner(), h.heartbeatAt(), now, props.run().lease())).orElse("");
            // Its words where its holder is known (a report's, a notice's language), else its line.
            var said = holder.map(h -> RunLease.waitedSaid(h.owner(), h.heartbeatAt(), now, props.run().lease(),
                    "lock.already_running", "run", lastId, "holder", h.owner().said())).orElse(null);
            throw new RunLease.Busy("run " + lastId + " is already running these inputs" + owner(last) + "; wait for it to finish"
                    + waited, said);
        }
        if (last.getStatus() != BatchStatus.ABANDONED) {
            String settled = unknownFailed(last, lastId);
            if (settled != null) {
                System.out.println(settled);
            }
        }
        if (last.getStatus() == BatchStatus.ABANDONED || !restartable(last)) {
            LOG.info("run {} was {} (or what it staged is gone): starting a new run", lastId, last.getStatus());
            return launch(request, RunParameters.withAttempt(params, "after-" + last.getId()), input, depth + 1);
        }
        LOG.info("restarting run {} (it {} in step {})", lastId, last.getStatus(), failedStep(last));
        return run(request, params, input, lastId, true);
    }

    /**
     * The run that published these parameters last (--force makes a job instance of its own, a run from the input
     * workbook or from a copy of the input folder one of the other folder's), whose folder is whole: what "nothing to do"
     * names.
     */
    private Optional<NothingToDo> newestPublished(JobParameters params) {
        for (long id : history.publishedWith(RunParameters.request(params).job(), RunParameters.request(params).biennium().code(),
                RunParameters.inputChecksum(params), RunParameters.codeVersion(params))) {
            JobExecution e = repository.getJobExecution(id);
            if (e != null && e.getExecutionContext().containsKey(RunInfo.RUN_ID)
                    && RunParameters.sameWork(params, e.getJobParameters())) {
                RunInfo run = RunInfo.of(e);
                Path folder = run.folder().published();
                if (PublishedRun.whole(folder, run.runId()).isPresent()) {
                    return Optional.of(new NothingToDo(run.runId(), folder, null));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A run found published in this output folder by a command before (publishedBeforeTheDatabase), and written into
     * the history then, that published these parameters' very work and whose folder is whole: "nothing to do", decided
     * from the history (it names the run; its manifest confirms the work and the folder, as a run of the database's own
     * is confirmed by its folder) without reading every run's manifest in the folder again.
     */
    private Optional<NothingToDo> adoptedPublished(RunRequest request, JobParameters params) {
        String biennium = request.biennium().code();
        for (RunHistory.Entry adopted : history.adoptedWith(request.job(), biennium, RunParameters.inputChecksum(params),
                RunParameters.codeVersion(params), request.output().resolve(biennium))) {
            Optional<PublishedRun> p = PublishedRun.publishing(Path.of(adopted.outputDir()), adopted.runId(), request,
                    RunParameters.inputChecksum(params), RunParameters.codeVersion(params), System.out::println);
            if (p.isPresent()) {
                return Optional.of(new NothingToDo(adopted.runId(), p.get().folder(), null));
            }
        }
        return Optional.empty();
    }

    /**
     * A database that knows no publication of the biennium into this output folder (a new one, after a move to
     * PostgreSQL; an embedded one whose file was deleted) has no history to tell that these inputs were published: the
     * output folder's manifests do (the inputs' checksum, the code version, what was asked), and a whole folder that
     * published this very work is "nothing to do", as it would be with the history. Without this the first run on a
     * new database published the same figures again, and mailed them to the job's reviewers. The run found is written
     * into the history (adopted), so that the next command finds it there (adoptedPublished) and history lists it.
     * No run lock is taken: the row is of a run already published, which changes no folder; two commands that find it
     * at once write it once (its run id is the key), and both say the same.
     */
    private Optional<NothingToDo> publishedBeforeTheDatabase(RunRequest request, JobParameters params) {
        String biennium = request.biennium().code();
        if (history.publishedInto(biennium, request.output().resolve(biennium))) {
            return Optional.empty();
        }
        try {
            return PublishedRun.newestPublishing(request, RunParameters.inputChecksum(params), RunParameters.codeVersion(params),
                            System.out::println)
                    .map(p -> {
                        boolean written = history.adopt(p, RunParameters.inputChecksum(params));
                        LOG.info("run {} published these inputs into {} (its manifest says so); the database had no history of it{}",
                                p.runId(), p.folder(), written ? ", and has it now" : ", and another command wrote it in");
                        return new NothingToDo(p.runId(), p.folder(), null, p.finishedAt());
                    });
        } catch (IOException e) {
            LOG.warn("cannot read the published runs in {}: publishing these inputs", request.output().resolve(biennium), e);
            return Optional.empty();
        }
    }

    /**
     * A run stopped by a signal or its time limit, recorded once: in its job, by the job's listener (its report in
     * failed/RUN-ID/, its row in the history with the step it was in); in its start-up, before its job began (the
     * listener has not recorded it yet), its row here, with no step (and its job execution if Spring Batch had made it).
     * {@code begun}: the run's job execution as the stop found it begun (null: in its start-up). Returns its notice, pointing to the report and in
     * its words, without them when none was written.
     */
    private FailureNotice.FailedRun stopped(int status, RunStopped stop, RunRequest request, JobParameters params, Instant began,
                                           JobExecution begun) {
        return stopped(status, stop, request, params, began, begun, RunListener.stepIn(begun));
    }

    /** @param step the step the run was in when the stop came (null: none) */
    private FailureNotice.FailedRun stopped(int status, RunStopped stop, RunRequest request, JobParameters params, Instant began,
                                           JobExecution begun, String step) {
        FailureNotice.FailedRun told = listener.stopped(begun, step, status, stop);
        if (told != null) {
            return told;
        }
        String biennium = request.biennium().code();
        try {
            // Its job execution, when Spring Batch had made it (not yet begun): the next run finds its process ended at once.
            JobExecution made = repository.getLastJobExecution(job.getName(), params);
            Long execution = made != null && made.getStatus().isRunning()
                    && stop.runId().equals(made.getJobParameters().getString(RunListener.RUN_ID_PARAMETER)) ? made.getId() : null;
            history.stopped(stop.runId(), request.job(), biennium, began, RunParameters.inputChecksum(params),
                    RunParameters.codeVersion(params), execution, ProcessIdentity.current(), null, status, stop.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("could not record run {}, stopped in its start-up, in the history: {}", stop.runId(), e.getMessage(), e);
        }
        FailureNotice.Words words = null;
        try {
            // No report: the notice in the words of the input's texts as they stand, as a run that could not start.
            words = FailureNotice.Words.of(request, stop, stop.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("the notice of run {}, stopped in its start-up, is in English: {}", stop.runId(), e.getMessage(), e);
        }
        return FailureNotice.FailedRun.of(stop.runId(), request.job(), biennium, null, status, stop.getMessage())
                .withFolders(request.input(), request.output()).withWords(words);
    }

    /** @param restart whether it restarts a run that had begun (else a new run: stopped in its start-up, it starts anew) */
    private Outcome run(RunRequest request, JobParameters params, InputSnapshot input, String runId, boolean restart) {
        Instant began = Instant.now();
        boolean databaseGone = false;
        // What a signal stopped before this run (the command's next biennia, say), put back once it has ended.
        org.pbannex.runtime.Interruption.Stopping stoppedBefore = null;
        inputs.snapshotTaken(runId, input);
        databaseLock.ifAvailable(l -> l.note("run " + request.job() + ", run " + runId));
        String biennium = request.biennium().code();
        org.pbannex.warm.WarmServer.runUnderway(runId, biennium);
        String output = request.output().toString();
        lease.acquire(biennium, output, runId);
        RunLease.Heartbeat heartbeat = lease.heartbeat(biennium, output, runId, props.run().heartbeat(), () -> history.heartbeat(runId));
        Duration timeout = props.run().timeout();
        try (RunWatchdog watchdog = RunWatchdog.start(timeout, () -> {
            // Said and recorded of the run as it stands now: in its job (the next run restarts it), or in its start-up.
            JobExecution begun = listener.running(runId);
            RunStopped late = RunStopped.byTimeout(runId, timeout, restart || begun != null);
            return new RunWatchdog.Stop(late.getMessage(),
                    () -> notice.send(stopped(ExitCodes.INFRASTRUCTURE, late, request, params, began, begun)));
        })) {
            JobParameters withId = new JobParametersBuilder(params).addString(RunListener.RUN_ID_PARAMETER, runId, false)
                    .toJobParameters();
            boolean force = String.valueOf(params.getString(RunParameters.ATTEMPT)).startsWith("force-");
            stoppedBefore = org.pbannex.runtime.Interruption.stopping(RunStopped.stopping(runId, force),
                    new org.pbannex.runtime.Interruption.Note() {
                        /** The run's execution and step as the signal found them (its thread goes on meanwhile). */
                        private volatile JobExecution begun;
                        private volatile String step;

                        @Override
                        public void seen() {
                            begun = listener.running(runId);
                            step = RunListener.stepIn(begun);
                        }

                        @Override
                        public void failed(int status, String line) {
                            var told = stopped(status, RunStopped.bySignal(line, status, runId, force), request, params, began,
                                    begun, step);
                            if (org.pbannex.runtime.Interruption.pressedAtTerminal(status)) {
                                // The person who pressed it knows: its history and report say it, no one is mailed, and the
                                // job has not failed (a monitor's status does not alarm), as for a mistake typed in the
                                // command line.
                                LOG.info("Ctrl-C at a terminal stopped run {}: recorded in its history and report, neither "
                                        + "noted in the job's status nor mailed", runId);
                            } else {
                                notice.send(told);
                            }
                        }
                    });
            pause.at(START, new RunFolder(request.output(), biennium, runId), runId);
            JobExecution ran = operator.start(job, withId);
            databaseGone = RunInfo.databaseGone(ran);
            return new Ran(ran, runId);
        } catch (RuntimeException e) {
            databaseGone = DatabaseUnavailable.unreachable(e);
            // Its job execution changed under it by the run that took its lock over ("wrong version"): the loss says why.
            RuntimeException lost = databaseGone ? e : lostLock(biennium, output, runId, e);
            if (lost != e) {
                throw lost;
            }
            // The job's end could not be kept (its database gone mid-run): failed all the same, told as any failed run is;
            // or done, only its end not recorded.
            JobExecution failed = listener.unrecorded(e, runId);
            if (failed == null) {
                throw e;
            }
            databaseGone |= RunInfo.databaseGone(failed);
            LOG.error("run {} {} and its end could not be recorded", runId,
                    RunListener.published(failed) ? "published" : "failed", e);
            return new Ran(failed, runId);
        } catch (org.springframework.batch.core.launch.JobExecutionAlreadyRunningException e) {
            throw new RunLease.Busy("the same run is already running in another process: " + e.getMessage());
        } catch (org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException
                 | org.springframework.batch.core.launch.JobRestartException
                 | org.springframework.batch.core.job.parameters.InvalidJobParametersException e) {
            throw new IllegalStateException("could not start the run: " + e.getMessage(), e);
        } finally {
            if (stoppedBefore != null) {
                stoppedBefore.restore();
            }
            heartbeat.close();
            try {
                // Its database gone, it is not asked again: the release is a note in the output folder.
                lease.release(biennium, output, runId, databaseGone);
            } catch (RuntimeException e) {
                LOG.warn("could not release the lock of run {}: {}", runId, e.getMessage());
            }
        }
    }

    /** The run's loss of its lock, caused by {@code failure}, when it lost it; else the failure itself. */
    private RuntimeException lostLock(String biennium, String output, String runId, RuntimeException failure) {
        try {
            return lease.lost(biennium, output, runId).<RuntimeException>map(lost -> {
                lost.initCause(failure);
                return lost;
            }).orElse(failure);
        } catch (RuntimeException unknown) {
            return failure; // the database itself failed: its own line says more
        }
    }

    /**
     * An ended run that Spring Batch left UNKNOWN (a step, or the job, whose end it could not record: the pool closing
     * under it as a signal stopped its process, before StoppingRepository; its database gone mid-step) would never
     * restart ("Cannot restart step [render] from UNKNOWN status"), night after night. Its process has ended, and its
     * steps work in the run's own folders, which a restart writes again: it is failed where it stood, and restarts.
     *
     * @return the line saying so; null when nothing was UNKNOWN
     */
    private String unknownFailed(JobExecution last, String runId) {
        List<String> steps = new java.util.ArrayList<>();
        for (var s : last.getStepExecutions()) {
            if (s.getStatus() == BatchStatus.UNKNOWN) {
                s.setStatus(BatchStatus.FAILED);
                s.setExitStatus(org.springframework.batch.core.ExitStatus.FAILED.addExitDescription(UNKNOWN_FAILED));
                repository.update(s);
                steps.add(s.getStepName());
            }
        }
        if (last.getStatus() == BatchStatus.UNKNOWN) {
            last.setStatus(BatchStatus.FAILED);
            last.setExitStatus(org.springframework.batch.core.ExitStatus.FAILED.addExitDescription(UNKNOWN_FAILED));
            repository.update(last);
        } else if (steps.isEmpty()) {
            return null;
        }
        String where = steps.isEmpty() ? "" : " in step " + steps.stream().filter(n -> !n.contains(":")).findFirst().orElse(steps.get(0));
        LOG.warn("run {}: steps {} (job {}) were UNKNOWN, left so by its ended process: failed, and restarted", runId, steps, last.getId());
        return "Run " + runId + " was left in an unknown state" + where + " by its process, which ended before it could record "
                + "how the step ended: it is restarted from there.";
    }

    private static final String UNKNOWN_FAILED = "left UNKNOWN by its ended process; failed by the next run, which restarts it";

    /** A failed run restarts only while what its completed steps left (the run's work and staging folders) is there. */
    private static boolean restartable(JobExecution last) {
        String runId = last.getExecutionContext().getString(RunInfo.RUN_ID, null);
        if (runId == null) {
            return false;
        }
        RunFolder folder = RunInfo.of(last).folder();
        if (PublishedRun.whole(folder.published(), runId).isPresent()) {
            return true; // stopped once its folder was in place: the restart completes its record
        }
        for (var s : last.getStepExecutions()) {
            if (s.getStatus() != BatchStatus.COMPLETED) {
                continue;
            }
            String step = s.getStepName();
            boolean leftWork = step.startsWith(ExpenditureStepsConfiguration.WORKER) || step.startsWith("expenditureMerge")
                    || step.startsWith("expenditurePostgres");
            if (leftWork && !Files.isDirectory(folder.work())
                    || step.startsWith(RenderStepConfiguration.WORKER) && !Files.isDirectory(folder.staging())) {
                return false;
            }
        }
        return true;
    }

    private static String failedStep(JobExecution e) {
        return e.getStepExecutions().stream().filter(s -> s.getStatus() != BatchStatus.COMPLETED)
                .map(s -> s.getStepName()).reduce((a, b) -> b).orElse("-");
    }


    private String owner(JobExecution e) {
        return history.byJobExecution(e.getId()).map(h -> h.owner() == null ? "" : " (" + h.owner() + ")").orElse("");
    }

    /** Time to the millisecond, the inputs' checksum and a random part: two runs started together get different ids. */
    static String newRunId(JobParameters params) {
        byte[] r = new byte[2];
        RANDOM.nextBytes(r);
        return RunFolder.ID_TIME.format(Instant.now()) + "-" + RunParameters.inputChecksum(params).substring(0, 8) + "-"
                + HexFormat.of().formatHex(r);
    }
}
