package org.pbannex.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.pbannex.config.PbProperties;
import org.pbannex.ingest.ImportedWorkbook;
import org.pbannex.ingest.InputError;
import org.pbannex.ingest.Said;
import org.pbannex.inputbook.InputBookImport;
import org.pbannex.publication.Publication;
import org.pbannex.reference.Biennium;
import org.pbannex.runtime.UsageError;
import picocli.CommandLine.Option;

/**
 * Options shared by the commands that read input: --input here; --biennium in {@link Biennia} (run, check, preflight:
 * one or all) or {@link OneBiennium} (the commands that read one), so that each command's help says what it takes.
 */
public class InputOptions {

    /** --input and a --biennium of one biennium or all. */
    public static class Biennia extends InputOptions {
        @Option(names = "--biennium", paramLabel = "YYYY-YY", description = "The biennium (e.g. 2022-23), or all: each biennium with "
                + "a data folder in turn. Default: for run and preflight, the job's biennia, else the latest data folder in the "
                + "input; for check, every biennium.")
        void biennium(String named) {
            biennium = named;
        }
    }

    /** --input and a --biennium of one biennium. */
    public static class OneBiennium extends InputOptions {
        @Option(names = "--biennium", paramLabel = "YYYY-YY", description = "The biennium (default: the latest data folder in the "
                + "input, e.g. 2022-23); one: all is for run, check and preflight.")
        void biennium(String named) {
            biennium = named;
        }
    }

    @Option(names = "--input", paramLabel = "DIR|XLSX", description = "Input folder (default: input/ of the installation), "
            + "or a workbook made by 'input export' (expenditure lines then come from the installation's input/expenditure/).")
    Path input;

    /** --biennium, of the subclass that takes it (null: none named, or a command without the option). */
    String biennium;

    private Path resolved;
    private PbProperties settings;

    /** The settings of this command, loaded once (binding them is a noticeable part of a quick command such as check). */
    PbProperties settings() {
        if (settings == null) {
            settings = PbAnnexApplication.settings();
        }
        return settings;
    }

    /**
     * The biennia to read: the one named by --biennium (or all of them), else {@code otherwise} (a job's list; empty:
     * the latest data folder). A biennium that is not a biennium or has no data folder is a usage error.
     */
    List<Biennium> biennia(List<String> otherwise) {
        Biennium held = workbookBiennium();
        if (held != null) {
            return List.of(held);
        }
        List<String> named = biennium != null ? List.of(biennium) : otherwise;
        try {
            List<Biennium> read = Publication.biennia(inputDir(), named);
            if (!named.isEmpty() && !(named.size() == 1 && named.get(0).trim().equals(Publication.ALL))) {
                warnOfMisnamedFolders();
            }
            return read;
        } catch (IllegalArgumentException e) {
            throw refused(e);
        }
    }

    /**
     * A biennium that is none or has no data folder, as a usage error: naming the option where it came from --biennium
     * (a job's list is named by the run's own line).
     */
    private UsageError refused(IllegalArgumentException e) {
        return new UsageError(biennium != null ? "--biennium: " + e.getMessage() : e.getMessage());
    }

    /**
     * Another folder's misnamed biennium (2024-2025) does not stop the reading of named biennia, which it does not
     * hold, but is said, so that it is renamed before a run of all or the latest stops on it.
     */
    private void warnOfMisnamedFolders() {
        Publication.misnamedFolders(inputDir()).forEach(w -> System.err.println("pb-annex: warning: " + w));
    }

    /** The one biennium to read: --biennium, else the latest data folder; an unknown one is a usage error. */
    Biennium oneBiennium() {
        Biennium held = workbookBiennium();
        if (held != null) {
            return held;
        }
        if (biennium != null && biennium.trim().equals(Publication.ALL)) {
            throw new UsageError("--biennium all: this command reads one biennium (e.g. --biennium 2022-23); all is for run, check and preflight");
        }
        try {
            Biennium read = Publication.biennium(inputDir(), biennium);
            if (biennium != null && !biennium.isBlank()) {
                warnOfMisnamedFolders();
            }
            return read;
        } catch (IllegalArgumentException e) {
            throw refused(e);
        }
    }

    /**
     * The biennium an input workbook holds, the only one read from it (the earlier biennia beside it in its folder are
     * there for its lines and restatements); null for an input folder. Naming another is a usage error.
     */
    private Biennium workbookBiennium() {
        ImportedWorkbook note = ImportedWorkbook.of(inputDir());
        if (note == null || note.biennium() == null) {
            return null;
        }
        Biennium held = Biennium.parse(note.biennium());
        if (biennium != null && !biennium.equals(note.biennium())) {
            throw new UsageError("--biennium " + biennium + ": " + input + " holds " + note.biennium() + " alone");
        }
        return held;
    }

    /**
     * The input folder; one that cannot be opened is bad input (exit 3) naming the path and what failed. A workbook
     * is checked and imported into a folder of its own under work/imported/, which is then the input folder.
     */
    Path inputDir() {
        if (resolved == null) {
            resolved = resolve();
        }
        return resolved;
    }

    private Path resolve() {
        if (ImportedWorkbook.given(input)) {
            try {
                Path dir = InputBookImport.forRun(input, input.toString(), settings().input(), settings().imported());
                // Said as `input import` says it, on every run or check from the workbook (its folder may be one made before).
                ImportedWorkbook note = ImportedWorkbook.of(dir);
                note.keptOnDisk().forEach(n -> System.out.println("Note: " + n));
                note.warnings().forEach(w -> System.err.println("pb-annex: warning: " + w));
                return dir;
            } catch (IOException e) {
                throw new UncheckedIOException("importing " + input + " into work/imported/: " + e.getMessage(), e);
            }
        }
        Path dir = input == null ? settings().input() : input.toAbsolutePath().normalize();
        if (!Files.exists(dir)) {
            throw new InputError(dir.toString(), 0, "", Said.of("no_input_folder"));
        }
        if (!Files.isDirectory(dir)) {
            throw new InputError(dir.toString(), 0, "", Said.of("cannot_open_folder", "why", Said.of("why.a_file")));
        }
        if (!Files.isReadable(dir) || !Files.isExecutable(dir)) {
            throw new InputError(dir.toString(), 0, "", Said.of("cannot_open_folder", "why", Said.of("why.permission_denied")));
        }
        return dir;
    }
}
