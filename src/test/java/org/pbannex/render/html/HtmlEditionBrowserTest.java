package org.pbannex.render.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pbannex.Golden;
import org.pbannex.HeadlessChromium;
import org.pbannex.TestInputs;
import org.pbannex.publication.ComputedPublication;
import org.pbannex.publication.Publication;
import org.pbannex.render.PublicationInfo;
import org.pbannex.render.markup.Wording;
import org.pbannex.table.Language;
import org.pbannex.table.Table;
import org.pbannex.table.Text;

/**
 * The HTML edition in a real browser: Debian's Chromium loads each language's file, the page makes no request but
 * for itself, a screenshot is kept (target/screenshots/html-edition.LANG.png, to look at), and axe-core runs in the
 * page with every rule: no violation, whatever its impact. Chromium comes from Debian, axe-core from npm
 * (scripts/fetch-axe.sh); .ci/run installs both, and in CI their absence fails the test.
 */
class HtmlEditionBrowserTest {

    static final Path SCREENSHOTS = Golden.home().resolve("target/screenshots");

    @TempDir
    static Path dir;
    static List<Table> tables;

    @BeforeAll
    static void write() throws IOException {
        ComputedPublication pub = Publication.compute(Golden.input(), Publication.biennium(Golden.input(), null));
        tables = List.copyOf(pub.tables().values());
        for (Language lang : Language.values()) {
            HtmlEditionWriter.write(tables, lang, info(pub), new Wording(pub.reference().texts()::get),
                    dir.resolve("pb-annexes-2022-23." + lang.code() + ".html"));
        }
    }

