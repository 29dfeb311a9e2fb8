package org.pbannex.render.pdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.font.PDCIDFontType2;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.TestWording;
import org.pbannex.render.PublicationInfo;
import org.pbannex.render.markup.Wording;
import org.pbannex.table.Chart;
import org.pbannex.table.Column;
import org.pbannex.table.Language;
import org.pbannex.table.Row;
import org.pbannex.table.RowType;
import org.pbannex.table.Table;
import org.pbannex.table.Text;
import org.pbannex.table.ValueKind;

class PdfDocumentWriterTest {

    static final Path FONTS = Path.of(System.getProperty("pb.home", ".")).resolve("work/fonts");
    static final PublicationInfo INFO = new PublicationInfo(
            new Text("计划和预算附件", "Programme and Budget annexes"),
            new Text("2022-23年计划和预算建议", "Programme and Budget proposals for 2022-23"),
            "2022-23", "run-42", "2025-01-02T03:04:05Z", "0.1.0-test", List.of(),
            new Text("预算处", "Budget unit"), Text.EMPTY, List.of());
    static final int LONG_ROWS = 90;
    static final Wording WORDING = TestWording.bundled();

    @TempDir
    static Path dir;
    static Path zh;
    static Path en;

    @BeforeAll
    static void render() throws IOException {
        zh = dir.resolve("annex-zh.pdf");
        en = dir.resolve("annex-en.pdf");
        PdfDocumentWriter.write(tables(), Language.ZH, INFO, WORDING, FONTS, zh);
        PdfDocumentWriter.write(tables(), Language.EN, INFO, WORDING, FONTS, en);
    }

    /** A long, wide table with grouped columns, then a short portrait table. */
    static List<Table> tables() {
        Text usd = new Text("美元", "US$");
        Text proposal = new Text("2022-23年提案", "Proposals 2022-23");
        List<Column> cols = List.of(
                Column.of("previous", new Text("2020-21年预算", "Budget 2020-21"), Text.EMPTY, usd, ValueKind.AMOUNT),
                Column.of("constant", new Text("按不变美元计算", "Constant dollars"), proposal, usd, ValueKind.AMOUNT),
                Column.of("recosted", new Text("重新计算成本后", "Recosted"), proposal, usd, ValueKind.AMOUNT),
                Column.of("change", new Text("变化", "Change"), Text.EMPTY, new Text("%", "%"), ValueKind.PERCENT),
                Column.of("work", new Text("工作年/月", "Work-years / months"), Text.EMPTY, Text.EMPTY,
                        ValueKind.YEARS_MONTHS));
        List<Row> rows = new ArrayList<>();
        rows.add(Row.heading("part1", new Text("第一编 政策制定机构", "Part I. Policy-making organs"), 0));
        rows.add(new Row("ilc", RowType.UNIT, new Text("国际劳工大会", "International Labour Conference"), 1,
                values(25_073_643L, -6_303_318L, 1_234_567L, "1.7", 325L)));
        for (int i = 2; i <= LONG_ROWS; i++) {
            rows.add(new Row("item" + i, RowType.UNIT, new Text("项目 " + i, "Item " + i), 1,
                    values(1000L * i, 900L * i, 1100L * i, "0.5", 12L * i)));
        }
        // A subtotal without work-years: an empty cell.
        Map<String, Object> sub = values(1L, 2L, 3L, "0.0", 1L);
        sub.remove("work");
        rows.add(new Row("sub", RowType.GROUP_SUBTOTAL, new Text("小计", "Subtotal"), 0, sub));
        rows.add(new Row("total", RowType.GRAND_TOTAL, new Text("合计(第一编至第四编)", "Total (Parts I-IV)"), 0,
                values(9L, 8L, 7L, "-0.1", 0L)));
        Table wide = new Table("a1", new Text("资料附件 1", "Information annex 1"),
                new Text("按拨款项目列示的业务预算", "Operational budget by appropriation line"), new Text("（美元）", "(US$)"),
                new Text("拨款项目", "Appropriation line"), cols, rows,
                List.of(new Text("注：A & B <c> \"引号\"", "Note: A & B <c> \"quoted\"")), Text.EMPTY, true);

        List<Column> cols2 = List.of(Column.of("amount", new Text("金额", "Amount"), Text.EMPTY, usd, ValueKind.AMOUNT));
        Table small = new Table("t1", new Text("表 1", "Table 1"), new Text("战略预算", "Strategic budget"),
                new Text("（美元）", "(US$)"), new Text("项目", "Item"), cols2,
                List.of(new Row("x", RowType.UNIT, new Text("国际劳工大会", "International Labour Conference"), 0,
                                Map.of("amount", 25_073_643L)),
                        new Row("t", RowType.GRAND_TOTAL, new Text("合计(第一编至第四编)", "Total (Parts I-IV)"), 0,
                                Map.of("amount", -6_303_318L))),
                List.of(), Text.EMPTY, false)
                .withCaveat(new Text("本表根据合成数据计算，不是劳工局的数字。", "Drawn from synthetic data, not ILO figures."))
                .withCharts(List.of(new Chart("t1-pie", Chart.Kind.PIE, new Text("份额", "Shares"), new Text("饼图", "Pie chart"),
                        new Text("%", "%"), List.of(new Text("人员", "Staff"), new Text("未列明", "Not itemised")),
                        List.of(new Chart.Series(new Text("份额", "Share"), List.of(new BigDecimal("62.5"), new BigDecimal("37.5")))))
                        .withNote(new Text("各份额的归属可靠性较低。", "Slices read with low confidence."))));
        return List.of(wide, small);
    }

