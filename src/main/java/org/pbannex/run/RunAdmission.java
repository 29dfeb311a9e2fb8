package org.pbannex.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.pbannex.publication.RunRequest;
import org.pbannex.publish.ManifestWriter;
import org.pbannex.publish.PublishedRun;
import org.pbannex.publish.RunFolder;
import org.pbannex.publish.RunHistory;
import org.pbannex.runtime.RunLease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;

/**
 * What a command's run of these inputs is to do, decided from the history before anything starts: nothing (these
 * inputs were published by this code version and the published folder is whole; latest made again where it was
 * missing; a run the database did not know adopted from its manifest), a new run (none yet; the last one published
 * and its folder gone, abandoned, or failed with what it staged gone; latest showing another input's figures), or the
 * restart of a failed run under its id. A run still going is refused ({@link RunLease.Busy}). Starting the run it
 * decides is the launcher's (batch/RunLauncher).
 */
public class RunAdmission {

    private static final Logger LOG = LoggerFactory.getLogger(RunAdmission.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A decision: nothing to do, or a run to start. */
    public sealed interface Decision permits NothingToDo, Start {
    }

    /**
     * These inputs were already published by this code version, and the published folder is whole.
     *
     * @param latestMadeAgain the line saying latest was missing or wrong and where it points now; null when it was right
     * @param unrecordedSince when that run published them, as its manifest says, when only the output folder knows of it
     *                        (the database has no history of it: a new one); null when the database knows the run
     */
    public record NothingToDo(String runId, Path folder, String latestMadeAgain, String unrecordedSince)
            implements Decision, Launched {

        NothingToDo(String runId, Path folder, String latestMadeAgain) {
            this(runId, folder, latestMadeAgain, null);
        }

        NothingToDo withLatest(String remade) {
            return new NothingToDo(runId, folder, remade, unrecordedSince);
        }
    }

    /**
     * Start the job with {@code params}: a new run, or ({@code restart}) the restart of run {@code runId}, which had
     * begun.
     *
     * @param saidOnceRun the lines said once the run has ended (why these inputs are published again)
     */
    public record Start(JobParameters params, String runId, boolean restart, List<String> saidOnceRun) implements Decision {

        Start saying(String line) {
            List<String> said = new ArrayList<>(saidOnceRun);
            said.add(line);
            return new Start(params, runId, restart, List.copyOf(said));
        }
    }

    /** What a completed step of the job left in the run's folders, which its restart reads (the job's wiring knows). */
    public interface StepsLeave {

        /** Whether the step handed its work to the steps after it in the run's work folder. */
        boolean work(String step);

        /** Whether the step rendered into the run's staging folder. */
        boolean staging(String step);
    }

    private final JobRepository repository;
    private final String jobName;
    private final RunHistory history;
    private final RunLease lease;
    /** pb.run.lease: how long a silent holder may be alive. */
    private final Duration leaseTime;
    private final StepsLeave steps;

    public RunAdmission(JobRepository repository, String jobName, RunHistory history, RunLease lease, Duration leaseTime,
                        StepsLeave steps) {
        this.repository = repository;
        this.jobName = jobName;
        this.history = history;
        this.lease = lease;
        this.leaseTime = leaseTime;
        this.steps = steps;
    }

    /**
     * What to do with a run of {@code request} with these parameters. Where the history is put right on the way (a
     * latest link made again, a run found in the output folder adopted, a run left UNKNOWN failed), the lines saying so
     * go to {@code say}, in the order they were always said.
     */
    public Decision decide(RunRequest request, JobParameters params, Consumer<String> say) throws IOException {
        Decision decision = decide(request, params, say, 0);
        if (decision instanceof NothingToDo done && lease.liveHolder(request.biennium().code(), request.output().toString()).isEmpty()) {
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
                    RunParameters.inputChecksum(params), RunParameters.codeVersion(params), say));
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
            if (remade == null || !publishedAndGone(repository.getLastJobExecution(jobName, overParams))) {
                if (remade != null) {
                    say.accept(remade);
                }
                say.accept("Run " + done.runId() + " published these inputs, but latest shows run " + over
                        + ": they are published again, as a new run.");
            }
            return decide(request, overParams, say, 0);
        }
        return decision;
    }

    private static boolean sameFolder(Path a, Path b) {
        try {
            return a.toRealPath().equals(b.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    private static Path publishedFolder(JobExecution run) {
        return Path.of(run.getExecutionContext().getString(RunInfo.PUBLISHED_FOLDER, "-"));
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
    private Decision decide(RunRequest request, JobParameters params, Consumer<String> say, int depth) {
        JobExecution last = repository.getLastJobExecution(jobName, params);
        if (last == null) {
            // A run with --force (an instance of its own) may have published these inputs: nothing to do then, as after
            // any run of them (and a run of it that never reached its reviewers is sent, not published again).
            Optional<NothingToDo> published = params.getString(RunParameters.ATTEMPT) == null
                    ? newestPublished(params).or(() -> adoptedPublished(request, params, say))
                    .or(() -> publishedBeforeTheDatabase(request, params, say)) : Optional.empty();
            return published.isPresent() ? published.get() : new Start(params, newRunId(params), false, List.of());
        }
        // The id is in the execution's parameters from the moment it exists (its context gets it a moment later).
        String lastId = last.getExecutionContext().getString(RunInfo.RUN_ID,
                java.util.Objects.requireNonNullElse(last.getJobParameters().getString(RunInfo.RUN_ID_PARAMETER), "?"));
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
            Decision next = decide(request, after, say, depth + 1);
            // Said once the run has ended, of the newest such run alone: the one after it in the chain says it when it is
            // gone too (each run into a folder that lost every run said a line more, one for every run before it).
            if (next instanceof Start start && !publishedAndGone(repository.getLastJobExecution(jobName, after))) {
                return start.saying("Run " + lastId + " published these inputs, but " + folder + " is missing or changed: "
                        + "they were published again.");
            }
            return next;
        }
        if (last.getStatus().isRunning()) {
            // DeadRunRecovery left it: its owner may be alive (on another host, or stopped here: until its heartbeat is old).
            var holder = history.byJobExecution(last.getId()).filter(h -> h.owner() != null);
            var now = holder.isPresent() ? history.databaseNow() : null;
            String waited = holder.map(h -> RunLease.waited(h.owner(), h.heartbeatAt(), now, leaseTime)).orElse("");
            // Its words where its holder is known (a report's, a notice's language), else its line.
            var said = holder.map(h -> RunLease.waitedSaid(h.owner(), h.heartbeatAt(), now, leaseTime,
                    "lock.already_running", "run", lastId, "holder", h.owner().said())).orElse(null);
            throw new RunLease.Busy("run " + lastId + " is already running these inputs" + owner(last) + "; wait for it to finish"
                    + waited, said);
        }
        if (last.getStatus() != BatchStatus.ABANDONED) {
            String settled = unknownFailed(last, lastId);
            if (settled != null) {
                say.accept(settled);
            }
        }
        if (last.getStatus() == BatchStatus.ABANDONED || !restartable(last)) {
            LOG.info("run {} was {} (or what it staged is gone): starting a new run", lastId, last.getStatus());
            return decide(request, RunParameters.withAttempt(params, "after-" + last.getId()), say, depth + 1);
        }
        LOG.info("restarting run {} (it {} in step {})", lastId, last.getStatus(), failedStep(last));
        return new Start(params, lastId, true, List.of());
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
    private Optional<NothingToDo> adoptedPublished(RunRequest request, JobParameters params, Consumer<String> say) {
        String biennium = request.biennium().code();
        for (RunHistory.Entry adopted : history.adoptedWith(request.job(), biennium, RunParameters.inputChecksum(params),
                RunParameters.codeVersion(params), request.output().resolve(biennium))) {
            Optional<PublishedRun> p = PublishedRun.publishing(Path.of(adopted.outputDir()), adopted.runId(), request,
                    RunParameters.inputChecksum(params), RunParameters.codeVersion(params), say);
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
    private Optional<NothingToDo> publishedBeforeTheDatabase(RunRequest request, JobParameters params,
                                                             Consumer<String> say) {
        String biennium = request.biennium().code();
        if (history.publishedInto(biennium, request.output().resolve(biennium))) {
            return Optional.empty();
        }
        try {
            return PublishedRun.newestPublishing(request, RunParameters.inputChecksum(params), RunParameters.codeVersion(params),
                            say)
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
    private boolean restartable(JobExecution last) {
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
            if (steps.work(step) && !Files.isDirectory(folder.work()) || steps.staging(step) && !Files.isDirectory(folder.staging())) {
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
    public static String newRunId(JobParameters params) {
        byte[] r = new byte[2];
        RANDOM.nextBytes(r);
        return RunFolder.ID_TIME.format(Instant.now()) + "-" + RunParameters.inputChecksum(params).substring(0, 8) + "-"
                + HexFormat.of().formatHex(r);
    }
}
