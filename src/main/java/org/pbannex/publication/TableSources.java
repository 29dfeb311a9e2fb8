package org.pbannex.publication;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.pbannex.budget.BudgetData;
import org.pbannex.document.DocumentData;
import org.pbannex.expenditure.ExpenditureIngest;
import org.pbannex.expenditure.ExpenditureTotals;
import org.pbannex.outcomes.OutcomeResources;
import org.pbannex.reference.ReferenceData;
import org.pbannex.results.ResultsFramework;
import org.pbannex.table.Table;

/**
 * What the tables of one run are built from: the input as each module reads it, the expenditure lines' totals (null
 * when the input has none), and the tables themselves, each built the first time it is asked for (a table derived
 * from others asks for them by id).
 */
public final class TableSources {

    private final ReferenceData reference;
    private final BudgetData budget;
    private final ResultsFramework results;
    private final OutcomeResources outcomes;
    private final ExpenditureIngest.Result lines;
    private final DocumentData document;
    private final Map<String, LocalDate> actualsAsOf;
    private final Map<String, Table> built = new LinkedHashMap<>();
    private final Set<String> building = new HashSet<>();

    TableSources(ReferenceData reference, BudgetData budget, ResultsFramework results, OutcomeResources outcomes,
                 ExpenditureIngest.Result lines, DocumentData document, Map<String, LocalDate> actualsAsOf) {
        this.reference = reference;
        this.budget = budget;
        this.results = results;
        this.outcomes = outcomes;
        this.lines = lines;
        this.document = document;
        this.actualsAsOf = Map.copyOf(actualsAsOf);
    }

    public Table table(String id) {
        Table t = built.get(id);
        if (t != null) {
            return t;
        }
        if (!building.add(id)) {
            throw new IllegalStateException("table " + id + " is derived from itself: see TableCatalogue");
        }
        t = TableCatalogue.entry(id).builder().apply(this);
        building.remove(id);
        built.put(id, t);
        return t;
    }

    /** The tables built so far, in the order they were built. */
    public Map<String, Table> built() {
        return built;
    }

    public boolean has(TableCatalogue.Needs need) {
        return switch (need) {
            case EXPENDITURE_LINES -> lines != null;
        };
    }

    public ReferenceData reference() {
        return reference;
    }

    public BudgetData budget() {
        return budget;
    }

    public ResultsFramework results() {
        return results;
    }

    public OutcomeResources outcomes() {
        return outcomes;
    }

    /** The expenditure lines read (null when the input has none). */
    public ExpenditureIngest.Result lines() {
        return lines;
    }

    /** The document's tables of text and typed figures (Table II.1, the risk register, para. 52). */
    public DocumentData document() {
        return document;
    }

    /** Per biennium code, the date up to which a partly actual biennium's expenditure is actual (Figure 2's note). */
    public Map<String, LocalDate> actualsAsOf() {
        return actualsAsOf;
    }

    public ExpenditureTotals lineTotals() {
        return lines == null ? null : lines.totals();
    }

    /** Whether any expenditure line read is synthetic (false when none were read). */
    public boolean anySyntheticLines() {
        return lines != null && lines.anySynthetic();
    }
}
