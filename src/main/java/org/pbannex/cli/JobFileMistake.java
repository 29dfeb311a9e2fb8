package org.pbannex.cli;

import org.pbannex.runtime.UsageError;

/** A job file (jobs/NAME.yml) that cannot be used as written: its line says where; the README says how one is written. */
public class JobFileMistake extends UsageError {

    public JobFileMistake(String message) {
        super(message);
    }
}
