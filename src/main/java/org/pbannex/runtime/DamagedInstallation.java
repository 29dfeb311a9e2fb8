package org.pbannex.runtime;

import org.pbannex.ingest.Said;

/**
 * A file of the installation that a run needs is there but damaged (the PDFs' font cut short): its one line says which
 * file, why, and the command that puts it right; exit status 5, as for anything else around the input that fails. Its
 * words are those of the damage found ({@link Worded}, where it has them).
 */
public final class DamagedInstallation extends RuntimeException implements Worded {

    public DamagedInstallation(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public Said said() {
        return getCause() instanceof Worded w ? w.said() : null;
    }
}
