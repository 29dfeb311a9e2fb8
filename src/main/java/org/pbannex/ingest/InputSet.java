package org.pbannex.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every resource of the input folder for one biennium, validated against its schema and foreign keys,
 * with the SHA-256 and row count of each file (recorded in the run manifest).
 */
public final class InputSet {

    /** A file read: its name as shown to users, checksum and row count. */
    public record InputFile(String resource, String path, String sha256, int rows) {
    }

    /**
     * The program's own copy of a file whose rows were read beneath the data folder's (ProgramTexts): its resource, the
     * file in full, its SHA-256 and rows, and how many of its keys the texts read took from it.
     */
    public record ProgramFile(String resource, String path, String sha256, int rows, int keysUsed) {
    }

    private final Path inputDir;
    private final String biennium;
    private final Map<String, CsvTable> tables;
    /** Each file read, its checksum not yet computed (""): {@link #files} computes them when first asked. */
    private final Map<String, InputFile> read;
    /** {@link #read} with the checksums, once asked for (a check never does: SHA-256 in cold code costs it 20-30 ms). */
    private volatile Map<String, InputFile> files;
    private final Map<String, SourceName> sources;
    private final Map<String, CsvTable> shared;
    private final Map<String, CsvTable> own;
    private final List<Resource> resources;
    /** What reading the files found to say that stops nothing: the program's texts read beneath the folder's (ProgramTexts). */
    private final List<InputWarning> warnings;
    /** The program's copies whose rows were read beneath the folder's files (their checksums computed when asked for). */
    private final Map<String, ProgramTexts.Beneath> beneath;
    /** The resources read on this thread while {@link #reading} records them (null: not recording). */
    private final ThreadLocal<Set<String>> reads = new ThreadLocal<>();

    /** A value built from the input, with the resources its building read. */
    public record Read<T>(T value, Set<String> resources) {
    }

    private InputSet(Path inputDir, String biennium, Map<String, CsvTable> tables, Map<String, InputFile> files,
                     Map<String, SourceName> sources, Map<String, CsvTable> shared, Map<String, CsvTable> own,
                     List<Resource> resources, List<InputWarning> warnings, Map<String, ProgramTexts.Beneath> beneath) {
        this.warnings = List.copyOf(warnings);
        this.beneath = beneath;
        this.inputDir = inputDir;
        this.biennium = biennium;
        this.tables = tables;
        this.read = files;
        this.sources = sources;
        this.shared = shared;
        this.own = own;
        this.resources = List.copyOf(resources);
    }

    /**
     * Reads and validates every resource. Errors name each file by its path under the input folder
     * ({@code input/2022-23/budget.csv}), or, in a folder made from an input workbook, by the workbook's sheet and row.
     */
    /**
     * Reads and validates every resource. A shared file that the biennium's folder has its own version of
     * ({@code 2024-25/reference/units.csv}) is replaced by it, or, for a resource that merges by key (texts), has its
     * rows replaced key by key; the biennium's file is validated the same way and named by its own path.
     */
    public static InputSet load(Path inputDir, String biennium) {
        List<Resource> resources = DataPackage.load(inputDir).resources();
        refuseUnknownOwnReference(inputDir, biennium, resources);
        return load(inputDir, biennium, naming(inputDir), resources);
    }

    private static SourceName byPath(Path inputDir, String rel) {
        return SourceName.file(InputFolder.shownName(inputDir, rel));
    }

    /**
     * How messages name a resource's file (by its path under the folder): by that path; in a folder made from an input
     * workbook, by the workbook's sheet, or, for a file the workbook does not hold, by the file it was copied from.
     */
    private static BiFunction<Resource, String, SourceName> naming(Path inputDir) {
        ImportedWorkbook workbook = ImportedWorkbook.of(inputDir);
        return workbook != null ? workbook::source : (r, rel) -> byPath(inputDir, rel);
    }

