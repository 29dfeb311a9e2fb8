package org.pbannex.expenditure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.TestInputs;
import org.pbannex.Golden;
import org.pbannex.outcomes.StrategicFrameworkTable;
import org.pbannex.publication.ComputedPublication;
import org.pbannex.publication.Publication;
import org.pbannex.reference.Biennium;
import org.pbannex.table.Language;
import org.pbannex.table.Table;
import org.pbannex.table.Text;
import org.pbannex.table.TidyRows;

/**
 * Figure 2 from the bundled synthetic lines: it says it is synthetic wherever it is shown (caveat, chart title and alt
 * text, a synthetic column in its CSV); the sample's 2020-21 and 2022-23 totals are Table 2's XB totals and the
 * earlier biennia follow their trend; the note on the marks is the printed one.
 */
class SyntheticFigure2Test {

    static ComputedPublication pub;
    static Table f2;
    /** Figure 2 from the same lines without the generator's mark, in a file not named synthetic*: real lines, as an ERP export would give. */
    static Table real;
    /** The sample renamed as an officer tidying the folder might: its mark line keeps it synthetic. */
    static Table renamed;
    /** The sample's lines without their mark, named with a capital S: the name alone makes it synthetic, in any case. */
    static Table capitalised;
    /** The sample beside a real file of one XB estimate for 2022-23: that biennium's lines are some real, some synthetic. */
    static Table mixed;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void compute() throws IOException {
        pub = Publication.compute(Golden.input(), Publication.biennium(Golden.input(), null));
        f2 = pub.tables().get("f2");
        Path withReal = TestInputs.copyOfBundledInput(tmp.resolve("with-real"));
        Files.writeString(withReal.resolve("expenditure/erp-2022.csv"), LineFormat.HEADER + "\n"
                + "R0000000001,2022-02,XB,ESTIMATE,AF,ISR,PROCUREMENT,8,GRANTS,100.00\n");
        mixed = Publication.compute(withReal, new Biennium(2022)).tables().get("f2");
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        Path sample = input.resolve("expenditure/synthetic-2016-2023.csv");
        Files.move(sample, input.resolve("expenditure/expenditure-2016-2023.csv"));
        renamed = Publication.compute(input, new Biennium(2022)).tables().get("f2");
        String unmarked = Files.readString(input.resolve("expenditure/expenditure-2016-2023.csv"));
        assertTrue(unmarked.startsWith(SyntheticMark.LINE + "\n"), "the bundled sample carries the generator's mark");
        unmarked = unmarked.substring(unmarked.indexOf('\n') + 1);
        Files.delete(input.resolve("expenditure/expenditure-2016-2023.csv"));
        Files.writeString(input.resolve("expenditure/Synthetic-2016-2023.csv"), unmarked);
        capitalised = Publication.compute(input, new Biennium(2022)).tables().get("f2");
        Files.move(input.resolve("expenditure/Synthetic-2016-2023.csv"), input.resolve("expenditure/erp-2016-2023.csv"));
        real = Publication.compute(input, new Biennium(2022)).tables().get("f2");
    }

    /**
     * Whether lines are synthetic is in the data, not only in the file's name: the sample renamed keeps its caveat, its
     * synthetic CSV column and its note on the marks (no "Actual expenditure as at ..."); a name starting with
     * synthetic in any case is enough too.
     */
    @Test
    void aRenamedSampleStaysSynthetic() {
        for (Table t : List.of(renamed, capitalised)) {
            assertEquals(f2.caveat(), t.caveat());
            assertEquals(f2.footnotes(), t.footnotes());
            assertEquals(f2.source(), t.source());
            assertTrue(t.tidy().lines().stream().allMatch(l -> l.value("synthetic", Language.EN).equals("true")));
        }
    }

