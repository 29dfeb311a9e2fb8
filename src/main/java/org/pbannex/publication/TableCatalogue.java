package org.pbannex.publication;

import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.pbannex.budget.BudgetChecks;
import org.pbannex.budget.BudgetResolutionTable;
import org.pbannex.budget.CostByObjectTable;
import org.pbannex.budget.CostIncreaseTable;
import org.pbannex.budget.OperationalBudgetTable;
import org.pbannex.budget.RbtcTable;
import org.pbannex.budget.RegionalInflationTable;
import org.pbannex.budget.StrategicBudgetTable;
import org.pbannex.document.DocumentChecks;
import org.pbannex.document.RiskRegisterTable;
import org.pbannex.document.SdgLinksTable;
import org.pbannex.document.SupplementaryAuthorizationsTable;
import org.pbannex.expenditure.LineSelection;
import org.pbannex.expenditure.RegionalExpenditureTable;
import org.pbannex.outcomes.OutcomeChecks;
import org.pbannex.outcomes.OutcomeResourcesTable;
import org.pbannex.outcomes.StrategicFrameworkTable;
import org.pbannex.results.IndicatorTables;
import org.pbannex.results.RegionalTargetsTable;
import org.pbannex.results.ResultsChecks;
import org.pbannex.results.ResultsFramework.Kind;
import org.pbannex.table.Checks;
import org.pbannex.table.Table;

/**
 * Every table of the publication, in the order of the document, with what each is built from. Adding a table is a
 * builder, its texts in texts.csv, and one line here. The CLI's --tables accepts exactly these ids; a builder asks
 * {@link TableSources#table} for the tables it is derived from, whatever their place in the document.
 */
public final class TableCatalogue {

    /** Inputs a table cannot be built without, beyond the budget input files every run has. */
    public enum Needs {
        /** input/expenditure/*.csv */
        EXPENDITURE_LINES
    }

    /**
     * One table: its id, what it needs, how it is built, and for a table with figures summed from the expenditure lines,
     * which lines a cell (row key, column key) sums in the input it is built from (null for a cell that sums none),
     * which the review names as the cell's source; and whether the printed document holds it ({@code inPrint}: not a
     * table computed from printed ones, as rt), so that what is said of it as printed ("in printed order") is said of a
     * printed table only; and how it is finished ({@code finish}) once every table is built, checked and marked with its
     * documented differences from the print, and the publication compared with the previous biennium (Table 2's notes
     * on rounding and on its restated previous budget): {@link Publication#compute} runs every entry's, none for most.
     */
    public record Entry(String id, Set<Needs> needs, Function<TableSources, Table> builder,
                        Function<TableSources, BiFunction<String, String, LineSelection>> lines, boolean inPrint,
                        BiFunction<Table, Finishing, Table> finish) {

        public Entry(String id, Set<Needs> needs, Function<TableSources, Table> builder,
                     Function<TableSources, BiFunction<String, String, LineSelection>> lines, boolean inPrint) {
            this(id, needs, builder, lines, inPrint, NOTHING_TO_FINISH);
        }

        public Entry(String id, Set<Needs> needs, Function<TableSources, Table> builder,
                     Function<TableSources, BiFunction<String, String, LineSelection>> lines) {
            this(id, needs, builder, lines, true);
        }
    }

    /** The finishing step of a table that has none: the table as built. */
    public static final BiFunction<Table, Finishing, Table> NOTHING_TO_FINISH = (table, finishing) -> table;

    /** The lines of a table that sums none. */
    public static final BiFunction<String, String, LineSelection> NO_LINES = (row, column) -> null;

