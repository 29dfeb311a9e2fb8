package org.pbannex.outcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.TestInputs;
import org.pbannex.ingest.InputError;
import org.pbannex.publication.Publication;
import org.pbannex.reference.Biennium;
import org.pbannex.table.Table;

/** Annex 4's confidence in its shares, as outcome_contributors.csv gives it: one per outcome, a known one, or none. */
class BadOutcomeInputTest {

    @TempDir
    Path tmp;
    Path input;
    Path contributors;

    @BeforeEach
    void copyInput() throws IOException {
        input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        contributors = input.resolve("2022-23/outcome_contributors.csv");
    }

    private InputError refused() {
        return assertThrows(InputError.class, () -> Publication.compute(input, new Biennium(2022)));
    }

    @Test
    void sharesOfOneOutcomeWithTwoConfidencesAreRefusedAtTheLineThatDiffers() throws IOException {
        TestInputs.replaceLine(contributors, 9, TestInputs.line(contributors, 9).replaceAll(",low$", ","));
        InputError e = refused();
        assertTrue(e.file().endsWith("2022-23/outcome_contributors.csv"), e.file());
        assertEquals(9, e.line());
        assertEquals("confidence", e.column());
        assertEquals("outcome 2's shares are 'low' on line 8 but empty here: give every share of an outcome the same confidence "
                + "(its pie states one)", e.reason());
    }

    @Test
    void aConfidenceThatIsNotOneOfTheLevelsIsRefused() throws IOException {
        TestInputs.replaceLine(contributors, 2, TestInputs.line(contributors, 2).replaceAll(",moderate$", ",high"));
        InputError e = refused();
        assertEquals(2, e.line());
        assertEquals("confidence", e.column());
        assertEquals("'high' is not one of moderate, low", e.reason());
    }

    /** Shares the source states plainly: their pies say nothing of confidence. */
    @Test
    void sharesWithoutAConfidenceGiveAPieWithoutTheCaution() throws IOException {
        for (int line = 2; line <= 9; line++) {
            TestInputs.replaceLine(contributors, line, TestInputs.line(contributors, line).replaceAll(",(moderate|low)$", ","));
        }
        Table a4 = Publication.compute(input, new Biennium(2022)).tables().get("a4");
        assertTrue(a4.charts().get(0).note().isEmpty(), a4.charts().get(0).note().toString());
        assertTrue(a4.charts().get(1).note().en().startsWith("'Other' is a slice the source itself labels so"),
                "the other slice is still told apart: " + a4.charts().get(1).note());
    }
}
