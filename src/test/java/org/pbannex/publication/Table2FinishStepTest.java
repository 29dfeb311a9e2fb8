package org.pbannex.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.TestInputs;
import org.pbannex.outcomes.StrategicFrameworkTable;
import org.pbannex.reference.Biennium;
import org.pbannex.table.Table;
import org.pbannex.table.Text;

/**
 * Table 2's finishing rules (its note on columns that do not add up as rounded, its note on the restated previous budget)
 * are its catalogue entry's finish step, which Publication.compute runs for every entry: the note a run publishes is the
 * one the step adds to Table 2 as built, and no other entry has a step (a new table's would run the same way).
 */
class Table2FinishStepTest {

    @TempDir
    Path tmp;

    @Test
    void theRoundingNoteARunPublishesIsTable2sFinishStep() throws IOException {
        Path in = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        TestInputs.edit(in.resolve("2022-23/printed_differences.csv"), s -> s.lines().findFirst().orElseThrow() + "\n");
        ComputedPublication pub = Publication.compute(in, new Biennium(2022));
        Table published = pub.tables().get(StrategicFrameworkTable.ID);
        Text note = published.footnotes().get(published.footnotes().size() - 1);
        List<Text> before = published.footnotes().subList(0, published.footnotes().size() - 1);
        Table built = new Table(published.id(), published.number(), published.title(), published.unitNote(), published.labelHeading(),
                published.columns(), published.rows(), before, published.source(), published.wide(), published.tidy(), published.charts(),
                published.shortName(), published.caveat(), published.cellNotes(), published.inPrint());
        Finishing finishing = new Finishing(pub.inputs(), pub.reference().texts(), pub.printedDocument(), Map.copyOf(pub.tables()), null);
        Table finished = TableCatalogue.entry(StrategicFrameworkTable.ID).finish().apply(built, finishing);
        assertEquals(published.footnotes(), finished.footnotes());
        assertNotEquals(-1, note.en().indexOf("rounded from its exact amount"), note.en());
        for (TableCatalogue.Entry e : TableCatalogue.entries()) {
            if (!e.id().equals(StrategicFrameworkTable.ID)) {
                assertSame(TableCatalogue.NOTHING_TO_FINISH, e.finish(), e.id());
            }
        }
    }
}
