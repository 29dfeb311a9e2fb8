package org.pbannex.inputbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.pbannex.ingest.CsvResourceReader;
import org.pbannex.ingest.CsvResourceWriter;
import org.pbannex.ingest.DataPackage;
import org.pbannex.ingest.Field;
import org.pbannex.ingest.ImportedWorkbook;
import org.pbannex.ingest.InputError;
import org.pbannex.ingest.InputFolder;
import org.pbannex.ingest.InputSet;
import org.pbannex.publication.Publication;
import org.pbannex.publication.ReconciliationFailed;
import org.pbannex.publication.TableCatalogue;
import org.pbannex.publish.RunFolder;
import org.pbannex.reference.TextKeys;
import org.pbannex.ingest.Resource;
import org.pbannex.ingest.Said;
import org.pbannex.ingest.SourceName;

/**
 * {@code input import}: turns an input workbook back into the CSV files of the input folder. Every sheet is read as
 * the CSV it stands for (numbers written as typed, to Excel's 15 significant digits and with the decimals their
 * format shows; text as text) and validated with the same Table Schema rules as the CSV files, errors naming the
 * sheet, row and column. Only when every sheet is valid is anything written: the files are made in a temporary folder
 * beside the target, then moved into place, and a file whose bytes did not change is left alone. A workbook nobody
 * edited gives back byte-identical files.
 */
public final class InputBookImport {

    /**
     * What an import did: the files it changed (or added) and left alone, and what it noted (formulas read, files kept as
     * edited on disk: {@code keptOnDisk} the notes of those alone, which a run from the workbook says too).
     */
    public record Result(String biennium, Path into, List<String> changed, List<String> unchanged, List<String> notes,
                         Map<String, Integer> headerRows, List<String> warnings, Map<String, String> copiedFrom,
                         List<String> keptOnDisk) {
    }

    /** The CSV text of each input file (by its path under the input folder) that a workbook stands for. */
    private record Converted(String biennium, Map<String, String> files, Map<String, Integer> headerRows, List<String> notes,
                             Map<String, String> exported, RoundedCells rounded, Path exportedFrom) {
    }

    /** How many folders made for runs from workbooks are kept under work/imported/. */
    private static final int KEPT_RUN_FOLDERS = 10;
    /** The resource of document texts. */
    private static final String TEXTS = "texts";

    private InputBookImport() {
    }

    /**
     * Imports into {@code into} (created if missing), validating with {@code into}'s datapackage.json, or the
     * installation's when {@code into} has none (it is then copied in). The files are checked as {@code check} checks
     * an input folder (every rule, every table's reconciliation) before anything is written, and a file edited in
     * {@code into} since the export that the workbook would change is refused unless {@code overwrite}.
     *
     * @param shown how the workbook is named in errors (as the user typed it)
     */
    public static Result importInto(Path workbook, String shown, Path into, Path installationInput, boolean overwrite)
            throws IOException {
        return importInto(workbook, shown, into, into, installationInput, true, overwrite);
    }

    /** {@link #importInto(Path, String, Path, Path, boolean)} refusing to undo edits made on disk since the export. */
    public static Result importInto(Path workbook, String shown, Path into, Path installationInput) throws IOException {
        return importInto(workbook, shown, into, installationInput, false);
    }

