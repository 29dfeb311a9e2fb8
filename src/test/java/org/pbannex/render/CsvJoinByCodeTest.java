package org.pbannex.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pbannex.Golden;
import org.pbannex.ingest.CsvResourceReader;
import org.pbannex.ingest.DataPackage;
import org.pbannex.ingest.Record;
import org.pbannex.ingest.Resource;
import org.pbannex.publication.ComputedPublication;
import org.pbannex.publication.OutputFormat;
import org.pbannex.publication.Publication;
import org.pbannex.publication.RenderTarget;
import org.pbannex.publication.RunRenderer;
import org.pbannex.publication.RunRequest;
import org.pbannex.publication.TableCatalogue;
import org.pbannex.render.datapackage.OutputDataPackage;
import org.pbannex.table.Language;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tidy CSVs join by code, as a statistician reads them (tester 76b, M3): the results tables' targets (i2, i3) join
 * the targets by region (rt) on outcome, unit of count and region, and Table 2 joins annex 4 and rt on the outcome,
 * in a run of either language, with no row left unmatched and no label mapped by hand. The unit of count's words
 * (target_unit: "个组织" or "organizations") differ between the editions; its code (count_unit) does not, and is rt's.
 * The data package describes the new columns, and every CSV still reads back against its own schema.
 */
class CsvJoinByCodeTest {

    @TempDir
    static Path dir;
    static ComputedPublication pub;
    static final Map<Language, Path> RUNS = new LinkedHashMap<>();

    @BeforeAll
    static void renderTheCsvsInBothLanguages() throws IOException {
        pub = Publication.compute(Golden.input(), Publication.biennium(Golden.input(), null));
        for (Language lang : List.of(Language.ZH, Language.EN)) {
            Path staging = Files.createDirectories(dir.resolve(lang.code()));
            List<Language> languages = lang == Language.ZH ? List.of(Language.ZH, Language.EN) : List.of(Language.EN, Language.ZH);
            RunRequest request = new RunRequest("nightly", Golden.input(), dir, Publication.biennium(Golden.input(), null),
                    TableCatalogue.ids(), languages, List.of(OutputFormat.CSV), false, false);
            RunRenderer.render(new RenderTarget(OutputFormat.CSV, lang), pub, request, "20260101T000000Z-0a1b2c3d",
                    Instant.parse("2026-01-01T00:00:00Z"), "0.1.0", staging, Golden.home().resolve("work/fonts"), null);
            RUNS.put(lang, staging);
        }
    }

