package org.pbannex.publication;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.pbannex.budget.BudgetData;
import org.pbannex.document.DocumentData;
import org.pbannex.expenditure.Dimensions;
import org.pbannex.expenditure.ExpenditureDimensions;
import org.pbannex.expenditure.ExpenditureIngest;
import org.pbannex.expenditure.LineSelection;
import org.pbannex.expenditure.RegionalExpenditureTable;
import org.pbannex.ingest.InputError;
import org.pbannex.ingest.InputSet;
import org.pbannex.ingest.Said;
import org.pbannex.outcomes.OutcomeResources;
import org.pbannex.reference.Biennium;
import org.pbannex.reference.PrintedDocument;
import org.pbannex.reference.ReferenceData;
import org.pbannex.reference.TextKeys;
import org.pbannex.reference.Texts;
import org.pbannex.restatement.Restatements;
import org.pbannex.results.ResultsFramework;
import org.pbannex.table.CellNote;
import org.pbannex.table.CheckResult;
import org.pbannex.table.Checks;
import org.pbannex.table.PrintedDifference;
import org.pbannex.table.Table;
import org.pbannex.table.Text;

/** The publication's pipeline without any framework: read the input, build every table, reconcile. */
public final class Publication {

    /** Where expenditure-line files are, inside the input folder (DESIGN.md contract). */
    public static final String EXPENDITURE_FOLDER = "expenditure";

    /** The input resource of documented differences from the print: it describes published cells, it is no table's source. */
    public static final String PRINTED_DIFFERENCES = "printed_differences";
    /** The check that a documented difference from the print still holds its published value. */
    static final String PRINTED_DIFFERENCES_CHECK = "printed_difference.published_value";
    /** The input resource of document texts (a biennium's own file amends the shared one key by key). */
    static final String TEXTS = "texts";

    private Publication() {
    }

    /**
     * Refuses text the run's PDFs would print without some of its characters (their font, in {@code fonts}, lacks them).
     * Without a font nothing is refused here: the PDF's rendering says what is missing. A damaged font stops the run
     * here, before any output is rendered: the PDF would fail on it with OpenPDF's words, as if the output's disk had
     * failed.
     */
    public static void refuseUnshown(InputSet inputs, RunRequest request, Path fonts) {
        if (request.formats().contains(OutputFormat.PDF)) {
            try {
                inputs.refuseUnshown(org.pbannex.render.pdf.PdfFonts.glyphs(fonts));
            } catch (org.pbannex.render.pdf.PdfFonts.Damaged e) {
                throw new org.pbannex.runtime.DamagedInstallation(e.getMessage(), e);
            } catch (IOException e) {
                // The render step fails with it.
            }
        }
    }

    public static InputSet ingest(Path inputDir, Biennium biennium) {
        return InputSet.load(inputDir, biennium.code());
    }

    /** The codes expenditure lines may use, from the run's validated input. */
    public static Dimensions dimensions(InputSet in) {
        ReferenceData ref = ReferenceData.from(in, Biennium.parse(in.biennium()));
        return ExpenditureDimensions.inForce(in, ref, ResultsFramework.from(in, ref));
    }

    /** The input's expenditure-line files, in name order (none when the folder is missing). */
    public static List<Path> expenditureFiles(Path inputDir) {
        return ExpenditureIngest.files(inputDir.resolve(EXPENDITURE_FOLDER));
    }

    /**
     * How the outputs (rejects, manifest, report, data package) name expenditure files: input/expenditure/<file>, wherever
     * the command ran. Messages name them as they open from there ({@link org.pbannex.ingest.InputFolder#shown}).
     */
    public static java.util.function.Function<Path, String> expenditurePublishedName(Path inputDir) {
        return ExpenditureIngest.publishedUnder(org.pbannex.ingest.InputFolder.publishedName(inputDir, EXPENDITURE_FOLDER + "/"));
    }

