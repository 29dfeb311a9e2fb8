package org.pbannex.expenditure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.ingest.InputError;

/**
 * Two engines, one answer: the same generated files (with bad lines mixed in) totalled in-process and by a real
 * PostgreSQL server (COPY into a staging table, GROUP BY in SQL) give the same cube, cell by cell, the same counts
 * per file and the same rejects.
 */
class ExpenditureEnginesTest {

    @TempDir
    static Path dir;
    static EmbeddedPostgres postgres;
    static List<Path> files;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        Path a = dir.resolve("lines/synthetic-a.csv");
        new ExpenditureGenerator(ExpenditureFixtures.dimensions(), ExpenditureFixtures.BIENNIUMS, List.of()).write(a, 40_000, 7);
        // A second file: other ids (its own prefix), two bad lines and one id that file a already has.
        Path b = dir.resolve("lines/synthetic-b.csv");
        new ExpenditureGenerator(ExpenditureFixtures.dimensions(), ExpenditureFixtures.BIENNIUMS, List.of()).write(b, 20_000, 8);
        String text = Files.readString(b).replace("\nL", "\nM");
        text += "M9,2022-13,XB,ESTIMATE,AF,KEN,AFRICA,1,STAFF,1.00\n"
                + "M10,2022-05,XB,ESTIMATE,AF,KEN,AFRICA,1,STAFF,1.001\n"
                + "L0000000001,2022-05,XB,ESTIMATE,AF,KEN,AFRICA,1,STAFF,3.00\n";
        Files.writeString(b, text);
        files = List.of(a, b);
    }

    @AfterAll
    static void stop() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void embeddedAndPostgresGiveIdenticalSums() throws Exception {
        Path embeddedRejects = dir.resolve("embedded-rejects.csv");
        Path postgresRejects = dir.resolve("postgres-rejects.csv");
        ExpenditureIngest.Result embedded = new ExpenditureIngest(ExpenditureFixtures.dimensions(), 2, embeddedRejects)
                .withMinPartition(256 * 1024).run(files, "expenditure/");
        ExpenditureIngest.Result pg;
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            pg = new PostgresExpenditureEngine(ExpenditureFixtures.dimensions(), postgresRejects).run(files, "expenditure/", c);
        }
        assertTrue(embedded.totals().sameAs(pg.totals()), "same cents and line counts in every cell");
        assertEquals(embedded.files(), pg.files());
        assertEquals(60_000, pg.totals().totalLines());
        assertEquals(3, pg.rejectedLines());
        assertEquals(Files.readAllLines(embeddedRejects), Files.readAllLines(postgresRejects));
        assertTrue(Files.readString(postgresRejects).contains("duplicate line_id 'L0000000001' (first on expenditure/synthetic-a.csv, "
                + "line 3)"), Files.readString(postgresRejects));
    }

    /**
     * Both engines name a duplicate's first line alike: in its own file the line, in another file that file too, as
     * the message names files (from where the command ran) and as the rejects publish them.
     */
    @Test
    void bothEnginesNameTheLineADuplicatesIdWasFirstOn() throws Exception {
        Path a = dir.resolve("firsts/a.csv");
        Path b = dir.resolve("firsts/b.csv");
        Files.createDirectories(a.getParent());
        String header = "line_id,period,fund,status,region,country,unit,outcome,object,amount_usd\n";
        String line = ",2022-05,XB,ESTIMATE,AF,KEN,AFRICA,1,STAFF,5.00\n";
        Files.writeString(a, header + "A1" + line + "A2" + line + "A1" + line);
        Files.writeString(b, header + "B1" + line + "A2" + line);
        Path embeddedRejects = dir.resolve("firsts/embedded-rejects.csv");
        Path postgresRejects = dir.resolve("firsts/postgres-rejects.csv");
        new ExpenditureIngest(ExpenditureFixtures.dimensions(), 2, embeddedRejects).run(List.of(a, b), "expenditure/");
        InputError embedded = assertThrows(InputError.class,
                () -> new ExpenditureIngest(ExpenditureFixtures.dimensions(), 2, null).run(List.of(b, a), "expenditure/"));
        InputError pg;
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            new PostgresExpenditureEngine(ExpenditureFixtures.dimensions(), postgresRejects).run(List.of(a, b), "expenditure/", c);
            pg = assertThrows(InputError.class,
                    () -> new PostgresExpenditureEngine(ExpenditureFixtures.dimensions(), null).run(List.of(b, a), "expenditure/", c));
        }
        assertEquals(Files.readAllLines(embeddedRejects), Files.readAllLines(postgresRejects));
        List<String> rejected = Files.readAllLines(postgresRejects);
        assertEquals(3, rejected.size(), String.join("\n", rejected));
        assertTrue(rejected.get(1).startsWith("expenditure/a.csv,4,line_id,duplicate line_id 'A1' (first on line 2),"), rejected.get(1));
        assertTrue(rejected.get(2).startsWith("expenditure/b.csv,3,line_id,\"duplicate line_id 'A2' (first on expenditure/a.csv, line 3)\","),
                rejected.get(2));
        // b first: a's A2 is the copy, named by where b opens from here.
        assertEquals(embedded.getMessage(), pg.getMessage());
        assertEquals(List.of(a.toString(), 3L, "line_id", "duplicate line_id 'A2' (first on " + b + ", line 3)"),
                List.of(pg.file(), pg.line(), pg.column(), pg.reason()));
    }

    /**
     * A line of a biennium after the run's is left out by both engines alike: summed nowhere and its codes not checked
     * (a region no list has), while its id still counts as used.
     */
    @Test
    void aLaterBienniumsLinesAreLeftOutByBothEngines() throws Exception {
        Dimensions d = ExpenditureFixtures.dimensions();
        Dimensions run2022 = new Dimensions(d.regions(), d.countries(), d.units(), d.outcomes(), d.objects(),
                java.util.Map.of(2024, Dimensions.InForce.leftOut("2024-25")), null);
        Path lines = dir.resolve("later/lines.csv");
        Files.createDirectories(lines.getParent());
        Files.writeString(lines, "line_id,period,fund,status,region,country,unit,outcome,object,amount_usd\n"
                + "A1,2022-05,XB,ESTIMATE,AF,KEN,AFRICA,1,STAFF,5.00\n"
                + "A2,2024-05,XB,ESTIMATE,ZZ,QQQ,NOUNIT,99,NOOBJECT,7.00\n"
                + "A2,2024-06,XB,ESTIMATE,ZZ,QQQ,NOUNIT,99,NOOBJECT,7.00\n");
        Path embeddedRejects = dir.resolve("later/embedded-rejects.csv");
        Path postgresRejects = dir.resolve("later/postgres-rejects.csv");
        ExpenditureIngest.Result embedded = new ExpenditureIngest(run2022, 2, embeddedRejects).run(List.of(lines), "expenditure/");
        ExpenditureIngest.Result pg;
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            pg = new PostgresExpenditureEngine(run2022, postgresRejects).run(List.of(lines), "expenditure/", c);
        }
        assertTrue(embedded.totals().sameAs(pg.totals()), "same cents and line counts in every cell");
        assertEquals(1, embedded.totals().totalLines(), "the 2024 lines are summed nowhere");
        assertEquals(List.of(1L, 1L), List.of(embedded.rejectedLines(), pg.rejectedLines()));
        assertEquals(Files.readAllLines(embeddedRejects), Files.readAllLines(postgresRejects));
        assertTrue(Files.readString(embeddedRejects).contains("duplicate line_id 'A2'"), Files.readString(embeddedRejects));
    }

    /**
     * Both engines count a later biennium's good lines as left out, not accepted: read = accepted + left out + rejected
     * in each file. A left-out line whose id another file repeats is rejected there (the merge took such a line out of
     * totals that have no cell for it, and failed).
     */
    @Test
    void aLaterBienniumsLinesAreCountedAsLeftOutByBothEngines() throws Exception {
        Dimensions d = ExpenditureFixtures.dimensions();
        Dimensions run2022 = new Dimensions(d.regions(), d.countries(), d.units(), d.outcomes(), d.objects(),
                java.util.Map.of(2024, Dimensions.InForce.leftOut("2024-25")), null);
        Path lines = dir.resolve("counted/lines.csv");
        Path more = dir.resolve("counted/more.csv");
        Files.createDirectories(lines.getParent());
        String header = "line_id,period,fund,status,region,country,unit,outcome,object,amount_usd\n";
        Files.writeString(lines, header + "A1,2022-05,XB,ESTIMATE,AF,KEN,AFRICA,1,STAFF,5.00\n"
                + "A2,2024-05,XB,ESTIMATE,ZZ,QQQ,NOUNIT,99,NOOBJECT,7.00\n"
                + "A3,2024-06,XB,ESTIMATE,ZZ,QQQ,NOUNIT,99,NOOBJECT,7.001\n");
        Files.writeString(more, header + "B1,2022-07,XB,ESTIMATE,AF,KEN,AFRICA,1,STAFF,2.00\n"
                + "A2,2024-07,XB,ESTIMATE,ZZ,QQQ,NOUNIT,99,NOOBJECT,7.00\n"
                + "B3,2024-08,XB,ESTIMATE,ZZ,QQQ,NOUNIT,99,NOOBJECT,1.00\n");
        ExpenditureIngest.Result embedded = new ExpenditureIngest(run2022, 2, dir.resolve("counted/embedded-rejects.csv"))
                .run(List.of(lines, more), "expenditure/");
        ExpenditureIngest.Result pg;
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            pg = new PostgresExpenditureEngine(run2022, dir.resolve("counted/postgres-rejects.csv")).run(List.of(lines, more),
                    "expenditure/", c);
        }
        List<ExpenditureIngest.FileStats> expected = List.of(
                new ExpenditureIngest.FileStats("expenditure/lines.csv", 3, 1, 1, 1, Files.size(lines), SyntheticMark.NONE),
                new ExpenditureIngest.FileStats("expenditure/more.csv", 3, 1, 1, 1, Files.size(more), SyntheticMark.NONE));
        assertEquals(expected, embedded.files());
        assertEquals(expected, pg.files());
        assertEquals(List.of(2L, 2L), List.of(embedded.leftOutLines(), pg.leftOutLines()));
        assertEquals(2, embedded.totals().totalLines(), "A1 and B1 summed, nothing of 2024");
        assertTrue(embedded.totals().sameAs(pg.totals()));
        // What a run's merge step writes and its publishing step reads back keeps the counts.
        Path written = dir.resolve("counted/totals.bin");
        ExpenditureResultFile.write(embedded, written);
        assertEquals(expected, ExpenditureResultFile.read(written, run2022).files());
    }

    /** A finance export's end (an empty line, rows of empty cells) is no line on PostgreSQL either; one in the middle is refused. */
    @Test
    void blankLinesEndingAFileAreNoLinesForBothEngines() throws Exception {
        for (String ending : ExpenditureIngestTest.blankEndings()) {
            Path f = ExpenditureIngestTest.fileEndingWith(dir, "pg" + ending, ending);
            Path embeddedRejects = f.resolveSibling("embedded-rejects.csv");
            Path postgresRejects = f.resolveSibling("postgres-rejects.csv");
            ExpenditureIngest.Result embedded = new ExpenditureIngest(ExpenditureFixtures.dimensions(), 2, embeddedRejects)
                    .run(List.of(f), "expenditure/");
            ExpenditureIngest.Result pg;
            try (Connection c = postgres.getPostgresDatabase().getConnection()) {
                pg = new PostgresExpenditureEngine(ExpenditureFixtures.dimensions(), postgresRejects).run(List.of(f), "expenditure/", c);
                new PostgresExpenditureEngine(ExpenditureFixtures.dimensions(), null).run(List.of(f), "expenditure/", c);
            }
            assertEquals(new ExpenditureIngest.FileStats("expenditure/lines.csv", 300, 300, 0, 0, Files.size(f), SyntheticMark.NONE), pg.files().get(0));
            assertEquals(embedded.files(), pg.files());
            assertTrue(embedded.totals().sameAs(pg.totals()));
            assertEquals(1, Files.readAllLines(postgresRejects).size(), "the header only");
            assertEquals(Files.readAllLines(embeddedRejects), Files.readAllLines(postgresRejects));
        }
        Path middle = ExpenditureIngestTest.fileEndingWith(dir, "pg-middle", ",,,,,,,,,\r\n"
                + ExpenditureIngestTest.GOOD.replace("L1,", "L999,") + "\r\n\r\n");
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            InputError e = assertThrows(InputError.class, () -> new PostgresExpenditureEngine(ExpenditureFixtures.dimensions(), null)
                    .run(List.of(middle), "expenditure/", c));
            assertEquals(302, e.line());
            assertTrue(e.reason().startsWith("blank line inside the data: remove it"), e.getMessage());
        }
    }

    /** A file cut short (no line end after its last line) is refused by both engines at the same line, its last. */
    @Test
    void bothEnginesNameTheLastLineOfAFileCutShort() throws Exception {
        Path f = ExpenditureIngestTest.fileEndingWith(dir, "pg-cut", ExpenditureIngestTest.GOOD.replace("L1,", "L301,"));
        InputError embedded = assertThrows(InputError.class, () -> new ExpenditureIngest(ExpenditureFixtures.dimensions(), 2, null)
                .withMinPartition(1024).run(List.of(f), "expenditure/"));
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            InputError pg = assertThrows(InputError.class, () -> new PostgresExpenditureEngine(ExpenditureFixtures.dimensions(), null)
                    .run(List.of(f), "expenditure/", c));
            assertEquals(f + ", line 302: the last line has no line end: the file may have been cut short, in its last number, "
                    + "by a copy that did not finish; copy it again, or, if it is whole, end it with a line break", pg.getMessage());
            assertEquals(embedded.getMessage(), pg.getMessage());
        }
    }

    @Test
    void postgresEngineIsStrictToo() throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            InputError e = assertThrows(InputError.class, () -> new PostgresExpenditureEngine(ExpenditureFixtures.dimensions(), null)
                    .run(files, "expenditure/", c));
            assertEquals(files.get(1).toString(), e.file(), "as it opens from here, as the embedded engine names it");
            assertEquals(20_003, e.line(), "after the generator's mark line and the header, as an editor numbers it");
            assertEquals("period", e.column());
        }
    }
}
