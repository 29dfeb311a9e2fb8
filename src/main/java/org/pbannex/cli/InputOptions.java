package org.pbannex.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by the commands that read input. */
public class InputOptions {

    @Option(names = "--input", paramLabel = "DIR", description = "Input folder (default: input/ of the installation).")
    Path input;

    @Option(names = "--biennium", paramLabel = "YYYY-YY", description = "Biennium to run (default: the latest data folder in the input, e.g. 2022-23).")
    String biennium;

    Path inputDir() {
        return input == null ? PbAnnexApplication.settings().input() : input.toAbsolutePath().normalize();
    }
}
