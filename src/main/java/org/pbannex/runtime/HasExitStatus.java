package org.pbannex.runtime;

/** A failure that knows its exit status, where its class alone would not give it (one line, its own message). */
public interface HasExitStatus {

    int exitStatus();
}
