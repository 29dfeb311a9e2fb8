package org.pbannex.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
import org.pbannex.render.xlsx.XlsxWorkbookWriter;
import org.pbannex.table.Column;
import org.pbannex.table.Language;
import org.pbannex.table.Table;
import org.pbannex.table.Text;

/**
 * Figure 2 over six to fourteen biennia (2016-17 to 2026-27, ..., to 2042-43, each later biennium prepared from a copy
 * of 2022-23 as README says), in the PDF as written and read back: its chart, on landscape pages, is on one page
 * whole, its legend with every bar (over eight biennia, and again over twelve, it ran onto a second page, where nothing
 * said which colour was which biennium). Where it fits as designed (2022-23's four biennia, six) its rows are drawn as
 * before. Every biennium has a colour of its own in every edition's chart (over nine, the palette's came round again),
 * and in the HTML edition the legend is in sight with the bars.
 */
class FigureTwoOverManyBienniaTest {

    @TempDir
    static Path tmp;
    static Path input;

    @BeforeAll
    static void buildTree() throws IOException {
        input = TestInputs.withBienniaUpTo(tmp.resolve("input"), 2042);
    }

    /**
     * @param columns how many columns of regions the chart is laid out in (side by side where one is too tall)
     * @param closer  whether its rows are drawn closer together than annex.css has them
     */
    @ParameterizedTest
    @CsvSource({"2026, 6, 1, false, zh", "2026, 6, 1, false, en", "2030, 8, 1, true, zh", "2030, 8, 1, true, en",
            "2032, 9, 2, false, zh", "2032, 9, 2, false, en", "2038, 12, 2, false, zh", "2038, 12, 2, false, en",
            "2042, 14, 2, true, zh", "2042, 14, 2, true, en"})
    void theChartIsWholeOnOnePageWithItsLegend(int year, int biennia, int columns, boolean closer, String language)
            throws IOException {
        Language lang = Language.valueOf(language.toUpperCase());
        ComputedPublication pub = Publication.compute(input, new Biennium(year));
        Table f2 = pub.tables().get("f2");
        assertEquals(biennia, f2.columns().size());
        assertTrue(f2.wide(), "more than five biennia print on landscape pages");
        ChartView chart = ChartView.of(f2.charts().get(0), f2.caveat(), lang);
        assertEquals(closer, chart.pdfBars(true).line() != null, "rows closer together only where they must be");
        assertEquals(columns, chart.pdfBars(true).columns(), "regions side by side only where one column is too tall");

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
        // Each legend entry, its swatch (a square glyph) and its name, on one line: over twelve biennia a line broke
        // between a swatch and its name, so a reader read the colour at a line's end with no name beside it.
        List<List<TextPosition>> entries = legendEntries(pdf, first);
        assertEquals(chart.legend().stream().map(k -> squeeze(k.name())).toList(),
                entries.stream().map(e -> squeeze(e.stream().skip(1).map(TextPosition::getUnicode).collect(Collectors.joining()))).toList(),
                "the legend as printed, swatch by swatch");
        for (List<TextPosition> entry : entries) {
            float baseline = entry.get(0).getYDirAdj();
            String text = entry.stream().map(TextPosition::getUnicode).collect(Collectors.joining());
            assertTrue(entry.stream().allMatch(g -> Math.abs(g.getYDirAdj() - baseline) < 2), language + ", " + biennia
                    + " biennia: the entry '" + text + "' breaks across lines");
            assertTrue(entry.get(entry.size() - 1).getXDirAdj() > entry.get(0).getXDirAdj(), text + ": its name after its swatch");
            assertTrue(entry.stream().allMatch(g -> g.getXDirAdj() >= 0 && g.getXDirAdj() + g.getWidthDirAdj() <= g.getPageWidth()),
                    text + ": on the page, not cut at its edge");
        }
    }

    /**
     * The table's biennium headings in the PDF, over six to fourteen biennia: each year range on one line, never broken
     * at its hyphen or anywhere else (over fourteen, in columns of 5.7% of the page, "2016-2017 *" was broken where the
     * column ended, "2016-20 / 17 *"); where a range and its marker do not fit one line, the marker goes below it.
     */
    @ParameterizedTest
    @CsvSource({"2026, zh", "2026, en", "2032, zh", "2032, en", "2042, zh", "2042, en"})
    void eachBienniumsYearsAreOnOneLineInThePdfTable(int year, String language) throws IOException {
        Language lang = Language.valueOf(language.toUpperCase());
        ComputedPublication pub = Publication.compute(input, new Biennium(year));
        Table f2 = pub.tables().get("f2");
        Path pdf = tmp.resolve("f2-headings-" + year + "." + language + ".pdf");
        PdfDocumentWriter.write(List.of(f2), lang, info(pub), new Wording(pub.reference().texts()::get),
                Golden.home().resolve("work/fonts"), pdf);
        String first = f2.rows().get(0).label().in(lang);
        String table = pages(pdf).stream().skip(2).filter(p -> p.contains(first)).findFirst().orElseThrow();
        for (Column c : f2.columns()) {
            String years = org.pbannex.table.NoteMarker.strip(c.heading().in(lang));
            assertTrue(table.contains(years), language + ", " + f2.columns().size() + " biennia: " + years + " on one line: " + table);
        }
        assertTrue(!Pattern.compile("\\d[-\u2013]\\R").matcher(table).find(), "a line ending in a range's hyphen: " + table);
    }

