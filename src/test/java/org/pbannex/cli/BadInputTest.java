package org.pbannex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.BundledCounts;
import org.pbannex.CliRun;
import org.pbannex.TestInputs;

/**
 * Each kind of bad input stops `run nightly` with exit status 3 and one line naming file, line, column and reason,
 * and publishes nothing.
 */
class BadInputTest {

    @TempDir
    Path tmp;
    Path input;
    Path budget;

    @BeforeEach
    void copyInput() throws IOException {
        input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        budget = input.resolve("2022-23/budget.csv");
    }

    /** Each case through {@code check}: the same validation as a run, without a database or Spring (fast). */
    private String assertRejected(String... expectedParts) throws IOException {
        CliRun r = CliRun.capture(Map.of(), "check", "--input", input.toString());
        String line = org.pbannex.FailedRuns.assertFailed(r, tmp.resolve("out"), 3);
        for (String part : expectedParts) {
            assertTrue(line.contains(part), "stderr should contain '" + part + "': " + line);
        }
        return line;
    }

    @Test
    void aRunOnInvalidInputSaysTheSameAndPublishesNothing() throws IOException {
        TestInputs.replaceLine(budget, 4, TestInputs.line(budget, 4).replaceFirst("^RM,", "REGMEET,"));
        CliRun r = CliRun.run(tmp.resolve("db"), "run", "nightly", "--input", input.toString(), "--output", tmp.resolve("out").toString());
        String line = org.pbannex.FailedRuns.assertFailed(r, tmp.resolve("out"), 3);
        assertTrue(line.contains("input/2022-23/budget.csv") && line.contains("line 4") && line.contains("unknown unit 'REGMEET'"), line);
    }

    /**
     * A file cut short by a copy that did not finish, its cut inside the last number, reads well ("2018-2019,52163" for
     * 5216301): its missing line end is the one trace, and it is refused (found by an exploratory test: published as
     * printed). A last line of empty cells without one is no line and passes, as a file that ends with its line end.
     */
    @Test
    void aFileWhoseLastLineHasNoLineEndIsRefusedAsCutShort() throws IOException {
        Path authorizations = input.resolve("2022-23/supplementary_authorizations.csv");
        String whole = Files.readString(authorizations);
        Files.writeString(authorizations, whole.substring(0, whole.length() - 3));
        int lines = (int) whole.lines().count();
        assertRejected("input/2022-23/supplementary_authorizations.csv, line " + lines + ": the last line has no line end: the "
                + "file may have been cut short, in its last number, by a copy that did not finish");
        // Lines ended by a carriage return alone are another kind of file, said as such (not as one line cut short).
        Files.writeString(authorizations, whole.replace("\n", "\r"));
        assertRejected("input/2022-23/supplementary_authorizations.csv: its lines end with a carriage return alone");
        Files.writeString(authorizations, whole + ",");
        CliRun r = CliRun.capture(Map.of(), "check", "--input", input.toString());
        assertEquals(0, r.status(), r.toString());
    }

    /** A code that looks right but is not ASCII (a no-break space after it, full-width letters) is named, with the code meant. */
    @Test
    void aCodeOfLookAlikeCharactersIsNamedWithTheCodeMeant() throws IOException {
        String gb = TestInputs.line(budget, 3);
        TestInputs.replaceLine(budget, 3, gb.replaceFirst("^GB,", "GB\u00a0,"));
        assertRejected("input/2022-23/budget.csv, line 3, column unit: unknown unit 'GB\u00a0': not in ",
                "input/reference/units.csv; 'GB\u00a0' holds U+00A0 (NO-BREAK SPACE) at character 3, which looks like a space "
                + "but is none (Excel and web pages type it): write 'GB'");
        TestInputs.replaceLine(budget, 3, gb.replaceFirst("^GB,", "\uff27\uff22,"));
        assertRejected("input/2022-23/budget.csv, line 3, column unit: unknown unit '\uff27\uff22'",
                "holds U+FF27 (FULLWIDTH LATIN CAPITAL LETTER G) at character 1, which a Chinese input method types in "
                        + "full-width mode: write 'GB', with the input method in half-width (English) mode");
        TestInputs.replaceLine(budget, 3, gb);
        Path rbtc = input.resolve("2022-23/rbtc.csv");
        String pol = TestInputs.line(rbtc, 2);
        TestInputs.replaceLine(rbtc, 2, pol.replaceFirst(",RBTC$", ",\uff32\uff22\uff34\uff23"));
        assertRejected("input/2022-23/rbtc.csv, line 2, column budget_unit: unknown unit '\uff32\uff22\uff34\uff23'; ",
                "holds U+FF32 (FULLWIDTH LATIN CAPITAL LETTER R) at character 1", "write 'RBTC'");
        // A code with a pattern: the pattern's message says it.
        TestInputs.replaceLine(rbtc, 2, pol.replaceFirst("^POL,", "\uff30\uff2f\uff2c,"));
        assertRejected("input/2022-23/rbtc.csv, line 2, column holder: '\uff30\uff2f\uff2c' holds U+FF30 (FULLWIDTH LATIN "
                + "CAPITAL LETTER P) at character 1, which a Chinese input method types in full-width mode: write 'POL'");
    }

