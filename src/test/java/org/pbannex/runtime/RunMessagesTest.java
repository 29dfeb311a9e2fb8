package org.pbannex.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.CliRun;
import org.pbannex.FailedRuns;
import org.pbannex.TestInputs;
import org.pbannex.publication.TableCatalogue;

/** The one line each failure gets, its exit status, and what a failed or a later run leaves behind. */
class RunMessagesTest {

    @TempDir
    Path tmp;

    private CliRun run(String... args) {
        return CliRun.run(tmp.resolve("db"), args);
    }

    @Test
    void anUnknownBienniumIsBadUsage() throws Exception {
        CliRun r = run("run", "nightly", "--biennium", "2030-31", "--output", tmp.resolve("out").toString());
        assertEquals(2, r.status(), r.toString());
        assertTrue(r.err().startsWith("pb-annex: --biennium: no data folder for biennium 2030-31 in "), r.err());
        assertTrue(r.err().contains("(there is 2022-23)"), r.err());
        CliRun check = run("check", "--biennium", "2022-2023");
        assertEquals(2, check.status(), check.toString());
        // The option named, as for every value of the wrong kind (it was "not a biennium: ..." alone).
        assertTrue(check.err().startsWith("pb-annex: --biennium: not a biennium: '2022-2023' (expected e.g. 2022-23)"), check.err());
    }