    private static PublicationInfo info(ComputedPublication pub) {
        return new PublicationInfo(pub.reference().texts().get("publication.title"),
                pub.reference().texts().get("publication.source"), "2022-23", "test-run", "2026-01-01T00:00:00Z", "test",
                // As a run's: a file in a biennium's folder, one of synthetic data with thousands of rows, an expenditure
                // file that the run's checksum covers.
                List.of(new PublicationInfo.InputFile("reference/texts.csv", "0".repeat(64), 1, false),
                        new PublicationInfo.InputFile("input/2022-23/supplementary_authorizations.csv", "1".repeat(64), 20000, true),
                        new PublicationInfo.InputFile("input/expenditure/synthetic-2016-2023.csv", "", 5097, true)),
                Text.EMPTY, Text.EMPTY, pub.reference().texts().numbered("publication.note."));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void chromiumLoadsItWithoutNetworkAndAxeFindsNoViolation(Language lang) throws Exception {
        Path page = edition(lang);
        try (HeadlessChromium browser = HeadlessChromium.open()) {
            List<String> requests = browser.load(page.toUri().toString());
            assertEquals(List.of(page.toUri().toString()), requests, "the page requests nothing but itself");
            assertEquals(tables.size(), browser.evaluate("document.querySelectorAll('main table.data').length").asInt());

            Files.createDirectories(SCREENSHOTS);
            browser.screenshot(SCREENSHOTS.resolve("html-edition." + lang.code() + ".png"), 4000);

            List<String> violations = browser.axeViolations("the " + lang.code() + " HTML edition");
            assertEquals(List.of(), violations, lang + ": accessibility violations");
        }
    }

    /**
     * On a desktop screen (1280 CSS pixels wide) a chart's labels (categories, figures) are drawn at 13 px or more, about
     * the size of the tables' text (they were 11 px, hard to read), and none is cut off at the chart's edges.
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void onADesktopScreenTheChartsLabelsAreReadable(Language lang) throws Exception {
        try (HeadlessChromium browser = inAWindow(lang, 1280, 2000, false, "screen")) {
            int labels = browser.evaluate("document.querySelectorAll('figure.chart svg text').length").asInt();
            assertTrue(labels > 20, lang + ": " + labels + " chart labels");
            // The drawn size: the text's font size in SVG units times the units' scale on the screen.
            double smallest = browser.evaluate("Math.min(...[...document.querySelectorAll('figure.chart svg text')]"
                    + ".filter(t => t.getClientRects().length).map(t => {"
                    + " const svg = t.ownerSVGElement; const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;"
                    + " return parseFloat(getComputedStyle(t).fontSize) * scale; }))").asDouble();
            double table = browser.evaluate("parseFloat(getComputedStyle(document.querySelector('main table.data')).fontSize)").asDouble();
            assertTrue(smallest >= 13 && smallest >= 0.85 * table, lang + ": chart labels drawn at " + smallest
                    + " px beside the tables' " + table + " px");
            assertEquals(List.of(), labelsOverTheEdge(browser), lang + ": a chart label runs over its chart's edge");
        }
    }

    /**
     * A region's name much longer than the bundled ones (about 60 characters, in a temporary regions.csv) stays inside
     * its chart at 1280 CSS pixels: the names are right-aligned to the bars' axis, and such a name ran off the chart's
     * left edge. The bars keep their axis: the name wraps over lines instead, each a line apart, none over another label.
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void aLongRegionNameStaysInsideItsChart(Language lang) throws Exception {
        Path input = TestInputs.copyOfBundledInput(dir.resolve("long-region-" + lang.code()).resolve("input"));
        String zh = "阿拉伯国家、北部非洲、海湾合作委员会成员国以及由贝鲁特区域办事处负责的其他国家和领土";
        String en = "Arab States, North Africa and the Gulf Cooperation Council area";
        // (the target texts' name for the region kept, as the results framework's texts still use it)
        TestInputs.edit(input.resolve("reference/regions.csv"), s -> s.replace("AS,阿拉伯国家,Arab States,阿拉伯国家,Arab States,true,,",
                "AS," + zh + ",\"" + en + "\"," + zh + ",\"" + en + "\",true,阿拉伯国家,Arab States"));
        ComputedPublication pub = Publication.compute(input, Publication.biennium(input, null));
        Path page = input.resolveSibling("pb-annexes-2022-23." + lang.code() + ".html");
        HtmlEditionWriter.write(List.copyOf(pub.tables().values()), lang, info(pub), new Wording(pub.reference().texts()::get), page);
        HeadlessChromium.executable();
        try (HeadlessChromium browser = HeadlessChromium.open()) {
            browser.send("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", 1280, "height", 2000,
                    "deviceScaleFactor", 1, "mobile", false));
            browser.load(page.toUri().toString());
            String name = lang == Language.ZH ? zh : en;
            assertTrue(browser.evaluate("[...document.querySelectorAll('#f2-regions-caption ~ .chart-body svg text')]"
                    + ".some(t => t.textContent.replace(/\\s+/g, '') === '" + name.replace(" ", "") + "')").asBoolean(),
                    lang + ": Figure 2's chart names the region");
            assertEquals(List.of(), labelsOverTheEdge(browser), lang + ": a chart label runs over its chart's edge");
            // No two labels' boxes overlap: a name's lines keep clear of the next region's.
            assertEquals(0, browser.evaluate("""
                    (() => { const boxes = [...document.querySelectorAll('figure.chart svg text')].map(t => t.getBoundingClientRect());
                      let n = 0;
                      for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
                        const a = boxes[i], b = boxes[j];
                        if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) n++;
                      }
                      return n; })()""").asInt(), lang + ": chart labels overlap");
        }
    }

    /**
     * Printed on A4 by Chromium's print to PDF (the page's print style sheet), every bar chart is whole: the PDF's text,
     * read back by poppler's pdftotext in the order it is drawn, has each chart's labels after its caption, the figure at
     * the end of every bar included. Printed, a chart kept its screen width (48rem, wider than A4's 180 mm) in a box
     * that scrolled: the longest bars ran into the page's edge and their figures were not printed (Figure 2's 86.1,
     * 87.6, 92.4, ...; tester 76b), with a scroll bar under the chart.
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void printedOnA4EveryBarChartIsWhole(Language lang) throws Exception {
        Path pdf = dir.resolve("printed." + lang.code() + ".pdf");
        tools.jackson.databind.JsonNode charts;
        try (HeadlessChromium browser = HeadlessChromium.open()) {
            browser.load(edition(lang).toUri().toString());
            charts = browser.evaluate("[...document.querySelectorAll('figure.chart-bar')].map(f => ({"
                    + " id: f.querySelector('figcaption').id, title: f.querySelector('figcaption').textContent,"
                    + " labels: [...f.querySelectorAll('svg.wide text')].map(t => t.textContent)}))");
            browser.printToPdf(pdf);
        }
        String text = squash(org.pbannex.TestWorkbooks.program(dir, "pdftotext", "-raw", "-enc", "UTF-8", pdf.toString(), "-"));
        assertTrue(charts.size() >= 5, lang + ": bar charts: " + charts.size());
        List<String> ids = new java.util.ArrayList<>();
        charts.forEach(c -> ids.add(c.path("id").asString()));
        assertTrue(ids.contains("f2-regions-caption"), lang + ": Figure 2's chart among " + ids);
        for (var chart : charts) {
            String title = squash(chart.path("title").asString());
            int at = text.indexOf(title);
            assertTrue(at >= 0, lang + ": the chart '" + chart.path("title").asString() + "' is printed");
            at += title.length();
            List<String> missing = new java.util.ArrayList<>();
            int labels = 0;
            for (var label : chart.path("labels")) {
                String l = squash(label.asString());
                int found = text.indexOf(l, at);
                // Each label where the chart is printed (its labels drawn one after another), not further down the page.
                if (found < 0 || found - at > 40) {
                    missing.add(label.asString());
                } else {
                    at = found + l.length();
                }
                labels++;
            }
            assertTrue(labels >= 10, lang + ": labels of '" + chart.path("title").asString() + "': " + labels);
            assertEquals(List.of(), missing, lang + ": labels of the chart '" + chart.path("title").asString()
                    + "' missing from the printed page");
        }
    }

    /**
     * A column with a marked figure (Table 2's 43.1 †): its other figures end where the marked figure ends, an unseen
     * marker's width after each; and that unseen marker is no text. Without the style sheet (a text browser, a mail
     * client that strips the style element) only the marked figure shows its marker: the unseen one was a † of the
     * text, shown after every other figure of the column as if each differed from the print (tester 76b, M2).
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void theMarkersRoomBesideOtherFiguresIsNoText(Language lang) throws Exception {
        try (HeadlessChromium browser = HeadlessChromium.open()) {
            browser.load(edition(lang).toUri().toString());
            // Each column of a table that has a marked figure: its figure cells.
            String columns = """
                    [...document.querySelectorAll('main table.data td.num sup.note-ref:not(.pad)')].map(s => s.closest('td')).map(td =>
                      [...td.closest('table').querySelectorAll('td.num[data-column="' + td.dataset.column + '"]')]
                        .filter(c => c.firstChild && c.firstChild.nodeType === Node.TEXT_NODE && c.firstChild.data.trim()))""";
            // With the style sheet, where each figure's own digits end (its first text), rounded to a pixel.
            String ends = browser.evaluate("JSON.stringify((" + columns + ").map(cells => new Set(cells.map(c => {"
                    + " const r = document.createRange(); r.selectNodeContents(c.firstChild);"
                    + " return Math.round(r.getBoundingClientRect().right); })).size))").asString();
            assertTrue(ends.matches("\\[1(,1)*]"), lang + ": the distinct right ends of each marked column's figures: " + ends);
            int padded = browser.evaluate("document.querySelectorAll('main table.data sup.note-ref.pad').length").asInt();
            assertTrue(padded >= 9, lang + ": figures beside a marked one: " + padded);
            // Without it: the text each cell shows, marker and all.
            browser.evaluate("document.querySelectorAll('style').forEach(s => s.remove()); true");
            String shown = browser.evaluate("JSON.stringify((" + columns + ").map(cells => cells.filter(c =>"
                    + " c.innerText.includes('†') || /\\S/.test([...c.querySelectorAll('sup.note-ref.pad')].map(s => s.innerText).join('')))"
                    + ".map(c => c.innerText.replace(/\\s+/g, ' ').trim())))").asString();
            assertEquals("[[\"43.1†\"]]", shown,
                    lang + ": the figures that show a marker without the style sheet");
        }
    }

    private static String squash(String s) {
        return s.replaceAll("\\s+", "");
    }

    /**
     * On a 320-px screen every chart fits the page and shows every figure (tester 78b, 16: Figure 2's chart kept its
     * 860 units in a box that scrolled, every figure out of sight): no chart is wider than the page, every label of a
     * shown chart is inside the screen, drawn at 12 px or more, and no two labels overlap; each pie has a number beside
     * every slice, one each, the legend's numbers (tester 78b, 10: slices told apart by colour alone). No chart is a
     * focusable region: none scrolls (tester 78b, 12). The same at 1280 px, the desktop's drawing.
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void onASmallPhoneEveryChartFitsWithItsFiguresAndEachSliceItsNumber(Language lang) throws Exception {
        for (int width : new int[] {320, 1280}) {
            try (HeadlessChromium browser = inAWindow(lang, width, 2000, width < 1000, "screen")) {
                String at = lang + " at " + width + " px: ";
                Files.createDirectories(SCREENSHOTS);
                browser.evaluate("document.querySelector('#f2-regions-caption').scrollIntoView()");
                browser.screenshot(SCREENSHOTS.resolve("f2-chart." + lang.code() + "." + width + ".png"), 2000);
                assertEquals(width, browser.evaluate("document.documentElement.scrollWidth").asInt(), at + "the page's width");
                var out = browser.evaluate("""
                        (() => {
                          const shown = e => e.getClientRects().length > 0;
                          const out = { charts: 0, labels: 0, smallest: 1e9, outside: [], overlaps: [], pies: [], regions: 0 };
                          for (const f of document.querySelectorAll('figure.chart')) {
                            out.charts++;
                            if (f.querySelector('[tabindex], [role=region]')) out.regions++;
                            const svgs = [...f.querySelectorAll('svg')].filter(shown);
                            if (svgs.length !== 1) out.outside.push(f.id + ': ' + svgs.length + ' drawings shown');
                            for (const svg of svgs) {
                              const s = svg.getBoundingClientRect();
                              if (s.right > document.documentElement.clientWidth + 0.5) out.outside.push('chart ' + s.right);
                              const texts = [...svg.querySelectorAll('text')];
                              const boxes = texts.map(t => t.getBoundingClientRect());
                              texts.forEach((t, i) => {
                                out.labels++;
                                const b = boxes[i];
                                out.smallest = Math.min(out.smallest, parseFloat(getComputedStyle(t).fontSize) * s.width / svg.viewBox.baseVal.width);
                                if (b.left < -0.5 || b.right > document.documentElement.clientWidth + 0.5) out.outside.push(t.textContent);
                                for (let j = 0; j < i; j++) {
                                  const a = boxes[j];
                                  if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5)
                                    out.overlaps.push(texts[j].textContent + ' / ' + t.textContent);
                                }
                              });
                              if (f.classList.contains('chart-pie')) {
                                out.pies.push({ slices: svg.querySelectorAll('path').length,
                                  leaders: svg.querySelectorAll('polyline.leader').length,
                                  numbers: texts.map(t => t.textContent).sort().join(' '),
                                  legend: [...f.querySelectorAll('ul.legend .key')].map(k => k.textContent).sort().join(' ') });
                              }
                            }
                          }
                          return out; })()""");
                assertTrue(out.path("charts").asInt() >= 7 && out.path("labels").asInt() > 40, at + out);
                assertEquals("[]", out.path("outside").toString(), at + "a chart or a label outside the screen");
                assertEquals("[]", out.path("overlaps").toString(), at + "chart labels overlap");
                assertTrue(out.path("smallest").asDouble() >= 12, at + "chart labels drawn at " + out.path("smallest"));
                assertEquals(0, out.path("regions").asInt(), at + "charts that are focusable regions, which do not scroll");
                assertEquals(2, out.path("pies").size(), at + out.path("pies"));
                for (var pie : out.path("pies")) {
                    int slices = pie.path("slices").asInt();
                    String numbers = String.join(" ", java.util.stream.IntStream.rangeClosed(1, slices).mapToObj(Integer::toString)
                            .sorted().toList());
                    assertEquals(numbers, pie.path("numbers").asString(), at + "a number beside each slice: " + pie);
                    assertEquals(numbers, pie.path("legend").asString(), at + "the legend's numbers: " + pie);
                    assertEquals(slices, pie.path("leaders").asInt(), at + "a leader line to each slice: " + pie);
                }
            }
        }
    }

    /**
     * A bar's figure stands clear of the axis, on a desktop screen and on a phone, as Chromium draws it: rt's
     * "Frameworks" bar of 0 for Europe and Central Asia had its "0" against the axis line, read "|0" (tester 76b, M8).
     * Every figure's box starts at least 10 SVG units (a bar's height less its gap) past the axis's line.
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void aBarsFigureStandsClearOfTheAxis(Language lang) throws Exception {
        for (int width : new int[] {1280, 390}) {
            try (HeadlessChromium browser = inAWindow(lang, width, 2000, width < 800, "screen")) {
                var figures = browser.evaluate("""
                        [...document.querySelectorAll('figure.chart svg')].filter(svg => svg.getClientRects().length
                            && svg.querySelector('.axis')).flatMap(svg => {
                          const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
                          const axes = [...svg.querySelectorAll('.axis')].map(a => a.getBoundingClientRect());
                          return [...svg.querySelectorAll('text')].filter(t => /^[-\u20130-9.,\u00a0 ]+$/.test(t.textContent.trim()))
                            .map(t => { const b = t.getBoundingClientRect();
                              const axis = axes.find(a => b.top < a.bottom && b.bottom > a.top) || axes[0];
                              return {figure: t.textContent, chart: svg.querySelector('title').textContent,
                                      gap: (b.left - axis.right) / scale}; });
                        })""");
                assertTrue(figures.size() > 20, lang + " at " + width + " px: figures beside bars: " + figures.size());
                List<String> against = new java.util.ArrayList<>();
                int zeros = 0;
                for (var f : figures) {
                    zeros += f.path("figure").asString().equals("0") ? 1 : 0;
                    if (f.path("gap").asDouble() < 10) {
                        against.add(f.path("chart").asString() + ": " + f.path("figure").asString() + " "
                                + Math.round(f.path("gap").asDouble() * 10) / 10.0 + " units past the axis");
                    }
                }
                assertTrue(zeros > 0, lang + " at " + width + " px: rt's bar of 0 is among them");
                assertEquals(List.of(), against, lang + " at " + width + " px: figures against the axis");
            }
        }
    }

    /** The text of each chart label whose box is not inside its chart's (half a pixel allowed). */
    private static List<String> labelsOverTheEdge(HeadlessChromium browser) throws Exception {
        List<String> over = new java.util.ArrayList<>();
        browser.evaluate("[...document.querySelectorAll('figure.chart svg text')].filter(t => {"
                + " const b = t.getBoundingClientRect(), s = t.ownerSVGElement.getBoundingClientRect();"
                + " return b.left < s.left - 0.5 || b.right > s.right + 0.5 || b.top < s.top - 0.5 || b.bottom > s.bottom + 0.5; })"
                + ".map(t => t.textContent)").forEach(t -> over.add(t.asString()));
        return over;
    }

    /**
     * On a phone (390 CSS pixels): the page does not scroll sideways (the hidden text of an empty cell once widened it
     * to 641 px), a wide table scrolls in its own box with its row labels at least a few words wide (Chinese labels
     * were squeezed to a character a line), the contents are one column, and a cell of several entries keeps its line
     * breaks.
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void onAPhoneThePageFitsAndTablesScrollInTheirBoxes(Language lang) throws Exception {
        try (HeadlessChromium browser = onAPhone(lang)) {
            assertEquals(390, browser.evaluate("document.documentElement.scrollWidth").asInt(), "the page's width");
            double narrowest = browser.evaluate("Math.min(...[...document.querySelectorAll('main table.data tbody th.label')]"
                    + ".map(e => e.getBoundingClientRect().width))").asDouble();
            double em = browser.evaluate("parseFloat(getComputedStyle(document.querySelector('main table.data')).fontSize)").asDouble();
            assertTrue(narrowest >= 6.5 * em, lang + ": the narrowest row label is " + narrowest + " px");
            assertTrue(browser.evaluate("[...document.querySelectorAll('.table-scroll')].some(b => b.scrollWidth > b.clientWidth)")
                    .asBoolean(), "a wide table scrolls in its box");
            assertEquals("1", browser.evaluate("getComputedStyle(document.querySelector('nav ol')).columnCount").asString());
            assertEquals("pre-line", browser.evaluate("getComputedStyle(document.querySelector('main table.data td.text'))"
                    + ".whiteSpace").asString());
            // Consecutive totals (rt's four) are ruled off each other thinly; heavy rules only above and below them all.
            assertEquals("[\"1px 1px\",\"1px 1px\",\"1px 1px\"]", browser.evaluate("JSON.stringify([...document"
                    + ".querySelectorAll('main table.data tr.total + tr.total')].map(r => getComputedStyle("
                    + "r.previousElementSibling.firstElementChild).borderBottomWidth + ' ' + getComputedStyle("
                    + "r.firstElementChild).borderTopWidth))").asString(), "the rules between consecutive totals");
        }
    }

    /**
     * On a phone, where text wraps most, titles, column headings, row labels and text cells break where the PDF's rules
     * let a line break: Chinese between words (Chromium would break "亚洲和太平 / 洋", "经 / 修订的" and "社会对 / 话"
     * anywhere), and no text inside a range of years ("2020- / 2021", "Strategy 2020- / 25"). The lines are read from
     * the page as Chromium laid it out, character by character.
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void onAPhoneTextBreaksOnlyWhereTheRulesAllow(Language lang) throws Exception {
        try (HeadlessChromium browser = onAPhone(lang)) {
            // The row labels and text cells too; the charts' titles, notes and legends' names (tester 78b, 15).
            List<List<String>> elements = lines(browser, "main h2, main table.data thead th, main table.data tbody th, main td.text,"
                    + " main figure.chart figcaption, main .chart-note, main ul.legend li > span:not(.swatch):not(.value)");
            List<String> bad = new java.util.ArrayList<>();
            int breaks = badBreaks(elements, lang, false, bad);
            assertTrue(breaks > 50, lang + ": line breaks in titles, headings, labels and text cells: " + breaks);
            assertEquals(List.of(), bad, lang + ": text broken where a line may not break");
        }
    }

    /**
     * A word longer than a line (a 200-character path in a general note, the cover's synthetic files and the list of input
     * files, a long link as the contact) is broken at the edge, on a desktop screen and on a phone: the page does not scroll sideways (the
     * note widened it), the list of input files fits its box, each is whole in the page's text, and no figure of any
     * table is broken over two lines.
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void aWordLongerThanALineIsBrokenAtTheEdgeButNoFigure(Language lang) throws Exception {
        String path = org.pbannex.render.pdf.CoverLongWordsTest.PATH;
        String url = "https://www.ilo.org/" + "resource/gb/341/".repeat(8) + "pfa-1.pdf";
        ComputedPublication pub = Publication.compute(Golden.input(), Publication.biennium(Golden.input(), null));
        PublicationInfo info = new PublicationInfo(pub.reference().texts().get("publication.title"),
                pub.reference().texts().get("publication.source"), "2022-23", "test-run", "2026-01-01T00:00:00Z", "test",
                List.of(new PublicationInfo.InputFile(path, "", 12, true)), new Text(url, url), Text.EMPTY,
                List.of(new Text("注：合成数据见 " + path, "Note: the synthetic lines are in " + path)));
        Path page = dir.resolve("long-words." + lang.code() + ".html");
        HtmlEditionWriter.write(tables, lang, info, new Wording(pub.reference().texts()::get), page);
        HeadlessChromium.executable();
        for (int width : new int[] {1280, 390}) {
            try (HeadlessChromium browser = HeadlessChromium.open()) {
                browser.send("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", width, "height", 1000,
                        "deviceScaleFactor", 1, "mobile", width < 1000));
                browser.load(page.toUri().toString());
                String at = lang + " at " + width + " px: ";
                assertEquals(browser.evaluate("document.documentElement.clientWidth").asInt(),
                        browser.evaluate("document.documentElement.scrollWidth").asInt(), at + "the page's width");
                assertTrue(browser.evaluate("(() => { const b = document.querySelector('table.inputs').closest('.table-scroll');"
                        + " return b.scrollWidth <= b.clientWidth; })()").asBoolean(), at + "the input files scroll sideways");
                String text = browser.evaluate("document.body.textContent.replace(/\\s+/g, '')").asString();
                // In the note, the cover's list of synthetic files and the list of input files.
                assertEquals(3, text.split(java.util.regex.Pattern.quote(path), -1).length - 1, at + "the path, whole");
                assertTrue(text.contains(url), at + "the link, whole");
                // A figure's characters (not its note's raised marker, nor a screen reader's word for an empty cell) on one line.
                assertEquals("[]", browser.evaluate("""
                        JSON.stringify([...document.querySelectorAll('td.num')].filter(c => {
                          const tops = new Set();
                          const walk = document.createTreeWalker(c, NodeFilter.SHOW_TEXT);
                          for (let n = walk.nextNode(); n; n = walk.nextNode()) {
                            if (n.parentElement.closest('sup, .visually-hidden') || !n.data.trim()) continue;
                            const r = document.createRange(); r.selectNodeContents(n);
                            for (const box of r.getClientRects()) if (box.width > 0) tops.add(Math.round(box.top));
                          }
                          return tops.size > 1; }).map(c => c.textContent))""").asString(), at + "figures broken over lines");
            }
        }
    }

    /**
     * What a screen reader gets, Chromium's accessibility tree: every figure's cell is named with one number, as a
     * synthesizer reads it whole: no digits grouped by a space or a comma ("50 229 701" was read as three numbers), no
     * minus sign (silent: 负 or minus in words), no slash (a work-years figure says its units); a zero its word.
     * A copy of a table (the selection's text) still has its figures as printed, each once (tester 78b, 20).
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void aScreenReaderHearsEachFigureWholeAndACopyHasItAsPrinted(Language lang) throws Exception {
        try (HeadlessChromium browser = HeadlessChromium.open()) {
            browser.load(edition(lang).toUri().toString());
            int root = browser.send("DOM.getDocument", java.util.Map.of("depth", 0)).path("root").path("nodeId").asInt();
            var cells = browser.send("DOM.querySelectorAll", java.util.Map.of("nodeId", root,
                    "selector", "table.data > tbody > tr > td.num"));
            List<String> split = new java.util.ArrayList<>();
            int named = 0;
            int minus = 0;
            int units = 0;
            for (var id : cells.path("nodeIds")) {
                var node = browser.send("Accessibility.getPartialAXTree", java.util.Map.of("nodeId", id.asInt(),
                        "fetchRelatives", false)).path("nodes").get(0);
                String name = node.path("name").path("value").asString("").strip();
                if (name.isEmpty()) {
                    continue;
                }
                named++;
                if (name.matches(".*\\d[ ,\u00a0\u202f]\\d.*") || name.matches(".*-\\d.*") || name.contains("/")) {
                    split.add(name);
                }
                minus += name.startsWith(lang == Language.ZH ? "负" : "minus ") ? 1 : 0;
                units += name.contains(lang == Language.ZH ? "工作年" : "work-years") ? 1 : 0;
            }
            assertEquals(List.of(), split, lang + ": figures a screen reader hears split or without their sign");
            assertTrue(named > 1000, lang + ": figures named: " + named);
            assertTrue(minus >= 10 && units >= 50, lang + ": negative figures " + minus + ", work-years " + units);
            // The whole of annex 1 selected: its figures as printed, and not also as heard.
            String copied = browser.evaluate("(() => { const r = document.createRange();"
                    + " r.selectNodeContents(document.querySelector('#table-a1 table.data')); const s = getSelection();"
                    + " s.removeAllRanges(); s.addRange(r); return s.toString(); })()").asString();
            String printed = browser.evaluate("document.querySelector('#table-a1 tr.total td.num span.printed').textContent").asString();
            String heard = browser.evaluate("document.querySelector('#table-a1 tr.total td.num span.heard').textContent").asString();
            assertTrue(copied.contains(printed), lang + ": the copy has '" + printed + "'");
            assertTrue(!copied.contains(heard), lang + ": the copy has '" + heard + "' too");
        }
    }

    /**
     * Under forced colours (Windows High Contrast, emulated with a dark theme) the charts still say what they say: each
     * legend's swatches keep their colours, the colours of the bars and slices beside them (they all turned the one text
     * colour: seven white squares beside a pie of seven colours), every bar and slice is ringed in a colour that shows on
     * the ground, and the labels and the axis are drawn in the text colour (they kept the page's ink, #1a1a1a, on the
     * forced black: almost unseen). Contrast as WCAG counts it: 4.5 for text, 3 for the rest (tester 78b, 19).
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void inForcedColoursTheChartsKeepTheirColoursAndTheirLabelsShow(Language lang) throws Exception {
        try (HeadlessChromium browser = HeadlessChromium.open()) {
            browser.send("Emulation.setEmulatedMedia", java.util.Map.of("features", List.of(
                    java.util.Map.of("name", "forced-colors", "value", "active"),
                    java.util.Map.of("name", "prefers-color-scheme", "value", "dark"))));
            browser.load(edition(lang).toUri().toString());
            assertTrue(browser.evaluate("matchMedia('(forced-colors: active)').matches").asBoolean(), "forced colours emulated");
            var out = browser.evaluate("""
                    (() => {
                      const rgb = c => { const d = document.createElement('i'); d.style.color = c; document.body.append(d);
                        const v = d.style.color; d.remove(); return v; };
                      const lum = c => { const [r, g, b] = c.match(/[\\d.]+/g).slice(0, 3).map(v => { v /= 255;
                        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
                      const contrast = (a, b) => { if (!/^rgb/.test(a) || !/^rgb/.test(b)) return 0; const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
                      const ground = getComputedStyle(document.documentElement).backgroundColor;
                      const out = { swatches: 0, marks: 0, labels: 0, wrong: [] };
                      for (const s of document.querySelectorAll('ul.legend .swatch')) {
                        out.swatches++;
                        const drawn = getComputedStyle(s).color;
                        if (drawn !== s.style.color) out.wrong.push('swatch ' + s.style.color + ' drawn ' + drawn);
                      }
                      for (const m of document.querySelectorAll('figure.chart svg rect[fill], figure.chart svg path[fill]')) {
                        out.marks++;
                        const st = getComputedStyle(m);
                        if (st.fill !== rgb(m.getAttribute('fill'))) out.wrong.push('bar ' + m.getAttribute('fill') + ' drawn ' + st.fill);
                        if (contrast(st.stroke, ground) < 3) out.wrong.push('bar ' + m.getAttribute('fill') + ' ringed ' + st.stroke);
                      }
                      for (const t of document.querySelectorAll('figure.chart svg text')) {
                        out.labels++;
                        const fill = getComputedStyle(t).fill;
                        if (contrast(fill, ground) < 4.5) out.wrong.push('label ' + t.textContent + ' ' + fill + ' on ' + ground);
                      }
                      for (const a of document.querySelectorAll('figure.chart svg .axis')) {
                        const stroke = getComputedStyle(a).stroke;
                        if (contrast(stroke, ground) < 3) out.wrong.push('axis ' + stroke + ' on ' + ground);
                      }
                      return out; })()""");
            assertEquals("[]", out.path("wrong").toString().replace("\",\"", "\",\n\""), lang + ": under forced colours");
            assertTrue(out.path("swatches").asInt() >= 15 && out.path("marks").asInt() >= 40 && out.path("labels").asInt() > 20,
                    lang + ": " + out);
        }
    }

    /** Chromium as a phone (390 CSS pixels wide), the edition loaded. */
    private static HeadlessChromium onAPhone(Language lang) throws Exception {
        return inAWindow(lang, 390, 844, true, "screen");
    }

    /** Chromium in a window {@code width} CSS pixels wide, for the given media ("screen", or "print": its style), the edition loaded. */
    private static HeadlessChromium inAWindow(Language lang, int width, int height, boolean mobile, String media) throws Exception {
        Path page = edition(lang);
        HeadlessChromium browser = HeadlessChromium.open();
        try {
            browser.send("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", width, "height", height,
                    "deviceScaleFactor", 1, "mobile", mobile));
            browser.send("Emulation.setEmulatedMedia", java.util.Map.of("media", media));
            browser.load(page.toUri().toString());
            return browser;
        } catch (Exception | Error e) {
            browser.close();
            throw e;
        }
    }