    /** Every indicator of i2 and i3 with regional targets finds rt's row for each of its regions; the sums are rt's. */
    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"ZH", "EN"})
    void theResultsTablesJoinTheTargetsByRegionOnCodes(Language lang) throws IOException {
        Path run = RUNS.get(lang);
        for (String id : List.of("i1", "i2", "i3")) {
            assertTrue(header(run, id).contains("count_unit"), id + ".csv has the unit of count's code: " + header(run, id));
        }
        Map<String, Map<String, String>> rt = new LinkedHashMap<>();
        for (Map<String, String> r : read(run, "rt")) {
            rt.put(r.get("outcome") + "|" + r.get("count_unit") + "|" + r.get("region"), r);
        }
        Set<String> regions = rt.values().stream().map(r -> r.get("region")).filter(r -> !r.equals("ALL"))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        Map<String, Long> sums = new TreeMap<>();
        Map<String, Long> counted = new TreeMap<>();
        List<String> unmatched = new ArrayList<>();
        int joined = 0;
        for (String id : List.of("i1", "i2", "i3")) {
            for (Map<String, String> r : read(run, id)) {
                boolean split = regions.stream().anyMatch(g -> !r.get(g).isEmpty());
                // A countable target has its unit's code beside its words, and only a countable target has one.
                assertEquals(r.get("target_unit").isEmpty(), r.get("count_unit").isEmpty(), id + " " + r.get("row_key"));
                if (!split) {
                    continue;
                }
                for (String g : regions) {
                    if (r.get(g).isEmpty()) {
                        continue;
                    }
                    String key = r.get("outcome") + "|" + r.get("count_unit") + "|" + g;
                    if (!rt.containsKey(key)) {
                        unmatched.add(id + " " + r.get("row_key") + " " + key);
                        continue;
                    }
                    joined++;
                    sums.merge(key, Long.parseLong(r.get(g)), Long::sum);
                    counted.merge(key, 1L, Long::sum);
                }
            }
        }
        assertEquals(List.of(), unmatched, "i2/i3 rows with no rt row of their outcome, unit of count and region");
        assertTrue(joined > 200, "regional targets joined: " + joined);
        // And the other way: each of rt's rows of one outcome (not its totals) is the sum of the rows that joined it.
        List<String> off = new ArrayList<>();
        rt.forEach((key, r) -> {
            if (!r.get("outcome").equals("ALL") && !r.get("region").equals("ALL")
                    && (sums.getOrDefault(key, 0L) != Long.parseLong(r.get("target_sum"))
                    || counted.getOrDefault(key, 0L) != Long.parseLong(r.get("indicators")))) {
                off.add(key + ": rt " + r.get("target_sum") + "/" + r.get("indicators") + ", joined " + sums.get(key) + "/" + counted.get(key));
            }
        });
        assertEquals(List.of(), off, "rt rows that are not the sums of the i2/i3 rows joined to them");
    }

    /**
     * A heading of i1-i3 (an outcome's, an output's) carries the code of the outcome it heads, as its indicators do: the
     * rows of one outcome, filtered on {@code outcome}, are its heading, its outputs' headings and its indicators, in
     * printed order, the heading first (stop 80: the headings' outcome was empty, and a filter lost them). An output's
     * outcome is results_outputs.csv's; the heading's other values stay empty.
     */
    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"ZH", "EN"})
    void aHeadingOfTheResultsTablesCarriesItsOutcome(Language lang) throws IOException {
        Path run = RUNS.get(lang);
        Map<String, String> outcomeOfOutput = inputColumn("results_outputs", "output", "outcome");
        int headings = 0;
        for (String id : List.of("i1", "i2", "i3")) {
            List<Map<String, String>> rows = read(run, id);
            Map<String, List<String>> byOutcome = new LinkedHashMap<>();
            for (Map<String, String> r : rows) {
                String key = r.get("row_key");
                if (r.get("row_type").equals("heading")) {
                    String expected = key.startsWith("outcome.") ? key.substring("outcome.".length())
                            : outcomeOfOutput.get(key.substring("output.".length()));
                    assertEquals(expected, r.get("outcome"), id + " " + key + ": the heading's outcome");
                    for (String column : header(run, id).subList(CsvTableWriter.KEY_COLUMNS.size(), header(run, id).size())) {
                        assertTrue(column.equals("outcome") || r.get(column).isEmpty(), id + " " + key + " " + column + ": " + r.get(column));
                    }
                    headings++;
                }
                assertFalse(r.get("outcome").isEmpty(), id + " " + key + " has no outcome");
                byOutcome.computeIfAbsent(r.get("outcome"), o -> new ArrayList<>()).add(key);
            }
            // Filtered on its outcome, each outcome's rows start with its heading and are one block of the printed rows.
            List<String> printed = rows.stream().map(r -> r.get("row_key")).toList();
            byOutcome.forEach((outcome, keys) -> {
                assertEquals("outcome." + outcome, keys.get(0), id + ": outcome " + outcome + "'s first row");
                int first = printed.indexOf(keys.get(0));
                assertEquals(keys, printed.subList(first, first + keys.size()), id + ": outcome " + outcome + "'s rows");
            });
        }
        assertTrue(headings > 40, "headings: " + headings);
    }

    /**
     * ii1's outcomes are codes separated by ";" with no spaces (one value a CSV reader splits on one character), or ALL:
     * the codes of sdg_targets.csv's line, in its order; the data package's description says so.
     */
    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"ZH", "EN"})
    void theSdgLinksListTheirOutcomesSeparatedBySemicolons(Language lang) throws IOException {
        Map<String, String> given = inputColumn("sdg_targets", "sdg_target", "outcomes");
        List<Map<String, String>> rows = read(RUNS.get(lang), "ii1");
        for (Map<String, String> r : rows) {
            String cell = r.get("outcomes");
            assertTrue(cell.matches("ALL|[^;\\s]+(;[^;\\s]+)*"), r.get("row_key") + ": '" + cell + "'");
            assertEquals(List.of(given.get(r.get("sdg_target")).trim().split("\\s+")), List.of(cell.split(";")), r.get("row_key"));
        }
        long several = rows.stream().filter(r -> r.get("outcomes").contains(";")).count();
        assertTrue(several > 5, "rows with several outcomes: " + several);
        JsonNode outcomes = field(JsonMapper.builder().build().readTree(RUNS.get(lang).resolve(OutputDataPackage.FILE).toFile()),
                "ii1", "outcomes");
        assertTrue(outcomes.path("description").asString().contains("\";\""), outcomes.path("description").asString());
        assertTrue(outcomes.path("pbannex:description_zh").asString().contains("\";\""), outcomes.path("pbannex:description_zh").asString());
    }

    /** The unit's code is the same in both languages' CSVs, its words not; the codes are target_units.csv's. */
    @Test
    void theUnitOfCountsCodeIsTheSameInBothLanguages() throws IOException {
        assertTrue(header(RUNS.get(Language.ZH), "i2").contains("count_unit"), "i2.csv has the unit of count's code");
        List<Map<String, String>> zh = read(RUNS.get(Language.ZH), "i2");
        List<Map<String, String>> en = read(RUNS.get(Language.EN), "i2");
        assertEquals(zh.size(), en.size());
        Map<String, Record> units = pub.inputs().table("target_units").stream()
                .collect(Collectors.toMap(r -> r.text("unit"), r -> r));
        int compared = 0;
        for (int i = 0; i < zh.size(); i++) {
            assertEquals(zh.get(i).get("count_unit"), en.get(i).get("count_unit"), zh.get(i).get("row_key"));
            if (!zh.get(i).get("count_unit").isEmpty()) {
                Record unit = units.get(zh.get(i).get("count_unit"));
                assertTrue(unit != null, "a code of target_units.csv: " + zh.get(i).get("count_unit"));
                // The words are each edition's, of the unit the code names.
                assertEquals(unit.text("label_zh"), zh.get(i).get("target_unit"), zh.get(i).get("row_key"));
                assertEquals(unit.text("label_en"), en.get(i).get("target_unit"), en.get(i).get("row_key"));
                compared++;
            }
        }
        assertTrue(compared > 50, "countable targets: " + compared);
    }

    /** Table 2's outcome rows carry the outcome's code; annex 4 and rt have a row for each, and t2 one for each of a4's. */
    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"ZH", "EN"})
    void table2JoinsAnnex4AndTheTargetsByRegionOnTheOutcome(Language lang) throws IOException {
        Path run = RUNS.get(lang);
        assertTrue(header(run, "t2").contains("outcome"), "t2.csv has the outcome's code: " + header(run, "t2"));
        List<Map<String, String>> t2 = read(run, "t2");
        Set<String> t2Outcomes = t2.stream().map(r -> r.get("outcome")).filter(o -> !o.isEmpty())
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        Set<String> a4Outcomes = read(run, "a4").stream().map(r -> r.get("outcome"))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        Set<String> rtOutcomes = read(run, "rt").stream().map(r -> r.get("outcome")).collect(Collectors.toSet());
        assertEquals(a4Outcomes, t2Outcomes, "t2's outcomes are a4's");
        assertTrue(rtOutcomes.containsAll(t2Outcomes), "every t2 outcome has rt rows: " + t2Outcomes + " in " + rtOutcomes);
        assertEquals(8, t2Outcomes.size(), t2Outcomes.toString());
        for (Map<String, String> r : t2) {
            // The outcome rows only: the subtotal, support services and the total are no one outcome's.
            assertEquals(r.get("row_type").equals("unit") && !r.get("row_key").equals("support_services"),
                    !r.get("outcome").isEmpty(), r.get("row_key"));
        }
        // The labels stay as each table words them.
        assertTrue(t2.get(0).get("label_en").startsWith("Outcome 1: "), t2.get(0).get("label_en"));
    }

    /**
     * The new columns stand with the contract's keys, before the values, the existing columns kept in their order; the
     * data package's fields are the files' columns, describe the new ones, and every CSV reads back against its schema.
     */
    @Test
    void theDataPackageDescribesTheCodeColumnsAndTheFilesMatchIt() throws IOException {
        Path run = RUNS.get(Language.ZH);
        assertEquals(List.of("row_key", "row_type", "label_zh", "label_en", "outcome", "rb_previous", "xb_previous", "rbsa_previous",
                "rb", "xb", "rbsa"), header(run, "t2"));
        for (String id : List.of("i1", "i2", "i3")) {
            assertEquals(List.of("row_key", "row_type", "label_zh", "label_en", "code", "level", "outcome", "output", "count_unit",
                    "indicator", "verification", "baselines", "target", "target_total", "target_unit", "AF", "AM", "AS", "AP", "EU"),
                    header(run, id), id);
        }
        JsonNode descriptor = JsonMapper.builder().build().readTree(run.resolve(OutputDataPackage.FILE).toFile());
        for (JsonNode r : descriptor.path("resources")) {
            List<String> fields = new ArrayList<>();
            r.path("schema").path("fields").forEach(f -> fields.add(f.path("name").asString()));
            assertEquals(header(run, r.path("name").asString()), fields, r.path("name").asString());
        }
        JsonNode rtUnit = field(descriptor, "rt", "count_unit");
        for (String id : List.of("i1", "i2", "i3")) {
            JsonNode unit = field(descriptor, id, "count_unit");
            assertEquals("string", unit.path("type").asString());
            assertEquals(rtUnit.path("description").asString(), unit.path("description").asString(), id + ": described as rt's");
            assertEquals(rtUnit.path("pbannex:description_zh").asString(), unit.path("pbannex:description_zh").asString());
        }
        JsonNode outcome = field(descriptor, "t2", "outcome");
        assertEquals(field(descriptor, "a4", "outcome").path("description").asString(), outcome.path("description").asString());
        assertTrue(outcome.path("description").asString().contains("empty on a row of no single outcome"),
                outcome.path("description").asString());
        DataPackage described = DataPackage.load(run);
        for (String id : List.of("t2", "i1", "i2", "i3", "rt", "a4")) {
            Resource res = described.resource(id);
            List<Record> records = CsvResourceReader.read(run.resolve(res.path()), res.path(), res);
            assertFalse(records.isEmpty(), id);
        }
    }

    /** One column of an input file by another (its key), as the run read it. */
    private static Map<String, String> inputColumn(String file, String key, String column) {
        return pub.inputs().table(file).stream().collect(Collectors.toMap(r -> r.text(key), r -> r.text(column)));
    }

    private static JsonNode field(JsonNode descriptor, String table, String name) {
        for (JsonNode r : descriptor.path("resources")) {
            if (r.path("name").asString().equals(table)) {
                for (JsonNode f : r.path("schema").path("fields")) {
                    if (f.path("name").asString().equals(name)) {
                        return f;
                    }
                }
            }
        }
        throw new AssertionError(table + " has no field " + name);
    }

    private static List<String> header(Path run, String id) throws IOException {
        return List.of(readRows(run, id).get(0));
    }

    private static List<String[]> readRows(Path run, String id) throws IOException {
        try (Reader r = Files.newBufferedReader(run.resolve("csv/" + id + ".csv"), StandardCharsets.UTF_8);
             com.opencsv.CSVReader csv = new com.opencsv.CSVReader(r)) {
            return csv.readAll();
        } catch (com.opencsv.exceptions.CsvException e) {
            throw new IOException(e);
        }
    }

    private static List<Map<String, String>> read(Path run, String id) {
        return Golden.rows(run.resolve("csv/" + id + ".csv"));
    }
}
