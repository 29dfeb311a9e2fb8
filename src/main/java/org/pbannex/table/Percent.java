package org.pbannex.table;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Printed ratios: rounded half-up to one decimal, once, from the unrounded value. */
public final class Percent {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    private static final BigDecimal MILLION_IN_CENTS = BigDecimal.valueOf(100_000_000L);

    private Percent() {
    }

    /**
     * numerator / denominator x 100, half-up to one decimal. A zero base follows the printed convention:
     * 0.0 when nothing changed, +/-100.0 when an amount appears from nothing.
     */
    public static BigDecimal of(long numerator, long denominator) {
        if (denominator == 0) {
            return BigDecimal.valueOf(Long.signum(numerator) * 100L).setScale(1);
        }
        return BigDecimal.valueOf(numerator).multiply(HUNDRED)
                .divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP);
    }

    /** Whole dollars to US$ millions, half-up to one decimal. */
    public static BigDecimal millions(long dollars) {
        return BigDecimal.valueOf(dollars).divide(MILLION, 1, RoundingMode.HALF_UP);
    }

    /** Cents to US$ millions, half-up to one decimal. */
    public static BigDecimal millionsOfCents(long cents) {
        return BigDecimal.valueOf(cents).divide(MILLION_IN_CENTS, 1, RoundingMode.HALF_UP);
    }
}
