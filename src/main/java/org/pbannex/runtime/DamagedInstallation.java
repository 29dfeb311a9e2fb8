package org.pbannex.runtime;

/**
 * A file of the installation that a run needs is there but damaged (the PDFs' font cut short): its one line says which
 * file, why, and the command that puts it right; exit status 5, as for anything else around the input that fails.
 */
public final class DamagedInstallation extends RuntimeException {

    public DamagedInstallation(String message, Throwable cause) {
        super(message, cause);
    }
}
