package org.pbannex.runtime;

import org.pbannex.ingest.Said;

/**
 * A run's staging folder, or an output in it, gone from under the run while it rendered (the output folder removed or
 * moved from outside): the run fails with exit status 5, publishes nothing, and what it staged and handed between steps
 * is removed once its render threads have stopped (RunListener), so that the same command runs it again from the start
 * and leaves no staging folder beside the next published run.
 */
public final class StagingRemoved extends java.io.IOException implements Worded {

    /** The line in the texts' words (report.cause.staging_removed), for the run's report and notice in their language. */
    private final transient Said said;

    /**
     * @param file the output the run staged, or was about to stage, that is not there
     */
    public StagingRemoved(String runId, String file, java.nio.file.Path staging) {
        this(Said.cause("staging_removed", "run", runId, "file", file, "folder", staging.toString()));
    }

    private StagingRemoved(Said said) {
        super(said.english());
        this.said = said;
    }

    @Override
    public Said said() {
        return said;
    }
}
