package org.pbannex.cli;

import java.util.concurrent.Callable;
import org.pbannex.runtime.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What the crontab line of {@code schedule --print} runs after a run that failed: a run whose process ended without
 * saying why (killed, out of memory, a Java runtime that failed) or whose start {@code flock} skipped, because the
 * night before still held the lock, could not tell anyone itself; this tells it, as {@code schedule} does for its own
 * runs. A failure the run told itself (exit status 2 to 5) is left alone.
 */
@Command(name = "after-run", mixinStandardHelpOptions = true,
        description = {"Tell a failure the run could not tell itself (for the crontab line of schedule --print).",
                "Given the exit status of ./pb-annex run JOB (or of flock, 75 when the lock was held), it sends the "
                        + "failure notice and notes it in the job's status when the run was killed, its Java runtime failed "
                        + "or its start was skipped; it does nothing for a status pb-annex gives. It ends with that status."})
public class AfterRunCommand implements Callable<Integer> {

    /** flock's exit status for a lock held elsewhere, as the crontab line asks for it ({@code flock -n -E 75}). */
    static final int LOCK_HELD = 75;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<job>", description = "The job that ran (jobs/<job>.yml).")
    String job;

    @Option(names = "--status", required = true, paramLabel = "N", description = "The exit status of its run ($? in the crontab line).")
    int status;

    @Override
    public Integer call() {
        if (FailureNotices.toldByTheRun(status)) {
            return status;
        }
        String name = org.pbannex.runtime.JobName.isValid(job) ? job : "run";
        var how = status == LOCK_HELD ? org.pbannex.ingest.Said.sentence("ended.skipped", "job", name)
                : FailureNotices.howItEnded(status);
        FailureNotices.processEnded(spec.commandLine().getErr(), name, status, how);
        return status == LOCK_HELD ? ExitCodes.INFRASTRUCTURE : status;
    }
}
