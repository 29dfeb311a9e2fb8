package org.pbannex.render.datapackage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.Golden;
import org.pbannex.ingest.CsvResourceReader;
import org.pbannex.ingest.DataPackage;
import org.pbannex.ingest.InputError;
import org.pbannex.ingest.InputSet;
import org.pbannex.ingest.Record;
import org.pbannex.ingest.Resource;
import org.pbannex.publication.ComputedPublication;
import org.pbannex.publication.OutputFormat;
import org.pbannex.publication.Publication;
import org.pbannex.publication.RenderTarget;
import org.pbannex.publication.RunRenderer;
import org.pbannex.publication.RunRequest;
import org.pbannex.publication.TableCatalogue;
import org.pbannex.table.Language;
import org.pbannex.table.NoteMarker;
import org.pbannex.table.Table;
import org.pbannex.table.Text;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The 2022-23 run's tidy CSVs and their {@code datapackage.json}, written by the CSV render target as a run writes
 * them: the descriptor is valid against the Data Package 2.0 JSON Schema, and every CSV is valid against its own
 * Table Schema as the project's ingest reads it; sizes and hashes are the files'; every field is described in both
 * editions. With the byte-order mark option, each CSV is the same bytes after the mark.
 */
class OutputDataPackageTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dir;
    static ComputedPublication pub;
    static Path plain;
    static Path withBom;

    @BeforeAll
    static void renderTheCsvTarget() throws IOException {
        pub = Publication.compute(Golden.input(), Publication.biennium(Golden.input(), null));
        plain = render("plain", false);
        withBom = render("bom", true);
    }

    private static Path render(String name, boolean bom) throws IOException {
        Path staging = Files.createDirectories(dir.resolve(name));
        RunRequest request = new RunRequest("nightly", Golden.input(), dir, Publication.biennium(Golden.input(), null),
                TableCatalogue.ids(), List.of(Language.ZH, Language.EN), List.of(OutputFormat.values()), false, bom);
        RunRenderer.render(new RenderTarget(OutputFormat.CSV, Language.ZH), pub, request, "20260101T000000Z-0a1b2c3d",
                Instant.parse("2026-01-01T00:00:00Z"), "0.1.0", staging, Golden.home().resolve("work/fonts"), null);
        return staging;
    }

    static Schema dataPackageSchema() throws IOException {
        try (InputStream in = OutputDataPackageTest.class.getResourceAsStream("/frictionless/datapackage.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
        }
    }

    @Test
    void theDescriptorIsValidAgainstTheDataPackageSpecification() throws IOException {
        JsonNode descriptor = JSON.readTree(plain.resolve(OutputDataPackage.FILE).toFile());
        List<Error> errors = dataPackageSchema().validate(descriptor);
        assertTrue(errors.isEmpty(), errors.toString());
        assertEquals(pub.tables().size(), descriptor.path("resources").size(), "a resource per CSV");
        assertEquals("https://datapackage.org/profiles/2.0/datapackage.json", descriptor.path("$schema").asString());
    }

    @Test
    void theSpecificationsSchemaCatchesABrokenDescriptor() throws IOException {
        ObjectNode broken = (ObjectNode) JSON.readTree(plain.resolve(OutputDataPackage.FILE).toFile());
        ((ObjectNode) broken.path("resources").get(0).path("schema").path("fields").get(0)).put("type", "text");
        ((ObjectNode) broken.path("resources").get(1)).put("hash", "not a hash");
        List<Error> errors = dataPackageSchema().validate(broken);
        assertFalse(errors.isEmpty(), "an unknown field type and a malformed hash are errors");
    }

    @Test
    void everyCsvIsValidAgainstItsOwnSchemaAsTheIngestReadsIt() {
        DataPackage described = DataPackage.load(plain);
        int rows = 0;
        for (Table t : pub.tables().values()) {
            Resource r = described.resource(t.id());
            assertEquals("csv/" + t.id() + ".csv", r.path());
            List<Record> records = CsvResourceReader.read(plain.resolve(r.path()), r.path(), r);
            assertEquals(t.tidy() != null ? t.tidy().lines().size() : t.rows().size(), records.size(), t.id());
            rows += records.size();
        }
        assertTrue(rows > 400, "rows validated: " + rows);
    }

    @Test
    void theIngestCatchesACsvThatBreaksItsSchema() throws IOException {
        Path copy = Files.createDirectories(dir.resolve("broken"));
        Files.copy(plain.resolve(OutputDataPackage.FILE), copy.resolve(OutputDataPackage.FILE));
        Files.createDirectories(copy.resolve("csv"));
        String a1 = Files.readString(plain.resolve("csv/a1.csv")).replace(",790640000", ",790 640 000");
        Files.writeString(copy.resolve("csv/a1.csv"), a1);
        Resource r = DataPackage.load(copy).resource("a1");
        InputError e = assertThrows(InputError.class, () -> CsvResourceReader.read(copy.resolve(r.path()), r.path(), r));
        assertTrue(e.getMessage().contains("thousands separator"), e.getMessage());
    }

    @Test
    void sizesAndHashesAreTheFiles() throws IOException {
        JsonNode descriptor = JSON.readTree(plain.resolve(OutputDataPackage.FILE).toFile());
        for (JsonNode r : descriptor.path("resources")) {
            Path f = plain.resolve(r.path("path").asString());
            assertEquals(Files.size(f), r.path("bytes").asLong(), r.path("name").asString());
            assertEquals("sha256:" + InputSet.sha256(f), r.path("hash").asString());
            assertEquals("utf-8", r.path("encoding").asString());
        }
    }

    @Test
    void everyResourceAndFieldIsDescribedInBothEditionsWithUnitsAndTypes() throws IOException {
        JsonNode descriptor = JSON.readTree(plain.resolve(OutputDataPackage.FILE).toFile());
        assertFalse(descriptor.path("pbannex:title_zh").asString().isBlank());
        for (JsonNode r : descriptor.path("resources")) {
            String id = r.path("name").asString();
            for (String p : List.of("title", "description", "pbannex:title_zh", "pbannex:description_zh")) {
                assertFalse(r.path(p).asString().isBlank(), id + " " + p);
            }
            for (JsonNode f : r.path("schema").path("fields")) {
                String name = f.path("name").asString();
                for (String p : List.of("description", "pbannex:description_zh")) {
                    String d = f.path(p).asString();
                    assertFalse(d.isBlank() || d.equals(name), id + "." + name + " has a " + p + ": '" + d + "'");
                }
                if (f.path("type").asString().matches("integer|number")) {
                    assertTrue(f.path("constraints").has("minimum") && f.path("constraints").has("maximum"), id + "." + name + " range");
                }
            }
        }
        JsonNode a1 = resource(descriptor, "a1");
        assertEquals(Map.of("type", "integer", "unit", "US$", "pbannex:unit_zh", "美元"), pick(field(a1, "staff_costs"), "type", "unit",
                "pbannex:unit_zh"));
        assertEquals("integer", field(a1, "prof_months").path("type").asString());
        assertEquals(11, field(a1, "prof_months").path("constraints").path("maximum").asInt());
        assertEquals("number", field(resource(descriptor, "a2"), "programme_change_pct").path("type").asString());
        assertEquals(1, field(resource(descriptor, "a2"), "programme_change_pct").path("decimalPlaces").asInt());
        assertEquals("integer", field(resource(descriptor, "rt"), "target_sum").path("type").asString(), "a tidy column typed by its values");
        assertEquals("string", field(resource(descriptor, "rt"), "region").path("type").asString());
        assertEquals(List.of("row_key"), JSON.convertValue(a1.path("schema").path("primaryKey"), List.class));
        // Figure 2 prints US$ millions; its CSV holds the dollars to the cent, and the descriptor says that, not the print's.
        JsonNode f2 = resource(descriptor, "f2");
        assertTrue(f2.path("description").asString().contains("Units: US$, to the cent."), f2.path("description").asString());
        assertFalse(f2.path("description").asString().contains("millions"), f2.path("description").asString());
        assertTrue(f2.path("pbannex:description_zh").asString().contains("单位：美元，精确到分。"));
        assertEquals(Map.of("type", "number", "unit", "US$", "pbannex:unit_zh", "美元"), pick(field(f2, "amount_usd"), "type", "unit",
                "pbannex:unit_zh"));
        assertEquals(2, field(f2, "amount_usd").path("decimalPlaces").asInt());
        assertTrue(field(f2, "amount_usd").path("description").asString().contains("exact to the cent"));
        assertEquals("Amount in US dollars.", field(resource(descriptor, "sa"), "amount_usd").path("description").asString(),
                "the supplementary authorizations are whole dollars, as printed");
        assertTrue(resource(descriptor, "t2").path("description").asString().contains("Units: US$ millions."),
                "a table published as printed keeps the printed unit");
        // The documented difference from the print is plain in t2.csv: the description says where it stands.
        String t2 = resource(descriptor, "t2").path("description").asString();
        assertTrue(t2.contains("Row 8, field rb: Printed as 43.0; published as 43.1."), t2);
        assertTrue(resource(descriptor, "t2").path("pbannex:description_zh").asString().contains("row_key 为 8 的行，字段 rb：印刷版为 43.0，本表为 43.1。"));
        assertFalse(resource(descriptor, "t1").path("description").asString().contains("Printed as"), "no difference, no note");
        // Annex 4: how surely each share belongs to its outcome, and which contributor code is the source's own "other".
        JsonNode a4 = resource(descriptor, "a4");
        assertEquals("string", field(a4, "confidence").path("type").asString());
        assertTrue(field(a4, "confidence").path("description").asString().startsWith("How surely the share belongs to its outcome"));
        assertTrue(field(a4, "contributor").path("description").asString().contains("OTHER for a share the source itself labels other"));
        // Figure 2's synthetic lines may have been made to add up to the estimates they equal.
        assertTrue(field(f2, "synthetic").path("description").asString().endsWith("so a total equal to one is no evidence."));
        // Which totals were so made is Figure 2's note under the figure: the CSV's description says it too, in both editions.
        Table figure2 = pub.tables().get("f2");
        var made = figure2.footnotes().stream().filter(n -> n.en().contains("were made to add up to them")).toList();
        assertEquals(1, made.size(), figure2.footnotes().toString());
        assertTrue(f2.path("description").asString().contains(made.get(0).en()), f2.path("description").asString());
        assertTrue(f2.path("pbannex:description_zh").asString().contains(made.get(0).zh()), f2.path("pbannex:description_zh").asString());
    }

    /**
     * Every amount field says its unit in {@code unit}, also where the print states it once above the table and no
     * column shows it (tester 81a, F7: t1, t2 and sa had none, so t2's millions read as f2's dollars): the table's unit,
     * in both editions.
     */
    @Test
    void everyAmountFieldSaysItsUnit() throws IOException {
        JsonNode descriptor = JSON.readTree(plain.resolve(OutputDataPackage.FILE).toFile());
        int amounts = 0;
        for (Table t : pub.tables().values()) {
            if (t.tidy() != null) {
                continue;
            }
            for (org.pbannex.table.Column c : t.columns()) {
                if (List.of(org.pbannex.table.ValueKind.AMOUNT, org.pbannex.table.ValueKind.AMOUNT_OR_DASH,
                        org.pbannex.table.ValueKind.MILLIONS).contains(c.kind())) {
                    JsonNode f = field(resource(descriptor, t.id()), c.key());
                    Text expected = !c.unit().isEmpty() ? c.unit() : !t.unitNote().isEmpty() ? t.unitNote() : t.workbookUnit();
                    assertFalse(expected.isEmpty(), t.id() + "." + c.key() + ": the table states a unit");
                    assertEquals(Map.of("unit", expected.in(Language.EN), "pbannex:unit_zh", expected.zh()),
                            pick(f, "unit", "pbannex:unit_zh"), t.id() + "." + c.key());
                    amounts++;
                }
            }
        }
        assertTrue(amounts > 20, "amount fields: " + amounts);
        assertEquals(Map.of("unit", "US$ millions", "pbannex:unit_zh", "百万美元"), pick(field(resource(descriptor, "t2"), "xb"),
                "unit", "pbannex:unit_zh"));
        assertEquals("US$", field(resource(descriptor, "t1"), "constant").path("unit").asString());
        assertEquals("US$", field(resource(descriptor, "sa"), "amount_usd").path("unit").asString());
    }

    /**
     * rt, the targets by region, is computed from Tables I.2 and I.3 and is not in the print: the data package does not
     * call it "in printed order" nor its labels "as printed", as it does a printed table's (found by a tester; a new
     * derived table said the same).
     */
    @Test
    void aTableThePrintDoesNotHoldIsNotDescribedAsPrinted() throws IOException {
        assertFalse(TableCatalogue.inPrint("rt"));
        assertTrue(TableCatalogue.inPrint("a1"));
        JsonNode descriptor = JSON.readTree(plain.resolve(OutputDataPackage.FILE).toFile());
        JsonNode rt = resource(descriptor, "rt");
        assertTrue(rt.path("description").asString().startsWith(rt.path("title").asString() + ", as tidy data: one observation per "
                + "row, in the order of the table. "), rt.path("description").asString());
        assertTrue(rt.path("pbannex:description_zh").asString().contains("每行一个观测值，按表格的顺序排列。"),
                rt.path("pbannex:description_zh").asString());
        assertEquals("Row label in Chinese, as in the table.", field(rt, "label_zh").path("description").asString());
        JsonNode a1 = resource(descriptor, "a1");
        assertTrue(a1.path("description").asString().contains(", as tidy data: one observation per row, in printed order."),
                a1.path("description").asString());
        assertEquals("Row label in Chinese, as printed.", field(a1, "label_zh").path("description").asString());
    }

    @Test
    void theByteOrderMarkIsOptInAndChangesNothingElse() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        for (Table t : pub.tables().values()) {
            byte[] without = Files.readAllBytes(plain.resolve("csv/" + t.id() + ".csv"));
            byte[] with = Files.readAllBytes(withBom.resolve("csv/" + t.id() + ".csv"));
            assertFalse(Arrays.equals(bom, Arrays.copyOf(without, 3)), t.id() + ": no mark by default");
            assertArrayEquals(bom, Arrays.copyOf(with, 3), t.id() + ": the mark first");
            assertArrayEquals(without, Arrays.copyOfRange(with, 3, with.length), t.id() + ": then the same bytes");
        }
        JsonNode descriptor = JSON.readTree(withBom.resolve(OutputDataPackage.FILE).toFile());
        assertEquals("utf-8-sig", descriptor.path("resources").get(0).path("encoding").asString());
        assertTrue(dataPackageSchema().validate(descriptor).isEmpty());
        String first = new String(Files.readAllBytes(withBom.resolve("csv/a1.csv")), StandardCharsets.UTF_8);
        assertTrue(first.startsWith("\uFEFFrow_key,row_type,label_zh,label_en,"));
    }

    private static JsonNode resource(JsonNode descriptor, String name) {
        for (JsonNode r : descriptor.path("resources")) {
            if (r.path("name").asString().equals(name)) {
                return r;
            }
        }
        throw new AssertionError("no resource " + name);
    }

    /**
     * A printed heading's note marker ("2020-2021 *") points to a note under the table, which the package has nowhere:
     * no field's title or description ends with a marker, and a field whose heading had one says its note instead.
     */
    @Test
    void aHeadingsNoteMarkerBecomesItsNote() throws IOException {
        JsonNode descriptor = JSON.readTree(plain.resolve(OutputDataPackage.FILE).toFile());
        for (JsonNode r : descriptor.path("resources")) {
            for (JsonNode f : r.path("schema").path("fields")) {
                for (String p : List.of("title", "description", "pbannex:title_zh", "pbannex:description_zh")) {
                    String said = f.path(p).asString("");
                    assertFalse(NoteMarker.TRAILING.matcher(said).find(), r.path("name").asString() + "."
                            + f.path("name").asString() + " " + p + " ends with a note marker: " + said);
                }
            }
        }
        for (String[] tf : new String[][] {{"t1", "budget_previous"}, {"t2", "rb_previous"}, {"a2", "budget_previous"}}) {
            Table t = pub.tables().get(tf[0]);
            Text note = t.footnotes().stream().filter(n -> n.en().startsWith("*")).findFirst().orElseThrow();
            JsonNode f = field(resource(descriptor, tf[0]), tf[1]);
            assertEquals(NoteMarker.strip(t.columns().stream().filter(c -> c.key().equals(tf[1])).findFirst().orElseThrow()
                    .heading().en()), f.path("title").asString(), tf[0] + "." + tf[1] + ": the heading without its marker");
            assertTrue(f.path("description").asString().endsWith(". " + note.en().substring(1).strip()),
                    tf[0] + "." + tf[1] + ": " + f.path("description").asString());
            assertTrue(f.path("pbannex:description_zh").asString().endsWith("。" + note.zh().substring(1).strip()),
                    tf[0] + "." + tf[1] + ": " + f.path("pbannex:description_zh").asString());
        }
    }

    private static JsonNode field(JsonNode resource, String name) {
        for (JsonNode f : resource.path("schema").path("fields")) {
            if (f.path("name").asString().equals(name)) {
                return f;
            }
        }
        throw new AssertionError("no field " + name);
    }

    private static Map<String, String> pick(JsonNode node, String... names) {
        Map<String, String> m = new java.util.TreeMap<>();
        for (String n : names) {
            m.put(n, node.path(n).asString());
        }
        return m;
    }
}