    static Map<String, Object> values(long previous, long constant, long recosted, String change, long months) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("previous", previous);
        v.put("constant", constant);
        v.put("recosted", recosted);
        v.put("change", new BigDecimal(change));
        v.put("work", months);
        return v;
    }

    static String text(PDDocument doc) throws IOException {
        return new PDFTextStripper().getText(doc);
    }

    static String pageText(PDDocument doc, int page) throws IOException {
        PDFTextStripper s = new PDFTextStripper();
        s.setStartPage(page);
        s.setEndPage(page);
        return s.getText(doc);
    }

    static boolean landscape(PDPage page) {
        PDRectangle box = page.getMediaBox();
        return page.getRotation() % 180 == 0 ? box.getWidth() > box.getHeight() : box.getHeight() > box.getWidth();
    }

    @Test
    void zhTextHasLabelsAndZhNumberFormat() throws IOException {
        try (PDDocument doc = Loader.loadPDF(zh.toFile())) {
            String t = text(doc);
            assertTrue(t.contains("国际劳工大会"), t);
            assertTrue(t.contains("合计(第一编至第四编)"));
            assertTrue(t.contains("25 073 643"));
            assertTrue(t.contains("-6 303 318"));
            assertTrue(t.contains("27 / 1"), "325 months print as years / months");
            assertTrue(t.contains("1.7"));
            assertTrue(t.contains("注：A & B <c> \"引号\""), "escaped footnote text comes back verbatim");
            assertTrue(t.contains("run-42") && t.contains("协调世界时 2025 年 1 月 2 日 03:04"), "cover names the run and when it was made");
            assertFalse(t.contains("25,073,643"));
        }
    }

    @Test
    void enTextUsesCommaGrouping() throws IOException {
        try (PDDocument doc = Loader.loadPDF(en.toFile())) {
            String t = text(doc);
            assertTrue(t.contains("International Labour Conference"));
            assertTrue(t.contains("25,073,643"));
            assertTrue(t.contains("-6,303,318"));
            assertTrue(t.contains("27 / 1"));
            assertTrue(t.contains("Note: A & B <c> \"quoted\""));
            assertEquals("en-GB", doc.getDocumentCatalog().getLanguage());
            // A viewer shows the title, not the file name.
            assertTrue(doc.getDocumentCatalog().getViewerPreferences().displayDocTitle());
        }
    }

    @Test
    void longWideTableIsLandscapeAndRepeatsItsHeaderOnEveryPage() throws IOException {
        try (PDDocument doc = Loader.loadPDF(zh.toFile())) {
            List<Integer> wide = new ArrayList<>();
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                if (landscape(doc.getPage(i))) {
                    wide.add(i + 1);
                }
            }
            assertTrue(wide.size() >= 2, "the " + LONG_ROWS + "-row table breaks across pages: " + wide);
            for (int p : wide) {
                String t = pageText(doc, p);
                assertTrue(t.contains("重新计算成本后") && t.contains("2022-23年提案") && t.contains("拨款项目"),
                        "column headings repeated on page " + p + ":\n" + t);
            }
            assertTrue(pageText(doc, wide.get(wide.size() - 1)).contains("合计(第一编至第四编)"));
            // Cover and the short table stay portrait.
            assertFalse(landscape(doc.getPage(0)));
            assertFalse(landscape(doc.getPage(doc.getNumberOfPages() - 1)));
            assertTrue(pageText(doc, doc.getNumberOfPages()).contains("战略预算"));
        }
    }

    @Test
    void everyFontIsEmbeddedCidTrueType() throws IOException {
        for (Path file : List.of(zh, en)) {
            try (PDDocument doc = Loader.loadPDF(file.toFile())) {
                int type0 = 0;
                int fonts = 0;
                for (PDPage page : doc.getPages()) {
                    PDResources res = page.getResources();
                    for (COSName name : res.getFontNames()) {
                        PDFont font = res.getFont(name);
                        fonts++;
                        assertTrue(font.isEmbedded(), file + ": font " + font.getName() + " not embedded");
                        if (font instanceof PDType0Font t0 && t0.getDescendantFont() instanceof PDCIDFontType2) {
                            type0++;
                        }
                    }
                }
                assertTrue(fonts > 0);
                assertEquals(fonts, type0, file + ": every font is the Type0 / CIDFontType2 CJK font");
            }
        }
    }

    /**
     * A family the PDF has no font for (a base-14 name included, a CSS typo too) falls back to the embedded font: the
     * resolver has none of the 14 standard fonts, which are not embedded and would drop every Chinese character.
     */
    @Test
    void anUnknownFamilyFallsBackToTheEmbeddedFont() throws IOException {
        String xhtml = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>"
                + "<p style=\"font-family: Helvetica\">Helvetica 国际劳工大会</p>"
                + "<p style=\"font-family: serif\">Serif 理事会</p>"
                + "<p style=\"font-family: no-such-font\">Typo 区域会议</p></body></html>";
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            PdfDocumentWriter.laidOut(xhtml, FONTS).createPDF(out);
        } catch (com.lowagie.text.DocumentException e) {
            throw new IOException(e);
        }
        try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
            String t = text(doc);
            assertTrue(t.contains("Helvetica 国际劳工大会") && t.contains("Serif 理事会") && t.contains("Typo 区域会议"), t);
            PDResources res = doc.getPage(0).getResources();
            int fonts = 0;
            for (COSName name : res.getFontNames()) {
                PDFont font = res.getFont(name);
                fonts++;
                assertTrue(font.isEmbedded() && font instanceof PDType0Font, "font " + font.getName());
            }
            assertEquals(1, fonts, "one font, the embedded regular face");
        }
    }

    @Test
    void outlineAndMetadata() throws IOException {
        try (PDDocument doc = Loader.loadPDF(zh.toFile())) {
            List<String> titles = new ArrayList<>();
            for (PDOutlineItem item : doc.getDocumentCatalog().getDocumentOutline().children()) {
                titles.add(item.getTitle());
            }
            assertEquals(List.of("资料附件 1 按拨款项目列示的业务预算", "表 1 战略预算"), titles);
            assertTrue(doc.getDocumentInformation().getTitle().startsWith("计划和预算附件"));
            assertEquals("pb-annex", doc.getDocumentInformation().getAuthor());
            assertEquals("zh-CN", doc.getDocumentCatalog().getLanguage());
            assertEquals(2025, doc.getDocumentInformation().getCreationDate().get(java.util.Calendar.YEAR));
            // The XMP metadata says the same: the title (dc:title) and the run's date, not the clock's.
            try (var in = doc.getDocumentCatalog().getMetadata().exportXMPMetadata()) {
                String xmp = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertTrue(xmp.contains("<dc:title>") && xmp.contains(doc.getDocumentInformation().getTitle()), xmp);
                assertTrue(xmp.contains("2025-01-02T03:04:05"), "the run's time as the creation date: " + xmp);
            }
        }
    }

    /**
     * The XMP metadata gives the document's language as the catalog does (README: "the document's language and title
     * in its properties and its XMP metadata"): dc:language, and the title in that language beside the default.
     */
    @Test
    void theXmpMetadataSaysTheLanguage() throws Exception {
        for (Path pdf : List.of(zh, en)) {
            try (PDDocument doc = Loader.loadPDF(pdf.toFile());
                 var in = doc.getDocumentCatalog().getMetadata().exportXMPMetadata()) {
                String lang = doc.getDocumentCatalog().getLanguage();
                var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
                factory.setNamespaceAware(true);
                org.w3c.dom.Document xmp = factory.newDocumentBuilder().parse(in);
                String dc = "http://purl.org/dc/elements/1.1/";
                String rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
                var languages = xmp.getElementsByTagNameNS(dc, "language");
                assertEquals(1, languages.getLength(), pdf + ": one dc:language");
                var items = ((org.w3c.dom.Element) languages.item(0)).getElementsByTagNameNS(rdf, "li");
                assertEquals(1, items.getLength());
                assertEquals(lang, items.item(0).getTextContent(), pdf + ": dc:language is the catalog's Lang");
                var titles = xmp.getElementsByTagNameNS(dc, "title");
                assertEquals(1, titles.getLength(), pdf + ": one dc:title");
                Map<String, String> byLang = new LinkedHashMap<>();
                var alts = ((org.w3c.dom.Element) titles.item(0)).getElementsByTagNameNS(rdf, "li");
                for (int i = 0; i < alts.getLength(); i++) {
                    var li = (org.w3c.dom.Element) alts.item(i);
                    byLang.put(li.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang"), li.getTextContent());
                }
                String title = doc.getDocumentInformation().getTitle();
                assertEquals(Map.of("x-default", title, lang, title), byLang, pdf + ": the title, in its language too");
            }
        }
    }

    /**
     * A tagged PDF (PDF 1.7, 14.8): marked as such, with a structure tree, and every mark on every page, text and
     * paths, inside a marked-content sequence: content of the tree (an MCID) or an artifact (the page numbers, the
     * running header, rules, backgrounds, the pie), each sequence nesting with the saved graphics states (q ... Q). The
     * page numbers, which every page but the cover has, are artifacts.
     */
    @Test
    void everyMarkIsTaggedContentOrAnArtifact() throws IOException {
        for (Path pdf : List.of(zh, en)) {
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                var catalog = doc.getDocumentCatalog();
                assertTrue(catalog.getMarkInfo() != null && catalog.getMarkInfo().isMarked(), pdf + ": MarkInfo /Marked true");
                assertTrue(catalog.getStructureTreeRoot() != null && !catalog.getStructureTreeRoot().getKids().isEmpty(),
                        pdf + ": a structure tree");
                int artifactTexts = 0;
                int contentTexts = 0;
                for (int p = 0; p < doc.getNumberOfPages(); p++) {
                    var parser = new PDFStreamParser(doc.getPage(p));
                    java.util.Deque<String> open = new java.util.ArrayDeque<>();
                    java.util.Deque<Integer> savedAtOpen = new java.util.ArrayDeque<>();
                    int saved = 0;
                    List<Object> operands = new ArrayList<>();
                    for (Object token = parser.parseNextToken(); token != null; token = parser.parseNextToken()) {
                        if (!(token instanceof Operator op)) {
                            operands.add(token);
                            continue;
                        }
                        switch (op.getName()) {
                            case "BMC", "BDC" -> {
                                open.push(((COSName) operands.get(0)).getName());
                                savedAtOpen.push(saved);
                            }
                            case "EMC" -> {
                                open.pop();
                                assertEquals(savedAtOpen.pop(), saved, pdf + " page " + (p + 1)
                                        + ": a marked-content sequence and a saved graphics state (q ... Q) overlap");
                            }
                            case "q" -> saved++;
                            case "Q" -> saved--;
                            case "Tj", "TJ", "'", "\"" -> {
                                assertFalse(open.isEmpty(), pdf + " page " + (p + 1) + ": text outside marked content");
                                if (open.contains("Artifact")) {
                                    artifactTexts++;
                                } else {
                                    contentTexts++;
                                }
                            }
                            case "f", "F", "f*", "S", "s", "B", "B*", "b", "b*", "Do", "sh" ->
                                    assertFalse(open.isEmpty(), pdf + " page " + (p + 1) + ": '" + op.getName()
                                            + "' painted outside marked content");
                            default -> { }
                        }
                        operands.clear();
                    }
                    assertTrue(open.isEmpty(), pdf + " page " + (p + 1) + ": marked content left open");
                }
                assertTrue(artifactTexts >= doc.getNumberOfPages() - 1, pdf + ": page numbers as artifacts: " + artifactTexts);
                assertTrue(contentTexts > LONG_ROWS * 5, pdf + ": texts in the structure tree: " + contentTexts);
            }
        }
    }

    /**
     * The long table's structure, read by PDFBox: its heading cells are content on the table's first page only (the
     * copies drawn at the top of each later page are artifacts); every body row has as many cells as the table has
     * columns, empty cells included, or spans them; a heading cell says its scope.
     */
    @Test
    void theLongTablesHeadingCellsAreContentOnceAndEveryRowIsWhole() throws IOException {
        try (PDDocument doc = Loader.loadPDF(zh.toFile())) {
            // The second table of the tree: the cover's facts come first (the contents are a TOC).
            var table = find(doc.getDocumentCatalog().getStructureTreeRoot().getKids(), "Table", 2);
            assertTrue(table != null, "a second table in the tree");
            var head = children(table, "THead").get(0);
            int headingCells = 0;
            for (var tr : children(head, "TR")) {
                for (var th : children(tr, "TH")) {
                    // Its marks (an MCID on the element's page, or a reference naming its page) all on one page.
                    var pages = th.getKids().stream().map(k -> k instanceof PDMarkedContentReference r && r.getPage() != null ? r.getPage() : th.getPage())
                            .map(p -> doc.getPages().indexOf(p)).distinct().toList();
                    assertEquals(1, pages.size(), "heading cell on one page, not on every page: pages " + pages);
                    var scope = ((COSDictionary) th.getCOSObject().getDictionaryObject(COSName.A)).getNameAsString("Scope");
                    assertTrue(List.of("Column", "Row").contains(scope), "scope " + scope);
                    headingCells++;
                }
            }
            assertTrue(headingCells >= 5, "heading cells: " + headingCells);
            int rows = 0;
            for (var body : children(table, "TBody")) {
                for (var tr : children(body, "TR")) {
                    int width = 0;
                    for (var cell : tr.getKids()) {
                        var a = ((PDStructureElement) cell)
                                .getCOSObject().getDictionaryObject(COSName.A);
                        int span = a instanceof COSDictionary d ? d.getInt("ColSpan", 1) : 1;
                        width += span;
                    }
                    assertEquals(6, width, "a row's cells and spans: the label and five columns");
                    rows++;
                }
            }
            assertTrue(rows >= LONG_ROWS, "body rows: " + rows);
        }
    }

    /**
     * As in the HTML edition, every cell of the body names the headings it comes under (its Headers, by ID): the group's
     * heading row above it, its row's label and its column's headings; each ID is a heading cell's (TH) in the
     * structure tree's ID tree, none dangling. The group's heading row is a heading cell across the table, with no
     * scope (the cells name it). The notes are the table's footer (TFoot).
     */
    @Test
    void everyCellNamesItsHeadingCellsByIdAsTheHtmlEditionDoes() throws IOException {
        try (PDDocument doc = Loader.loadPDF(en.toFile())) {
            var root = doc.getDocumentCatalog().getStructureTreeRoot();
            Map<String, PDStructureElement> ids = new LinkedHashMap<>();
            collectIds(root.getIDTree(), ids);
            assertTrue(ids.size() > LONG_ROWS, "IDs: " + ids.size());
            ids.forEach((id, e) -> assertEquals("TH", e.getStructureType(), id));
            var table = find(root.getKids(), "Table", 2);
            int cells = 0;
            for (var body : children(table, "TBody")) {
                for (var tr : children(body, "TR")) {
                    for (var td : children(tr, "TD")) {
                        List<String> headers = headerIds(td);
                        assertTrue(headers.size() >= 2, "a cell's headers: " + headers);
                        for (String id : headers) {
                            assertTrue(ids.containsKey(id), "heading " + id + " in the ID tree");
                        }
                        cells++;
                    }
                }
            }
            assertTrue(cells >= 5 * LONG_ROWS, "cells: " + cells);
            // The International Labour Conference's figures: under Part I's heading row and the row's own label.
            var part = ids.get("table-a1-row-0");
            var partAttributes = (COSDictionary) part.getCOSObject().getDictionaryObject(COSName.A);
            assertEquals(6, partAttributes.getInt("ColSpan"), "the heading row: one cell across the table");
            assertFalse(partAttributes.containsKey("Scope"), "the heading row's cell has no scope: the cells name it");
            assertEquals("Row", ((COSDictionary) ids.get("table-a1-row-1").getCOSObject().getDictionaryObject(COSName.A))
                    .getNameAsString("Scope"));
            var ilc = children(children(table, "TBody").get(0), "TR").get(1);
            String named = headerIds(children(ilc, "TD").get(0)).toString();
            assertTrue(named.contains("table-a1-row-0") && named.contains("table-a1-row-1") && named.contains("table-a1-col-"),
                    named);
            // The notes under the last row are the table's footer, after its bodies: not a row of its figures.
            var kids = table.getKids();
            var foot = (PDStructureElement) kids.get(kids.size() - 1);
            assertEquals("TFoot", foot.getStructureType());
            assertEquals(1, children(foot, "TR").size());
            assertEquals(1, children(children(foot, "TR").get(0), "TD").size(), "the notes: one cell across the table");
        }
    }

    /** The IDs a table cell's Headers attribute names, in order (none when it has none). */
    static List<String> headerIds(PDStructureElement cell) {
        List<String> ids = new ArrayList<>();
        if (cell.getCOSObject().getDictionaryObject(COSName.A) instanceof COSDictionary a
                && a.getDictionaryObject(COSName.getPDFName("Headers")) instanceof COSArray headers) {
            for (int i = 0; i < headers.size(); i++) {
                ids.add(((COSString) headers.getObject(i)).getString());
            }
        }
        return ids;
    }

    static void collectIds(org.apache.pdfbox.pdmodel.common.PDNameTreeNode<PDStructureElement> node,
            Map<String, PDStructureElement> into) throws IOException {
        assertTrue(node != null, "the structure tree has an ID tree");
        if (node.getNames() != null) {
            into.putAll(node.getNames());
        }
        if (node.getKids() != null) {
            for (var kid : node.getKids()) {
                collectIds(kid, into);
            }
        }
    }

    /**
     * The contents, set as a table of two columns, are a list of links to a reader: a TOC with an entry (TOCI) per
     * table, each holding its two links (the table's heading, its page), not a table of data without headings.
     */
    @Test
    void theContentsAreATableOfContentsOfLinks() throws IOException {
        try (PDDocument doc = Loader.loadPDF(zh.toFile())) {
            var toc = find(doc.getDocumentCatalog().getStructureTreeRoot().getKids(), "TOC", 1);
            assertTrue(toc != null, "a TOC in the tree");
            var entries = children(toc, "TOCI");
            assertEquals(tables().size(), entries.size(), "an entry per table");
            for (var entry : entries) {
                assertEquals(2, children(entry, "Link").size(), "the heading's link and the page's");
                assertEquals(2, entry.getKids().size(), "nothing else in an entry");
            }
        }
    }

    /**
     * The cover's files of synthetic data are a list to a screen reader (L, an LI per file, its text in the LBody), as
     * the HTML edition's are (README: each list is an element of the structure tree), though printed as lines.
     */
    @Test
    void theCoversFilesOfSyntheticDataAreAList(@TempDir Path out) throws Exception {
        List<String> files = List.of("input/expenditure/synthetic-a.csv", "input/expenditure/synthetic-b.csv");
        PublicationInfo info = new PublicationInfo(INFO.title(), INFO.source(), INFO.biennium(), INFO.runId(),
                INFO.runTime(), INFO.codeVersion(), INFO.contact(), INFO.citation(), INFO.notes(), INFO.about(),
                INFO.published(), files.stream().map(f -> new PublicationInfo.InputFile(f, "0".repeat(64), 4, true)).toList(),
                INFO.noteTables());
        Path pdf = out.resolve("synthetic.pdf");
        PdfDocumentWriter.write(List.of(tables().get(1)), Language.EN, info, WORDING, FONTS, pdf);
        String tree = org.pbannex.TestWorkbooks.program(out, "pdfinfo", "-struct-text", pdf.toString());
        // The cover's section (the document's first) up to the next: its list, items, bodies and their texts.
        String cover = tree.substring(0, tree.indexOf("\n  Sect", tree.indexOf("  Sect") + 1));
        List<String> tags = cover.lines().map(String::strip).filter(l -> l.matches("(L|LI|LBody)( .*)?"))
                .map(l -> l.replaceAll(" .*", "")).toList();
        assertEquals(List.of("L", "LI", "LBody", "LI", "LBody"), tags, tree);
        String[] items = cover.substring(cover.indexOf("LBody")).split("LBody");
        for (int i = 0; i < files.size(); i++) {
            assertTrue(items[i + 1].contains(files.get(i)), "item " + (i + 1) + " holds its file: " + items[i + 1]);
        }
    }

    /** The n-th structure element of a type, depth first, under the given kids. */
    private static PDStructureElement find(List<Object> kids,
            String type, int n) {
        int[] left = {n};
        return find(kids, type, left);
    }

    private static PDStructureElement find(List<Object> kids,
            String type, int[] left) {
        for (Object k : kids) {
            if (k instanceof PDStructureElement e) {
                if (type.equals(e.getStructureType()) && --left[0] == 0) {
                    return e;
                }
                var inner = find(e.getKids(), type, left);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    private static List<PDStructureElement> children(
            PDStructureElement e, String type) {
        return e.getKids().stream()
                .filter(k -> k instanceof PDStructureElement s
                        && type.equals(s.getStructureType()))
                .map(k -> (PDStructureElement) k).toList();
    }

    /** The pie is drawn in its slice colours, in proportion; the legend gives every slice's label and figure as text. */
    @Test
    void pieSlicesAreDrawnAndTheirFiguresAreText() throws IOException {
        try (PDDocument doc = Loader.loadPDF(en.toFile())) {
            int last = doc.getNumberOfPages();
            String t = pageText(doc, last);
            assertTrue(t.contains("Staff") && t.contains("62.5") && t.contains("Not itemised") && t.contains("37.5"), t);
            java.awt.image.BufferedImage page = new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImage(last - 1, 1f);
            int first = 0;
            int second = 0;
            for (int y = 0; y < page.getHeight(); y++) {
                for (int x = 0; x < page.getWidth(); x++) {
                    int rgb = page.getRGB(x, y) & 0xffffff;
                    first += near(rgb, 0x1f4e79) ? 1 : 0;
                    second += near(rgb, 0xc05a1c) ? 1 : 0;
                }
            }
            // A 40 mm pie at 72 dpi is about 1 250 pixels of area; the slices share it 62.5 : 37.5 (legend swatches add a few).
            assertTrue(first > 500 && second > 300, "slice pixels: " + first + " / " + second);
            double ratio = (double) first / second;
            assertTrue(ratio > 1.3 && ratio < 2.1, "slices drawn 62.5 : 37.5, pixel ratio " + ratio);
        }
    }

    /** A chart's note (how sure a pie's shares are) is under its title, before the pie, and first in its alt text. */
    @Test
    void aChartsNoteIsUnderItsTitle() throws IOException {
        try (PDDocument doc = Loader.loadPDF(en.toFile())) {
            String t = pageText(doc, doc.getNumberOfPages());
            int note = t.indexOf("Slices read with low confidence.");
            assertTrue(note > 0 && note < t.indexOf("Staff"), "the note before the legend:\n" + t);
            assertTrue(t.contains("Slices read with low confidence. Pie chart"), "and first in the alt text:\n" + t);
        }
    }

    @Test
    void caveatIsABandOnTheTablesPage() throws IOException {
        try (PDDocument doc = Loader.loadPDF(zh.toFile())) {
            String t = pageText(doc, doc.getNumberOfPages());
            assertTrue(t.indexOf("本表根据合成数据计算，不是劳工局的数字。") < t.indexOf("国际劳工大会"), "caveat above the figures:\n" + t);
        }
    }

    private static boolean near(int rgb, int target) {
        int d = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            d += Math.abs(((rgb >> shift) & 0xff) - ((target >> shift) & 0xff));
        }
        return d < 24;
    }

    @Test
    void sameInputRendersSameBytes() throws IOException {
        Path again = dir.resolve("again-zh.pdf");
        PdfDocumentWriter.write(tables(), Language.ZH, INFO, WORDING, FONTS, again);
        assertArrayEquals(Files.readAllBytes(zh), Files.readAllBytes(again));
    }

    /**
     * Each edition tags its font subsets its own way (tester 78b, 7): the zh and en PDFs both had
     * "XLFINZ+NotoSansSC-Bold" for two different subsets, which a tool merging them may take for one font. A tag is
     * still the same for the same document (sameInputRendersSameBytes).
     */
    @Test
    void eachEditionTagsItsFontSubsetsItsOwnWay() throws IOException {
        Set<String> zhFonts = subsetFonts(zh);
        Set<String> enFonts = subsetFonts(en);
        assertTrue(zhFonts.size() >= 2 && enFonts.size() >= 2, zhFonts + " " + enFonts);
        for (Set<String> fonts : List.of(zhFonts, enFonts)) {
            assertTrue(fonts.stream().allMatch(f -> f.matches("[A-Z]{6}\\+.+")), "subset tags: " + fonts);
        }
        Set<String> zhTags = zhFonts.stream().map(f -> f.substring(0, 6)).collect(Collectors.toSet());
        Set<String> shared = enFonts.stream().map(f -> f.substring(0, 6)).filter(zhTags::contains).collect(Collectors.toSet());
        assertEquals(Set.of(), shared, "subset tags both editions have: " + zhFonts + " " + enFonts);
    }

    /** The names of the fonts the PDF's pages use ("XLFINZ+NotoSansSC-Regular"). */
    private static Set<String> subsetFonts(Path pdf) throws IOException {
        Set<String> names = new java.util.TreeSet<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    names.add(page.getResources().getFont(name).getName());
                }
            }
        }
        return names;
    }

    @Test
    void missingFontsAreAClearError(@TempDir Path empty) {
        IOException e = assertThrows(IOException.class,
                () -> PdfDocumentWriter.write(tables(), Language.ZH, INFO, WORDING, empty, empty.resolve("x.pdf")));
        assertTrue(e.getMessage().startsWith("no CJK font in ") && e.getMessage().contains("scripts/fetch-fonts.sh"),
                e.getMessage());
        assertFalse(Files.exists(empty.resolve("x.pdf")));
    }
}
