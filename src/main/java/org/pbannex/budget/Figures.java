package org.pbannex.budget;

/**
 * The primary budget figures of a unit, or the sum of several units. Money in whole US dollars (exact longs);
 * work in months (12 months = 1 year). Constant, programme change and recosted are derived, never input.
 */
public record Figures(long profMonths, long gsMonths, long staffCosts, long nonStaffCosts, long budgetPrevious,
                      long costChange) {

    public static final Figures ZERO = new Figures(0, 0, 0, 0, 0, 0);

    public Figures plus(Figures o) {
        return new Figures(profMonths + o.profMonths, gsMonths + o.gsMonths, staffCosts + o.staffCosts,
                nonStaffCosts + o.nonStaffCosts, budgetPrevious + o.budgetPrevious, costChange + o.costChange);
    }

    /** Total resources at constant prices (annex 1 total = annex 2 constant). */
    public long constant() {
        return staffCosts + nonStaffCosts;
    }

    public long programmeChange() {
        return constant() - budgetPrevious;
    }

    public long recosted() {
        return constant() + costChange;
    }
}
