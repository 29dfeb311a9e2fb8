package org.pbannex.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Sums and differences are exact or throw: never a total wrapped round to a wrong figure. */
class MoneyTest {

    @Test
    void sumsAndDifferencesThatFitAreExact() {
        assertEquals(1_000_000_000_000_000_000L, Money.sum(LongStream.of(999_999_999_999_999_999L, 1L)));
        assertEquals(-5, Money.subtract(10, 15));
        assertEquals(0, Money.sum(LongStream.empty()));
    }

    @Test
    void anOverflowThrowsInsteadOfWrapping() {
        assertThrows(ArithmeticException.class, () -> Money.add(Long.MAX_VALUE, 1));
        assertThrows(ArithmeticException.class, () -> Money.subtract(Long.MIN_VALUE, 1));
        assertThrows(ArithmeticException.class, () -> Money.sum(LongStream.of(Long.MAX_VALUE / 2, Long.MAX_VALUE / 2, 2)));
    }
}