    /** A total typed as a row of shares the tables total themselves stops check, naming file, line and column. */
    @Test
    void aTotalRowTypedIntoTheInputStopsCheck() throws IOException {
        Path contributors = input.resolve("2022-23/outcome_contributors.csv");
        TestInputs.edit(contributors, s -> s + "2,3,,合计,Total,9.8,low\n");
        assertRejected("input/2022-23/outcome_contributors.csv, line 10, column label_zh: '合计' is a total's label (",
                "texts.csv, key input.total_words): the tables compute every total from the rows");
    }

    /**
     * A file is named so that it opens from where the command ran: an input folder elsewhere by its absolute path (a
     * name with spaces and Chinese too), one inside the working folder relative to it, as typed; not by the folder's
     * own name, which there named the bundled file ("input/2022-23/budget.csv") or none at all.
     */
    @Test
    void theFileIsNamedSoThatItOpensFromWhereTheCommandRan() throws IOException {
        Path elsewhere = TestInputs.copyOfBundledInput(tmp.resolve("my data/预算 输入"));
        Path bad = elsewhere.resolve("2022-23/budget.csv");
        TestInputs.replaceLine(bad, 3, TestInputs.line(bad, 3).replace("15668625", "abc"));
        CliRun r = CliRun.capture(Map.of(), "check", "--input", elsewhere.toString());
        String line = org.pbannex.FailedRuns.assertFailed(r, tmp.resolve("out"), 3);
        assertTrue(line.startsWith("pb-annex: " + bad + ", line 3, column "), line);
        Path inside = Path.of("target", "bad-input-" + ProcessHandle.current().pid());
        try {
            org.pbannex.publish.RunFolder.deleteTree(inside);
            Files.createDirectories(inside.getParent());
            Files.move(elsewhere, inside);
            r = CliRun.capture(Map.of(), "check", "--input", inside.toString());
            line = org.pbannex.FailedRuns.assertFailed(r, tmp.resolve("out"), 3);
            assertTrue(line.startsWith("pb-annex: " + inside.resolve("2022-23/budget.csv") + ", line 3, column "), line);
        } finally {
            org.pbannex.publish.RunFolder.deleteTree(inside);
        }
    }

    /**
     * A check of one input against another names both: an edited staff cost in budget.csv no longer adds up to A2-2's
     * STAFF in cost_by_object.csv, and the failure names the budget.csv lines and column, not only cost_by_object.csv.
     */
    @Test
    void aCheckOfOneInputAgainstAnotherNamesBoth() throws IOException {
        TestInputs.replaceLine(budget, 3, TestInputs.line(budget, 3).replace("15668625", "16668625"));
        CliRun r = CliRun.capture(Map.of(), "check", "--verbose", "--input", input.toString());
        assertEquals(4, r.status(), r.toString());
        String staff = r.out().lines().filter(l -> l.contains("a2-2.staff_equals_annex1_staff_costs")).findFirst().orElse(r.toString());
        assertTrue(staff.endsWith("; see " + input.resolve("2022-23/cost_by_object.csv") + ", line 2, column constant_budget; against "
                + budget + ", lines 2-" + Files.readAllLines(budget).size() + ", column staff_costs"), staff);
    }

    /**
     * A check of Table 2's outcome allocations against the budget names the lines each side sums (outcome_allocations.csv
     * and the budget.csv lines of the outcomes line's and support services' units), not every file Table 2 is built from.
     */
    @Test
    void table2AllocationsAgainstTheBudgetNameTheLinesOfBoth() throws IOException {
        Path allocations = input.resolve("2022-23/outcome_allocations.csv");
        TestInputs.edit(allocations, s -> s.replace("\n8,43061376\n", "\n8,43061377\n"));
        String line = failedCheck("t2.outcomes_are_line_less_support");
        assertTrue(line.contains("see " + allocations + ", lines 2-") && line.contains(", column total_usd; against " + budget + ", lines ")
                && line.endsWith(", columns staff_costs, non_staff_costs"), line);
        assertFalse(line.contains("is built from"), line);
    }

    /** A2-2's total against annex 2's: both are sums of whole files, which the failure names with their columns. */
    @Test
    void a22TotalAgainstAnnex2NamesBothFilesColumns() throws IOException {
        Path objects = input.resolve("2022-23/cost_by_object.csv");
        TestInputs.replaceLine(objects, 2, TestInputs.line(objects, 2).replace(",547017651,", ",547017652,"));
        String line = failedCheck("a2-2.total_constant_equals_annex2");
        assertTrue(line.contains("see " + objects + ", lines 2-") && line.contains(", column constant_budget; against " + budget
                + ", lines 2-") && line.endsWith(", columns staff_costs, non_staff_costs"), line);
    }

