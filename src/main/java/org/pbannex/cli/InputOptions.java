package org.pbannex.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.pbannex.ingest.InputError;
import picocli.CommandLine.Option;

/** Options shared by the commands that read input. */
public class InputOptions {

    @Option(names = "--input", paramLabel = "DIR", description = "Input folder (default: input/ of the installation).")
    Path input;

    @Option(names = "--biennium", paramLabel = "YYYY-YY", description = "Biennium to run (default: the latest data folder in the input, e.g. 2022-23).")
    String biennium;

    /** The input folder; one that cannot be opened is bad input (exit 3) naming the path and what failed. */
    Path inputDir() {
        Path dir = (input == null ? PbAnnexApplication.home().resolve("input") : input).toAbsolutePath().normalize();
        if (!Files.exists(dir)) {
            throw new InputError(dir.toString(), 0, "", "cannot open the input folder: it does not exist");
        }
        if (!Files.isDirectory(dir)) {
            throw new InputError(dir.toString(), 0, "", "cannot open the input folder: it is a file, not a folder");
        }
        if (!Files.isReadable(dir) || !Files.isExecutable(dir)) {
            throw new InputError(dir.toString(), 0, "", "cannot open the input folder: permission denied");
        }
        return dir;
    }
}
