package org.pbannex.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.BundledCounts;
import org.pbannex.CliRun;
import org.pbannex.TestInputs;
import org.pbannex.reference.Biennium;

/**
 * The tester's copied biennium ({@code cp -r input/2022-23 <copy>/2024-25}, years not updated) passed every check and
 * published 2022-23's document, date and difference as 2024-25's. Each year the folder's files state is compared with
 * its biennium: mended one by one, as the user would, each is refused on its own line until none is left.
 */
class BienniumConsistencyTest {

    @TempDir
    Path tmp;

    private static CliRun check(Path input) {
        return CliRun.run(null, "check", "--input", input.toString(), "--biennium", "2024-25");
    }

    @Test
    void aFolderCopiedFromAnotherBienniumIsRefusedUntilItsYearsAreItsOwn() throws IOException {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        Path next = TestInputs.copyTree(input.resolve("2022-23"), input.resolve("2024-25"));
        Path publication = next.resolve("publication.csv");

        assertEquals("pb-annex: input/2024-25/publication.csv, line 2, column document_title_zh: '国际劳工组织 2022-2023 两年期计划和预算(草案)' "
                + "names the biennium 2022-2023, but the folder is 2024-25's: its document's title names 2024-2025 (a folder "
                + "copied from 2022-23's and not updated?)", check(input).oneLine(3, input));

        TestInputs.edit(publication, s -> s.replace("2022-2023 两年期", "2024-2025 两年期"));
        assertEquals("pb-annex: input/2024-25/publication.csv, line 2, column document_title_en: 'Programme and Budget proposals "
                + "for 2022-23' names the biennium 2022-2023, but the folder is 2024-25's: its document's title names "
                + "2024-2025 (a folder copied from 2022-23's and not updated?)", check(input).oneLine(3, input));

        TestInputs.edit(publication, s -> s.replace("for 2022-23", "for 2024-25"));
        assertEquals("pb-annex: input/2024-25/publication.csv, line 2, column publication_date: '2021-02-01' is more than 2 "
                + "years before the biennium 2024-2025 starts: the folder is 2024-25's, whose document is dated from "
                + "2022-01-01 to 2025-12-31 (a proposal is dated before its biennium, at most 2 years: pbYearsBeforeBiennium "
                + "of publication_date in datapackage.json)", check(input).oneLine(3, input));

        TestInputs.edit(publication, s -> s.replace("2021-02-01", "2026-01-05"));
        assertTrue(check(input).oneLine(3, input).contains("column publication_date: '2026-01-05' is after the biennium 2024-2025 ends: "));

        TestInputs.edit(publication, s -> s.replace("2026-01-05", "2023-02-01"));
        assertEquals("pb-annex: input/2024-25/publication.csv, line 2, column document_symbol: 'GB.341/PFA/1' is the printed "
                + "document of 2022-23 (input/2022-23/publication.csv, line 2): a biennium reproduces its own document; write "
                + "2024-25's symbol and titles, or leave the three empty while there is none", check(input).oneLine(3, input));

        // The folder copied from is not the one refused: 2022-23 names its own print.
        CliRun both = CliRun.run(null, "check", "--input", input.toString());
        assertEquals(3, both.status(), both.toString());
        BundledCounts.assertLine(BundledCounts.checkLine(), both.out());
        assertTrue(both.err().contains("2024-25/publication.csv, line 2, column document_symbol")
                && !both.err().contains("2022-23/publication.csv, line 2, column"), both.toString());

        TestInputs.edit(publication, s -> s.replace("GB.341/PFA/1", "GB.347/PFA/1"));
        assertEquals("pb-annex: input/2024-25/supplementary_authorizations.csv, line 6, column financial_period: '2018-2019' is "
                + "the latest period listed, and it ends 5 years before the biennium 2024-2025 starts: the folder is 2024-25's, "
                + "whose recent periods end at most 3 years before it (2020-2021 or later; pbYearsBeforeBiennium of "
                + "financial_period in datapackage.json)", check(input).oneLine(3, input));

        TestInputs.edit(next.resolve("supplementary_authorizations.csv"), s -> s + "2020-2021,1000\n");
        assertEquals("pb-annex: input/2024-25/extrabudgetary_estimates.csv, line 2, column biennium: '2020-21' is neither "
                + "2024-25, the folder's biennium, nor 2022-23, the one before: Table 2 shows those two only, so the row would "
                + "never be read (copied from another biennium's folder?)", check(input).oneLine(3, input));

        TestInputs.estimatesMovedOn(next, new Biennium(2024));
        assertEquals("pb-annex: input/2024-25/expenditure_as_of.csv, line 2, column as_of: '2021-01-04' is more than 2 years "
                + "before the biennium 2024-2025 starts: the folder is 2024-25's, whose document states actual expenditure up to "
                + "a day from 2022-01-01 (a folder copied from an earlier biennium's and not updated? pbYearsBeforeBiennium of "
                + "as_of in datapackage.json)", check(input).oneLine(3, input));

        TestInputs.actualsAsOfMovedOn(next, new Biennium(2024));
        assertEquals("pb-annex: input/2024-25/results_baselines.csv, line 4, column year: '2017' is more than 6 years before the "
                + "biennium 2024-2025 starts: the folder is 2024-25's, whose baselines are of 2018 to 2023 (a folder copied from "
                + "an earlier biennium's and not updated? pbYearsBeforeBiennium of year in datapackage.json)",
                check(input).oneLine(3, input));

        TestInputs.baselinesMovedOn(next, new Biennium(2024));
        assertEquals("pb-annex: input/2024-25/printed_differences.csv, line 2, column document_symbol: a difference from the "
                + "print GB.341/PFA/1, but input/2024-25/publication.csv names GB.347/PFA/1: compare the figure with "
                + "GB.347/PFA/1 and write its symbol here, or remove the row (copied from another biennium's folder?)",
                check(input).oneLine(3, input));

        // Compared with the new print and found to differ there too: the user says so, and the folder passes.
        TestInputs.edit(next.resolve("printed_differences.csv"), s -> s.replace(",GB.341/PFA/1", ",GB.347/PFA/1"));
        CliRun passed = check(input);
        assertEquals(0, passed.status(), passed.toString());
    }

