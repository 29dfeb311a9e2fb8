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
import org.pbannex.run.Launched;
import org.pbannex.run.RunAdmission;
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
 * identical command then restarts them from the step they failed in); what the run is to do is decided from the history
 * (run/RunAdmission: nothing, a new run, or a restart); the run holds the lock of its biennium and output folder for its
 * whole length, renewed by a heartbeat, under its time limit and the signals that stop it.
 */
@Component
public class RunLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(RunLauncher.class);

    private final JobOperator operator;
    private final JobRepository repository;
    private final Job job;
    private final RunLease lease;
    private final RunHistory history;
    private final PbProperties props;
    private final FailureNotice notice;
    private final org.springframework.beans.factory.ObjectProvider<org.pbannex.runtime.EmbeddedDatabaseLock> databaseLock;
    private final RunInputs inputs;

    private final RunListener listener;
    private final org.pbannex.run.DeadRunRecovery recovery;
    private final RunAdmission admission;
    /** The test switch, which may hold a launch at {@link #LAUNCH} or {@link #START}. */
    private final RunPause pause;

    /** The test switch's point before a biennium's run is launched (between two biennia of one command, after the first). */
    static final String LAUNCH = "launch";
    /** The test switch's point in a run's start-up: its lock taken and its time limit running, its job not yet begun. */
    static final String START = "job:start";

    public RunLauncher(JobOperator operator, JobRepository repository, Job annexJob, RunLease lease, RunHistory history,
                       PbProperties props, FailureNotice notice,
                       org.springframework.beans.factory.ObjectProvider<org.pbannex.runtime.EmbeddedDatabaseLock> databaseLock,
                       RunInputs inputs, RunListener listener, RunPause pause, org.pbannex.run.DeadRunRecovery recovery,
                       RunAdmission admission) {
        this.recovery = recovery;
        this.admission = admission;
        this.pause = pause;
        this.listener = listener;
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
    public Launched launch(RunRequest request, boolean force, boolean distribute) throws IOException {
        String b = request.biennium().code();
        pause.at(LAUNCH, new RunFolder(request.output(), b, b), b);
        InputSnapshot input = InputSnapshot.take(request.input());
        JobParameters params = RunParameters.of(request, input.checksum(request.biennium(),
                        org.pbannex.ingest.InputSet.programFilesBeneath(request.input(), request.biennium().code())),
                CodeVersion.of(props.program()),
                force ? "force-" + Instant.now() : null, distribute);
        recovery.recoverDeadRuns();
        RunAdmission.Decision decision = admission.decide(request, params, System.out::println);
        if (decision instanceof RunAdmission.NothingToDo done) {
            return done;
        }
        RunAdmission.Start start = (RunAdmission.Start) decision;
        Launched.Ran ran = run(request, start.params(), input, start.runId(), start.restart());
        start.saidOnceRun().forEach(System.out::println);
        return ran;
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
                    && stop.runId().equals(made.getJobParameters().getString(RunInfo.RUN_ID_PARAMETER)) ? made.getId() : null;
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
    private Launched.Ran run(RunRequest request, JobParameters params, InputSnapshot input, String runId, boolean restart) {
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
            JobParameters withId = new JobParametersBuilder(params).addString(RunInfo.RUN_ID_PARAMETER, runId, false)
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
            return new Launched.Ran(ran, runId);
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
            return new Launched.Ran(failed, runId);
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

}
