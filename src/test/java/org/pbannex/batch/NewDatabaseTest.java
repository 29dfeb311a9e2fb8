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
                + " by run " + firstRun.runId() + ", with this code version (found in the output folder; the database had no "
                + "history of it, and has it now: ./pb-annex history " + firstRun.runId() + ") (" + first + "). Use --force to run "
                + "again."), again.out());
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

    /**
     * The run found in the output folder is written into the new database once, from its manifest, marked as found
     * there: history lists it, status says so, and the next command decides "nothing to do" from the database alone (a
     * newer run folder whose manifest cannot be read, said in one line while the folder was the judge, is not read
     * again). A run that failed after it, the newest in the folder, is not taken.
     */
    @Test
    void theRunFoundIsWrittenIntoTheNewDatabaseOnce(@TempDir Path tmp) throws Exception {
        Path db = tmp.resolve("db");
        Path out = tmp.resolve("out");
        java.util.Map<String, String> settings = new java.util.HashMap<>(CliRun.h2(db));
        settings.put("pb.output", out.toString());
        Path first = published(CliRun.capture(settings, "run", "nightly"), out);
        PublishedRun run = PublishedRun.read(first);
        // A run that failed after it (a reconciliation check), into the same folder.
        Path input = org.pbannex.TestInputs.copyOfBundledInput(tmp.resolve("input"));
        org.pbannex.TestInputs.edit(input.resolve("2022-23/outcome_allocations.csv"),
                t -> t.replace("\n8,43061376\n", "\n8,43061377\n"));
        CliRun failed = CliRun.capture(settings, "run", "nightly", "--input", input.toString());
        assertEquals(4, failed.status(), failed.toString());
        assertTrue(Files.isDirectory(out.resolve("2022-23/failed")), "the failed run's folder");

        deleteDatabase(db);
        Path unreadable = out.resolve("2022-23/29991231T000000.000Z-0badf00d");
        Files.createDirectories(unreadable);
        Files.writeString(unreadable.resolve("manifest.json"), "{\n  \"run_id\": \"29991231T000000.000Z-0badf00d\",\n  job\n");
        CliRun adopting = CliRun.capture(settings, "run", "nightly");
        assertEquals(0, adopting.status(), adopting.toString());
        assertEquals("", adopting.err(), adopting.toString());
        List<String> lines = adopting.out().lines().toList();
        assertTrue(lines.get(0).startsWith("The manifest of run 29991231T000000.000Z-0badf00d cannot be read ("
                + unreadable.resolve("manifest.json") + ", line 3, column "), lines.get(0));
        assertTrue(lines.get(0).endsWith("): it is not taken as a publication of these inputs."), lines.get(0));
        assertFalse(lines.get(0).contains("Exception") || lines.get(0).contains("\tat "), lines.get(0));
        assertTrue(lines.get(1).startsWith("Nothing to do: inputs unchanged since the publication of " + run.finishedAt() + " by run "
                + run.runId() + ", with this code version (found in the output folder; the database had no history of it, and "
                + "has it now: ./pb-annex history " + run.runId() + ") (" + first + ")."), adopting.out());

        CliRun history = CliRun.capture(settings, "history");
        assertEquals(0, history.status(), history.toString());
        List<String> rows = history.out().lines().filter(l -> l.matches("\\d{8}T.*")).toList();
        assertEquals(1, rows.size(), "the run found, and neither the failed run nor the unreadable one: " + history.out());
        assertTrue(rows.get(0).startsWith(run.runId()) && rows.get(0).contains(" PUBLISHED ")
                && rows.get(0).endsWith(first + " (found in the output folder)"), history.out());
        CliRun shown = CliRun.capture(settings, "history", run.runId());
        assertEquals(0, shown.status(), shown.toString());
        assertTrue(shown.out().contains("Status    PUBLISHED, exit status 0\n"), shown.out());
        assertTrue(shown.out().contains("Started   " + run.startedAt().replace("T", " ").replaceAll("\\.\\d+Z$|Z$", "") + " UTC\n"),
                shown.out());
        assertTrue(shown.out().contains("Output    " + first + "\n"), shown.out());
        assertTrue(shown.out().contains(", found in the output folder by a database that had no history of it: its manifest gave "
                + "its times, tables, editions (zh,en), formats (" + String.join(",", run.formats()) + "), inputs' checksum and "
                + "code version; its steps are in the database it ran with\n"), shown.out());
        assertFalse(shown.out().contains("STEP"), "no empty table of steps: " + shown.out());
        // Who received it is in the old database: not "none" with distribute suggested, which would mail every reviewer again.
        assertTrue(shown.out().contains("\nDistributions: none recorded here: this run was found in the output folder, and who "
                + "received it is recorded in the database it ran with, not in this one; if its reviewers never received it, "
                + "./pb-annex distribute " + run.runId() + " sends it to every one of them; the output folder's retention keeps "
                + "it, as it keeps a run sent.\n"), shown.out());
        assertFalse(shown.out().contains("sends it to the reviewers)"), shown.out());

        // The next command decides from the database: the run it holds, and no manifest read but that run's.
        CliRun next = CliRun.capture(settings, "run", "nightly");
        assertEquals(0, next.status(), next.toString());
        assertEquals("Nothing to do: run " + run.runId() + " already published these inputs with this code version (" + first
                + "). Use --force to run again.", next.out().lines().findFirst().orElse(""), next.out());
        assertFalse(next.out().contains("cannot be read"), next.out());

        CliRun status = CliRun.capture(settings, "status", "nightly");
        assertTrue(status.out().contains("nothing to do, run " + run.runId() + " had published these inputs already (" + first + ")"),
                status.out());

        // The retention keeps the run found (its sending is recorded in the old database) and removes this database's
        // own runs beyond the limit, which it knows were never sent: the run found was removed as never sent.
        settings.put("pb.retention.runs", "1");
        Files.delete(unreadable.resolve("manifest.json"));
        Files.delete(unreadable);
        Path forced = published(CliRun.capture(settings, "run", "nightly", "--force"), out);
        CliRun again = CliRun.capture(settings, "run", "nightly", "--force");
        published(again, out);
        assertTrue(again.out().contains("Removed 1 older run (pb.retention.runs; ./pb-annex history lists them)"), again.out());
        assertTrue(Files.isDirectory(first), "the run found in the output folder is kept");
        assertFalse(Files.exists(forced), "this database's own run, never sent, is removed");

        // Two commands that find it at once write it once: the run id is the key (H2 here, PostgreSQL in NightlyJobPostgresTest).
        var jdbc = new org.springframework.jdbc.core.JdbcTemplate(new org.springframework.jdbc.datasource.DriverManagerDataSource(
                settings.get("spring.datasource.url"), "sa", ""));
        assertEquals(List.of(true, false), adoptedTwiceAtOnce(jdbc, PublishedRun.read(first)));
    }

    /**
     * The run written in by two threads at once, after its row is deleted: what each adopt answered, true first; the
     * history holds it once, as it was.
     */
    static List<Boolean> adoptedTwiceAtOnce(org.springframework.jdbc.core.JdbcTemplate jdbc, PublishedRun run) throws Exception {
        String checksum = jdbc.queryForObject("SELECT input_checksum FROM pb_run WHERE run_id = ?", String.class, run.runId());
        jdbc.update("DELETE FROM pb_run WHERE run_id = ?", run.runId());
        var history = new org.pbannex.publish.RunHistory(jdbc);
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Callable<Boolean> adopt = () -> {
                start.await();
                return history.adopt(run, checksum);
            };
            var a = pool.submit(adopt);
            var b = pool.submit(adopt);
            start.countDown();
            List<Boolean> answers = new java.util.ArrayList<>(List.of(a.get(), b.get()));
            answers.sort(java.util.Comparator.reverseOrder());
            assertEquals(1, jdbc.queryForObject("SELECT count(*) FROM pb_run WHERE run_id = ? AND adopted_at IS NOT NULL "
                    + "AND status = 'PUBLISHED'", Integer.class, run.runId()));
            return answers;
        } finally {
            pool.shutdownNow();
        }
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

    /**
     * latest shows these very inputs, published by a run the database does not know (the installation ran on PostgreSQL
     * for a spell, then came back to its embedded database): nothing to do, and the database has that run now. They were
     * published again, and every reviewer mailed an unchanged workbook (found by an exploratory test).
     */
    @Test
    void latestPublishedFromAnotherDatabaseIsNothingToDo(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        Path embedded = tmp.resolve("db");
        Path first = published(CliRun.run(embedded, "run", "nightly", "--output", out.toString()), out);
        // The spell on another database: a run of the same inputs (--force) moves latest to it.
        Path other = published(CliRun.run(tmp.resolve("other-db"), "run", "nightly", "--force", "--output", out.toString()), out);
        assertNotEquals(first, other);

        CliRun back = CliRun.run(embedded, "run", "nightly", "--output", out.toString());
        assertEquals(0, back.status(), back.toString());
        assertTrue(back.out().contains("Nothing to do: inputs unchanged since the publication of ") && back.out().contains(
                "by run " + other.getFileName()), back.out());
        assertFalse(back.out().contains("published again"), back.out());
        assertEquals(2, runFolders(out).size(), runFolders(out).toString());
        assertEquals(other, out.resolve("2022-23/latest").toRealPath());
        CliRun history = CliRun.run(embedded, "history", other.getFileName().toString());
        assertEquals(0, history.status(), "the database has the run now: " + history);
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