    /**
     * @param onDisk     the input folder the workbook is to change, compared with the checksums on its cover: {@code into}
     *                   for an import; for a run from the workbook, which imports into a new folder, the installation's
     *                   input, so that a stale workbook undoes no edit made there in silence (as its import would not)
     * @param wholeCheck whether to build the tables and run their checks too (a run or check from the workbook does
     *                   that itself right after, so its folder is only checked file by file)
     */
    private static Result importInto(Path workbook, String shown, Path into, Path onDisk, Path installationInput,
                                     boolean wholeCheck, boolean overwrite) throws IOException {
        if (Files.exists(into) && !Files.isDirectory(into)) {
            throw new InputError(into.toString(), 0, "", Said.of("book.into_file"));
        }
        Path schemaDir = Files.isRegularFile(into.resolve(DataPackage.FILE)) ? into : installationInput;
        DataPackage pkg = DataPackage.load(schemaDir);
        Converted c = convert(InputBookReader.read(workbook, shown), pkg, shown);
        Path parent = into.toAbsolutePath().normalize().getParent();
        Files.createDirectories(parent);
        // Made with the usual permissions (not a private temporary folder's): it may become the input folder itself.
        Path tmp = Files.createDirectory(parent.resolve(".pb-annex-import-" + ProcessHandle.current().pid() + "-"
                + Long.toHexString(System.nanoTime())));
        try {
            for (var f : c.files().entrySet()) {
                Path p = tmp.resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
            }
            Files.copy(schemaDir.resolve(DataPackage.FILE), tmp.resolve(DataPackage.FILE));
            // The cover's checksums are of the folder it was exported from: compared with another (a workbook exported
            // from a copy, run beside the installation's input), each difference of the two folders read as an edit
            // made since the export, and the workbook's own figure was replaced by the installation's, published.
            boolean fromElsewhere = c.exportedFrom() != null && !sameFolder(c.exportedFrom(), onDisk);
            Map<String, String> exported = fromElsewhere ? null : c.exported();
            // Checked as they will be: with the files edited on disk only, which the import leaves alone.
            Set<String> kept = EditsOnDisk.keepEditsOnDisk(onDisk, exported, tmp, c.files().keySet());
            List<String> keptOnDisk = kept.stream().map(rel -> InputFolder.shownName(onDisk, rel)
                    + " kept as edited on disk since the export (the workbook does not change it)").toList();
            List<String> notes = new ArrayList<>(c.notes());
            notes.addAll(keptOnDisk);
            // Each file the workbook does not give, to the file it comes from: messages name that one, never the copy.
            Map<String, String> copiedFrom = new LinkedHashMap<>();
            kept.forEach(rel -> copiedFrom.put(rel, onDisk.resolve(rel).toAbsolutePath().normalize().toString()));
            List<String> beside = besideTheWorkbook(schemaDir, into, installationInput, pkg, c, tmp, shown, copiedFrom);
            // The same rules as for the CSV files, errors naming the sheets and rows (the note says which file is which;
            // it is not moved into the target).
            new ImportedWorkbook(shown, c.headerRows(), copiedFrom, c.biennium()).writeTo(tmp);
            InputSet inputs;
            try {
                inputs = InputSet.load(tmp, c.biennium());
            } catch (InputError e) {
                throw c.rounded().explained(e);
            }
            checkAddedTexts(inputs, pkg, List.of(installationInput, into));
            if (wholeCheck) {
                checkAsARun(inputs, into, tmp, c.files().keySet(), copiedFrom, shown, c.headerRows());
            }
            ImportedWorkbook.removeFrom(tmp);
            // Before anything is written, into a new folder (a run's) too: the edits it would undo are onDisk's.
            List<String> differOnDisk = differing(onDisk, tmp, c.files().keySet());
            List<String> warnings = fromElsewhere ? EditsOnDisk.exportedElsewhere(shown, c.exportedFrom(), onDisk, differOnDisk)
                    : EditsOnDisk.check(shown, onDisk, exported, differOnDisk, overwrite);
            List<String> changed = new ArrayList<>();
            List<String> unchanged = new ArrayList<>();
            List<String> paths = new ArrayList<>(c.files().keySet());
            if (!Files.exists(into)) {
                Files.move(tmp, into, StandardCopyOption.ATOMIC_MOVE);
                changed.addAll(paths);
                changed.addAll(beside);
                return new Result(c.biennium(), into, changed, unchanged, notes, c.headerRows(), warnings, copiedFrom, keptOnDisk);
            }
            if (!Files.exists(into.resolve(DataPackage.FILE))) {
                paths.add(DataPackage.FILE);
            }
            List<String> differ = differing(into, tmp, paths);
            paths.forEach(rel -> (differ.contains(rel) ? changed : unchanged).add(rel));
            // A signal waits for the renames: an input folder half the workbook's, half what it was, would be neither.
            org.pbannex.runtime.Interruption.whole(() -> {
                for (String rel : changed) {
                    Path target = into.resolve(rel);
                    Files.createDirectories(target.getParent());
                    Files.move(tmp.resolve(rel), target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            });
            return new Result(c.biennium(), into, changed, unchanged, notes, c.headerRows(), warnings, copiedFrom, keptOnDisk);
        } finally {
            RunFolder.deleteTree(tmp);
        }
    }

    /** The files of {@code made} (by their paths) whose bytes are not those of the same file in {@code dir}, or that it lacks. */
    private static List<String> differing(Path dir, Path made, java.util.Collection<String> files) throws IOException {
        List<String> out = new ArrayList<>();
        for (String rel : files) {
            Path there = dir.resolve(rel);
            if (!Files.isRegularFile(there) || !Arrays.equals(Files.readAllBytes(there), Files.readAllBytes(made.resolve(rel)))) {
                out.add(rel);
            }
        }
        return out;
    }

    /**
     * The workbook holds the shared texts: a key its sheet adds to those of the file it replaces (or the installation's)
     * that the program would never read, a typo, is refused as in a biennium's own texts.csv ({@link TextKeys}).
     *
     * @param folders the input folders whose texts the sheet's may replace (those that have a readable texts file)
     */
    private static void checkAddedTexts(InputSet in, DataPackage pkg, List<Path> folders) {
        Resource texts = pkg.resource(TEXTS);
        Set<String> before = new java.util.HashSet<>();
        String named = null;
        List<Path> files = new java.util.ArrayList<>(folders.stream().map(f -> f.resolve(texts.path())).toList());
        // The program's own texts too: what it supplies beneath an older data folder's (ingest.ProgramTexts) is read.
        java.util.Optional.ofNullable(org.pbannex.ingest.ProgramInput.copyOf(texts.path())).ifPresent(files::add);
        for (Path file : files) {
            try {
                CsvResourceReader.read(file, file.toString(), texts).forEach(r -> before.add(r.text("key")));
                named = named == null ? file.toString() : named;
            } catch (InputError e) {
                // missing or broken: it holds no key the program reads that the sheet could be measured against
            }
        }
        if (named != null) {
            new TextKeys(before, named, TableCatalogue.ids()).checkAdded(in.sheetCsv(TEXTS).records(), before);
        }
    }

    /**
     * The rest of what {@code check} does with an input folder, on the folder the import is to make: the workbook's
     * files with the rest of {@code into} (other biennia, shared lists a biennium's own copy replaces) copied beside them
     * in {@code made}, and {@code into}'s expenditure lines (a new folder has none, so the tables built from them are
     * left out as a run on it would). Every table is built and every check run; a failed one refuses the import, as it
     * would stop the next run.
     */
    private static void checkAsARun(InputSet inputs, Path into, Path made, Set<String> workbookFiles,
                                    Map<String, String> copiedFrom, String shown, Map<String, Integer> headerRows)
            throws IOException {
        InputSet checked = inputs;
        if (Files.isDirectory(into)) {
            Map<String, String> all = new LinkedHashMap<>(copiedFrom);
            try (Stream<Path> files = Files.walk(into)) {
                for (Path f : files.filter(Files::isRegularFile).filter(f -> InputFolder.isInput(into, f)).toList()) {
                    String rel = into.relativize(f).toString().replace('\\', '/');
                    if (!rel.startsWith(Publication.EXPENDITURE_FOLDER + "/") && !workbookFiles.contains(rel)
                            && !Files.exists(made.resolve(rel))) {
                        Files.createDirectories(made.resolve(rel).getParent());
                        Files.copy(f, made.resolve(rel));
                        all.put(rel, f.toAbsolutePath().normalize().toString());
                    }
                }
            }
            new ImportedWorkbook(shown, headerRows, all, inputs.biennium()).writeTo(made);
            checked = InputSet.load(made, inputs.biennium());
        }
        var pub = Publication.checkAll(checked, Publication.readLines(checked, into, null), false);
        var failures = pub.checks().failures();
        if (!failures.isEmpty()) {
            throw new ReconciliationFailed(failures);
        }
    }

    /**
     * The input folder a run or check uses for {@code --input inputs.xlsx}: the workbook imported under
     * {@code work/imported/<key>/input/}, with the installation's expenditure lines (linked, or copied where links
     * cannot be made) and a note naming the workbook, so errors found later in the run name its sheets and rows. The
     * workbook is compared with the installation's input as {@code input import} into it compares it (a file edited
     * there since the export is read as on disk, or refuses the workbook that changes it too), and the note records
     * what that said. The key is made of the workbook, the descriptor, the expenditure files and the installation's
     * reference and biennium folders, so the same ones give the same folder (and a failed run restarts on it).
     *
     * @param installationInput the installation's input folder: its datapackage.json and expenditure/
     * @param root the installation's folder of imports (PbProperties.imported)
     */
    public static Path forRun(Path workbook, String shown, Path installationInput, Path root) throws IOException {
        InputBookReader.checkFile(workbook, shown);
        Path expenditure = installationInput.resolve("expenditure");
        // Its files of lines refused now, before a folder made earlier is taken: the folder made links the expenditure
        // folder's own files only, and its key is made of them, so one in a folder inside it would be left out unsaid.
        org.pbannex.expenditure.ExpenditureIngest.files(expenditure);
        String key = key(workbook, shown, installationInput.resolve(DataPackage.FILE), expenditure);
        // Named input/ inside its key folder, so messages about its files read input/expenditure/... as usual.
        Path dir = root.resolve(key).resolve("input");
        if (Files.isRegularFile(dir.resolve(ImportedWorkbook.FILE))) {
            return dir;
        }
        Path staging = root.resolve(".making-" + key + "-" + ProcessHandle.current().pid());
        RunFolder.deleteTree(staging);
        Files.createDirectories(staging);
        try {
            Path made = staging.resolve("input");
            // Compared with the installation's input, as `input import` into it would: a file edited there since the
            // export that the workbook leaves as it was is read as on disk, one the workbook changes too is refused.
            Result r = importInto(workbook, shown, made, installationInput, installationInput, false, false);
            linkExpenditure(expenditure, made.resolve("expenditure"));
            Map<String, String> copiedFrom = new LinkedHashMap<>(r.copiedFrom());
            copyEarlierBiennia(installationInput, org.pbannex.reference.Biennium.parse(r.biennium()),
                    made, copiedFrom);
            new ImportedWorkbook(shown, r.headerRows(), copiedFrom, r.biennium(), r.keptOnDisk(), r.warnings()).writeTo(made);
            try {
                Files.move(staging, root.resolve(key), StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                // another process made the same folder meanwhile: it is the same
            }
        } finally {
            RunFolder.deleteTree(staging);
        }
        prune(root, root.resolve(key));
        return dir;
    }

    /**
     * The input folder the cover says the workbook was exported from (its "Made by" line, in either language of the
     * texts it holds or of those built in), or null when it says none that reads as one.
     */
    private static Path exportedFrom(InputBookReader.Sheet cover, List<InputBookReader.Sheet> sheets) {
        List<Pattern> made = InputBookWords.headings("{command} (from {input})", "inputbook.made_by_command", sheets).stream()
                .filter(t -> t.contains("{command}") && t.contains("{input}")).map(InputBookImport::templatePattern).toList();
        for (InputBookReader.Row row : cover.rows()) {
            for (InputBookReader.Cell cell : row.cells()) {
                for (Pattern p : made) {
                    java.util.regex.Matcher m = p.matcher(cell.value() == null ? "" : cell.value().strip());
                    if (m.matches()) {
                        try {
                            return Path.of(m.group("input"));
                        } catch (java.nio.file.InvalidPathException e) {
                            return null;
                        }
                    }
                }
            }
        }
        return null;
    }

    /** A text with {command} and {input} as a pattern: its words literally, {input} the group "input". */
    private static Pattern templatePattern(String template) {
        StringBuilder re = new StringBuilder();
        java.util.regex.Matcher m = Pattern.compile("\\{(command|input)\\}").matcher(template);
        int at = 0;
        while (m.find()) {
            re.append(Pattern.quote(template.substring(at, m.start()))).append(m.group(1).equals("input") ? "(?<input>.+)" : ".*?");
            at = m.end();
        }
        return Pattern.compile(re.append(Pattern.quote(template.substring(at))).toString(), Pattern.DOTALL);
    }

    private static boolean sameFolder(Path a, Path b) {
        Path x = a.toAbsolutePath().normalize();
        Path y = b.toAbsolutePath().normalize();
        try {
            return x.equals(y) || Files.exists(x) && Files.exists(y) && Files.isSameFile(x, y);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Whether these sheets are an input workbook as {@code input export} writes it (its cover with the table of sheets
     * and the files they hold), so that a command given one by mistake can say what it is.
     */
    public static boolean isInputBook(List<InputBookReader.Sheet> sheets) {
        java.util.Set<String> fileHeading = InputBookWords.headings(InputBook.FILE_HEADING, InputBook.FILE_KEY, sheets);
        return sheets.stream().filter(s -> s.name().equals(InputBook.COVER)).anyMatch(cover -> cover.rows().stream()
                .flatMap(r -> r.cells().stream()).anyMatch(c -> fileHeading.contains(c.value())));
    }

    /** The run id on a workbook's first sheet (a run's cover), or null. */
    private static String runOf(List<InputBookReader.Sheet> sheets) {
        return sheets.isEmpty() ? null : sheets.get(0).rows().stream().flatMap(r -> r.cells().stream())
                .filter(c -> c.kind() == InputBookReader.Kind.TEXT).map(c -> org.pbannex.publish.PublishedRun.runIdIn(c.value()))
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    private static Converted convert(List<InputBookReader.Sheet> sheets, DataPackage pkg, String shown) {
        Map<String, InputBookReader.Sheet> byName = new LinkedHashMap<>();
        sheets.forEach(s -> byName.put(s.name(), s));
        InputBookReader.Sheet cover = byName.get(InputBook.COVER);
        if (!isInputBook(sheets) && runOf(sheets) != null) {
            // A reviewer's returned workbook of a run: its corrections come into the input through review --apply.
            throw new InputError(shown, 0, "", Said.of("book.run_workbook", "run", runOf(sheets), "file", shown));
        }
        if (cover == null) {
            // Its data sheets there (most of them), it is one: its cover was deleted or renamed.
            long data = InputBook.sheets(pkg).stream().filter(r -> byName.containsKey(r.name())).count();
            throw new InputError(shown, 0, "", Said.of(2 * data > InputBook.sheets(pkg).size() ? "book.no_cover_deleted"
                    : "book.no_cover", "cover", InputBook.COVER));
        }
        String biennium = biennium(cover, InputBookWords.headings(InputBook.BIENNIUM, InputBook.BIENNIUM_KEY, sheets), shown);
        Map<String, SheetFile> sheetFiles = sheetFiles(cover, sheets);
        Map<String, String> files = new LinkedHashMap<>();
        Map<String, Integer> headerRows = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        List<Resource> resources = InputBook.sheets(pkg);
        // Each file's checksum as exported: null when the cover has no column of them (a workbook exported before it
        // did), empty when the column was cleared (EditsOnDisk says which).
        Map<String, String> exported = sheetFiles.values().stream().anyMatch(f -> f.sha256() != null) ? new LinkedHashMap<>() : null;
        Set<String> known = resources.stream().map(Resource::name).collect(Collectors.toSet());
        Map<String, SheetCsv> csvs = new LinkedHashMap<>();
        RoundedCells rounded = new RoundedCells();
        for (Resource r : resources) {
            InputBookReader.Sheet s = byName.get(r.name());
            if (s == null) {
                throw new InputError(shown, 0, "", Said.of("book.no_sheet", "sheet", r.name(), "file", r.pathFor(biennium),
                        "near", nearMiss(r.name(), byName.keySet(), known)));
            }
            SheetCsv csv = new SheetCsv(s, r, shown, notes, rounded);
            csvs.put(r.name(), csv);
            SheetFile named = sheetFiles.get(r.name());
            String file = fileOf(r, biennium, named, shown);
            files.put(file, csv.text());
            headerRows.put(r.name(), csv.headerRow);
            if (exported != null && named != null && named.sha256() != null && !named.sha256().isEmpty()) {
                exported.put(file, named.sha256());
            }
        }
        byName.keySet().stream().filter(n -> !known.contains(n) && !n.equals(InputBook.COVER))
                .forEach(n -> notes.add("sheet " + n + " left out: it is not an input file"));
        for (Resource r : resources) {
            refuseMissingColumn(r, csvs, shown);
        }
        return new Converted(biennium, files, headerRows, notes, exported, rounded, exportedFrom(cover, sheets));
    }

    /**
     * A sheet whose columns are all its file's but one or more (a workbook exported before the file had the column: its
     * sheets are protected against adding one) is refused saying where to add it and what to write in it: its value where
     * the field is another sheet's ({@code pbSameAs}, printed_differences' document_symbol that of publication), else
     * what its description says. A column renamed is left to the reading, which names it as unexpected; a column the
     * file may leave out ({@code pbColumn}: optional) is not asked for.
     */
    private static void refuseMissingColumn(Resource r, Map<String, SheetCsv> csvs, String shown) {
        SheetCsv csv = csvs.get(r.name());
        List<String> named = csv.header.stream().filter(h -> !h.isEmpty()).toList();
        if (named.stream().anyMatch(h -> InputBook.field(r, h) == null)) {
            return;
        }
        for (Field f : r.fields()) {
            // A column a file may leave out (pbColumn: optional) is not missing: the file reads without it.
            if (named.contains(f.name()) || f.columnOptional()) {
                continue;
            }
            String cell = org.apache.poi.ss.util.CellReference.convertNumToColString(csv.header.size());
            Said value = Said.of("column_value_is", "description", f.described());
            if (f.sameAs() != null) {
                String[] of = f.sameAs().split("\\.");
                SheetCsv other = csvs.get(of[0]);
                int column = other == null ? -1 : other.header.indexOf(of[1]);
                if (column >= 0 && !other.rows.isEmpty()) {
                    String v = other.rows.get(0).get(column);
                    Said where = Said.of("sheet_cell", "sheet", of[0], "row", String.valueOf(other.rowNumbers.get(0)), "column", of[1]);
                    value = v.isEmpty() ? Said.of("column_value_none", "where", where) : Said.of("column_value_of", "value", v, "where", where);
                }
            }
            throw new InputError(csv.source, csv.headerRow, f.name(), Said.of("no_column_exported", "field", f.name(), "file",
                    r.path().replace("{biennium}/", ""), "cell", cell + csv.headerRow, "after", named.isEmpty() ? ""
                    : Said.of("after_column", "name", named.get(named.size() - 1)), "column", cell, "value", value));
        }
    }

    /**
     * The sheets that look like {@code wanted} renamed ("budget (2)", "Budget", "budget_old"): none of the input
     * sheets, their name holding it whatever the case. Said so that a renamed sheet is found at once.
     */
    private static Said nearMiss(String wanted, Set<String> sheets, Set<String> known) {
        String w = wanted.toLowerCase(java.util.Locale.ROOT);
        List<String> like = sheets.stream().filter(n -> !known.contains(n) && !n.equals(InputBook.COVER))
                .filter(n -> n.toLowerCase(java.util.Locale.ROOT).strip().contains(w)).toList();
        if (like.isEmpty()) {
            return null;
        }
        return Said.of(like.size() == 1 ? "book.near_one" : "book.near_more", "sheets",
                like.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", ")), "sheet", wanted);
    }

    /**
     * Copies into {@code tmp} the files the workbook does not hold but its biennium reads, so that the workbook's files
     * are checked (and a new folder runs) with them, recording in {@code copiedFrom} where each came from, and returns
     * their paths: the biennium's own reference files that the workbook does not hold (its texts, which amend the shared
     * ones key by key), from the folder imported into, or the installation's for a new folder; and a shared list whose
     * sheet holds the biennium's own copy instead (the lines of biennia without a folder use the shared one), from the
     * folder imported into when it has it, else the installation's. A sheet holding a shared list that the biennium has its own copy of there
     * would be shadowed by that copy: refused.
     */
    private static List<String> besideTheWorkbook(Path base, Path into, Path installationInput, DataPackage pkg, Converted c,
                                                  Path tmp, String shown, Map<String, String> copiedFrom) throws IOException {
        List<String> beside = new ArrayList<>();
        for (Resource r : pkg.resources()) {
            String own = r.overridePathFor(c.biennium());
            if (own == null || r.mergesByKey()) {
                continue;
            }
            if (c.files().containsKey(r.pathFor(c.biennium())) && Files.isRegularFile(base.resolve(own))) {
                throw new InputError(SourceName.sheet(shown, r.name(), 1).name(), 0, "", Said.of("book.shared_own_copy", "shared",
                        r.pathFor(c.biennium()), "biennium", c.biennium(), "own", base.resolve(own).toString()));
            }
            if (c.files().containsKey(own)) {
                Path from = Files.isRegularFile(into.resolve(r.path())) ? into.resolve(r.path()) : installationInput.resolve(r.path());
                if (Files.isRegularFile(from)) {
                    copyBeside(from, tmp, r.path(), copiedFrom);
                    beside.add(r.path());
                }
            }
        }
        Path ownDir = base.resolve(c.biennium()).resolve("reference");
        if (Files.isDirectory(ownDir)) {
            try (Stream<Path> files = Files.list(ownDir)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    String rel = c.biennium() + "/reference/" + f.getFileName();
                    if (!c.files().containsKey(rel)) {
                        copyBeside(f, tmp, rel, copiedFrom);
                        beside.add(rel);
                    }
                }
            }
        }
        return beside;
    }

    private static void copyBeside(Path from, Path tmp, String rel, Map<String, String> copiedFrom) throws IOException {
        Files.createDirectories(tmp.resolve(rel).getParent());
        Files.copy(from, tmp.resolve(rel));
        copiedFrom.put(rel, from.toAbsolutePath().normalize().toString());
    }

    /**
     * The cover's table of sheets, each sheet's name to the file it holds; empty when the cover has no such table (a
     * workbook made before the cover named the files: each sheet then holds its resource's usual file).
     */
    private static Map<String, SheetFile> sheetFiles(InputBookReader.Sheet cover, List<InputBookReader.Sheet> sheets) {
        Map<String, SheetFile> out = new LinkedHashMap<>();
        // Its headings in the words the workbook was exported in (either language's).
        java.util.Set<String> sheetHeading = InputBookWords.headings(InputBook.SHEET_HEADING, InputBook.SHEET_KEY, sheets);
        java.util.Set<String> fileHeading = InputBookWords.headings(InputBook.FILE_HEADING, InputBook.FILE_KEY, sheets);
        java.util.Set<String> shaHeading = InputBookWords.headings(InputBook.SHA256_HEADING, InputBook.SHA256_KEY, sheets);
        int nameColumn = -1;
        int fileColumn = -1;
        int shaColumn = -1;
        for (InputBookReader.Row row : cover.rows()) {
            if (fileColumn < 0) {
                // Still looking for the table's heading row: the one holding both headings (and the checksums' since they are recorded).
                nameColumn = column(row, sheetHeading);
                fileColumn = nameColumn < 0 ? -1 : column(row, fileHeading);
                shaColumn = fileColumn < 0 ? -1 : column(row, shaHeading);
                continue;
            }
            String name = value(row, nameColumn);
            String file = value(row, fileColumn);
            if (!name.isEmpty() && !file.isEmpty()) {
                out.put(name, new SheetFile(file, row.number(), shaColumn < 0 ? null : value(row, shaColumn)));
            }
        }
        return out;
    }

    /** The column of the row's cell holding exactly one of {@code headings} (its wordings in either language), or -1. */
    static int column(InputBookReader.Row row, java.util.Set<String> headings) {
        return row.cells().stream().filter(c -> c.value() != null && headings.contains(c.value())).mapToInt(InputBookReader.Cell::column)
                .findFirst().orElse(-1);
    }

    static String value(InputBookReader.Row row, int column) {
        return row.cells().stream().filter(c -> c.column() == column && c.value() != null).map(c -> c.value().strip())
                .findFirst().orElse("");
    }

    /**
     * The file a sheet is imported into: its resource's file, or, for a shared list, the biennium's own copy of it
     * when the cover names that ({@code 2024-25/reference/units.csv}); a list whose own copy amends the shared one key
     * by key (texts) is always the shared one, the biennium's own staying beside the data.
     */
    private static String fileOf(Resource r, String biennium, SheetFile named, String shown) {
        String usual = r.pathFor(biennium);
        String own = r.mergesByKey() ? null : r.overridePathFor(biennium);
        if (named == null || named.file().equals(usual)) {
            return usual;
        }
        if (named.file().equals(own)) {
            return own;
        }
        throw new InputError(SourceName.sheet(shown, InputBook.COVER, 1).name(), named.row(), InputBook.FILE_HEADING,
                Said.of(own == null ? "book.sheet_file" : "book.sheet_file_own", "sheet", r.name(), "file", named.file(),
                        "usual", usual, "own", own));
    }

    /**
     * A row of the cover's table of sheets: the file it names, the row's number, the file's SHA-256 as exported ("" when
     * its cell is empty, null when the cover has no column of them).
     */
    private record SheetFile(String file, int row, String sha256) {
    }

    private static String biennium(InputBookReader.Sheet cover, java.util.Set<String> heading, String shown) {
        for (InputBookReader.Row row : cover.rows()) {
            List<InputBookReader.Cell> cells = row.cells();
            if (cells.size() >= 2 && cells.get(0).column() == 0 && heading.contains(cells.get(0).value())) {
                String b = cells.get(1).value() == null ? "" : cells.get(1).value().strip();
                if (b.matches("\\d{4}-\\d{2}")) {
                    return b;
                }
                throw new InputError(SourceName.sheet(shown, InputBook.COVER, 1).name(), row.number(), "", Said.of("book.not_biennium", "value", b));
            }
        }
        throw new InputError(SourceName.sheet(shown, InputBook.COVER, 1).name(), 0, "", Said.of("book.no_biennium_row", "row", InputBook.BIENNIUM));
    }

    /** One sheet as the CSV file it stands for. */
    private static final class SheetCsv {
        final int headerRow;
        private final List<String> header = new ArrayList<>();
        private final List<List<String>> rows = new ArrayList<>();
        /** The sheet's row of each of {@link #rows}. */
        private final List<Integer> rowNumbers = new ArrayList<>();
        private final String source;
        private final List<String> notes;
        private final RoundedCells rounded;
        /** The file's columns in its descriptor's order, as the input's own files have them. */
        private final List<String> fieldOrder;

        SheetCsv(InputBookReader.Sheet sheet, Resource r, String shown, List<String> notes, RoundedCells rounded) {
            this.source = SourceName.sheet(shown, sheet.name(), 1).name();
            this.notes = notes;
            this.rounded = rounded;
            this.fieldOrder = r.fields().stream().map(Field::name).toList();
            Set<String> names = r.fields().stream().map(Field::name).collect(Collectors.toSet());
            // The first row near the top that names a column (rows may have been inserted above it).
            InputBookReader.Row head = sheet.rows().stream()
                    .filter(row -> row.number() <= InputBook.HEADER_SEARCH_ROWS)
                    .filter(row -> row.cells().stream().anyMatch(c -> c.kind() == InputBookReader.Kind.TEXT && !c.blank()
                            && names.contains(c.value().strip())))
                    .findFirst().orElseThrow(() -> new InputError(source, 0, "", Said.of("book.no_header", "columns",
                            r.fields().stream().map(Field::name).collect(Collectors.joining(",")), "row",
                            String.valueOf(InputBook.HEADER_ROW))));
            headerRow = head.number();
            int width = head.cells().stream().filter(c -> !c.blank()).mapToInt(InputBookReader.Cell::column).max().orElse(0) + 1;
            for (int i = 0; i < width; i++) {
                header.add("");
            }
            head.cells().stream().filter(c -> !c.blank() && c.column() < width).forEach(c -> header.set(c.column(), c.value().strip()));
            int expected = headerRow + 1;
            int firstBlank = 0;
            for (InputBookReader.Row row : sheet.rows()) {
                if (row.number() <= headerRow) {
                    continue;
                }
                if (row.number() > expected && firstBlank == 0) {
                    firstBlank = expected;
                }
                expected = row.number() + 1;
                if (row.blank()) {
                    firstBlank = firstBlank == 0 ? row.number() : firstBlank;
                    continue;
                }
                if (firstBlank > 0) {
                    throw new InputError(source, firstBlank, "", Said.of("book.empty_row"));
                }
                rows.add(values(row, r, width));
                rowNumbers.add(row.number());
            }
        }

        private List<String> values(InputBookReader.Row row, Resource r, int width) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < width; i++) {
                out.add("");
            }
            for (InputBookReader.Cell c : row.cells()) {
                if (c.column() >= width) {
                    if (!c.blank()) {
                        throw new InputError(source, row.number(), "", Said.of("book.outside_table", "column",
                                org.apache.poi.ss.util.CellReference.convertNumToColString(c.column()), "last",
                                org.apache.poi.ss.util.CellReference.convertNumToColString(width - 1)));
                    }
                    continue;
                }
                out.set(c.column(), text(c, InputBook.field(r, header.get(c.column())), row.number()));
            }
            return out;
        }

        /** The formulas LibreOffice saves for a true or false typed into a General cell. */
        private static final java.util.regex.Pattern TRUTH = java.util.regex.Pattern.compile("(?i)=?(TRUE|FALSE)\\(\\)");

        /** The CSV text of one cell, or why the cell cannot be input. */
        private String text(InputBookReader.Cell c, Field f, int row) {
            String column = header.get(c.column());
            if (c.formula() != null) {
                boolean plainNumber = c.kind() == InputBookReader.Kind.NUMBER && !c.date() && !c.percent() && c.value() != null;
                if (f != null && f.numeric() && f.formulaCellAllowed() && plainNumber) {
                    String v = number(c, row, column);
                    notes.add(source + ", row " + row + ", column " + column + ": formula " + c.formula()
                            + " read as its cached value " + v + " (not evaluated)");
                    return v;
                }
                java.util.regex.Matcher truth = TRUTH.matcher(c.formula().strip());
                if (truth.matches()) {
                    // LibreOffice saves true or false typed in a General cell as the formula TRUE() or FALSE(): the value
                    // typed, whatever the column (its own rules then judge it, as those of a boolean cell's value).
                    return truth.group(1).toLowerCase(java.util.Locale.ROOT);
                }
                throw new InputError(source, row, column, Said.of("book.formula", "formula", shorten(c.formula()), "cached",
                        f != null && f.formulaCellAllowed() ? Said.of("book.formula_cached") : null));
            }
            return switch (c.kind()) {
                case ERROR -> throw new InputError(source, row, column, Said.of("book.error_value", "value", c.value()));
                case BOOLEAN -> "1".equals(c.value()) ? "true" : "false";
                // Stripped as the CSV route reads every value ('GB ' is GB): the file holds what is meant.
                case TEXT -> c.value() == null ? "" : c.value().strip();
                case NUMBER -> {
                    if (c.value() == null) {
                        yield "";
                    }
                    if (c.date()) {
                        throw new InputError(source, row, column, Said.of("book.date", "retype", retype(f, c.value())));
                    }
                    String v = number(c, row, column);
                    if (c.percent()) {
                        // Said with the cell's own figure, read as any number cell is: "the 4.6% it shows is stored as
                        // 0.046 ... type 4.6".
                        BigDecimal shown = new BigDecimal(v).movePointRight(2).stripTrailingZeros();
                        throw new InputError(source, row, column, Said.of("book.percent", "shown",
                                (shown.scale() < 0 ? shown.setScale(0) : shown).toPlainString(), "stored", v));
                    }
                    rounded.read(source, row, column, c, v);
                    yield v;
                }
            };
        }

        /**
         * How to type again a value that Excel made a date of, for the column's type: a number as a number; a text as
         * text, with the value to type when the column's pattern takes the date as a day or a month (2022-03), or, in a
         * biennium column, the biennium starting in the date's (even) year, as for the CSV files
         * ({@link org.pbannex.ingest.ExcelDamage}).
         */
        private static Said retype(Field f, String serial) {
            if (f != null && f.numeric()) {
                return Said.of("book.retype_number", "what", Said.of(f.type() == org.pbannex.ingest.FieldType.INTEGER
                        ? "book.whole_number" : "book.number"));
            }
            java.time.LocalDate d;
            try {
                d = org.apache.poi.ss.usermodel.DateUtil.getLocalDateTime(Double.parseDouble(serial)).toLocalDate();
            } catch (RuntimeException e) {
                return Said.of("book.retype_text", "what", Said.of("book.value_again"));
            }
            if (f != null && f.name().equals("biennium")) {
                int y = d.getYear();
                return Said.of("book.retype_text", "what", y % 2 == 0 ? Said.of("book.biennium_again", "biennium",
                        y + "-" + String.format("%02d", (y + 1) % 100)) : Said.of("book.biennium_again_eg"));
            }
            for (String v : List.of(d.toString(), d.toString().substring(0, 7))) {
                if (f != null && f.pattern() != null && f.pattern().matcher(v).matches()) {
                    return Said.of("book.retype_text", "what", "'" + v + "'");
                }
            }
            return Said.of("book.retype_text", "what", Said.of("book.value_again"));
        }

        /** A number cell as CSV text: Excel's 15 significant digits, at least the decimals its format shows. */
        private String number(InputBookReader.Cell c, int row, String column) {
            BigDecimal d;
            try {
                d = new BigDecimal(c.value().strip());
            } catch (NumberFormatException e) {
                throw new InputError(source, row, column, Said.of("book.not_number_stored", "value", shorten(c.value())));
            }
            return InputBookReader.csvNumber(d, c.decimals());
        }

        /**
         * The file: its columns in the descriptor's order when the sheet has them all, moved about (a reviewer who swapped
         * two columns changed no value, and the whole file was written anew in the sheet's order); else as the sheet has them.
         */
        String text() {
            if (header.size() != fieldOrder.size() || !Set.copyOf(header).equals(Set.copyOf(fieldOrder)) || header.equals(fieldOrder)) {
                return CsvResourceWriter.text(header, rows);
            }
            int[] from = fieldOrder.stream().mapToInt(header::indexOf).toArray();
            List<List<String>> ordered = rows.stream().map(row -> Arrays.stream(from).mapToObj(row::get).toList()).toList();
            return CsvResourceWriter.text(fieldOrder, ordered);
        }
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    /**
     * Copies the installation's data folders of the biennia before the workbook's into a folder made for a run, as its
     * folder has them beside it: their reference and outcomes are those of their expenditure lines, and the previous one's
     * figures are compared with what the workbook's biennium states (restatements). Later biennia are left out, as their
     * lines are (see {@link org.pbannex.expenditure.Dimensions.InForce}).
     */
    private static void copyEarlierBiennia(Path installationInput, org.pbannex.reference.Biennium biennium, Path made,
                                           Map<String, String> copiedFrom) throws IOException {
        for (var b : org.pbannex.reference.Biennium.foldersIn(installationInput)) {
            if (b.firstYear() >= biennium.firstYear()) {
                continue;
            }
            Path from = installationInput.resolve(b.code());
            try (Stream<Path> files = Files.walk(from)) {
                for (Path f : files.filter(Files::isRegularFile).filter(f -> InputFolder.isInput(installationInput, f)).toList()) {
                    String rel = b.code() + "/" + from.relativize(f).toString().replace('\\', '/');
                    copyBeside(f, made, rel, copiedFrom);
                }
            }
        }
    }

    private static void linkExpenditure(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                Path link = to.resolve(f.getFileName().toString());
                // A symbolic link, so that messages name the installation's file (InputFolder.shownFile), not the link.
                try {
                    Files.createSymbolicLink(link, f.toRealPath());
                } catch (IOException | UnsupportedOperationException | SecurityException e) {
                    Files.copy(f, link);
                }
            }
        }
    }

