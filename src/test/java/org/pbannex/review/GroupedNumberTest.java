package org.pbannex.review;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A published figure retyped as text with its digits grouped, as the edition prints it (2 437 680 in the Chinese
 * edition), is the same figure: no change. It was counted an input change and refused ("thousands separators in a
 * number"). A decimal comma, or a grouping that is not in threes, is still another value.
 */
class GroupedNumberTest {

    @Test
    void digitsGroupedInThreesAreTheSameNumber() {
        assertTrue(Review.same("2 437 680", "2437680"));
        assertTrue(Review.same("2\u00a0437\u00a0680", "2437680"));
        assertTrue(Review.same("2,437,680", "2437680"));
        assertTrue(Review.same("-1 234.5", "-1234.5"));
        assertFalse(Review.same("2 437 681", "2437680"));
        assertFalse(Review.same("3,5", "35"), "a decimal comma is no grouping");
        assertFalse(Review.same("24 37 680", "2437680"));
        assertFalse(Review.same("2 437,680", "2437680"), "one kind of separator");
        assertTrue(Review.same("Africa", " Africa "));
    }

    /**
     * A correction typed as the edition prints it (15 700 000 in the Chinese edition, 15,700,000 in the English) is
     * applied as that number, as the review compares it (found by an exploratory test: refused with advice about
     * Excel's separators); full-width digits, as a Chinese input method types them, too; a decimal comma is not.
     */
    @Test
    void aCorrectionTypedWithItsDigitsGroupedIsAppliedAsItsNumber() {
        org.junit.jupiter.api.Assertions.assertEquals("15700000", ReviewApply.plainNumber("15 700 000", "15668625", 0));
        org.junit.jupiter.api.Assertions.assertEquals("15700000", ReviewApply.plainNumber("15,700,000", "15668625", 0));
        org.junit.jupiter.api.Assertions.assertEquals("2579318", ReviewApply.plainNumber("\uff12\uff15\uff17\uff19\uff13\uff11\uff18",
                "2579317", 0));
        org.junit.jupiter.api.Assertions.assertEquals("-70000", ReviewApply.plainNumber("\uff0d\uff17\uff10\u3000\uff10\uff10\uff10",
                "-60000", 0));
        assertTrue(Review.same("\uff11\uff18\uff19\uff0c\uff17\uff18\uff17", "189787"), "full-width and grouped: the same figure");
        org.junit.jupiter.api.Assertions.assertEquals("3.0", ReviewApply.plainNumber("3", "2.9", 1));
        org.junit.jupiter.api.Assertions.assertEquals("3,5", ReviewApply.plainNumber("3,5", "2.9", 1));
    }
}
