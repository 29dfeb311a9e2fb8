package org.pbannex.render.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDObjectReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDNamedDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pbannex.Golden;
import org.pbannex.publication.ComputedPublication;
import org.pbannex.render.GoldenEditions;
import org.pbannex.render.NumberText;
import org.pbannex.render.PublicationInfo;
import org.pbannex.render.markup.TableView;
import org.pbannex.table.Language;
import org.pbannex.table.Table;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * The 2022-23 PDF editions, with a page of input files, as accessibility checkers and readers take them: veraPDF, the
 * PDF Association's validator, finds no failure of PDF/UA-1's machine-checkable rules (ISO 14289-1, the Matterhorn
 * protocol's checks), and the contents page's links, read by PDFBox, each go to its table's page (or the input
 * files') and are tagged (a Link element and its annotation pointing at each other). What a screen reader meets where
 * the page shows no words, or none it could say, read from the structure tree: a chart is a Figure with its
 * alternative, a zero's dash says zero, the draft budget's blank heading over its income items names them.
 */
class PdfUaConformanceTest {

    @TempDir
    static Path dir;
    static ComputedPublication pub;
    static List<Table> tables;

    @BeforeAll
    static void writeEditions() throws IOException {
        pub = GoldenEditions.publication();
        tables = List.copyOf(pub.tables().values());
        PublicationInfo golden = GoldenEditions.info(pub);
        PublicationInfo info = new PublicationInfo(golden.title(), golden.source(), golden.biennium(), golden.runId(),
                golden.runTime(), golden.codeVersion(), golden.contact(), golden.citation(), golden.notes(), golden.about(),
                golden.published(), List.of(new PublicationInfo.InputFile("input/reference/texts.csv", "0".repeat(64), 400, false)),
                golden.noteTables());
        for (Language lang : Language.values()) {
            PdfDocumentWriter.write(tables, lang, info, GoldenEditions.wording(pub), PdfDocumentWriterTest.FONTS, pdf(lang));
        }
        VeraGreenfieldFoundryProvider.initialise();
    }

    static Path pdf(Language lang) {
        return dir.resolve("annexes." + lang.code() + ".pdf");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void veraPdfFindsNoFailureOfPdfUa1(Language lang) throws Exception {
        Map<String, String> failures = pdfUaFailures(pdf(lang));
        assertTrue(failures.isEmpty(), lang + ": rules of PDF/UA-1 failed: " + failures);
        try (PDDocument doc = Loader.loadPDF(pdf(lang).toFile());
             InputStream xmp = doc.getDocumentCatalog().getMetadata().exportXMPMetadata()) {
            assertTrue(new String(xmp.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .contains("<pdfuaid:part>1</pdfuaid:part>"), "the XMP claims PDF/UA-1");
        }
    }

    /**
     * Every link of the contents page (a table's heading and its page number, the input files' and their page number)
     * goes to a named destination on the page that shows the table's heading, says where it goes (/Contents, the
     * heading), and is tied to a Link element of the structure tree both ways (the element's OBJR names the
     * annotation; the annotation's StructParent gives the element in the parent tree). Each table, and the page of
     * input files, is the target of two links at least.
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void everyContentsLinkGoesToItsTableAndIsTagged(Language lang) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf(lang).toFile())) {
            PDPage contents = doc.getPage(1);
            assertEquals(COSName.S, contents.getCOSObject().getCOSName(COSName.getPDFName("Tabs")), "Tabs /S");
            Map<Integer, COSBase> parentTree = parentTree(doc);
            PDFTextStripper text = new PDFTextStripper();
            Map<String, Integer> linksTo = new HashMap<>();
            int links = 0;
            for (PDAnnotation annotation : contents.getAnnotations()) {
                PDAnnotationLink link = assertInstanceOf(annotation);
                String description = link.getContents();
                assertFalse(description == null || description.isBlank(), "a link without /Contents");
                PDActionGoTo go = (PDActionGoTo) link.getAction();
                PDNamedDestination named = (PDNamedDestination) go.getDestination();
                PDPageDestination target = doc.getDocumentCatalog().findNamedDestinationPage(named);
                assertTrue(target != null, "named destination " + named.getNamedDestination() + " exists");
                int page = doc.getPages().indexOf(target.getPage()) + 1;
                text.setStartPage(page);
                text.setEndPage(page);
                assertTrue(bare(text.getText(doc)).contains(bare(description)),
                        "the link '" + description + "' goes to page " + page + ", which shows it");
                linksTo.merge(named.getNamedDestination(), 1, Integer::sum);

                COSBase element = parentTree.get(link.getStructParent());
                assertTrue(element instanceof COSDictionary, "the annotation's StructParent is in the parent tree");
                PDStructureElement linkElement = new PDStructureElement((COSDictionary) element);
                assertEquals("Link", linkElement.getStructureType());
                assertTrue(linkElement.getKids().stream().anyMatch(k -> k instanceof PDObjectReference r
                        && r.getReferencedObject() != null
                        && r.getReferencedObject().getCOSObject() == link.getCOSObject()),
                        "the Link element refers to its annotation (OBJR)");
                links++;
            }
            assertEquals(tables.size() + 1, linksTo.size(), "tables and input files linked to: " + linksTo);
            assertTrue(linksTo.containsKey("run-inputs"), "the input files linked to: " + linksTo);
            assertTrue(linksTo.values().stream().allMatch(n -> n >= 2), "links per table: " + linksTo);
            assertTrue(links >= 2 * (tables.size() + 1), "links: " + links);
        }
    }

    /**
     * The † after a figure that differs from the print is a link to its note under the table, as in the HTML edition:
     * an annotation going to the note's named destination (table-t2-note-3), on the page that shows the note, that says
     * where it goes as the HTML's link is named ("† note 10", "† 注释 10": its /Contents, the marker and the note's
     * number in the workbook), tied to a Link element of the cell with that name as its Alt. One such link per cell note
     * of the tables; an indicator's or a baseline's marker of digits (Table I.2's ¹ ² ³) is such a link too.
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void aNotesMarkerLinksToItsNote(Language lang) throws IOException {
        int cellNotes = tables.stream().mapToInt(t -> t.cellNotes().size()).sum();
        assertTrue(cellNotes > 0, "the 2022-23 tables have a figure that differs from the print (Table 2's outcome 8)");
        String nameFormat = GoldenEditions.wording(pub).all(lang, "note_ref").get("note_ref");
        java.util.regex.Pattern noteDestination = java.util.regex.Pattern.compile("(table-[\\w-]+)-note-(\\d+)");
        try (PDDocument doc = Loader.loadPDF(pdf(lang).toFile())) {
            Map<Integer, COSBase> parentTree = parentTree(doc);
            PDFTextStripper text = new PDFTextStripper();
            int links = 0;
            int digits = 0;
            List<String> cellMarkers = tables.stream().flatMap(t -> t.cellNotes().stream()).map(n -> n.marker()).toList();
            for (PDPage page : doc.getPages()) {
                for (PDAnnotation annotation : page.getAnnotations()) {
                    if (!(annotation instanceof PDAnnotationLink link) || !(link.getAction() instanceof PDActionGoTo go)
                            || !(go.getDestination() instanceof PDNamedDestination named)) {
                        continue;
                    }
                    var m = noteDestination.matcher(named.getNamedDestination());
                    if (!m.matches()) {
                        continue;
                    }
                    String name = link.getContents();
                    assertTrue(name.matches(java.util.regex.Pattern.quote(nameFormat).replace("{marker}", "\\E\\S+\\Q")
                            .replace("{n}", "\\E[0-9]+\\Q")), "the link's description, its marker and the note's number: " + name);
                    Table table = tables.stream().filter(t -> TableView.anchor(t).equals(m.group(1))).findFirst().orElseThrow();
                    String note = TableView.of(table, lang).footnotes().get(Integer.parseInt(m.group(2)) - 1);
                    PDPageDestination target = doc.getDocumentCatalog().findNamedDestinationPage(named);
                    assertTrue(target != null, named.getNamedDestination() + " exists");
                    int targetPage = doc.getPages().indexOf(target.getPage()) + 1;
                    text.setStartPage(targetPage);
                    text.setEndPage(targetPage);
                    // The note's words after its marker (a note of pb-annex's own shows its tag between them).
                    String words = bare(note).replaceFirst("^[†*¹²³⁴⁵⁶⁷⁸⁹⁰]+", "");
                    assertTrue(bare(text.getText(doc)).contains(words.substring(0, Math.min(12, words.length()))),
                            named.getNamedDestination() + " goes to page " + targetPage + ", which shows the note " + note);
                    COSBase element = parentTree.get(link.getStructParent());
                    assertTrue(element instanceof COSDictionary, "the annotation's StructParent is in the parent tree");
                    PDStructureElement linkElement = new PDStructureElement((COSDictionary) element);
                    assertEquals("Link", linkElement.getStructureType());
                    assertEquals(name, linkElement.getAlternateDescription(), "the Link element's Alt");
                    // In its cell, or (a title's marker) in the table's heading.
                    String parent = ((PDStructureElement) linkElement.getParent()).getStructureType();
                    assertTrue(List.of("TD", "TH", "H2").contains(parent), "in its cell or its table's heading: " + parent);
                    assertTrue(linkElement.getKids().stream().anyMatch(k -> k instanceof PDObjectReference r
                            && r.getReferencedObject() != null
                            && r.getReferencedObject().getCOSObject() == link.getCOSObject()), "OBJR");
                    if (cellMarkers.contains(name.substring(0, name.indexOf(' ')))) {
                        links++;
                    } else {
                        digits++;
                    }
                }
            }
            assertEquals(cellNotes, links, lang + ": a link per note's marker");
            assertTrue(digits >= 3, lang + ": the links of the markers of digits: " + digits);
        }
    }

    /**
     * Every figure and text cell of every table names the heading cells it comes under (Headers), as the HTML edition's
     * cells do; every name is a heading cell's (TH) ID in the structure tree's ID tree, and every heading cell of a
     * table's body (a row's label, a group's heading row) has an ID, or a scope in a simple table (the inputs).
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void everyCellOfEveryTableNamesItsHeadingCells(Language lang) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf(lang).toFile())) {
            var root = doc.getDocumentCatalog().getStructureTreeRoot();
            Map<String, PDStructureElement> ids = new HashMap<>();
            PdfDocumentWriterTest.collectIds(root.getIDTree(), ids);
            int[] named = {0};
            walkCells(root.getKids(), false, (cell, inBody) -> {
                if ("TH".equals(cell.getStructureType())) {
                    // The inputs' list is a simple table: its row headings have a scope and no ID.
                    boolean scoped = cell.getCOSObject().getDictionaryObject(COSName.A) instanceof COSDictionary d
                            && d.getNameAsString("Scope") != null;
                    assertTrue(!inBody || cell.getElementIdentifier() != null || scoped,
                            "a body's heading cell without an ID or a scope");
                }
                List<String> headers = PdfDocumentWriterTest.headerIds(cell);
                for (String id : headers) {
                    assertTrue(ids.containsKey(id) && "TH".equals(ids.get(id).getStructureType()),
                            lang + ": " + id + " names no heading cell");
                }
                if (!headers.isEmpty() && "TD".equals(cell.getStructureType())) {
                    named[0]++;
                }
            });
            // Every figure and text cell of every table's rows (a heading row has none): 1 627 in 2022-23's 17 tables.
            int cells = tables.stream().map(t -> org.pbannex.render.markup.TableView.of(t, lang))
                    .flatMap(v -> v.body().stream()).flatMap(g -> g.rows().stream()).filter(r -> !r.heading())
                    .mapToInt(r -> r.cells().size()).sum();
            assertEquals(cells, named[0], lang + ": cells naming their headings");
            assertTrue(cells > 1500, "cells: " + cells);
        }
    }

    /** Every table cell (TD, TH) under the kids, depth first, with whether it is in a table's body. */
    private static void walkCells(List<Object> kids, boolean inBody,
                                  java.util.function.BiConsumer<PDStructureElement, Boolean> visitor) {
        for (Object k : kids) {
            if (k instanceof PDStructureElement e) {
                String type = e.getStructureType();
                if ("TD".equals(type) || "TH".equals(type)) {
                    visitor.accept(e, inBody);
                } else {
                    walkCells(e.getKids(), inBody || "TBody".equals(type), visitor);
                }
            }
        }
    }

    /**
     * A link inside a paragraph with text around it: the paragraph's structure element holds a Span, the Link and a
     * Span, in reading order (an element holds either text or elements, never both), and the file passes PDF/UA-1.
     */
    @Test
    void aLinkInsideAParagraphIsALinkBetweenTwoSpans() throws Exception {
        String xhtml = """
                <html xmlns="http://www.w3.org/1999/xhtml" lang="en"><head><title>Links</title></head><body>
                <p>See <a href="#target" title="the table on the next page">the table</a> below.</p>
                <div id="target" style="page-break-before: always"><p>Target</p></div>
                </body></html>""";
        Path out = dir.resolve("link.pdf");
        PdfDocumentWriter.writePdf(PdfDocumentWriter.laidOut(xhtml, PdfDocumentWriterTest.FONTS), xhtml, Language.EN,
                PdfDocumentWriterTest.INFO, out);
        assertEquals(Map.of(), pdfUaFailures(out));
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            PDStructureElement paragraph = find(doc.getDocumentCatalog().getStructureTreeRoot(), "P");
            assertTrue(paragraph != null, "a P element");
            List<String> kids = new ArrayList<>();
            for (Object kid : paragraph.getKids()) {
                kids.add(kid instanceof PDStructureElement e ? e.getStructureType() : kid.getClass().getSimpleName());
            }
            assertEquals(List.of("Span", "Link", "Span"), kids);
            PDAnnotationLink link = assertInstanceOf(doc.getPage(0).getAnnotations().get(0));
            assertEquals("the table on the next page", link.getContents());
        }
    }

    /**
     * The bookmarks: one per table, by its heading, then one for the page of input files, which opens on the page
     * that shows them.
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void theBookmarksEndWithTheInputFiles(Language lang) throws IOException {
        String inputs = GoldenEditions.wording(pub).in("inputs", lang);
        List<String> expected = new ArrayList<>(tables.stream().map(t -> TableView.of(t, lang).heading()).toList());
        expected.add(inputs);
        try (PDDocument doc = Loader.loadPDF(pdf(lang).toFile())) {
            List<String> titles = new ArrayList<>();
            PDOutlineItem last = null;
            for (PDOutlineItem item : doc.getDocumentCatalog().getDocumentOutline().children()) {
                titles.add(item.getTitle());
                last = item;
            }
            assertEquals(expected, titles);
            PDPage page = last.findDestinationPage(doc);
            assertEquals(doc.getNumberOfPages() - 1, doc.getPages().indexOf(page), "the input files' bookmark opens their page");
            PDFTextStripper text = new PDFTextStripper();
            text.setStartPage(doc.getNumberOfPages());
            assertTrue(text.getText(doc).contains(inputs), "the last page shows the input files");
        }
    }

    /**
     * Every chart (Figure 2's bars, each unit of count's bars of the targets by region, annex 4's pies) is a Figure
     * of the structure tree whose alternative says the chart's title and what it shows, in the edition's language;
     * what is drawn inside it (title, legend, bars and their figures) is no content of its own (the Figure has no
     * marked content: its figures are the table's), read after the table in its section. No table of the tree is a
     * chart's layout: every Table has heading cells, where the bars were tables of a region's name beside an empty cell.
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void everyChartIsAFigureWithItsAlternative(Language lang) throws IOException {
        String words = GoldenEditions.wording(pub).in("chart_alt", lang);
        List<String> expected = tables.stream().flatMap(t -> TableView.of(t, lang).charts().stream())
                .map(c -> words.replace("{title}", c.title()).replace("{description}", c.alt())).toList();
        assertTrue(expected.size() >= 7, "charts: " + expected.size());
        try (PDDocument doc = Loader.loadPDF(pdf(lang).toFile())) {
            List<PDStructureElement> figures = new ArrayList<>();
            List<PDStructureElement> tablesOfTheTree = new ArrayList<>();
            collect(doc.getDocumentCatalog().getStructureTreeRoot(), "Figure", figures);
            collect(doc.getDocumentCatalog().getStructureTreeRoot(), "Table", tablesOfTheTree);
            assertEquals(expected, figures.stream().map(PDStructureElement::getAlternateDescription).toList());
            for (PDStructureElement figure : figures) {
                assertEquals(List.of(), figure.getKids(), "a chart's insides are artifacts");
                // Read after its table, in its table's section (Flying Saucer draws a bar's figure, a float, first).
                List<String> section = new ArrayList<>();
                for (Object k : ((PDStructureElement) figure.getParent()).getKids()) {
                    section.add(k instanceof PDStructureElement e && e.getCOSObject() == figure.getCOSObject() ? "this chart"
                            : k instanceof PDStructureElement e ? e.getStructureType() : "content");
                }
                assertTrue(section.indexOf("Table") >= 0 && section.indexOf("this chart") > section.indexOf("Table"),
                        "a chart read after its table: " + section);
            }
            for (PDStructureElement table : tablesOfTheTree) {
                List<PDStructureElement> headings = new ArrayList<>();
                collect(table, "TH", headings);
                assertFalse(headings.isEmpty(), lang + ": a table without heading cells");
            }
        }
    }

    /**
     * A zero printed as a dash says zero to a screen reader: the dash is a Span of its cell whose alternative is the
     * edition's word for zero (texts.csv), and the text layer keeps the dash the page shows. Every such cell has one.
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void aZeroPrintedAsADashSaysZero(Language lang) throws IOException {
        String zero = GoldenEditions.wording(pub).in("zero", lang);
        long dashes = tables.stream().flatMap(t -> TableView.of(t, lang).body().stream()).flatMap(g -> g.rows().stream())
                .flatMap(r -> r.cells().stream()).filter(TableView.CellView::zero).count();
        assertTrue(dashes >= 10, "zeros printed as a dash: " + dashes);
        try (PDDocument doc = Loader.loadPDF(pdf(lang).toFile())) {
            List<PDStructureElement> spans = new ArrayList<>();
            collect(doc.getDocumentCatalog().getStructureTreeRoot(), "Span", spans);
            List<PDStructureElement> said = spans.stream().filter(s -> zero.equals(s.getAlternateDescription())).toList();
            assertEquals(dashes, said.size(), "spans that say zero");
            for (PDStructureElement span : said) {
                assertEquals("TD", ((PDStructureElement) span.getParent()).getStructureType());
                assertEquals("0", span.getActualText(), "a copy of the dash gives the figure");
            }
            assertTrue(PdfDocumentWriterTest.text(doc).contains(NumberText.DASH), "the dash stays in the text layer");
        }
    }

    /**
     * A cell the print leaves empty says why to a screen reader, as the HTML edition's hidden text does: a shared means
     * of verification (Table I.2, the cell above spanning both rows on the page) its text, any other "nothing printed
     * in this cell" (texts.csv), as the Alt of its TD, which has no content. No cell of a table's body is read as blank.
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void aCellThePrintLeavesEmptySaysWhy(Language lang) throws IOException {
        String notPrinted = GoldenEditions.wording(pub).in("not_printed", lang);
        List<String> expected = tables.stream().flatMap(t -> TableView.of(t, lang).body().stream())
                .flatMap(g -> g.rows().stream()).flatMap(r -> r.cells().stream()).filter(c -> c.text().isEmpty())
                .map(c -> c.shared().isEmpty() ? notPrinted : c.shared()).toList();
        assertTrue(expected.stream().filter(x -> !x.equals(notPrinted)).count() >= 20, "shared means of verification: " + expected);
        try (PDDocument doc = Loader.loadPDF(pdf(lang).toFile())) {
            List<PDStructureElement> cells = new ArrayList<>();
            collect(doc.getDocumentCatalog().getStructureTreeRoot(), "TD", cells);
            List<String> said = cells.stream().filter(td -> td.getKids().isEmpty())
                    .filter(td -> !"THead".equals(((PDStructureElement) ((PDStructureElement) td.getParent()).getParent()).getStructureType()))
                    .map(td -> String.valueOf(td.getAlternateDescription())).toList();
            assertEquals(expected, said, "the Alt of each body cell without content");
        }
    }

    /**
     * A figure whose printed text a screen reader would split or misread (tester 78b, 20: the zh edition's "50 267 588",
     * grouped with spaces, heard as three numbers; a minus not heard) is one number to it and to a copy: the Span of the
     * printed figure in its TD has, as its Alt, what the HTML edition's hidden text says (the digits alone, a minus in
     * words, edition.minus) and, as its ActualText, the plain figure ("50267588", "-157178"). Every figure of the tables
     * printed grouped or with a minus has both, read from the PDF's marked content; the text layer keeps the grouped
     * figure the page shows. A work-years figure ("27 / 1") is said with its units, its months, set apart to align the
     * column, in its Span. Then figures of the golden transcription of Table 1 and Annex 2, found by their printed text.
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void aGroupedFigureIsOneNumberToAScreenReaderAndACopy(Language lang) throws IOException {
        String minus = GoldenEditions.wording(pub).in("minus", lang);
        String separator = lang == Language.ZH ? " " : ",";
        Map<String, PDStructureElement> byPrinted = new HashMap<>();
        try (PDDocument doc = Loader.loadPDF(pdf(lang).toFile())) {
            Map<PDPage, Map<Integer, String>> marked = new HashMap<>();
            List<PDStructureElement> spans = new ArrayList<>();
            collect(doc.getDocumentCatalog().getStructureTreeRoot(), "Span", spans);
            int grouped = 0;
            int workYears = 0;
            for (PDStructureElement span : spans) {
                if (!"TD".equals(((PDStructureElement) span.getParent()).getStructureType())) {
                    continue;
                }
                String printed = printed(doc, span, marked).strip();
                if (printed.matches("[0-9 ,]+ / [0-9]+")) { // a work-years figure, its months in a box of their own
                    String[] parts = printed.split(" / ");
                    parts[0] = parts[0].replace(separator, "");
                    assertEquals(GoldenEditions.wording(pub).in(parts[1].equals("1") ? "years_months_one" : "years_months", lang)
                            .replace("{years}", parts[0]).replace("{months}", parts[1]), span.getAlternateDescription());
                    workYears++;
                }
                assertFalse(printed.endsWith("/"), "a work-years figure's Span holds its months too: " + printed);
                if (!printed.matches("-?[0-9][0-9" + separator + "]*(\\.[0-9])?")) {
                    continue; // a text, a work-years figure, a zero's dash
                }
                String plain = printed.replace(separator, "");
                if (printed.contains(separator) || printed.startsWith("-")) {
                    grouped++;
                    assertEquals(plain.startsWith("-") ? minus.replace("{n}", plain.substring(1)) : plain,
                            span.getAlternateDescription(), "the Alt of " + printed);
                    byPrinted.putIfAbsent(printed, span);
                }
                // "-0.6" is what a copy should give already: no ActualText.
                assertEquals(printed.contains(separator) ? plain : null, span.getActualText(), "the ActualText of " + printed);
            }
            assertTrue(grouped >= 500, "figures printed grouped or with a minus: " + grouped);
            assertTrue(workYears >= 50, "work-years figures: " + workYears);
            String text = PdfDocumentWriterTest.text(doc);
            assertTrue(text.contains(grouped("50267588", separator)) && !text.contains("50267588"),
                    "the text layer has the figure as printed");
        }
        List<Map<String, String>> golden = new ArrayList<>(Golden.read("table1_strategic_budget.csv"));
        golden.addAll(Golden.read("annex2_cost_increases.csv"));
        int found = 0;
        for (Map<String, String> row : golden) {
            for (Map.Entry<String, String> cell : row.entrySet()) {
                String v = cell.getValue();
                if (!v.matches("-?[0-9]{4,}")) {
                    continue; // a label, a percentage, a figure under 1 000
                }
                PDStructureElement span = byPrinted.get(grouped(v, separator));
                assertTrue(span != null, cell.getKey() + " " + v + " printed grouped in a Span of its own");
                assertEquals(v, span.getActualText());
                found++;
            }
        }
        assertTrue(found >= 50, "golden figures: " + found);
    }

    /** A plain figure grouped by thousands, as the golden transcription's figures are printed. */
    private static String grouped(String plain, String separator) {
        return plain.replaceAll("(?<=[0-9])(?=([0-9]{3})+$)", separator);
    }

    /** The text of the structure element's marked content, as drawn on its page (marked: each page's, by MCID). */
    private static String printed(PDDocument doc, PDStructureElement element, Map<PDPage, Map<Integer, String>> marked)
            throws IOException {
        StringBuilder out = new StringBuilder();
        for (Object kid : element.getKids()) {
            Integer mcid = kid instanceof Integer i ? i
                    : kid instanceof org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference r
                    ? r.getMCID() : null;
            PDPage page = kid instanceof org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference r
                    && r.getPage() != null ? r.getPage() : element.getPage();
            if (mcid == null || page == null) {
                continue;
            }
            if (!marked.containsKey(page)) {
                Map<Integer, String> texts = new HashMap<>();
                var extractor = new org.apache.pdfbox.text.PDFMarkedContentExtractor();
                extractor.processPage(page);
                extractor.getMarkedContents().forEach(c -> texts.merge(c.getMCID(), textOf(c), String::concat));
                marked.put(page, texts);
            }
            out.append(marked.get(page).getOrDefault(mcid, ""));
        }
        return out.toString();
    }

    private static String textOf(org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent content) {
        StringBuilder out = new StringBuilder();
        for (Object c : content.getContents()) {
            if (c instanceof org.apache.pdfbox.text.TextPosition t) {
                out.append(t.getUnicode());
            }
        }
        return out.toString();
    }

    /**
     * The draft budget's income items have a heading a screen reader announces (texts.csv's "Income item"), though the
     * page, as printed, shows none: a heading cell (TH) with that alternative and no content, which the items' cells
     * name among their headings.
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void theIncomeItemsHeadingIsAnnouncedThoughItShowsNothing(Language lang) throws IOException {
        var heading = TableView.of(pub.tables().get("br"), lang).head().stream().flatMap(List::stream)
                .filter(c -> !c.spoken().isEmpty()).findFirst().orElseThrow();
        assertEquals(pub.reference().texts().get("br.col.income_item").in(lang), heading.spoken());
        try (PDDocument doc = Loader.loadPDF(pdf(lang).toFile())) {
            Map<String, PDStructureElement> ids = new HashMap<>();
            PdfDocumentWriterTest.collectIds(doc.getDocumentCatalog().getStructureTreeRoot().getIDTree(), ids);
            PDStructureElement th = ids.get(heading.id());
            assertTrue(th != null && "TH".equals(th.getStructureType()), heading.id() + " is a heading cell");
            assertEquals(heading.spoken(), th.getAlternateDescription());
            assertEquals(List.of(), th.getKids(), "it shows nothing");
            int naming = 0;
            List<PDStructureElement> cells = new ArrayList<>();
            collect(doc.getDocumentCatalog().getStructureTreeRoot(), "TD", cells);
            for (PDStructureElement td : cells) {
                naming += PdfDocumentWriterTest.headerIds(td).contains(heading.id()) ? 1 : 0;
            }
            assertEquals(pub.tables().get("br").rows().size(), naming, "the income items' cells, a row each, name it");
        }
    }

    /** Every structure element of a type under the node, depth first. */
    private static void collect(PDStructureNode node, String type, List<PDStructureElement> into) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement e) {
                if (type.equals(e.getStructureType())) {
                    into.add(e);
                }
                collect(e, type, into);
            }
        }
    }

    /** The failed rules of PDF/UA-1, by clause and test number, each with veraPDF's message and where it failed. */
    static Map<String, String> pdfUaFailures(Path pdf) throws Exception {
        PDFAFlavour flavour = PDFAFlavour.PDFUA_1;
        Map<String, String> failed = new TreeMap<>();
        try (PDFAParser parser = Foundries.defaultInstance().createParser(Files.newInputStream(pdf), flavour)) {
            PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false);
            ValidationResult result = validator.validate(parser);
            for (TestAssertion a : result.getTestAssertions()) {
                if (a.getStatus() == TestAssertion.Status.FAILED) {
                    failed.putIfAbsent(a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber(),
                            a.getMessage() + " at " + a.getLocation().getContext());
                }
            }
            assertTrue(result.isCompliant() == failed.isEmpty(), "veraPDF's verdict and its failures agree");
        }
        return failed;
    }

    private static PDAnnotationLink assertInstanceOf(PDAnnotation a) {
        assertTrue(a instanceof PDAnnotationLink, "a link annotation: " + a.getSubtype());
        return (PDAnnotationLink) a;
    }

    /** The parent tree's entries (a flat /Nums array, as OpenPDF writes it for this many), by key. */
    private static Map<Integer, COSBase> parentTree(PDDocument doc) {
        Map<Integer, COSBase> entries = new HashMap<>();
        COSDictionary root = doc.getDocumentCatalog().getStructureTreeRoot().getCOSObject();
        collect(root.getCOSDictionary(COSName.PARENT_TREE), entries);
        return entries;
    }

    private static void collect(COSDictionary node, Map<Integer, COSBase> entries) {
        COSArray nums = node.getCOSArray(COSName.NUMS);
        if (nums != null) {
            for (int i = 0; i + 1 < nums.size(); i += 2) {
                COSBase value = nums.get(i + 1);
                entries.put(((org.apache.pdfbox.cos.COSInteger) nums.getObject(i)).intValue(),
                        value instanceof COSObject o ? o.getObject() : value);
            }
        }
        COSArray kids = node.getCOSArray(COSName.KIDS);
        if (kids != null) {
            for (int i = 0; i < kids.size(); i++) {
                collect((COSDictionary) kids.getObject(i), entries);
            }
        }
    }

    private static PDStructureElement find(PDStructureNode node, String type) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement e) {
                if (type.equals(e.getStructureType())) {
                    return e;
                }
                PDStructureElement found = find(e, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String bare(String s) {
        return s.replaceAll("\\s+", "");
    }
}
