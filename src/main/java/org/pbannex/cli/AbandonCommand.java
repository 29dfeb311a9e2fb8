package org.pbannex.cli;

import java.util.concurrent.Callable;
import org.pbannex.runtime.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Drops a failed (or dead) run so that the next run of the same inputs starts afresh instead of restarting it. */
@Command(name = "abandon", mixinStandardHelpOptions = true,
        // The first line is the command's summary in `pb-annex --help`: one whole sentence.
        description = {"Drop a run that failed or whose process died, so that the next run starts afresh.",
                "The next run of the same inputs starts a new run instead of restarting this one, and the run's staging and "
                        + "work folders are removed. A run still running is refused (exit status 5)."})
public class AbandonCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_ID", description = "The run to drop (see pb-annex history).")
    String runId;

    @Override
    public Integer call() throws Exception {
        try (SpringRuntime spring = SpringRuntime.start("abandon " + runId)) {
            String what = spring.bean(org.pbannex.run.RunAbandonment.class).abandon(runId);
            System.out.println(what);
            return ExitCodes.PUBLISHED;
        }
    }
}
