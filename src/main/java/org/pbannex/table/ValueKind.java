package org.pbannex.table;

/**
 * How a column's values are typed and shown. Renderers format by kind; they know nothing of budgets.
 */
public enum ValueKind {
    /** Whole US dollars (long). */
    AMOUNT,
    /** Whole US dollars (long), a zero printed as a dash, as some printed tables do (annex 1, the budget resolution). */
    AMOUNT_OR_DASH,
    /** A percentage already rounded to its printed precision (BigDecimal, scale 1). */
    PERCENT,
    /** An amount in millions already rounded to its printed precision (BigDecimal, scale 1). */
    MILLIONS,
    /** A duration in months (long), printed as years / months; tidy CSV splits it into two columns. */
    YEARS_MONTHS,
    /** A plain count (long). */
    COUNT,
    /** Free text. */
    TEXT
}
