package org.pbannex.render.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opencsv.CSVReaderHeaderAware;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pbannex.render.OutputColumns;
import org.pbannex.Golden;
import org.pbannex.SyntheticWarning;
import org.pbannex.publication.ComputedPublication;
import org.pbannex.publication.Publication;
import org.pbannex.render.CsvTableWriter;
import org.pbannex.render.NumberText;
import org.pbannex.render.PublicationInfo;
import org.pbannex.render.markup.TableView;
import org.pbannex.render.markup.Wording;
import org.pbannex.table.Column;
import org.pbannex.table.Language;
import org.pbannex.table.Row;
import org.pbannex.table.RowType;
import org.pbannex.table.Table;
import org.pbannex.table.Text;
import org.pbannex.table.ValueKind;

/**
 * The HTML edition of the 2022-23 publication, both languages, read back with an HTML parser: every figure of every
 * table comes back out of its cell equal to the tidy CSV's value (or, where a CSV is published long, to the sum and
 * rounding the table states), and the page has what a screen reader and a browser need: lang, one h1, captions,
 * scoped heading cells, column groups, charts as SVG with a title and a description, a table of contents, and no URL
 * that leaves the file.
 */
class HtmlEditionTest {

    @TempDir
    static Path dir;
    static ComputedPublication pub;
    static final Map<Language, Document> HTML = new HashMap<>();
    static PublicationInfo info;

