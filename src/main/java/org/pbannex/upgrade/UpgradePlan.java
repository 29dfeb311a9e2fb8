package org.pbannex.upgrade;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.pbannex.ingest.DataPackage;
import org.pbannex.runtime.Counted;

/**
 * What a data folder's input (PB_HOME's) lacks of the program's input after the program was updated, and the files
 * that bring it in step (tester 78a, F2, F3): the schema files replaced by the program's (they describe the program's
 * input; nobody edits them), texts.csv merged ({@link TextsMerge}), the other reference files given the program's new
 * columns ({@link ReferenceColumns}) and its new reference files. The biennia's folders are the user's data: what they
 * lack is only said ({@link BienniumColumns}). Reads both folders, writes nothing ({@link UpgradeWriter} does).
 *
 * @param changes the files to write, in order
 * @param notes   what is said and left as it is (rows of the installation's own wording, the biennia's missing columns)
 */
public record UpgradePlan(Path dataInput, Path programInput, List<FileChange> changes, List<String> notes) {

    /** The files that describe the program's input: the program's copy replaces the data folder's. */
    static final List<String> SCHEMA_FILES = List.of(DataPackage.FILE, "reviewers.datapackage.json");
    static final String REFERENCE = "reference";
    static final String TEXTS = REFERENCE + "/texts.csv";
    /**
     * What the line of a file the folder lacked says: the upgrade keeps no copy of it, so a rollback removes it (README,
     * "Rolling back": every such line says it alike, fix 80c).
     */
    public static final String NEW = "copied from the program (new)";

    /** Whether the data folder's input is the program's own (PB_HOME unset or the program's folder): nothing to upgrade. */
    public static boolean sameFolder(Path dataInput, Path programInput) {
        try {
            return Files.isSameFile(dataInput, programInput);
        } catch (IOException e) {
            return dataInput.toAbsolutePath().normalize().equals(programInput.toAbsolutePath().normalize());
        }
    }

