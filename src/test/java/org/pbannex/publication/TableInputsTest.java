package org.pbannex.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pbannex.Golden;
import org.pbannex.publication.TableCatalogue;
import org.pbannex.reference.Biennium;

/**
 * Which input resources each table is built from, as the builders reach them (the review names only those as a cell's
 * sources). Found by a reviewer's trial: by matching values alone, Figure 2 named regional_inflation.csv, Table II.1
 * outcome_contributors.csv and Table 2's subtotal strategic_risks.csv.
 */
class TableInputsTest {

    @Test
    void eachTableIsBuiltFromItsOwnInputsAndThoseOfTheTablesItIsDerivedFrom() {
        ComputedPublication c = Publication.compute(Golden.input(), new Biennium(2022));
        Map<String, Set<String>> inputs = c.inputsByTable();
        assertEquals(Set.copyOf(TableCatalogue.ids()), inputs.keySet(), "every table built has its inputs");
        String all = inputs.toString();
        assertTrue(inputs.get("a2-1").contains("regional_inflation"), all);
        assertFalse(inputs.get("f2").contains("regional_inflation"), all);
        assertFalse(inputs.get("ii1").contains("outcome_contributors"), all);
        assertFalse(inputs.get("t2").contains("strategic_risks"), all);
        assertTrue(inputs.get("ii1").contains("sdg_targets"), all);
        // Table 2 is derived from Table 1 and Annex 2: their inputs are its inputs.
        assertTrue(inputs.get("t2").containsAll(inputs.get("t1")) && inputs.get("t2").containsAll(inputs.get("a2")), all);
        assertTrue(inputs.get("t2").contains("outcome_allocations"), all);
        // Every table reads the reference data (labels, texts).
        inputs.forEach((id, r) -> assertTrue(r.contains("texts"), id + ": " + r));
    }

    /** The tables a general note concerns are named in texts.csv; a name that is no table stops `check`, one line. */
    @Test
    void aNoteOnATableThatIsNotThereIsBadInput(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        var input = org.pbannex.TestInputs.copyOfBundledInput(tmp.resolve("input"));
        org.pbannex.TestInputs.edit(input.resolve("2022-23/reference/texts.csv"), t -> t.replace("i1 i2 i3 ii1 risk sa,", "i1 i9,"));
        var r = org.pbannex.CliRun.capture(java.util.Map.of(), "check", "--input", input.toString());
        assertEquals(3, r.status(), r.toString());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("texts.csv") && r.err().contains("'publication.note.2.tables': 'i9' is not a table; the tables are t1 "),
                r.err());
    }
}
