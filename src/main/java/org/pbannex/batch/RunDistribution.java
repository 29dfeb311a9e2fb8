package org.pbannex.batch;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import org.pbannex.config.PbProperties;
import org.pbannex.distribute.Distributor;
import org.pbannex.distribute.ReplyBy;
import org.pbannex.distribute.Reviewer;
import org.pbannex.distribute.ReviewerList;
import org.pbannex.distribute.UnsentRuns;
import org.pbannex.publication.ComputedPublication;
import org.pbannex.publication.RunRequest;
import org.pbannex.publish.PublishedRun;
import org.pbannex.run.RunInfo;
import org.pbannex.run.RunParameters;
import org.pbannex.runtime.ExitCodes;
import org.pbannex.runtime.RunLease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.stereotype.Component;

/**
 * Sends a published run to its job's reviewers: the distribute step after publish, and, when the next run of the job
 * finds nothing to do, a run of these inputs that was published but never sent to them all (its process killed before
 * it could, its mail server refused). A mail failure does not fail the run, which is published: it is left in the job's
 * context for the command to report (one line, and the status {@code distribute RUN_ID} has for it: 3 for an address
 * refused for good, 5 for the rest), and recorded in the distribution log. A run started with
 * --no-distribute sends nothing and says how many reviewers it held back. A run that a newer run replaced is never sent
 * ({@link UnsentRuns}), and no reviewer gets the same run twice ({@link Distributor}).
 */
@Component
public class RunDistribution {

    /** The one line saying why the distribution failed, in the job's execution context. */
    public static final String FAILED = "distributionFailed";
    /** Its exit status, as {@code distribute RUN_ID} has it for the same failure (3: an address refused for good). */
    public static final String FAILED_STATUS = "distributionFailedStatus";
    /** How many reviewers the run was sent to. */
    public static final String SENT = "distributedTo";
    /** How many reviewers the run was not sent to, as the command asked (--no-distribute). */
    public static final String HELD = "distributionHeld";
    /** How many reviewers had received the run already (a restart of a run killed while it sent it). */
    public static final String ALREADY = "distributionAlready";
    /** How many reviewers the run was not sent to because it published no workbook (xlsx not among its formats). */
    public static final String NO_WORKBOOK = "distributionNoWorkbook";
    /** Whether the reviewers were held back because the run is a trial (not --no-distribute). */
    public static final String HELD_AS_TRIAL = "distributionHeldAsTrial";
    /** The test switch pb.run.pause-at's point inside the sending of a run left unsent, under its lease. */
    static final String CATCH_UP = "distribute:catch-up";
    /** The run that replaced this one before it was sent (published after it): it was not sent. */
    public static final String REPLACED = "distributionReplacedBy";

    /**
     * What became of a run's distribution: sent to {@code sent} reviewers ({@code already} more had received it
     * before), or held back from {@code held} (--no-distribute), or not sent since run {@code replacedBy} replaced it,
     * or the mail server's one line ({@code failed}) and its exit status ({@code failedStatus}); {@code sent} is null when
     * it was not sent, and all are empty when it had nobody to go to. {@code trial}: held back as a trial run (another
     * input or output folder than the installation's), which only a distribute by hand sends.
     */
    public record Sending(String runId, Integer sent, int already, int held, String replacedBy, String failed, int noWorkbook,
                          int failedStatus, boolean trial) {

        Sending(String runId, Integer sent, int already, int held, String replacedBy, String failed) {
            this(runId, sent, already, held, replacedBy, failed, 0, failed == null ? 0 : ExitCodes.INFRASTRUCTURE, false);
        }

        /** The mail server did not take it all: what reached reviewers before (or beside) the failure, and its line. */
        static Sending failed(String runId, List<Distributor.Delivery> delivered, Distributor.MailFailed e) {
            int already = (int) delivered.stream().filter(d -> d.mode().equals(Distributor.RECEIVED)).count();
            return new Sending(runId, delivered.isEmpty() ? null : Distributor.sent(delivered), already, 0, null,
                    e.getMessage(), 0, ExitCodes.of(e), false);
        }

        /** The command's exit status for the sending: 0 unless it failed. */
        public int status() {
            return failed == null ? ExitCodes.PUBLISHED : failedStatus;
        }

        static Sending none(String runId) {
            return new Sending(runId, null, 0, 0, null, null);
        }

        /** What the distribute step of a run left in its job's context. */
        public static Sending of(String runId, ExecutionContext ctx) {
            return new Sending(runId, ctx.containsKey(SENT) ? ctx.getInt(SENT) : null, ctx.getInt(ALREADY, 0), ctx.getInt(HELD, 0),
                    ctx.getString(REPLACED, null), ctx.getString(FAILED, null), ctx.getInt(NO_WORKBOOK, 0),
                    ctx.getInt(FAILED_STATUS, ExitCodes.INFRASTRUCTURE), ctx.containsKey(HELD_AS_TRIAL));
        }

        void putInto(ExecutionContext ctx) {
            if (sent != null) {
                ctx.putInt(SENT, sent);
                ctx.putInt(ALREADY, already);
            }
            if (held > 0) {
                ctx.putInt(HELD, held);
            }
            if (trial) {
                ctx.putString(HELD_AS_TRIAL, "true");
            }
            if (replacedBy != null) {
                ctx.putString(REPLACED, replacedBy);
            }
            if (failed != null) {
                ctx.putString(FAILED, failed);
                ctx.putInt(FAILED_STATUS, failedStatus);
            }
            if (noWorkbook > 0) {
                ctx.putInt(NO_WORKBOOK, noWorkbook);
            }
        }
    }