    public static UpgradePlan of(Path dataInput, Path programInput) {
        List<FileChange> changes = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String schema : SCHEMA_FILES) {
            schemaFile(dataInput, programInput, schema, changes);
        }
        texts(dataInput, programInput, changes, notes);
        DataPackage schema = Files.isRegularFile(programInput.resolve(DataPackage.FILE)) ? DataPackage.load(programInput) : null;
        for (Path theirs : referenceFiles(programInput)) {
            String file = REFERENCE + "/" + theirs.getFileName();
            if (!file.equals(TEXTS)) {
                referenceFile(dataInput.resolve(file), theirs, file, primaryKey(schema, file), changes, notes);
            }
        }
        if (schema != null) {
            BienniumColumns.lacking(dataInput, programInput, schema).forEach(notes::add);
        }
        return new UpgradePlan(dataInput, programInput, List.copyOf(changes), List.copyOf(notes));
    }

    /** The files the plan adds (the folder has none of that name): a rollback removes them, having no kept copy. */
    public List<String> added() {
        return changes.stream().map(FileChange::file).filter(f -> !Files.exists(dataInput.resolve(f))).toList();
    }

    /** What the data folder's input lacks, in a few words (empty: in step): preflight's and check's line. */
    public String behind() {
        return String.join("; ", changes.stream().map(FileChange::behind).toList());
    }

    private static void schemaFile(Path dataInput, Path programInput, String name, List<FileChange> changes) {
        Path theirs = programInput.resolve(name);
        Path ours = dataInput.resolve(name);
        if (!Files.isRegularFile(theirs)) {
            return;
        }
        byte[] content = bytes(theirs);
        if (!Files.isRegularFile(ours)) {
            changes.add(new FileChange(name, content, NEW + ": the schema of its input files", name + " missing"));
        } else if (!Arrays.equals(content, bytes(ours))) {
            changes.add(new FileChange(name, content, "replaced by the program's (the schema of its input files)", name + " differs"));
        }
    }

    private static void texts(Path dataInput, Path programInput, List<FileChange> changes, List<String> notes) {
        Path theirs = programInput.resolve(TEXTS);
        Path ours = dataInput.resolve(TEXTS);
        if (!Files.isRegularFile(theirs)) {
            return;
        }
        if (!Files.isRegularFile(ours)) {
            changes.add(new FileChange(TEXTS, bytes(theirs), NEW, "texts.csv missing"));
            return;
        }
        TextsMerge m = TextsMerge.of(CsvRows.read(ours), CsvRows.read(theirs));
        if (!m.ownWords().isEmpty()) {
            notes.add(TEXTS + ": " + Counted.of(m.ownWords().size(), "row", "rows") + " worded otherwise than the program's, "
                    + "with the same placeholders, kept as the installation's own wording (" + listed(m.ownWords()) + ")");
        }
        if (!m.notInProgram().isEmpty()) {
            notes.add(TEXTS + ": " + Counted.of(m.notInProgram().size(), "key", "keys") + " the program's copy does not have, "
                    + "kept (" + listed(m.notInProgram()) + ")");
        }
        if (!m.changes()) {
            return;
        }
        List<String> what = new ArrayList<>();
        List<String> behind = new ArrayList<>();
        if (!m.added().isEmpty()) {
            what.add(Counted.of(m.added().size(), "key", "keys") + " added");
            behind.add(Counted.of(m.added().size(), "text key", "text keys") + " missing");
        }
        if (!m.replaced().isEmpty()) {
            what.add(Counted.of(m.replaced().size(), "row", "rows") + " replaced by the program's, whose placeholders changed ("
                    + listed(m.replaced()) + ")");
            behind.add(Counted.of(m.replaced().size(), "text", "texts") + " with old placeholders");
        }
        changes.add(new FileChange(TEXTS, m.merged().bytes(), String.join("; ", what), String.join(", ", behind)));
    }

    private static void referenceFile(Path ours, Path theirs, String file, List<String> key, List<FileChange> changes,
            List<String> notes) {
        String name = theirs.getFileName().toString();
        if (!Files.isRegularFile(ours)) {
            changes.add(new FileChange(file, bytes(theirs), NEW, name + " missing"));
            return;
        }
        CsvRows program = CsvRows.read(theirs);
        ReferenceColumns c = ReferenceColumns.of(CsvRows.read(ours), program);
        // Rows the update changed without a column: said, never written over (the installation's own rows).
        RowDifferences rows = RowDifferences.of(c.upgraded(), program, key);
        if (!rows.none()) {
            notes.add(rows.note(file, ours, theirs));
        }
        if (c.added().isEmpty()) {
            return;
        }
        String columns = (c.added().size() == 1 ? "column " : "columns ") + String.join(", ", c.added());
        changes.add(new FileChange(file, c.upgraded().bytes(), columns + " added, filled from the program's rows"
                + (c.unmatched().isEmpty() ? "" : "; left empty in the rows the program's copy has no key of: "
                + String.join(", ", c.unmatched())), name + " lacks " + String.join(", ", c.added())));
    }

    /** The primary key the schema gives the file at {@code path} in input/ (empty: none, or no schema). */
    static List<String> primaryKey(DataPackage schema, String path) {
        return schema == null ? List.of() : schema.resources().stream().filter(r -> r.path().equals(path)).findFirst()
                .map(org.pbannex.ingest.Resource::primaryKey).orElse(List.of());
    }

    private static List<Path> referenceFiles(Path programInput) {
        Path dir = programInput.resolve(REFERENCE);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".csv") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + dir + ": " + e.getMessage(), e);
        }
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file + ": " + e.getMessage(), e);
        }
    }

    /** Keys named, the first ten: a long list is counted above. */
    static String listed(List<String> keys) {
        return String.join(", ", keys.subList(0, Math.min(10, keys.size()))) + (keys.size() > 10 ? ", ..." : "");
    }
}
