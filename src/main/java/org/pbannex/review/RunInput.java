package org.pbannex.review;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.pbannex.ingest.DataPackage;
import org.pbannex.ingest.InputError;
import org.pbannex.ingest.InputFolder;
import org.pbannex.ingest.InputSet;
import org.pbannex.ingest.Record;
import org.pbannex.ingest.Resource;
import org.pbannex.ingest.Said;
import org.pbannex.publication.Publication;
import org.pbannex.publish.PublishedRun;
import org.pbannex.publish.RunFolder;

/**
 * The input a run read, kept in its folder ({@value #FILE}: its CSV files and datapackage.json, about 60 kB) so that a
 * workbook returned after the input changed is traced in the input the run read, not guessed from today's: each cell's
 * kind and sources are the run's, and its input cells are then found in today's input by their record's primary key
 * ({@link #relocated}), so --apply writes the record the run read, wherever its line is now, or says that it is gone.
 * The expenditure lines are not kept (1 MB and more; a figure summed from them is named by its selection, not by lines).
 */
public final class RunInput implements AutoCloseable {

    /** The copy in the run folder. */
    public static final String FILE = PublishedRun.INPUT_COPY;

    /**
     * The folder of the copy that holds the program's own copies whose rows the run read beneath its data folder's files
     * (the manifest's program_inputs: {@code .program/reference/texts.csv}): a name beginning with a dot is never a file of
     * an input folder (InputFolder.isInput), so it cannot be taken for one of the data folder's files, nor they for it.
     */
    public static final String PROGRAM = ".program";

    private final Path folder;
    private final Path zip;
    private final InputSet inputs;

    private RunInput(Path folder, Path zip, InputSet inputs) {
        this.folder = folder;
        this.zip = zip;
        this.inputs = inputs;
    }

    /**
     * Writes the copy of the input into the run's staging folder: the files {@code in} was read from, each checked
     * against the checksum the run read it with (a file changed since, the run compared the folder's records just
     * before, stops the run, so the copy is never another input than the one the run's figures come from), and every
     * other file of the input that the run's reading may ask for (those datapackage.json describes, in every biennium
     * folder): the shared reference/units.csv that 2024-25/reference/units.csv replaces is still read for the
     * expenditure lines of biennia without a folder of their own, and the previous biennium's folder for restatements.
     * The copy as a whole is checked by the manifest's checksum of {@value #FILE}.
     */
    public static void keep(InputSet in, Path staging) throws IOException {
        Path zip = staging.resolve(FILE);
        Map<String, Kept> files = new TreeMap<>();
        for (String rel : describedFiles(in.inputDir())) {
            files.put(rel, new Kept(in.inputDir().resolve(rel), null));
        }
        in.files().values().forEach(f -> files.put(f.path(), new Kept(in.inputDir().resolve(f.path()), f.sha256())));
        // how the files are read (its own checksum is not the manifest's to give)
        files.put(DataPackage.FILE, new Kept(in.inputDir().resolve(DataPackage.FILE), null));
        // The program's own texts whose rows the run read beneath the folder's (an older data folder's texts lacking
        // keys): the words the run used that its input folder does not hold, kept as the manifest's program_inputs give them.
        DataPackage pkg = DataPackage.load(in.inputDir());
        for (InputSet.ProgramFile p : in.programFiles()) {
            files.put(programEntry(pkg.resource(p.resource())), new Kept(Path.of(p.path()), p.sha256()));
        }
        // A full disk is said with the copy's path (a zip stream's own exception names none).
        org.pbannex.runtime.WriteFailed.naming(zip, () -> zip(files, zip));
    }

    /** A file of the copy: where it is read from, and the checksum the run read it with (null: none to check). */
    private record Kept(Path from, String sha256) {
    }

    /** Where the copy keeps the program's own copy of a resource's shared file: under {@value #PROGRAM}, at its path. */
    private static String programEntry(Resource r) {
        return PROGRAM + "/" + r.path();
    }

