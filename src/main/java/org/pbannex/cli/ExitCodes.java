package org.pbannex.cli;

import org.pbannex.ingest.InputError;
import org.pbannex.publication.ReconciliationFailed;

/** The exit statuses of the DESIGN.md contract, and which failure maps to which. */
public final class ExitCodes {

    public static final int PUBLISHED = 0;
    public static final int USAGE = 2;
    public static final int INVALID_INPUT = 3;
    public static final int CHECK_FAILED = 4;
    public static final int INFRASTRUCTURE = 5;

    private ExitCodes() {
    }

    /** The exit status for a failure, looking through wrappers for its cause. */
    public static int of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InputError) {
                return INVALID_INPUT;
            }
            if (t instanceof ReconciliationFailed) {
                return CHECK_FAILED;
            }
        }
        return INFRASTRUCTURE;
    }

    /** The one line printed on stderr: the most specific message in the cause chain. */
    public static String message(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InputError || t instanceof ReconciliationFailed) {
                return t.getMessage();
            }
        }
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return m.replaceAll("\\s+", " ");
    }
}