    /** An outcome's stated shares over 100% name that outcome's lines of outcome_contributors.csv, and only them. */
    @Test
    void sharesOver100NameTheOutcomesLines() throws IOException {
        Path contributors = input.resolve("2022-23/outcome_contributors.csv");
        TestInputs.replaceLine(contributors, 2, TestInputs.line(contributors, 2).replace(",15.2,", ",95.2,"));
        long lastOfOutcome1 = Files.readAllLines(contributors).stream().filter(l -> l.startsWith("1,")).count() + 1;
        String line = failedCheck("a4.stated_shares_within_100");
        assertTrue(line.endsWith("see " + contributors + ", lines 2-" + lastOfOutcome1 + ", column share_pct"), line);
    }

    /** The line of {@code check --verbose} that reports the named failed check (exit status 4). */
    private String failedCheck(String name) {
        CliRun r = CliRun.capture(Map.of(), "check", "--verbose", "--input", input.toString());
        assertEquals(4, r.status(), r.toString());
        return r.out().lines().filter(l -> l.contains(name)).findFirst().orElse(r.toString());
    }

    /** A biennium that Excel made a date of is to be written as a biennium, not as the year and month of the date. */
    @Test
    void aBienniumThatExcelMadeADate() throws IOException {
        for (String file : new String[] {"2022-23/expenditure_as_of.csv", "2022-23/extrabudgetary_estimates.csv"}) {
            Path f = input.resolve(file);
            String good = TestInputs.line(f, 2);
            TestInputs.replaceLine(f, 2, good.replaceFirst("^2020-21", "Jan-20"));
            assertRejected(file, "line 2", "column biennium", "'Jan-20' is a date that Excel made of the value in this column: "
                    + "write the biennium as 2020-21, formatting the column as Text");
            TestInputs.replaceLine(f, 2, good);
        }
    }

    @Test
    void publicationDateThatIsNoDate() throws IOException {
        Files.writeString(input.resolve("2022-23/publication.csv"), "publication_date,document_symbol,document_title_zh,document_title_en\n2021-02-30,,,\n");
        assertRejected("input/2022-23/publication.csv", "line 2", "column publication_date", "not a date: '2021-02-30'");
    }

    /** A date typed day or month first, as Excel saves one, says the form to type, as every date refusal does. */
    @Test
    void publicationDateTypedAsExcelShowsIt() throws IOException {
        Files.writeString(input.resolve("2022-23/publication.csv"), "publication_date,document_symbol,document_title_zh,document_title_en\n01/02/2021,,,\n");
        CliRun r = CliRun.capture(Map.of(), "check", "--input", input.toString());
        assertEquals("pb-annex: " + input.resolve("2022-23/publication.csv") + ", line 2, column publication_date: '01/02/2021' is "
                + "a date that Excel made of the value in this column: type it again as YYYY-MM-DD, formatting the column as "
                + "Text (Format Cells > Text) before typing, and save again",
                org.pbannex.FailedRuns.assertFailed(r, tmp.resolve("out"), 3));
        Files.writeString(input.resolve("2022-23/publication.csv"), "publication_date,document_symbol,document_title_zh,document_title_en\n2021/2/1,,,\n");
        assertRejected("line 2, column publication_date: '2021/2/1' is a date that Excel made of the value in this column: "
                + "write '2021-02-01',");
    }

    /** A label typed with a comma in a text editor, unquoted: the line names the label's column and says to quote it. */
    @Test
    void aLabelWithAnUnquotedComma() throws IOException {
        Path f = input.resolve("2022-23/outcome_contributors.csv");
        TestInputs.replaceLine(f, 2, TestInputs.line(f, 2).replace(",Programmes in Africa,", ",Programmes in Africa, incl. North,"));
        CliRun r = CliRun.capture(Map.of(), "check", "--input", input.toString());
        assertEquals("pb-annex: " + f + ", line 2, column label_en: line has 8 cells but the header has 7: cells 5 and 6 look "
                + "like one text with a comma, 'Programmes in Africa, incl. North': put the text in double quotes (\"Programmes "
                + "in Africa, incl. North\"), as Excel does when it saves a CSV", org.pbannex.FailedRuns.assertFailed(r, tmp.resolve("out"), 3));
    }