    /**
     * The legend of the chart on a page (0-based) as printed: per swatch glyph (U+25A0), it and the glyphs of the name
     * that follows it, up to the next swatch or the end of the line of the last (the bars' first region follows).
     */
    private static List<List<TextPosition>> legendEntries(Path pdf, int page) throws IOException {
        List<TextPosition> glyphs = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper s = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition text) {
                    glyphs.add(text);
                }
            };
            s.setStartPage(page + 1);
            s.setEndPage(page + 1);
            s.getText(doc);
        }
        List<List<TextPosition>> entries = new ArrayList<>();
        for (TextPosition g : glyphs) {
            if (g.getUnicode().equals("\u25a0")) {
                entries.add(new ArrayList<>(List.of(g)));
            } else if (!entries.isEmpty() && !g.getUnicode().isBlank()) {
                entries.get(entries.size() - 1).add(g);
            }
        }
        // The last entry's name ends where its line does: what follows (the bars) is no part of it.
        List<TextPosition> last = entries.get(entries.size() - 1);
        float y = last.size() > 1 ? last.get(1).getYDirAdj() : last.get(0).getYDirAdj();
        int end = 1;
        while (end < last.size() && Math.abs(last.get(end).getYDirAdj() - y) < 2) {
            end++;
        }
        last.subList(end, last.size()).clear();
        return entries;
    }

    /**
     * Over eight biennia, 2016-17 to 2022-23 from the synthetic sample and 2024-25 on from real lines, each mark (*, **,
     * ***) has two notes, one on real and one on synthetic lines: in the workbook as written and read back, each
     * biennium's heading points to its own ("[note N]" on the Notes sheet: its mark, and synthetic lines' status only
     * for a synthetic biennium), not every one to the first with its mark.
     */
    @ParameterizedTest
    @CsvSource({"zh", "en"})
    void eachBienniumsHeadingInTheWorkbookPointsToItsOwnNote(String language) throws Exception {
        Language lang = Language.valueOf(language.toUpperCase());
        ComputedPublication pub = Publication.compute(input, new Biennium(2030));
        Table f2 = pub.tables().get("f2");
        Set<String> synthetic = new HashSet<>();
        f2.tidy().lines().stream().filter(l -> l.value("synthetic", Language.EN).equals("true"))
                .forEach(l -> synthetic.add(l.value("biennium", Language.EN)));
        assertEquals(Set.of("2016-17", "2018-19", "2020-21", "2022-23"), synthetic);
        String syntheticWords = lang == Language.ZH ? "合成" : "Synthetic"; // in f2.note.synthetic.*, not in f2.note.*
        Path xlsx = tmp.resolve("f2-notes." + language + ".xlsx");
        XlsxWorkbookWriter.write(List.of(f2), lang, info(pub), new Wording(pub.reference().texts()::get), xlsx);
        try (XSSFWorkbook wb = new XSSFWorkbook(xlsx.toFile())) {
            Map<String, List<String>> notes = new HashMap<>();
            XSSFSheet notesSheet = wb.getSheetAt(2);
            for (Row r : notesSheet) {
                if (r.getCell(0) != null && r.getCell(0).toString().startsWith("[")) {
                    notes.put(r.getCell(0).toString(), List.of(r.getCell(2).toString(), r.getCell(3).toString()));
                }
            }
            XSSFTable table = null;
            for (Sheet sh : wb) {
                for (XSSFTable tb : ((XSSFSheet) sh).getTables()) {
                    table = tb.getName().equals("Table_f2") ? tb : table;
                }
            }
            Row header = table.getXSSFSheet().getRow(table.getStartRowIndex());
            Map<String, String> pointed = new LinkedHashMap<>();
            for (int i = 0; i < f2.columns().size(); i++) {
                String heading = header.getCell(i + 1).getStringCellValue();
                Matcher m = Pattern.compile("\\[[^\\]]*\\d+\\]$").matcher(heading);
                assertTrue(m.find(), heading);
                List<String> note = notes.get(m.group());
                String key = f2.columns().get(i).key();
                String mark = f2.columns().get(i).heading().en().replaceAll(".* ", "");
                assertEquals(mark, note.get(0), heading + " points to " + note);
                assertEquals(synthetic.contains(key), note.get(1).contains(syntheticWords), heading + " points to " + note);
                pointed.put(key, m.group());
            }
            // Six notes, one per mark and kind of lines: 2016-17's (synthetic, *) is not 2024-25's (real, *).
            assertEquals(6, new HashSet<>(pointed.values()).size(), pointed.toString());
        }
    }

    /**
     * Over fourteen biennia three are partly actual (**) from synthetic lines (2020-21) and two from real ones (2028-29,
     * 2036-37): the note on ** names the years of each, not only of the first, and a date up to which one is actual
     * where expenditure_as_of.csv gives one (here for 2036-37 alone), in both editions; the columns point to it.
     */
    @org.junit.jupiter.api.Test
    void theNoteOnPartlyActualBienniaNamesEachOne() throws IOException {
        Path dated = TestInputs.withBienniaUpTo(tmp.resolve("input-dated"), 2042);
        java.nio.file.Files.writeString(dated.resolve("2042-43/expenditure_as_of.csv"), "biennium,as_of\n2036-37,2037-01-05\n");
        // No document of 2042-43 would date 2036-37's actuals (the lines moved on make it partly actual): its descriptor
        // allows the date, five years before the biennium, where the bundled one allows two.
        TestInputs.edit(dated.resolve("datapackage.json"), s -> s.replaceFirst(
                "(?s)(?<field>\"name\": \"as_of\".*?\"pbYearsBeforeBiennium\": )2", "${field}6"));
        Table f2 = Publication.compute(dated, new Biennium(2042)).tables().get("f2");
        Text note = f2.footnotes().get(0);
        // (The synthetic lines' ** has a mark of its own, as every note beside another with its status: tester 76a.)
        assertTrue(note.en().contains("§ Synthetic lines with the status actual for 2020 and estimate for 2021. "), note.en());
        assertTrue(note.en().contains("** Actual expenditure for 2028 and 2036 as at 5 January 2037, and estimated expenditure "
                + "for 2029 and 2037. "), note.en());
        assertTrue(note.zh().contains("** 2028 年 和 截至 2037 年 1 月 5 日 的 2036 年的实际支出，以及 2029 和 2037 年的估计支出。"), note.zh());
        for (String code : List.of("2028-29", "2036-37")) {
            Column c = f2.columns().stream().filter(k -> k.key().equals(code)).findFirst().orElseThrow();
            assertTrue(c.note().en().contains("2028 and 2036"), code + " points to " + c.note());
        }

        Table undated = Publication.compute(input, new Biennium(2042)).tables().get("f2");
        assertTrue(undated.footnotes().get(0).en().contains("** Actual expenditure for 2028 and 2036, and estimated expenditure "
                + "for 2029 and 2037."), undated.footnotes().get(0).en());
        assertTrue(undated.footnotes().get(0).zh().contains("** 2028 年 和 2036 年的实际支出，以及 2029 和 2037 年的估计支出。"),
                undated.footnotes().get(0).zh());
    }

    /**
     * Over fourteen biennia every biennium's bars have a colour of their own, in the workbook's chart (its series' fills
     * as written) and in the HTML edition's SVG (its bars' fills and its legend's swatches), as in the PDF's (the same
     * ChartView colours); the first eight are the palette's, as 2022-23's charts have them.
     */
    @ParameterizedTest
    @CsvSource({"zh", "en"})
    void everyBienniumHasAColourOfItsOwn(String language) throws Exception {
        Language lang = Language.valueOf(language.toUpperCase());
        ComputedPublication pub = Publication.compute(input, new Biennium(2042));
        Table f2 = pub.tables().get("f2");
        assertEquals(14, f2.charts().get(0).series().size());
        ChartView chart = ChartView.of(f2.charts().get(0), f2.caveat(), lang);
        List<String> legend = chart.legend().stream().map(ChartView.Key::color).toList();
        assertEquals(14, new HashSet<>(legend).size(), "the PDF's and the HTML edition's legend: " + legend);
        ComputedPublication twentyTwentyTwo = Publication.compute(Golden.input(), new Biennium(2022));
        Table f2Then = twentyTwentyTwo.tables().get("f2");
        assertEquals(ChartView.of(f2Then.charts().get(0), f2Then.caveat(), lang).legend().stream().map(ChartView.Key::color).toList(),
                legend.subList(0, 4), "2022-23's colours first");

        Path html = tmp.resolve("f2-colours." + language + ".html");
        org.pbannex.render.html.HtmlEditionWriter.write(List.of(f2), lang, info(pub), new Wording(pub.reference().texts()::get), html);
        String svg = java.nio.file.Files.readString(html);
        svg = svg.substring(svg.indexOf("<svg"), svg.indexOf("</svg>"));
        Map<String, Set<String>> seriesByFill = new LinkedHashMap<>();
        Matcher bar = Pattern.compile("<rect x=\"[^\"]*\" y=\"[^\"]*\" width=\"[^\"]*\" height=\"[^\"]*\" fill=\"(#[0-9a-f]{6})\"")
                .matcher(svg);
        int i = 0;
        while (bar.find()) {
            // The bars come region by region, a bar per biennium that has a figure (all have, here).
            seriesByFill.computeIfAbsent(bar.group(1), k -> new HashSet<>()).add(Integer.toString(i++ % 14));
        }
        assertEquals(14 * chart.bars().size(), i, "a bar per region and biennium");
        assertEquals(14, seriesByFill.size(), "the HTML edition's bars: " + seriesByFill);
        assertTrue(seriesByFill.values().stream().allMatch(v -> v.size() == 1), "one colour, one biennium: " + seriesByFill);
        String page = java.nio.file.Files.readString(html);
        Matcher swatch = Pattern.compile("class=\"swatch\" aria-hidden=\"true\" style=\"color: (#[0-9a-f]{6})\"").matcher(page);
        List<String> swatches = new ArrayList<>();
        while (swatch.find()) {
            swatches.add(swatch.group(1));
        }
        assertEquals(legend, swatches, "the HTML edition's legend");

        Path xlsx = tmp.resolve("f2-colours." + language + ".xlsx");
        XlsxWorkbookWriter.write(List.of(f2), lang, info(pub), new Wording(pub.reference().texts()::get), xlsx);
        try (XSSFWorkbook wb = new XSSFWorkbook(xlsx.toFile())) {
            List<String> fills = new ArrayList<>();
            for (Sheet sheet : wb) {
                var drawing = ((XSSFSheet) sheet).getDrawingPatriarch();
                for (var c : drawing == null ? List.<org.apache.poi.xssf.usermodel.XSSFChart>of() : drawing.getCharts()) {
                    for (var ser : c.getCTChart().getPlotArea().getBarChartArray(0).getSerList()) {
                        fills.add(java.util.HexFormat.of().formatHex(ser.getSpPr().getSolidFill().getSrgbClr().getVal()));
                    }
                }
            }
            assertEquals(14, fills.size(), "a series per biennium: " + fills);
            assertEquals(14, new HashSet<>(fills).size(), "the workbook's chart: " + fills);
        }
    }

    /**
     * In the HTML edition on a desktop screen (1280 by 800 CSS pixels), Figure 2's chart over fourteen biennia is
     * taller than the screen: its legend is in sight with the first bars (above them, not under the last), and still
     * with the last ones when the reader has scrolled down to them.
     */
    @ParameterizedTest
    @CsvSource({"zh", "en"})
    void theHtmlLegendIsInSightWithTheBars(String language) throws Exception {
        Language lang = Language.valueOf(language.toUpperCase());
        ComputedPublication pub = Publication.compute(input, new Biennium(2042));
        Path html = tmp.resolve("f2-legend." + language + ".html");
        org.pbannex.render.html.HtmlEditionWriter.write(List.of(pub.tables().get("f2")), lang, info(pub),
                new Wording(pub.reference().texts()::get), html);
        try (org.pbannex.HeadlessChromium browser = org.pbannex.HeadlessChromium.open()) {
            browser.send("Emulation.setDeviceMetricsOverride", Map.of("width", 1280, "height", 800, "deviceScaleFactor", 1,
                    "mobile", false));
            browser.load(html.toUri().toString());
            String chart = "document.querySelector('figure.chart-bar')";
            assertTrue(browser.evaluate(chart + ".querySelector('svg').getBoundingClientRect().height").asDouble() > 800,
                    "the chart is taller than the screen");
            // Scrolled to the chart's top, then to its last bars: the legend is on the screen both times.
            String legendInSight = "(() => { const r = " + chart + ".querySelector('ul.legend').getBoundingClientRect();"
                    + " return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0; })()";
            browser.evaluate(chart + ".querySelector('figcaption').scrollIntoView({block: 'start'})");
            assertTrue(browser.evaluate(legendInSight).asBoolean(), language + ": the legend with the first bars");
            browser.evaluate(chart + ".querySelector('svg').scrollIntoView({block: 'end'})");
            assertTrue(browser.evaluate(chart + ".querySelector('svg').getBoundingClientRect().top").asDouble() < 0,
                    "scrolled past the first bars");
            assertTrue(browser.evaluate(legendInSight).asBoolean(), language + ": the legend with the last bars");
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
