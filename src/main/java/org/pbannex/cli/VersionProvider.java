package org.pbannex.cli;

import org.pbannex.publication.CodeVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code pb-annex --version}: the jar version and the git commit of the program's folder (not PB_HOME's data). */
public class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"pb-annex " + CodeVersion.of(PbAnnexApplication.settings().program())};
    }
}