    /**
     * An English label typed with a comma after the Chinese one (tester66 case 37): the comma typed as English is blamed,
     * not the Chinese label, whose quoting as said would have published "理事会,Governing Body" in the Chinese edition.
     */
    @Test
    void aCommaInTheEnglishLabelAfterAChineseOneIsTheEnglishLabels() throws IOException {
        Path f = input.resolve("reference/units.csv");
        String line = TestInputs.line(f, 3);
        assertTrue(line.startsWith("GB,理事会,Governing Body,"), line);
        TestInputs.replaceLine(f, 3, line.replace(",Governing Body,", ",Governing Body, the,"));
        CliRun r = CliRun.capture(Map.of(), "check", "--input", input.toString());
        assertEquals("pb-annex: " + f + ", line 3, column label_en: line has 7 cells but the header has 6: cells 3 and 4 look "
                + "like one text with a comma, 'Governing Body, the': put the text in double quotes (\"Governing Body, the\"), as "
                + "Excel does when it saves a CSV", org.pbannex.FailedRuns.assertFailed(r, tmp.resolve("out"), 3));
    }

    @Test
    void twoPublicationDates() throws IOException {
        Files.writeString(input.resolve("2022-23/publication.csv"), "publication_date,document_symbol,document_title_zh,document_title_en\n2021-02-01,,,\n2021-03-01,,,\n");
        assertRejected("input/2022-23/publication.csv", "line 3", "column publication_date", "one publication date per biennium");
    }

    @Test
    void missingColumn() throws IOException {
        TestInputs.edit(budget, s -> s.replaceAll("(?m),cost_change$", "").replaceAll("(?m),-?\\d+$", ""));
        assertRejected("input/2022-23/budget.csv", "line 1", "column cost_change", "missing column");
    }

    /**
     * A file of an earlier version lacks several columns (regions.csv of six columns, before the regions' target names):
     * every one of them in one line, with the header's line and what to add, not one, then the next, run after run.
     */
    @Test
    void missingColumnsAreNamedTogether() throws IOException {
        TestInputs.edit(input.resolve("reference/regions.csv"), s -> s.replace(",target_name_zh,target_name_en\n", "\n")
                .replaceAll("(?m)(,true|,false),[^,\n]*,[^,\n]*$", "$1"));
        CliRun r = CliRun.capture(Map.of(), "check", "--input", input.toString());
        String line = org.pbannex.FailedRuns.assertFailed(r, tmp.resolve("out"), 3);
        assertEquals("input/reference/regions.csv, line 1: missing columns target_name_zh and target_name_en: add them to this "
                + "header line, in the order of the columns, and a cell under each to every row (empty where a value is not "
                + "required); the columns are region,label_zh,label_en,short_zh,short_en,split_targets,target_name_zh,"
                + "target_name_en", line.substring(line.indexOf("input/reference/")), line);
    }

    @Test
    void extraColumn() throws IOException {
        TestInputs.edit(budget, s -> s.replaceAll("(?m)$", ",x").replaceFirst("cost_change,x", "cost_change,remarks").replaceAll("(?m)^,x$", ""));
        assertRejected("input/2022-23/budget.csv", "line 1", "column remarks", "unexpected column");
    }

    /** A column name misspelt is named as the one the header lacks; a name near none is said as unexpected alone. */
    @Test
    void aMisspeltColumnNamesTheColumnMeant() throws IOException {
        TestInputs.edit(budget, s -> s.replaceFirst(",non_staff_costs,", ",non_staf_costs,"));
        String line = assertRejected("input/2022-23/budget.csv, line 1, column non_staf_costs: unexpected column: did you mean "
                + "'non_staff_costs'? The columns are unit,");
        TestInputs.edit(budget, s -> s.replaceFirst(",non_staf_costs,", ",remarks,"));
        line = assertRejected("input/2022-23/budget.csv, line 1, column remarks: unexpected column; the columns are unit,");
        assertFalse(line.contains("did you mean"), line);
    }

    @Test
    void unknownUnitCode() throws IOException {
        TestInputs.replaceLine(budget, 4, TestInputs.line(budget, 4).replaceFirst("^RM,", "REGMEET,"));
        assertRejected("input/2022-23/budget.csv", "line 4", "column unit", "unknown unit 'REGMEET'", "reference/units.csv");
    }

    /** A code a letter from one of its list's is named as the one meant, in other capitals too; a code near none, none. */
    @Test
    void aMistypedCodeNamesTheCodeMeant() throws IOException {
        String normes = TestInputs.line(budget, 6);
        TestInputs.replaceLine(budget, 6, normes.replaceFirst("^NORMES,", "NORMS,"));
        assertRejected("input/2022-23/budget.csv, line 6, column unit: unknown unit 'NORMS': not in ",
                "input/reference/units.csv; did you mean 'NORMES'?");
        TestInputs.replaceLine(budget, 6, normes.replaceFirst("^NORMES,", "normes,"));
        assertRejected("input/2022-23/budget.csv, line 6, column unit: unknown unit 'normes': not in ",
                "input/reference/units.csv; did you mean 'NORMES'?");
        TestInputs.replaceLine(budget, 6, normes);
        TestInputs.replaceLine(budget, 4, TestInputs.line(budget, 4).replaceFirst("^RM,", "QQ,"));
        String line = assertRejected("input/2022-23/budget.csv, line 4, column unit: unknown unit 'QQ': not in ",
                "input/reference/units.csv");
        assertFalse(line.contains("did you mean"), line);
    }