    private static final List<Entry> ENTRIES = List.of(
            entry(StrategicBudgetTable.ID, s -> StrategicBudgetTable.build(s.reference(), s.budget())),
            new Entry(StrategicFrameworkTable.ID, Set.of(), s -> StrategicFrameworkTable.build(s.reference().texts(),
                    s.reference().biennium(), s.outcomes(), s.table(StrategicBudgetTable.ID), s.table(CostIncreaseTable.ID),
                    s.lineTotals()),
                    s -> StrategicFrameworkTable.linesOf(s.reference().biennium(), s.outcomes(), s.lineTotals()), true,
                    TableCatalogue::finishTable2),
            new Entry(RegionalExpenditureTable.ID, Set.of(Needs.EXPENDITURE_LINES),
                    s -> RegionalExpenditureTable.build(s.reference(), s.lines().totals(), s.actualsAsOf(),
                            StrategicFrameworkTable.xbEstimates(s.reference().texts(), s.reference().biennium(), s.outcomes()),
                            s::regionNamesInForce),
                    s -> RegionalExpenditureTable::linesOf),
            entry(BudgetResolutionTable.ID, s -> BudgetResolutionTable.build(s.reference(), s.budget())),
            entry(Kind.IMPACT.tableId(), s -> IndicatorTables.build(s.reference(), s.results(), Kind.IMPACT)),
            entry(Kind.POLICY.tableId(), s -> IndicatorTables.build(s.reference(), s.results(), Kind.POLICY)),
            entry(Kind.ENABLING.tableId(), s -> IndicatorTables.build(s.reference(), s.results(), Kind.ENABLING)),
            notInPrint(RegionalTargetsTable.ID, s -> RegionalTargetsTable.build(s.reference(), s.results())),
            entry(SdgLinksTable.ID, s -> SdgLinksTable.build(s.reference().texts(), s.document())),
            entry(RiskRegisterTable.ID, s -> RiskRegisterTable.build(s.reference().texts(), s.document())),
            entry(OperationalBudgetTable.ID, s -> OperationalBudgetTable.build(s.reference(), s.budget())),
            entry(SupplementaryAuthorizationsTable.ID, s -> SupplementaryAuthorizationsTable.build(s.reference().texts(), s.document())),
            entry(CostIncreaseTable.ID, s -> CostIncreaseTable.build(s.reference(), s.budget())),
            entry(RegionalInflationTable.ID, s -> RegionalInflationTable.build(s.reference(), s.budget())),
            entry(CostByObjectTable.ID, s -> CostByObjectTable.build(s.reference(), s.budget())),
            entry(RbtcTable.ID, s -> RbtcTable.build(s.reference(), s.budget())),
            entry(OutcomeResourcesTable.ID, s -> OutcomeResourcesTable.build(s.reference().texts(), s.outcomes())));

    /** The reconciliation checks, each over the tables it reconciles (they run on every run, on every table built). */
    static final List<Function<TableSources, Checks>> CHECKS = List.of(
            s -> BudgetChecks.run(s.reference(), s.budget(), s.built()),
            s -> OutcomeChecks.run(s.reference(), s.outcomes(), s.built()),
            s -> ResultsChecks.run(s.reference(), s.results(), s.built()),
            s -> DocumentChecks.run(s.document(), s.results()));

    private TableCatalogue() {
    }

    private static Entry entry(String id, Function<TableSources, Table> builder) {
        return new Entry(id, Set.of(), builder, s -> NO_LINES);
    }

    /** A table the printed document does not hold: computed from printed tables, or a new summary of their figures. */
    private static Entry notInPrint(String id, Function<TableSources, Table> builder) {
        return new Entry(id, Set.of(), builder, s -> NO_LINES, false);
    }

    /**
     * Table 2 finished: its note on figures that do not add up as rounded, where no documented difference's own note
     * says why; and, for the publication of a biennium without a print, compared with the previous one, its note on the
     * previous regular budget saying what the restatements found.
     */
    private static Table finishTable2(Table t2, Finishing f) {
        Table out = StrategicFrameworkTable.withRoundingNote(f.texts(), t2);
        if (!f.restating() || f.document().isPresent()) {
            return out;
        }
        return StrategicFrameworkTable.withPreviousNote(f.texts(), out, f.restated(StrategicFrameworkTable.ID,
                StrategicFrameworkTable.PREVIOUS_COLUMN, StrategicFrameworkTable.PREVIOUS_NOTE));
    }

    /** Whether the printed document holds the table (false for one it does not, and for an id not in the catalogue). */
    public static boolean inPrint(String id) {
        return ENTRIES.stream().anyMatch(e -> e.id().equals(id) && e.inPrint());
    }

    public static List<Entry> entries() {
        return ENTRIES;
    }

    /** Every table id, in document order. */
    public static List<String> ids() {
        return ENTRIES.stream().map(Entry::id).toList();
    }

    /** The id as the catalogue spells it, whatever the case it was typed in (A2-2 for a2-2, T1 for t1); empty if none. */
    public static java.util.Optional<String> id(String typed) {
        return ids().stream().filter(id -> id.equalsIgnoreCase(typed.trim())).findFirst();
    }

    public static Entry entry(String id) {
        return ENTRIES.stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown table '" + id + "'; the tables are " + String.join(",", ids())));
    }
}
