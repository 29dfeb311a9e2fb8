package org.pbannex.review;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.pbannex.ingest.DataPackage;
import org.pbannex.ingest.InputError;
import org.pbannex.ingest.InputFolder;
import org.pbannex.inputbook.InputBookReader;
import org.pbannex.inputbook.InputBookReader.Sheet;
import org.pbannex.publication.ComputedPublication;
import org.pbannex.ingest.InputSet;
import org.pbannex.ingest.Said;
import org.pbannex.publish.PublishedRun;
import org.pbannex.publication.Publication;
import org.pbannex.publication.RunRenderer;
import org.pbannex.publication.TableCatalogue;
import org.pbannex.reference.Texts;
import org.pbannex.reference.Biennium;
import org.pbannex.render.xlsx.XlsxWorkbookWriter;
import org.pbannex.render.xlsx.XlsxWorkbookWriter.SheetPlan;
import org.pbannex.table.Language;
import org.pbannex.table.Table;

/**
 * Compares a workbook a reviewer sent back with the run it came from, cell by cell on every table sheet. Both workbooks
 * are read the same untrusted way ({@link InputBookReader}: size and zip-bomb limits, no document types, no macros,
 * formulas never evaluated); the published one is the run's own workbook of the same edition. Sheets are matched by
 * their name, or, when a reviewer renamed one, by the table's heading row. Rows are matched by their label (and
 * group): in order first, so an added or deleted row is one change, not a shifted table; then wherever they are, so a
 * sorted table is no change; then a row whose label was edited, by its figures. Columns are matched by their heading,
 * or where the print has them when the headings are gone. The text around the tables is compared too ({@link TextChanges}).
 */
public final class Review {

    /**
     * One difference. {@code kind}: {@code input} or {@code derived} for a changed value; {@code formula} (the returned
     * cell is a formula: its text, never its value), {@code comment} (on any sheet), {@code row_added}, {@code row_deleted},
     * {@code column_added} (its heading, then each cell the reviewer filled in it), {@code column_deleted}, {@code heading}
     * (a column heading edited: the column is compared all the same), {@code text} (a text outside the figures: a title,
     * units or notes line, a cell of the cover or the notes), {@code sheet_added} (a copy of a table's sheet: the sheet
     * it copies as {@code published}), {@code sheet_deleted},
     * {@code sheet_renamed}, {@code no_input} (a figure typed where the table gives none, "[x]": no input holds it).
     * {@code table}, {@code rowKey} and {@code column} are the run's ids (those of the tidy CSVs); {@code where} is what
     * the reviewer saw; {@code note} what the kind alone does not say (a percentage's two figures, what "[x]" means, a
     * text's source guessed, a sheet the run id is on), in both languages, or empty.
     */
    public record Change(String table, String rowKey, String column, String published, String returned, String kind,
                         List<CellSources.InputCell> sources, Where where, org.pbannex.table.Text note, PercentOf percent) {

        public Change {
            note = note == null ? org.pbannex.table.Text.EMPTY : note;
        }

        public Change(String table, String rowKey, String column, String published, String returned, String kind,
                      List<CellSources.InputCell> sources, Where where, org.pbannex.table.Text note) {
            this(table, rowKey, column, published, returned, kind, sources, where, note, null);
        }

        /** A change whose kind and sources say all (no {@code note}). */
        public Change(String table, String rowKey, String column, String published, String returned, String kind,
                      List<CellSources.InputCell> sources, Where where) {
            this(table, rowKey, column, published, returned, kind, sources, where, null, null);
        }

        /** The note in both languages: a percentage's two figures with their sources, or the note as given. */
        org.pbannex.table.Text noteIn(Texts t) {
            if (percent == null) {
                return note;
            }
            return t.get("review.note.percent").with("numerator", percent.numerator())
                    .with("base", percent.base())
                    .with("numerator_sources", joined(ReviewReport.sourceLines(percent.numeratorSources(), t)))
                    .with("base_sources", joined(ReviewReport.sourceLines(percent.baseSources(), t)));
        }
    }

