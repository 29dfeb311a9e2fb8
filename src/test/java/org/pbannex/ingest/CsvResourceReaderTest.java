package org.pbannex.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.Golden;

/**
 * The Table Schema rules on one CSV file, below the command line: every bad value is refused with file, line, column
 * and reason (exit status 3 through {@link InputError}), and what Excel legitimately writes is accepted.
 */
class CsvResourceReaderTest {

    static DataPackage bundled;

    @TempDir
    Path tmp;

    @BeforeAll
    static void loadDescriptor() {
        bundled = DataPackage.load(Golden.input());
    }

    private Path write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path f = tmp.resolve(name);
        Files.write(f, bytes);
        return f;
    }

    private static String bundledText(String path) throws IOException {
        return Files.readString(Golden.input().resolve(path), StandardCharsets.UTF_8);
    }

    private static List<Record> read(Path file, String resource) {
        return CsvResourceReader.read(file, "input/" + resource + ".csv", bundled.resource(resource));
    }

    /** Reading must fail with one message holding every part. Returns the message. */
    private static String rejected(Path file, String resource, String... parts) {
        InputError e = assertThrows(InputError.class, () -> read(file, resource));
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "message should contain '" + p + "': " + e.getMessage());
        }
        assertTrue(e.getMessage().startsWith("input/" + resource + ".csv"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one line: " + e.getMessage());
        return e.getMessage();
    }

    /** budget.csv with line {@code n} (1 = header) replaced. */
    private Path budgetWithLine(int n, String line) throws IOException {
        List<String> lines = new java.util.ArrayList<>(bundledText("2022-23/budget.csv").lines().toList());
        lines.set(n - 1, line);
        return write("budget.csv", String.join("\n", lines) + "\n");
    }

    // --- amounts and numbers are bounded ---

    @Test
    void aColumnWhoseValuesAddUpBeyondWhatExactTotalsHoldIsRefusedAtTheLineThatCrossesTheBound() throws IOException {
        // Each value within its maximum (10^15 - 1), but 101 of them add up to more than 10^17: the tables' sums
        // of the column could no longer be exact, so the file is refused where it crosses, not a total wrapped round.
        StringBuilder text = new StringBuilder("unit,prof_years,prof_months,gs_years,gs_months,staff_costs,non_staff_costs,"
                + "budget_previous,cost_change\n");
        for (int i = 1; i <= 101; i++) {
            text.append("U").append(i).append(",0,0,0,0,").append(i % 2 == 0 ? "-" : "").append("999999999999999,0,0,0\n");
        }
        rejected(write("budget.csv", text.toString()), "budget", "line 102", "column staff_costs", "10^17");
        // One row fewer is well within the bound, signs alternating or not.
        String hundred = text.substring(0, text.lastIndexOf("U101,"));
        assertEquals(100, read(write("budget.csv", hundred), "budget").size());
    }

    @Test
    void amountsNearLongMaxAreRefusedNotWrapped() throws IOException {
        Path f = budgetWithLine(3, "GB,31,8,37,11,6100000000000000000,2579317,18493785,189787");
        rejected(f, "budget", "line 3", "column staff_costs", "above the maximum 999999999999999", "less than 10^15");
    }

    @Test
    void amountBeyondLongIsRefusedWithItsRange() throws IOException {
        Path f = budgetWithLine(3, "GB,31,8,37,11,15668625,2579317,99999999999999999999,189787");
        rejected(f, "budget", "line 3", "column budget_previous", "outside the range -999999999999999 to 999999999999999");
    }

    @Test
    void negativeAmountBeyondTheRangeIsRefused() throws IOException {
        Path f = budgetWithLine(4, "RM,3,7,5,3,2437680,621235,3058915,-1000000000000000");
        rejected(f, "budget", "line 4", "column cost_change", "below the minimum -999999999999999");
    }

    @Test
    void theLargestAmountInRangeIsAccepted() throws IOException {
        Path f = budgetWithLine(4, "RM,3,7,5,3,999999999999999,621235,-999999999999999,7648");
        Record rm = read(f, "budget").get(2);
        assertEquals(999_999_999_999_999L, rm.integer("staff_costs"));
        assertEquals(-999_999_999_999_999L, rm.integer("budget_previous"));
    }

    @Test
    void workYearsPercentagesAndRatesAreBounded() throws IOException {
        rejected(budgetWithLine(2, "ILC,100000,1,37,6,21611293,3305172,25073643,98019"), "budget", "line 2", "column prof_years",
                "above the maximum 99999");
        rejected(write("regional_inflation.csv", "region,annual_inflation_pct\nAF,-100.1\n"), "regional_inflation",
                "line 2", "column annual_inflation_pct", "below the minimum -100");
        rejected(write("settings.csv", "setting,value\nbudget_rate_chf_per_usd,0\n"), "settings", "line 2", "column value",
                "below the minimum 0.01");
        rejected(write("outcome_contributors.csv", "outcome,seq,unit,label_zh,label_en,share_pct,confidence\n1,1,,其他,Other,100.5,\n"),
                "outcome_contributors", "line 2", "column share_pct", "above the maximum 100");
    }

    @Test
    void everyNumericFieldOfTheBundledDescriptorHasARange() {
        int numeric = 0;
        for (Resource r : bundled.resources()) {
            for (Field f : r.fields()) {
                if (f.numeric()) {
                    numeric++;
                    assertTrue(f.minimum() != null && f.maximum() != null, r.name() + "." + f.name());
                    assertTrue(f.maximum().abs().compareTo(new BigDecimal("1e15")) < 0, r.name() + "." + f.name());
                    assertTrue(f.minimum().abs().compareTo(new BigDecimal("1e15")) < 0, r.name() + "." + f.name());
                }
            }
        }
        assertTrue(numeric >= 24, "numeric fields: " + numeric);
    }

    @Test
    void aDescriptorWithAnUnboundedNumberIsRefused() throws IOException {
        Files.writeString(tmp.resolve("datapackage.json"), """
                {"resources": [{"name": "x", "path": "x.csv", "schema": {"fields": [
                  {"name": "amount", "type": "integer", "constraints": {"minimum": 0}}]}}]}
                """);
        InputError e = assertThrows(InputError.class, () -> DataPackage.load(tmp));
        assertTrue(e.getMessage().contains("resource 'x', field 'amount' (integer) has no maximum"), e.getMessage());
        assertTrue(e.getMessage().contains("datapackage.json"), e.getMessage());
    }

    /** pbEveryCode is read as declared: which rows of the list it covers; a misspelt one is refused, not ignored. */
    @Test
    void aForeignKeysEveryCodeIsReadOrRefused() throws IOException {
        ForeignKey fk = bundled.resource("regional_inflation").foreignKeys().get(0);
        assertEquals(java.util.Map.of("split_targets", "true"), fk.every().where());
        assertNull(bundled.resource("results_regional_targets").foreignKeys().get(1).every(), "optional: some regions only");
        Files.writeString(tmp.resolve("datapackage.json"), """
                {"resources": [{"name": "x", "path": "x.csv", "schema": {"fields": [{"name": "region", "type": "string"}],
                  "foreignKeys": [{"fields": "region", "reference": {"resource": "regions", "fields": "region"},
                                   "pbEveryCode": {"wher": {"split_targets": "true"}}}]}}]}
                """);
        InputError e = assertThrows(InputError.class, () -> DataPackage.load(tmp));
        assertTrue(e.getMessage().contains("resource 'x', foreign key 'region': pbEveryCode must be an object"), e.getMessage());
    }

    /** pbNumbering is read as declared (over the file, or within columns); one on a text field or an unknown column is refused. */
    @Test
    void aFieldsNumberingIsReadOrRefused() throws IOException {
        assertEquals(List.of(new Numbering("seq", List.of("indicator"))), bundled.resource("results_baselines").numberings());
        assertEquals(List.of(new Numbering("risk", List.of())), bundled.resource("strategic_risks").numberings());
        for (String bad : List.of("\"type\": \"string\", \"pbNumbering\": {}", "\"type\": \"integer\", "
                + "\"constraints\": {\"minimum\": 1, \"maximum\": 9}, \"pbNumbering\": {\"within\": [\"indicatr\"]}")) {
            Files.writeString(tmp.resolve("datapackage.json"), """
                    {"resources": [{"name": "x", "path": "x.csv", "schema": {"fields": [{"name": "indicator", "type": "string"},
                      {"name": "seq", %s}]}}]}
                    """.formatted(bad));
            InputError e = assertThrows(InputError.class, () -> DataPackage.load(tmp));
            assertTrue(e.getMessage().contains("resource 'x', field 'seq': pbNumbering must be an object with \"within\""),
                    e.getMessage());
        }
    }

    // --- text rules ---

    @Test
    void aTabInsideAValueIsRefused() throws IOException {
        Path f = write("units.csv", bundledText("reference/units.csv").replace("国际劳工大会,", "国际劳工\t大会,"));
        rejected(f, "units", "line 2", "column label_zh", "control character U+0009 (tab) at character 5");
    }

    @Test
    void aLineBreakInsideAQuotedValueIsRefused() throws IOException {
        Path f = write("units.csv", bundledText("reference/units.csv").replace("国际劳工大会,", "\"国际劳工\n大会\","));
        rejected(f, "units", "line 2", "column label_zh", "U+000A (line feed)", "no line breaks inside a cell");
    }

    @Test
    void lineBreaksBetweenParagraphsWhereTheSchemaAllowsThem() throws IOException {
        Files.writeString(tmp.resolve("datapackage.json"), """
                {"resources": [{"name": "risks", "path": "risks.csv", "schema": {"fields": [
                  {"name": "risk", "type": "integer", "constraints": {"required": true, "minimum": 1, "maximum": 99}},
                  {"name": "response", "type": "string", "pbLineBreaks": "allowed"}]}}]}
                """);
        Resource r = DataPackage.load(tmp).resource("risks");
        Path ok = write("risks.csv", "risk,response\n1,\"First paragraph.\nSecond paragraph.\"\n2,One line.\n");
        List<Record> rows = CsvResourceReader.read(ok, "input/risks.csv", r);
        assertEquals("First paragraph.\nSecond paragraph.", rows.get(0).text("response"));
        assertEquals(4, rows.get(1).line(), "a file's record is named by the line it starts on");
        Path tab = write("risks.csv", "risk,response\n1,\"First paragraph.\nSecond\tparagraph.\"\n");
        InputError e = assertThrows(InputError.class, () -> CsvResourceReader.read(tab, "input/risks.csv", r));
        assertTrue(e.getMessage().startsWith("input/risks.csv, line 2, column response: control character U+0009 (tab)"), e.getMessage());
        Path cr = write("risks.csv", "risk,response\n1,\"First paragraph.\u000bSecond.\"\n");
        assertThrows(InputError.class, () -> CsvResourceReader.read(cr, "input/risks.csv", r));
    }

    @Test
    void otherControlCharactersAreRefused() throws IOException {
        for (String c : List.of("\u0000", "\u0001", "\u001b", "\u007f", "\u0085", "\u009f")) {
            Path f = write("units.csv", bundledText("reference/units.csv").replace("International Labour Conference",
                    "International" + c + "Labour Conference"));
            rejected(f, "units", "line 2", "column label_en", "control character U+" + String.format("%04X", (int) c.charAt(0)));
        }
    }

    @Test
    void noncharactersAreRefused() throws IOException {
        for (String c : List.of("\uffff", "\ufffe", "\ufdd0", "\ufdef", new String(Character.toChars(0x1fffe)))) {
            Path f = write("units.csv", bundledText("reference/units.csv").replace("International Labour Conference",
                    "International Labour Conference" + c));
            rejected(f, "units", "line 2", "column label_en", "Unicode noncharacter U+" + String.format("%04X", c.codePointAt(0)));
        }
    }

    /** Invisible characters make a value other than what it reads as ('GB' and a zero-width space is no unit GB). */
    @Test
    void invisibleFormatCharactersAreRefusedByName() throws IOException {
        rejected(budgetWithLine(3, "GB\u200b,31,8,37,11,15668625,2579317,18493785,189787"), "budget", "line 3", "column unit",
                "invisible format character U+200B (ZERO WIDTH SPACE) at character 3 of the value: remove it");
        for (String c : List.of("\u202e", "\u200d", "\u00ad", "\u2060", "\ufeff")) {
            Path f = write("units.csv", bundledText("reference/units.csv").replace("国际劳工大会", "国际劳工" + c + "大会"));
            String shown = String.format("U+%04X (%s) at character 5", c.codePointAt(0), Character.getName(c.codePointAt(0)));
            rejected(f, "units", "line 2", "column label_zh", "invisible format character " + shown);
        }
    }

    /** U+FFFD is what a wrong encoding leaves; a private-use character is each font's own, or nothing. */
    @Test
    void replacementAndPrivateUseCharactersAreRefused() throws IOException {
        Path f = write("units.csv", bundledText("reference/units.csv").replace("国际劳工大会", "国际\ufffd劳工大会"));
        rejected(f, "units", "line 2", "column label_zh", "replacement character U+FFFD (REPLACEMENT CHARACTER) at character 3",
                "type the character it stands for again");
        for (int cp : new int[] {0xE000, 0xF8FF, 0xF0000}) {
            Path g = write("units.csv", bundledText("reference/units.csv").replace("国际劳工大会",
                    "国际劳工大会" + new String(Character.toChars(cp))));
            rejected(g, "units", "line 2", "column label_zh", "private-use character U+" + String.format("%04X", cp),
                    "at character 7");
        }
    }

    /**
     * Every bad character of a file is told in one reading, each on its line (two in one value included), so that one
     * check names them all; the first is the message as when it was alone. A problem of another kind after them is
     * told once they are mended.
     */
    @Test
    void everyBadCharacterOfAFileIsToldTogether() throws IOException {
        Path f = write("units.csv", bundledText("reference/units.csv").replace("国际劳工大会", "国际\u200b劳工\ufffd大会")
                .replace("Governing Body", "Governing\ue000 Body").replace("Legal Services", "Legal\u0007 Services")
                .replace("\nNORMES,", "\nGB,"));
        InputError e = assertThrows(InputError.class, () -> read(f, "units"));
        assertEquals("input/units.csv, line 2, column label_zh: invisible format character U+200B (ZERO WIDTH SPACE) at character 3 "
                + "of the value: remove it", e.getMessage());
        assertEquals(List.of(
                "input/units.csv, line 2, column label_zh: replacement character U+FFFD (REPLACEMENT CHARACTER) at character 6",
                "input/units.csv, line 3, column label_en: private-use character U+E000 (PRIVATE USE AREA E000) at character 10",
                "input/units.csv, line 5, column label_en: control character U+0007 at character 6"),
                e.more().stream().map(m -> m.substring(0, m.indexOf(" of the value"))).toList());
    }

    /** Past {@link BadCharacters#LISTED} lines a file's other bad characters are counted, not listed. */
    @Test
    void manyBadCharactersOfAFileAreCounted() throws IOException {
        List<String> lines = new java.util.ArrayList<>(bundledText("reference/units.csv").lines().toList());
        for (int n = 2; n <= 31; n++) {
            lines.set(n - 1, lines.get(n - 1).replaceFirst(",", ",\u200b"));
        }
        InputError e = assertThrows(InputError.class, () -> read(write("units.csv", String.join("\n", lines) + "\n"), "units"));
        assertTrue(e.getMessage().startsWith("input/units.csv, line 2, column label_zh: invisible format character U+200B"), e.getMessage());
        assertEquals(BadCharacters.LISTED, e.more().size(), e.more().toString());
        assertTrue(e.more().get(BadCharacters.LISTED - 2).startsWith("input/units.csv, line 21, column label_zh:"), e.more().toString());
        assertEquals("and 10 more in input/units.csv", e.more().get(BadCharacters.LISTED - 1));
    }

    /** An ideographic space (U+3000) at either end is trimmed as ASCII spaces are; inside a text it stays. */
    @Test
    void ideographicSpacesAtTheEndsAreTrimmedLikeSpaces() throws IOException {
        Path f = write("units.csv", bundledText("reference/units.csv").replace("国际劳工大会,", "\u3000国际劳工\u3000大会\u3000 ,"));
        assertEquals("国际劳工\u3000大会", read(f, "units").get(0).text("label_zh"));
    }

    @Test
    void aFullWidthDigitIsNamed() throws IOException {
        rejected(budgetWithLine(3, "GB,31,8,37,11,\uff115668625,2579317,18493785,189787"), "budget", "line 3", "column staff_costs",
                "'\uff115668625' holds a full-width digit U+FF11 (FULLWIDTH DIGIT ONE) at character 1", "'15668625'");
        rejected(budgetWithLine(3, "GB,31,8,37,11,15668625,2579317,18493785,\u0661\u0662"), "budget", "line 3", "column cost_change",
                "holds a digit U+0661 (ARABIC-INDIC DIGIT ONE) at character 1", "'12'");
    }

    /** An unquoted decimal comma makes one cell too many: the count says so, and what was probably meant. */
    @Test
    void anUnquotedDecimalCommaIsHinted() throws IOException {
        String header = "region,annual_inflation_pct\n";
        rejected(write("regional_inflation.csv", header + "AF,4,4\n"), "regional_inflation", "line 2",
                "line has 3 cells but the header has 2: '4,4' in cells 2 and 3 looks like a number with a decimal comma; write '4.4'");
        String other = rejected(write("regional_inflation.csv", header + "AF,4.4,x\n"), "regional_inflation", "line has 3 cells");
        assertTrue(!other.contains("decimal comma"), other);
        String twoMore = rejected(write("regional_inflation.csv", header + "AF,4,4,4\n"), "regional_inflation", "line has 4 cells");
        assertTrue(!twoMore.contains("decimal comma"), twoMore);
    }

    /**
     * The English edition prints no Chinese character: an ideograph, a Chinese comma or a full-width form in an English
     * text (x_en, texts' en) is refused by code point, with what to type instead.
     */
    @Test
    void chineseInAnEnglishTextIsRefused() throws IOException {
        String units = bundledText("reference/units.csv");
        rejected(write("units.csv", units.replace("International Labour Conference", "国际劳工大会")), "units", "line 2",
                "column label_en", "Chinese character U+56FD (CJK UNIFIED IDEOGRAPH-56FD) '国' at character 1 of an English text "
                        + "(6 such characters in all): the English edition prints no Chinese character; write the text in English");
        rejected(write("units.csv", units.replace("International Labour Conference", "International Labour、 Conference")),
                "units", "line 2", "column label_en", "Chinese punctuation U+3001 (IDEOGRAPHIC COMMA) '、' at character 21",
                "type ',' instead");
        rejected(write("units.csv", units.replace("Governing Body", "Governing Body（GB）")), "units", "line 3",
                "column label_en", "full-width character U+FF08 (FULLWIDTH LEFT PARENTHESIS) '（' at character 15", "type '(' instead");
        rejected(write("texts.csv", bundledText("reference/texts.csv").replace("row.subtotal,小计,Subtotal", "row.subtotal,小计,小计")),
                "texts", "line 3", "column en", "Chinese character U+5C0F");
    }

    /**
     * A Chinese text with no Chinese character but an English sentence (the English text in the Chinese column) is
     * refused; a code, a number, a name of one or two words and placeholders are not sentences.
     */
    @Test
    void englishInAChineseTextIsRefusedButCodesAndNamesPass() throws IOException {
        String units = bundledText("reference/units.csv");
        rejected(write("units.csv", units.replace("国际劳工大会,", "International Labour Conference,")), "units", "line 2",
                "column label_zh", "'International Labour Conference' has no Chinese character but 3 words in Latin letters",
                "write it in Chinese");
        for (String name : List.of("ILO", "SDG 8.5", "UN Women", "Noto Sans SC", "45%; 15%", "i1 i2 ii1 risk sa")) {
            Path f = write("units.csv", units.replace("国际劳工大会,", name + ","));
            assertEquals(name, read(f, "units").get(0).text("label_zh"));
        }
        assertNull(CsvResourceReader.refusal("{number}. {title}", bundled.resource("texts").fields().get(1)));
    }

    /**
     * Where mixed text is right, the schema says so (pbMixedLanguage): a column of names whose every text may mix
     * ("allowed"), or the cells of a column that may (a list of texts, each as typed); any other text of the column,
     * and a column of no language, are held to the rule as before.
     */
    @Test
    void aColumnOrTheTextsItsSchemaExemptMayMixTheLanguages() throws IOException {
        Files.writeString(tmp.resolve("datapackage.json"), """
                {"resources": [{"name": "names", "path": "names.csv", "schema": {"fields": [
                  {"name": "code", "type": "string"},
                  {"name": "name_zh", "type": "string", "pbMixedLanguage": "allowed"},
                  {"name": "name_en", "type": "string", "pbMixedLanguage": ["ILO/国际劳工组织 (ILO)"]}]}}]}
                """);
        Resource r = DataPackage.load(tmp).resource("names");
        Path ok = write("names.csv", "code,name_zh,name_en\nA,United Nations Development Programme,ILO/国际劳工组织 (ILO)\n");
        List<Record> rows = CsvResourceReader.read(ok, "input/names.csv", r);
        assertEquals("ILO/国际劳工组织 (ILO)", rows.get(0).text("name_en"));
        assertEquals("United Nations Development Programme", rows.get(0).text("name_zh"));
        // Another text of the listed column is not exempt.
        Path other = write("other-names.csv", "code,name_zh,name_en\nA,开发署,国际劳工组织\n");
        InputError e = assertThrows(InputError.class, () -> CsvResourceReader.read(other, "input/names.csv", r));
        assertTrue(e.getMessage().startsWith("input/names.csv, line 2, column name_en: Chinese character U+56FD"), e.getMessage());
        // Not declared: refused as before.
        Files.writeString(tmp.resolve("datapackage.json"), Files.readString(tmp.resolve("datapackage.json"))
                .replace(", \"pbMixedLanguage\": \"allowed\"", ""));
        Resource strict = DataPackage.load(tmp).resource("names");
        e = assertThrows(InputError.class, () -> CsvResourceReader.read(ok, "input/names.csv", strict));
        assertTrue(e.getMessage().contains("column name_zh: 'United Nations Development Programme' has no Chinese character"),
                e.getMessage());
        for (String bad : List.of("\"yes\"", "[]", "[\"\"]", "{}")) {
            Files.writeString(tmp.resolve("datapackage.json"), """
                    {"resources": [{"name": "names", "path": "names.csv", "schema": {"fields": [
                      {"name": "name_en", "type": "string", "pbMixedLanguage": %s}]}}]}
                    """.formatted(bad));
            e = assertThrows(InputError.class, () -> DataPackage.load(tmp));
            assertTrue(e.getMessage().contains("resource 'names', field 'name_en': pbMixedLanguage must be \"allowed\""),
                    e.getMessage());
        }
        Files.writeString(tmp.resolve("datapackage.json"), """
                {"resources": [{"name": "names", "path": "names.csv", "schema": {"fields": [
                  {"name": "code", "type": "string", "pbMixedLanguage": "allowed"}]}}]}
                """);
        e = assertThrows(InputError.class, () -> DataPackage.load(tmp));
        assertTrue(e.getMessage().contains("field 'code': pbMixedLanguage is for a text column of one language"), e.getMessage());
    }

    /**
     * Unquoted thousands separators split a number into cells of three digits: the count says so, and the number meant
     * (a decimal column's one extra cell of three digits may be either).
     */
    @Test
    void unquotedThousandsSeparatorsAreHinted() throws IOException {
        rejected(budgetWithLine(3, "GB,31,8,37,11,15,668,625,2579317,18493785,189787"), "budget", "line 3",
                "line has 11 cells but the header has 9: '15,668,625' in cells 6 to 8 looks like a number with ',' as a "
                        + "thousands separator: write '15668625'");
        String header = "financial_period,amount_usd\n";
        rejected(write("supplementary_authorizations.csv", header + "2018-2019,5216,301\n"), "supplementary_authorizations",
                "line 2", "line has 3 cells but the header has 2: '5216,301' in cells 2 and 3 looks like a number with ',' as "
                        + "a thousands separator: write '5216301'");
        rejected(write("regional_inflation.csv", "region,annual_inflation_pct\nAF,4,400\n"), "regional_inflation",
                "'4,400' in cells 2 and 3 looks like a number with ',' as a thousands separator: write '4400'",
                "or '4.400' if ',' was a decimal comma");
        String other = rejected(budgetWithLine(3, "GB,31,8,37,11,15,66,625,2579317,18493785,189787"), "budget", "line has 11 cells");
        assertTrue(!other.contains("thousands"), other);
    }

    /** What a Chinese input method types in full-width mode, in a number or between cells, is named with what to type. */
    @Test
    void fullWidthCommasAndPointsAreNamed() throws IOException {
        rejected(budgetWithLine(3, "GB,31,8,37,11,15\uff0c668\uff0c625,2579317,18493785,189787"), "budget", "line 3",
                "column staff_costs", "'15\uff0c668\uff0c625' holds U+FF0C (FULLWIDTH COMMA) at character 3 as a thousands "
                        + "separator: write '15668625', with no separator");
        String header = "region,annual_inflation_pct\n";
        rejected(write("regional_inflation.csv", header + "AS,12\uff0e9\n"), "regional_inflation", "line 2",
                "column annual_inflation_pct", "'12\uff0e9' holds U+FF0E (FULLWIDTH FULL STOP) at character 3: type '.' ('12.9')");
        rejected(write("regional_inflation.csv", header + "AS\uff0c12.9\n"), "regional_inflation", "line 2",
                "line has 1 cells but the header has 2: its cells are separated by U+FF0C (FULLWIDTH COMMA) ('AS\uff0c12.9')",
                "type ','");
        rejected(write("regional_inflation.csv", "region\uff0cannual_inflation_pct\nAS,12.9\n"), "regional_inflation",
                "line 1", "the columns are separated by U+FF0C (FULLWIDTH COMMA)");
        String contributors = bundledText("2022-23/outcome_contributors.csv");
        Path f = write("outcome_contributors.csv", contributors.replaceFirst(",moderate\n", ",\uff4d\uff4f\uff44\uff45\uff52\uff41\uff54\uff45\n"));
        rejected(f, "outcome_contributors", "line 2", "column confidence", "is not one of moderate, low; '\uff4d",
                "holds U+FF4D (FULLWIDTH LATIN SMALL LETTER M) at character 1, which a Chinese input method types in "
                        + "full-width mode: write 'moderate'");
    }

    /** Chinese saved as Windows-1252 is valid text of question marks: refused, or "1.??????" would be published. */
    @Test
    void chineseLostToQuestionMarksIsRefused() throws IOException {
        Path f = write("units.csv", bundledText("reference/units.csv").replace("国际劳工大会", "??????"));
        rejected(f, "units", "line 2", "column label_zh", "holds '??'", "save it as CSV UTF-8");
    }

    @Test
    void aValueLongerThanAWorkbookCellIsRefused() throws IOException {
        String longLabel = "x".repeat(TextRules.MAX_LENGTH + 1);
        Path f = write("units.csv", bundledText("reference/units.csv").replace("International Labour Conference", longLabel));
        rejected(f, "units", "line 2", "column label_en", "text of 32768 characters", "at most 32767");
        Path ok = write("units.csv", bundledText("reference/units.csv").replace("International Labour Conference",
                "x".repeat(TextRules.MAX_LENGTH)));
        assertEquals(TextRules.MAX_LENGTH, read(ok, "units").get(0).text("label_en").length());
    }

    @Test
    void formulaLikeTextIsRefused() throws IOException {
        for (String start : List.of("=HYPERLINK(\"http://x\")", "+1", "-2+3+cmd|' /C calc'!A0", "@SUM(A1)")) {
            String cell = "\"" + start.replace("\"", "\"\"") + "\"";
            Path f = write("units.csv", bundledText("reference/units.csv").replace("International Labour Conference", cell));
            rejected(f, "units", "line 2", "column label_en", "text starts with '" + start.charAt(0) + "'", "formula");
        }
        // Leading spaces are stripped from values, so they do not hide a formula.
        Path f = write("units.csv", bundledText("reference/units.csv").replace("International Labour Conference", "  =1+1"));
        rejected(f, "units", "line 2", "column label_en", "text starts with '='");
    }

    @Test
    void aSignedNumberIsAllowedWhereTheSchemaSaysSo() throws IOException {
        String header = "table,row,column,printed,published,explanation_zh,explanation_en,document_symbol\n";
        Path ok = write("printed_differences.csv", header + "t2,8,rb,-0.5,+0.4,说明,Explanation,GB.341/PFA/1\n");
        Record r = read(ok, "printed_differences").get(0);
        assertEquals("-0.5", r.text("printed"));
        assertEquals("+0.4", r.text("published"));
        rejected(write("printed_differences.csv", header + "t2,8,rb,-2+3+cmd,43.1,说明,Explanation,GB.341/PFA/1\n"), "printed_differences",
                "line 2", "column printed", "text starts with '-'");
        rejected(write("printed_differences.csv", header + "t2,8,rb,43.0,43.1,说明,-0.5,GB.341/PFA/1\n"), "printed_differences",
                "line 2", "column explanation_en", "text starts with '-'");
    }

    @Test
    void numbersMayBeNegativeWithoutTheFormulaRule() throws IOException {
        assertEquals(-6303318L, read(Golden.input().resolve("2022-23/budget.csv"), "budget").stream()
                .filter(r -> r.text("unit").equals("LAPSE")).findFirst().orElseThrow().integer("staff_costs"));
    }

    // --- lines ---

    @Test
    void trailingBlankLinesAreAccepted() throws IOException {
        String body = bundledText("2022-23/budget.csv");
        int rows = read(Golden.input().resolve("2022-23/budget.csv"), "budget").size();
        assertEquals(rows, read(write("budget.csv", body + "\n"), "budget").size());
        assertEquals(rows, read(write("budget.csv", body + "\n\n\n"), "budget").size());
        assertEquals(rows, read(write("budget.csv", body.replace("\n", "\r\n") + "\r\n\r\n"), "budget").size());
        assertEquals(rows, read(write("budget.csv", body + ",,,,,,,,\n,,,,,,,,\n"), "budget").size(), "rows of empty cells");
    }

    @Test
    void aBlankLineInsideTheDataIsRefused() throws IOException {
        String body = bundledText("2022-23/budget.csv");
        Path f = write("budget.csv", body.replaceFirst("\nRM,", "\n\nRM,"));
        rejected(f, "budget", "line 4", "blank line inside the data");
        Path cells = write("budget.csv", body.replaceFirst("\nRM,", "\n,,,,,,,,\nRM,"));
        rejected(cells, "budget", "line 4", "blank line inside the data");
    }

    // --- what Excel writes: accepted when right ---

    @Test
    void excelCsvUtf8WithByteOrderMarkAndCrlfReadsTheSame() throws IOException {
        String body = bundledText("reference/units.csv");
        byte[] text = body.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        List<Record> excel = read(write("units.csv", withBom), "units");
        List<Record> plain = read(Golden.input().resolve("reference/units.csv"), "units");
        assertEquals(plain.size(), excel.size());
        for (int i = 0; i < plain.size(); i++) {
            assertEquals(plain.get(i).values(), excel.get(i).values());
        }
        assertEquals("ILC", excel.get(0).text("unit"), "the BOM is not part of the first column's name or value");
    }

    @Test
    void aSecondByteOrderMarkIsNamed() throws IOException {
        Path f = write("units.csv", "\ufeff\ufeff" + bundledText("reference/units.csv"));
        rejected(f, "units", "line 1", "a second byte-order mark", "CSV UTF-8 (Comma delimited)");
    }

    @Test
    void quotedFieldsAreRead() throws IOException {
        Path f = write("units.csv", bundledText("reference/units.csv")
                .replace("ILC,国际劳工大会,International Labour Conference,", "\"ILC\",\"国际劳工大会\",\"International \"\"Labour\"\", Conference\","));
        assertEquals("International \"Labour\", Conference", read(f, "units").get(0).text("label_en"));
    }

    @Test
    void utf16IsRefusedWithExcelsFix() throws IOException {
        Path f = write("units.csv", ("\ufeff" + bundledText("reference/units.csv")).getBytes(StandardCharsets.UTF_16LE));
        rejected(f, "units", "line 1", "UTF-16", "save it as CSV UTF-8 (Comma delimited)");
    }

    // --- encodings ---

    @Test
    void gbkIsRefusedNamingLineColumnAndCodePage() throws IOException {
        Path f = write("units.csv", bundledText("reference/units.csv").getBytes(Charset.forName("GBK")));
        rejected(f, "units", "line 2, column label_zh", "not valid UTF-8", "GBK", "save it as CSV UTF-8 (Comma delimited)");
    }

    @Test
    void windows1252IsRefusedNamingLineColumnAndCodePage() throws IOException {
        String body = bundledText("reference/countries.csv");
        List<String> lines = body.lines().toList();
        int line = 1;
        while (lines.get(line - 1).chars().allMatch(c -> c < 128)) {
            line++;
        }
        Path f = write("countries.csv", body.getBytes(Charset.forName("windows-1252")));
        rejected(f, "countries", "line " + line + ", column name_en", "not valid UTF-8", "windows-1252", "CSV UTF-8 (Comma delimited)");
    }

    @Test
    void aBadByteInTheHeaderSaysSo() throws IOException {
        byte[] body = bundledText("reference/units.csv").getBytes(StandardCharsets.UTF_8);
        body[2] = (byte) 0xFF;
        rejected(write("units.csv", body), "units", "line 1", "not valid UTF-8 (byte 0xFF", "in the header row");
    }

    // --- what Excel damages: refused with the cause and Excel's fix ---

    @Test
    void scientificNotation() throws IOException {
        Path f = budgetWithLine(2, "ILC,27,1,37,6,2.16E+07,3305172,25073643,98019");
        rejected(f, "budget", "line 2", "column staff_costs", "'2.16E+07' is scientific notation", "digits after 2.16 are lost",
                "Format Cells > Number");
    }

    @Test
    void scientificNotationInADecimalColumnNamesItsOneDecimalAndLosesNothingItDoesNotLose() throws IOException {
        String header = "region,annual_inflation_pct\n";
        String said = rejected(write("regional_inflation.csv", header + "AF,1e3\n"), "regional_inflation", "line 2");
        assertEquals("input/regional_inflation.csv, line 2, column annual_inflation_pct: '1e3' is scientific notation for 1000. "
                + "Type the number itself, format the column as Number with 1 decimal place (Format Cells > Number), and save "
                + "again", said);
        assertFalse(said.contains("lost") || said.contains("no decimal places"), said);
    }

    @Test
    void tooManyDecimalsSaysHowManyTheColumnTakesInWords() throws IOException {
        String said = rejected(write("regional_inflation.csv", "region,annual_inflation_pct\nAF,4.45678\n"), "regional_inflation");
        assertEquals("input/regional_inflation.csv, line 2, column annual_inflation_pct: more than 1 decimal place: '4.45678'", said);
    }

    @Test
    void aValueNotOfItsPatternIsSaidInTheDescriptorsWordsNotAsARegularExpression() throws IOException {
        var reviewers = DataPackage.loadDescriptor(Golden.input().resolve("reviewers.datapackage.json")).resource("reviewers");
        Path f = write("reviewers.csv", "name,email,language,tables\nA,bad.mail@example,en,\n");
        InputError e = assertThrows(InputError.class, () -> CsvResourceReader.read(f, "input/reviewers.csv", reviewers));
        assertEquals("input/reviewers.csv, line 2, column email: 'bad.mail@example' is not what this column takes: one e-mail "
                + "address, such as name@example.org, in the letters a-z, digits and signs such as . _ - + of plain ASCII (no "
                + "accented letter, no two dots together, none at either end of the name)", e.getMessage());
    }

    @Test
    void aDateWhereABienniumBelongs() throws IOException {
        String body = bundledText("2022-23/extrabudgetary_estimates.csv");
        String first = body.lines().skip(1).findFirst().orElseThrow();
        Path f = write("extrabudgetary_estimates.csv", body.replaceFirst(java.util.regex.Pattern.quote(first),
                first.replaceFirst("^2020-21", "Mar-22")));
        rejected(f, "extrabudgetary_estimates", "line 2", "column biennium", "'Mar-22' is a date that Excel made",
                "write the biennium as 2022-23,", "Format Cells > Text");
    }

    @Test
    void aDateInANumberColumn() throws IOException {
        rejected(write("regional_inflation.csv", "region,annual_inflation_pct\nAF,4-Apr\n"), "regional_inflation", "line 2",
                "column annual_inflation_pct", "'4-Apr' is a date that Excel made");
    }

    @Test
    void aCodeThatLostItsLeadingZeros() throws IOException {
        // No bundled input has zero-padded codes; a code pattern of digits shows the rule.
        Files.writeString(tmp.resolve("datapackage.json"), """
                {"resources": [{"name": "programmes", "path": "programmes.csv", "schema": {"fields": [
                  {"name": "code", "type": "string", "constraints": {"required": true, "pattern": "[0-9]{4}"}},
                  {"name": "label", "type": "string"}]}}]}
                """);
        Resource r = DataPackage.load(tmp).resource("programmes");
        Path f = write("programmes.csv", "code,label\n0041,Forty-one\n42,Forty-two\n");
        InputError e = assertThrows(InputError.class, () -> CsvResourceReader.read(f, "input/programmes.csv", r));
        assertTrue(e.getMessage().startsWith("input/programmes.csv, line 3, column code: '42' looks like a code that lost its "
                + "leading zeros"), e.getMessage());
        assertTrue(e.getMessage().contains("write '0042'") && e.getMessage().contains("Format Cells > Text"), e.getMessage());
    }

    @Test
    void aSemicolonSeparatedFile() throws IOException {
        Path f = write("budget.csv", bundledText("2022-23/budget.csv").replace(',', ';'));
        rejected(f, "budget", "line 1", "separated by semicolons", "List separator", "CSV UTF-8 (Comma delimited)");
    }

    @Test
    void aTabSeparatedFile() throws IOException {
        Path f = write("budget.csv", bundledText("2022-23/budget.csv").replace(',', '\t'));
        rejected(f, "budget", "line 1", "separated by tabs", "CSV UTF-8 (Comma delimited)");
    }

    @Test
    void thousandsSeparators() throws IOException {
        rejected(budgetWithLine(2, "ILC,27,1,37,6,\"21,611,293\",3305172,25073643,98019"), "budget", "line 2", "column staff_costs",
                "thousands separators", "write '21611293' instead of '21,611,293'", "Use 1000 Separator");
        rejected(budgetWithLine(2, "ILC,27,1,37,6,21 611 293,3305172,25073643,98019"), "budget", "column staff_costs",
                "write '21611293'");
        rejected(budgetWithLine(2, "ILC,27,1,37,6,21\u00a0611\u00a0293,3305172,25073643,98019"), "budget", "column staff_costs",
                "write '21611293'");
    }

    @Test
    void decimalCommaPercentCurrencyAndAccountingFormats() throws IOException {
        String header = "region,annual_inflation_pct\n";
        rejected(write("regional_inflation.csv", header + "AF,\"4,4\"\n"), "regional_inflation", "decimal comma", "write '4.4'");
        rejected(write("regional_inflation.csv", header + "AF,4.4%\n"), "regional_inflation", "per cent sign", "write '4.4'");
        rejected(budgetWithLine(2, "ILC,27,1,37,6,$21611293,3305172,25073643,98019"), "budget", "currency sign");
        rejected(budgetWithLine(2, "ILC,27,1,37,6,21611293,3305172,25073643,(98019)"), "budget", "column cost_change",
                "accounting format", "write '-98019'");
    }

    @Test
    void aDuplicateDottedCodeHintsAtExcel() throws IOException {
        String body = bundledText("2022-23/results_outputs.csv");
        String second = body.lines().skip(2).findFirst().orElseThrow();
        Path f = write("results_outputs.csv", body.replaceFirst(java.util.regex.Pattern.quote(second), second.replaceFirst("^1\\.2,", "1.1,")));
        rejected(f, "results_outputs", "line 3", "duplicate output '1.1' (first on line 2)", "if a code such as 1.10 became 1.1");
    }

    // --- files ---

    @Test
    void aFolderWhereAFileBelongs() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("budget.csv"));
        rejected(dir, "budget", "cannot read the file: it is a folder, not a file", "resource 'budget'");
    }

    @Test
    void aMissingFile() {
        rejected(tmp.resolve("budget.csv"), "budget", "file not found", "resource 'budget'");
    }

    @Test
    void aFileThatCannotBeOpened() throws IOException {
        // Works as root too: a symbolic link that points at itself cannot be opened by anyone.
        Path loop = tmp.resolve("budget.csv");
        Files.createSymbolicLink(loop, loop.getFileName());
        rejected(loop, "budget", "cannot read the file: ", "symbolic link");
    }

    @Test
    void anUnreadableFile() throws IOException {
        Path f = write("budget.csv", bundledText("2022-23/budget.csv"));
        f.toFile().setReadable(false, false);
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(f),
                "running as root, which reads a file whatever its permissions: aFileThatCannotBeOpened covers the case");
        rejected(f, "budget", "cannot read the file: permission denied");
    }

    @Test
    void emptyAndHeaderOnly() throws IOException {
        rejected(write("budget.csv", ""), "budget", "file is empty");
        rejected(write("budget.csv", "\n\n"), "budget", "file is empty");
        rejected(write("budget.csv", bundledText("2022-23/budget.csv").lines().findFirst().orElseThrow() + "\n\n"), "budget",
                "no data rows");
    }

    @Test
    void aValidFileStillReadsAsBefore() {
        List<Record> budget = read(Golden.input().resolve("2022-23/budget.csv"), "budget");
        assertEquals(50, budget.size());
        assertEquals(21611293L, budget.get(0).integer("staff_costs"));
        assertEquals(2, budget.get(0).line());
        assertNull(read(Golden.input().resolve("2022-23/income.csv"), "income").get(0).integerOrNull("amount_usd"));
    }
}