    /** The sign typed by mistake on an ordinary unit's staff costs (line 3, GB), with A2-2 rebalanced so no check fails. */
    @Test
    void negativeStaffCostsOfAUnitWithStaff() throws IOException {
        TestInputs.replaceLine(budget, 3, TestInputs.line(budget, 3).replaceFirst("^GB,(\\d+,\\d+,\\d+,\\d+),", "GB,$1,-"));
        assertRejected("input/2022-23/budget.csv", "line 3", "column staff_costs", "negative staff costs (-15668625) for a unit "
                + "with work-years or non-staff costs");
    }

    /** A label in one language only: the other edition would show a row without a name. */
    @Test
    void aLabelInOneLanguageOnly() throws IOException {
        Path units = input.resolve("reference/units.csv");
        TestInputs.replaceLine(units, 3, TestInputs.line(units, 3).replace(",Governing Body,", ",,"));
        assertRejected("input/reference/units.csv", "line 3", "column label_en", "empty while label_zh is given: the English "
                + "edition would show nothing there");
    }

    @Test
    void nonNumericAmount() throws IOException {
        TestInputs.replaceLine(budget, 3, "GB,31,8,37,11,15668625,n/a,18493785,189787");
        assertRejected("input/2022-23/budget.csv", "line 3", "column non_staff_costs", "not a whole number: 'n/a'");
    }

    @Test
    void thousandsSeparator() throws IOException {
        TestInputs.replaceLine(budget, 2, "ILC,27,1,37,6,\"21,611,293\",3305172,25073643,98019");
        assertRejected("input/2022-23/budget.csv", "line 2", "column staff_costs", "thousands separator", "21611293");
    }

    @Test
    void monthsOfTwelveOrMore() throws IOException {
        TestInputs.replaceLine(budget, 2, "ILC,27,12,37,6,21611293,3305172,25073643,98019");
        assertRejected("input/2022-23/budget.csv", "line 2", "column prof_months", "above the maximum 11", "12 months make a year");
    }

    @Test
    void duplicateUnit() throws IOException {
        TestInputs.edit(budget, s -> s + TestInputs.lineUnchecked(budget, 3) + "\n");
        assertRejected("input/2022-23/budget.csv", "line 52", "column unit", "duplicate unit 'GB'", "first on line 3");
    }

    @Test
    void emptyFile() throws IOException {
        Files.write(budget, new byte[0]);
        assertRejected("input/2022-23/budget.csv", "file is empty");
    }

    @Test
    void notUtf8() throws IOException {
        Path units = input.resolve("reference/units.csv");
        Files.write(units, Files.readString(units, StandardCharsets.UTF_8).getBytes("GB18030"));
        assertRejected("input/reference/units.csv", "not valid UTF-8");
    }

    @Test
    void headerOnly() throws IOException {
        Files.writeString(budget, "unit,prof_years,prof_months,gs_years,gs_months,staff_costs,non_staff_costs,budget_previous,cost_change\n");
        assertRejected("input/2022-23/budget.csv", "no data rows");
    }

    @Test
    void negativeWhereNotAllowed() throws IOException {
        TestInputs.replaceLine(budget, 2, "ILC,27,1,37,6,21611293,-3305172,25073643,98019");
        assertRejected("input/2022-23/budget.csv", "line 2", "column non_staff_costs", "below the minimum 0");
    }

    @Test
    void unitMissingFromBudget() throws IOException {
        TestInputs.edit(budget, s -> s.replaceFirst("(?m)^JUR,.*\\n", ""));
        assertRejected("input/2022-23/budget.csv, column unit: no row for unit JUR, listed in ",
                "input/reference/units.csv, line 5: every unit of that list needs a row here; ",
                "add its figures (zeros if it has no budget)");
    }

    /**
     * A file keyed by a reference list that must cover it (pbEveryCode in datapackage.json) and lacks a code: Table A2-1
     * without Arab States, Table 2 without a policy outcome, once published without a word.
     */
    @Test
    void aRegionMissingFromTheInflationRates() throws IOException {
        TestInputs.edit(input.resolve("2022-23/regional_inflation.csv"), s -> s.replace("AS,12.9\n", ""));
        assertRejected("input/2022-23/regional_inflation.csv, column region: no row for region AS, listed in ",
                "input/reference/regions.csv, line 4: every region of that list whose split_targets is true needs a row here; "
                + "add its expected annual inflation");
    }

