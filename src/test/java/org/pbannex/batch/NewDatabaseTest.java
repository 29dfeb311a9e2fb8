package org.pbannex.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.CliRun;
import org.pbannex.publish.PublishedRun;

/**
 * A database that has no history of what was published into an output folder (the embedded one's file deleted here;
 * a new PostgreSQL database after a move in NightlyJobPostgresTest) decides "nothing to do" from the published
 * folder's manifest, and says so: the first run on it published the same figures again, and mailed the reviewers.
 */
class NewDatabaseTest {

    @Test
    void theOutputFolderTellsThatTheseInputsWerePublished(@TempDir Path tmp) throws Exception {
        Path db = tmp.resolve("db");
        Path out = tmp.resolve("out");
        Path first = published(CliRun.run(db, "run", "nightly", "--output", out.toString()), out);
        PublishedRun firstRun = PublishedRun.read(first);

        deleteDatabase(db);
        CliRun again = CliRun.run(db, "run", "nightly", "--output", out.toString());
        assertEquals(0, again.status(), again.toString());
        assertTrue(again.out().contains("Nothing to do: inputs unchanged since the publication of " + firstRun.finishedAt()
                + " by run " + firstRun.runId() + ", with this code version (found in the output folder; the database has no "
                + "history of it) (" + first + "). Use --force to run again."), again.out());
        assertEquals(List.of(first.getFileName().toString()), runFolders(out));
        assertEquals(first, out.resolve("2022-23/latest").toRealPath());

        // Other work on the same inputs is no such run: CSVs with a byte-order mark are published, in a run of their own.
        Path bom = published(CliRun.run(db, "run", "nightly", "--csv-bom", "--output", out.toString()), out);
        assertNotEquals(first, bom);
        assertTrue(Files.readString(bom.resolve("csv/a1.csv")).startsWith("\uFEFF"));

        // --force publishes whatever the folder holds.
        deleteDatabase(db);
        CliRun forced = CliRun.run(db, "run", "nightly", "--csv-bom", "--force", "--output", out.toString());
        Path third = published(forced, out);
        assertFalse(forced.out().contains("Nothing to do"), forced.out());
        assertEquals(3, runFolders(out).size(), runFolders(out).toString());
        assertNotEquals(bom, third);
    }

    /** Changed inputs are published on a new database as on the old one. */
    @Test
    void changedInputsArePublished(@TempDir Path tmp) throws Exception {
        Path input = org.pbannex.TestInputs.copyOfBundledInput(tmp.resolve("input"));
        Path out = tmp.resolve("out");
        Path db = tmp.resolve("db");
        Path first = published(CliRun.run(db, "run", "nightly", "--input", input.toString(), "--output", out.toString()), out);
        deleteDatabase(db);
        org.pbannex.TestInputs.edit(input.resolve("reference/units.csv"),
                t -> t.replace("GB,理事会,Governing Body,", "GB,理事会,Governing Body v70,"));
        Path edited = published(CliRun.run(db, "run", "nightly", "--input", input.toString(), "--output", out.toString()), out);
        assertNotEquals(first, edited);
        assertTrue(Files.readString(edited.resolve("csv/a1.csv")).contains("Governing Body v70"));
    }

    private static void deleteDatabase(Path db) throws Exception {
        try (Stream<Path> s = Files.list(db.getParent())) {
            for (Path f : s.filter(f -> f.getFileName().toString().startsWith(db.getFileName() + ".")).toList()) {
                Files.delete(f);
            }
        }
    }

    private static List<String> runFolders(Path out) throws Exception {
        try (Stream<Path> s = Files.list(out.resolve("2022-23"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d{8}T.*")).sorted().toList();
        }
    }

    private static Path published(CliRun run, Path out) throws Exception {
        assertEquals(0, run.status(), run.toString());
        assertTrue(run.out().contains("Published: "), run.out());
        return out.resolve("2022-23/latest").toRealPath();
    }
}