    /**
     * A CSV file in the biennium's reference folder that replaces no shared file (region.csv for regions.csv, units.CSV
     * for units.csv) would be passed over, its changes silently not made: refused, naming the files it may replace.
     */
    private static void refuseUnknownOwnReference(Path inputDir, String biennium, List<Resource> resources) {
        Path own = inputDir.resolve(biennium).resolve("reference");
        if (!Files.isDirectory(own)) {
            return;
        }
        Set<String> known = resources.stream().map(r -> r.overridePathFor(biennium)).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        try (var files = Files.list(own)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String rel = biennium + "/reference/" + f.getFileName();
                if (rel.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") && !known.contains(rel) && InputFolder.isInput(inputDir, f)) {
                    // Regions.csv for regions.csv: said as a data file's name in the wrong case is (found by a tester).
                    String meant = InputFolder.sameNameInOtherCase(f.getFileName().toString(),
                            known.stream().map(k -> k.substring(k.lastIndexOf('/') + 1)));
                    throw new InputError(byPath(inputDir, rel).name(), 0, "", meant != null ? Said.of("not_a_reference_file_case", "name", meant)
                            : Said.of("not_a_reference_file", "files",
                            known.stream().map(k -> k.substring(k.lastIndexOf('/') + 1)).sorted().collect(Collectors.joining(", "))));
                }
            }
        } catch (java.io.IOException e) {
            throw new InputError(byPath(inputDir, biennium + "/reference").name(), 0, "", Said.of("cannot_list", "why", e.getMessage()));
        }
    }

    /**
     * Reads and validates only the named resources and those they refer to (foreign keys): for instance another
     * biennium's reference lists. With a null biennium, the shared files only (those without {biennium} in their
     * path), as a biennium without a data folder of its own has them.
     */
    public static InputSet loadOnly(Path inputDir, String biennium, Set<String> names) {
        DataPackage pkg = DataPackage.load(inputDir);
        Set<String> wanted = new java.util.LinkedHashSet<>(names);
        for (boolean grew = true; grew; ) {
            grew = false;
            for (Resource r : pkg.resources()) {
                if (wanted.contains(r.name())) {
                    for (ForeignKey fk : r.foreignKeys()) {
                        grew |= wanted.add(fk.resource());
                    }
                }
            }
        }
        List<Resource> resources = pkg.resources().stream().filter(r -> wanted.contains(r.name())).toList();
        return load(inputDir, biennium, naming(inputDir), resources);
    }

    private static InputSet load(Path inputDir, String biennium, BiFunction<Resource, String, SourceName> naming,
                                 List<Resource> resources) {
        Map<String, CsvTable> tables = new LinkedHashMap<>();
        Map<String, InputFile> files = new LinkedHashMap<>();
        Map<String, SourceName> sources = new LinkedHashMap<>();
        Map<String, CsvTable> sharedFiles = new LinkedHashMap<>();
        Map<String, CsvTable> ownFiles = new LinkedHashMap<>();
        List<InputWarning> warnings = new java.util.ArrayList<>();
        Map<String, ProgramTexts.Beneath> beneath = new LinkedHashMap<>();
        for (Resource r : resources) {
            if (biennium == null && r.perBiennium()) {
                throw new IllegalArgumentException("resource " + r.name() + " belongs to a biennium");
            }
            String rel = biennium == null ? r.path() : r.pathFor(biennium);
            String own = biennium == null ? null : r.overridePathFor(biennium);
            boolean replaced = own != null && Files.isRegularFile(inputDir.resolve(own));
            if (replaced && !r.mergesByKey()) {
                rel = own;
            }
            Path file = inputDir.resolve(rel);
            SourceName source = naming.apply(r, rel);
            CsvTable table;
            int fileRows;
            if (r.mergesByKey() && !r.perBiennium()) { // the shared texts: over the program's copy of them (ProgramTexts)
                ProgramTexts.Layered layered = ProgramTexts.read(r, rel, file, source,
                        f -> CsvResourceReader.readTable(f, f.equals(file) ? source : SourceName.file(InputFolder.shown(f)), r));
                table = layered.table();
                fileRows = layered.fileRows();
                warnings.addAll(layered.warnings());
                if (layered.program() != null) {
                    beneath.put(r.name(), layered.program());
                }
            } else {
                table = CsvResourceReader.readTable(file, source, r);
                fileRows = table.records().size();
            }
            files.put(r.name(), new InputFile(r.name(), rel, "", fileRows));
            if (replaced && r.mergesByKey()) {
                sharedFiles.put(r.name(), table);
                Path ownFile = inputDir.resolve(own);
                SourceName ownName = naming.apply(r, own);
                CsvTable mine = CsvResourceReader.readTable(ownFile, ownName, r);
                files.put(r.name() + "@" + biennium, new InputFile(r.name(), own, "", mine.records().size()));
                ownFiles.put(r.name(), mine);
                table = mergeByKey(r, table, mine, source, ownName);
            }
            tables.put(r.name(), table);
            sources.put(r.name(), source);
        }
        for (Resource r : resources) {
            checkForeignKeys(r, tables, sources, biennium);
            r.numberings().forEach(n -> n.refuseGaps(tables.get(r.name())));
        }
        return new InputSet(inputDir, biennium, tables, files, sources, sharedFiles, ownFiles, resources, warnings, beneath);
    }

    /** The shared rows in their order, each replaced by the biennium's row with its key; the biennium's new keys after them. */
    private static CsvTable mergeByKey(Resource r, CsvTable shared, CsvTable own, SourceName sharedName, SourceName ownName) {
        if (!own.header().equals(shared.header())) {
            throw new InputError(ownName.name(), 1, "", Said.of("columns_of", "file", sharedName.name(), "columns",
                    String.join(",", shared.header()), "key", String.join(",", r.primaryKey())));
        }
        Function<Record, String> key = rec -> r.primaryKey().stream().map(rec::text).collect(Collectors.joining("\u0000"));
        Map<String, Integer> ownIndex = new LinkedHashMap<>();
        for (int i = 0; i < own.records().size(); i++) {
            ownIndex.put(key.apply(own.records().get(i)), i);
        }
        List<CsvTable.Row> rows = new java.util.ArrayList<>();
        List<Record> records = new java.util.ArrayList<>();
        Set<String> used = new java.util.HashSet<>();
        for (int i = 0; i < shared.records().size(); i++) {
            String k = key.apply(shared.records().get(i));
            Integer j = ownIndex.get(k);
            rows.add(j == null ? shared.rows().get(i) : own.rows().get(j));
            records.add(j == null ? shared.records().get(i) : own.records().get(j));
            if (j != null) {
                used.add(k);
            }
        }
        for (var e : ownIndex.entrySet()) {
            if (!used.contains(e.getKey())) {
                rows.add(own.rows().get(e.getValue()));
                records.add(own.records().get(e.getValue()));
            }
        }
        return new CsvTable(shared.header(), rows, records);
    }

    private static void checkForeignKeys(Resource r, Map<String, CsvTable> tables, Map<String, SourceName> sources, String biennium) {
        for (ForeignKey fk : r.foreignKeys()) {
            CsvTable target = tables.get(fk.resource());
            if (target == null) {
                throw new IllegalStateException("datapackage.json: " + r.name() + " refers to unknown resource " + fk.resource());
            }
            Set<String> known = target.records().stream().map(x -> x.text(fk.referencedField())).collect(Collectors.toSet());
            Map<String, String> rowsWhere = ForeignKey.forBiennium(fk.rowsWhere(), biennium);
            refuseUnknownColumns(r, tables.get(r.name()), rowsWhere.keySet());
            for (Record rec : tables.get(r.name()).records()) {
                String v = rec.text(fk.field());
                if (!v.isEmpty() && !known.contains(v) && ForeignKey.holdsFor(rec, rowsWhere)) {
                    String list = sources.get(fk.resource()).name();
                    // The rows the key holds for, where it holds for some only: "of biennium 2020-21".
                    Said of = rowsWhere.entrySet().stream().map(e -> Said.of("column_value", "column", e.getKey(), "value", e.getValue()))
                            .reduce((a, b) -> Said.of("of_and", "a", a, "b", b)).orElse(null);
                    Said unknown = Said.of(of == null ? "unknown_code" : "unknown_code_of", "field", fk.referencedField(), "value", v,
                            "list", list, "hint", HalfWidth.hint(v, known));
                    throw new InputError(rec.file(), rec.line(), fk.field(), of == null ? unknown : unknown.and("rows", of));
                }
            }
            if (fk.every() != null) {
                refuseMissingCodes(r, fk, target, tables.get(r.name()), sources, biennium);
            }
        }
    }

    /** A declared column that selects or groups a file's rows and that the file has not: a mistake in datapackage.json. */
    private static void refuseUnknownColumns(Resource r, CsvTable table, java.util.Collection<String> columns) {
        for (String column : columns) {
            if (!table.header().contains(column)) {
                throw new IllegalStateException("datapackage.json: " + r.name() + "'s pbEveryCode or pbRowsWhere groups or "
                        + "selects its rows by column " + column + ", which it has not");
            }
        }
    }

    /**
     * A file that must have a row for every code of its reference list (pbEveryCode) and lacks one would publish its
     * table without that code, every check passing: refused, naming the code and the reference line that lists it (and
     * with {@code per}, the group of rows that lacks it).
     */
    private static void refuseMissingCodes(Resource r, ForeignKey fk, CsvTable target, CsvTable table, Map<String, SourceName> sources,
                                           String biennium) {
        ForeignKey.EveryCode every = fk.every();
        Map<String, String> rowsWhere = new LinkedHashMap<>(ForeignKey.forBiennium(fk.rowsWhere(), biennium));
        rowsWhere.putAll(ForeignKey.forBiennium(every.rowsWhere(), biennium));
        for (String column : every.where().keySet()) {
            if (!target.header().contains(column)) {
                throw new IllegalStateException("datapackage.json: " + r.name() + "'s pbEveryCode selects by column " + column
                        + ", which " + fk.resource() + " has not");
            }
        }
        refuseUnknownColumns(r, table, java.util.stream.Stream.concat(every.per().stream(), rowsWhere.keySet().stream()).toList());
        // The codes each group of rows names (without per, one group: the whole file); a group that names none is not split.
        Map<List<String>, Set<String>> groups = new LinkedHashMap<>();
        if (every.per().isEmpty()) {
            groups.put(List.of(), new java.util.HashSet<>());
        }
        for (Record rec : table.records()) {
            if (!rec.text(fk.field()).isEmpty() && ForeignKey.holdsFor(rec, rowsWhere)) {
                groups.computeIfAbsent(every.per().stream().map(rec::text).toList(), g -> new java.util.HashSet<>())
                        .add(rec.text(fk.field()));
            }
        }
        for (var g : groups.entrySet()) {
            for (Record listed : target.records()) {
                String code = listed.text(fk.referencedField());
                if (every.selects(listed) && !g.getValue().contains(code)) {
                    throw missingCode(sources.get(r.name()).name(), fk, code, listed, rowsWhere, g.getKey());
                }
            }
        }
    }

    /**
     * "no row for outcome 1 of biennium 2022-23 and fund XB, listed in FILE, line 3: every outcome of that list whose
     * kind is policy needs a row here for each fund that lists outcomes of biennium 2022-23; FIX", each part a word of the
     * texts (report.cause.reason.every_code*): the code, where the list has it, which of the list's codes (where), the
     * group of rows that lacks it (rowsWhere and per, the group's values) and what to add.
     */
    private static InputError missingCode(String file, ForeignKey fk, String code, Record listed, Map<String, String> rowsWhere,
                                          List<String> groupValues) {
        ForeignKey.EveryCode every = fk.every();
        Said whose = every.where().entrySet().stream().map(e -> Said.of("column_is", "column", e.getKey(), "value", e.getValue()))
                .reduce((a, b) -> Said.of("and", "a", a, "b", b)).orElse(null);
        List<Said> group = new java.util.ArrayList<>();
        rowsWhere.forEach((column, value) -> group.add(Said.of("column_value", "column", column, "value", value)));
        for (int i = 0; i < every.per().size(); i++) {
            group.add(Said.of("column_value", "column", every.per().get(i), "value", groupValues.get(i)));
        }
        Said rows = rowsWhere.entrySet().stream().map(e -> Said.of("column_value", "column", e.getKey(), "value", e.getValue()))
                .reduce((a, b) -> Said.of("of_rows", "a", a, "b", b)).orElse(null);
        String word = "every_code" + (every.per().isEmpty() ? group.isEmpty() ? "" : "_of" : "_per") + (whose == null ? "" : "_where");
        return new InputError(file, 0, fk.field(), Said.of(word, "field", fk.field(), "code", code,
                "listed", Said.of("at_" + SourceName.lineWord(listed.file()), "file", listed.file(), "line", String.valueOf(listed.line())),
                "where", whose, "group", group.stream().reduce((a, b) -> Said.of("list_and", "a", a, "b", b)).orElse(null),
                "per", every.per().stream().<Object>map(c -> c).reduce((a, b) -> Said.of("list_and", "a", a, "b", b)).orElse(null),
                "listing", rows == null ? Said.of("listing", "field", fk.field()) : Said.of("listing_of", "field", fk.field(), "rows", rows),
                "fix", every.fix() == null ? Said.of("fix.add_row") : every.fix()));
    }

    /**
     * Refuses the first label, in a column whose schema says {@code "pbTotalWords": "refused"} (rows the tables total
     * themselves), that is one of the words the tables print for totals, naming its file, line and column.
     */
    public void refuseTotalWords(TotalWords words) {
        for (Resource r : resources) {
            List<String> columns = r.fields().stream().filter(Field::totalWordsRefused).map(Field::name).toList();
            for (Record rec : columns.isEmpty() ? List.<Record>of() : tables.get(r.name()).records()) {
                for (String column : columns) {
                    Said problem = words.problem(rec.text(column));
                    if (problem != null) {
                        throw new InputError(rec.file(), rec.line(), column, problem);
                    }
                }
            }
        }
    }

    /**
     * Refuses the text values (of every resource, in file order) holding a character the font cannot show, naming each
     * character's file, line, column and code point: the PDF would leave it out. The first is the error's line, the
     * others follow it ({@link InputError#more}).
     */
    public void refuseUnshown(Glyphs glyphs) {
        BadCharacters bad = new BadCharacters();
        for (CsvTable t : tables.values()) {
            for (Record rec : t.records()) {
                for (Map.Entry<String, Object> e : rec.values().entrySet()) {
                    if (e.getValue() instanceof String text) {
                        bad.add(rec.file(), rec.line(), e.getKey(), glyphs.problems(text));
                    }
                }
            }
        }
        if (!bad.isEmpty()) {
            throw bad.error();
        }
    }

    /** The lines reading the files found to say, which stop nothing (the program's texts read beneath the folder's). */
    public List<InputWarning> warnings() {
        return warnings;
    }

    public List<Record> table(String resource) {
        return csv(resource).records();
    }

    /**
     * Builds a value and records which resources its building read (a table's input files, for the review to name only
     * those as its cells' sources). Recordings nest: an inner one's resources are the outer one's too.
     */
    public <T> Read<T> reading(java.util.function.Supplier<T> build) {
        Set<String> outer = reads.get();
        Set<String> mine = new java.util.LinkedHashSet<>();
        reads.set(mine);
        try {
            return new Read<>(build.get(), Set.copyOf(mine));
        } finally {
            reads.set(outer);
            if (outer != null) {
                outer.addAll(mine);
            }
        }
    }

    private void read(String resource) {
        Set<String> r = reads.get();
        if (r != null) {
            r.add(resource);
        }
    }

    /** A resource as read: header and cells as written, and its records. */
    public CsvTable csv(String resource) {
        read(resource);
        CsvTable t = tables.get(resource);
        if (t == null) {
            throw new NoSuchElementException("no input resource '" + resource + "'");
        }
        return t;
    }

    /**
     * The one file a resource's sheet of the input workbook holds, as read: the biennium's own copy of a shared file
     * where it has one ({@code 2024-25/reference/units.csv}), but the shared file where the biennium's own file amends
     * it key by key (texts: its own rows stay beside the data). {@link #sheetPath} says which file it is.
     */
    public CsvTable sheetCsv(String resource) {
        read(resource);
        CsvTable t = shared.get(resource);
        return t != null ? t : csv(resource);
    }

    /**
     * The rows of the biennium's own file of a resource that amends the shared one key by key (its texts), as read, each
     * naming that file; none when the biennium has no such file.
     */
    public List<Record> ownRows(String resource) {
        read(resource);
        CsvTable t = own.get(resource);
        return t == null ? List.of() : t.records();
    }

    /**
     * A file of the biennium's own folder as read: a resource's {@code {biennium}/} file, or the biennium's own copy of a
     * shared one ({@code 2024-25/reference/units.csv}; of one that merges by key, its own rows alone), with its path under
     * the input folder.
     */
    public record OwnFile(Resource resource, String path, List<Record> records) {
    }

    /** The files of the biennium's own folder that were read, in the order of datapackage.json; none without a biennium. */
    public List<OwnFile> ownFiles() {
        List<OwnFile> out = new java.util.ArrayList<>();
        for (Resource r : biennium == null ? List.<Resource>of() : resources) {
            InputFile f = read.get(r.name());
            if (f == null) {
                continue;
            }
            if (own.containsKey(r.name())) {
                out.add(new OwnFile(r, r.overridePathFor(biennium), own.get(r.name()).records()));
            } else if (r.perBiennium() || f.path().equals(r.overridePathFor(biennium))) {
                out.add(new OwnFile(r, f.path(), tables.get(r.name()).records()));
            }
        }
        return out;
    }

    /** The file {@link #sheetCsv} holds, under the input folder: {@code reference/units.csv}, {@code 2024-25/budget.csv}. */
    public String sheetPath(String resource) {
        InputFile f = read.get(resource);
        if (f == null) {
            throw new NoSuchElementException("no input resource '" + resource + "'");
        }
        return f.path();
    }

    /** The file a resource was read from, under the input folder, if it was read (its checksum not needed). */
    public java.util.Optional<String> filePath(String resource) {
        return java.util.Optional.ofNullable(read.get(resource)).map(InputFile::path);
    }

    /** How a resource's file is named in errors (input/reference/texts.csv, or a workbook's sheet). */
    public String sourceName(String resource) {
        SourceName s = sources.get(resource);
        if (s == null) {
            throw new NoSuchElementException("no input resource '" + resource + "'");
        }
        return s.name();
    }

    /** A field of a resource as datapackage.json describes it (its constraints and pb* rules). */
    public Field field(String resource, String name) {
        return resources.stream().filter(r -> r.name().equals(resource)).flatMap(r -> r.fields().stream())
                .filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no field '" + name + "' of input resource '" + resource + "'"));
    }

    /**
     * Every file read, with its SHA-256 computed when first asked for (a run's manifest, its check that the folder still
     * holds what it read): a file changed since it was read then differs from the run's snapshot and is refused.
     */
    public Map<String, InputFile> files() {
        Map<String, InputFile> hashed = files;
        if (hashed == null) {
            synchronized (this) {
                if (files == null) {
                    Map<String, InputFile> out = new LinkedHashMap<>();
                    read.forEach((name, f) -> out.put(name, new InputFile(f.resource(), f.path(),
                            sha256IfThere(inputDir.resolve(f.path())), f.rows())));
                    files = java.util.Collections.unmodifiableMap(out);
                }
                hashed = files;
            }
        }
        return hashed;
    }

    /**
     * The program's own copies whose rows were read beneath the data folder's files (an older data folder's texts lacking
     * keys an update added), each with its SHA-256: the words the run used that its input folder does not hold. None
     * when the folder's files were read alone.
     */
    public List<ProgramFile> programFiles() {
        return beneath.entrySet().stream().map(e -> new ProgramFile(e.getKey(), e.getValue().file().toAbsolutePath().normalize()
                .toString(), sha256IfThere(e.getValue().file()), e.getValue().rows(), e.getValue().keysUsed())).toList();
    }

    /**
     * The program's own copies whose rows a run of the folder reads beneath its files ({@link #programFiles}), its shared
     * texts alone read for it: what a run's input checksum covers besides the folder (a copy changed by an update that
     * makes no new code version words the run anew). None when the folder cannot be read: the run then says why.
     */
    public static List<ProgramFile> programFilesBeneath(Path inputDir, String biennium) {
        try {
            List<Resource> shared = DataPackage.load(inputDir).resources().stream().filter(r -> r.mergesByKey() && !r.perBiennium())
                    .toList();
            if (shared.stream().allMatch(r -> ProgramTexts.nothingBeneath(r.pathFor(biennium), inputDir.resolve(r.pathFor(biennium))))) {
                return List.of(); // the usual case, known without reading the texts
            }
            return loadOnly(inputDir, biennium, shared.stream().map(Resource::name).collect(Collectors.toSet())).programFiles();
        } catch (RuntimeException unreadable) {
            return List.of();
        }
    }

    public Path inputDir() {
        return inputDir;
    }

    public String biennium() {
        return biennium;
    }

    /**
     * A file's SHA-256, or "" for one removed or unreadable since it was read: the run's check of its input folder
     * (InputSnapshot) then says what became of it, before anything is published.
     */
    public static String sha256IfThere(Path file) {
        try {
            return sha256(file);
        } catch (IllegalStateException e) {
            return "";
        }
    }

    public static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot checksum " + file + ": " + e.getMessage(), e);
        }
    }
}