    /** README's recipe for a new region, its inflation rate forgotten: refused, not a Table A2-1 without it. */
    @Test
    void aNewRegionWithoutItsInflationRate() throws IOException {
        TestInputs.edit(input.resolve("reference/regions.csv"), s -> s + "CA,中亚,Central Asia,中亚,Central Asia,true,,\n");
        assertRejected("input/2022-23/regional_inflation.csv", "no row for region CA, listed in ",
                "input/reference/regions.csv, line 8: ");
        TestInputs.edit(input.resolve("2022-23/regional_inflation.csv"), s -> s + "CA,5.1\n");
        CliRun r = CliRun.capture(Map.of(), "check", "--input", input.toString());
        assertEquals(0, r.status(), r.toString());
    }

    /** Table II.1 without an SDG indicator that Appendix I cites (1.3.1): refused, not a table with the row gone. */
    @Test
    void anSdgIndicatorCitedByAppendixIMissingFromTableII1() throws IOException {
        TestInputs.edit(input.resolve("2022-23/sdg_indicators.csv"), s -> s.replaceFirst("(?m)^1\\.3\\.1,.*\\n", ""));
        assertRejected("input/2022-23/sdg_indicators.csv, column sdg_indicator: no row for SDG indicator 1.3.1, cited by ",
                "input/2022-23/results_indicators.csv, line 75 (indicator o8-social-protection-coverage): every SDG indicator an "
                + "Appendix I indicator cites is in Table II.1; add its row under target 1.3");
    }

    @Test
    void aPolicyOutcomeMissingFromTheAllocations() throws IOException {
        TestInputs.edit(input.resolve("2022-23/outcome_allocations.csv"), s -> s.replaceFirst("(?m)^4,.*\\n", ""));
        assertRejected("input/2022-23/outcome_allocations.csv, column outcome: no row for outcome 4, listed in ",
                "input/2022-23/results_outcomes.csv, line 6: ", "whose kind is policy", "add its allocation");
    }

    /** Deletes the first line matching {@code lineRegex} from an input file, failing if none matches; the file as it was. */
    private String deleteLine(String file, String lineRegex) throws IOException {
        Path f = input.resolve(file);
        String before = Files.readString(f, StandardCharsets.UTF_8);
        TestInputs.edit(f, s -> s.replaceFirst("(?m)^" + lineRegex + "\\n", ""));
        assertFalse(before.equals(Files.readString(f, StandardCharsets.UTF_8)), "no line of " + file + " deleted");
        return before;
    }

    /** The rules below for lines deleted by mistake refuse nothing the bundled input holds: every check still runs. */
    @Test
    void theBundledInputPassesWithAllItsChecks() {
        CliRun r = CliRun.capture(Map.of(), "check", "--input", input.toString());
        assertEquals(0, r.status(), r.toString());
        BundledCounts.assertLine(BundledCounts.checkLine(), r.out());
    }

    /** A numbered row deleted (pbNumbering): the gap is refused at the line after it, the first of a group too. */
    @Test
    void aNumberedRowDeleted() throws IOException {
        String mended = deleteLine("2022-23/results_baselines.csv", "impact-real-earnings-growth,2,.*");
        assertRejected("input/2022-23/results_baselines.csv, line 5, column seq: seq 3 where 2 was expected for indicator "
                + "impact-real-earnings-growth: number the seq of each indicator 1, 2, 3 ... in printed order");
        Files.writeString(input.resolve("2022-23/results_baselines.csv"), mended, StandardCharsets.UTF_8);
        deleteLine("2022-23/outcome_contributors.csv", "2,1,EMPLOYMENT,.*");
        assertRejected("input/2022-23/outcome_contributors.csv, line 8, column seq: seq 2 where 1 was expected for outcome 2: "
                + "number the seq of each outcome 1, 2, 3 ... in printed order");
    }

    /**
     * An indicator's last baseline entry deleted leaves no gap in its numbering: every indicator of the results framework
     * has its baseline (pbEveryCode on results_baselines.csv), or Appendix I would print its baseline cell empty.
     */
    @Test
    void anIndicatorsLastBaselineEntryDeleted() throws IOException {
        deleteLine("2022-23/results_baselines.csv", "impact-working-poverty-rate,2,.*");
        deleteLine("2022-23/results_baselines.csv", "impact-working-poverty-rate,1,.*");
        CliRun r = CliRun.capture(Map.of(), "check", "--input", input.toString());
        assertEquals("pb-annex: input/2022-23/results_baselines.csv, column indicator: no row for indicator "
                + "impact-working-poverty-rate, listed in input/2022-23/results_indicators.csv, line 2: every indicator of that "
                + "list needs a row here; add its baseline (a value and its year, or the text printed, such as To be determined.)",
                r.oneLine(3, input));
    }