    /**
     * Each element's text that {@code selector} selects, line by line as Chromium laid it out: a character whose box
     * starts below the line's starts a new one.
     */
    private static List<List<String>> lines(HeadlessChromium browser, String selector) throws Exception {
        var texts = browser.evaluate("""
                JSON.stringify([...document.querySelectorAll('ELEMENTS')].map(e => {
                  const lines = []; let top = null, line = '';
                  const walk = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
                  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
                    if (n.parentElement.closest('.col-unit, .number')) continue; // lines of their own (display: block)
                    for (let i = 0; i < n.data.length; i++) {
                      const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + 1);
                      const box = r.getClientRects()[0];
                      if (box && box.width > 0) {
                        if (top !== null && box.top > top + box.height / 2) { lines.push(line); line = ''; }
                        if (top === null || box.top > top + box.height / 2) top = box.top;
                      }
                      line += n.data[i];
                    }
                  }
                  lines.push(line);
                  return lines;
                }))""".replace("ELEMENTS", selector)).asString();
        return tools.jackson.databind.json.JsonMapper.builder().build().readValue(texts,
                new tools.jackson.core.type.TypeReference<List<List<String>>>() { });
    }

    /**
     * The line breaks of {@code elements} ({@link #lines}) the PDF's rules do not allow, added to {@code bad} ("before /
     * after"), and how many breaks there are: Chinese between words only, no text inside a range of years;
     * {@code words}: no English word broken either (a break between two letters or digits).
     */
    private static int badBreaks(List<List<String>> elements, Language lang, boolean words, List<String> bad) {
        int breaks = 0;
        for (List<String> lines : elements) {
            for (int i = 0; i + 1 < lines.size(); i++) {
                String before = lines.get(i);
                String joined = before + lines.get(i + 1);
                int at = before.length();
                breaks++;
                boolean ok = before.endsWith(" ") || before.endsWith("\n") || (lang == Language.ZH
                        ? org.pbannex.render.LineBreaks.allowedInChinese(joined, org.pbannex.render.LineBreaks.chineseWords(joined), at)
                        : !org.pbannex.render.LineBreaks.forbidden(joined, at)
                                && !(words && Character.isLetterOrDigit(joined.charAt(at - 1)) && Character.isLetterOrDigit(joined.charAt(at))));
                if (!ok) {
                    bad.add(before.strip() + " / " + lines.get(i + 1).strip());
                }
            }
        }
        return breaks;
    }