    @Test
    void theSampleAddsUpToTable2AndEarlierBienniaFollowTheTrend() {
        assertEquals(Map.of("2016-17", new BigDecimal("384.0"), "2018-19", new BigDecimal("424.8"), "2020-21",
                new BigDecimal("470.0"), "2022-23", new BigDecimal("520.0")), RegionalExpenditureTable.totals(f2));
        List<StrategicFrameworkTable.XbTotals> beside = StrategicFrameworkTable.xbBesideFigure2(new Biennium(2022),
                pub.tables().get("t2"), f2);
        assertEquals(List.of("2016-17", "2018-19", "2020-21", "2022-23"), beside.stream().map(StrategicFrameworkTable.XbTotals::biennium).toList());
        assertEquals(List.of(false, false, true, true), beside.stream().map(StrategicFrameworkTable.XbTotals::agree).toList(),
                "Table 2 has XB figures for 2020-21 and 2022-23 only: " + beside);
        assertEquals(new BigDecimal("470.0"), beside.get(2).table2());
        assertEquals(new BigDecimal("520.0"), beside.get(3).table2());
        assertEquals(null, beside.get(0).table2());
        // The bundled lines are synthetic, every biennium of them; Table 2's XB figures are the estimates file's.
        assertEquals(List.of(true, true, true, true), beside.stream().map(StrategicFrameworkTable.XbTotals::figure2Synthetic).toList());
        assertEquals(List.of(false, false, false, false), beside.stream().map(StrategicFrameworkTable.XbTotals::table2Synthetic).toList());
        // Found among the run's tables as the report finds them; none without Figure 2.
        assertEquals(beside, StrategicFrameworkTable.xbBesideFigure2(new Biennium(2022), pub.tables().values()));
        assertEquals(List.of(), StrategicFrameworkTable.xbBesideFigure2(new Biennium(2022), List.of(pub.tables().get("t2"))));
        // No jump: each biennium is within a quarter of the next.
        for (int i = 0; i + 1 < beside.size(); i++) {
            double ratio = beside.get(i + 1).figure2().doubleValue() / beside.get(i).figure2().doubleValue();
            assertTrue(ratio > 0.8 && ratio < 1.25, beside.get(i).biennium() + " to the next: x" + ratio);
        }
    }

    @Test
    void theFigureSaysItIsSyntheticWhereverItIsShown() {
        assertEquals("图 2 依据合成的支出明细绘制，其数字并非劳工组织的数据。", f2.caveat().zh());
        assertEquals("Figure 2 is drawn from synthetic expenditure lines; its figures are not ILO data.", f2.caveat().en());
        var chart = f2.charts().get(0);
        assertTrue(chart.title().zh().contains("合成数据") && chart.title().en().contains("synthetic"), chart.title().toString());
        // Each renderer's alt text: the caveat first, once.
        var alt = chart.altText(f2.caveat());
        assertTrue(alt.zh().startsWith(f2.caveat().zh()) && alt.en().startsWith(f2.caveat().en()), alt.toString());
        assertEquals(1, alt.en().split("synthetic", -1).length - 1, alt.en());
        assertEquals("synthetic expenditure lines (listed with the run's input files), not ILO data",
                f2.source().en(), "its figures do not come from the printed document");
        assertEquals(List.of("region", "biennium", "status", "amount_usd", "synthetic"), f2.tidy().columns());
        List<TidyRows.Line> lines = f2.tidy().lines();
        assertTrue(lines.size() >= 6 * 4, "a line per region, biennium and status: " + lines.size());
        assertTrue(lines.stream().allMatch(l -> l.value("synthetic", Language.EN).equals("true")));
    }

    /**
     * Over synthetic lines the note on the marks says what they are (the status the synthetic lines carry) and names no
     * date: the printed "Actual expenditure for 2020 as at 4 January 2021" would claim actual expenditure for figures
     * that are made up.
     */
    @Test
    void theNoteOnTheMarksOfSyntheticLinesClaimsNoActualExpenditure() {
        Text note = f2.footnotes().get(0);
        assertEquals("* 状态为实际支出的合成明细。** 2020 年状态为实际支出、2021 年状态为估计支出的合成明细。*** 状态为估计支出的合成明细。",
                note.zh());
        assertEquals("* Synthetic lines with the status actual. ** Synthetic lines with the status actual for 2020 and estimate "
                + "for 2021. *** Synthetic lines with the status estimate.", note.en());
        assertTrue(f2.footnotes().stream().noneMatch(n -> n.zh().contains("截至") || n.en().contains("as at")
                || n.en().contains("Actual expenditure")), f2.footnotes().toString());
    }