    /**
     * A file of rows emptied to its header (Table A2-2's objects, the targets by region) says what it is to hold; an
     * indicator whose printed target states regional counts, its split deleted, is refused at the target; a second
     * income item that is the balance, at its line.
     */
    @Test
    void aFileOrAnIndicatorsSplitEmptiedAndASecondBalance() throws IOException {
        Path objects = input.resolve("2022-23/cost_by_object.csv");
        String mended = Files.readString(objects, StandardCharsets.UTF_8);
        TestInputs.edit(objects, s -> s.substring(0, s.indexOf('\n') + 1));
        assertEquals("pb-annex: input/2022-23/cost_by_object.csv: file has a header but no data rows: add its rows (Table "
                + "A2-2: budget at constant prices and cost adjustment per object of expenditure.)",
                CliRun.capture(Map.of(), "check", "--input", input.toString()).oneLine(3, input));
        Files.writeString(objects, mended, StandardCharsets.UTF_8);
        Path targets = input.resolve("2022-23/results_regional_targets.csv");
        mended = Files.readString(targets, StandardCharsets.UTF_8);
        TestInputs.edit(targets, s -> s.substring(0, s.indexOf('\n') + 1));
        assertEquals("pb-annex: input/2022-23/results_regional_targets.csv: file has a header but no data rows: add its rows "
                + "(The countable target split by region, where the target names regions.)",
                CliRun.capture(Map.of(), "check", "--input", input.toString()).oneLine(3, input));
        Files.writeString(targets, mended.replaceAll("(?m)^1\\.1\\.1,.*\n", ""), StandardCharsets.UTF_8);
        assertEquals("pb-annex: input/2022-23/results_indicators.csv, line 6, column target_zh: '24 个组织(非洲 7 个、美洲 7 个、"
                + "阿拉伯国家 1 个、亚太 6 个、欧洲和中亚 3 个)。' states 5 regional counts after its total 24, but "
                + "input/2022-23/results_regional_targets.csv has no row for indicator 1.1.1: add its rows "
                + "(indicator,region,count), one for each region the target names",
                CliRun.capture(Map.of(), "check", "--input", input.toString()).oneLine(3, input));
        Files.writeString(targets, mended, StandardCharsets.UTF_8);
        TestInputs.edit(input.resolve("2022-23/income.csv"), s -> s + "OTHER,II,其他收入,Other income,balance,,\n");
        assertEquals("pb-annex: input/2022-23/income.csv, line 3, column basis: a second income item whose basis is balance "
                + "(CONTRIBUTIONS on line 2 is one): only one item can be what expenditure leaves once the others are counted; "
                + "give OTHER basis amount and its amounts, or remove it",
                CliRun.capture(Map.of(), "check", "--input", input.toString()).oneLine(3, input));
    }

    /** The risk register's own rule, now the same declared numbering as the baselines' and the contributors'. */
    @Test
    void aRiskDeleted() throws IOException {
        deleteLine("2022-23/strategic_risks.csv", "2,三方成员.*");
        assertRejected("input/2022-23/strategic_risks.csv, line 3, column risk: risk 3 where 2 was expected: number the risks "
                + "1, 2, 3 ... in printed order");
    }

    @Test
    void aFinancialPeriodDeleted() throws IOException {
        deleteLine("2022-23/supplementary_authorizations.csv", "2014-2015,.*");
        assertRejected("input/2022-23/supplementary_authorizations.csv, line 4, column financial_period: '2016-2017' follows "
                + "2012-2013, without 2014-2015 between them: list every financial period in turn; add its row (0 if nothing "
                + "was authorized)");
    }

    /**
     * Table 2's XB column without an outcome: every fund of the biennium being run that is split by outcome has each policy
     * outcome (pbEveryCode per fund, rowsWhere biennium).
     */
    @Test
    void anOutcomeMissingFromTheExtrabudgetaryEstimates() throws IOException {
        deleteLine("2022-23/extrabudgetary_estimates.csv", "2022-23,XB,3,.*");
        assertRejected("input/2022-23/extrabudgetary_estimates.csv, column outcome: no row for outcome 3 of biennium 2022-23 "
                + "and fund XB, listed in " + input + "/2022-23/results_outcomes.csv, line 5: every outcome of that list whose "
                + "kind is policy needs a row here for each fund that lists outcomes of biennium 2022-23; add its estimate in US$ "
                + "millions (0.0 if it has none)");
    }

