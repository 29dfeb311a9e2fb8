package org.pbannex.render.datapackage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.Golden;
import org.pbannex.TestInputs;
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
import org.pbannex.table.Language;
import org.pbannex.table.Table;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A run whose expenditure lines sum to more than US$ 1 trillion in a region (one accepted line of 2 000 000 000 000.00;
 * a line may have 15 digits before the point) publishes an f2.csv that its own datapackage.json accepts, as every other
 * CSV of the run (tester 81a, F1: f2's amount_usd had a maximum of 999 999 999 999.9, copied from the one-decimal
 * fields, and the run published a CSV that broke it). The bounds are the sums' own, at the field's decimals.
 */
class LargeSumsMeetTheirSchemaTest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    @TempDir
    Path tmp;

    @Test
    void aRegionsSumAboveATrillionIsWithinItsPublishedRange() throws IOException {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        Files.writeString(input.resolve("expenditure/erp-edge.csv"), "line_id,period,fund,status,region,country,unit,outcome,object,amount_usd\n"
                + "E06,2022-03,XB,ESTIMATE,AM,BRA,AMERICAS,6,STAFF,2000000000000.00\n");
        ComputedPublication pub = Publication.compute(input, Publication.biennium(input, null));
        Path staging = Files.createDirectories(tmp.resolve("run"));
        RunRequest request = new RunRequest("nightly", input, tmp, Publication.biennium(input, null), TableCatalogue.ids(),
                List.of(Language.ZH, Language.EN), List.of(OutputFormat.values()), false, false);
        RunRenderer.render(new RenderTarget(OutputFormat.CSV, Language.ZH), pub, request, "20260101T000000Z-0a1b2c3d",
                Instant.parse("2026-01-01T00:00:00Z"), "0.1.0", staging, Golden.home().resolve("work/fonts"), null);

        DataPackage described = DataPackage.load(staging);
        for (Table t : pub.tables().values()) {
            Resource r = described.resource(t.id());
            // Throws, naming the line and the bound, where a value breaks its field's constraints.
            List<Record> records = CsvResourceReader.read(staging.resolve(r.path()), r.path(), r);
            assertEquals(t.tidy() != null ? t.tidy().lines().size() : t.rows().size(), records.size(), t.id());
        }
        String f2 = Files.readString(staging.resolve("csv/f2.csv"));
        String row = f2.lines().filter(l -> l.startsWith("AM.2022-23.ESTIMATE,")).findFirst().orElseThrow();
        BigDecimal amount = new BigDecimal(row.split(",")[row.split(",").length - 2]);
        assertTrue(amount.compareTo(new BigDecimal("2000000000000.00")) > 0, "the line is in the region's sum: " + row);

        JsonNode descriptor = JSON.readTree(staging.resolve(OutputDataPackage.FILE).toFile());
        assertTrue(OutputDataPackageTest.dataPackageSchema().validate(descriptor).isEmpty());
        for (JsonNode r : descriptor.path("resources")) {
            if (r.path("name").asString().equals("f2")) {
                for (JsonNode f : r.path("schema").path("fields")) {
                    if (f.path("name").asString().equals("amount_usd")) {
                        // The bound has the field's two decimals, not one.
                        assertEquals(2, f.path("constraints").path("maximum").decimalValue().scale(), f.toString());
                        assertEquals(2, f.path("decimalPlaces").asInt());
                    }
                }
            }
        }
    }
}
