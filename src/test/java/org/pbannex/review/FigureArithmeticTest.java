package org.pbannex.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rule a column's figures follow, found from the figures and their records' fields. */
class FigureArithmeticTest {

    /** A unit's budget fields: staff, non-staff, previous budget, cost change, work-months. */
    private static Map<String, BigDecimal> unit(long staff, long nonStaff, long previous, long costChange, long months) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        m.put("budget.staff_costs", BigDecimal.valueOf(staff));
        m.put("budget.non_staff_costs", BigDecimal.valueOf(nonStaff));
        m.put("budget.budget_previous", BigDecimal.valueOf(previous));
        m.put("budget.cost_change", BigDecimal.valueOf(costChange));
        m.put("budget.prof_months", BigDecimal.valueOf(months));
        return m;
    }

    private static FigureArithmetic.Observation row(String published, Map<String, BigDecimal> sums) {
        return new FigureArithmetic.Observation(new BigDecimal(published), false, sums);
    }

    private static List<FigureArithmetic.Observation> rows(List<Map<String, BigDecimal>> units, String... published) {
        return java.util.stream.IntStream.range(0, units.size()).mapToObj(i -> row(published[i], units.get(i))).toList();
    }

    @Test
    void theRuleIsTheOneMostRowsObeyNotAZeroChangesCoincidence() {
        // A constant budget is staff + non-staff; the third unit has no programme change, so its constant budget also
        // equals its previous budget, a rule of one field that only that row obeys.
        List<Map<String, BigDecimal>> units = List.of(unit(1000, 300, 1250, 20, 6), unit(2000, 500, 2400, 40, 0),
                unit(700, 200, 900, 15, 3), unit(4000, 100, 4000, 60, 12));
        FigureArithmetic.Formula rule = FigureArithmetic.commonFormula(rows(units, "1300", "2500", "900", "4100"));
        assertEquals(List.of("budget.staff_costs", "budget.non_staff_costs"), rule.fields());
        assertEquals(List.of(1, 1), rule.signs());
        // A programme change: staff + non-staff less the previous budget (0 for the third unit, which its work-months
        // of 3 do not make anything of).
        FigureArithmetic.Formula diff = FigureArithmetic.commonFormula(rows(units, "50", "100", "0", "100"));
        assertEquals(List.of("budget.staff_costs", "budget.non_staff_costs", "budget.budget_previous"), diff.fields());
        assertEquals(List.of(1, 1, -1), diff.signs());
        // The programme change in per cent of the previous budget, to one decimal: no sum of fields makes it.
        FigureArithmetic.Formula pct = FigureArithmetic.commonFormula(rows(units, "4.0", "4.2", "0.0", "2.5"));
        assertEquals(List.of("budget.staff_costs", "budget.non_staff_costs", "budget.budget_previous"), pct.fields());
        assertEquals(List.of(1, 1, -1), pct.signs());
        assertEquals(List.of("budget.budget_previous"), pct.per());
        // Each unit's recosted budget as a share of every unit's (the four above and a fifth not in the column): neither
        // a sum nor a ratio of a row's own fields, but of their total over the whole file.
        Map<String, BigDecimal> whole = new LinkedHashMap<>();
        units.forEach(u -> u.forEach((k, v) -> whole.merge(k, v, BigDecimal::add)));
        unit(3000, 700, 3700, 80, 9).forEach((k, v) -> whole.merge(k, v, BigDecimal::add));
        // recosted 1320, 2540, 915, 4160 (and 3780): 12715 in all.
        FigureArithmetic.Formula share = FigureArithmetic.commonFormula(rows(units, "10.4", "20.0", "7.2", "32.7"), whole);
        assertEquals(List.of("budget.staff_costs", "budget.non_staff_costs", "budget.cost_change"), share.fields());
        assertEquals(new BigDecimal("12715"), share.shareOf());
        assertNull(FigureArithmetic.commonFormula(rows(units, "10.4", "20.0", "7.2", "32.7")), "no shares without the whole");
    }

    @Test
    void aColumnOfMillionsIsMatchedRoundedFromTheFieldsDollars() {
        List<FigureArithmetic.Observation> millions = List.of(
                new FigureArithmetic.Observation(new BigDecimal("70.1"), true, Map.of("alloc.total_usd", new BigDecimal("70088189"))),
                new FigureArithmetic.Observation(new BigDecimal("49.2"), true, Map.of("alloc.total_usd", new BigDecimal("49213002"))),
                new FigureArithmetic.Observation(new BigDecimal("42.1"), true, Map.of("alloc.total_usd", new BigDecimal("42052913"))));
        assertEquals(List.of("alloc.total_usd"), FigureArithmetic.commonFormula(millions).fields());
        // Not in a column of millions: no rounding, no rule.
        assertNull(FigureArithmetic.commonFormula(millions.stream()
                .map(o -> new FigureArithmetic.Observation(o.published(), false, o.sums())).toList()));
    }

    @Test
    void noRuleWhenTooFewRowsAgreeOrTwoRulesDoEqually() {
        List<FigureArithmetic.Observation> two = List.of(row("1300", unit(1000, 300, 1250, 20, 6)),
                row("2500", unit(2000, 500, 2400, 40, 0)));
        assertNull(FigureArithmetic.commonFormula(two), "two rows are too few to tell a rule from a coincidence");
        // Every unit's constant budget equals its previous one: staff + non-staff and the previous budget are equally
        // good, and the rule of fewer fields is taken; two rules of one field each, as good, are no answer.
        List<FigureArithmetic.Observation> same = List.of(
                row("1300", unit(1000, 300, 1300, 20, 6)),
                row("2500", unit(2000, 500, 2500, 40, 0)),
                row("900", unit(700, 200, 900, 15, 3)));
        assertEquals(List.of("budget.budget_previous"), FigureArithmetic.commonFormula(same).fields());
        Map<String, BigDecimal> twins = Map.of("a.x", BigDecimal.TEN, "a.y", BigDecimal.TEN);
        assertNull(FigureArithmetic.commonFormula(List.of(row("10", twins), row("10", twins), row("10", twins))));
        // Figures no sum nor percentage of the fields makes: no rule.
        assertNull(FigureArithmetic.commonFormula(List.of(row("4.3", unit(1000, 300, 1250, 20, 6)),
                row("7.9", unit(2000, 500, 2400, 40, 0)), row("0.7", unit(700, 200, 900, 15, 3)))));
    }
}
