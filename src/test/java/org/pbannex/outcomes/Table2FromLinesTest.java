package org.pbannex.outcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.TestInputs;
import org.pbannex.publication.ComputedPublication;
import org.pbannex.publication.Publication;
import org.pbannex.reference.Biennium;
import org.pbannex.table.Row;
import org.pbannex.table.RowType;
import org.pbannex.table.Table;

/**
 * Table 2 with no extra-budgetary estimates takes XB and RBSA from the expenditure lines. The bundled synthetic lines
 * book RBSA to the enabling outcomes A-C too, which have no row: the policy outcomes subtotal is the rows' (it once
 * summed every line, 30.0 against rows of 21.3, and the run said every check passed), support services has the
 * enabling outcomes' lines, said under the table, and the total all lines.
 */
class Table2FromLinesTest {

    @TempDir
    Path tmp;

    @Test
    void theSubtotalIsTheOutcomeRowsAndTheEnablingOutcomesLinesAreSupportServices() throws IOException {
        Path in = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        TestInputs.edit(in.resolve("2022-23/extrabudgetary_estimates.csv"), s -> s.lines().findFirst().orElseThrow() + "\n");
        ComputedPublication pub = Publication.compute(in, new Biennium(2022));
        Table t2 = pub.tables().get("t2");
        List<Row> outcomes = t2.rows().stream().filter(r -> r.type() == RowType.UNIT && !r.key().equals("support_services")).toList();
        for (String column : List.of("xb_previous", "rbsa_previous", "xb", "rbsa")) {
            BigDecimal rows = outcomes.stream().map(r -> (BigDecimal) r.value(column)).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal subtotal = (BigDecimal) t2.row("subtotal").value(column);
            // Each figure rounded from its exact sum: within half a tenth per figure (8 rows and the subtotal).
            assertTrue(rows.subtract(subtotal).abs().compareTo(new BigDecimal("0.45")) <= 0, column + ": rows " + rows + ", subtotal " + subtotal);
        }
        // The synthetic lines add up to the print's controls: RBSA 30.0 over every outcome, XB per policy outcome.
        for (String column : List.of("rbsa_previous", "rbsa")) {
            BigDecimal subtotal = (BigDecimal) t2.row("subtotal").value(column);
            BigDecimal support = (BigDecimal) t2.row("support_services").value(column);
            assertTrue(subtotal.compareTo(new BigDecimal("25")) < 0 && support.signum() > 0, column + ": " + subtotal + " + " + support);
            assertEquals(new BigDecimal("30.0"), t2.row("total").value(column), column);
            assertEquals(new BigDecimal("30.0"), subtotal.add(support), column + ": the two parts, as rounded, make the total here");
        }
        assertNull(t2.row("support_services").value("xb"), "no XB line is booked to an enabling outcome");
        assertEquals(new BigDecimal("520.0"), t2.row("total").value("xb"));
        assertEquals(t2.row("subtotal").value("xb"), t2.row("total").value("xb"));
        assertTrue(t2.caveat().en().contains("figures on the support services row are the sums of the expenditure lines booked to "
                + "the outcomes that have no row of their own (A, B, C)"), t2.caveat().en());
        assertTrue(t2.caveat().zh().contains("（A, B, C）"), t2.caveat().zh());
        assertEquals(List.of(), pub.checks().failures(), "every check passes");
        assertTrue(pub.checks().results().stream().filter(c -> c.name().equals("t2.outcomes_add_up_to_subtotal")).count() >= 4,
                "the rows are checked against the subtotal in each line-based column");
    }

    @Test
    void aSubtotalThatIsNotItsRowsFailsItsCheck() {
        // The printed Table 2 passes as it stands; a subtotal off by more than its rows' rounding is named.
        ComputedPublication pub = Publication.compute(org.pbannex.Golden.input(), new Biennium(2022));
        assertTrue(pub.checks().results().stream().anyMatch(c -> c.name().equals("t2.outcomes_add_up_to_subtotal")
                && c.row().equals("subtotal/xb") && c.passed()), "the print's XB rows add up to its subtotal");
        Table t2 = pub.tables().get("t2");
        java.util.Map<String, Object> values = new java.util.LinkedHashMap<>(t2.row("subtotal").values());
        values.put("xb", new BigDecimal("520.5"));
        List<Row> rows = t2.rows().stream().map(r -> !r.key().equals("subtotal") ? r
                : new Row(r.key(), r.type(), r.label(), r.level(), values, r.within())).toList();
        Table wrong = new Table(t2.id(), t2.number(), t2.title(), t2.unitNote(), t2.labelHeading(), t2.columns(), rows,
                t2.footnotes(), t2.source(), t2.wide(), t2.tidy(), t2.charts(), t2.shortName(), t2.caveat(), t2.cellNotes());
        java.util.Map<String, Table> tables = new java.util.LinkedHashMap<>(pub.tables());
        tables.put("t2", wrong);
        var in = pub.inputs();
        var outcomes = OutcomeResources.from(in, org.pbannex.results.ResultsFramework.from(in, pub.reference()));
        var failures = OutcomeChecks.run(pub.reference(), outcomes, tables).failures();
        // The rows do not add up to it, and it is no longer the total (520.0) with support services' nothing.
        assertEquals(List.of("t2.outcomes_add_up_to_subtotal subtotal/xb", "t2.subtotal_plus_support_is_total total/xb"),
                failures.stream().map(c -> c.name() + " " + c.row()).toList());
    }
}
