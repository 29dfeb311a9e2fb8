package org.pbannex.cli;

import org.pbannex.ingest.Said;
import org.pbannex.runtime.UsageError;

/**
 * A job file (jobs/NAME.yml) that cannot be used as written: its line says where; the README says how one is written.
 * Its words are a sentence of the texts (report.cause.usage.job.*), stderr's line their English as built.
 */
public class JobFileMistake extends UsageError {

    public JobFileMistake(Said said) {
        super(said.english(), said);
    }
}
