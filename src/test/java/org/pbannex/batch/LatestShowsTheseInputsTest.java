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
        BackToTheFirst runs = backToTheFirst();
        Path first = runs.first();
        Path edited = runs.edited();
        Path again = runs.again();
        CliRun back = runs.back();
        Path out = runs.out();
        assertTrue(Files.readString(edited.resolve("csv/a1.csv")).contains("Governing Body v70"));
        assertTrue(back.out().contains("Run " + first.getFileName() + " published these inputs, but latest shows run "
                + edited.getFileName() + ": they are published again, as a new run."), first + " " + edited + "\n" + back.out());
        assertNotEquals(first, again);
        assertNotEquals(edited, again);
        assertFalse(Files.readString(again.resolve("csv/a1.csv")).contains("v70"));
        assertEquals(Files.readString(first.resolve("csv/a1.csv")), Files.readString(again.resolve("csv/a1.csv")));

        CliRun nothing = runs.onceMore();
        assertEquals(0, nothing.status(), nothing.toString());
        assertTrue(nothing.out().contains("Nothing to do: run " + again.getFileName()), nothing.out());
        assertEquals(again, out.resolve("2022-23/latest").toRealPath());
    }

    /**
     * The run published again over another input's latest, changed afterwards: pb-annex points latest back at the
     * newest whole run (the other input's) and publishes these inputs again, because the changed run is changed. It
     * said "latest shows" that other run too, the reason of the command before, which was false: latest showed the
     * changed run (tester 77a, defect 1).
     */
    @Test
    void aChangedRepublicationIsSaidChangedNotOverAnotherInput() throws Exception {
        BackToTheFirst runs = backToTheFirst();
        Path edited = runs.edited();
        Path again = runs.again();

        Files.writeString(again.resolve("csv/sa.csv"), "x\n", java.nio.file.StandardOpenOption.APPEND);
        CliRun changed = runs.onceMore();
        Path last = published(changed, runs.out());
        assertTrue(changed.out().contains("Run " + again.getFileName() + " published these inputs, but " + again
                + " is missing or changed: they were published again."), changed.out());
        assertFalse(changed.out().contains("latest shows"), "latest showed the changed run, not " + edited + ":\n" + changed.out());
        assertNotEquals(again, last);
        assertNotEquals(edited, last);
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
        // An installation folder of its own: the workbook is imported into its work/imported.
        java.util.Map<String, String> home = TestInputs.ownHome(tmp);
        Path first = published(CliRun.capture(home, "run", "nightly", "--input", input.toString(), "--output", out.toString()), out);
        Path workbook = tmp.resolve("inputs.xlsx");
        CliRun export = CliRun.capture(home, "input", "export", "--input", input.toString(), "--out", workbook.toString());
        assertEquals(0, export.status(), export.toString());

        CliRun fromWorkbook = CliRun.capture(home, "run", "nightly", "--input", workbook.toString(), "--output", out.toString());
        assertEquals(0, fromWorkbook.status(), fromWorkbook.toString());
        assertTrue(fromWorkbook.out().contains("Nothing to do: run " + first.getFileName()), fromWorkbook.out());
        Path copy = TestInputs.copyOfBundledInput(tmp.resolve("copy"));
        CliRun fromCopy = CliRun.capture(home, "run", "nightly", "--input", copy.toString(), "--output", out.toString());
        assertTrue(fromCopy.out().contains("Nothing to do: run " + first.getFileName()), fromCopy.out());
        assertEquals(first, out.resolve("2022-23/latest").toRealPath());
    }

    /**
     * A changed input workbook run into the installation's output (the README's "run straight from the workbook") is the
     * installation's run, not a trial: it moves latest, and status and history record it as the job's run, with the
     * workbook's files in the run's own copy of its input. Run again unchanged, it is nothing to do, and a good run too.
     * Into another output folder it is a trial, of that folder alone.
     */
    @Test
    void aChangedWorkbookIntoTheInstallationIsTheJobsRun() throws Exception {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        Path out = tmp.resolve("output");
        // The installation's input and output folders these; its imports under its work/imported/ as ever (an
        // installation folder of the test's own).
        java.util.Map<String, String> settings = TestInputs.ownHome(tmp);
        settings.put("pb.input", input.toString());
        settings.put("pb.output", out.toString());
        Path first = published(CliRun.capture(settings, "run", "nightly"), out);
        Path book = tmp.resolve("inputs.xlsx");
        CliRun export = CliRun.capture(settings, "input", "export", "--out", book.toString());
        assertEquals(0, export.status(), export.toString());
        Path changed = org.pbannex.TestWorkbooks.edited(book, tmp.resolve("changed.xlsx"), wb -> {
            for (var row : wb.getSheet("units")) {
                for (var cell : row) {
                    if ("Governing Body".equals(cell.toString())) {
                        cell.setCellValue("Governing Body (workbook)");
                    }
                }
            }
        });

        CliRun fromWorkbook = CliRun.capture(settings, "run", "nightly", "--input", changed.toString());
        Path run = published(fromWorkbook, out);
        assertNotEquals(first, run);
        assertTrue(Files.readString(run.resolve("csv/a1.csv")).contains("Governing Body (workbook)"));
        String id = run.getFileName().toString();
        CliRun status = CliRun.capture(settings, "status");
        assertEquals(0, status.status(), status.toString());
        assertTrue(status.out().contains("no failure; run " + id + " published"), "the job's last good run: " + status.out());
        CliRun history = CliRun.capture(settings, "history");
        String line = history.out().lines().filter(l -> l.startsWith(id)).findFirst().orElseThrow();
        assertFalse(line.contains("trial"), history.out());
        CliRun shown = CliRun.capture(settings, "history", id);
        assertFalse(shown.out().contains("Trial"), shown.out());
        // Its own copy of the input it read: the workbook's units, whatever becomes of the import (the newest ten kept).
        try (var zip = java.nio.file.FileSystems.newFileSystem(run.resolve("input.zip"))) {
            assertTrue(Files.readString(zip.getPath("reference/units.csv")).contains("Governing Body (workbook)"));
        }

        CliRun again = CliRun.capture(settings, "run", "nightly", "--input", changed.toString());
        assertEquals(0, again.status(), again.toString());
        assertTrue(again.out().contains("Nothing to do: run " + id), again.out());
        assertEquals(run, out.resolve("2022-23/latest").toRealPath());
        assertTrue(CliRun.capture(settings, "status").out().contains("nothing to do"), "a good run of the job");

        Path elsewhere = tmp.resolve("elsewhere");
        CliRun trial = CliRun.capture(settings, "run", "nightly", "--input", changed.toString(), "--output", elsewhere.toString());
        Path tried = published(trial, elsewhere);
        CliRun triedShown = CliRun.capture(settings, "history", tried.getFileName().toString());
        assertTrue(triedShown.out().contains("Trial     a run into " + elsewhere.toAbsolutePath().normalize()
                + ", not the installation's output folder "), triedShown.out());
        assertFalse(triedShown.out().contains("input folder"), triedShown.out());
    }

    /** Three runs: the input as bundled, then edited, then the edit undone (published again over the edited one's latest). */
    private record BackToTheFirst(Path input, Path out, Path db, Path first, Path edited, Path again, CliRun back) {

        /** The nightly job run once more on the input as it is now. */
        CliRun onceMore() {
            return CliRun.run(db, "run", "nightly", "--input", input.toString(), "--output", out.toString());
        }
    }

    private BackToTheFirst backToTheFirst() throws Exception {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        Path out = tmp.resolve("out");
        Path db = tmp.resolve("db");
        Path units = input.resolve("reference/units.csv");
        String original = Files.readString(units);
        Path first = published(CliRun.run(db, "run", "nightly", "--input", input.toString(), "--output", out.toString()), out);
        Files.writeString(units, original.replace("GB,理事会,Governing Body,", "GB,理事会,Governing Body v70,"));
        Path edited = published(CliRun.run(db, "run", "nightly", "--input", input.toString(), "--output", out.toString()), out);
        // The edit undone (git checkout input): the same inputs as the first run, but latest shows the edited one's.
        Files.writeString(units, original);
        CliRun back = CliRun.run(db, "run", "nightly", "--input", input.toString(), "--output", out.toString());
        return new BackToTheFirst(input, out, db, first, edited, published(back, out), back);
    }

    /** The run published a new folder that latest points at. */
    private static Path published(CliRun run, Path out) throws Exception {
        assertEquals(0, run.status(), run.toString());
        assertTrue(run.out().contains("Published: "), run.out());
        return out.resolve("2022-23/latest").toRealPath();
    }
}
