package org.pbannex.expenditure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.ingest.InputError;

/**
 * A synthetic file is known by its content (the generator's first line) or its name (synthetic*, any case): a rename
 * cannot make invented lines real, and name and content disagreeing is told apart so that it can be said. The mark is
 * no line: the line numbers of messages and rejects are the file's own (the header on line 2, the first line on 3).
 */
class SyntheticMarkTest {

    private static final String LINE = "L1,2022-03,XB,ESTIMATE,AF,KEN,AFRICA,1,STAFF,1.50\n";

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void theContentOrTheNameMakesAFileSynthetic() throws IOException {
        String marked = SyntheticMark.LINE + "\n" + LineFormat.HEADER + "\n" + LINE;
        assertEquals(SyntheticMark.CONTENT_ONLY, SyntheticMark.of(write("erp-2022.csv", marked)));
        assertEquals(SyntheticMark.NAME_AND_CONTENT, SyntheticMark.of(write("synthetic-a.csv", marked)));
        assertEquals(SyntheticMark.NAME_ONLY, SyntheticMark.of(write("Synthetic-b.csv", LineFormat.HEADER + "\n" + LINE)));
        assertEquals(SyntheticMark.NAME_ONLY, SyntheticMark.of(write("SYNTHETIC.csv", LineFormat.HEADER + "\n" + LINE)));
        assertEquals(SyntheticMark.NONE, SyntheticMark.of(write("erp-2023.csv", LineFormat.HEADER + "\n" + LINE)));
        // As Excel saves it again: a byte-order mark, the cell quoted, the row padded to the other rows' cells.
        assertEquals(SyntheticMark.CONTENT_ONLY, SyntheticMark.of(write("excel.csv", "\uFEFF\"" + SyntheticMark.LINE + "\",,,,,,,,,\r\n"
                + LineFormat.HEADER + "\r\n" + LINE)));
    }

    @Test
    void aMarkedFileIsReadFromItsHeaderAndNumbersItsLinesAsAnEditorDoes() throws IOException {
        Path f = write("erp-2022.csv", SyntheticMark.LINE + "\n" + LineFormat.HEADER + "\n" + LINE + "L2,2022-03,XB,ESTIMATE,AF,KEN,AFRICA,1,STAFF,1.555\n");
        InputError e = assertThrows(InputError.class, () -> new ExpenditureIngest(ExpenditureFixtures.dimensions(), 1, null)
                .run(List.of(f), "expenditure/"));
        assertEquals(4, e.line(), e.getMessage());
        Files.writeString(f, SyntheticMark.LINE + "\n" + LineFormat.HEADER + "\n" + LINE);
        ExpenditureIngest.Result r = new ExpenditureIngest(ExpenditureFixtures.dimensions(), 1, null).run(List.of(f), "expenditure/");
        assertEquals(new ExpenditureIngest.FileStats("expenditure/erp-2022.csv", 1, 1, 0, 0, Files.size(f), SyntheticMark.CONTENT_ONLY), r.files().get(0));
        assertEquals(150, r.totals().totalCents());
        // A header after the mark that is not the contract's is said on its own line, 2.
        Files.writeString(f, SyntheticMark.LINE + "\n" + "id;period\n" + LINE);
        assertEquals(2, assertThrows(InputError.class, () -> ExpenditurePlan.header(f)).line());
    }
}
