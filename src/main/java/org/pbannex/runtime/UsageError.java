package org.pbannex.runtime;

import org.pbannex.ingest.Said;

/** The command line or a job file asks for something that does not exist (exit status 2). */
public class UsageError extends RuntimeException implements Worded {

    private final transient Said said;

    public UsageError(String message) {
        this(message, null);
    }

    /** @param said the message in a notice's words (report.cause.*; null: its line) */
    public UsageError(String message, Said said) {
        super(message);
        this.said = said;
    }

    @Override
    public Said said() {
        return said;
    }
}
