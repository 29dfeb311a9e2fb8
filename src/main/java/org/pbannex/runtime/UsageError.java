package org.pbannex.runtime;

/** The command line or a job file asks for something that does not exist (exit status 2). */
public class UsageError extends RuntimeException {

    public UsageError(String message) {
        super(message);
    }
}
