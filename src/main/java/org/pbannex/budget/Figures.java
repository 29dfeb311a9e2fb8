package org.pbannex.budget;

import org.pbannex.table.Money;

/**
 * The primary budget figures of a unit, or the sum of several units. Money in whole US dollars (exact longs);
 * work in months (12 months = 1 year). Constant, programme change and recosted are derived, never input.
 */
public record Figures(long profMonths, long gsMonths, long staffCosts, long nonStaffCosts, long budgetPrevious,
                      long costChange) {

    public static final Figures ZERO = new Figures(0, 0, 0, 0, 0, 0);

    public Figures plus(Figures o) {
        return new Figures(Money.add(profMonths, o.profMonths), Money.add(gsMonths, o.gsMonths),
                Money.add(staffCosts, o.staffCosts), Money.add(nonStaffCosts, o.nonStaffCosts),
                Money.add(budgetPrevious, o.budgetPrevious), Money.add(costChange, o.costChange));
    }

    /** Total resources at constant prices (annex 1 total = annex 2 constant). */
    public long constant() {
        return Money.add(staffCosts, nonStaffCosts);
    }

    public long programmeChange() {
        return Money.subtract(constant(), budgetPrevious);
    }

    public long recosted() {
        return Money.add(constant(), costChange);
    }
}