    /**
     * Printed on A4 (Chromium's print style: 180 mm of text, 680 CSS px), the list of input files keeps each count of
     * rows on one line ("20 / 000"), a range of years in a path whole ("input/2022- / 23/..."), and the words about the
     * run's checksum and a synthetic file's note unbroken inside a word ("(manife / st.json)", "合 / 成数据"); only the
     * checksums themselves break anywhere (tester 78b, 2).
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void printedTheInputFilesBreakOnlyBetweenWords(Language lang) throws Exception {
        try (HeadlessChromium browser = inAWindow(lang, 680, 1000, false, "print")) {
            assertTrue(browser.evaluate("[...document.querySelectorAll('table.inputs td.num')].every(c => {"
                    + " const r = document.createRange(); r.selectNodeContents(c); return r.getClientRects().length == 1; })")
                    .asBoolean(), lang + ": a count of rows over two lines");
            browser.evaluate("document.querySelectorAll('table.inputs tbody td').forEach(c => {"
                    + " if (/^[0-9a-f]{64}$/.test(c.textContent)) c.classList.add('checksum-cell'); }); true");
            List<List<String>> elements = lines(browser, "table.inputs tbody th, table.inputs tbody td:not(.num):not(.checksum-cell)");
            List<String> bad = new java.util.ArrayList<>();
            badBreaks(elements, lang, true, bad);
            assertTrue(elements.stream().anyMatch(l -> String.join("", l).contains("2022-23/supplementary")), elements.toString());
            assertEquals(List.of(), bad, lang + ": the input files broken where a line may not break");
        }
    }

    /**
     * The contents list the input files last, as the PDF's contents and bookmarks do, and the cover's "listed at the end
     * of this page" is a link to that list (tester 78b, 8).
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void theContentsAndTheCoverLinkToTheInputFiles(Language lang) throws Exception {
        try (HeadlessChromium browser = HeadlessChromium.open()) {
            browser.load(edition(lang).toUri().toString());
            String heading = browser.evaluate("document.querySelector('#inputs-heading').textContent").asString();
            assertEquals(heading, browser.evaluate("document.querySelector('nav#contents li:last-child a[href=\"#inputs-heading\"]')"
                    + "?.textContent ?? 'none'").asString(), lang + ": the contents' last entry");
            assertEquals(lang == Language.ZH ? "列于本页末尾" : "listed at the end of this page", browser.evaluate(
                    "document.querySelector('.cover-synthetic a[href=\"#inputs-heading\"]')?.textContent ?? 'none'").asString(),
                    lang + ": the cover's link to the input files");
        }
    }

    /** Printed, a chart's title is no smaller than the note under it (12 px over 14.4; tester 78b, 11). */
    @ParameterizedTest
    @EnumSource(Language.class)
    void printedAChartsTitleIsNoSmallerThanItsNote(Language lang) throws Exception {
        try (HeadlessChromium browser = inAWindow(lang, 680, 1000, false, "print")) {
            assertEquals("[]", browser.evaluate("JSON.stringify([...document.querySelectorAll('figure.chart .chart-note')].filter(n =>"
                    + " parseFloat(getComputedStyle(n).fontSize) > parseFloat(getComputedStyle(n.closest('figure')"
                    + ".querySelector('figcaption')).fontSize)).map(n => n.closest('figure').querySelector('figcaption').id))")
                    .asString(), lang + ": charts whose note is larger than their title");
            assertTrue(browser.evaluate("document.querySelectorAll('figure.chart .chart-note').length > 0").asBoolean());
        }
    }