    /**
     * Figure 2's totals for 2020-21 and 2022-23 are Table 2's XB estimates because the sample was generated to add up to
     * them (--control): the figure says so under itself, and that the rest is invented, so the equality is not read as
     * two sources agreeing. Real lines make no such claim.
     */
    @Test
    void theTotalsThatEqualTable2SaySoAndTheRestIsInvented() {
        assertTrue(f2.footnotes().contains(new Text("2020-2021 和 2022-2023 两年期的合计与表 2 的预算外估计数相等，因为合成的支出明细是按这些估计数"
                + "生成的；各合计按区域的划分以及其他合计均为虚构。", "The totals for 2020-2021 and 2022-2023 equal Table 2's XB estimates because "
                + "the synthetic lines were made to add up to them; how each total splits by region, and every other total, is invented.")),
                f2.footnotes().toString());
        assertEquals(1, real.footnotes().size(), "the marks' note only: " + real.footnotes());
        assertEquals(Text.EMPTY, real.caveat());
        assertTrue(real.tidy().lines().stream().allMatch(l -> l.value("synthetic", Language.EN).equals("false")));
    }

    /** The note on the marks over real lines, with the date and years of the partly actual biennium, is the printed one. */
    @Test
    void theNoteOnTheMarksIsThePrintedOne() {
        String note = real.footnotes().get(0).zh();
        assertEquals("* 实际支出。** 截至 2021 年 1 月 4 日，2020 年的实际支出，以及 2021 年的估计支出。*** 估计支出。", note);
        assertTrue(Golden.seedText().replaceAll("\\s+", "").contains(note.replaceAll("\\s+", "")), "found in the source document");
        assertEquals("* Actual expenditure. ** Actual expenditure for 2020 as at 4 January 2021, and estimated expenditure for 2021. "
                + "*** Estimated expenditure.", real.footnotes().get(0).en());
        assertEquals(List.of("2016-2017 *", "2018-2019 *", "2020-2021 **", "2022-2023 ***"),
                f2.columns().stream().map(c -> c.heading().zh()).toList());
    }

    /**
     * Figure 2's source names the lines whatever made them, never the printed Figure 2 (tester 81a, F3): real lines
     * alone, the lines without a word of synthetic data; a biennium of real and synthetic lines, the lines, naming the
     * biennia that hold synthetic ones (before: "synthetic expenditure lines" alone, as if the real file were not summed).
     */
    @Test
    void theSourceNamesTheLinesRealOrSynthetic() {
        assertEquals("the expenditure lines (listed with the run's input files)", real.source().en());
        assertEquals("支出明细（列于运行的输入文件中）", real.source().zh());
        assertEquals("the expenditure lines (listed with the run's input files); those of 2016-2017, 2018-2019, 2020-2021 and "
                + "2022-2023 include synthetic expenditure lines, not ILO data", mixed.source().en());
        assertTrue(mixed.source().zh().startsWith("支出明细（列于运行的输入文件中）；") && mixed.source().zh().contains("包括合成的支出明细"),
                mixed.source().zh());
        assertEquals(f2.source(), renamed.source(), "synthetic lines alone keep their wording");
    }

    /**
     * A real estimate added to the synthetic sample's biennium (tester66 case 53): the note on that biennium's mark no
     * longer calls every line of it synthetic, nor does it claim estimated expenditure; it says the lines' status and
     * that some are synthetic. The other biennia, all synthetic, keep their notes, and the tidy CSV marks the real
     * line's sum as synthetic only where a synthetic line is in it.
     */
    @Test
    void aBienniumOfRealAndSyntheticLinesSaysSomeAreSynthetic() {
        Text note = mixed.footnotes().get(0);
        assertEquals("* 状态为实际支出的合成明细。** 2020 年状态为实际支出、2021 年状态为估计支出的合成明细。*** 状态为估计支出的明细，其中部分为合成明细。",
                note.zh());
        assertEquals("* Synthetic lines with the status actual. ** Synthetic lines with the status actual for 2020 and estimate "
                + "for 2021. *** Lines with the status estimate, some of them synthetic.", note.en());
        assertEquals(new BigDecimal("520.0"), RegionalExpenditureTable.totals(mixed).get("2022-23"), "US$100 more: 520.0 still");
        assertEquals(f2.columns().stream().map(c -> c.heading().en()).toList(), mixed.columns().stream().map(c -> c.heading().en()).toList());
    }
}
