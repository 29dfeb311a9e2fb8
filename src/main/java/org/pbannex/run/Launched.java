package org.pbannex.run;

import org.springframework.batch.core.job.JobExecution;

/** How a launch ended: the job ran, or there was nothing to do ({@link RunAdmission.NothingToDo}). */
public sealed interface Launched permits Launched.Ran, RunAdmission.NothingToDo {

    /** The job ran (its execution says how it ended). */
    record Ran(JobExecution execution, String runId) implements Launched {
    }
}