    /**
     * A percentage the table computes within its row (Column.percentOf): the two figures as their headings name them,
     * each with its inputs (kept apart from the note's words so that they are named where today's input has them).
     */
    public record PercentOf(org.pbannex.table.Text numerator, List<CellSources.InputCell> numeratorSources,
                            org.pbannex.table.Text base, List<CellSources.InputCell> baseSources) {
    }

    /**
     * Where a reviewer finds a change: the returned workbook's sheet and cell (A1; empty for what is no longer there),
     * the row's label and the column's heading as published (empty where the change is not in one row or column).
     */
    public record Where(String sheet, String cell, String rowLabel, String heading) {

        static Where sheet(String sheet) {
            return new Where(sheet, "", "", "");
        }
    }

    /**
     * The review of one returned workbook. {@code changedFiles}: the input files (as messages name them) whose checksum
     * is not the one the run's manifest gives, or that the run did not read; empty while the input is the run's.
     * {@code texts}: the input's texts, for the review page's wording (keys review.*). {@code inRunInput}: traced in the
     * input the run read, kept in its folder (else in today's: a run published before runs kept it, or nothing changed).
     */
    public record Result(String runId, Path runFolder, String language, List<Change> changes, List<String> changedFiles,
                         int cellsCompared, Texts texts, boolean inRunInput) {

        /** The input is no longer the run's: an input cell's line may hold another value than the run read. */
        public boolean inputChanged() {
            return !changedFiles.isEmpty();
        }
    }

    private Review() {
    }

    /**
     * @param runOption the run named with --run, or null (then the cover's run id)
     * @param outputRoot where published runs are (output/)
     * @param inputDir   the input folder the run read (for row keys and sources)
     * @param publishedIn the folder the run history says a run was published to, if it knows the run
     */
    public static Result of(Path returned, String shown, String runOption, Path outputRoot, Path inputDir,
                            java.util.function.Function<String, java.util.Optional<Path>> publishedIn) throws IOException {
        List<Sheet> back = InputBookReader.read(returned, shown);
        InputBookReader.Properties properties = InputBookReader.properties(returned);
        WorkbookOrigin.Origin origin = WorkbookOrigin.origin(back, properties);
        if (runOption != null && origin != null && !runOption.equals(origin.runId())) {
            throw WorkbookOrigin.otherRun(shown, origin, runOption);
        }
        if (runOption == null && origin == null && properties.created().isPresent()) {
            // Named nowhere but by when it was made: the one run that started then, as a --run naming another is refused.
            origin = WorkbookOrigin.startedWhenMade(outputRoot, properties.created().get());
        }
        String runId = runOption != null ? runOption : origin == null ? null : origin.runId();
        if (runId == null && org.pbannex.inputbook.InputBookImport.isInputBook(back)) {
            throw new InputError(shown, 0, "", Said.of("input_workbook", "file", shown));
        }
        if (runId == null) {
            throw new InputError(shown, 0, "", Said.of("no_run_id"));
        }
        Path runFolder = PublishedRun.find(outputRoot, runId).orElseThrow(() -> new InputError(shown, 0, "",
                Said.of("run_not_published", "run", runId, "output", outputRoot.toString(), "where", publishedIn.apply(runId)
                        .map(f -> WorkbookOrigin.whereRecorded(f, shown, outputRoot)).orElse(Said.of("published_in.unknown")))));
        PublishedRun run = PublishedRun.read(runFolder);
        if (origin == null && properties.created().isPresent()) {
            WorkbookOrigin.Origin made = WorkbookOrigin.startedWhenMade(runFolder.getParent(), properties.created().get(), run);
            if (made != null) {
                throw WorkbookOrigin.otherRun(shown, made, runId);
            }
        }
        WorkbookOrigin.Published published = WorkbookOrigin.closest(run, back).orElseThrow(() -> new InputError(shown, 0, "", Said.of("not_of_run", "run", runId)));
        Biennium biennium = Biennium.parse(run.biennium());
        InputSet today = Publication.ingest(inputDir, biennium);
        // The program's own texts the run read beneath the folder's (program_inputs) named in full, as its record names them.
        List<String> changedFiles = run.changedFiles(today).stream().map(f -> PublishedRun.programFile(f) ? f
                : InputFolder.shownName(inputDir, f)).toList();
        // Changed since the run: traced in the input the run kept (its kinds and sources are the run's, whatever changed),
        // then found in today's input by their records' keys. A run published before runs kept their input is traced in
        // today's, a cell keeping the kind the other rows of its column show (CellSources.keepColumnsOwnFields).
        try (RunInput kept = changedFiles.isEmpty() ? null : RunInput.open(run).orElse(null)) {
            Result traced = kept == null ? compare(shown, back, runFolder, runId, published, today, inputDir, changedFiles,
                    Set.copyOf(changedFiles))
                    : kept.reading(() -> compare(shown, back, runFolder, runId, published, kept.inputs(), inputDir,
                    changedFiles, Set.of()));
            if (kept == null) {
                return conflictsNoted(traced);
            }
            DataPackage pkg = DataPackage.load(inputDir);
            List<Change> changes = traced.changes().stream().map(c -> new Change(c.table(), c.rowKey(), c.column(), c.published(),
                    c.returned(), c.kind(), kept.relocated(c.sources(), today, pkg), c.where(), c.note(), c.percent() == null ? null
                    : new PercentOf(c.percent().numerator(), kept.relocated(c.percent().numeratorSources(), today, pkg),
                    c.percent().base(), kept.relocated(c.percent().baseSources(), today, pkg)))).toList();
            // The page's wording from today's texts: the run's may lack a text this version of pb-annex says.
            return conflictsNoted(new Result(runId, runFolder, traced.language(), changes, changedFiles, traced.cellsCompared(),
                    org.pbannex.reference.ReferenceData.from(today, biennium).texts(), true));
        }
    }

