package org.pbannex.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.CliRun;
import org.pbannex.TestInputs;

/**
 * "Nothing to do" only while latest shows these very inputs: an input that went back to an earlier version, or a trial
 * run on a copy of it, publishes afresh, and latest moves to a run of the input it has.
 */
class LatestShowsTheseInputsTest {

    @TempDir
    Path tmp;

    @Test
    void anInputBackToAnEarlierVersionIsPublishedAnew() throws Exception {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        Path out = tmp.resolve("out");
        Path db = tmp.resolve("db");
        Path units = input.resolve("reference/units.csv");
        String original = Files.readString(units);
        Path first = published(CliRun.run(db, "run", "nightly", "--input", input.toString(), "--output", out.toString()), out);

        Files.writeString(units, original.replace("GB,理事会,Governing Body,", "GB,理事会,Governing Body v70,"));
        Path edited = published(CliRun.run(db, "run", "nightly", "--input", input.toString(), "--output", out.toString()), out);
        assertTrue(Files.readString(edited.resolve("csv/a1.csv")).contains("Governing Body v70"));

        // The edit undone (git checkout input): the same inputs as the first run, but latest shows the edited one's.
        Files.writeString(units, original);
        CliRun back = CliRun.run(db, "run", "nightly", "--input", input.toString(), "--output", out.toString());
        Path again = published(back, out);
        assertTrue(back.out().contains("Run " + first.getFileName() + " published these inputs, but latest shows run "
                + edited.getFileName() + ": they are published again, as a new run."), first + " " + edited + "\n" + back.out());
        assertNotEquals(first, again);
        assertNotEquals(edited, again);
        assertFalse(Files.readString(again.resolve("csv/a1.csv")).contains("v70"));
        assertEquals(Files.readString(first.resolve("csv/a1.csv")), Files.readString(again.resolve("csv/a1.csv")));

        CliRun nothing = CliRun.run(db, "run", "nightly", "--input", input.toString(), "--output", out.toString());
        assertEquals(0, nothing.status(), nothing.toString());
        assertTrue(nothing.out().contains("Nothing to do: run " + again.getFileName()), nothing.out());
        assertEquals(again, out.resolve("2022-23/latest").toRealPath());
    }

    @Test
    void aTrialRunOnACopyDoesNotLeaveTheInputUnpublished() throws Exception {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        Path trial = TestInputs.copyOfBundledInput(tmp.resolve("corrected"));
        TestInputs.edit(trial.resolve("reference/units.csv"), t -> t.replace("GB,理事会,Governing Body,", "GB,理事会,Governing Body (corrected),"));
        Path out = tmp.resolve("out");
        Path db = tmp.resolve("db");
        Path first = published(CliRun.run(db, "run", "nightly", "--input", input.toString(), "--output", out.toString()), out);
        Path tried = published(CliRun.run(db, "run", "nightly", "--input", trial.toString(), "--output", out.toString()), out);
        assertTrue(Files.readString(tried.resolve("csv/a1.csv")).contains("Governing Body (corrected)"));

        CliRun back = CliRun.run(db, "run", "nightly", "--input", input.toString(), "--output", out.toString());
        Path again = published(back, out);
        assertFalse(back.out().contains("Nothing to do"), back.out());
        assertNotEquals(tried, again);
        assertEquals(Files.readString(first.resolve("csv/a1.csv")), Files.readString(again.resolve("csv/a1.csv")));
    }

    /**
     * The same files read from elsewhere (the README's "run straight from the workbook", a copy of the folder) are the
     * same inputs: nothing to do, either way round. Each was published anew (and mailed to every reviewer), alternately.
     */
    @Test
    void theSameInputFromTheWorkbookOrACopyIsNothingToDo() throws Exception {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        Path out = tmp.resolve("out");
        Path db = tmp.resolve("db");
        Path first = published(CliRun.run(db, "run", "nightly", "--input", input.toString(), "--output", out.toString()), out);
        Path workbook = tmp.resolve("inputs.xlsx");
        CliRun export = CliRun.run(db, "input", "export", "--input", input.toString(), "--out", workbook.toString());
        assertEquals(0, export.status(), export.toString());

        CliRun fromWorkbook = CliRun.run(db, "run", "nightly", "--input", workbook.toString(), "--output", out.toString());
        assertEquals(0, fromWorkbook.status(), fromWorkbook.toString());
        assertTrue(fromWorkbook.out().contains("Nothing to do: run " + first.getFileName()), fromWorkbook.out());
        Path copy = TestInputs.copyOfBundledInput(tmp.resolve("copy"));
        CliRun fromCopy = CliRun.run(db, "run", "nightly", "--input", copy.toString(), "--output", out.toString());
        assertTrue(fromCopy.out().contains("Nothing to do: run " + first.getFileName()), fromCopy.out());
        assertEquals(first, out.resolve("2022-23/latest").toRealPath());
    }

    /** The run published a new folder that latest points at. */
    private static Path published(CliRun run, Path out) throws Exception {
        assertEquals(0, run.status(), run.toString());
        assertTrue(run.out().contains("Published: "), run.out());
        return out.resolve("2022-23/latest").toRealPath();
    }
}