    /**
     * Table 2's previous XB column without an outcome: the previous biennium had the outcomes it has a regular budget
     * figure for (outcome_allocations_previous.csv), and each fund of it split by outcome has each of them (pbRowsWhere
     * {previous} on that foreign key); an estimate of an outcome it did not have is refused too.
     */
    @Test
    void anOutcomeMissingFromThePreviousBienniumsEstimates() throws IOException {
        String mended = deleteLine("2022-23/extrabudgetary_estimates.csv", "2020-21,XB,3,.*");
        assertEquals("pb-annex: input/2022-23/extrabudgetary_estimates.csv, column outcome: no row for outcome 3 of biennium "
                + "2020-21 and fund XB, listed in input/2022-23/outcome_allocations_previous.csv, line 4: every outcome of that "
                + "list needs a row here for each fund that lists outcomes of biennium 2020-21; add its estimate in US$ millions "
                + "(0.0 if it has none)", CliRun.capture(Map.of(), "check", "--input", input.toString()).oneLine(3, input));
        // An outcome the previous biennium did not have (new in this one: no figure of its own there) has no estimate there.
        Files.writeString(input.resolve("2022-23/extrabudgetary_estimates.csv"), mended, StandardCharsets.UTF_8);
        deleteLine("2022-23/outcome_allocations_previous.csv", "3,.*");
        assertEquals("pb-annex: input/2022-23/extrabudgetary_estimates.csv, line 4, column outcome: unknown outcome '3' of "
                + "biennium 2020-21: not in input/2022-23/outcome_allocations_previous.csv",
                CliRun.capture(Map.of(), "check", "--input", input.toString()).oneLine(3, input));
        deleteLine("2022-23/extrabudgetary_estimates.csv", "2020-21,XB,3,.*");
        CliRun r = CliRun.capture(Map.of(), "check", "--input", input.toString());
        assertEquals(4, r.status(), "the input's rules pass; its previous figures no longer add up: " + r);
        assertTrue(r.err().contains("t2.previous_outcomes_add_up"), r.toString());
    }

    /**
     * Annex 3 without a holder: the reference list of RBTC holders (reference/rbtc_holders.csv, a biennium's own in its
     * reference/) names each one rbtc.csv must have, so a deleted line is refused, and a holder added to the list without
     * its figures too.
     */
    @Test
    void anRbtcHolderDeleted() throws IOException {
        deleteLine("2022-23/rbtc.csv", "AFRICA,.*");
        assertRejected("input/2022-23/rbtc.csv, column holder: no row for holder AFRICA, listed in " + input
                + "/reference/rbtc_holders.csv, line 3: every holder of that list needs a row here; add its RBTC at constant "
                + "prices and recosted, or take it off that list if it holds none");
        deleteLine("reference/rbtc_holders.csv", "AFRICA");
        assertEquals(0, CliRun.capture(Map.of(), "check", "--input", input.toString()).status(), "a holder taken off the list");
        Files.createDirectories(input.resolve("2022-23/reference"));
        Files.writeString(input.resolve("2022-23/reference/rbtc_holders.csv"),
                Files.readString(input.resolve("reference/rbtc_holders.csv")) + "GOV\n");
        assertRejected("input/2022-23/rbtc.csv, column holder: no row for holder GOV, listed in " + input
                + "/2022-23/reference/rbtc_holders.csv, line 10: ");
    }

    /** A holder or budget unit that annexes 1 and 2 print no row for: one line naming it, where it once stopped on a missing row. */
    @Test
    void anRbtcHolderOrBudgetUnitWithoutItsAnnexRow() throws IOException {
        Path rbtc = input.resolve("2022-23/rbtc.csv");
        String pol = TestInputs.line(rbtc, 2);
        TestInputs.replaceLine(rbtc, 2, pol.replaceFirst(",RBTC$", ",CONTINGENCIES"));
        assertRejected("input/2022-23/rbtc.csv, line 2, column budget_unit: unit CONTINGENCIES has no row of its own in annex 2 "
                + "(a unit of a Part that is not itemised), so its budget cannot be checked against this RBTC: name a unit annex 2 "
                + "prints, or leave the column empty");
        TestInputs.replaceLine(rbtc, 2, pol);
        TestInputs.edit(rbtc, s -> s.replace("ACTRAV,", "DGO,"));
        TestInputs.edit(input.resolve("reference/rbtc_holders.csv"), s -> s.replace("ACTRAV", "DGO"));
        assertRejected("input/2022-23/rbtc.csv, line 10, column holder: holder DGO has no row of its own in annex 1 (a group "
                + "printed as its one unit, or a unit of a Part that is not itemised), so its RBTC cannot be checked against its "
                + "non-staff costs: name the unit or group annex 1 prints, in rbtc_holders.csv and here");
        TestInputs.edit(rbtc, s -> s.replace("DGO,", "CABINETT,"));
        TestInputs.edit(input.resolve("reference/rbtc_holders.csv"), s -> s.replace("DGO", "CABINETT"));
        assertRejected("input/reference/rbtc_holders.csv, line 10, column holder: unknown holder 'CABINETT': not a unit or group "
                + "code of the reference lists");
    }
}
