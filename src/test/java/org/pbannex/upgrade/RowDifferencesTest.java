package org.pbannex.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rows of a data folder's file against the program's copy, by the schema's key, in the columns both have (fix 80c). */
class RowDifferencesTest {

    @Test
    void rowsChangedAddedAndOwnAreNamedByTheirKey() {
        CsvRows data = new CsvRows(List.of("indicator", "seq", "text_en"), List.of(
                List.of("a", "1", "To be determined."), List.of("a", "2", "same"), List.of("own", "1", "ours")));
        CsvRows program = new CsvRows(List.of("indicator", "seq", "text_en", "footnote"), List.of(
                List.of("a", "1", "To be determined.", "3"), List.of("a", "2", "changed", ""), List.of("b", "1", "new", "")));
        RowDifferences d = RowDifferences.of(data, program, List.of("indicator", "seq"));
        assertEquals(List.of("a 2"), d.changed(), "the footnote column, which the folder's file lacks, is not compared");
        assertEquals(List.of("b 1"), d.onlyProgram());
        assertEquals(List.of("own 1"), d.onlyData());
        String note = d.note("2022-23/results_baselines.csv", Path.of("/data/my input/x.csv"), Path.of("/program/x.csv"));
        assertTrue(note.startsWith("2022-23/results_baselines.csv: its rows differ from the program's copy: 1 row with other values "
                + "(a 2); 1 row only in the program's copy (b 1); 1 row only in this folder's (own 1); kept as the installation's own"), note);
        assertTrue(note.contains("diff -u '/data/my input/x.csv' /program/x.csv shows the difference"), note);
    }

    @Test
    void theSameRowsInAnotherOrderAreNoDifference() {
        CsvRows data = new CsvRows(List.of("unit", "label_en"), List.of(List.of("u2", "B"), List.of("u1", "A")));
        CsvRows program = new CsvRows(List.of("unit", "label_en"), List.of(List.of("u1", "A"), List.of("u2", "B")));
        assertTrue(RowDifferences.of(data, program, List.of()).none());
    }
}