    /**
     * When the next run of a job finds nothing to do: what became of the run it names, if that one was waiting to be
     * sent; and the job's other runs still waiting (published, not sent, not replaced), for a line each.
     */
    public record CatchUp(Sending named, List<PublishedRun> stillWaiting) {
    }

    private final RunInputs inputs;
    private final Distributor distributor;
    private final PbProperties props;
    private static final Logger LOG = LoggerFactory.getLogger(RunDistribution.class);

    private final UnsentRuns unsent;
    private final RunLease lease;

    private final org.pbannex.publish.RunHistory history;
    private final org.springframework.batch.core.repository.JobRepository repository;
    /** The test switch, which may hold a catch-up at {@link #CATCH_UP}. */
    private final RunPause pause;

    public RunDistribution(RunInputs inputs, Distributor distributor, PbProperties props, UnsentRuns unsent, RunLease lease,
                           org.pbannex.publish.RunHistory history, org.springframework.batch.core.repository.JobRepository repository,
                           RunPause pause) {
        this.pause = pause;
        this.history = history;
        this.repository = repository;
        this.lease = lease;
        this.inputs = inputs;
        this.distributor = distributor;
        this.props = props;
        this.unsent = unsent;
    }

    /**
     * Before the run's folder is published (the publish step): a run that is to go to its job's reviewers is noted as
     * waiting for them, so that a kill after publishing and before sending is known.
     */
    public void expect(RunInfo run, JobExecution job) throws IOException {
        var request = run.request();
        // A run without workbooks (narrowed to csv, say) has nothing to send: it never waits for its reviewers.
        if (RunParameters.distributes(job.getJobParameters()) && !trial(job)
                && request.formats().contains(org.pbannex.publication.OutputFormat.XLSX) && !reviewers(request).isEmpty()) {
            unsent.expect(request.job(), request.biennium().code(), run.runId(), run.folder().published());
        }
    }

    /** The distribute step: the run just published goes to its job's reviewers (those it has not reached yet). */
    public void distribute(RunInfo run, StepContribution contribution) throws IOException {
        var job = contribution.getStepExecution().getJobExecution();
        var request = run.request();
        Sending s = send(request, PublishedRun.read(run.folder().published()),
                RunParameters.distributes(job.getJobParameters()), trial(job), () -> inputs.computed(run));
        if (s.sent() != null) {
            contribution.incrementWriteCount(s.sent());
        }
        s.putInto(job.getExecutionContext());
    }

    /**
     * The next run of the job found these inputs published by run {@code runId}: that run is sent to the reviewers it
     * has not reached, if it waits for them (and no newer run replaced it), unless this command says --no-distribute,
     * which holds it back on purpose.
     */
    public CatchUp catchUp(RunRequest request, String runId, boolean distribute) throws IOException {
        var waiting = unsent.waiting(request.job(), request.biennium().code());
        if (waiting.replaced().containsKey(runId)) {
            return new CatchUp(new Sending(runId, null, 0, 0, waiting.replaced().get(runId), null), waiting.besides(runId));
        }
        if (waiting.run(runId).isEmpty()) {
            return new CatchUp(Sending.none(runId), waiting.besides(runId));
        }
        try {
            return holding(request.biennium().code(), request.output(), runId, () -> new CatchUp(send(request,
                    waiting.run(runId).get(), distribute, false, () -> RunInputs.computedAgain(request)), waiting.besides(runId)));
        } catch (RunLease.Busy busy) {
            LOG.info("run {} waits for its reviewers, and another run holds {}: {}", runId, request.biennium().code(),
                    busy.getMessage());
            return new CatchUp(Sending.none(runId), waiting.runs());
        }
    }

