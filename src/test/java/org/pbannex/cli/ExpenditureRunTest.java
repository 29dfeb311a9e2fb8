package org.pbannex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.CliRun;
import org.pbannex.TestInputs;

/**
 * A bad expenditure line through the whole command: strict runs stop with status 3 naming file, line, column and
 * reason and publish nothing; --rejects publishes rejects/expenditure.csv, and the manifest and report count
 * read = accepted + rejected. Also generate-expenditure's refusals.
 */
class ExpenditureRunTest {

    @TempDir
    Path tmp;
    Path input;
    Path lines;

    @BeforeEach
    void copyInput() throws Exception {
        input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        lines = input.resolve("expenditure/synthetic-2016-2023.csv");
        Files.writeString(lines, Files.readString(lines) + "Z1,2022-05,XB,ESTIMATE,AF,KEN,AFRICA,1,STAFF,12.345\n");
    }

    @Test
    void strictRunStopsAtTheBadLine() {
        CliRun r = CliRun.run(tmp.resolve("db"), "run", "nightly", "--input", input.toString(), "--output", tmp.resolve("out").toString());
        assertEquals(3, r.status(), r.toString());
        assertTrue(r.err().strip().equals("pb-annex: input/expenditure/synthetic-2016-2023.csv, line 20002, column amount_usd: "
                + "amount '12.345' has more than 2 decimals"), r.err());
        assertTrue(Files.notExists(tmp.resolve("out/2022-23/latest")));
    }

    @Test
    void rejectsModePublishesTheBadLineAndCountsIt() throws Exception {
        CliRun r = CliRun.run(tmp.resolve("db"), "run", "nightly", "--rejects", "--format", "csv", "--input", input.toString(),
                "--output", tmp.resolve("out").toString());
        assertEquals(0, r.status(), r.toString());
        Path run;
        try (var s = Files.list(tmp.resolve("out/2022-23"))) {
            run = s.filter(p -> !p.getFileName().toString().startsWith(".") && !p.getFileName().toString().equals("latest"))
                    .findFirst().orElseThrow();
        }
        List<String> rejects = Files.readAllLines(run.resolve("rejects/expenditure.csv"));
        assertEquals(List.of("file,line,column,reason,raw_line",
                "input/expenditure/synthetic-2016-2023.csv,20002,amount_usd,amount '12.345' has more than 2 decimals,"
                        + "\"Z1,2022-05,XB,ESTIMATE,AF,KEN,AFRICA,1,STAFF,12.345\""), rejects);
        String manifest = Files.readString(run.resolve("manifest.json"));
        assertTrue(manifest.replaceAll("\\s", "").contains("\"read\":20001,\"accepted\":20000,\"rejected\":1"), manifest);
        String report = Files.readString(run.resolve("report.html"));
        assertTrue(report.contains("Read = accepted + rejected") && report.contains("<td>20001</td><td>20000</td>"), report);
        assertTrue(Files.isRegularFile(run.resolve("csv/f2.csv")));
    }

    @Test
    void generatorRefusesANameThatHidesThatItIsSynthetic() {
        CliRun r = CliRun.run(null, "generate-expenditure", "--rows", "10", "--out", tmp.resolve("lines.csv").toString());
        assertEquals(2, r.status(), r.toString());
        assertTrue(r.err().contains("must start with 'synthetic'"), r.err());
    }
}
