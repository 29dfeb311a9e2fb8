package org.pbannex.runtime;

/**
 * What a job's name may be: letters, digits, '_' and '-'. It names the file jobs/NAME.yml and the files kept for the
 * job (its status, its reviewers), so a name that passes can never reach a file outside those folders.
 */
public final class JobName {

    private JobName() {
    }

    public static boolean isValid(String name) {
        return name != null && name.matches("[A-Za-z0-9_-]+");
    }
}