    /**
     * What {@code check} does with one biennium's input once read: its expenditure lines read (null: none), every table
     * built and every check run; failed checks are for the caller to tell (check lists them; import refuses).
     *
     * @param linesRequired whether no expenditure lines is bad input (check: every table is wanted), or only leaves
     *                      out the tables built from them (import: the workbook holds no lines)
     */
    public static ComputedPublication checkAll(InputSet in, ExpenditureIngest.Result lines, boolean linesRequired) {
        return checkAll(in, lines, linesRequired, new ReadBiennia());
    }

    /** As {@link #checkAll(InputSet, ExpenditureIngest.Result, boolean)}, with the biennia this command has read. */
    public static ComputedPublication checkAll(InputSet in, ExpenditureIngest.Result lines, boolean linesRequired, ReadBiennia read) {
        return compute(in, lines, lines != null || linesRequired ? TableCatalogue.ids() : List.of(), read);
    }

    /** Reads the input folder and its expenditure lines (strictly, on every core) and builds every table: for check and tests. */
    public static ComputedPublication compute(Path inputDir, Biennium biennium) {
        return compute(ingest(inputDir, biennium));
    }

    public static ComputedPublication compute(InputSet in) {
        return compute(in, readLines(in, null), TableCatalogue.ids());
    }

    /** The input's expenditure lines read in this process, or null when it has none; rejects mode when a file is given. */
    public static ExpenditureIngest.Result readLines(InputSet in, Path rejectsFile) {
        return readLines(in, in.inputDir(), rejectsFile);
    }

