package org.pbannex.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pbannex.ingest.Record;

/** How a failed check names the input lines to look at: each file once, its lines as ranges; a sheet's rows as rows. */
class FailedCheckInputsTest {

    private static Record at(String file, long line) {
        return new Record(file, line, Map.of());
    }

    @Test
    void eachFileOnceWithItsLinesAsRanges() {
        assertEquals("input/2022-23/a.csv, line 6", FailedCheckInputs.lines(List.of(at("input/2022-23/a.csv", 6))));
        assertEquals("input/2022-23/a.csv, line 6; input/2022-23/b.csv, lines 2-4, 7, 9-10",
                FailedCheckInputs.lines(List.of(at("input/2022-23/a.csv", 6), at("input/2022-23/b.csv", 9),
                        at("input/2022-23/b.csv", 2), at("input/2022-23/b.csv", 3), at("input/2022-23/b.csv", 4),
                        at("input/2022-23/b.csv", 7), at("input/2022-23/b.csv", 10), at("input/2022-23/b.csv", 3))));
    }

    @Test
    void aSheetOfAnInputWorkbookHasRows() {
        assertEquals("inputs.xlsx, sheet budget, rows 3-4", FailedCheckInputs.lines(List.of(at("inputs.xlsx, sheet budget", 3),
                at("inputs.xlsx, sheet budget", 4))));
    }
}