    /**
     * The input changes of a workbook that give one input cell (a figure shown on two sheets, corrected on both): for the
     * index of each, the indices of every change to its cell, in the workbook's order; none for a cell changed once.
     */
    static Map<Integer, List<Integer>> sameInputCell(List<Change> changes) {
        Map<CellSources.InputCell, List<Integer>> byCell = new LinkedHashMap<>();
        for (int i = 0; i < changes.size(); i++) {
            Change c = changes.get(i);
            if (c.kind().equals("input") && c.sources().size() == 1) {
                byCell.computeIfAbsent(c.sources().get(0), k -> new ArrayList<>()).add(i);
            }
        }
        Map<Integer, List<Integer>> out = new HashMap<>();
        byCell.values().stream().filter(l -> l.size() > 1).forEach(l -> l.forEach(i -> out.put(i, l)));
        return out;
    }

    /** Whether the changes of one input cell give it different values (then none is right by the sheets' order). */
    static boolean disagree(List<Integer> sameCell, List<Change> changes) {
        String first = changes.get(sameCell.get(0)).returned();
        return sameCell.stream().anyMatch(i -> !CellValues.same(first, changes.get(i).returned()));
    }

    /** One of several answers for an input cell: the value, and the sheet and cell that give it. */
    static org.pbannex.table.Text answer(Change c, Texts t) {
        return t.get("review.answer").with("returned", ReviewApply.shortened(c.returned())).with("sheet", c.where().sheet())
                .with("cell", c.where().cell());
    }