    private static void zip(Map<String, Kept> files, Path zip) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (var f : files.entrySet()) {
                byte[] bytes = Files.readAllBytes(f.getValue().from());
                if (f.getValue().sha256() != null && !f.getValue().sha256().equals(sha256(bytes))) {
                    throw new InputError(f.getValue().from().toString(), 0, "", Said.of("changed_during_run"));
                }
                out.putNextEntry(new ZipEntry(f.getKey()));
                out.write(bytes);
                out.closeEntry();
            }
        }
    }

    /**
     * The files of the input folder that datapackage.json describes and that are there (paths under it): each shared
     * file, and each biennium folder's files and own copies of shared files.
     */
    static java.util.Set<String> describedFiles(Path inputDir) {
        List<Resource> resources = DataPackage.load(inputDir).resources();
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (Resource r : resources) {
            if (!r.perBiennium()) {
                out.add(r.path());
            }
            for (var b : org.pbannex.reference.Biennium.foldersIn(inputDir)) {
                out.add(r.perBiennium() ? r.pathFor(b.code()) : r.overridePathFor(b.code()));
            }
        }
        out.removeIf(rel -> !Files.isRegularFile(inputDir.resolve(rel)) || !InputFolder.isInput(inputDir, inputDir.resolve(rel)));
        return out;
    }

    /**
     * The input the run kept, read as the run read it, in a folder of its own until {@link #close}; empty for a run
     * published before runs kept it. A copy that is not the one the run published (the manifest's checksum of it, and of
     * each file the run read) is refused. An error in reading it names the copy, never the temporary folder it is read
     * in: it is the run folder's, not the user's input that is at fault.
     */
    public static Optional<RunInput> open(PublishedRun run) throws IOException {
        Path zip = run.folder().resolve(FILE);
        if (!Files.isRegularFile(zip)) {
            return Optional.empty();
        }
        String shownZip = InputFolder.shown(zip);
        String listed = org.pbannex.publish.ManifestWriter.outputs(run.folder()).stream().filter(o -> o.path().equals(FILE))
                .map(o -> o.sha256()).findFirst().orElse(null);
        if (listed != null && !listed.equals(InputSet.sha256(zip))) {
            throw new InputError(shownZip, 0, "", Said.of("copy_checksum"));
        }
        Path folder = Files.createTempDirectory("pb-annex-run-input-");
        try {
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
                for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                    Path to = folder.resolve(e.getName()).normalize();
                    if (!to.startsWith(folder) || e.isDirectory()) {
                        throw new InputError(shownZip, 0, "", Said.of("copy_holds", "entry", e.getName()));
                    }
                    Files.createDirectories(to.getParent());
                    try (OutputStream out = Files.newOutputStream(to)) {
                        in.transferTo(out);
                    }
                    String expected = run.inputSha256().get(e.getName()); // the program's copies: checked below
                    if (expected != null && !InputSet.sha256(to).equals(expected)) {
                        throw new InputError(shownZip, 0, "", Said.of("copy_file_checksum", "entry", e.getName()));
                    }
                }
            }
            if (!run.programInputs().isEmpty()) {
                DataPackage pkg = DataPackage.load(folder);
                for (InputSet.ProgramFile p : run.programInputs()) {
                    String entry = programEntry(pkg.resource(p.resource()));
                    Path kept = folder.resolve(entry);
                    if (Files.isRegularFile(kept) && !InputSet.sha256(kept).equals(p.sha256())) {
                        throw new InputError(shownZip, 0, "", Said.of("copy_file_checksum", "entry", entry));
                    }
                }
            }
            RunInput kept = new RunInput(folder, zip, null);
            return Optional.of(new RunInput(folder, zip, kept.reading(() -> Publication.ingest(folder,
                    org.pbannex.reference.Biennium.parse(run.biennium())))));
        } catch (IOException | RuntimeException e) {
            RunFolder.deleteTree(folder);
            throw e;
        }
    }

    /** The folder the copy is read in, until {@link #close}. */
    public Path folder() {
        return folder;
    }

    /**
     * What {@code read} gives, reading this copy (a data folder's texts over the program's copy of them that the run
     * kept, where it kept one); an input error of a file in it named as the copy's
     * ({@code output/2024-25/<run>/input.zip, reference/units.csv: ...}), not by the temporary folder.
     */
    public <T> T reading(java.util.function.Supplier<T> read) {
        Path program = folder.resolve(PROGRAM);
        try {
            // The program's texts the run read beneath its folder's, where it kept them: its words, not today's.
            return Files.isDirectory(program) ? org.pbannex.ingest.ProgramInput.keptBeneath(program, read) : read.get();
        } catch (InputError e) {
            Path bad = Path.of(e.file()).toAbsolutePath().normalize();
            if (!bad.startsWith(folder.toAbsolutePath().normalize())) {
                throw e;
            }
            String rel = folder.toAbsolutePath().normalize().relativize(bad).toString().replace('\\', '/');
            throw new InputError(InputFolder.shown(zip), 0, "", Said.of("copy_unreadable", "error", e.said(rel)));
        }
    }

    /** The input as the run read it. */
    public InputSet inputs() {
        return inputs;
    }

    /**
     * The same input cells in today's input: each of a record the run read, in the record of today's file with the
     * same primary key (its line now, its file as today's input names it); a record no longer there keeps its field
     * with line 0 and the key it had ({@code gone}). Cells that are no record's (expenditure lines) are as they were.
     */
    List<CellSources.InputCell> relocated(List<CellSources.InputCell> cells, InputSet today, DataPackage pkg) {
        List<CellSources.InputCell> out = new ArrayList<>();
        for (CellSources.InputCell c : cells) {
            if (c.line() <= 0 || !c.selection().isEmpty() || !pkg.has(c.resource())) {
                out.add(c);
                continue;
            }
            Resource r = pkg.resource(c.resource());
            Record was = recordsAt(c.resource()).get(c.file() + "\t" + c.line());
            if (was == null) { // not a line the run read: cannot be (the cell was traced in this input)
                throw new IllegalStateException("no record at " + c.file() + " line " + c.line());
            }
            String key = key(r, was);
            Record now = keyed(today, r).get(key);
            out.add(now != null ? new CellSources.InputCell(c.resource(), now.file(), now.line(), c.column())
                    : CellSources.InputCell.gone(c.resource(), today.sourceName(c.resource()), c.column(),
                    r.primaryKey().stream().map(f -> f + " = " + was.text(f)).collect(Collectors.joining(", "))));
        }
        return out;
    }

    private final Map<String, Map<String, Record>> byLine = new HashMap<>();
    private final Map<InputSet, Map<String, Map<String, Record>>> byKey = new java.util.IdentityHashMap<>();

    private Map<String, Record> recordsAt(String resource) {
        return byLine.computeIfAbsent(resource, r -> {
            Map<String, Record> m = new HashMap<>();
            inputs.table(r).forEach(x -> m.put(x.file() + "\t" + x.line(), x));
            return m;
        });
    }

    private Map<String, Record> keyed(InputSet in, Resource r) {
        return byKey.computeIfAbsent(in, x -> new HashMap<>()).computeIfAbsent(r.name(), n -> {
            Map<String, Record> m = new LinkedHashMap<>();
            in.table(n).forEach(x -> m.put(key(r, x), x));
            return m;
        });
    }

    private static String key(Resource r, Record record) {
        return r.primaryKey().stream().map(record::text).collect(Collectors.joining("\u0000"));
    }

    @Override
    public void close() throws IOException {
        RunFolder.deleteTree(folder);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
