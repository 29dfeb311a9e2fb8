package org.pbannex.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.BundledCounts;
import org.pbannex.CliRun;
import org.pbannex.TestInputs;
import org.pbannex.table.Table;

/**
 * Several biennia in one input tree, each checked on its own inputs: a biennium's own reference list is all a new code
 * needs, a later biennium still being prepared stops no earlier one, and a biennium with its own lists goes through the
 * input workbook as its folder does, messages naming files the user can open.
 */
class BienniaOwnInputsTest {

    private static final String HEADER = "line_id,period,fund,status,region,country,unit,outcome,object,amount_usd\n";
    private static final String CENTRAL_ASIA = "CA,中亚,Central Asia,中亚,Central Asia,false,,\n";

    @TempDir
    Path tmp;

    /** 2024-25's own regions.csv: the shared list and Central Asia. */
    private static void ownRegionsWithCentralAsia(Path tree, String row) throws IOException {
        Files.writeString(tree.resolve("2024-25/reference/regions.csv"),
                Files.readString(tree.resolve("reference/regions.csv")) + row);
    }

    /** A region is added in the biennium's own list, without touching the shared descriptor or the other biennia. */
    @Test
    void aBienniumsOwnRegionListIsAllANewRegionNeeds() throws IOException {
        Path tree = TestInputs.withMadeUp2024(tmp.resolve("input"));
        String descriptor = Files.readString(tree.resolve("datapackage.json"));
        ownRegionsWithCentralAsia(tree, CENTRAL_ASIA);
        Files.writeString(tree.resolve("expenditure/x.csv"), HEADER + "X24-1,2024-04,XB,ESTIMATE,CA,KAZ,HEALTH,1,FURNITURE,1000.00\n");
        CliRun r = CliRun.run(null, "check", "--input", tree.toString());
        assertEquals(0, r.status(), r.toString());
        BundledCounts.assertLine("2022-23: " + BundledCounts.tablesWord() + ", ", r.out());
        BundledCounts.assertLine("2024-25: " + BundledCounts.tablesWord() + ", ", r.out());
        assertEquals(descriptor, Files.readString(tree.resolve("datapackage.json")));
        // The run's data package describes a region field by the biennium's own list, its outcome field by its outcomes
        // (found by an exploratory test: the text listed 2022-23's codes, a CSV of rows in CA then misdescribed).
        var texts = RunRenderer.about(Publication.compute(tree, Publication.biennium(tree, "2024-25")), "r", java.time.Instant.EPOCH)
                .texts();
        assertEquals("Region code: AF (Africa), AM (Americas), AS (Arab States), AP (Asia and the Pacific), EU (Europe and Central "
                + "Asia), GL (Global and headquarters), CA (Central Asia); ALL for totals, in a table that has them.",
                texts.apply("datapackage.field.region").en());
        assertTrue(texts.apply("datapackage.field.region").zh().startsWith("区域代码：AF（非洲）、AM（美洲）"),
                texts.apply("datapackage.field.region").zh());
        assertEquals("Outcome code (1, 2, A; impact for Table I.1; in Tables I.1 to I.3 on the headings too, the code of the outcome "
                + "each heads; ALL for totals, in a table that has them; empty on a row of no single outcome, such as Table 2's "
                + "subtotal, support services and total).",
                texts.apply("datapackage.field.outcome").en());
        assertFalse(RunRenderer.about(Publication.compute(tree, Publication.biennium(tree, "2022-23")), "r", java.time.Instant.EPOCH)
                .texts().apply("datapackage.field.region").en().contains("CA"), "2022-23's list has no CA");

        // 2022-23 keeps the shared list: a 2022 line in Central Asia is not one of its regions.
        Files.writeString(tree.resolve("expenditure/x.csv"), HEADER + "X24-1,2024-04,XB,ESTIMATE,CA,KAZ,HEALTH,1,FURNITURE,1000.00\n"
                + "X22-1,2022-04,XB,ESTIMATE,CA,KAZ,TECHMEET,1,FURNITURE,1000.00\n");
        r = CliRun.run(null, "check", "--input", tree.toString(), "--biennium", "2022-23");
        assertEquals(3, r.status(), r.toString());
        assertTrue(r.err().contains("x.csv, line 3, column region: unknown region 'CA'"), r.err());
    }