    /**
     * The expenditure lines of {@code linesFrom}'s expenditure folder read against {@code in} (an input checked before
     * it becomes an input folder takes its lines from the folder it is to replace), or null when it has none.
     */
    public static ExpenditureIngest.Result readLines(InputSet in, Path linesFrom, Path rejectsFile) {
        List<Path> files = expenditureFiles(linesFrom);
        if (files.isEmpty()) {
            return null;
        }
        try {
            return new ExpenditureIngest(dimensions(in), Runtime.getRuntime().availableProcessors(), rejectsFile)
                    .run(files, expenditurePublishedName(linesFrom));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Builds every table whose inputs are there and runs every check on them. A table in {@code wanted} whose inputs
     * are missing stops the run (InputError naming what is missing): a table never disappears in silence.
     *
     * @param lines the expenditure lines read for this run, or null when the input has none
     */
    public static ComputedPublication compute(InputSet in, ExpenditureIngest.Result lines, Collection<String> wanted) {
        return compute(in, lines, wanted, new ReadBiennia());
    }

    /**
     * What a biennium's tables are built from, read from its input: all but its expenditure lines. A command that
     * checks two biennia reads the earlier one's once, for its own check and for the later one's restatements
     * ({@link ReadBiennia}).
     */
    record Sources(InputSet in, Optional<PrintedDocument> document, InputSet.Read<ReferenceData> reference,
                   InputSet.Read<BudgetData> budget, InputSet.Read<ResultsFramework> results, InputSet.Read<OutcomeResources> outcomes,
                   InputSet.Read<DocumentData> documentData, InputSet.Read<Map<String, java.time.LocalDate>> actualsAsOf) {

        /** The tables' sources with these expenditure lines (null: none); each builds its tables anew. */
        TableSources with(ExpenditureIngest.Result lines) {
            Map<Integer, Map<String, org.pbannex.table.Text>> names = new java.util.HashMap<>();
            return new TableSources(reference, budget, results, outcomes, lines, documentData, actualsAsOf,
                    year -> names.computeIfAbsent(year, y -> org.pbannex.expenditure.RegionNames.inForce(in, y)));
        }
    }

    /**
     * Reads and checks the input's modules as a run or {@code check} reads them, building no table: a mistake of the
     * input (a file's, or of one module's rules across its fields and files: a negative staff cost on a unit with
     * work-years) is the InputError a run would stop with.
     */
    public static void read(InputSet in) {
        sources(in);
    }

    /** Reads and checks the input's modules, in the order their mistakes are told: see {@link Sources}. */
    static Sources sources(InputSet in) {
        Biennium biennium = Biennium.parse(in.biennium());
        // Read before the reference, not as its input: it only chooses which of a text's wordings the tables take.
        var document = PrintedDocument.of(in);
        // publication.csv whole before the texts whose wording it chooses, so that its own mistake is the one told.
        PublicationDate.of(in); // checked with the other inputs, before anything is rendered
        BienniumConsistency.check(in, biennium); // its years are the folder's: not a copy of another biennium's left as it was
        checkOwnTexts(in, document.isPresent());
        var reference = in.reading(() -> ReferenceData.from(in, biennium, document.isPresent()));
        ReferenceData ref = reference.value();
        var results = in.reading(() -> ResultsFramework.from(in, ref));
        // A module built from another has that one's inputs too (outcomes and the document's tables from the results).
        var outcomes = in.reading(() -> OutcomeResources.from(in, results.value()));
        var documentData = in.reading(() -> DocumentData.from(in, results.value()));
        var budget = in.reading(() -> BudgetData.from(in, ref));
        return new Sources(in, document, reference, budget, results, withInputsOf(outcomes, results), withInputsOf(documentData, results),
                in.reading(() -> RegionalExpenditureTable.actualsAsOf(in)));
    }

    /**
     * As {@link #compute(InputSet, ExpenditureIngest.Result, Collection)}, the previous biennium's sources for its
     * restatements taken from {@code read} when this command has read them, and this biennium's left there for a later one.
     */
    public static ComputedPublication compute(InputSet in, ExpenditureIngest.Result lines, Collection<String> wanted, ReadBiennia read) {
        return compute(in, lines, wanted, read, texts -> List.of());
    }

    /**
     * As {@link #compute(InputSet, ExpenditureIngest.Result, Collection, ReadBiennia)}, the texts lacking any of
     * {@code alsoRead}'s keys (the words the run's editions and report read as they are written: publish.EditionKeys)
     * refused with those the tables lack, every one named on one line, before anything is rendered.
     */
    public static ComputedPublication compute(InputSet in, ExpenditureIngest.Result lines, Collection<String> wanted, ReadBiennia read,
                                              java.util.function.Function<org.pbannex.reference.Texts, Collection<String>> alsoRead) {
        Sources sources = read.sources(in);
        org.pbannex.reference.Texts texts = sources.reference().value().texts();
        // Every text the tables, checks and cover need and the texts lack, named at once (Texts.namingEveryMissing);
        // the editions' words after them, even where a text they lack made the tables fail.
        return org.pbannex.reference.Texts.namingEveryMissing(() -> computed(sources, lines, wanted, true, read),
                () -> texts.need(alsoRead.apply(texts)));
    }

    private static ComputedPublication compute(Sources read, ExpenditureIngest.Result lines, Collection<String> wanted, boolean restate,
                                               ReadBiennia biennia) {
        // Every text the tables, checks and cover need and the texts lack, named at once (Texts.namingEveryMissing).
        return org.pbannex.reference.Texts.namingEveryMissing(() -> computed(read, lines, wanted, restate, biennia));
    }

    private static ComputedPublication computed(Sources read, ExpenditureIngest.Result lines, Collection<String> wanted, boolean restate,
                                                ReadBiennia biennia) {
        InputSet in = read.in();
        Biennium biennium = Biennium.parse(in.biennium());
        var document = read.document();
        ReferenceData ref = read.reference().value();
        TableSources sources = read.with(lines);
        Map<String, Table> tables = new LinkedHashMap<>();
        Map<String, BiFunction<String, String, LineSelection>> linesByTable = new LinkedHashMap<>();
        for (TableCatalogue.Entry e : TableCatalogue.entries()) {
            var missing = e.needs().stream().filter(n -> !sources.has(n)).toList();
            if (missing.isEmpty()) {
                tables.put(e.id(), sources.table(e.id()));
                linesByTable.put(e.id(), e.lines().apply(sources));
            } else if (wanted.contains(e.id())) {
                throw missingInput(in, e);
            }
        }
        RunRenderer.noteTables(ref.texts()); // the tables a general note names are tables: checked before any run renders
        // The data package's texts of fields against the CSVs' fields, as well before any run renders.
        org.pbannex.render.datapackage.FieldTexts.check(ref.texts(), in.table(TEXTS), tables.values(), TableCatalogue.ids(),
                in.sourceName(TEXTS));
        Checks checks = new Checks();
        for (var check : TableCatalogue.CHECKS) {
            checks.addAll(check.apply(sources));
        }
        List<PrintedDifference> differences = printedDifferences(in, document, ref.texts(), tables, checks);
        FailedCheckInputs.locate(checks, in, sources.inputsByTable());
        Restatements restatements = restate ? restatements(in, biennium, tables, biennia) : null;
        // Each table's finishing step, its catalogue entry's (Table 2's notes on rounding and on its restated previous budget).
        Finishing finishing = new Finishing(in, ref.texts(), document, Map.copyOf(tables), restatements);
        for (TableCatalogue.Entry e : TableCatalogue.entries()) {
            tables.computeIfPresent(e.id(), (id, t) -> e.finish().apply(t, finishing));
        }
        org.pbannex.reference.Placeholders.refuseUnfilled(tables.values(), in.table(TEXTS)); // the last guard before rendering
        ComputedPublication computed = new ComputedPublication(in, ref, tables, checks, differences, lines, document, restatements,
                sources.inputsByTable(), linesByTable);
        if (restate) { // the publication's own (a previous biennium's, computed to compare with, is not published)
            // The cover's words as every edition takes them: the last guard holds for them as for the tables'.
            org.pbannex.reference.Placeholders.refuseUnfilled(Said.of("where_cover"), RunRenderer.coverWords(computed), in.table(TEXTS));
        }
        return computed;
    }

    /** A row of the biennium's own texts.csv that would never be shown (a typo'd key) stops the run: see {@link TextKeys}. */
    private static void checkOwnTexts(InputSet in, boolean printed) {
        var own = in.ownRows(TEXTS);
        if (!own.isEmpty()) {
            new TextKeys(keys(in.sheetCsv(TEXTS).records()), in.sourceName(TEXTS), TableCatalogue.ids())
                    .checkOwn(own, keys(in.table(TEXTS)), printed, in.sourceName("publication"));
        }
    }

    private static Set<String> keys(List<org.pbannex.ingest.Record> texts) {
        return texts.stream().map(r -> r.text("key")).collect(java.util.stream.Collectors.toSet());
    }

    private static <T> InputSet.Read<T> withInputsOf(InputSet.Read<T> read, InputSet.Read<?> from) {
        var all = new java.util.LinkedHashSet<>(read.resources());
        all.addAll(from.resources());
        return new InputSet.Read<>(read.value(), Set.copyOf(all));
    }

    /**
     * The previous biennium's figures as this one states them against what the previous biennium publishes, when its
     * data folder is in the input (its tables are built from its own folder and reference, without expenditure lines).
     */
    private static Restatements restatements(InputSet in, Biennium biennium, Map<String, Table> tables, ReadBiennia read) {
        Biennium previous = biennium.previous();
        List<Restatements.Pair> pairs = Restatements.pairs(in.table(Restatements.COLUMNS), tables, TableCatalogue.ids());
        if (!Files.isDirectory(in.inputDir().resolve(previous.code()))) {
            return Restatements.notCompared(previous.code());
        }
        ComputedPublication theirs;
        try {
            theirs = compute(read.sources(in.inputDir(), previous), null, List.of(), false, read);
        } catch (org.pbannex.ingest.InputError e) {
            // Its own run refuses it and says where; this biennium is published all the same, its figures not compared.
            org.slf4j.LoggerFactory.getLogger(Publication.class).warn("{}: restatements of {} not compared: {}", biennium.code(),
                    previous.code(), e.getMessage());
            return Restatements.notCompared(previous.code(), Restatements.NotCompared.ITS_INPUT, 0);
        }
        if (!theirs.checks().failures().isEmpty()) {
            // Figures that fail their checks are not what that biennium publishes: never compared as if they were.
            return Restatements.notCompared(previous.code(), Restatements.NotCompared.ITS_CHECKS, theirs.checks().failures().size());
        }
        // The files read for it that the run's own input does not hold: the previous biennium's folder.
        Set<String> own = in.files().values().stream().map(InputSet.InputFile::path).collect(java.util.stream.Collectors.toSet());
        return Restatements.compare(previous.code(), pairs, tables, theirs.tables(), theirs.inputs().files().values().stream()
                .filter(f -> !own.contains(f.path())).toList());
    }

    private static InputError missingInput(InputSet in, TableCatalogue.Entry e) {
        String folder = org.pbannex.ingest.InputFolder.shownName(in.inputDir(), EXPENDITURE_FOLDER + "/");
        return new InputError(folder, 0, "", Said.of("no_lines", "table", e.id(), "others", String.join(",",
                TableCatalogue.ids().stream().filter(id -> !id.equals(e.id())).toList())));
    }

    /**
     * The documented differences from the printed document, each checked: the cell must exist and still hold the
     * documented published value, or the documentation is out of date. Each marks its cell with a note in both
     * editions (the table in {@code tables} is replaced by the marked one). A biennium that names no printed document
     * can have none: its notes would speak of a print there is not.
     */
    private static List<PrintedDifference> printedDifferences(InputSet in, Optional<PrintedDocument> document, Texts texts,
                                                              Map<String, Table> tables, Checks checks) {
        List<PrintedDifference> out = new ArrayList<>();
        for (var r : in.table(PRINTED_DIFFERENCES)) {
            if (document.isEmpty()) {
                throw new InputError(r.file(), r.line(), "printed", Said.of("difference_no_print", "publication",
                        in.sourceName("publication")));
            }
            String symbol = document.get().symbol();
            if (!r.text("document_symbol").equals(symbol)) {
                // Figures copied with a folder can be the same in both biennia: the print named is what tells them apart.
                throw new InputError(r.file(), r.line(), "document_symbol", Said.of("difference_other_print", "symbol",
                        r.text("document_symbol"), "publication", in.sourceName("publication"), "named", symbol));
            }
            String id = r.text("table");
            Table t = tables.get(id);
            if (t == null || t.rows().stream().noneMatch(x -> x.key().equals(r.text("row")))) {
                throw new InputError(r.file(), r.line(), "row", Said.of("no_table_row", "table", id, "row", r.text("row")));
            }
            if (t.columns().stream().noneMatch(c -> c.key().equals(r.text("column")))) {
                throw new InputError(r.file(), r.line(), "column", Said.of("no_table_column", "table", id, "column", r.text("column")));
            }
            Text explanation = new Text(r.text("explanation_zh"), r.text("explanation_en"));
            Text cellNote = texts.get("difference.cell_note").with("printed", r.text("printed")).with("published", r.text("published"))
                    .with("explanation", explanation);
            var column = t.column(r.text("column"));
            Text where = texts.get("difference.where").with("table", t.number().isEmpty() ? t.title() : t.number())
                    .with("row", t.row(r.text("row")).label()).with("column", column.group().isEmpty() ? column.heading()
                            : texts.get("difference.grouped_column").with("group", column.group()).with("heading", column.heading()));
            PrintedDifference d = new PrintedDifference(id, r.text("row"), r.text("column"), r.text("printed"), r.text("published"),
                    explanation, texts.get("difference.note").with("where", where).with("note", cellNote));
            Object v = t.row(d.row()).value(d.column());
            String actual = v instanceof java.math.BigDecimal b ? b.toPlainString() : String.valueOf(v);
            // The expected value is the file's own line: a failure names it (the cell's figure has sources of its own).
            checks.equal(PRINTED_DIFFERENCES_CHECK, d.table(), d.row(), d.published(), actual, new CheckResult.Lines(
                    List.of(), List.of(new CheckResult.InputLines(PRINTED_DIFFERENCES, Map.of("table", Set.of(id),
                            "row", Set.of(d.row()), "column", Set.of(d.column())), List.of("published")))));
            tables.put(id, t.withCellNote(new CellNote(d.row(), d.column(), texts.get("difference.marker").zh(), cellNote)));
            out.add(d);
        }
        // The figures the explanations state, once the figures themselves pass: a failed check says more of a changed
        // input (which the explanation then follows or not, told when the checks pass).
        if (!out.isEmpty() && checks.failures().isEmpty()) {
            StatedFigures stated = new StatedFigures(tables.values());
            for (var r : in.table(PRINTED_DIFFERENCES)) {
                stated.check(r, "explanation_zh");
                stated.check(r, "explanation_en");
            }
        }
        return out;
    }

    /**
     * The biennium to run: the one asked for, or else the latest data folder (named like 2022-23) in the input.
     * An asked-for biennium that has no data folder is a usage error (IllegalArgumentException naming those there are).
     */
    public static Biennium biennium(Path inputDir, String requested) {
        if (!Files.isDirectory(inputDir)) {
            throw new InputError(inputDir.toString(), 0, "", Said.of("no_input_folder"));
        }
        if (requested != null && !requested.isBlank()) {
            // A named biennium is read whatever another folder's name: a misnamed one is warned of (misnamedFolders).
            List<Biennium> found = Biennium.scan(inputDir).biennia();
            Biennium b = Biennium.parse(requested.trim());
            if (b == null) {
                throw new IllegalArgumentException("not a biennium: '" + requested + "' (expected e.g. 2022-23)");
            }
            if (!found.contains(b)) {
                throw new IllegalArgumentException("no data folder for biennium " + b + " in " + inputDir + " (there is "
                        + (found.isEmpty() ? "none" : String.join(", ", found.stream().map(Biennium::code).toList())) + ")");
            }
            return b;
        }
        List<Biennium> found = bienniaIn(inputDir);
        if (found.isEmpty()) {
            throw new InputError(inputDir.toString(), 0, "", Said.of("no_biennium_folder"));
        }
        return found.get(found.size() - 1);
    }

    /** What {@code --biennium all} (or a job's {@code biennia: all}) asks for: every biennium with a data folder. */
    public static final String ALL = "all";

    /**
     * The biennia to run or check, each in turn: {@code all} (every data folder, oldest first), the ones named, or, when
     * none is, the latest. A named biennium without a data folder is a usage error, as for {@link #biennium}.
     */
    public static List<Biennium> biennia(Path inputDir, List<String> requested) {
        if (requested.isEmpty()) {
            return List.of(biennium(inputDir, null));
        }
        if (requested.size() == 1 && requested.get(0).trim().equals(ALL)) {
            biennium(inputDir, null); // the same message when there is none
            return bienniaIn(inputDir);
        }
        return requested.stream().map(b -> biennium(inputDir, b)).distinct().toList();
    }

    /**
     * The folders of the input named like a biennium but not as one (2024-2025), each as the line that refuses it: a
     * command that reads named biennia only warns of them, one that reads every biennium or the latest stops on them.
     */
    public static List<String> misnamedFolders(Path inputDir) {
        return Files.isDirectory(inputDir)
                ? Biennium.scan(inputDir).misnamed().stream().map(InputError::getMessage).toList() : List.of();
    }

    /** The biennia that have a data folder in the input, oldest first. */
    public static List<Biennium> bienniaIn(Path inputDir) {
        return Biennium.foldersIn(inputDir);
    }
}
