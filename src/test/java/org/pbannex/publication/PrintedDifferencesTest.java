package org.pbannex.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.CliRun;
import org.pbannex.TestInputs;
import org.pbannex.reference.Biennium;

/** Documented differences from the printed document are reported in every run, and kept honest by a check. */
class PrintedDifferencesTest {

    @TempDir
    Path tmp;

    @Test
    void aDocumentedDifferenceIsReportedAndChecked() throws Exception {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        Path file = input.resolve("2022-23/printed_differences.csv");
        Files.writeString(file, Files.readString(file)
                + "a2,ILC,pct_of_total,3.2,3.1,印刷值向上舍入；准确份额为 3.113%。,\"Printed rounded up; the exact share is 3.113%\",GB.341/PFA/1\n");
        ComputedPublication pub = Publication.compute(input, new Biennium(2022));
        assertEquals(2, pub.printedDifferences().size(), "the bundled Table 2 outcome 8 difference and this one");
        assertEquals(java.util.List.of(), pub.checks().failures());

        Path out = tmp.resolve("out");
        CliRun r = CliRun.run(tmp.resolve("db"), "run", "nightly", "--input", input.toString(), "--output", out.toString(),
                "--format", "csv");
        assertEquals(0, r.status(), r.toString());
        Path run = Files.list(out.resolve("2022-23")).filter(p -> !p.getFileName().toString().startsWith(".")).findFirst().orElseThrow();
        String report = Files.readString(run.resolve("report.html"));
        assertTrue(report.contains("准确份额为 3.113%"), "report lists the difference");
        assertTrue(report.contains("43.0") && report.contains("43.1"), "and the bundled one (Table 2, outcome 8)");
        assertTrue(Files.readString(run.resolve("manifest.json")).contains("\"printed\" : \"3.2\""));
    }

    @Test
    void aStaleDocumentedDifferenceFailsTheRun() throws Exception {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        Path file = input.resolve("2022-23/printed_differences.csv");
        Files.writeString(file, Files.readString(file) + "a2,ILC,pct_of_total,3.2,3.0,已过时,Out of date,GB.341/PFA/1\n");
        CliRun r = CliRun.run(null, "check", "--input", input.toString());
        assertEquals(4, r.status(), r.toString());
        assertTrue(r.err().contains("printed_difference.published_value [table a2, row ILC]: expected 3.0, actual 3.1"), r.err());
        // The stale value is the file's own line (its third): the line says where to correct it.
        assertTrue(r.err().contains("see " + file + ", line 3, column published"), r.err());
    }

    /**
     * The explanation's own figures are the run's (tester66 case 51): with 11 376 moved from outcome 8 to 7 (still 43.1,
     * the subtotal unchanged) the note "Annex 4 gives US$43,061,376" contradicted annex 4's 43,050,000, every check
     * passing; now refused at the explanation, naming the figure. The bundled explanation's figures (43,061,376, and
     * 500,802,800, the sum of annex 4's outcomes) are both found.
     */
    @Test
    void anExplanationStatingAFigureNoTableHoldsIsRefused() throws Exception {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        assertEquals(0, CliRun.run(null, "check", "--input", input.toString()).status(), "the bundled explanation's figures hold");
        TestInputs.edit(input.resolve("2022-23/outcome_allocations.csv"), s -> s.replace("7,95501460", "7,95512836")
                .replace("8,43061376", "8,43050000"));
        CliRun r = CliRun.run(null, "check", "--input", input.toString());
        assertEquals(3, r.status(), r.toString());
        assertTrue(r.err().contains(input.resolve("2022-23/printed_differences.csv") + ", line 2, column explanation_zh: states "
                + "43 061 376, a figure no table of this run holds"), r.err());
    }
}