    /**
     * A region the later biennium's own list names otherwise (Europe, where the list of the earlier biennia said Europe
     * and Central Asia): Figure 2 shows the earlier biennia's figures under the run's name, and a note says what the
     * region was called then, its figures of those biennia being of the region as it was (found by an exploratory test:
     * they read as Europe's alone).
     */
    @Test
    void figureTwoSaysWhatARegionWasCalledInTheBienniaItsListNamedItOtherwise() throws IOException {
        Path tree = TestInputs.withMadeUp2024(tmp.resolve("input"));
        Files.writeString(tree.resolve("2024-25/reference/regions.csv"), Files.readString(tree.resolve("reference/regions.csv"))
                .replace("EU,欧洲和中亚,Europe and Central Asia,", "EU,欧洲,Europe,"));
        Table f2 = Publication.compute(tree, Publication.biennium(tree, "2024-25")).tables().get("f2");
        assertEquals("Europe", f2.row("EU").label().en());
        List<String> notes = f2.footnotes().stream().map(n -> n.en()).filter(n -> n.contains("was named")).toList();
        assertEquals(List.of("Europe (EU) was named Europe and Central Asia in 2016-2017, 2018-2019, 2020-2021 and 2022-2023: "
                + "the figures of those biennia are of the region as it then was."), notes, f2.footnotes().toString());
        assertTrue(f2.footnotes().stream().anyMatch(n -> n.zh().equals("欧洲（EU）在 2016-2017、2018-2019、2020-2021 和 2022-2023 两年期的"
                + "名称为“欧洲和中亚”：这些两年期的数字是该区域当时范围内的支出。")), f2.footnotes().toString());
        // 2022-23's own figure names every region as its list does: no such note.
        Table f2Then = Publication.compute(tree, Publication.biennium(tree, "2022-23")).tables().get("f2");
        assertTrue(f2Then.footnotes().stream().noneMatch(n -> n.en().contains("was named")), f2Then.footnotes().toString());
    }

    /** A 2024-25 whose region list and lines are not yet right stops 2024-25 alone, each error under 2024-25. */
    @Test
    void aHalfPreparedLaterBienniumDoesNotStopAnEarlierOne() throws IOException {
        Path tree = TestInputs.withMadeUp2024(tmp.resolve("input"));
        ownRegionsWithCentralAsia(tree, CENTRAL_ASIA.replace("false", "maybe"));
        Files.writeString(tree.resolve("expenditure/x.csv"), HEADER + "X24-2,2024-04,XB,ESTIMATE,ZZ,KAZ,HEALTH,1,FURNITURE,1000.00\n");
        CliRun r = CliRun.run(null, "check", "--input", tree.toString(), "--biennium", "2022-23");
        assertEquals(0, r.status(), r.toString());
        // The 2024 lines (x.csv's and the made-up 2024-25's two) are counted as left out, in the texts' words
        // (edition.lines_left_out), not passed over.
        BundledCounts.assertLine(BundledCounts.checkLine() + "; 3 expenditure lines of biennia after 2022-23 are "
                + "left out of every total of this run (only their form is checked) (", r.out());

        r = CliRun.run(null, "check", "--input", tree.toString());
        assertEquals(3, r.status(), r.toString());
        BundledCounts.assertLine(BundledCounts.checkLine(), r.out());
        assertTrue(r.err().contains("pb-annex: 2024-25: ") && r.err().contains("input/2024-25/reference/regions.csv, line 8, "
                + "column split_targets"), r.err());

        ownRegionsWithCentralAsia(tree, CENTRAL_ASIA);
        r = CliRun.run(null, "check", "--input", tree.toString());
        assertEquals(3, r.status(), r.toString());
        BundledCounts.assertLine(BundledCounts.checkLine(), r.out());
        assertTrue(r.err().contains("pb-annex: 2024-25: ") && r.err().contains("x.csv, line 2, column region: unknown region 'ZZ'"),
                r.err());
        assertFalse(r.err().contains("pb-annex: 2022-23"), r.err());
    }

