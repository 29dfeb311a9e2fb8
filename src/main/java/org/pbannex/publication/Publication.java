package org.pbannex.publication;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.pbannex.budget.BudgetAnnexes;
import org.pbannex.budget.BudgetChecks;
import org.pbannex.budget.BudgetData;
import org.pbannex.document.DocumentAnnexes;
import org.pbannex.document.DocumentChecks;
import org.pbannex.document.DocumentData;
import org.pbannex.expenditure.ExpenditureDimensions;
import org.pbannex.expenditure.ExpenditureEngine;
import org.pbannex.expenditure.ExpenditureIngest;
import org.pbannex.expenditure.RegionalExpenditureTable;
import org.pbannex.ingest.InputError;
import org.pbannex.ingest.InputSet;
import org.pbannex.reference.Biennium;
import org.pbannex.outcomes.OutcomeAnnexes;
import org.pbannex.outcomes.OutcomeChecks;
import org.pbannex.outcomes.OutcomeResources;
import org.pbannex.reference.ReferenceData;
import org.pbannex.results.ResultsAnnexes;
import org.pbannex.results.ResultsChecks;
import org.pbannex.results.ResultsFramework;
import org.pbannex.reference.Texts;
import org.pbannex.table.CellNote;
import org.pbannex.table.Checks;
import org.pbannex.table.PrintedDifference;
import org.pbannex.table.Text;
import org.pbannex.table.Table;

/** The publication's pipeline without any framework: ingest, compute every table, reconcile. */
public final class Publication {

    /** Where expenditure-line files are, inside the input folder (DESIGN.md contract). */
    public static final String EXPENDITURE_FOLDER = "expenditure";

    private Publication() {
    }

    public static InputSet ingest(Path inputDir, Biennium biennium) {
        return InputSet.load(inputDir, biennium.code());
    }

    public static ComputedPublication compute(InputSet in) {
        return compute(in, null);
    }

    /**
     * Computes every table. Expenditure lines (input/expenditure/*.csv) are read here too: strictly (the first bad
     * line stops the run) unless {@code rejectsFile} is given, where bad lines are then written.
     */
    public static ComputedPublication compute(InputSet in, Path rejectsFile) {
        Biennium biennium = Biennium.parse(in.biennium());
        ReferenceData ref = ReferenceData.from(in, biennium);
        BudgetData budget = BudgetData.from(in, ref);
        ResultsFramework results = ResultsFramework.from(in, ref);
        OutcomeResources outcomes = OutcomeResources.from(in, results);
        Map<String, Table> budgetTables = BudgetAnnexes.build(ref, budget);
        ExpenditureIngest.Result lines = expenditure(in, ref, results, rejectsFile);
        Map<String, Table> lineTables = lines == null ? Map.of()
                : Map.of(RegionalExpenditureTable.ID, RegionalExpenditureTable.build(ref, lines.totals(), lines.anySynthetic(),
                        RegionalExpenditureTable.actualsAsOf(in)));
        DocumentData document = DocumentData.from(in, results);
        Map<String, Table> tables = TableCatalogue.ordered(budgetTables,
                OutcomeAnnexes.build(ref, outcomes, budgetTables, lines == null ? null : lines.totals()),
                ResultsAnnexes.build(ref, results), lineTables, DocumentAnnexes.build(ref.texts(), document));
        Checks checks = BudgetChecks.run(ref, budget, tables);
        checks.addAll(OutcomeChecks.run(outcomes, tables));
        checks.addAll(ResultsChecks.run(ref, results, tables));
        checks.addAll(DocumentChecks.run(document, results));
        List<PrintedDifference> differences = printedDifferences(in, ref.texts(), tables, checks);
        return new ComputedPublication(in, ref, tables, checks, differences, lines);
    }

    /**
     * The documented differences from the printed document, each checked: the cell must exist and still hold the
     * documented published value, or the documentation is out of date. Each marks its cell with a note in both
     * editions (the table in {@code tables} is replaced by the marked one).
     */
    private static List<PrintedDifference> printedDifferences(InputSet in, Texts texts, Map<String, Table> tables, Checks checks) {
        List<PrintedDifference> out = new java.util.ArrayList<>();
        for (var r : in.table("printed_differences")) {
            String id = r.text("table");
            Table t = tables.get(id);
            if (t == null || t.rows().stream().noneMatch(x -> x.key().equals(r.text("row")))) {
                throw new InputError(r.file(), r.line(), "row", "no table '" + id + "' with row '" + r.text("row") + "'");
            }
            if (t.columns().stream().noneMatch(c -> c.key().equals(r.text("column")))) {
                throw new InputError(r.file(), r.line(), "column", "table '" + id + "' has no column '" + r.text("column") + "'");
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
            checks.equal("printed_difference.published_value", d.table(), d.row(), d.published(), actual);
            tables.put(id, t.withCellNote(new CellNote(d.row(), d.column(), texts.get("difference.marker").zh(), cellNote)));
            out.add(d);
        }
        return out;
    }

    /** Reads input/expenditure/*.csv, or returns null when there are no such files. */
    static ExpenditureIngest.Result expenditure(InputSet in, ReferenceData ref, ResultsFramework results, Path rejectsFile) {
        List<Path> files = ExpenditureIngest.files(in.inputDir().resolve(EXPENDITURE_FOLDER));
        if (files.isEmpty()) {
            return null;
        }
        String prefix = (in.inputDir().getFileName() == null ? "" : in.inputDir().getFileName() + "/") + EXPENDITURE_FOLDER + "/";
        try {
            return ExpenditureEngine.chosen(System.getenv()).run(ExpenditureDimensions.from(in, ref, results), files, prefix,
                    rejectsFile, System.getenv());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static ComputedPublication compute(Path inputDir, Biennium biennium) {
        return compute(ingest(inputDir, biennium));
    }

    /**
     * The biennium to run: the one asked for, or else the latest data folder (named like 2022-23) in the input.
     */
    public static Biennium biennium(Path inputDir, String requested) {
        if (requested != null && !requested.isBlank()) {
            Biennium b = Biennium.parse(requested);
            if (b == null) {
                throw new IllegalArgumentException("not a biennium: '" + requested + "' (expected e.g. 2022-23)");
            }
            return b;
        }
        if (!Files.isDirectory(inputDir)) {
            throw new InputError(inputDir.toString(), 0, "", "input folder not found");
        }
        try (Stream<Path> s = Files.list(inputDir)) {
            List<Biennium> found = s.filter(Files::isDirectory).map(p -> Biennium.parse(p.getFileName().toString()))
                    .filter(Objects::nonNull).sorted(Comparator.comparingInt(Biennium::firstYear)).toList();
            if (found.isEmpty()) {
                throw new InputError(inputDir.toString(), 0, "", "no biennium data folder (named like 2022-23) in the input folder");
            }
            return found.get(found.size() - 1);
        } catch (IOException e) {
            throw new InputError(inputDir.toString(), 0, "", "cannot list the input folder: " + e.getMessage());
        }
    }
}
