package org.pbannex.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pbannex.Golden;
import org.pbannex.TestInputs;
import org.pbannex.reference.Biennium;
import org.pbannex.render.PublicationInfo;
import org.pbannex.render.markup.ChartView;
import org.pbannex.render.markup.Wording;
import org.pbannex.render.pdf.PdfDocumentWriter;
import org.pbannex.table.Language;
import org.pbannex.table.Table;
import org.pbannex.table.Text;

/**
 * Figure 2 over six and eight biennia (2016-17 to 2026-27 and to 2030-31, each later biennium prepared from a copy of
 * 2022-23 as README says), in the PDF as written and read back: its chart, on landscape pages, is on one page whole,
 * its legend with every bar (over eight biennia it ran onto a second page, where nothing said which colour was which
 * biennium). Where it fits as designed (2022-23's four biennia, six) its rows are drawn as before.
 */
class FigureTwoOverManyBienniaTest {

    @TempDir
    static Path tmp;
    static Path input;

    @BeforeAll
    static void buildTree() throws IOException {
        input = TestInputs.withBienniaUpTo(tmp.resolve("input"), 2030);
    }

    @ParameterizedTest
    @CsvSource({"2026, 6, zh", "2026, 6, en", "2030, 8, zh", "2030, 8, en"})
    void theChartIsWholeOnOnePageWithItsLegend(int year, int biennia, String language) throws IOException {
        Language lang = Language.valueOf(language.toUpperCase());
        ComputedPublication pub = Publication.compute(input, new Biennium(year));
        Table f2 = pub.tables().get("f2");
        assertEquals(biennia, f2.columns().size());
        assertTrue(f2.wide(), "more than five biennia print on landscape pages");
        ChartView chart = ChartView.of(f2.charts().get(0), f2.caveat(), lang);
        assertEquals(biennia == 8, chart.pdfBars(true).line() != null, "rows closer together only where they must be");

        Path pdf = tmp.resolve("f2-" + year + "." + language + ".pdf");
        PdfDocumentWriter.write(List.of(f2), lang, info(pub), new Wording(pub.reference().texts()::get),
                Golden.home().resolve("work/fonts"), pdf);
        List<String> pages = pages(pdf);
        // The chart's title starts it, its alt text ends it: both on one page, and every legend entry and bar's figure there.
        int first = indexOf(pages, chart.title());
        int last = indexOf(pages, chart.alt());
        assertTrue(first >= 0 && last >= 0, "the chart's title and alt text are printed");
        assertEquals(first, last, language + ", " + biennia + " biennia: the chart starts on page " + (first + 1)
                + " and ends on page " + (last + 1));
        String page = squeeze(pages.get(first));
        for (ChartView.Key k : chart.legend()) {
            assertTrue(page.contains(squeeze(k.name())), k.name());
        }
        for (ChartView.BarGroup g : chart.bars()) {
            assertTrue(page.contains(squeeze(g.category())), g.category());
        }
    }

    /** 2022-23's Figure 2 (four biennia, portrait) and the workbook-sized ones draw their rows as annex.css has them. */
    @org.junit.jupiter.api.Test
    void twentyTwentyTwosChartIsDrawnAsBefore() {
        ComputedPublication pub = Publication.compute(Golden.input(), new Biennium(2022));
        Table f2 = pub.tables().get("f2");
        for (Language lang : Language.values()) {
            ChartView.PdfBars bars = ChartView.of(f2.charts().get(0), f2.caveat(), lang).pdfBars(f2.wide());
            assertEquals(null, bars.line());
            assertEquals("", bars.bar());
            assertEquals(null, bars.value());
        }
    }

    private static PublicationInfo info(ComputedPublication pub) {
        return new PublicationInfo(pub.reference().texts().get("publication.title"),
                pub.reference().texts().get("publication.source"), "test", "test-run", "2026-01-01T00:00:00Z", "test",
                List.of(), Text.EMPTY, Text.EMPTY, List.of());
    }

    private static List<String> pages(Path pdf) throws IOException {
        List<String> pages = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                PDFTextStripper s = new PDFTextStripper();
                s.setStartPage(p);
                s.setEndPage(p);
                pages.add(s.getText(doc));
            }
        }
        return pages;
    }

    /** The last page whose text has the given text, lines and spaces aside; -1 where none has. */
    private static int indexOf(List<String> pages, String text) {
        for (int p = pages.size() - 1; p >= 0; p--) {
            if (squeeze(pages.get(p)).contains(squeeze(text))) {
                return p;
            }
        }
        return -1;
    }

    private static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }
}
