package org.pbannex.publication;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.pbannex.budget.BudgetData;
import org.pbannex.document.DocumentData;
import org.pbannex.expenditure.ExpenditureIngest;
import org.pbannex.expenditure.ExpenditureTotals;
import org.pbannex.ingest.InputSet;
import org.pbannex.outcomes.OutcomeResources;
import org.pbannex.reference.ReferenceData;
import org.pbannex.results.ResultsFramework;
import org.pbannex.table.Table;

/**
 * What the tables of one run are built from: the input as each module reads it, the expenditure lines' totals (null
 * when the input has none), and the tables themselves, each built the first time it is asked for (a table derived
 * from others asks for them by id). It notes which input resources each table's builder reached, through the modules
 * it asked for and the tables it is derived from: the review names only those as a cell's sources.
 */
public final class TableSources {

    private final InputSet.Read<ReferenceData> reference;
    private final InputSet.Read<BudgetData> budget;
    private final InputSet.Read<ResultsFramework> results;
    private final InputSet.Read<OutcomeResources> outcomes;
    private final ExpenditureIngest.Result lines;
    private final InputSet.Read<DocumentData> document;
    private final InputSet.Read<Map<String, LocalDate>> actualsAsOf;
    private final java.util.function.IntFunction<Map<String, org.pbannex.table.Text>> regionNames;
    private final Map<String, Table> built = new LinkedHashMap<>();
    /** The tables being built, the innermost first (a table asks for those it is derived from while it is built). */
    private final Deque<String> building = new ArrayDeque<>();
    private final Map<String, Set<String>> inputsOf = new LinkedHashMap<>();

    TableSources(InputSet.Read<ReferenceData> reference, InputSet.Read<BudgetData> budget, InputSet.Read<ResultsFramework> results,
                 InputSet.Read<OutcomeResources> outcomes, ExpenditureIngest.Result lines, InputSet.Read<DocumentData> document,
                 InputSet.Read<Map<String, LocalDate>> actualsAsOf,
                 java.util.function.IntFunction<Map<String, org.pbannex.table.Text>> regionNames) {
        this.reference = reference;
        this.budget = budget;
        this.results = results;
        this.outcomes = outcomes;
        this.lines = lines;
        this.document = document;
        this.actualsAsOf = new InputSet.Read<>(Map.copyOf(actualsAsOf.value()), actualsAsOf.resources());
        this.regionNames = regionNames;
    }

    public Table table(String id) {
        Table t = built.get(id);
        if (t == null) {
            if (building.contains(id)) {
                throw new IllegalStateException("table " + id + " is derived from itself: see TableCatalogue");
            }
            building.push(id);
            inputsOf.put(id, new LinkedHashSet<>());
            try {
                TableCatalogue.Entry entry = TableCatalogue.entry(id);
                t = entry.builder().apply(this);
                t = entry.inPrint() ? t : t.notInPrint(); // what the editions say of it is not said of a printed table
            } finally {
                building.pop();
            }
            built.put(id, t);
        }
        if (!building.isEmpty()) {
            inputsOf.get(building.peek()).addAll(inputsOf.get(id));
        }
        return t;
    }

    /** The tables built so far, in the order they were built. */
    public Map<String, Table> built() {
        return built;
    }

    /** Per table built, the input resources its builder reached (directly, or through the tables it is derived from). */
    public Map<String, Set<String>> inputsByTable() {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        inputsOf.forEach((id, r) -> out.put(id, Set.copyOf(r)));
        return out;
    }

    /** A module's value, its resources noted as the table being built's inputs. */
    private <T> T used(InputSet.Read<T> read) {
        if (!building.isEmpty()) {
            inputsOf.get(building.peek()).addAll(read.resources());
        }
        return read.value();
    }

    public boolean has(TableCatalogue.Needs need) {
        return switch (need) {
            case EXPENDITURE_LINES -> lines != null;
        };
    }

    public ReferenceData reference() {
        return used(reference);
    }

    public BudgetData budget() {
        return used(budget);
    }

    public ResultsFramework results() {
        return used(results);
    }

    public OutcomeResources outcomes() {
        return used(outcomes);
    }

    /** The expenditure lines read (null when the input has none). */
    public ExpenditureIngest.Result lines() {
        return lines;
    }

    /** The document's tables of text and typed figures (Table II.1, the risk register, para. 52). */
    public DocumentData document() {
        return used(document);
    }

    /** Per biennium code, the date up to which a partly actual biennium's expenditure is actual (Figure 2's note). */
    public Map<String, LocalDate> actualsAsOf() {
        return used(actualsAsOf);
    }

    /** The regions' names (code to name) in the list in force for the biennium starting in that year (Figure 2's note). */
    public Map<String, org.pbannex.table.Text> regionNamesInForce(int firstYear) {
        return regionNames.apply(firstYear);
    }

    public ExpenditureTotals lineTotals() {
        return lines == null ? null : lines.totals();
    }
}
