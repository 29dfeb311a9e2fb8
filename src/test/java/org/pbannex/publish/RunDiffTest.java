package org.pbannex.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cells compared between two runs' tidy CSVs are those the tables print: a row's role is not one of them. */
class RunDiffTest {

    @TempDir
    Path tmp;

    private Path run(String name, String csv) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name).resolve("csv"));
        Files.writeString(dir.resolve("a2-1.csv"), csv);
        return dir.getParent();
    }

    /**
     * A row added is one change, as a row removed is: it was listed cell by cell, each "(none) -> ...", and a few rows
     * added filled the list's 25 lines (found by a tester). Its role is not among its cells, as no table prints it.
     */
    @Test
    void aRowAddedIsOneChangeNotItsCellsNorItsRole() throws IOException {
        String header = "row_key,row_type,label_zh,label_en,rate_pct\n";
        Path before = run("before", header + "AF,unit,非洲,Africa,4.4\n");
        Path after = run("after", header + "AF,unit,非洲,Africa,4.4\nCA,unit,中亚,Central Asia,6.1\nEU,unit,欧洲,Europe,\n");
        RunDiff.TableChange change = RunDiff.between(before, after).tables().get(0);
        assertEquals(List.of("Central Asia [CA]: row added", "Europe [EU]: row added"), change.cells().stream().map(Object::toString).toList());
        assertEquals(RunDiff.RowChange.ADDED, change.cells().get(0).rowChange());
        // The cells that hold something: both labels and the rate of CA, both labels of EU (its empty rate is none).
        assertEquals(5, change.changedCells());
        assertEquals(0, change.unlisted());
    }

    /**
     * A row removed is one change, whatever its cells held, and an empty cell that is gone is none: the report and the
     * reviewers' messages listed a dropped output's heading row cell by cell, "'' -> (none)" (found by a tester).
     */
    @Test
    void aRowRemovedIsOneChangeAndAnEmptyCellGoneIsNone() throws IOException {
        String header = "row_key,row_type,label_zh,label_en,code,AF,AM\n";
        Path before = run("before", header + "output.7.5,heading,产出 7.5,Output 7.5,,,\n7.5.1,unit,7.5.1. 指标,7.5.1. Indicator,7.5.1,6,\n"
                + "8.1.1,unit,8.1.1. 指标,8.1.1. Indicator,8.1.1,1,2\n");
        Path after = run("after", "row_key,row_type,label_zh,label_en,code,AF,AM,AS\n8.1.1,unit,8.1.1. 指标,8.1.1. Indicator,8.1.1,1,3,\n");
        RunDiff.TableChange change = RunDiff.between(before, after).tables().get(0);
        assertEquals(List.of("7.5.1. Indicator [7.5.1]: row removed", "8.1.1. Indicator [8.1.1], AM: '2' -> '3'",
                "Output 7.5 [output.7.5]: row removed"), change.cells().stream().map(Object::toString).toList());
        // The cells that held something: two labels of the heading row, four cells of the indicator's, one figure.
        assertEquals(7, change.changedCells());
        assertEquals(0, change.unlisted());
    }
}
