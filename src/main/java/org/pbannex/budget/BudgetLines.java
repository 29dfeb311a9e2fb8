package org.pbannex.budget;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pbannex.reference.BudgetUnit;
import org.pbannex.reference.Part;
import org.pbannex.reference.ReferenceData;
import org.pbannex.table.CheckResult.InputLines;

/**
 * The budget.csv lines behind a row of a table rolled up from the units (a1, a2, t1, br) and the fields behind its
 * columns: the one place a budget check's "where to look" is derived from, so a failed subtotal names its units' lines
 * and the fields its column is computed from, not every file the table is built from. Table 2's checks take their
 * units from it too.
 */
public final class BudgetLines {

    public static final String BUDGET = "budget";
    // The reference files a roll-up's rows are printed for (data package resources).
    private static final String UNITS = "units";
    private static final String GROUPS = "groups";
    private static final String PARTS = "parts";

    /** The budget.csv fields each column of the unit tables is computed from (Figures: constant = staff + non-staff). */
    private static final List<String> CONSTANT = List.of("staff_costs", "non_staff_costs");
    private static final Map<String, List<String>> FIELDS = Map.ofEntries(
            Map.entry("prof", List.of("prof_years", "prof_months")),
            Map.entry("gs", List.of("gs_years", "gs_months")),
            Map.entry("staff_costs", List.of("staff_costs")),
            Map.entry("non_staff_costs", List.of("non_staff_costs")),
            Map.entry("total", CONSTANT),
            Map.entry("constant", CONSTANT),
            Map.entry("budget_previous", List.of("budget_previous")),
            Map.entry("expenditure_previous", List.of("budget_previous")),
            Map.entry("programme_change", List.of("staff_costs", "non_staff_costs", "budget_previous")),
            Map.entry("programme_change_pct", List.of("staff_costs", "non_staff_costs", "budget_previous")),
            Map.entry("cost_change", List.of("cost_change")),
            Map.entry("cost_change_pct", List.of("staff_costs", "non_staff_costs", "cost_change")),
            Map.entry("recosted", List.of("staff_costs", "non_staff_costs", "cost_change")),
            Map.entry("expenditure", List.of("staff_costs", "non_staff_costs", "cost_change")),
            Map.entry("pct_of_total", List.of("staff_costs", "non_staff_costs", "cost_change")));

    private final ReferenceData ref;

    public BudgetLines(ReferenceData ref) {
        this.ref = ref;
    }

    /** The budget.csv lines of the units under {@code rowKey} of {@code table}, with the fields of {@code columns}. */
    public InputLines of(String table, String rowKey, String... columns) {
        List<String> fields = new ArrayList<>();
        for (String column : columns) {
            fields.addAll(FIELDS.getOrDefault(column, List.of(column)));
        }
        return new InputLines(BUDGET, "unit", units(table, rowKey), fields);
    }

    /**
     * The reference line a row of a unit roll-up (a1, a2) is printed for, by the key UnitRollup gives it: a unit's line of
     * units.csv, a group subtotal's of groups.csv, a Part's of parts.csv, with its code; none for the grand total, which
     * every roll-up prints. A row one table has and the other has not, or two that do not align, names these lines.
     */
    public Optional<InputLines> row(String rowKey) {
        if (rowKey.startsWith("part.")) {
            return Optional.of(new InputLines(PARTS, "part", Set.of(rowKey.substring("part.".length())), List.of("part")));
        }
        if (rowKey.endsWith(".subtotal")) {
            String group = rowKey.substring(0, rowKey.length() - ".subtotal".length());
            return Optional.of(new InputLines(GROUPS, "group", Set.of(group), List.of("group")));
        }
        return rowKey.equals("total") ? Optional.empty()
                : Optional.of(new InputLines(UNITS, "unit", Set.of(rowKey), List.of("unit")));
    }

    /**
     * The units a row stands for, by the keys the roll-ups give their rows (UnitRollup, StrategicBudgetTable,
     * BudgetResolutionTable): "total", a Part ("part.I"), a group's subtotal ("POL.subtotal"), a unit; in t1 an
     * appropriation line ("B") or a running total of the Parts up to one ("total.IV"). None for any other row.
     */
    public Set<String> units(String table, String rowKey) {
        List<BudgetUnit> units;
        if (rowKey.equals("total")) {
            units = ref.units();
        } else if (rowKey.startsWith("part.")) {
            units = ref.unitsOfPart(rowKey.substring("part.".length()));
        } else if (rowKey.endsWith(".subtotal")) {
            units = ref.unitsOfGroup(rowKey.substring(0, rowKey.length() - ".subtotal".length()));
        } else if (table.equals(StrategicBudgetTable.ID) && rowKey.startsWith("total.")) {
            units = new ArrayList<>();
            for (Part p : ref.parts()) {
                units.addAll(ref.unitsOfPart(p.code()));
                if (rowKey.equals("total." + p.code())) {
                    break;
                }
            }
        } else if (table.equals(StrategicBudgetTable.ID)) {
            units = ref.units().stream().filter(u -> u.line().equals(rowKey)).toList();
        } else {
            units = ref.units().stream().filter(u -> u.code().equals(rowKey)).toList();
        }
        Set<String> codes = new LinkedHashSet<>();
        units.forEach(u -> codes.add(u.code()));
        return codes;
    }
}