    /**
     * 2024-25 has its own units (and other lists): its workbook holds that copy, and checks, runs and imports as its folder
     * does. What a run from the workbook takes from the installation (the shared lists, the expenditure lines) is named as
     * the installation's file, never as the copy made under work/imported/.
     */
    @Test
    void aWorkbookOfABienniumWithItsOwnListsChecksAndImportsAsItsFolder() throws IOException {
        Path tree = TestInputs.withMadeUp2024(tmp.resolve("input"));
        Map<String, String> settings = Map.of("pb.home", tmp.resolve("home").toString(), "pb.input", tree.toString());
        Path book = tmp.resolve("u.xlsx");
        CliRun r = CliRun.capture(settings, "input", "export", "--biennium", "2024-25", "--out", book.toString());
        assertEquals(0, r.status(), r.toString());

        r = CliRun.capture(settings, "check", "--input", book.toString());
        assertEquals(0, r.status(), r.toString());
        BundledCounts.assertLine("2024-25: " + BundledCounts.tablesWord() + ", ", r.out());

        Path into = tmp.resolve("new");
        r = CliRun.capture(settings, "input", "import", book.toString(), "--into", into.toString());
        assertEquals(0, r.status(), r.toString());
        assertEquals(Files.readString(tree.resolve("reference/units.csv")), Files.readString(into.resolve("reference/units.csv")),
                "the shared list the workbook's sheet does not hold is the installation's");
        assertEquals(Files.readString(tree.resolve("2024-25/reference/units.csv")).strip(),
                Files.readString(into.resolve("2024-25/reference/units.csv")).strip(), "its own list, where it was (blank lines at "
                + "the end dropped)");
        // With 2024-25's own lines (the bundled lines of 2016-2023 name 2022-23's outcomes, which a folder without
        // 2022-23 does not have).
        Files.createDirectories(into.resolve("expenditure"));
        Files.copy(tree.resolve("expenditure/made-up-2024-25.csv"), into.resolve("expenditure/made-up-2024-25.csv"));
        r = CliRun.capture(settings, "check", "--input", into.toString());
        assertEquals(0, r.status(), r.toString());

        // A shared list broken in the installation is named there, as is a bad expenditure line.
        TestInputs.edit(tree.resolve("reference/units.csv"), s -> s + "NEWUNIT,新,New,NOGROUP,A,I\n");
        r = CliRun.capture(settings, "check", "--input", book.toString());
        assertEquals(3, r.status(), r.toString());
        assertTrue(r.err().contains(tree.resolve("reference/units.csv") + ", line "), r.err());
        assertFalse(r.err().contains("imported"), r.err());
        TestInputs.edit(tree.resolve("reference/units.csv"), s -> s.replace("NEWUNIT,新,New,NOGROUP,A,I\n", ""));

        Files.writeString(tree.resolve("expenditure/x.csv"), HEADER + "X24-3,2024-04,XB,ESTIMATE,ZZ,KAZ,HEALTH,1,FURNITURE,1000.00\n");
        r = CliRun.capture(settings, "check", "--input", book.toString());
        assertEquals(3, r.status(), r.toString());
        assertTrue(r.err().contains(tree.resolve("expenditure/x.csv") + ", line 2, column region: unknown region 'ZZ'"), r.err());
        assertFalse(r.err().contains("imported"), r.err());
    }
}
