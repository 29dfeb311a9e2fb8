package org.pbannex.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.CliRun;
import org.pbannex.Golden;

/** The CSVs' byte-order mark is opt-in, from the command line ({@code --csv-bom}) or the job ({@code csvBom: true}). */
class CsvByteOrderMarkTest {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @TempDir
    Path tmp;

    @Test
    void theOptionPutsTheMarkFirstInEveryCsvAndTheDataPackageSaysSo() throws Exception {
        CliRun r = CliRun.run(tmp.resolve("db"), "run", "regenerate", "--tables", "a1,rt", "--format", "csv", "--csv-bom",
                "--output", tmp.resolve("out").toString());
        assertEquals(0, r.status(), r.toString());
        Path run = onlyRun(tmp.resolve("out"));
        for (String id : new String[] {"a1", "rt"}) {
            byte[] csv = Files.readAllBytes(run.resolve("csv/" + id + ".csv"));
            assertArrayEquals(BOM, Arrays.copyOf(csv, 3), id);
        }
        assertTrue(Files.readString(run.resolve("datapackage.json")).contains("\"encoding\" : \"utf-8-sig\""));
    }

    @Test
    void aJobCanAskForItAndWithoutItThereIsNoMark() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Files.createDirectories(home.resolve("jobs"));
        Files.writeString(home.resolve("jobs/excel.yml"), "tables: [a1]\nlanguages: [zh]\nformats: [csv]\ncsvBom: true\n");
        Files.writeString(home.resolve("jobs/plain.yml"), "tables: [a1]\nlanguages: [zh]\nformats: [csv]\n");
        Map<String, String> settings = new HashMap<>(CliRun.h2(tmp.resolve("db")));
        settings.put("pb.home", home.toString());
        settings.put("pb.input", Golden.input().toString());
        CliRun excel = CliRun.capture(settings, "run", "excel", "--output", tmp.resolve("excel").toString());
        assertEquals(0, excel.status(), excel.toString());
        assertArrayEquals(BOM, Arrays.copyOf(Files.readAllBytes(onlyRun(tmp.resolve("excel")).resolve("csv/a1.csv")), 3));
        CliRun plain = CliRun.capture(settings, "run", "plain", "--output", tmp.resolve("plain").toString());
        assertEquals(0, plain.status(), plain.toString());
        byte[] csv = Files.readAllBytes(onlyRun(tmp.resolve("plain")).resolve("csv/a1.csv"));
        assertEquals('r', csv[0], "no mark by default: the file starts with its header");
    }

    private static Path onlyRun(Path out) throws Exception {
        try (var runs = Files.list(out.resolve("2022-23"))) {
            return runs.filter(p -> !p.getFileName().toString().startsWith(".") && Files.isDirectory(p)).findFirst().orElseThrow();
        }
    }
}