    /** What is done holding a run's lock. */
    @FunctionalInterface
    public interface UnderLock<T> {
        T run() throws IOException;
    }

    /**
     * Sends (or writes) run {@code runId} holding the lock of its biennium and output folder, the one every run holds
     * from its first step to its last: the catch-up of the job's next run and {@code distribute RUN_ID} by hand never send
     * beside each other, beside the run's own distribute step or beside a run publishing there (the second finds who
     * has it already, and skips them). Busy, naming the holder, when a live run holds it.
     */
    public <T> T holding(String biennium, java.nio.file.Path output, String runId, UnderLock<T> sending) throws IOException {
        String folder = output.toString();
        lease.acquire(biennium, folder, runId);
        // Renewed as a run's own lease is: computing the tables again and mailing each reviewer can outlast pb.run.lease,
        // and a lease gone silent would let another run (another scheduler, on PostgreSQL) take the biennium meanwhile.
        try (RunLease.Heartbeat beat = lease.heartbeat(biennium, folder, runId, props.run().heartbeat(), () -> { })) {
            pause.at(CATCH_UP, new org.pbannex.publish.RunFolder(output, biennium, runId), runId);
            T done = sending.run();
            return done;
        } finally {
            lease.release(biennium, folder, runId, false);
        }
    }

    /**
     * The input folder the run read, as its job's parameters keep its request (for a run from an input workbook, the
     * folder it was imported into); empty when this database has no record of the run.
     */
    public java.util.Optional<java.nio.file.Path> inputOf(String runId) {
        return history.find(runId).map(org.pbannex.publish.RunHistory.Entry::jobExecutionId).map(repository::getJobExecution)
                .map(e -> RunParameters.request(e.getJobParameters()).input());
    }

    /** The job's runs of the biennium still waiting to be sent, besides this one (which says of itself). */
    public List<PublishedRun> waitingBesides(RunRequest request, String runId) throws IOException {
        return unsent.waiting(request.job(), request.biennium().code()).besides(runId);
    }

    /**
     * Whether the run is a trial (another input or output folder than the installation's, as the run's first process had
     * them): its job's reviewers are not sent it unasked, as a scratch run is none of the job's (found by an exploratory
     * test: a trial on a copy of the input went to every reviewer as the real one).
     */
    private static boolean trial(JobExecution job) {
        return !job.getExecutionContext().getString(RunListener.TRIAL, "").isEmpty();
    }

    private Sending send(RunRequest request, PublishedRun published, boolean distribute, boolean trial,
                         Supplier<ComputedPublication> computed) throws IOException {
        String job = request.job();
        String biennium = request.biennium().code();
        // Older runs of the job that this one replaced are settled here, as this one is published.
        var waiting = unsent.waiting(job, biennium);
        List<Reviewer> reviewers = reviewers(request);
        if (reviewers.isEmpty()) {
            unsent.settle(job, biennium, published.runId());
            return Sending.none(published.runId());
        }
        if (!distribute || trial) {
            unsent.settle(job, biennium, published.runId());
            return new Sending(published.runId(), null, 0, reviewers.size(), null, null, 0, 0, trial && distribute);
        }
        if (!published.hasWorkbooks()) {
            unsent.settle(job, biennium, published.runId());
            return new Sending(published.runId(), null, 0, 0, null, null, reviewers.size(), 0, false);
        }
        if (waiting.replaced().containsKey(published.runId())) {
            // A restart that completes a run killed once published, after a newer run was published: not sent.
            return new Sending(published.runId(), null, 0, 0, waiting.replaced().get(published.runId()), null);
        }
        try {
            var sent = distributor.distribute(published, computed.get(), reviewers, false, false, request.output(),
                    ReplyBy.of(published, null, ReviewerList.replyWithinDays(props.jobs(), job)));
            int already = (int) sent.stream().filter(d -> d.mode().equals(Distributor.RECEIVED)).count();
            return new Sending(published.runId(), Distributor.sent(sent), already, 0, null, null);
        } catch (Distributor.Refused e) {
            // The others were sent it; the status is distribute's for the same refusal: the reviewers' list to fix.
            return Sending.failed(published.runId(), e.deliveries(), e);
        } catch (Distributor.MailFailed e) {
            return Sending.failed(published.runId(), List.of(), e);
        }
    }

    private List<Reviewer> reviewers(RunRequest request) {
        return ReviewerList.ofJobFile(props.jobs(), request.job(), ReviewerList.listedIn(request.input(), props.input()));
    }
}
