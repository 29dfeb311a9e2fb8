package org.pbannex.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The output folder option shared by the commands that publish runs or read published ones. */
public class OutputOptions {

    @Option(names = "--output", paramLabel = "DIR", description = "Where the runs are published (default: output/ of the installation).")
    Path output;

    /** The option's folder, absolute, or the configured output folder (pb.output). */
    Path outputDir() {
        return output == null ? PbAnnexApplication.settings().output() : output.toAbsolutePath().normalize();
    }
}
