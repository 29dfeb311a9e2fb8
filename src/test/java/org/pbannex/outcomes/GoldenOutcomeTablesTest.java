package org.pbannex.outcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pbannex.Golden;
import org.pbannex.publication.ComputedPublication;
import org.pbannex.publication.Publication;
import org.pbannex.table.CellNote;
import org.pbannex.table.Chart;
import org.pbannex.table.Column;
import org.pbannex.table.Language;
import org.pbannex.table.PrintedDifference;
import org.pbannex.table.Row;
import org.pbannex.table.Table;
import org.pbannex.table.Text;

/**
 * Table 2 and annex 4 computed from input/ against the printed tables: every cell of Table 2 equals the print
 * except the one documented difference (outcome 8, printed 43.0, computed 43.1), which must be the only one;
 * annex 4's outcome totals and stated shares equal the print.
 */
class GoldenOutcomeTablesTest {

    static ComputedPublication pub;

    @BeforeAll
    static void compute() {
        pub = Publication.compute(Golden.input(), Publication.biennium(Golden.input(), null));
    }

    static String cell(Row r, String column) {
        Object v = r.value(column);
        return v == null ? "" : v instanceof BigDecimal d ? d.toPlainString() : v.toString();
    }

    @Test
    void table2EqualsThePrintExceptTheDocumentedDifference() {
        Table t2 = pub.tables().get("t2");
        String[][] pairs = {{"rb_2020_21", "rb_previous"}, {"xb_2020_21", "xb_previous"}, {"rbsa_2020_21", "rbsa_previous"},
                {"rb_2022_23", "rb"}, {"xb_2022_23", "xb"}, {"rbsa_2022_23", "rbsa"}};
        List<Map<String, String>> golden = Golden.read("table2_strategic_framework.csv");
        assertEquals(golden.size(), t2.rows().size());
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < golden.size(); i++) {
            Map<String, String> g = golden.get(i);
            Row r = t2.rows().get(i);
            assertEquals(g.get("outcome"), r.key());
            for (String[] p : pairs) {
                if (!g.get(p[0]).equals(cell(r, p[1]))) {
                    differences.add(r.key() + "/" + p[1] + " printed " + g.get(p[0]) + " computed " + cell(r, p[1]));
                }
            }
        }
        assertEquals(List.of("8/rb printed 43.0 computed 43.1"), differences);
        PrintedDifference documented = pub.printedDifferences().stream().filter(d -> d.table().equals("t2")).findFirst().orElseThrow();
        assertEquals(List.of("8", "rb", "43.0", "43.1"), List.of(documented.row(), documented.column(), documented.printed(),
                documented.published()));
    }

    @Test
    void annex4TotalsAndStatedSharesEqualThePrint() {
        Table a4 = pub.tables().get("a4");
        for (Map<String, String> g : Golden.read("annex4_outcome_totals.csv")) {
            assertEquals(g.get("total_usd"), cell(a4.row(g.get("outcome")), "total_usd"), "outcome " + g.get("outcome"));
        }
        List<String> printed = Golden.read("annex4_slices.csv").stream()
                .map(g -> g.get("outcome") + " " + g.get("label_zh") + " " + g.get("percent")).toList();
        List<String> computed = a4.rows().stream().filter(r -> r.type() == org.pbannex.table.RowType.UNIT && !r.key().endsWith(".rest"))
                .map(r -> r.value("outcome") + " " + r.label().zh() + " " + cell(r, "share_pct")).toList();
        assertEquals(printed, computed);
        // What the source does not itemise: outcome 1 states 58.0%, outcome 2 9.8%, outcomes 3-8 nothing.
        assertEquals("42.0", cell(a4.row("1.rest"), "share_pct"));
        assertEquals("90.2", cell(a4.row("2.rest"), "share_pct"));
        assertEquals("100.0", cell(a4.row("5.rest"), "share_pct"));
        // A pie per outcome with stated shares, as printed, the rest as the "not itemised" slice; a sentence for the others.
        assertEquals(List.of("a4-1", "a4-2"), a4.charts().stream().map(Chart::id).toList());
        for (Chart c : a4.charts()) {
            assertEquals(Chart.Kind.PIE, c.kind());
            assertEquals(a4.row(c.id().substring(3) + ".rest").label(), c.categories().get(c.categories().size() - 1));
            assertEquals(new BigDecimal("100.0"), c.series().get(0).values().stream().map(v -> (BigDecimal) v)
                    .reduce(BigDecimal.ZERO, BigDecimal::add), "the slices make the whole pie");
            assertTrue(c.altText().en().startsWith("Pie chart of the regular budget of Policy outcome "), c.altText().en());
        }
        assertTrue(a4.footnotes().contains(new Text("在所依据的原文件文本中，成果目标 3、4、5、6、7 和 8 的饼图没有可辨认的份额，因此不绘制图表。",
                "In the text of the source available, the pie charts for outcomes 3, 4, 5, 6, 7 and 8 have no legible share, so no chart is drawn for them.")),
                a4.footnotes().toString());
        // How sure the legible shares' outcomes are (golden NOTES.md), said where they are published.
        assertTrue(a4.footnotes().stream().anyMatch(n -> n.en().contains("moderate confidence for outcome 1, with low confidence for outcome 2")),
                a4.footnotes().toString());
        long sum = Golden.read("annex4_outcome_totals.csv").stream().mapToLong(g -> Long.parseLong(g.get("total_usd"))).sum();
        assertEquals(500802800L, sum);
        assertTrue(pub.checks().failures().isEmpty());
    }

    /**
     * The pies say how surely their shares belong to their outcome, as the input gives it (outcome_contributors.csv's
     * confidence: moderate for outcome 1, low for outcome 2), under their titles and first in their alt texts, and the
     * pie of outcome 2 tells the source's own "Other" slice from the not itemised rest. The tidy data carry the
     * confidence of each share.
     */
    @Test
    void annex4sPiesSayHowSureTheirSharesAreAndWhatOtherIs() {
        Table a4 = pub.tables().get("a4");
        Chart one = a4.charts().get(0);
        Chart two = a4.charts().get(1);
        assertEquals(new Text("份额对本成果目标的归属较为可靠（见注释）。", "Shares assigned to this outcome with moderate confidence (see the notes)."),
                one.note());
        assertEquals(new Text("份额对本成果目标的归属可靠性较低（见注释）。“其他”是原文件本身如此标注的份额；“未列明”是饼图中原文件未逐项列出的其余部分。",
                "Shares assigned to this outcome with low confidence (see the notes). 'Other' is a slice the source itself labels so; "
                        + "'Not itemised' is the rest of the pie, which the source does not itemise."), two.note());
        for (Chart c : a4.charts()) {
            Text alt = c.altText(a4.caveat());
            assertTrue(alt.zh().startsWith(c.note().zh()) && alt.en().startsWith(c.note().en() + " Pie chart of"), alt.toString());
        }
        assertEquals(List.of("moderate", "moderate", "moderate", "moderate", "moderate", "moderate", "low", "low"),
                a4.rows().stream().filter(r -> r.value("confidence") != null).map(r -> cell(r, "confidence")).toList());
        assertEquals(List.of("1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "2.1", "2.2"),
                a4.rows().stream().filter(r -> r.value("confidence") != null).map(Row::key).toList(), "the stated shares only");
    }

    /** The outcome 8 cell carries a note marker, and the note says in each edition's language what was printed and why. */
    @Test
    void theDocumentedDifferenceIsMarkedOnItsCell() {
        Table t2 = pub.tables().get("t2");
        CellNote note = t2.cellNote("8", "rb");
        assertEquals("†", note.marker());
        assertEquals(1, t2.cellNotes().size(), "only the documented difference is marked");
        assertTrue(t2.footnotes().contains(note.footnote()), "the note is listed under the table");
        assertTrue(note.footnote().zh().startsWith("† 印刷版为 43.0，本表为 43.1。资料附件 4 所列成果目标 8 的经常预算为 43 061 376 美元"),
                note.footnote().zh());
        assertTrue(note.footnote().en().startsWith("† Printed as 43.0; published as 43.1. Annex 4 gives US$43,061,376"),
                note.footnote().en());
        assertTrue(note.footnote().en().contains("500.8"), "it says why the outcomes add to 500.9 against 500.8");
        // The publication-wide note (cover, Notes sheet) says where, in the edition's language: no English in the zh one.
        PrintedDifference d = pub.printedDifferences().get(0);
        assertTrue(d.describe(Language.ZH).startsWith("表 2，成果目标 8：为所有人提供全面可持续的社会保护，2022-2023 两年期经常预算：印刷版为 43.0"),
                d.describe(Language.ZH));
        assertFalse(d.describe(Language.ZH).matches("(?s).*[A-Za-z]{2,}.*"), d.describe(Language.ZH));
        assertTrue(d.describe(Language.EN).startsWith("Table 2, Outcome 8: Comprehensive and sustainable social protection for all, "
                + "Regular budget 2022-2023: Printed as 43.0"), d.describe(Language.EN));
    }

    /** Table 2's column headings as printed, each with its biennium ("经修订的 2020-2021 两年期经常预算 *"). */
    @Test
    void table2HeadingsAreThePrintedOnes() {
        String source = Golden.seedText().replaceAll("\\s+", "");
        Table t2 = pub.tables().get("t2");
        // The printed columns: the outcome's code is data only (the CSV's), no edition prints it.
        for (Column c : org.pbannex.render.OutputColumns.printed(t2)) {
            assertTrue(c.group().isEmpty(), "no grouped heading: the print has none");
            assertTrue(source.contains(c.heading().zh().replaceAll("\\s+", "")), "printed heading: " + c.heading().zh());
        }
        assertEquals("经修订的 2020-2021 两年期经常预算 *", t2.column("rb_previous").heading().zh());
        assertTrue(t2.footnotes().get(0).zh().startsWith("* "), "the * footnote belongs to that heading");
    }
}
