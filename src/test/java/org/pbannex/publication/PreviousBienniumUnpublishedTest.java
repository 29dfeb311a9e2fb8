package org.pbannex.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.CliRun;
import org.pbannex.TestInputs;
import org.pbannex.ingest.InputError;
import org.pbannex.reference.Biennium;
import org.pbannex.restatement.Restatements;

/**
 * 2024-25 states 2022-23's figures and compares them with what 2022-23 publishes from its own folder. When 2022-23's
 * files cannot be read, or its figures fail its checks, there is nothing it publishes to compare with: 2024-25 is
 * published with its restatements not compared and says why, never stopped by a file it does not publish from, and
 * never compared with figures that 2022-23 would not publish (tester65 cases 7 and 47).
 */
class PreviousBienniumUnpublishedTest {

    @TempDir
    Path tmp;

    @Test
    void aMistakeInThePreviousBienniumsFilesLeavesItsRestatementsNotComparedAndSaysWhy() throws IOException {
        Path input = TestInputs.withMadeUp2024(tmp.resolve("input"));
        Path inflation = input.resolve("2022-23/regional_inflation.csv");
        Files.writeString(inflation, Files.readString(inflation).replace("AF,4.4", "AF,4,4"));
        assertThrows(InputError.class, () -> Publication.compute(input, new Biennium(2022)), "2022-23's own run refuses it");

        ComputedPublication made = Publication.compute(input, new Biennium(2024));
        assertEquals(List.of(), made.checks().failures());
        Restatements r = made.restatements();
        assertFalse(r.compared());
        assertEquals(Restatements.NotCompared.ITS_INPUT, r.why());
        assertEquals(List.of(), r.inputs(), "no file of 2022-23's read for them");

        CliRun check = CliRun.run(tmp.resolve("db"), "check", "--input", input.toString(), "--biennium", "2024-25");
        assertEquals(0, check.status(), check.toString());
        assertTrue(check.out().contains(", restatements of 2022-23 not compared: its input has an error (check --biennium "
                + "2022-23 names it)"), check.out());
    }

    @Test
    void previousFiguresThatFailTheirChecksAreNotComparedAsIfPublished() throws IOException {
        Path input = TestInputs.withMadeUp2024(tmp.resolve("input"));
        Path budget = input.resolve("2022-23/budget.csv");
        Files.writeString(budget, Files.readString(budget).replace("GB,31,8,37,11,15668625,", "GB,31,8,37,11,15668626,"));
        ComputedPublication old = Publication.compute(input, new Biennium(2022));
        assertFalse(old.checks().failures().isEmpty(), "2022-23 fails its checks: not published");

        ComputedPublication made = Publication.compute(input, new Biennium(2024));
        assertEquals(List.of(), made.checks().failures());
        Restatements r = made.restatements();
        assertFalse(r.compared(), "its 18437730 is no figure 2022-23 publishes");
        assertEquals(Restatements.NotCompared.ITS_CHECKS, r.why());
        assertEquals(old.checks().failures().size(), r.failed());

        CliRun check = CliRun.run(tmp.resolve("db"), "check", "--input", input.toString(), "--biennium", "2024-25");
        assertEquals(0, check.status(), check.toString());
        assertTrue(check.out().contains(", restatements of 2022-23 not compared: its figures fail " + r.failed()
                + " of its checks"), check.out());
    }

    @Test
    void aPreviousBienniumThatChecksIsCompared() throws IOException {
        Path input = TestInputs.withMadeUp2024(tmp.resolve("input"));
        Restatements r = Publication.compute(input, new Biennium(2024)).restatements();
        assertTrue(r.compared());
        assertEquals(null, r.why());
        assertFalse(r.found().isEmpty());
    }
}