    @BeforeAll
    static void write() throws IOException {
        pub = Publication.compute(Golden.input(), Publication.biennium(Golden.input(), null));
        List<Table> tables = List.copyOf(pub.tables().values());
        info = new PublicationInfo(pub.reference().texts().get("publication.title"),
                pub.reference().texts().get("publication.source"), "2022-23", "test-run", "2026-01-01T00:00:00Z", "test",
                List.of(new PublicationInfo.InputFile("reference/texts.csv", "0", 1, false)), Text.EMPTY, Text.EMPTY,
                pub.reference().texts().numbered("publication.note."));
        for (Language lang : Language.values()) {
            Path file = dir.resolve("pb-annexes-2022-23." + lang.code() + ".html");
            HtmlEditionWriter.write(tables, lang, info, new Wording(pub.reference().texts()::get), file);
            HTML.put(lang, Jsoup.parse(file.toFile()));
        }
        for (Table t : tables) {
            CsvTableWriter.write(t, Language.ZH, dir.resolve("csv").resolve(t.id() + ".csv"));
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyFigureComesBackEqualToTheCsv(Language lang) throws IOException {
        Document html = HTML.get(lang);
        int fromCsv = 0;
        int fromSums = 0;
        for (Table t : pub.tables().values()) {
            Element section = html.getElementById(TableView.anchor(t));
            assertNotNull(section, "section of " + t.id());
            List<Map<String, String>> csv = read(dir.resolve("csv").resolve(t.id() + ".csv"));
            Map<String, Map<String, String>> byKey = new HashMap<>();
            csv.forEach(r -> byKey.put(r.get("row_key"), r));
            for (Element tr : section.select("table.data > tbody > tr[data-row]")) {
                Row row = t.row(tr.attr("data-row"));
                for (Element td : tr.select("td.num[data-column]")) {
                    Column c = t.column(td.attr("data-column"));
                    // The figure is the cell's own text; a note on the cell is its marker in a <sup> after it (the unseen
                    // marker after the column's other figures, which keeps them in line, is no note).
                    String text = shown(td);
                    var note = t.cellNote(row.key(), c.key());
                    assertEquals(note == null ? "" : note.marker(), td.select("sup.note-ref:not(.pad)").text(), t.id() + " " + row.key() + " note");
                    if (t.tidy() == null && OutputColumns.isData(c)) {
                        Map<String, String> line = byKey.get(row.key());
                        assertNotNull(line, t.id() + ": CSV row " + row.key());
                        assertCell(t, row, c, text, csvValue(line, c), lang);
                        fromCsv++;
                    } else if (t.id().equals("f2") && c.kind() == ValueKind.MILLIONS) {
                        assertCell(t, row, c, text, f2Millions(csv, row, c), lang);
                        fromSums++;
                    } else if (t.id().equals("rt")) {
                        assertCell(t, row, c, text, rtValue(byKey, row, c), lang);
                        fromCsv++;
                    } else {
                        assertEquals(NumberText.format(row.value(c.key()), c.kind(), lang), text, t.id() + " " + row.key() + " " + c.key());
                    }
                }
            }
        }
        assertTrue(fromCsv > 1100, lang + ": figures compared with the CSV: " + fromCsv);
        assertTrue(fromSums >= 20, lang + ": f2 figures compared with the sums of its CSV: " + fromSums);
    }

    /**
     * The text a cell shows: its own text, with the pieces of Chinese text kept whole in a span ({@code w}), a
     * work-years figure's months in a box of their own ({@code tail}), a zero's dash in its own ({@code dash}) and a
     * figure a screen reader hears otherwise in its own ({@code printed}); not its note markers or its hidden text.
     */
    static String shown(Element td) {
        StringBuilder raw = new StringBuilder();
        for (org.jsoup.nodes.Node n : td.childNodes()) {
            if (n instanceof org.jsoup.nodes.TextNode text) {
                raw.append(text.getWholeText());
            } else if (n instanceof Element e && (e.hasClass("w") || e.hasClass("tail") || e.hasClass("dash") || e.hasClass("printed"))) {
                raw.append(e.wholeText());
            }
        }
        return raw.toString().replaceAll("\\s+", " ").strip();
    }

    /** The printed cell, read back as a number, equals the expected CSV value (years / months against both CSV columns). */
    private static void assertCell(Table t, Row row, Column c, String text, String expected, Language lang) {
        String where = t.id() + " row " + row.key() + " column " + c.key() + ": '" + text + "'";
        if (expected == null || expected.isEmpty()) {
            assertEquals("", text, where + " is blank in the CSV");
            return;
        }
        assertEquals(new BigDecimal(expected).stripTrailingZeros(), number(text, c.kind(), lang).stripTrailingZeros(), where);
    }

    /** A printed figure as a number: the edition's thousands separator removed, a dash as 0, years / months as months. */
    static BigDecimal number(String text, ValueKind kind, Language lang) {
        String s = text.strip();
        if (s.equals(NumberText.DASH)) {
            return BigDecimal.ZERO;
        }
        if (kind == ValueKind.YEARS_MONTHS) {
            String[] parts = s.split("/");
            return number(parts[0], ValueKind.COUNT, lang).multiply(BigDecimal.valueOf(12)).add(new BigDecimal(parts[1].strip()));
        }
        String separator = lang == Language.ZH ? " " : ",";
        assertFalse(lang == Language.ZH && s.contains(","), "zh prints no comma: " + s);
        return new BigDecimal(s.replace(separator, ""));
    }

    private static String csvValue(Map<String, String> line, Column c) {
        if (c.kind() == ValueKind.YEARS_MONTHS) {
            String years = line.get(c.key() + "_years");
            return years.isEmpty() ? "" : Long.toString(Long.parseLong(years) * 12 + Long.parseLong(line.get(c.key() + "_months")));
        }
        return line.get(c.key());
    }

    /** f2's CSV is long (region, biennium, status, exact US$): a cell is its lines' sum in millions, half-up to 0.1. */
    private static String f2Millions(List<Map<String, String>> csv, Row row, Column c) {
        BigDecimal sum = BigDecimal.ZERO;
        boolean any = false;
        for (Map<String, String> line : csv) {
            if (line.get("biennium").equals(c.key()) && (row.type() == RowType.GRAND_TOTAL || line.get("region").equals(row.key()))) {
                sum = sum.add(new BigDecimal(line.get("amount_usd")));
                any = true;
            }
        }
        return any ? sum.movePointLeft(6).setScale(1, RoundingMode.HALF_UP).toPlainString() : "";
    }

    /** rt's CSV is long: row "outcome.unit.REGION" holds target_sum and indicators of the table's target_REGION, indicators_REGION. */
    private static String rtValue(Map<String, Map<String, String>> byKey, Row row, Column c) {
        int cut = c.key().lastIndexOf('_');
        Map<String, String> line = byKey.get(row.key() + "." + c.key().substring(cut + 1));
        assertNotNull(line, "rt CSV row " + row.key() + "." + c.key().substring(cut + 1));
        return line.get(c.key().startsWith("target") ? "target_sum" : "indicators");
    }

    private static List<Map<String, String>> read(Path csv) throws IOException {
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8); CSVReaderHeaderAware in = new CSVReaderHeaderAware(r)) {
            List<Map<String, String>> rows = new ArrayList<>();
            Map<String, String> row;
            while ((row = in.readMap()) != null) {
                rows.add(row);
            }
            return rows;
        } catch (com.opencsv.exceptions.CsvValidationException e) {
            throw new IOException(e);
        }
    }