    /** The workbook, its name, the schema, the expenditure files (name, size, time) and the biennia's own reference. */
    private static String key(Path workbook, String shown, Path schema, Path expenditure) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(shown.getBytes(StandardCharsets.UTF_8));
            md.update(InputSet.sha256(workbook).getBytes(StandardCharsets.UTF_8));
            if (Files.isRegularFile(schema)) {
                md.update(InputSet.sha256(schema).getBytes(StandardCharsets.UTF_8));
            }
            if (Files.isDirectory(expenditure)) {
                try (Stream<Path> files = Files.list(expenditure)) {
                    for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                        md.update((f.getFileName() + ":" + Files.size(f) + ":" + Files.getLastModifiedTime(f).toMillis() + "\n")
                                .getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
            // The files a run from the workbook may take from the installation: the shared lists that a biennium's own
            // copy replaces in its workbook, the biennia's own reference files, the earlier biennia's folders.
            List<String> folders = new ArrayList<>(List.of("reference"));
            org.pbannex.reference.Biennium.foldersIn(expenditure.getParent()).forEach(b -> folders.add(b.code()));
            for (String folder : folders) {
                Path dir = expenditure.getParent().resolve(folder);
                if (Files.isDirectory(dir)) {
                    try (Stream<Path> files = Files.walk(dir)) {
                        for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                            md.update((folder + "/" + dir.relativize(f) + "=" + InputSet.sha256(f) + "\n").getBytes(StandardCharsets.UTF_8));
                        }
                    }
                }
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof IOException io) {
                throw new InputError(workbook.toString(), 0, "", Said.of("book.cannot_read", "detail", io.getMessage()));
            }
            throw e;
        }
    }

    /** Keeps the newest folders made for runs (and the one just used). */
    private static void prune(Path root, Path keep) {
        try (Stream<Path> dirs = Files.list(root)) {
            List<Path> made = dirs.filter(d -> Files.isRegularFile(d.resolve("input").resolve(ImportedWorkbook.FILE)) && !d.equals(keep))
                    .sorted(Comparator.comparing(InputBookImport::modified).reversed()).toList();
            for (Path old : made.subList(Math.min(made.size(), KEPT_RUN_FOLDERS - 1), made.size())) {
                RunFolder.deleteTree(old);
            }
        } catch (IOException | UncheckedIOException e) {
            // pruning is housekeeping: a folder left behind does no harm
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
