package org.pbannex.expenditure;

import java.util.List;

/**
 * The codes an expenditure line may use, from the reference data (regions, countries, units, outcomes, objects)
 * and from the contract (funds, statuses), as byte-level lookup tables.
 */
public record Dimensions(List<String> regions, List<String> countries, List<String> units, List<String> outcomes,
                         List<String> objects) {

    CodeTable regionTable() {
        return new CodeTable(regions);
    }

    CodeTable countryTable() {
        return new CodeTable(countries);
    }

    CodeTable unitTable() {
        return new CodeTable(units);
    }

    CodeTable outcomeTable() {
        return new CodeTable(outcomes);
    }

    CodeTable objectTable() {
        return new CodeTable(objects);
    }

    public ExpenditureTotals newTotals() {
        return new ExpenditureTotals(regions, outcomes);
    }
}
