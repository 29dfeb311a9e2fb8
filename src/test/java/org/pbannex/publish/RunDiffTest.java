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

    @Test
    void aRowAddedListsItsLabelsAndFiguresNotItsRole() throws IOException {
        String header = "row_key,row_type,label_zh,label_en,rate_pct\n";
        Path before = run("before", header + "AF,unit,非洲,Africa,4.4\n");
        Path after = run("after", header + "AF,unit,非洲,Africa,4.4\nCA,unit,中亚,Central Asia,6.1\n");
        RunDiff.TableChange change = RunDiff.between(before, after).tables().get(0);
        assertEquals(List.of("Central Asia [CA], label_en: (none) -> 'Central Asia'", "Central Asia [CA], label_zh: (none) -> '中亚'",
                "Central Asia [CA], rate_pct: (none) -> '6.1'"), change.cells().stream().map(Object::toString).toList());
        assertEquals(3, change.changedCells());
    }
}