    /** Figure 2's caveat, note, source and chart description say that its figures are not the ILO's in one wording. */
    @ParameterizedTest
    @EnumSource(Language.class)
    void theSyntheticDataWarningIsWordedOneWay(Language lang) {
        List<String> found = SyntheticWarning.in(HTML.get(lang).text());
        assertTrue(found.size() >= 4, found.toString());
        assertEquals(List.of(lang == Language.ZH ? SyntheticWarning.ZH : SyntheticWarning.EN), found.stream().distinct().toList());
    }

    /** Annex 4's pies say how sure their shares are under their captions, and their SVG descriptions say it first. */
    @ParameterizedTest
    @EnumSource(Language.class)
    void annex4sPiesSayHowSureTheirSharesAre(Language lang) {
        Table a4 = pub.tables().get("a4");
        for (var chart : a4.charts()) {
            Element figure = HTML.get(lang).getElementById(chart.id() + "-caption").parent();
            Element note = figure.selectFirst("figcaption + p.chart-note");
            assertNotNull(note, chart.id());
            assertEquals(chart.note().in(lang), note.text());
            assertTrue(note.text().contains(lang == Language.ZH ? "可靠" : "confidence"), note.text());
            assertTrue(figure.selectFirst("svg desc").text().startsWith(note.text()), figure.selectFirst("svg desc").text());
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void pageHasWhatReadersAndBrowsersNeed(Language lang) {
        Document html = HTML.get(lang);
        assertEquals(lang.tag(), html.selectFirst("html").attr("lang"));
        assertEquals(1, html.select("h1").size());
        assertFalse(html.title().isBlank());
        List<String> contents = html.select("nav#contents a[href]").eachAttr("href");
        for (Table t : pub.tables().values()) {
            Element section = html.getElementById(TableView.anchor(t));
            assertTrue(contents.contains("#" + TableView.anchor(t)), "contents link to " + t.id());
            Element table = section.selectFirst("table.data");
            assertTrue(table.selectFirst("caption").text().contains(t.title().in(lang)), t.id() + " caption");
            assertTrue(!table.select("colgroup").isEmpty() && !table.select("thead th[scope=col]").isEmpty(), t.id());
            if (OutputColumns.printed(t).stream().anyMatch(c -> !c.group().in(lang).isEmpty())) {
                Element group = table.selectFirst("thead th[scope=colgroup]");
                int span = Integer.parseInt(group.attr("colspan").isEmpty() ? "1" : group.attr("colspan"));
                // The colgroup under a group heading has as many columns as the heading spans.
                assertTrue(table.select("colgroup").stream().anyMatch(g -> g.select("col").size() == span), t.id());
            }
            long rows = t.rows().stream().filter(r -> r.type() != RowType.HEADING).count();
            assertEquals(rows, table.select("tbody th[scope=row]").size(), t.id() + ": a row heading per row");
            for (var chart : t.charts()) {
                Element svg = section.selectFirst("figure svg[aria-labelledby]");
                assertNotNull(svg, t.id() + " chart as SVG");
                assertEquals("img", svg.attr("role"));
                assertFalse(svg.selectFirst("title").text().isBlank());
                assertFalse(svg.selectFirst("desc").text().isBlank());
            }
        }
        // The contents list the titles without their footnote markers (annex 1's "*", whose note is under its table);
        // the table's own caption keeps it.
        List<String> listed = html.select("nav#contents a[href]").eachText();
        assertTrue(listed.stream().noneMatch(l -> l.matches(".*\\s(\\*{1,3}|[†‡§])$")), listed.toString());
        assertTrue(listed.contains(pub.tables().get("a1").number().in(lang) + " " + pub.tables().get("a1").title().in(lang)
                .replaceFirst(" \\*$", "")), listed.toString());
        assertTrue(html.getElementById(TableView.anchor(pub.tables().get("a1"))).selectFirst("caption").text().endsWith("*"));
        // The run's time as the edition writes a date and time (UTC), not as the run stores it (2026-01-01T00:00:00Z).
        Element runTime = html.select("dl.facts dt").stream().filter(dt -> dt.text().equals(lang == Language.ZH ? "运行时间" : "Run time"))
                .findFirst().orElseThrow().nextElementSibling();
        assertEquals(lang == Language.ZH ? "协调世界时 2026 年 1 月 1 日 00:00" : "1 January 2026, 00:00 UTC", runTime.text());
        // Self-contained: no script, no external stylesheet or image, no URL that leaves the file.
        assertTrue(html.select("script, link, img, iframe, object, embed").isEmpty());
        for (Element e : html.select("[href], [src]")) {
            String url = e.hasAttr("href") ? e.attr("href") : e.attr("src");
            assertTrue(url.startsWith("#"), "only links inside the file: " + url);
        }
        assertFalse(html.html().replace("http://www.w3.org/2000/svg", "").contains("http://"), "no http URL but SVG's namespace");
        assertFalse(html.html().contains("https://"), "no https URL");
        assertFalse(html.html().contains("url("), "no CSS url()");
    }

    /**
     * A cell the print leaves empty is empty on the page too, and says why to a screen reader in text that is not
     * shown: a cell the print spans over two rows (one means of verification for two indicators) repeats the visible
     * text of the cell it shares, read from the page itself; any other empty cell says nothing is printed there.
     */
    /**
     * Every figure and text cell names, by headers, the heading cells it comes under: its column's (and group's),
     * its row's label, and the heading rows above it (Part I, then Governance organs), which are header cells; a
     * part's total comes under no part, and an indicator under its outcome and its output.
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void everyCellNamesTheHeadingsItComesUnder(Language lang) {
        Document html = HTML.get(lang);
        int cells = 0;
        for (Table t : pub.tables().values()) {
            Element table = html.getElementById(TableView.anchor(t)).selectFirst("table.data");
            for (Element td : table.select("tbody > tr[data-row] > td[data-column]")) {
                String where = t.id() + " " + td.parent().attr("data-row") + " " + td.attr("data-column");
                List<String> ids = List.of(td.attr("headers").split(" "));
                assertTrue(!td.attr("headers").isBlank(), where + " names no heading");
                for (String id : ids) {
                    Element h = table.getElementById(id);
                    assertTrue(h != null && h.tagName().equals("th"), where + ": " + id + " is no heading cell of its table");
                }
                assertTrue(ids.contains(td.parent().selectFirst("th[scope=row]").id()), where + " names its row's label");
                assertTrue(ids.stream().anyMatch(id -> table.getElementById(id).parent().parent().tagName().equals("thead")),
                        where + " names its column's heading");
                cells++;
            }
            assertTrue(table.select("tbody td[colspan]").isEmpty(), t.id() + ": a heading row is a header cell");
        }
        assertTrue(cells > 1500, lang + ": cells " + cells);
        // The operational budget's Governing Body comes under Part I and Governance organs; Total (Parts I-III) under
        // no part; indicator 1.1.1 under outcome 1 and output 1.1 (printed at the outcome's level, the output's heading
        // had ended outcome 1's); 1.2.1 under output 1.2, which ends output 1.1; 2.1.1 under outcome 2, whose heading ends both.
        assertEquals(List.of("part.I.heading", "GOV.heading", "GB"), headingRows(html, "a1", "GB"));
        assertEquals(List.of("total.III"), headingRows(html, "t1", "total.III"));
        assertEquals(List.of("outcome.1", "output.1.1", "1.1.1"), headingRows(html, "i2", "1.1.1"));
        assertEquals(List.of("outcome.1", "output.1.2", "1.2.1"), headingRows(html, "i2", "1.2.1"));
        assertEquals(List.of("outcome.2", "output.2.1", "2.1.1"), headingRows(html, "i2", "2.1.1"));
    }

    /** The rows whose label cells a row's first figure names, in order. */
    private static List<String> headingRows(Document html, String table, String row) {
        Element section = html.getElementById(TableView.anchor(pub.tables().get(table)));
        Element td = section.selectFirst("tr[data-row=\"" + row + "\"] > td[data-column]");
        List<String> rows = new ArrayList<>();
        for (String id : td.attr("headers").split(" ")) {
            Element h = section.getElementById(id);
            if (h.parent().hasAttr("data-row")) {
                rows.add(h.parent().attr("data-row"));
            }
        }
        return rows;
    }

    /** A column heading that is its unit ("%") does not say it twice; other headings keep their unit under them. */
    @ParameterizedTest
    @EnumSource(Language.class)
    void aHeadingThatIsItsUnitIsNotRepeated(Language lang) {
        var headings = HTML.get(lang).select("table.data thead th");
        var units = headings.select(".col-unit");
        assertTrue(units.size() > 20, lang + ": units under headings: " + units.size());
        for (var th : headings) {
            var unit = th.selectFirst(".col-unit");
            if (unit != null) {
                assertTrue(!unit.text().equals(th.selectFirst("span").text()), lang + ": " + th.outerHtml());
            }
        }
        assertTrue(headings.stream().anyMatch(th -> th.text().equals("%")), lang + ": annex 2's % columns");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void anEmptyCellSaysWhyItIsEmptyToAScreenReader(Language lang) {
        Document html = HTML.get(lang);
        String notPrinted = new Wording(pub.reference().texts()::get).in("not_printed", lang);
        int shared = 0;
        int nothing = 0;
        for (Table t : pub.tables().values()) {
            Map<String, String> visibleAbove = new HashMap<>();
            for (Element tr : html.getElementById(TableView.anchor(t)).select("table.data > tbody > tr[data-row]")) {
                Row row = t.row(tr.attr("data-row"));
                for (Element td : tr.select("td[data-column]")) {
                    String column = td.attr("data-column");
                    // (not what a figure is heard as: aFigureAScreenReaderWouldSplitIsHeardAsOneNumber)
                    Element hidden = td.selectFirst("span.visually-hidden:not(.heard)");
                    String where = t.id() + " " + row.key() + " " + column;
                    if (shown(td).equals(NumberText.DASH)) {
                        continue; // a zero: aZeroPrintedAsADashSaysZeroToAScreenReader
                    }
                    if (!shown(td).isEmpty()) {
                        assertEquals(null, hidden, where + " shows its text");
                        visibleAbove.put(column, shown(td));
                        continue;
                    }
                    assertNotNull(hidden, where + " is empty and says nothing");
                    if (row.sharedWithRowAbove(column)) {
                        assertEquals(visibleAbove.get(column), hidden.text(), where);
                        shared++;
                    } else {
                        assertEquals(notPrinted, hidden.text(), where);
                        nothing++;
                    }
                }
            }
        }
        assertTrue(shared >= 10, lang + ": cells shared with the row above: " + shared);
        assertTrue(nothing >= 20, lang + ": cells with nothing printed: " + nothing);
        // Not shown: the class takes the text out of the page's layout.
        assertTrue(html.select("style").html().contains(".visually-hidden"), "the style hides it");
    }

    /**
     * A figure a screen reader would say wrongly is hidden from it and heard, in unseen text, as one number: grouped
     * ("50 229 701", which a Mandarin synthesizer reads as three numbers; "50,229,701") as its digits alone, a minus in
     * the edition's words ("-157 178": 负157178, minus 157178), a work-years figure with its units ("27 / 1": 27 工作年
     * 1 工作月, 27 work-years 1 month). Worked out here from the printed text, whatever the view model does; a figure
     * the print says right (under 1 000, a percentage) stays as it is, with no hidden text.
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void aFigureAScreenReaderWouldSplitIsHeardAsOneNumber(Language lang) {
        Document html = HTML.get(lang);
        Wording words = new Wording(pub.reference().texts()::get);
        int heard = 0;
        int negative = 0;
        int workYears = 0;
        for (Element td : html.select("table.data > tbody > tr[data-row] > td.num")) {
            String printed = shown(td);
            String where = td.closest("section").id() + " " + td.parent().attr("data-row") + " " + td.attr("data-column")
                    + " '" + printed + "'";
            Element hidden = td.selectFirst("span.heard");
            if (printed.isEmpty() || printed.equals(NumberText.DASH)) {
                continue; // anEmptyCellSaysWhyItIsEmptyToAScreenReader, aZeroPrintedAsADashSaysZeroToAScreenReader
            }
            String expected;
            if (printed.contains(" / ")) {
                String[] ym = printed.replaceAll("(?<=\\d)[ ,](?=\\d{3})", "").split(" / ");
                expected = words.in(ym[1].equals("1") ? "years_months_one" : "years_months", lang)
                        .replace("{years}", ym[0]).replace("{months}", ym[1]);
                workYears++;
            } else {
                expected = printed.replaceAll("(?<=\\d)[ ,](?=\\d{3})", "");
                if (expected.startsWith("-")) {
                    expected = words.in("minus", lang).replace("{n}", expected.substring(1));
                    negative++;
                }
            }
            if (expected.equals(printed)) {
                assertEquals(null, hidden, where + " is said right as printed");
                continue;
            }
            assertNotNull(hidden, where + " is heard as printed");
            assertEquals(expected, hidden.text(), where);
            assertTrue(hidden.hasClass("visually-hidden"), where + ": its words are seen");
            Element shownPart = td.selectFirst("span.printed");
            assertEquals("true", shownPart.attr("aria-hidden"), where + ": the printed figure is heard too");
            heard++;
        }
        assertTrue(heard > (lang == Language.ZH ? 500 : 400), lang + ": figures heard otherwise than printed: " + heard);
        assertTrue(negative >= 10, lang + ": negative figures: " + negative);
        assertTrue(workYears >= 50, lang + ": work-years figures: " + workYears);
    }

    /**
     * A zero printed as a dash (the draft budget's Part III, annex 1's staff costs of the Turin Centre) says "zero" to a
     * screen reader, in the edition's language, in text that is not shown; the dash itself, which a screen reader
     * would pass over in silence or call a dash, is hidden from it. Every such cell of the tables does.
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void aZeroPrintedAsADashSaysZeroToAScreenReader(Language lang) {
        Document html = HTML.get(lang);
        String zero = new Wording(pub.reference().texts()::get).in("zero", lang);
        int dashes = 0;
        for (Table t : pub.tables().values()) {
            long expected = TableView.of(t, lang).body().stream().flatMap(g -> g.rows().stream())
                    .flatMap(r -> r.cells().stream()).filter(TableView.CellView::zero).count();
            int found = 0;
            for (Element td : html.getElementById(TableView.anchor(t)).select("table.data > tbody > tr[data-row] > td")) {
                if (!shown(td).equals(NumberText.DASH)) {
                    continue;
                }
                String where = t.id() + " " + td.parent().attr("data-row") + " " + td.attr("data-column");
                Element dash = td.selectFirst("span.dash");
                assertTrue(dash != null && dash.attr("aria-hidden").equals("true"), where + ": the dash is not hidden");
                Element hidden = td.selectFirst("span.visually-hidden");
                assertNotNull(hidden, where + " says nothing");
                assertEquals(zero, hidden.text(), where);
                found++;
            }
            assertEquals(expected, found, t.id() + ": zeros printed as a dash");
            dashes += found;
        }
        assertTrue(dashes >= 10, lang + ": zeros printed as a dash: " + dashes);
    }

    /**
     * The draft budget's income items have no heading of their own in print, and none on the page; a screen reader
     * still hears one ("Income item", from texts.csv) for the column, whose cells name it: a heading cell with hidden
     * text, not an empty cell. No table's heading rows hold an empty cell that should be a heading.
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void theIncomeItemsColumnHasAHeadingAScreenReaderAnnounces(Language lang) {
        Document html = HTML.get(lang);
        Table br = pub.tables().get("br");
        Element section = html.getElementById(TableView.anchor(br));
        String expected = pub.reference().texts().get("br.col.income_item").in(lang);
        Element heading = section.select("table.data thead th").stream()
                .filter(th -> th.text().equals(expected)).findFirst().orElse(null);
        assertNotNull(heading, lang + ": a heading cell says '" + expected + "'");
        assertEquals("col", heading.attr("scope"));
        assertEquals(heading.text(), heading.select(".visually-hidden").text(), "its words are not shown");
        List<Element> items = section.select("tbody td[data-column=income_item]");
        assertFalse(items.isEmpty());
        for (Element td : items) {
            assertTrue(List.of(td.attr("headers").split(" ")).contains(heading.id()), td.outerHtml());
        }
        assertTrue(html.select("table.data thead td").isEmpty(), lang + ": an empty cell among the heading cells");
    }

    /**
     * A figure that differs from the print carries its note's marker (43.1 †), a link to the note under its table
     * named for a screen reader by the marker it shows and the note's number in every edition, the workbook's
     * ("† note 10": [note 10] on its Notes sheet), not a bare dagger nor the note's place under the table.
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void aNotesMarkerLinksToItsNoteAndIsNamed(Language lang) {
        Document html = HTML.get(lang);
        String name = new Wording(pub.reference().texts()::get).in("note_ref", lang);
        int markers = 0;
        for (Table t : pub.tables().values()) {
            Element section = html.getElementById(TableView.anchor(t));
            List<Element> notes = section.select(".notes > p");
            for (Element sup : section.select("table.data sup.note-ref:not(.pad)")) {
                Element link = sup.selectFirst("a[href]");
                assertNotNull(link, t.id() + ": a bare marker " + sup.outerHtml());
                Element note = html.getElementById(link.attr("href").substring(1));
                assertNotNull(note, t.id() + ": the marker links to no note: " + link.attr("href"));
                assertTrue(notes.contains(note), t.id() + ": the note is under its table");
                // The note, after the number every edition gives it ("[note 12] † ..."), starts with the marker.
                Element words = note.clone();
                words.select("span.note-number").remove();
                assertTrue(words.text().strip().startsWith(link.text() + " "), t.id() + ": the note of " + link.text() + ": " + note.text());
                assertTrue(link.attr("aria-label").matches(java.util.regex.Pattern.quote(name.replace("{marker}", link.text()))
                        .replace("{n}", "\\E[0-9]+\\Q")), "named by its marker and number: " + link.attr("aria-label"));
                markers++;
            }
        }
        assertTrue(markers >= 1, lang + ": markers of notes on cells: " + markers);
        Element outcome8 = html.getElementById(TableView.anchor(pub.tables().get("t2"))).selectFirst("tr[data-row] sup.note-ref a");
        int number = org.pbannex.render.xlsx.XlsxWorkbookWriter.noteNumbers(List.copyOf(pub.tables().values()), lang, info,
                new Wording(pub.reference().texts()::get)).of("t2", "†");
        assertTrue(number > 3, "the workbook numbers the notes of all tables: " + number);
        assertEquals((lang == Language.ZH ? "† 注释 " : "† note ") + number, outcome8.attr("aria-label"));
        assertEquals(outcome8.attr("aria-label"), outcome8.attr("title"), "a pointer's tooltip says it too");
        // The note it goes to says that number, in the words of texts.csv ("[note 12]").
        assertEquals(new Wording(pub.reference().texts()::get).in("note_number", lang).replace("{n}", Integer.toString(number)),
                html.getElementById(outcome8.attr("href").substring(1)).selectFirst("span.note-number").text());
    }

    /** Every table of the page names itself with a caption, the list of input files too. */
    @ParameterizedTest
    @EnumSource(Language.class)
    void everyTableHasACaption(Language lang) {
        Document html = HTML.get(lang);
        assertTrue(html.select("table").size() > pub.tables().size(), "the data tables and the input files");
        for (Element table : html.select("table")) {
            Element caption = table.selectFirst("> caption");
            assertTrue(caption != null && !caption.text().isBlank(), "a table without a caption: " + table.className());
        }
        assertEquals(new Wording(pub.reference().texts()::get).in("inputs", lang),
                html.selectFirst("table.inputs > caption").text());
    }

    /**
     * Nothing inside the page says a language of its own: the page's (zh-CN, en-GB) holds for all of it, so a screen
     * reader's voice never switches for a heading cell (the Chinese headings said "zh" inside a "zh-CN" page).
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void thePageSaysItsLanguageOnce(Language lang) {
        Document html = HTML.get(lang);
        assertEquals(List.of("html"), html.select("[lang]").stream().map(Element::tagName).toList(), lang + ": lang attributes");
    }
}