    /**
     * A baseline of a year after the biennium starts, and a date of actual expenditure outside the biennium it dates or of
     * a biennium after the folder's (a typo, as the copied years above): each refused on its line.
     */
    @Test
    void aBaselineYearOrADateOfActualsThatDoesNotFitTheBiennium() throws IOException {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        Path baselines = input.resolve("2022-23/results_baselines.csv");
        TestInputs.replaceLine(baselines, 2, "impact-working-poverty-rate,1,7.4,%,2028,false,7.4% (2028 年),,");
        assertEquals("pb-annex: input/2022-23/results_baselines.csv, line 2, column year: '2028' is not before the biennium "
                + "2022-2023 starts: a baseline is the value known before it (the folder is 2022-23's: 2021 or earlier)",
                CliRun.run(null, "check", "--input", input.toString()).oneLine(3, input));
        TestInputs.replaceLine(baselines, 2, "impact-working-poverty-rate,1,7.4,%,2018,false,7.4% (2018 年),,");

        Path asOf = input.resolve("2022-23/expenditure_as_of.csv");
        TestInputs.replaceLine(asOf, 2, "2016-17,2021-01-04");
        assertEquals("pb-annex: input/2022-23/expenditure_as_of.csv, line 2, column as_of: '2021-01-04' is not in the biennium "
                + "2016-2017 the row dates (2016-01-01 to 2017-12-31): a partly actual biennium's expenditure is actual up to a "
                + "day of it", CliRun.run(null, "check", "--input", input.toString()).oneLine(3, input));
        TestInputs.replaceLine(asOf, 2, "2024-25,2024-01-04");
        assertEquals("pb-annex: input/2022-23/expenditure_as_of.csv, line 2, column biennium: '2024-25' is after 2022-23, the "
                + "folder's biennium: Figure 2 shows no later biennium, so the row would never be read (copied from another "
                + "biennium's folder?)", CliRun.run(null, "check", "--input", input.toString()).oneLine(3, input));
    }

    /** The real input is its own biennium's in every file: it passes as before, with the same checks. */
    @Test
    void theBundledInputPassesWithItsChecks() throws IOException {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        CliRun r = CliRun.run(null, "check", "--input", input.toString());
        assertEquals(0, r.status(), r.toString());
        BundledCounts.assertLine(BundledCounts.checkLine(), r.out());
    }

    @Test
    void aBienniumIsFoundAsTheTextsWriteOne() {
        assertEquals(List.of(new Biennium(2022), new Biennium(2024)),
                Biennium.namedIn("Programme and Budget proposals for 2022-2023 and 2024-25"));
        // Pairs of years that are no biennium, and years inside longer numbers, name none.
        assertEquals(List.of(), Biennium.namedIn("2021-2025, 2023-24, 12022-2023, 2022-20231"));
    }
}