    @Test
    void everyCommandThatReadsInputRefusesAnUnknownBienniumTheSameWay() throws Exception {
        // One rule for --biennium (InputOptions): usage (2), one line naming the biennium, nothing written.
        Path lines = tmp.resolve("synthetic-lines.csv");
        for (String[] args : new String[][] {
                {"generate-expenditure", "--biennium", "2030-31", "--rows", "10", "--out", lines.toString()},
                {"ingest-expenditure", "--biennium", "2030-31", tmp.toString()},
                {"distribute", "--biennium", "2030-31", "--output", tmp.resolve("out").toString(), "--dry-run", "some-run"}}) {
            CliRun r = run(args);
            assertEquals(2, r.status(), r.toString());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().startsWith("pb-annex: --biennium: no data folder for biennium 2030-31 in "), r.err());
        }
        assertFalse(Files.exists(lines));
        // all, which run and check take, is said to be theirs ("not a biennium: 'all'" before).
        CliRun export = run("input", "export", "--biennium", "all", "--out", tmp.resolve("inputs.xlsx").toString());
        assertEquals(2, export.status(), export.toString());
        assertTrue(export.err().startsWith("pb-annex: --biennium all: this command reads one biennium (e.g. --biennium 2022-23); "
                + "all is for run, check and preflight\n"), export.err());
    }

    @Test
    void aSettingTheRunRefusesIsRefusedByCheckTheSameWay() throws Exception {
        // check is the pre-flight of an unattended run: it binds every setting, as the run does, so a bad one shows there.
        Map<String, String> bad = new HashMap<>(CliRun.h2(tmp.resolve("db")));
        bad.put("pb.expenditure.engine", "foo");
        CliRun check = CliRun.capture(bad, "check");
        CliRun nightly = CliRun.capture(bad, "run", "nightly", "--output", tmp.resolve("out").toString());
        for (CliRun r : List.of(check, nightly)) {
            assertEquals(5, r.status(), r.toString());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().startsWith("pb-annex: the setting pb.expenditure.engine (") && r.err().contains(") is 'foo', which is not "
                    + "auto, embedded or postgres"), r.err());
        }
        assertFalse(Files.exists(tmp.resolve("out/2022-23")), "nothing published");
    }

    /**
     * With pb.run.database-wait 0 and the embedded database held by another process, a command says it did not wait (it
     * said "for more than 0s"): one line, status 5.
     */
    @Test
    void aDatabaseHeldWithNoWaitSaysThereWasNone() throws Exception {
        Map<String, String> settings = new HashMap<>(CliRun.h2(tmp.resolve("db")));
        settings.put("pb.run.database-wait", "0");
        Path database = EmbeddedDatabaseLock.databaseOf(settings.get("spring.datasource.url"));
        // (This process holds it: the command's take waits as another process's would.)
        try (EmbeddedDatabaseLock held = EmbeddedDatabaseLock.acquire(database, java.time.Duration.ZERO, "run nightly")) {
            CliRun r = CliRun.capture(settings, "history");
            assertEquals(5, r.status(), r.toString());
            assertEquals("pb-annex: the embedded database " + database + " is in use by another pb-annex process ("
                    + ProcessIdentity.current(), r.err().substring(0, r.err().indexOf(", since ")), r.err());
            assertTrue(r.err().endsWith(": run nightly) (no wait: pb.run.database-wait is 0); for runs that overlap, use PostgreSQL "
                    + "(PB_DATABASE_URL)\n"), r.err());
        }
    }

    @Test
    void aSettingOfTheWrongKindIsNamedWithWhatItShouldBe() throws Exception {
        // Spring's converter alone says 'For input string: "abc"', naming neither the setting nor what it takes.
        for (String[] bad : new String[][] {{"pb.retention.runs", "abc", "a whole number"},
                {"pb.run.lease", "soon", "a duration such as 10s, 5m or 1h"}, {"pb.serve.warm-up", "maybe", "true or false"}}) {
            Map<String, String> settings = new HashMap<>(CliRun.h2(tmp.resolve("db")));
            settings.put(bad[0], bad[1]);
            CliRun r = CliRun.capture(settings, "check");
            assertEquals(5, r.status(), r.toString());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().startsWith("pb-annex: the setting " + bad[0] + " (") && r.err().contains(") is '" + bad[1]
                    + "', which is not " + bad[2]), r.err());
        }
        Map<String, String> negative = new HashMap<>(CliRun.h2(tmp.resolve("db")));
        negative.put("pb.retention.runs", "-1");
        CliRun r = CliRun.capture(negative, "check");
        assertEquals(5, r.status(), r.toString());
        assertTrue(r.err().contains("the setting pb.retention.runs (pb.retention.runs in overrides) is '-1', which is not 0 (keep "
                + "every run) or how many complete runs of a biennium to keep, such as 30"), r.err());
        negative.remove("pb.retention.runs");
        negative.put("pb.retention.age", "-1d");
        r = CliRun.capture(negative, "check");
        assertEquals(5, r.status(), r.toString());
        assertTrue(r.err().contains("pb.retention.age (pb.retention.age in overrides) is '-1d', which is not 0 (keep every run) or a "
                + "duration such as 90d: how old a published run may be"), r.err());
        negative.remove("pb.retention.age");
        // (check reads no pb.run setting: the commands that open the database, history here, do.)
        negative.put("pb.run.database-wait", "-3s");
        r = CliRun.capture(negative, "history");
        assertEquals(5, r.status(), r.toString());
        assertTrue(r.err().contains("pb.run.database-wait (pb.run.database-wait in overrides) is '-3s', which is not 0 (no wait)"), r.err());
        negative.remove("pb.run.database-wait");
        negative.put("pb.expenditure.threads", "-3");
        r = CliRun.capture(negative, "check");
        assertEquals(5, r.status(), r.toString());
        assertEquals("pb-annex: the setting pb.expenditure.threads (pb.expenditure.threads in overrides) is '-3', which is not 0 (one "
                + "per core) or how many threads parse the expenditure lines, such as 2", r.err().strip());
        negative.remove("pb.expenditure.threads");
        // Sizes of 0 or less were taken as 1 byte in silence (a partition for each line, every id on disk).
        for (String[] size : new String[][] {{"pb.expenditure.partition-size", "16MB", "0", "the size a file's partitions have at least"},
                {"pb.expenditure.id-memory", "8MB", "-1MB", "the memory for finding duplicate line ids"}}) {
            negative.put(size[0], size[2]);
            for (String command : List.of("check", "run")) {
                r = CliRun.capture(negative, command.equals("run") ? new String[] {"run", "nightly", "--output",
                        tmp.resolve("out").toString()} : new String[] {"check"});
                assertEquals(5, r.status(), r.toString());
                assertEquals("pb-annex: the setting " + size[0] + " (" + size[0] + " in overrides) is '" + size[2] + "', which is not a "
                        + "size above 0, such as " + size[1] + ": " + size[3], r.err().strip(), command);
            }
            negative.remove(size[0]);
        }
        // As a person writes it: 90d is 90 days; 0 is no limit.
        assertEquals(java.time.Duration.ofDays(90), org.pbannex.config.Settings.load(Map.of("pb.retention.age", "90d")).retention().age());
        assertEquals(null, org.pbannex.config.Settings.load(Map.of("pb.retention.age", "0")).retention().age());
    }

    @Test
    void aDurationWithoutItsUnitAndALeaseNotWellAboveTheHeartbeatAreRefused() throws Exception {
        // Spring would read PB_RUN_LEASE=5 as 5 ms: every live run would look dead to the next, which would take its lock.
        Map<String, String> settings = new HashMap<>(CliRun.h2(tmp.resolve("db")));
        settings.put("pb.run.lease", "5");
        for (String command : List.of("check", "preflight")) {
            CliRun r = CliRun.capture(settings, command);
            assertEquals(5, r.status(), r.toString());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().startsWith("pb-annex: the setting pb.run.lease (") && r.err().contains(") is '5', which is not a "
                    + "duration such as 10s, 5m or 1h"), r.err());
        }
        settings.put("pb.run.lease", "5s");
        CliRun r = CliRun.capture(settings, "preflight");
        assertEquals(5, r.status(), r.toString());
        assertEquals("pb-annex: the setting pb.run.lease (pb.run.lease in overrides) is '5s', which is not well above pb.run.heartbeat "
                + "(10s): a run still alive would count as dead; expected at least 3 heartbeats, such as 40s", r.err().strip());
        // Zero needs no unit (0: never, no limit); a unit makes any other number a duration.
        assertEquals(java.time.Duration.ZERO, org.pbannex.config.Settings.load(Map.of("pb.run.timeout", "0")).run().timeout());
        assertEquals(java.time.Duration.ofSeconds(5), org.pbannex.config.Settings.load(Map.of("pb.run.lease", "5s",
                "pb.run.heartbeat", "1s")).run().lease());
    }

    @Test
    void aMissingInputFolderNamesItsPath() throws Exception {
        CliRun r = run("run", "nightly", "--input", "/nonexistent", "--output", tmp.resolve("out").toString());
        assertEquals(3, r.status(), r.toString());
        assertEquals("pb-annex: /nonexistent: input folder not found", r.err().strip());
    }

    @Test
    void aMissingExpenditureFileIsInvalidInputNamingIt() throws Exception {
        CliRun r = run("ingest-expenditure", tmp.resolve("no/such/lines.csv").toString());
        assertEquals(3, r.status(), r.toString());
        assertEquals("pb-annex: " + tmp.resolve("no/such/lines.csv") + ": file or folder not found", r.err().strip());
        // A folder without lines is no total of 0 US$.
        Path empty = java.nio.file.Files.createDirectories(tmp.resolve("no-lines"));
        r = run("ingest-expenditure", empty.toString());
        assertEquals(3, r.status(), r.toString());
        assertEquals("pb-annex: " + empty + ": a folder without expenditure-line files (.csv)", r.err().strip());
    }

    @Test
    void aTableWhoseInputsAreMissingStopsTheRunUnlessItIsLeftOut() throws Exception {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        org.pbannex.publish.RunFolder.deleteTree(input.resolve("expenditure"));
        Path out = tmp.resolve("out");
        CliRun r = run("run", "nightly", "--input", input.toString(), "--output", out.toString());
        String line = FailedRuns.assertFailed(r, out, 3);
        // The folder as it opens from here: the input copy is outside the working folder.
        assertTrue(line.startsWith("pb-annex: " + input.resolve("expenditure") + "/: no expenditure-line files (*.csv): table f2 is "
                + "built from them"), line);
        String withoutF2 = String.join(",", TableCatalogue.ids().stream().filter(id -> !id.equals("f2")).toList());
        CliRun partial = run("run", "nightly", "--input", input.toString(), "--output", out.toString(), "--tables", withoutF2);
        assertEquals(0, partial.status(), partial.toString());
        assertTrue(partial.out().contains("(partial run: latest not moved)"), partial.out());
        assertFalse(Files.exists(out.resolve("2022-23/latest")), "a partial run does not move latest");
        CliRun check = run("check", "--input", input.toString());
        assertEquals(3, check.status(), "check needs every table's inputs too: " + check);
        // Its line's advice taken, as for run: check takes --tables too (it said "unknown option '--tables'", tester 77a).
        assertTrue(check.err().contains("leave f2 out (e.g. --tables " + withoutF2 + ", a partial run)"), check.err());
        CliRun checkedWithoutF2 = run("check", "--input", input.toString(), "--tables", withoutF2);
        assertEquals(0, checkedWithoutF2.status(), checkedWithoutF2.toString());
        assertTrue(checkedWithoutF2.out().contains("2022-23: " + (TableCatalogue.ids().size() - 1) + " tables, "), checkedWithoutF2.out());
        // The same list, read and refused as run reads it: a table that is not one is a usage error, in run's words.
        CliRun runUnknown = run("run", "nightly", "--input", input.toString(), "--output", out.toString(), "--tables", "a1,zz");
        CliRun checkUnknown = run("check", "--input", input.toString(), "--tables", "A1,zz");
        assertEquals(2, checkUnknown.status(), checkUnknown.toString());
        assertEquals(runUnknown.err().lines().findFirst().orElseThrow(), checkUnknown.err().lines().findFirst().orElseThrow());
        CliRun f2Only = run("check", "--input", input.toString(), "--tables", "f2");
        assertEquals(3, f2Only.status(), f2Only.toString());
    }

    /**
     * A database file H2 will not open (here: text written over it) does not stop the nightly run, tonight or after:
     * it is kept in a folder beside it, byte for byte, a new database takes its place, one line says so, and the
     * run publishes. The next command finds nothing to say on standard error; the history says where the older runs are.
     */
    @Test
    void aDamagedEmbeddedDatabaseIsKeptAsideAndTheRunGoesOn() throws Exception {
        Path db = tmp.resolve("runs");
        byte[] damaged = "this is not an H2 database file, just text".repeat(200).getBytes();
        Files.write(Path.of(db + ".mv.db"), damaged);
        Path out = tmp.resolve("out");
        CliRun r = CliRun.run(db, "run", "nightly", "--output", out.toString(), "--no-distribute");
        assertEquals(0, r.status(), r.toString());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("pb-annex: the embedded database " + db + ".mv.db was damaged (the database file is "
                + "damaged or not an H2 database (File corrupted"), r.err());
        assertFalse(r.err().contains(" )") || r.err().contains("[90030"), "H2's error code stays in the log: " + r.err());
        List<Path> kept;
        try (var files = Files.list(tmp)) {
            kept = files.filter(p -> p.getFileName().toString().startsWith("damaged-")).toList();
        }
        assertEquals(1, kept.size(), "one folder of a damaged database: " + kept);
        assertTrue(r.err().contains("kept as " + kept.get(0).resolve("runs.mv.db")), r.err());
        assertArrayEquals(damaged, Files.readAllBytes(kept.get(0).resolve("runs.mv.db")), "kept byte for byte");
        assertTrue(Files.isDirectory(out.resolve("2022-23/latest")), "the run published");
        CliRun history = CliRun.run(db, "history");
        assertEquals(0, history.status(), history.toString());
        assertEquals("", history.err(), "the new database opens without a word");
        assertTrue(history.out().lines().anyMatch(l -> l.contains("nightly") && l.contains("PUBLISHED")), history.out());
        // The history starts with the new database, and says where the older runs are.
        assertTrue(history.out().contains("Older runs: in a damaged database kept in " + kept.get(0)), history.out());
    }

    /** The test's database, and its output folder as the installation's: a run into another is a trial, none of the job's. */
    private Map<String, String> installation(Path db) {
        Map<String, String> settings = new java.util.HashMap<>(CliRun.h2(db));
        settings.put("pb.output", tmp.resolve("out").toString());
        return settings;
    }

    /**
     * A database file whose damage H2 finds only as a run reads a page (not as it opens the file) stopped every run
     * until a person moved it, and no notice or status told of it: now that run fails with one line saying where the
     * file is kept, its job's status holds the failure, and the next run publishes on a new database.
     */
    @Test
    void aDatabaseFoundDamagedDuringARunIsKeptAsideAndTheNextRunPublishes() throws Exception {
        Path db = tmp.resolve("runs");
        String[] regenerate = {"run", "regenerate", "--tables", "a2", "--format", "csv", "--force", "--no-distribute"};
        Map<String, String> settings = installation(db);
        CliRun first = CliRun.capture(settings, regenerate);
        assertEquals(0, first.status(), first.toString());
        assertTrue(DamagedPages.damageJobExecutions(db) > 1);

        CliRun r = CliRun.capture(settings, regenerate);
        assertEquals(5, r.status(), r.toString());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("pb-annex: the embedded database " + db + ".mv.db was found damaged during the command "
                + "(the database file is damaged or not an H2 database (File corrupted"), r.err());
        List<Path> kept;
        try (var files = Files.list(tmp)) {
            kept = files.filter(p -> p.getFileName().toString().startsWith("damaged-")).toList();
        }
        assertEquals(1, kept.size(), "one folder of a damaged database: " + kept);
        assertTrue(r.err().contains("kept as " + kept.get(0).resolve("runs.mv.db") + "; the next command starts a new one"), r.err());
        // H2 had the file open (and wrote to it as it closed): the kept file is that database file, not a new one.
        byte[] keptFile = Files.readAllBytes(kept.get(0).resolve("runs.mv.db"));
        assertTrue(keptFile.length > 100_000 && new String(keptFile, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1)
                .equals("H:2,"), "the damaged H2 file, " + keptFile.length + " bytes");
        CliRun status = CliRun.capture(settings, "status");
        assertEquals(5, status.status(), status.toString());
        assertTrue(status.out().lines().anyMatch(l -> l.startsWith("regenerate") && l.contains("1 failure")
                && l.contains("exit status 5: the embedded database " + db + ".mv.db was found damaged")), status.out());

        CliRun next = CliRun.capture(settings, regenerate);
        assertEquals(0, next.status(), next.toString());
        assertEquals("", next.err(), "the new database opens without a word");
        // (A run narrowed on the command line answers the failure, though it is not the job's last good run.)
        CliRun well = CliRun.capture(settings, "status");
        assertEquals(0, well.status(), well.toString());
        assertFalse(well.out().contains("failure"), well.out());
    }

    /**
     * A run the database stops before the job starts (here a table of the job repository gone) fails with one line
     * naming the database; it is kept in its job's status as a failure, as a failed run is, where it was not before.
     */
    @Test
    void aRunTheDatabaseStopsBeforeItStartsIsToldAsAFailure() throws Exception {
        Path db = tmp.resolve("runs");
        String[] regenerate = {"run", "regenerate", "--tables", "a2", "--format", "csv", "--force", "--no-distribute"};
        Map<String, String> settings = installation(db);
        assertEquals(0, CliRun.capture(settings, regenerate).status());
        try (var c = java.sql.DriverManager.getConnection(CliRun.h2(db).get("spring.datasource.url"), "sa", "");
             var s = c.createStatement()) {
            s.execute("drop table batch_job_execution cascade");
        }
        CliRun r = CliRun.capture(settings, regenerate);
        assertEquals(5, r.status(), r.toString());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("pb-annex: the embedded database " + db + ".mv.db failed: "), r.err());
        assertFalse(r.err().contains("SQL statement"), "the statement stays in the log: " + r.err());
        CliRun status = CliRun.capture(settings, "status");
        assertEquals(5, status.status(), status.toString());
        assertTrue(status.out().lines().anyMatch(l -> l.startsWith("regenerate") && l.contains("1 failure")
                && l.contains("exit status 5: the embedded database " + db + ".mv.db failed: ")), status.out());
    }

    /** Only H2's "damaged" and "not a file of this format" move a file aside: not a lock, a full disk, a bad password. */
    @Test
    void onlyDamageMovesTheDatabaseAside() {
        assertTrue(DamagedDatabase.isDamage(new RuntimeException(new java.sql.SQLException("File corrupted", "XX000",
                org.h2.api.ErrorCode.FILE_CORRUPTED_1))));
        assertTrue(DamagedDatabase.isDamage(new RuntimeException(org.h2.mvstore.DataUtils.newMVStoreException(
                org.h2.mvstore.DataUtils.ERROR_UNSUPPORTED_FORMAT, "The write format {0} is not supported", 1))));
        // Cut short (here in its header block): H2 says "IO Exception", as for a disk that fails, but reads to the end.
        assertTrue(DamagedDatabase.isDamage(new RuntimeException(new java.sql.SQLException("IO Exception", "90028",
                org.h2.api.ErrorCode.IO_EXCEPTION_1, org.h2.mvstore.DataUtils.newMVStoreException(
                org.h2.mvstore.DataUtils.ERROR_READING_FAILED, "Reading from file failed at {0}", 2300,
                new java.io.EOFException())))));
        assertFalse(DamagedDatabase.isDamage(new RuntimeException(new java.sql.SQLException("IO Exception", "90028",
                org.h2.api.ErrorCode.IO_EXCEPTION_1, org.h2.mvstore.DataUtils.newMVStoreException(
                org.h2.mvstore.DataUtils.ERROR_READING_FAILED, "Reading from file failed at {0}", 2300,
                new java.io.IOException("Input/output error"))))));
        assertFalse(DamagedDatabase.isDamage(new RuntimeException(new java.sql.SQLException("Database may be already "
                + "in use", "90020", org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1))));
        assertFalse(DamagedDatabase.isDamage(new RuntimeException(new java.sql.SQLException("IO Exception",
                "90028", org.h2.api.ErrorCode.IO_EXCEPTION_1, new java.io.IOException("No space left on device")))));
        assertFalse(DamagedDatabase.isDamage(new RuntimeException(new java.sql.SQLException("Wrong user name or "
                + "password", "28000", org.h2.api.ErrorCode.WRONG_USER_OR_PASSWORD))));
    }

    @Test
    void aFailedRunLeavesItsTraceAndHistoryNamesItsJobAndStep() throws Exception {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        TestInputs.replaceLine(input.resolve("2022-23/budget.csv"), 3, "GB,31,8,37,11,15668625,n/a,18493785,189787");
        Path out = tmp.resolve("out");
        FailedRuns.assertFailed(run("run", "nightly", "--input", input.toString(), "--output", out.toString()), out, 3);
        String line = run("history").out().lines().filter(l -> l.contains("FAILED")).findFirst().orElseThrow();
        String runId = line.split("\\s+")[0];
        assertTrue(line.matches(runId + "\\s+nightly\\s+2022-23\\s+FAILED.*"), line);
        CliRun detail = run("history", runId);
        assertTrue(detail.out().contains("Failed in validate"), detail.out());
        assertTrue(detail.out().contains("exit status 3"), detail.out());
        // Its times say they are UTC (a reader in Geneva would otherwise read them an hour off in winter).
        assertTrue(detail.out().lines().anyMatch(l -> l.matches("Started   \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC")), detail.out());
        assertTrue(run("history").out().startsWith("RUN ") && run("history").out().lines().findFirst().orElseThrow().contains("STARTED (UTC)"));
        assertTrue(Files.isRegularFile(out.resolve("2022-23/failed/" + runId + "/report.html")));
    }

    @Test
    void leftoversOfFailedRunsAreRemovedOnceALaterRunPublishes() throws Exception {
        Path out = tmp.resolve("out");
        Path left = Files.createDirectories(out.resolve("2022-23/.staging-20200101T000000.000Z-00000000-0000/csv"));
        Path work = Files.createDirectories(out.resolve("2022-23/.work-20200101T000000.000Z-00000000-0000/expenditure"));
        // Left by a run that failed last night: nothing written to them since.
        var lastNight = java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(java.time.Duration.ofHours(20)));
        for (Path p : List.of(left, left.getParent(), work, work.getParent())) {
            Files.setLastModifiedTime(p, lastNight);
        }
        // Being written by a run of another installation (a database of its own, so a lock this run does not see).
        Path other = Files.createDirectories(out.resolve("2022-23/.staging-20200101T000001.000Z-00000000-0001"));
        Files.writeString(other.resolve("t1.csv"), "being written");
        CliRun r = run("run", "nightly", "--format", "csv", "--lang", "zh", "--output", out.toString());
        assertEquals(0, r.status(), r.toString());
        assertFalse(Files.exists(left.getParent()));
        assertFalse(Files.exists(work.getParent()));
        assertTrue(Files.isRegularFile(other.resolve("t1.csv")), "what was written to within the lease is left alone");
        try (var s = Files.list(out.resolve("2022-23"))) {
            assertEquals(List.of(other.getFileName().toString()), s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("."))
                    .toList());
        }
    }
}
