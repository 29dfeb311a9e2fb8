package org.pbannex.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pbannex.config.PbProperties;
import org.pbannex.publication.RunRenderer;
import org.pbannex.publish.RunFolder;
import org.pbannex.runtime.ExitCodes;
import org.pbannex.warm.WarmServer;
import org.pbannex.warm.WarmServer.WarmUp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pb-annex serve}: the warm process, for a working session of "fix an input, regenerate, look": the launcher
 * starts it in the background ({@code ./pb-annex serve}) and then hands it the commands run from the same folder, which
 * start in it without the JVM's and the libraries' start-up. Here, run by the launcher, it serves in the foreground.
 * With --stop or --status it reaches this class only when no warm process runs (the launcher hands them to it).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        // The first line is the command's summary in `pb-annex --help`: one whole sentence.
        description = {"Keep a warm process that runs this folder's commands without start-up.",
                "./pb-annex serve starts it in the background; it ends after PB_SERVE_IDLE, default 60m, without a command. "
                        + "A run or check typed at a terminal starts one too, when none runs (15m idle; PB_WARM=off: never).",
                "Commands are taken only from the folder it was started in, with the same settings in the environment; "
                        + "any other runs as a process of its own. PB_WARM=off runs one command without it."})
public class ServeCommand implements Callable<Integer> {

    @Option(names = "--stop", description = "End the warm process (after the command it is running).")
    boolean stop;

    @Option(names = "--status", description = "Say whether a warm process runs, and what it has done.")
    boolean status;

    @Override
    public Integer call() throws IOException {
        if (stop || status) {
            System.out.println("pb-annex: no warm process runs for this folder");
            return ExitCodes.PUBLISHED;
        }
        PbProperties settings = PbAnnexApplication.settings();
        WarmServer server = new WarmServer(PbAnnexApplication::execute, settings.serveDir(), settings.serve().idle(),
                programFiles(settings));
        return server.serve(() -> {
            // A process that serves many runs keeps the heap it grew: collecting it mid-run would cost every run time
            // and, the collector then sizing the heap to what was live, leave it larger (RunRenderer).
            RunRenderer.servingManyRuns();
            if (settings.serve().warmUp()) {
                warmUp(server);
            }
        }, endpoint -> System.out.println("pb-annex: warm process ready (" + endpoint + ")"));
    }

    /** The warm-up in a scratch folder that lives only as long as the warm-up, not as long as the process. */
    private static void warmUp(WarmServer server) {
        try {
            Path scratch = Files.createTempDirectory("pb-annex-warm-up");
            try {
                server.warmUp(warmUps(scratch));
            } finally {
                RunFolder.deleteTree(scratch);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("warm-up scratch folder: " + e.getMessage(), e);
        }
    }

    /**
     * Every edition and format of the regenerate job, into a scratch folder, database and status, and a check: what a session
     * runs. It sends no mail (--no-distribute), whatever the job file says.
     */
    private static List<WarmUp> warmUps(Path scratch) {
        Map<String, String> scratchRun = Map.of(
                "spring.datasource.url", "jdbc:h2:file:" + scratch.resolve("db/pb-annex")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                // Not a run of the installation's: its status (status, back to normal) is not told of it.
                "pb.status", scratch.resolve("status").toString());
        return List.of(new WarmUp(Map.of(), List.of("check")),
                new WarmUp(scratchRun, List.of("run", "regenerate", "--lang", "zh,en", "--force", "--no-distribute",
                        "--output", scratch.resolve("output").toString())));
    }

    /**
     * The program's files: the jar these classes come from, and the launcher's jar when there is one (in the program's
     * folder, which PB_HOME's data folder is not), whose rebuild ends the process.
     */
    private static List<Path> programFiles(PbProperties settings) {
        List<Path> files = new ArrayList<>();
        try {
            files.add(Path.of(ServeCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (java.net.URISyntaxException | RuntimeException e) {
            // Unknown: the launcher's jar still tells a rebuild.
        }
        Path built = settings.program().resolve("target/pb-annex.jar");
        if (Files.exists(built) && !files.contains(built)) {
            files.add(built);
        }
        return files;
    }
}
