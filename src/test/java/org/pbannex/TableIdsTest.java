package org.pbannex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.distribute.Reviewer;
import org.pbannex.distribute.ReviewerList;
import org.pbannex.ingest.InputError;

/**
 * A table named as the print names it, in capitals (A2-2, T1), is the table: on the command line and in the reviewers'
 * list. An unknown one is still refused, naming the tables there are.
 */
class TableIdsTest {

    @TempDir
    Path tmp;

    @Test
    void theCommandLineTakesATableInAnyCase() throws Exception {
        Path out = tmp.resolve("out");
        CliRun r = CliRun.run(tmp.resolve("db"), "run", "regenerate", "--tables", "A2-2,T1", "--format", "csv", "--lang", "en",
                "--output", out.toString());
        assertEquals(0, r.status(), r.toString());
        Path published = Path.of(r.out().lines().filter(l -> l.startsWith("Published: ")).findFirst().orElseThrow()
                .substring("Published: ".length()).split("\\s+")[0]);
        assertTrue(Files.isRegularFile(published.resolve("csv/a2-2.csv")), r.toString());
        assertTrue(Files.isRegularFile(published.resolve("csv/t1.csv")), r.toString());
        CliRun unknown = CliRun.run(tmp.resolve("db"), "run", "regenerate", "--tables", "A9", "--format", "csv");
        assertEquals(2, unknown.status(), unknown.toString());
        assertTrue(unknown.err().startsWith("pb-annex: unknown table 'A9'; the tables are t1,t2,"), unknown.err());
    }

    @Test
    void theReviewersListTakesATableInAnyCase() throws Exception {
        Files.writeString(tmp.resolve("reviewers.csv"), "name,email,language,tables\nB,b@example.org,zh,A2-2 t1\n");
        Files.copy(Golden.input().resolve("reviewers.datapackage.json"), tmp.resolve("reviewers.datapackage.json"));
        List<Reviewer> list = ReviewerList.fromCsv(tmp);
        assertEquals(List.of("a2-2", "t1"), list.get(0).tables());
        Files.writeString(tmp.resolve("reviewers.csv"), "name,email,language,tables\nB,b@example.org,zh,A9\n");
        InputError e = org.junit.jupiter.api.Assertions.assertThrows(InputError.class, () -> ReviewerList.fromCsv(tmp));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("unknown table 'A9'"), e.getMessage());
    }
}
