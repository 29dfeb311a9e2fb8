package org.pbannex.review;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.pbannex.ingest.DataPackage;
import org.pbannex.ingest.InputError;
import org.pbannex.ingest.InputFolder;
import org.pbannex.inputbook.InputBookReader;
import org.pbannex.inputbook.InputBookReader.Cell;
import org.pbannex.inputbook.InputBookReader.Sheet;
import org.pbannex.publication.ComputedPublication;
import org.pbannex.distribute.Distributor;
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

    /** The significant digits Excel keeps of a number: the rest of a saved double is binary noise (4.4 + 0.2). */
    static final java.math.MathContext EXCEL = new java.math.MathContext(15);

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
        Origin origin = origin(back, properties);
        if (runOption != null && origin != null && !runOption.equals(origin.runId())) {
            throw otherRun(shown, origin, runOption);
        }
        if (runOption == null && origin == null && properties.created().isPresent()) {
            // Named nowhere but by when it was made: the one run that started then, as a --run naming another is refused.
            origin = startedWhenMade(outputRoot, properties.created().get());
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
                        .map(f -> whereRecorded(f, shown, outputRoot)).orElse(Said.of("published_in.unknown")))));
        PublishedRun run = PublishedRun.read(runFolder);
        if (origin == null && properties.created().isPresent()) {
            Origin made = startedWhenMade(runFolder.getParent(), properties.created().get(), run);
            if (made != null) {
                throw otherRun(shown, made, runId);
            }
        }
        Published published = closest(run, back).orElseThrow(() -> new InputError(shown, 0, "", Said.of("not_of_run", "run", runId)));
        Biennium biennium = Biennium.parse(run.biennium());
        InputSet today = Publication.ingest(inputDir, biennium);
        List<String> changedFiles = run.changedFiles(today).stream().map(f -> InputFolder.shownName(inputDir, f)).toList();
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
        return sameCell.stream().anyMatch(i -> !same(first, changes.get(i).returned()));
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
    private static Result compare(String shown, List<Sheet> back, Path runFolder, String runId, Published published, InputSet in,
                                  Path inputDir, List<String> changedFiles, Set<String> inferFrom) {
        String language = published.language();
        // The expenditure lines are today's (the run keeps their checksums, not the lines): a figure summed from them is
        // named by which lines it sums, not by line numbers.
        ComputedPublication computed = Publication.compute(in, Publication.readLines(in, inputDir, null), TableCatalogue.ids());
        List<Table> tables = computed.tables().values().stream().filter(t -> published.tables().contains(t.id())).toList();
        List<SheetPlan> plans = XlsxWorkbookWriter.sheetPlans(tables, Language.of(language), RunRenderer.wording(computed));
        DataPackage pkg = DataPackage.load(in.inputDir());

        TextChanges texts = new TextChanges(in, computed.reference().texts());
        Pattern markers = noteMarkers(computed.reference().texts().get("edition.workbook.note_marker").in(Language.of(language)));
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
                Sheet moved = renamedSheet(pub, back, tablesBySheet, taken);
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
            compared += compareSheet(tables.get(i), plan, tablesBySheet.get(plan.sheetName()), r, computed, pkg, inferFrom,
                    texts, markers, Language.of(language), changes);
        }
        // The cover, contents, notes, charts and run sheets a reviewer renamed (found by their texts) or deleted: listed as
        // a table sheet's are, never applied.
        for (Sheet p : published.sheets()) {
            if (tablesBySheet.containsKey(p.name()) || returnedByName.containsKey(p.name())) {
                continue;
            }
            Sheet moved = renamedOther(p, back, publishedByName, taken, plans, tablesBySheet);
            if (moved == null) {
                changes.add(new Change("", "", "", p.name(), "", "sheet_deleted", List.of(), Where.sheet(p.name())));
                continue;
            }
            taken.add(moved.name());
            changes.add(new Change("", "", "", p.name(), moved.name(), "sheet_renamed", List.of(), Where.sheet(moved.name())));
            texts.compare("", moved.name(), TextChanges.cells(p.rows()), TextChanges.cells(moved.rows()), changes);
            comments(p.comments(), moved, changes);
        }
        for (Sheet r : back) {
            if (!taken.contains(r.name())) {
                Sheet p = publishedByName.get(r.name());
                int copied = p == null ? copyOf(r, plans, tablesBySheet) : -1;
                if (copied >= 0) {
                    // A reviewer's copy of a table's sheet (Excel's "a2-1 ... (2)"): compared as that table, so that
                    // what was typed on the copy is listed, on the copy.
                    SheetPlan plan = plans.get(copied);
                    changes.add(new Change(plan.tableId(), "", "", plan.sheetName(), r.name(), "sheet_added", List.of(), Where.sheet(r.name())));
                    compared += compareSheet(tables.get(copied), plan, tablesBySheet.get(plan.sheetName()), r, computed, pkg,
                            inferFrom, texts, markers, Language.of(language), changes);
                } else if (p == null) {
                    changes.add(new Change("", "", "", "", r.name(), "sheet_added", List.of(), Where.sheet(r.name())));
                } else {
                    // The cover, contents, notes, charts and run sheets: their texts, cell by cell, and comments.
                    texts.compare("", r.name(), TextChanges.cells(p.rows()), TextChanges.cells(r.rows()), changes);
                    comments(p.comments(), r, changes);
                }
            }
        }
        return new Result(runId, runFolder, language, changes, changedFiles, compared, computed.reference().texts(), false);
    }

    /**
     * The texts a published cell above a table holds, by its place: the line it is on (SheetPlan.above: the title in A1,
     * then the introduction's lines) names the table's texts and the workbook's wording it is made of, from texts.csv
     * (its .printed row where the biennium reads that one). A text of the table whose key does not hold it, a caveat or
     * a source of other origin, is not said by the place: the closest text is then added, as a guess.
     */
    private static TextChanges.Placed placed(Table table, List<XlsxWorkbookWriter.Above> parts, int linesAbove, TextChanges.Cell cell,
                                            Texts t, Language lang) {
        var ref = new org.apache.poi.ss.util.CellReference(cell.ref());
        List<XlsxWorkbookWriter.Above> lines = parts.size() == linesAbove + 1 && parts.get(parts.size() - 1) == XlsxWorkbookWriter.Above.NOTES
                ? parts.subList(0, linesAbove) : parts; // a sheet that points to no notes has no notes line
        if (ref.getCol() != 0 || lines.size() != linesAbove || ref.getRow() >= lines.size()) {
            return TextChanges.Placed.NOWHERE;
        }
        List<String> keys = new ArrayList<>();
        boolean complete = switch (lines.get(ref.getRow())) {
            case TITLE -> table.number().isEmpty() ? own(table, "title", table.title(), t, keys)
                    : own(table, "title", table.title(), t, keys) & own(table, "number", table.number(), t, keys)
                    & keys.add("edition.workbook.numbered_title");
            case WARNING -> keys.add("edition.workbook.warning_line") && false; // the caveat has no key of the table's
            case HOLDS -> keys.add("edition.workbook.one_table") && table.charts().isEmpty();
            case SOURCE -> keys.add("edition.source_line") && false; // the table's or the publication's source
            case UNITS -> own(table, "unit", table.unitNote(), t, keys) & keys.add("edition.workbook.units_line");
            case GROUP -> keys.add("edition.workbook.group_line");
            case NOTES -> keys.add("edition.workbook.notes_line");
        };
        List<CellSources.InputCell> cells = new ArrayList<>();
        for (String key : keys) {
            Texts.Row at = t.where(key);
            if (at == null) {
                complete = false;
            } else {
                cells.add(new CellSources.InputCell("texts", at.file(), at.line(), lang.code()));
            }
        }
        return new TextChanges.Placed(cells, complete);
    }

    /** The table's own text of this name ({id}.title), if its key holds the text the table shows: added to the keys. */
    private static boolean own(Table table, String name, org.pbannex.table.Text shown, Texts t, List<String> keys) {
        String key = org.pbannex.reference.TextKeys.tableText(table.id(), name);
        if (t.has(key) && t.get(key).equals(shown)) {
            keys.add(key);
            return true;
        }
        return false;
    }

    /**
     * A percentage the table computes within its row (Column.percentOf): its two figures, each with its inputs, for the
     * note that says the figure to change is one of them; null for any other column.
     */
    private static PercentOf percentOf(Table table, String key, String column, CellSources sources, Texts t) {
        org.pbannex.table.Column.Ratio ratio = sources.ratio(column);
        if (ratio == null) {
            return null;
        }
        return new PercentOf(columnName(table, ratio.numerator(), t), sources.of(key, ratio.numerator()).cells(),
                columnName(table, ratio.base(), t), sources.of(key, ratio.base()).cells());
    }

    /** A column as its heading names it, under its group's where it has one ("Cost change: Amount"). */
    private static org.pbannex.table.Text columnName(Table table, String key, Texts t) {
        org.pbannex.table.Column c = table.columns().stream().filter(x -> x.key().equals(key)).findFirst().orElseThrow();
        return c.group().isEmpty() ? c.heading() : t.get("review.note.column").with("group", c.group()).with("heading", c.heading());
    }

    private static org.pbannex.table.Text joined(List<org.pbannex.table.Text> parts) {
        return new org.pbannex.table.Text(String.join("; ", parts.stream().map(org.pbannex.table.Text::zh).toList()),
                String.join("; ", parts.stream().map(p -> p.in(Language.EN)).toList()));
    }

    /**
     * What "[x]" means where a reviewer typed over it: the table's own note on it where one of its footnotes speaks of it
     * (the regional targets' "no target given"), else the workbook's note on every such cell.
     */
    private static org.pbannex.table.Text notPrintedNote(Table table, Texts t) {
        org.pbannex.table.Text meaning = table.footnotes().stream()
                .filter(f -> f.zh().contains(XlsxWorkbookWriter.NOT_PRINTED) || f.en().contains(XlsxWorkbookWriter.NOT_PRINTED))
                .findFirst().orElseGet(() -> t.get("edition.workbook.not_printed"));
        return t.get("review.note.not_printed").with("note", meaning);
    }

    /**
     * The returned sheet that is a renamed cover, contents, notes, charts or run sheet: one not taken, not named as a
     * published sheet, no copy of a table's, holding at least half of the published sheet's texts; of several, the one
     * holding most.
     */
    private static Sheet renamedOther(Sheet published, List<Sheet> back, Map<String, Sheet> publishedByName, List<String> taken,
                                      List<SheetPlan> plans, Map<String, PublishedTable> tablesBySheet) {
        java.util.Set<String> was = new java.util.HashSet<>();
        TextChanges.cells(published.rows()).forEach(c -> was.add(c.text()));
        Sheet best = null;
        long most = 0;
        for (Sheet r : back) {
            if (taken.contains(r.name()) || publishedByName.containsKey(r.name()) || copyOf(r, plans, tablesBySheet) >= 0) {
                continue;
            }
            long found = TextChanges.cells(r.rows()).stream().map(TextChanges.Cell::text).distinct().filter(was::contains).count();
            if (found > most) {
                best = r;
                most = found;
            }
        }
        return 2 * most >= was.size() && most > 0 ? best : null;
    }

    /** A table sheet as the run published it: its headings, the table's rows below them, and the sheet's comments. */
    private record PublishedTable(List<String> headings, List<List<String>> grid, List<String> labels,
                                  int labelColumns, Map<String, String> comments, List<TextChanges.Cell> above, int linesAbove) {

        static PublishedTable of(SheetPlan plan, Sheet published, String shown) {
            int n = plan.rowKeys().size();
            List<InputBookReader.Row> rows = published.rows();
            int headerNumber = rows.get(rows.size() - 1).number() - n; // nothing below the table: its rows are the sheet's last
            InputBookReader.Row header = row(rows, headerNumber);
            if (header == null) {
                throw new InputError(shown, 0, "", Said.of("sheet_rows", "sheet", plan.sheetName(), "count", String.valueOf(n)));
            }
            List<String> headings = texts(header, plan.columns().size());
            List<List<String>> grid = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                grid.add(texts(row(rows, headerNumber + i), plan.columns().size()));
            }
            int labelColumns = plan.columns().contains("group") ? 2 : 1;
            List<String> labels = grid.stream().map(r -> String.join("\t", r.subList(0, labelColumns))).toList();
            List<TextChanges.Cell> above = TextChanges.cells(rows.stream().filter(r -> r.number() < headerNumber).toList());
            return new PublishedTable(headings, grid, labels, labelColumns, published.comments(), above, headerNumber - 1);
        }

        /** Row i's label as the reader sees it (its group first, where the table has one). */
        String shownLabel(int i) {
            return labels.get(i).strip().replace("\t", " / ");
        }

        /**
         * The row of a sheet that holds this table's headings: the one with most of them (at least half, in any column: a
         * reviewer may have edited one, deleted a column or inserted one), the first of equals; null when none has.
         */
        InputBookReader.Row headerIn(Sheet sheet) {
            InputBookReader.Row best = null;
            long most = 0;
            for (InputBookReader.Row r : sheet.rows()) {
                List<String> texts = texts(r, width(r));
                long found = headings.stream().filter(h -> !h.isBlank() && texts.contains(h)).count();
                if (found > most) {
                    best = r;
                    most = found;
                }
            }
            return 2 * most >= headings.size() ? best : null;
        }
    }

    /**
     * The returned sheet that holds this table under another name (renamed, or two names swapped): one not taken yet,
     * with the table's heading row, and not with that of the table it is named after; of several, the one with most of
     * the table's row labels.
     */
    private static Sheet renamedSheet(PublishedTable pub, List<Sheet> back, Map<String, PublishedTable> tablesBySheet, List<String> taken) {
        Sheet best = null;
        long most = -1;
        for (Sheet s : back) {
            PublishedTable namedAfter = tablesBySheet.get(s.name());
            if (taken.contains(s.name()) || pub.headerIn(s) == null || namedAfter != null && namedAfter != pub
                    && namedAfter.headerIn(s) != null && !pub.headings().equals(namedAfter.headings())) {
                continue;
            }
            java.util.Set<String> texts = new java.util.HashSet<>();
            s.rows().forEach(r -> r.cells().forEach(c -> texts.add(text(c))));
            long found = pub.grid().stream().filter(r -> texts.contains(r.get(0))).count();
            if (found > most) {
                best = s;
                most = found;
            }
        }
        return best;
    }

    private static int compareSheet(Table table, SheetPlan plan, PublishedTable pub, Sheet returned, ComputedPublication computed,
                                    DataPackage pkg, Set<String> changedFiles, TextChanges texts, Pattern markers,
                                    Language lang, List<Change> changes) {
        int n = plan.rowKeys().size();
        List<String> headings = pub.headings();
        List<List<String>> pubGrid = pub.grid();
        List<String> lineFiles = computed.expenditure() == null ? List.of()
                : computed.expenditure().files().stream().map(f -> f.file()).toList();
        // Traced the first time a cell of the table changed (a table nobody edited costs nothing).
        var sources = org.springframework.util.function.SingletonSupplier.of(() -> CellSources.of(table, plan, pubGrid,
                computed.inputs(), pkg, computed.inputsByTable().getOrDefault(table.id(), Set.of()),
                computed.linesByTable().getOrDefault(table.id(), TableCatalogue.NO_LINES), lineFiles, changedFiles));
        String sheet = returned.name();
        Texts words = computed.reference().texts();

        // The returned header: the row holding most of the published headings (rows may have been inserted above it).
        // None (the heading row deleted, or every heading cleared): the table's rows are found by their labels and its
        // columns compared where the print has them, each heading listed as edited to nothing.
        InputBookReader.Row retHeader = pub.headerIn(returned);
        int headerNumber = retHeader != null ? retHeader.number() : firstRowOf(pub, returned) - 1;
        int top = retHeader != null ? headerNumber : headerNumber + 1;
        texts.compare(plan.tableId(), sheet, pub.above(),
                TextChanges.cells(returned.rows().stream().filter(r -> r.number() < top).toList()), changes,
                cell -> placed(table, plan.above(), pub.linesAbove(), cell, words, lang));
        if (headerNumber < 0) {
            changes.add(new Change(plan.tableId(), "", "", String.join(" | ", headings), "", "column_deleted", List.of(),
                    new Where(sheet, "", "", String.join(" | ", headings))));
            return 0;
        }
        List<InputBookReader.Row> retRows = returned.rows().stream().filter(r -> r.number() > headerNumber && !r.blank()).toList();
        List<String> retHeadings = retHeader != null ? texts(retHeader, Math.max(width(retHeader), headings.size()))
                : java.util.Collections.nCopies(headings.size(), "");
        int[] columnOf = retHeader != null ? columns(headings, retHeadings) : java.util.stream.IntStream.range(0, headings.size()).toArray();
        for (int c = 0; c < headings.size(); c++) {
            // A heading cleared over a column still there is an edited heading; over an empty one, a column deleted.
            int at = columnOf[c];
            if (at >= 0 && retHeadings.get(at).isBlank() && retRows.stream().allMatch(r -> text(cell(r, at)).isEmpty())) {
                columnOf[c] = -1;
            }
        }
        for (int c = 0; c < headings.size(); c++) {
            if (columnOf[c] < 0) {
                changes.add(new Change(plan.tableId(), "", plan.columns().get(c), headings.get(c), "", "column_deleted", List.of(),
                        new Where(sheet, "", "", headings.get(c))));
            } else if (!sameText(headings.get(c), retHeadings.get(columnOf[c]), markers)) {
                changes.add(new Change(plan.tableId(), "", plan.columns().get(c), headings.get(c), retHeadings.get(columnOf[c]),
                        "heading", List.of(), new Where(sheet, retHeader == null ? "" : a1(headerNumber, columnOf[c]), "",
                        headings.get(c))));
            }
        }
        List<Integer> added = new ArrayList<>();
        for (int c = 0; c < retHeadings.size(); c++) {
            if (!retHeadings.get(c).isBlank() && indexOf(columnOf, c) < 0) {
                added.add(c);
                changes.add(new Change(plan.tableId(), "", "", "", retHeadings.get(c), "column_added", List.of(),
                        new Where(sheet, a1(headerNumber, c), "", retHeadings.get(c))));
            }
        }
        List<String> retLabels = retRows.stream().map(r -> {
            List<String> v = new ArrayList<>();
            for (int c = 0; c < pub.labelColumns(); c++) {
                v.add(text(cell(r, columnOf[c])));
            }
            return String.join("\t", v);
        }).toList();
        int[][] pairs = align(pub.labels(), retLabels);
        pairByLabel(pub, retLabels, retRows, columnOf, pairs);
        pairRelabelled(pub, retRows, columnOf, pairs);
        int compared = 0;
        for (int i = 0; i < n; i++) {
            String key = plan.rowKeys().get(i);
            int j = pairs[0][i];
            if (j < 0) {
                changes.add(new Change(plan.tableId(), key, "", pub.labels().get(i).replace('\t', ' '), "", "row_deleted", List.of(),
                        new Where(sheet, "", pub.shownLabel(i), "")));
                continue;
            }
            InputBookReader.Row rr = retRows.get(j);
            for (int c = 0; c < headings.size(); c++) {
                if (columnOf[c] < 0) {
                    continue;
                }
                compared++;
                String column = plan.columns().get(c);
                String was = pubGrid.get(i).get(c);
                Cell now = cell(rr, columnOf[c]);
                Where where = new Where(sheet, a1(rr.number(), columnOf[c]), pub.shownLabel(i), headings.get(c));
                if (now != null && now.formula() != null) {
                    changes.add(new Change(plan.tableId(), key, column, was, now.formula(), "formula",
                            sources.get().of(key, column).cells(), where, null, percentOf(table, key, column, sources.get(), words)));
                } else if (!sameIn(was, text(now), headings.get(c), markers)) {
                    if (was.equals(XlsxWorkbookWriter.NOT_PRINTED)) {
                        // A figure typed where the table gives none: no input holds the cell, whatever the figure.
                        changes.add(new Change(plan.tableId(), key, column, was, text(now), "no_input", List.of(), where,
                                notPrintedNote(table, words)));
                        continue;
                    }
                    CellSources.Source source = sources.get().of(key, column);
                    changes.add(new Change(plan.tableId(), key, column, was, inColumn(text(now), headings.get(c)), source.kind(),
                            source.cells(), where, null, percentOf(table, key, column, sources.get(), words)));
                }
            }
        }
        // What a reviewer wrote in a column of their own ("notes" beside the figures), cell by cell.
        for (int j = 0; j < retRows.size(); j++) {
            for (int c : added) {
                String v = text(cell(retRows.get(j), c));
                if (!v.isEmpty() && pairs[1][j] >= 0) {
                    int i = pairs[1][j];
                    changes.add(new Change(plan.tableId(), plan.rowKeys().get(i), "", "", v, "column_added", List.of(),
                            new Where(sheet, a1(retRows.get(j).number(), c), pub.shownLabel(i), retHeadings.get(c))));
                }
            }
        }
        for (int j = 0; j < retRows.size(); j++) {
            if (pairs[1][j] < 0) {
                changes.add(new Change(plan.tableId(), "", "", "", String.join(" | ", texts(retRows.get(j), width(retRows.get(j))))
                        .replaceAll("( \\| )+$", ""), "row_added", List.of(),
                        new Where(sheet, a1(retRows.get(j).number(), 0), retLabels.get(j).strip().replace("\t", " / "), "")));
            }
        }
        // Comments anywhere on the sheet: on a table cell they name its row and column.
        Map<String, String> pubComments = pub.comments();
        for (var e : returned.comments().entrySet()) {
            if (Objects.equals(pubComments.get(e.getKey()), e.getValue())) {
                continue;
            }
            var ref = new org.apache.poi.ss.util.CellReference(e.getKey());
            String key = "";
            String column = "";
            List<CellSources.InputCell> cells = List.of();
            Where where = new Where(sheet, e.getKey(), "", "");
            int idx = retRows.indexOf(row(retRows, ref.getRow() + 1));
            int c = indexOf(columnOf, ref.getCol());
            if (idx >= 0 && pairs[1][idx] >= 0 && c >= 0) {
                key = plan.rowKeys().get(pairs[1][idx]);
                column = plan.columns().get(c);
                cells = sources.get().of(key, column).cells();
                where = new Where(sheet, e.getKey(), pub.shownLabel(pairs[1][idx]), headings.get(c));
            }
            changes.add(new Change(plan.tableId(), key, column, "", e.getValue(), "comment", cells, where));
        }
        return compared;
    }

    /**
     * Rows not matched in order (a sorted table, a label the table has more than once) are matched to unmatched returned
     * rows of the same label wherever they are: the pairs holding most cells as published first, then pairs between the
     * same matched neighbours, then in order. So where rows share a label (Table II.1's targets beside two indicators
     * each) and a sort moved them, each finds the row that holds its figures, and a row whose figure changed is left to
     * its own row, not taken by another of the same label.
     */
    private static void pairByLabel(PublishedTable pub, List<String> retLabels, List<InputBookReader.Row> retRows, int[] columnOf,
                                    int[][] pairs) {
        record Candidate(int i, int j, long score) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < pairs[0].length; i++) {
            if (pairs[0][i] >= 0 || pub.labels().get(i).isBlank()) {
                continue;
            }
            Gap gap = gap(pairs, i, retRows.size());
            for (int j = 0; j < retLabels.size(); j++) {
                if (pairs[1][j] < 0 && retLabels.get(j).equals(pub.labels().get(i))) {
                    candidates.add(new Candidate(i, j, 2L * agreement(pub, i, retRows.get(j), columnOf).same() + (gap.holds(j) ? 1 : 0)));
                }
            }
        }
        candidates.sort(java.util.Comparator.comparingLong(Candidate::score).reversed().thenComparingInt(Candidate::i)
                .thenComparingInt(Candidate::j));
        for (Candidate c : candidates) {
            if (pairs[0][c.i()] < 0 && pairs[1][c.j()] < 0) {
                pairs[0][c.i()] = c.j();
                pairs[1][c.j()] = c.i();
            }
        }
    }

    /**
     * Where an unmatched published row may stand in the returned rows: after {@code lo} and before {@code hi}, the
     * returned places of its matched neighbours, the published rows {@code prev} and {@code next}.
     */
    private record Gap(int lo, int hi, int prev, int next) {

        boolean holds(int j) {
            return j > lo && j < hi;
        }
    }

    private static Gap gap(int[][] pairs, int i, int returnedRows) {
        int n = pairs[0].length;
        int prev = i - 1;
        while (prev >= 0 && pairs[0][prev] < 0) {
            prev--;
        }
        int next = i + 1;
        while (next < n && pairs[0][next] < 0) {
            next++;
        }
        int lo = prev < 0 ? -1 : pairs[0][prev];
        int hi = next >= n ? returnedRows : pairs[0][next];
        return lo >= hi ? new Gap(-1, returnedRows, prev, next) : new Gap(lo, hi, prev, next); // moved neighbours: anywhere
    }

    /** Of a published row's cells beyond its label, how many it has and how many a returned row holds the same. */
    private record Agreement(int cells, int same) {
    }

    private static Agreement agreement(PublishedTable pub, int i, InputBookReader.Row returned, int[] columnOf) {
        int cells = 0;
        int same = 0;
        for (int c = pub.labelColumns(); c < columnOf.length; c++) {
            String now = text(cell(returned, columnOf[c]));
            String was = pub.grid().get(i).get(c);
            if (was.isEmpty() || columnOf[c] < 0) {
                continue;
            }
            cells++;
            same += same(was, now) ? 1 : 0;
        }
        return new Agreement(cells, same);
    }

    /**
     * A row whose label the reviewer edited: an unmatched published row is matched to an unmatched returned row between
     * the same matched neighbours, when it is the one such row on both sides (edited in its place, whatever else changed
     * in it), or when it holds at least half of its other cells as published (at least one), so that the label and any
     * figure changed with it are listed as changes of that row, not as a row deleted and a row added.
     */
    private static void pairRelabelled(PublishedTable pub, List<InputBookReader.Row> retRows, int[] columnOf, int[][] pairs) {
        for (int i = 0; i < pairs[0].length; i++) {
            if (pairs[0][i] >= 0) {
                continue;
            }
            Gap gap = gap(pairs, i, retRows.size());
            List<Integer> open = new ArrayList<>();
            for (int j = gap.lo() + 1; j < gap.hi(); j++) {
                if (pairs[1][j] < 0) {
                    open.add(j);
                }
            }
            int unmatchedHere = gap.next() - gap.prev() - 1;
            for (int j : open) {
                Agreement a = agreement(pub, i, retRows.get(j), columnOf);
                boolean alone = open.size() == 1 && unmatchedHere == 1; // the one row in its place on both sides: edited there
                boolean match = alone || holdsHalf(a);
                if (match) {
                    pairs[0][i] = j;
                    pairs[1][j] = i;
                    break;
                }
            }
        }
        // A sorted table whose label was edited too: the row stands anywhere, so it is matched to the one unmatched
        // returned row, wherever it is, that holds at least half of its other cells as published; and only when that
        // returned row is the one such row for it and it for that row, lest two edited rows be taken for each other.
        for (int i = 0; i < pairs[0].length; i++) {
            if (pairs[0][i] >= 0) {
                continue;
            }
            int only = -1;
            int found = 0;
            for (int j = 0; j < retRows.size(); j++) {
                if (pairs[1][j] < 0 && holdsHalf(agreement(pub, i, retRows.get(j), columnOf))) {
                    only = j;
                    found++;
                }
            }
            if (found != 1) {
                continue;
            }
            int rivals = 0;
            for (int k = 0; k < pairs[0].length; k++) {
                if (pairs[0][k] < 0 && holdsHalf(agreement(pub, k, retRows.get(only), columnOf))) {
                    rivals++;
                }
            }
            if (rivals == 1) {
                pairs[0][i] = only;
                pairs[1][only] = i;
            }
        }
    }

    private static boolean holdsHalf(Agreement a) {
        return a.cells() > 0 && a.same() > 0 && 2 * a.same() >= a.cells();
    }


    /**
     * Where each published heading is in the returned heading row (-1: deleted): by its text; else, for a heading the
     * reviewer edited, the returned column in its place (as far from a matched neighbour as in the print) whose heading
     * is no published one.
     */
    static int[] columns(List<String> headings, List<String> returned) {
        int[] columnOf = new int[headings.size()];
        for (int c = 0; c < headings.size(); c++) {
            columnOf[c] = returned.indexOf(headings.get(c));
        }
        for (int c = 0; c < headings.size(); c++) {
            if (columnOf[c] >= 0) {
                continue;
            }
            int left = c - 1;
            while (left >= 0 && columnOf[left] < 0) {
                left--;
            }
            int at = left < 0 ? c : columnOf[left] + (c - left);
            // A heading cleared is one edited to nothing (the caller keeps it only where its column holds something).
            if (at < returned.size() && (returned.get(at).isBlank() || !headings.contains(returned.get(at))) && indexOf(columnOf, at) < 0) {
                columnOf[c] = at;
            }
        }
        return columnOf;
    }

    /**
     * The table an added sheet is a copy of: the one whose heading row it holds, with most of its row labels (as a
     * renamed sheet is found); -1 for a sheet of the reviewer's own.
     */
    private static int copyOf(Sheet added, List<SheetPlan> plans, Map<String, PublishedTable> tablesBySheet) {
        int best = -1;
        long most = 0;
        java.util.Set<String> texts = new java.util.HashSet<>();
        added.rows().forEach(r -> r.cells().forEach(c -> texts.add(text(c))));
        for (int i = 0; i < plans.size(); i++) {
            PublishedTable pub = tablesBySheet.get(plans.get(i).sheetName());
            if (pub.headerIn(added) != null) {
                long found = pub.grid().stream().filter(r -> texts.contains(r.get(0))).count();
                if (found > most) {
                    best = i;
                    most = found;
                }
            }
        }
        return best;
    }

    /** The number of the first returned row that holds one of the table's row labels; 0 when none does. */
    private static int firstRowOf(PublishedTable pub, Sheet returned) {
        java.util.Set<String> labels = new java.util.HashSet<>();
        pub.grid().forEach(r -> {
            if (!r.get(0).isBlank()) {
                labels.add(r.get(0));
            }
        });
        return returned.rows().stream().filter(r -> labels.contains(text(cell(r, 0)))).mapToInt(InputBookReader.Row::number)
                .findFirst().orElse(0);
    }

    /** The "[note 9]" markers the workbook adds to labels and headings (texts.csv edition.workbook.note_marker), as a pattern. */
    static Pattern noteMarkers(String marker) {
        int n = marker.indexOf("{n}");
        if (n < 0) {
            return Pattern.compile("(?!)");
        }
        return Pattern.compile("\\s*" + Pattern.quote(marker.substring(0, n)) + "\\d+" + Pattern.quote(marker.substring(n + 3))
                + "(?:(?:, |、)" + Pattern.quote(marker.substring(0, n)) + "\\d+" + Pattern.quote(marker.substring(n + 3)) + ")*");
    }

    /**
     * A text as published, but for the note markers the workbook added to it: a reviewer tidying "... for all [note 9]"
     * to "... for all" changed nothing of the input (the marker is the workbook's own).
     */
    static boolean sameText(String published, String returned, Pattern markers) {
        return published.strip().equals(returned.strip())
                || markers.matcher(published).replaceAll("").strip().equals(markers.matcher(returned).replaceAll("").strip());
    }

    /**
     * A cell as published: the same number or text ({@link #same}); a text but for its note markers; in a column whose
     * heading gives per cent, the published figure typed with its per cent sign ('3.4%' under "(%)").
     */
    static boolean sameIn(String published, String returned, String heading, Pattern markers) {
        String r = inColumn(returned, heading);
        return same(published, r) || sameText(published, r, markers);
    }

    /**
     * A returned figure as its column takes it: under a heading that gives per cent, '3.5%' is 3.5, a correction as the
     * published '3.4%' is no change (tester66 case 67: it was refused as input with a per cent sign); else as typed.
     */
    static String inColumn(String returned, String heading) {
        String r = returned.strip();
        if (heading.contains("%") && r.endsWith("%") && CellSources.number(r.substring(0, r.length() - 1).strip()) != null) {
            return r.substring(0, r.length() - 1).strip();
        }
        return returned;
    }

    /** Comments a reviewer added or changed on a sheet that holds no table (the cover, the notes): where they are. */
    private static void comments(Map<String, String> published, Sheet returned, List<Change> changes) {
        for (var e : returned.comments().entrySet()) {
            if (!Objects.equals(published.get(e.getKey()), e.getValue())) {
                changes.add(new Change("", "", "", "", e.getValue(), "comment", List.of(), new Where(returned.name(), e.getKey(), "", "")));
            }
        }
    }

    /** Numbers compare as numbers (25073643 = 25073643.0), anything else as trimmed text. */
    static boolean same(String a, String b) {
        BigDecimal x = CellSources.number(ungrouped(a));
        BigDecimal y = CellSources.number(ungrouped(b));
        if (x != null && y != null) {
            // To Excel's 15 significant digits: a program that saves 70.1 as 70.099999999999994 changed nothing.
            return x.round(EXCEL).compareTo(y.round(EXCEL)) == 0;
        }
        return a.strip().equals(b.strip());
    }

    /** Digits grouped in threes by spaces or commas, as the editions print them (2 437 680): the number. */
    private static final java.util.regex.Pattern GROUPED =
            java.util.regex.Pattern.compile("-?\\d{1,3}(?:([ \u00a0\u202f,])\\d{3})(?:\\1\\d{3})*(?:\\.\\d+)?");

    /**
     * A number typed with its digits grouped, as the published edition shows it (a reviewer retyping 2 437 680 as text),
     * without the grouping; any other text as it is (3,5 stays a decimal comma, refused where it is applied).
     */
    static String ungrouped(String s) {
        if (s == null) {
            return null;
        }
        // Full-width digits, signs and separators, as a Chinese input method types them (－７０ ０００, １８９,７８７), are
        // the same figure: read as their plain forms (NFKC), grouped or not.
        String plain = java.text.Normalizer.normalize(s.strip(), java.text.Normalizer.Form.NFKC);
        if (GROUPED.matcher(plain).matches()) {
            return plain.replaceAll("[ \u00a0\u202f,]", "");
        }
        return PLAIN_NUMBER.matcher(plain).matches() ? plain : s;
    }

    private static final java.util.regex.Pattern PLAIN_NUMBER = java.util.regex.Pattern.compile("-?\\d+(?:\\.\\d+)?");

    /** Longest common subsequence of the row labels: pairs[0][published] = returned index, pairs[1][returned] = published. */
    static int[][] align(List<String> a, List<String> b) {
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int[] ab = new int[a.size()];
        int[] ba = new int[b.size()];
        java.util.Arrays.fill(ab, -1);
        java.util.Arrays.fill(ba, -1);
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            if (a.get(i).equals(b.get(j))) {
                ab[i] = j;
                ba[j] = i;
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        return new int[][] {ab, ba};
    }

    /** A cell's A1 reference from its row's number (from 1, as the reader numbers rows) and its column (from 0). */
    private static String a1(int rowNumber, int column) {
        return new org.apache.poi.ss.util.CellReference(rowNumber - 1, column).formatAsString(false);
    }

    private static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        return -1;
    }

    /** The run a returned workbook says it comes from, and what says so (a Said of report.cause.reason.run_said.*). */
    record Origin(String runId, Said said) {
    }

    /**
     * The run id on the cover; else on the run sheet (a cover deleted or moved by the reviewer); else in the document
     * properties' description, which survives both sheets deleted (found by an exploratory test: a workbook of an older
     * run with neither sheet, reviewed with --run naming a newer one, took every difference between the runs for the
     * reviewer's and --apply wrote them back); null when none holds one.
     */
    static Origin origin(List<Sheet> back, InputBookReader.Properties properties) {
        for (Sheet s : back) {
            String id = runIdIn(s);
            if (id != null) {
                return new Origin(id, Said.of("run_said.sheet", "sheet", s.name()));
            }
        }
        String described = properties.description().map(PublishedRun::runIdIn).orElse(null);
        return described == null ? null : new Origin(described, Said.of("run_said.properties"));
    }

    /**
     * A workbook that names no run: the other run of its biennium that started when the workbook says it was made (the
     * writer stamps a run's start, to the second, as the workbook's creation time); null when the named run started then,
     * or none did (an office program that stamps its own time proves nothing).
     */
    private static Origin startedWhenMade(Path bienniumFolder, java.time.Instant created, PublishedRun named) throws IOException {
        java.time.Instant made = created.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        if (startedAt(named).equals(made)) {
            return null;
        }
        for (String id : org.pbannex.publish.RunRetention.publishedRuns(bienniumFolder)) {
            PublishedRun other = PublishedRun.read(bienniumFolder.resolve(id));
            if (startedAt(other).equals(made)) {
                return new Origin(id, Said.of("run_said.created", "time", made.toString()));
            }
        }
        return null;
    }

    /** The one published run in the output folder, of any biennium, that started when the workbook was made; else null. */
    private static Origin startedWhenMade(Path outputRoot, java.time.Instant created) throws IOException {
        java.time.Instant made = created.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        if (!Files.isDirectory(outputRoot)) {
            return null;
        }
        List<String> found = new ArrayList<>();
        try (var biennia = Files.list(outputRoot)) {
            for (Path folder : biennia.filter(Files::isDirectory).sorted().toList()) {
                for (String id : org.pbannex.publish.RunRetention.publishedRuns(folder)) {
                    if (startedAt(PublishedRun.read(folder.resolve(id))).equals(made)) {
                        found.add(id);
                    }
                }
            }
        }
        return found.size() == 1 ? new Origin(found.get(0), Said.of("run_said.created", "time", made.toString())) : null;
    }

    private static java.time.Instant startedAt(PublishedRun run) {
        return java.time.Instant.parse(run.startedAt()).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    /** A workbook whose run is not the one --run names: which it is, and what says so. */
    private static InputError otherRun(String shown, Origin origin, String runOption) {
        return new InputError(shown, 0, "", Said.of("cover_other_run", "cover", origin.runId(), "run", runOption, "where", origin.said()));
    }

    /** The run id in a sheet (the cover's run line). */
    static String runIdIn(Sheet cover) {
        for (InputBookReader.Row r : cover.rows()) {
            for (Cell c : r.cells()) {
                String id = c.kind() == InputBookReader.Kind.TEXT ? PublishedRun.runIdIn(c.value()) : null;
                if (id != null) {
                    return id;
                }
            }
        }
        return null;
    }

    /** A workbook of the run: an edition's, or one of some tables made for a reviewer (in distribution/). */
    private record Published(String language, List<String> tables, List<Sheet> sheets) {
    }

    /**
     * The run's workbook the returned one was made from: the one whose sheets it shares most, less those it lacks (a
     * reviewer of some tables gets a workbook of those only, named pb-annexes-<biennium>.<lang>.<id>_<id>.xlsx).
     */
    private static Optional<Published> closest(PublishedRun run, List<Sheet> back) throws IOException {
        List<Published> candidates = new ArrayList<>();
        for (String lang : run.languages()) {
            if (Files.isRegularFile(run.workbook(lang))) {
                candidates.add(new Published(lang, run.tables(), InputBookReader.read(run.workbook(lang), run.workbook(lang).toString())));
            }
        }
        Path subsets = run.folder().resolve(Distributor.FOLDER);
        Pattern name = Pattern.compile("pb-annexes-" + Pattern.quote(run.biennium()) + "\\.(zh|en)\\.([a-z0-9_-]+)\\.xlsx");
        if (Files.isDirectory(subsets)) {
            try (Stream<Path> s = Files.list(subsets)) {
                for (Path f : s.sorted().toList()) {
                    Matcher m = name.matcher(f.getFileName().toString());
                    if (m.matches() && run.languages().contains(m.group(1))) {
                        candidates.add(new Published(m.group(1), List.of(m.group(2).split("_")), InputBookReader.read(f, f.toString())));
                    }
                }
            }
        }
        List<String> returned = back.stream().map(Sheet::name).toList();
        Published best = null;
        long score = 0;
        for (Published p : candidates) {
            List<String> names = p.sheets().stream().map(Sheet::name).toList();
            long shared = returned.stream().filter(names::contains).count();
            long s = shared - names.stream().filter(n -> !returned.contains(n)).count();
            if (shared > 0 && (best == null || s > score)) {
                best = p;
                score = s;
            }
        }
        return Optional.ofNullable(best);
    }

    private static Map<String, Sheet> byName(List<Sheet> sheets) {
        Map<String, Sheet> out = new HashMap<>();
        sheets.forEach(s -> out.put(s.name(), s));
        return out;
    }

    private static InputBookReader.Row row(List<InputBookReader.Row> rows, int number) {
        return rows.stream().filter(r -> r.number() == number).findFirst().orElse(null);
    }

    private static Cell cell(InputBookReader.Row row, int column) {
        if (row == null || column < 0) {
            return null;
        }
        return row.cells().stream().filter(c -> c.column() == column).findFirst().orElse(null);
    }

    private static int width(InputBookReader.Row row) {
        return row.cells().stream().filter(c -> !c.blank()).mapToInt(c -> c.column() + 1).max().orElse(0);
    }

    /** A cell's value as text; a number as plain decimals (POI stores 12908920 as 1.290892E7). */
    static String text(Cell c) {
        if (c == null || c.value() == null) {
            return "";
        }
        if (c.kind() == InputBookReader.Kind.NUMBER) {
            BigDecimal n = CellSources.number(c.value());
            if (n != null) {
                n = n.stripTrailingZeros();
                return (n.scale() < 0 ? n.setScale(0) : n).toPlainString();
            }
        }
        return c.value().strip();
    }

    private static List<String> texts(InputBookReader.Row row, int width) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            out.add(text(cell(row, c)));
        }
        return out;
    }


    /** Where history says the run was published: review it there (--output), or its folder was removed since. */
    private static Said whereRecorded(Path runFolder, String shown, Path outputRoot) {
        Path root = runFolder.toAbsolutePath().normalize().getParent().getParent();
        if (java.nio.file.Files.isDirectory(runFolder)) {
            return Said.of("published_in.there", "folder", runFolder.toString(), "file", shown, "output",
                    org.pbannex.publish.FollowUp.output(root, outputRoot));
        }
        return Said.of("published_in.removed", "folder", runFolder.toString());
    }
}
