package org.pbannex.batch;

import java.io.IOException;
import org.pbannex.config.PbProperties;
import org.pbannex.distribute.Distributor;
import org.pbannex.distribute.ReplyBy;
import org.pbannex.publish.PublishedRun;
import org.pbannex.distribute.ReviewerList;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.stereotype.Component;

/**
 * The distribute step's service, after publish: sends the published run to the job's reviewers (none: nothing to do). A
 * mail failure does not fail the run, which is published: it is left in the job's context for the command to report
 * (one line, exit status 5), and recorded in the distribution log. A run started with --no-distribute sends nothing
 * and says how many reviewers it held back.
 */
@Component
public class RunDistribution {

    /** The one line saying why the distribution failed, in the job's execution context. */
    public static final String FAILED = "distributionFailed";
    /** How many reviewers the run was sent to. */
    public static final String SENT = "distributedTo";
    /** How many reviewers the run was not sent to, as the command asked (--no-distribute). */
    public static final String HELD = "distributionHeld";

    private final RunInputs inputs;
    private final Distributor distributor;
    private final PbProperties props;

    public RunDistribution(RunInputs inputs, Distributor distributor, PbProperties props) {
        this.inputs = inputs;
        this.distributor = distributor;
        this.props = props;
    }

    public void distribute(RunInfo run, StepContribution contribution) throws IOException {
        var request = run.request();
        var reviewers = ReviewerList.ofJobFile(props.jobs(), request.job(), request.input());
        if (reviewers.isEmpty()) {
            return;
        }
        var job = contribution.getStepExecution().getJobExecution();
        var ctx = job.getExecutionContext();
        if (!RunParameters.distributes(job.getJobParameters())) {
            ctx.putInt(HELD, reviewers.size());
            return;
        }
        try {
            var published = PublishedRun.read(RunInputs.folder(run).published());
            var sent = distributor.distribute(published, inputs.computed(run), reviewers, false, request.output(),
                    ReplyBy.of(published, null, ReviewerList.replyWithinDays(props.jobs(), request.job())));
            contribution.incrementWriteCount(sent.size());
            ctx.putInt(SENT, sent.size());
        } catch (Distributor.MailFailed e) {
            ctx.putString(FAILED, e.getMessage());
        }
    }
}