    /**
     * On a desktop screen the contents' links are 24 px or more apart (WCAG 2.2's target size, which axe checks; they
     * were 23.6: tester 78b, 12).
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void theContentsLinksAreFarEnoughApart(Language lang) throws Exception {
        try (HeadlessChromium browser = inAWindow(lang, 1280, 1000, false, "screen")) {
            double closest = browser.evaluate("(() => { const r = [...document.querySelectorAll('nav#contents a')]"
                    + ".map(a => a.getBoundingClientRect()); let d = 1e9;"
                    + " for (let i = 0; i + 1 < r.length; i++) if (Math.abs(r[i].left - r[i + 1].left) < 1)"
                    + " d = Math.min(d, (r[i + 1].top + r[i + 1].height / 2) - (r[i].top + r[i].height / 2)); return d; })()").asDouble();
            assertTrue(closest >= 24, lang + ": contents links " + closest + " px apart");
            assertEquals(List.of(), browser.axeViolations("the " + lang.code() + " HTML edition at 1280 px"));
        }
    }

    /** The edition's file, once Chromium is known to be there (a skip where it is not, a failure in CI). */
    private static Path edition(Language lang) {
        HeadlessChromium.executable();
        return dir.resolve("pb-annexes-2022-23." + lang.code() + ".html");
    }
}