    /**
     * Each input change whose cell another change of the workbook gives a different value, noted so with the others
     * (found by an exploratory test: the first sheet's answer was applied and the second called a change of the input
     * since the run).
     */
    private static Result conflictsNoted(Result r) {
        List<Change> changes = new ArrayList<>(r.changes());
        sameInputCell(r.changes()).forEach((i, cell) -> {
            if (disagree(cell, r.changes())) {
                Change c = r.changes().get(i);
                org.pbannex.table.Text conflict = r.texts().get("review.note.conflict").with("answers", r.texts().listOf(
                        cell.stream().filter(j -> !j.equals(i)).map(j -> answer(r.changes().get(j), r.texts())).toList()));
                org.pbannex.table.Text note = c.note().isEmpty() ? conflict : new org.pbannex.table.Text(c.note().zh() + conflict.zh(),
                        c.note().en() + " " + conflict.en());
                changes.set(i, new Change(c.table(), c.rowKey(), c.column(), c.published(), c.returned(), c.kind(), c.sources(),
                        c.where(), note, c.percent()));
            }
        });
        return new Result(r.runId(), r.runFolder(), r.language(), changes, r.changedFiles(), r.cellsCompared(), r.texts(),
                r.inRunInput());
    }

    /**
     * The comparison, traced in {@code in}: the input the run read (today's, or the copy it kept).
     *
     * @param inferFrom the files changed since the run when {@code in} is today's input (see CellSources); else none
     */
    private static Result compare(String shown, List<Sheet> back, Path runFolder, String runId, WorkbookOrigin.Published published, InputSet in,
                                  Path inputDir, List<String> changedFiles, Set<String> inferFrom) {
        String language = published.language();
        // The expenditure lines are today's (the run keeps their checksums, not the lines): a figure summed from them is
        // named by which lines it sums, not by line numbers.
        ComputedPublication computed = Publication.compute(in, Publication.readLines(in, inputDir, null), TableCatalogue.ids());
        List<Table> tables = computed.tables().values().stream().filter(t -> published.tables().contains(t.id())).toList();
        List<SheetPlan> plans = XlsxWorkbookWriter.sheetPlans(tables, Language.of(language), RunRenderer.wording(computed));
        DataPackage pkg = DataPackage.load(in.inputDir());

        TextChanges texts = new TextChanges(in, computed.reference().texts());
        Pattern markers = CellValues.noteMarkers(computed.reference().texts().get("edition.workbook.note_marker").in(Language.of(language)));
        Map<String, Sheet> publishedByName = byName(published.sheets());
        Map<String, Sheet> returnedByName = byName(back);
        List<Change> changes = new ArrayList<>();
        int compared = 0;
        Map<String, PublishedTable> tablesBySheet = new LinkedHashMap<>();
        for (SheetPlan plan : plans) {
            Sheet p = publishedByName.get(plan.sheetName());
            if (p == null) {
                throw new InputError(runFolder.toString(), 0, "", Said.of("no_sheet", "sheet", plan.sheetName()));
            }
            tablesBySheet.put(plan.sheetName(), PublishedTable.of(plan, p, shown));
        }
        // Each table's sheet: the one of its name that holds its heading row; else (renamed, or names swapped) the sheet
        // that holds its heading row and not that of the table it is named after.
        Map<String, Sheet> sheetOf = new LinkedHashMap<>();
        List<String> taken = new ArrayList<>();
        tablesBySheet.forEach((name, pub) -> {
            Sheet same = returnedByName.get(name);
            if (same != null && pub.headerIn(same) != null) {
                sheetOf.put(name, same);
                taken.add(name);
            }
        });
        tablesBySheet.forEach((name, pub) -> {
            if (!sheetOf.containsKey(name)) {
                Sheet moved = SheetMatching.renamedSheet(pub, back, tablesBySheet, taken);
                if (moved != null) {
                    sheetOf.put(name, moved);
                    taken.add(moved.name());
                } else if (returnedByName.containsKey(name)) {
                    sheetOf.put(name, returnedByName.get(name)); // its headings were changed: compared as far as they go
                    taken.add(name);
                }
            }
        });
        for (int i = 0; i < plans.size(); i++) {
            SheetPlan plan = plans.get(i);
            Sheet r = sheetOf.get(plan.sheetName());
            if (r == null) {
                changes.add(new Change(plan.tableId(), "", "", plan.sheetName(), "", "sheet_deleted", List.of(),
                        Where.sheet(plan.sheetName())));
                continue;
            }
            if (!r.name().equals(plan.sheetName())) {
                changes.add(new Change(plan.tableId(), "", "", plan.sheetName(), r.name(), "sheet_renamed", List.of(), Where.sheet(r.name())));
            }
            compared += TableSheetComparison.compare(tables.get(i), plan, tablesBySheet.get(plan.sheetName()), r, computed, pkg, inferFrom,
                    texts, markers, Language.of(language), changes);
        }
        // The cover, contents, notes, charts and run sheets a reviewer renamed (found by their texts) or deleted: listed as
        // a table sheet's are, never applied.
        for (Sheet p : published.sheets()) {
            if (tablesBySheet.containsKey(p.name()) || returnedByName.containsKey(p.name())) {
                continue;
            }
            Sheet moved = SheetMatching.renamedOther(p, back, publishedByName, taken, plans, tablesBySheet);
            if (moved == null) {
                changes.add(new Change("", "", "", p.name(), "", "sheet_deleted", List.of(), Where.sheet(p.name())));
                continue;
            }
            taken.add(moved.name());
            changes.add(new Change("", "", "", p.name(), moved.name(), "sheet_renamed", List.of(), Where.sheet(moved.name())));
            texts.compare("", moved.name(), TextChanges.cells(p.rows()), TextChanges.cells(moved.rows()), changes);
            CommentChanges.compare(p.comments(), moved, changes);
        }
        for (Sheet r : back) {
            if (!taken.contains(r.name())) {
                Sheet p = publishedByName.get(r.name());
                int copied = p == null ? SheetMatching.copyOf(r, plans, tablesBySheet) : -1;
                if (copied >= 0) {
                    // A reviewer's copy of a table's sheet (Excel's "a2-1 ... (2)"): compared as that table, so that
                    // what was typed on the copy is listed, on the copy.
                    SheetPlan plan = plans.get(copied);
                    changes.add(new Change(plan.tableId(), "", "", plan.sheetName(), r.name(), "sheet_added", List.of(), Where.sheet(r.name())));
                    compared += TableSheetComparison.compare(tables.get(copied), plan, tablesBySheet.get(plan.sheetName()), r, computed, pkg,
                            inferFrom, texts, markers, Language.of(language), changes);
                } else if (p == null) {
                    changes.add(new Change("", "", "", "", r.name(), "sheet_added", List.of(), Where.sheet(r.name())));
                } else {
                    // The cover, contents, notes, charts and run sheets: their texts, cell by cell, and comments.
                    texts.compare("", r.name(), TextChanges.cells(p.rows()), TextChanges.cells(r.rows()), changes);
                    CommentChanges.compare(p.comments(), r, changes);
                }
            }
        }
        return new Result(runId, runFolder, language, changes, changedFiles, compared, computed.reference().texts(), false);
    }

    /** Whether a published and a returned cell hold the same figure or text ({@link CellValues#same}). */
    static boolean same(String published, String returned) {
        return CellValues.same(published, returned);
    }

    private static org.pbannex.table.Text joined(List<org.pbannex.table.Text> parts) {
        return new org.pbannex.table.Text(String.join("; ", parts.stream().map(org.pbannex.table.Text::zh).toList()),
                String.join("; ", parts.stream().map(p -> p.in(Language.EN)).toList()));
    }

    private static Map<String, Sheet> byName(List<Sheet> sheets) {
        Map<String, Sheet> out = new HashMap<>();
        sheets.forEach(s -> out.put(s.name(), s));
        return out;
    }
}
