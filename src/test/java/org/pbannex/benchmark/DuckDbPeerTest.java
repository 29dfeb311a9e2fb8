package org.pbannex.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.CliRun;
import org.pbannex.Golden;
import org.pbannex.expenditure.SyntheticMark;

/**
 * The benchmark's DuckDB peer on a file as generate-expenditure writes it, its synthetic mark line before the header
 * (tester 81a, F6: DuckDB's sniffer took the mark line for a one-column header and the suite stopped with exit 5):
 * DuckDB reads every line and the same cents as the file holds, and its JVM prints no native-access warnings. And a
 * run without DuckDB (--duckdb none) says so in its table, as a run without PostgreSQL does (F9).
 */
class DuckDbPeerTest {

    private static final Path DUCKDB_JAR = Path.of(System.getProperty("user.home"),
            ".m2/repository/org/duckdb/duckdb_jdbc/1.4.1.0/duckdb_jdbc-1.4.1.0.jar");

    @TempDir
    Path tmp;

    @Test
    void duckDbReadsEveryLineOfAGeneratedFileItsMarkLineSkipped() throws Exception {
        // The benchmark fetches the driver from Maven Central; the build has it where the project was built once.
        assumeTrue(Files.isRegularFile(DUCKDB_JAR), "no DuckDB JDBC driver in ~/.m2");
        Path file = tmp.resolve("synthetic-bench-700.csv");
        CliRun g = CliRun.run(tmp.resolve("db"), "generate-expenditure", "--rows", "700", "--seed", "1", "--out", file.toString());
        assertEquals(0, g.status(), g.toString());
        List<String> lines = Files.readAllLines(file);
        assertEquals(SyntheticMark.LINE, lines.get(0), "the file as the benchmark generates it: the mark line first");
        assertTrue(lines.get(1).startsWith("line_id,"));
        long cents = 0;
        for (String line : lines.subList(2, lines.size())) {
            cents = Math.addExact(cents, new BigDecimal(line.substring(line.lastIndexOf(',') + 1)).movePointRight(2).longValueExact());
        }

        Benchmark bench = new Benchmark(Golden.home(), Golden.home(), Map.of());
        MeasuredProcess r = MeasuredProcess.run(bench.duckdbCommand(file, DUCKDB_JAR), Map.of(), true);
        assertTrue(r.out().contains(" lines=700 "), r.out());
        assertTrue(r.out().contains(" cents=" + cents + " "), "the file's own sum, " + cents + ": " + r.out());
        assertFalse(r.out().contains("WARNING"), "no restricted-method warnings of DuckDB's JVM: " + r.out());
        // The launcher runs pb-annex, and so DuckDB's JVM, on the newest JDK 25+ it finds: the one that warns of the
        // driver's native calls unless they are allowed.
        Path jdk25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
        if (Files.isExecutable(jdk25)) {
            List<String> command = new java.util.ArrayList<>(bench.duckdbCommand(file, DUCKDB_JAR));
            command.set(0, jdk25.toString());
            MeasuredProcess on25 = MeasuredProcess.run(command, Map.of(), true);
            assertTrue(on25.out().contains(" lines=700 "), on25.out());
            assertFalse(on25.out().contains("WARNING"), "no restricted-method warnings on JDK 25: " + on25.out());
        }
        Benchmark.Measure m = bench.duckdb(file, 700, DUCKDB_JAR);
        assertTrue(m.tool().startsWith("DuckDB 1.4.1.0"), m.tool());
        assertTrue(m.stepSeconds() >= 0 && m.rssKb() > 0, m.toString());

        // A file without the mark (made by hand, or the mark removed) is read from its first line.
        Path plain = tmp.resolve("plain.csv");
        Files.write(plain, lines.subList(1, lines.size()));
        assertTrue(bench.duckdb(plain, 700, DUCKDB_JAR).stepSeconds() >= 0);
        // A run that read other lines than the file's is not timed beside pb-annex.
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> bench.duckdb(plain, 701, DUCKDB_JAR));
        assertTrue(e.getMessage().startsWith("DuckDB read 700 lines of "), e.getMessage());
    }

    @Test
    void aRunWithoutDuckDbSaysItWasSkipped() {
        List<Benchmark.Measure> pb = List.of(new Benchmark.Measure("pb-annex embedded (ingest-expenditure)", 2.0, 1.0, 2048, ""));
        String table = Benchmark.format(1000, 50_000, "sequential line ids", Benchmark.besideDuckDb(List.of(), pb));
        String row = table.lines().filter(l -> l.startsWith("DuckDB")).findFirst().orElse("");
        assertTrue(row.endsWith("skipped: --duckdb none"), table);
        assertTrue(table.contains("pb-annex embedded (ingest-expenditure)"), table);
    }
}
