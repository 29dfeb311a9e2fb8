package org.pbannex.review;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The review's row and column pairing and its cell comparison, each in the class that does it. */
class RowAlignmentTest {

    /** A row added and a row deleted are one change each: the rows around them keep their pairs. */
    @Test
    void rowsPairInOrderAroundAnAddedAndADeletedRow() {
        int[][] pairs = RowAlignment.align(List.of("Africa", "Americas", "Arab States", "Europe"),
                List.of("Africa", "Arab States", "Asia", "Europe"));
        assertArrayEquals(new int[] {0, -1, 1, 3}, pairs[0], "Americas deleted");
        assertArrayEquals(new int[] {0, 2, -1, 3}, pairs[1], "Asia added");
    }

    /** A heading the reviewer edited is found in its place; a deleted one is -1; a moved one by its text. */
    @Test
    void columnsPairByHeadingThenByPlace() {
        assertArrayEquals(new int[] {0, 1, 2}, RowAlignment.columns(List.of("Unit", "2020-21", "2022-23"),
                List.of("Unit", "2020–21 (edited)", "2022-23")));
        assertArrayEquals(new int[] {0, -1, 1}, RowAlignment.columns(List.of("Unit", "2020-21", "2022-23"),
                List.of("Unit", "2022-23")));
        assertArrayEquals(new int[] {0, 2, 1}, RowAlignment.columns(List.of("Unit", "2020-21", "2022-23"),
                List.of("Unit", "2022-23", "2020-21")));
    }

    /** Figures compare as numbers however they were typed or saved; a text but for the workbook's note markers. */
    @Test
    void cellValuesCompareAsTheReviewerMeantThem() {
        assertTrue(CellValues.same("70.1", "70.099999999999994"));
        assertTrue(CellValues.same("2 437 680", "2437680"));
        assertFalse(CellValues.same("3,5", "35"));
        var markers = CellValues.noteMarkers("[note {n}]");
        assertTrue(CellValues.sameText("Total for all [note 9]", "Total for all", markers));
        assertTrue(CellValues.sameIn("3.4", "3.4%", "Rate (%)", markers));
        assertEquals("C5", CellValues.a1(5, 2));
    }
}
