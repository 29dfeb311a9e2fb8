package org.pbannex.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MediansTest {

    @Test
    void theMedianOfAnOddAndAnEvenCountAndOfNone() {
        assertEquals(2.0, Medians.of(List.of(3.0, 1.0, 2.0)));
        assertEquals(2.5, Medians.of(List.of(4.0, 1.0, 3.0, 2.0)));
        assertTrue(Double.isNaN(Medians.of(List.of())));
    }

    @Test
    void ratiosArePairByPairNotMedianOverMedian() {
        // The machine slowed down for the last pair: both runs took twice as long, their ratio did not change.
        List<Double> a = List.of(1.0, 1.2, 2.0);
        List<Double> b = List.of(2.0, 2.0, 4.0);
        assertEquals("0.50 x (0.50-0.60)", Medians.ratios(a, b));
    }
}
