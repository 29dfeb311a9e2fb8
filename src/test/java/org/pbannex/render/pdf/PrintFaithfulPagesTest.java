package org.pbannex.render.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pbannex.Golden;
import org.pbannex.publication.ComputedPublication;
import org.pbannex.publication.Publication;
import org.pbannex.render.PublicationInfo;
import org.pbannex.render.markup.ChartView;
import org.pbannex.render.markup.TableView;
import org.pbannex.render.markup.Wording;
import org.pbannex.table.Language;
import org.pbannex.table.Row;
import org.pbannex.table.RowType;
import org.pbannex.table.Table;
import org.pbannex.table.Text;
import org.xhtmlrenderer.pdf.ITextRenderer;

/**
 * Both editions of the 2022-23 publication, page by page, against what a reader sees: every word of the text layer
 * leaves ink where it stands (no ghost text), no total starts a page away from the rows it sums, and Chinese column
 * headings break between words.
 */
class PrintFaithfulPagesTest {
    private static final String SHA = "dcc6bf25b7cc48023a1d91d64b0ca703ec24724a8afb65ab5a23f94b944cdf12";

    static final Path FONTS = Golden.home().resolve("work/fonts");

    @TempDir
    static Path dir;
    static ComputedPublication pub;
    static List<Table> tables;
    static Wording wording;
    static PublicationInfo info;
    static final Map<Language, Path> PDF = new EnumMap<>(Language.class);
    /** Where Flying Saucer put every row and heading line: the layout each PDF was drawn from. */
    static final Map<Language, LaidOutPages> LAYOUT = new EnumMap<>(Language.class);
    /** The document each PDF was laid out from (with the classes the layout's remedies gave its rows). */
    static final Map<Language, Document> DOCUMENT = new EnumMap<>(Language.class);

    @BeforeAll
    static void render() throws IOException {
        pub = Publication.compute(Golden.input(), Publication.biennium(Golden.input(), null));
        tables = List.copyOf(pub.tables().values());
        wording = new Wording(pub.reference().texts()::get);
        info = new PublicationInfo(pub.reference().texts().get("publication.title"),
                pub.reference().texts().get("publication.source"), "2022-23", "test-run", "2026-01-01T00:00:00Z", "test",
                List.of(new PublicationInfo.InputFile("reference/texts.csv", SHA, 1, false),
                        new PublicationInfo.InputFile("expenditure/synthetic-lines.csv", "", 20, true)), Text.EMPTY, Text.EMPTY, List.of());
        for (Language lang : Language.values()) {
            Path pdf = dir.resolve("annexes." + lang.code() + ".pdf");
            String xhtml = PdfDocumentWriter.xhtml(tables, lang, info, wording);
            ITextRenderer renderer = PdfDocumentWriter.laidOut(xhtml, FONTS);
            LAYOUT.put(lang, new LaidOutPages(renderer));
            DOCUMENT.put(lang, renderer.getDocument());
            PdfDocumentWriter.writePdf(renderer, xhtml, lang, info, pdf);
            PDF.put(lang, pdf);
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyWordOnEveryPageLeavesInkWhereItStands(Language lang) throws IOException {
        try (PDDocument doc = Loader.loadPDF(PDF.get(lang).toFile())) {
            List<PageInk.Word> words = PageInk.words(doc);
            List<PageInk.Word> ghosts = words.stream().filter(w -> !w.inked()).toList();
            assertTrue(words.size() > 5000, lang + ": words read from " + doc.getNumberOfPages() + " pages: " + words.size());
            assertEquals(List.of(), ghosts, lang + ": words in the text layer that the page does not show");
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void noTotalStartsAPageAwayFromTheRowsItSums(Language lang) throws IOException {
        LaidOutPages laidOut = LAYOUT.get(lang);
        Map<String, Table> byAnchor = new LinkedHashMap<>();
        tables.forEach(t -> byAnchor.put(TableView.anchor(t), t));
        List<String> pageStarts = new ArrayList<>();
        int breaks = 0;
        List<LaidOutPages.PlacedRow> rows = laidOut.rows();
        for (int i = 1; i < rows.size(); i++) {
            LaidOutPages.PlacedRow r = rows.get(i);
            LaidOutPages.PlacedRow before = rows.get(i - 1);
            if (!r.table().equals(before.table()) || r.page() == before.page()) {
                continue;
            }
            breaks++;
            Table t = byAnchor.get(r.table());
            int at = index(t, r.key());
            pageStarts.add(t.id() + "/" + r.key());
            assertTrue(!closesGroup(t.rows(), at), lang + ": page " + r.page() + " starts with " + t.id() + "'s total row '"
                    + t.rows().get(at).label().in(lang) + "', away from the rows it sums");
            assertTrue(t.rows().get(at - 1).type() != RowType.HEADING, lang + ": page " + (r.page() - 1) + " ends with "
                    + t.id() + "'s heading '" + t.rows().get(at - 1).label().in(lang) + "'");
        }
        assertTrue(breaks >= 5, lang + ": tables broken across pages: " + pageStarts);
    }

    /**
     * No row of a group of figures (a heading, the rows under it, the total that closes it) is on another page than its
     * heading: annex 1's Field operations and partnerships ran over a page break, and on the next page its last units
     * and its subtotal stood under no heading (tester 76b). A group this short is kept on one page whole.
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void noRowOfAGroupOfFiguresIsOnAnotherPageThanItsHeading(Language lang) {
        Map<String, Integer> pageOf = new LinkedHashMap<>();
        LAYOUT.get(lang).rows().forEach(r -> pageOf.put(r.table() + "/" + r.key(), r.page()));
        List<String> away = new ArrayList<>();
        int groups = 0;
        for (Table t : tables) {
            List<Row> rows = t.rows();
            String anchor = TableView.anchor(t);
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).type() != RowType.HEADING) {
                    continue;
                }
                int end = i + 1;
                while (end < rows.size() && rows.get(end).type() != RowType.HEADING && !rows.get(end).type().isTotal()) {
                    end++;
                }
                if (end == rows.size() || !closesGroup(rows, end)) {
                    continue;
                }
                assertTrue(end - i + 1 <= TableView.WHOLE_GROUP_ROWS, t.id() + ": a group of " + (end - i + 1) + " rows");
                groups++;
                Integer heading = pageOf.get(anchor + "/" + rows.get(i).key());
                for (int k = i + 1; k <= end; k++) {
                    Integer page = pageOf.get(anchor + "/" + rows.get(k).key());
                    if (heading == null || !heading.equals(page)) {
                        away.add(t.id() + " '" + rows.get(k).label().in(lang) + "' on page " + page + ", its heading '"
                                + rows.get(i).label().in(lang) + "' on page " + heading);
                    }
                }
            }
        }
        assertTrue(groups >= 15, lang + ": groups of figures under a heading: " + groups);
        assertEquals(List.of(), away, lang + ": rows on another page than their group's heading");
    }

    /**
     * The cover names only the files of synthetic data (its lower half was once 37 lines of checksums); every input file
     * is on the last page.
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void theInputFilesAreOnTheLastPageAndTheSyntheticOnesOnTheCoverToo(Language lang) throws IOException {
        try (PDDocument doc = Loader.loadPDF(PDF.get(lang).toFile())) {
            String cover = PdfDocumentWriterTest.pageText(doc, 1);
            String last = PdfDocumentWriterTest.pageText(doc, doc.getNumberOfPages());
            assertTrue(cover.contains("expenditure/synthetic-lines.csv"), lang + ": the cover names the synthetic file: " + cover);
            // Under a caption that says they are the synthetic ones, not the input files.
            String caption = wording.in("synthetic_inputs", lang);
            assertTrue(cover.replaceAll("\\s+", "").contains(caption.replaceAll("\\s+", "")), lang + ": " + caption + " on " + cover);
            assertTrue(!cover.contains("reference/texts.csv"), lang + ": the cover lists no other file: " + cover);
            // A table: the workbook's column names over a row per file, path, rows and checksum.
            String heads = String.join(" ", wording.in("workbook.col_file", lang), wording.in("workbook.col_rows", lang),
                    wording.in("workbook.col_sha256", lang));
            assertTrue(last.contains(heads), lang + ": the last page's column headings " + heads + ": " + last);
            assertTrue(last.contains("reference/texts.csv 1 " + SHA), lang + ": the last page lists every input file: " + last);
            // (Its note wraps in the file's cell: compared without the lines' breaks.)
            assertTrue(last.replaceAll("\\s+", "").contains(("expenditure/synthetic-lines.csv— " + wording.in("synthetic_input", lang) + "20")
                    .replaceAll("\\s+", "")), lang + ": the synthetic file says so on the last page: " + last);
            assertTrue(last.replaceAll("\\s+", "").contains(wording.in("checksum_in_run", lang).replaceAll("\\s+", "")),
                    lang + ": the expenditure-line file, which has no checksum of its own, says which one covers it: " + last);
        }
    }

    /** The contents page after the cover names every table with the page its first row is laid out on, a link to it. */
    @ParameterizedTest
    @EnumSource(Language.class)
    void theContentsPageGivesEachTablesFirstPage(Language lang) throws IOException {
        Map<String, Integer> firstPage = new LinkedHashMap<>();
        LAYOUT.get(lang).rows().forEach(r -> firstPage.putIfAbsent(r.table(), r.page()));
        try (PDDocument doc = Loader.loadPDF(PDF.get(lang).toFile())) {
            var stripper = new org.apache.pdfbox.text.PDFTextStripper();
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            String contents = stripper.getText(doc).replaceAll("\\s+", " ");
            for (Table t : tables) {
                // (A heading that wraps reads on with a space where its line broke.)
                String heading = TableView.of(t, lang).heading().replaceAll("\\s+", " ");
                int page = firstPage.get(TableView.anchor(t));
                var entry = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(heading).replace(" ", "\\E\\s?\\Q")
                        + "\\s*" + page + "\\b");
                assertTrue(entry.matcher(contents).find(), lang + ": " + t.id() + " starts on page " + page + ": " + contents);
            }
            long links = doc.getPage(1).getAnnotations().stream()
                    .filter(a -> a instanceof org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink).count();
            // (A heading on two lines is a link on each.)
            assertTrue(links >= 2 * tables.size(), lang + ": links to each table (its heading and its page number): " + links);
        }
    }

    /**
     * A figure with a note's marker (43.1 †) ends where the other figures of its column end: the marker hangs after
     * it, and the column's other figures keep its room unseen. Compared with the figure of the row above, and on the
     * line of its row's other figures (a raised marker must not push its figure down).
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void aFigureWithANoteMarkerStaysInLineWithItsColumn(Language lang) throws IOException {
        int compared = 0;
        try (PDDocument doc = Loader.loadPDF(PDF.get(lang).toFile())) {
            for (Table t : tables) {
                for (var note : t.cellNotes()) {
                    var column = t.columns().stream().filter(c -> c.key().equals(note.column())).findFirst().orElseThrow();
                    int row = t.rows().indexOf(t.row(note.row()));
                    String marked = org.pbannex.render.NumberText.format(t.rows().get(row).value(note.column()), column.kind(), lang);
                    String above = org.pbannex.render.NumberText.format(t.rows().get(row - 1).value(note.column()), column.kind(), lang);
                    // The nearest figure before it on its row.
                    String left = "";
                    for (int at = t.columns().indexOf(column) - 1; at >= 0 && left.isEmpty(); at--) {
                        left = org.pbannex.render.NumberText.format(t.rows().get(row).value(t.columns().get(at).key()),
                                t.columns().get(at).kind(), lang);
                    }
                    double[] end = null;
                    double[] line = null;
                    for (int page = 1; page <= doc.getNumberOfPages() && end == null; page++) {
                        List<double[]> markedEnds = glyphRunEnds(doc, page, marked + note.marker());
                        List<double[]> aboveEnds = glyphRunEnds(doc, page, above);
                        for (double[] m : markedEnds) {
                            for (double[] a : aboveEnds) {
                                // The figure above: its line just over the marked one's, within a column's width.
                                if (m[1] - a[1] > 3 && m[1] - a[1] < 40 && Math.abs(m[0] - a[0]) < 30) {
                                    end = new double[] {m[0], a[0]};
                                    for (double[] l : glyphRunEnds(doc, page, left)) {
                                        if (l[0] < m[0] && m[0] - l[0] < 250 && Math.abs(l[1] - m[1]) < 6) {
                                            line = new double[] {m[1], l[1]};
                                        }
                                    }
                                }
                            }
                        }
                    }
                    assertTrue(end != null, lang + ": " + marked + note.marker() + " under " + above + " not found");
                    assertEquals(end[1], end[0], 0.5, lang + ": " + t.id() + " " + marked + note.marker()
                            + "'s last digit against " + above + "'s, in points");
                    assertTrue(line != null, lang + ": " + left + " beside " + marked + " not found");
                    assertEquals(line[1], line[0], 0.3, lang + ": " + t.id() + " " + marked + note.marker() + "'s baseline against "
                            + left + "'s on its row, in points");
                    compared++;
                }
            }
        }
        assertTrue(compared > 0, "no table has a note's marker on a figure");
    }

    /**
     * Work-years figures ("27 / 1", "37 / 11") line up on their slashes down a column, as the print's do: right-aligned
     * whole, a column's slashes had stood one digit apart wherever the months had one digit or two.
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void workYearsFiguresLineUpOnTheirSlashes(Language lang) throws IOException {
        java.util.Set<String> anchors = new java.util.HashSet<>();
        tables.stream().filter(t -> t.columns().stream().anyMatch(c -> c.kind() == org.pbannex.table.ValueKind.YEARS_MONTHS))
                .forEach(t -> anchors.add(TableView.anchor(t)));
        java.util.SortedSet<Integer> pages = new java.util.TreeSet<>();
        LAYOUT.get(lang).rows().stream().filter(r -> anchors.contains(r.table())).forEach(r -> pages.add(r.page()));
        assertTrue(!pages.isEmpty(), lang + ": no table of work-years laid out");
        int columns = 0;
        try (PDDocument doc = Loader.loadPDF(PDF.get(lang).toFile())) {
            for (int page : pages) {
                // The slashes between a figure's years and months (a digit either side, a space between), left to right.
                List<Double> slashes = new ArrayList<>();
                List<org.apache.pdfbox.text.TextPosition> g = glyphs(doc, page);
                for (int i = 1; i + 1 < g.size(); i++) {
                    var before = g.get(i - 1);
                    var slash = g.get(i);
                    if (slash.getUnicode().equals("/") && Character.isDigit(before.getUnicode().charAt(0))
                            && Character.isDigit(g.get(i + 1).getUnicode().charAt(0))
                            && slash.getXDirAdj() - (before.getXDirAdj() + before.getWidthDirAdj()) > 1) {
                        slashes.add((double) slash.getXDirAdj());
                    }
                }
                slashes.sort(null);
                // A column: slashes closer than 20 points to the one before (the columns stand 60 points or more apart).
                int start = 0;
                for (int i = 1; i <= slashes.size(); i++) {
                    if (i == slashes.size() || slashes.get(i) - slashes.get(i - 1) > 20) {
                        assertEquals(slashes.get(start), slashes.get(i - 1), 0.3, lang + ": page " + page
                                + ": the slashes of one column of work-years, leftmost and rightmost, in points");
                        columns++;
                        start = i;
                    }
                }
            }
        }
        assertTrue(columns >= 2, lang + ": columns of work-years found: " + columns);
    }

    /** The glyphs drawn on a page, spaces left out, in the order the text stripper reads them. */
    private static List<org.apache.pdfbox.text.TextPosition> glyphs(PDDocument doc, int page) throws IOException {
        List<org.apache.pdfbox.text.TextPosition> glyphs = new ArrayList<>();
        var stripper = new org.apache.pdfbox.text.PDFTextStripper() {
            @Override
            protected void processTextPosition(org.apache.pdfbox.text.TextPosition tp) {
                if (!tp.getUnicode().isBlank()) {
                    glyphs.add(tp);
                }
            }
        };
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        stripper.getText(doc);
        return glyphs;
    }

    /**
     * Where a run of glyphs reading {@code text} (spaces aside) is on the page: for each, the right edge of its last
     * glyph before the marker, or of its last glyph when {@code text} carries none, and its baseline.
     */
    private static List<double[]> glyphRunEnds(PDDocument doc, int page, String text) throws IOException {
        List<org.apache.pdfbox.text.TextPosition> glyphs = glyphs(doc, page);
        String wanted = text.replace(" ", "");
        boolean markerLast = !Character.isDigit(wanted.charAt(wanted.length() - 1));
        List<double[]> ends = new ArrayList<>();
        for (int i = 0; i + wanted.length() <= glyphs.size(); i++) {
            StringBuilder b = new StringBuilder();
            for (int k = 0; k < wanted.length(); k++) {
                b.append(glyphs.get(i + k).getUnicode());
            }
            if (b.toString().equals(wanted)) {
                var last = glyphs.get(i + wanted.length() - (markerLast ? 2 : 1));
                ends.add(new double[] {last.getXDirAdj() + last.getWidthDirAdj(), last.getYDirAdj()});
            }
        }
        return ends;
    }

    /**
     * In headings, cells and notes alike, a range of years reads on one line (no line ends with "2020-"), no line
     * starts with a slash ("/training") and no note's marker stands alone on a line ("*").
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void noLineBreaksInsideARangeOfNumbersBeforeASlashOrBeforeAMarker(Language lang) throws IOException {
        try (PDDocument doc = Loader.loadPDF(PDF.get(lang).toFile())) {
            List<String> lines = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).lines().map(String::strip).toList();
            assertEquals(List.of(), lines.stream().filter(l -> l.matches(".*\\d-")).toList(),
                    lang + ": lines that end inside a range of numbers");
            assertEquals(List.of(), lines.stream().filter(l -> l.startsWith("/")).toList(), lang + ": lines that start with a slash");
            assertEquals(List.of(), lines.stream().filter(l -> l.matches("[*†]+")).toList(), lang + ": markers alone on a line");
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void noTableEndsWithOneRowAloneOnItsLastPage(Language lang) {
        // The zh Table II.1's last row (SDG target 17.18) and the risk register's last risk each had a page of their own.
        Map<String, List<LaidOutPages.PlacedRow>> byTable = new LinkedHashMap<>();
        LAYOUT.get(lang).rows().forEach(r -> byTable.computeIfAbsent(r.table(), k -> new ArrayList<>()).add(r));
        int broken = 0;
        for (var e : byTable.entrySet()) {
            List<LaidOutPages.PlacedRow> rows = e.getValue();
            LaidOutPages.PlacedRow last = rows.get(rows.size() - 1);
            if (rows.get(0).page() == last.page()) {
                continue;
            }
            broken++;
            assertEquals(last.page(), rows.get(rows.size() - 2).page(), lang + ": " + e.getKey() + "'s last row '" + last.key()
                    + "' is alone on page " + last.page());
        }
        assertTrue(broken >= 5, lang + ": tables broken across pages: " + broken);
    }

    /**
     * No row of a table of text leaves one line alone at a page break (one line at a page's foot and the rest on the
     * next page, or its last line alone at the head of the next page: the en risk register's sixth risk started with
     * one line at the foot of a page, the zh Table I.2's indicator 5.4.2 ended with one at the head of one), unless
     * the remedy would leave a page of its table less than 70% full: laid out again with that row moved to the next
     * page (or, for a last line alone, moved down by a line), the table here leaves such a page.
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void noRowOfTextLeavesALineAloneAtAPageBreakUnlessMovingItEmptiesAPage(Language lang) throws IOException {
        Set<String> textTables = new HashSet<>();
        for (Table t : tables) {
            if (TableView.of(t, lang).textOnly()) {
                textTables.add(TableView.anchor(t));
            }
        }
        List<LaidOutPages.SplitRow> split = LAYOUT.get(lang).splitRows().stream()
                .filter(r -> textTables.contains(r.table())).toList();
        assertTrue(split.size() >= 2, lang + ": rows of text that run over a page break: " + split);
        List<LaidOutPages.SplitRow> alone = split.stream().filter(r -> r.linesOnFirst() <= 1 || r.linesOnLast() <= 1).toList();
        assertTrue(alone.size() <= 1, lang + ": rows of text with a line alone at a page break: " + alone);
        for (LaidOutPages.SplitRow r : alone) {
            Document moved = (Document) DOCUMENT.get(lang).cloneNode(true);
            Element row = bodyRow(moved, r.table(), r.key());
            row.setAttribute("class", row.getAttribute("class") + (r.linesOnFirst() <= 2 ? " next-page" : " one-line-down"));
            ITextRenderer again = PdfDocumentWriter.newRenderer(FONTS);
            again.setDocument(moved, null);
            again.layout();
            Map<Integer, Double> filled = new LaidOutPages(again).filledBefore(r.table());
            assertTrue(filled.values().stream().anyMatch(f -> f < 0.7),
                    lang + ": " + r + " could move and leave its table's pages full: " + filled);
        }
    }

    /** The body row of a table (its section's id) with the given data-row key. */
    private static Element bodyRow(Document document, String table, String key) {
        Element section = document.getElementById(table);
        if (section == null) {
            NodeList all = document.getElementsByTagName("*");
            for (int i = 0; i < all.getLength() && section == null; i++) {
                if (all.item(i) instanceof Element e && table.equals(e.getAttribute("id"))) {
                    section = e;
                }
            }
        }
        NodeList rows = section.getElementsByTagName("tr");
        for (int i = 0; i < rows.getLength(); i++) {
            Element tr = (Element) rows.item(i);
            if (key.equals(tr.getAttribute("data-row"))) {
                return tr;
            }
        }
        throw new AssertionError("no row " + key + " in " + table);
    }

    /**
     * A table of text (the indicators, the risk register) fills every page it runs on from: its rows, up to a third of
     * a page each, run on to the next page rather than move there whole (the risk register's third risk had left a
     * third of a page empty). Rows kept together (a heading and the row under it) may leave less than 30%.
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void aTableOfTextFillsThePagesItRunsOnFrom(Language lang) {
        int pages = 0;
        List<String> gaps = new ArrayList<>();
        for (Table t : tables) {
            if (!TableView.of(t, lang).textOnly()) {
                continue;
            }
            for (var e : LAYOUT.get(lang).filledBefore(TableView.anchor(t)).entrySet()) {
                pages++;
                if (e.getValue() < 0.7) {
                    gaps.add(t.id() + " page " + e.getKey() + ": " + Math.round(e.getValue() * 100) + "% filled");
                }
            }
        }
        assertTrue(pages >= 10, lang + ": pages that tables of text run on from: " + pages);
        assertEquals(List.of(), gaps, lang + ": pages a table of text leaves empty at the foot");
    }

    /**
     * A cell the print sets over two rows (one means of verification for two indicators) stays on one page with both:
     * the PDF leaves the lower row's cell blank, which a row at the head of a page would show with nothing above it.
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void aCellSharedWithTheRowAboveNeverStartsAPage(Language lang) {
        Map<String, Table> byAnchor = new LinkedHashMap<>();
        tables.forEach(t -> byAnchor.put(TableView.anchor(t), t));
        List<LaidOutPages.PlacedRow> rows = LAYOUT.get(lang).rows();
        int shared = 0;
        List<String> split = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            LaidOutPages.PlacedRow r = rows.get(i);
            Table t = byAnchor.get(r.table());
            Row row = t.rows().get(index(t, r.key()));
            if (!row.sharesACellWithRowAbove()) {
                continue;
            }
            shared++;
            if (rows.get(i - 1).page() != r.page()) {
                split.add(t.id() + "/" + r.key() + " on page " + r.page());
            }
        }
        assertTrue(shared >= 2, lang + ": rows sharing a cell with the row above: " + shared);
        assertEquals(List.of(), split, lang + ": rows whose shared cell starts a page, blank");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void aTablesNotesNeverStartAPageAlone(Language lang) {
        // The notes close the table on the page of its last row (the zh Table II.1's one-line note once had a page
        // of its own).
        LaidOutPages laidOut = LAYOUT.get(lang);
        Map<String, LaidOutPages.PlacedRow> lastRow = new LinkedHashMap<>();
        laidOut.rows().forEach(r -> lastRow.put(r.table(), r));
        long withNotes = tables.stream().filter(t -> TableView.of(t, lang).notesCloseTheBody()).count();
        assertEquals(withNotes, laidOut.notes().size(), lang + ": tables whose notes close them");
        assertTrue(withNotes >= 10, lang + ": tables with notes: " + withNotes);
        for (LaidOutPages.PlacedRow n : laidOut.notes()) {
            assertEquals(lastRow.get(n.table()).page(), n.page(), lang + ": the notes of " + n.table() + " start page "
                    + n.page() + " away from the table's last row");
        }
    }

    /**
     * A table's charts share a page where they fit on one: annex 4's two pies, which the zh edition split, the second
     * alone on a page of its own after the first had filled the table's last page. (Tables whose charts do not fit on
     * one page, such as the regional targets' four bar charts, run them on as before.)
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void aTablesChartsShareAPageWhereTheyFitOnOne(Language lang) throws IOException {
        Table a4 = tables.stream().filter(t -> t.id().equals("a4")).findFirst().orElseThrow();
        List<ChartView> charts = TableView.of(a4, lang).charts();
        assertEquals(2, charts.size(), lang + ": annex 4's pies in the bundled input");
        try (PDDocument doc = Loader.loadPDF(PDF.get(lang).toFile())) {
            List<String> pages = new ArrayList<>();
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                pages.add(PdfDocumentWriterTest.pageText(doc, p).replaceAll("\\s+", ""));
            }
            List<Integer> on = new ArrayList<>();
            for (ChartView c : charts) {
                // Each chart's text alternative is printed under it, on its page (a chart is never split).
                String alt = c.alt().replaceAll("\\s+", "");
                String start = alt.substring(0, Math.min(40, alt.length()));
                List<Integer> found = new ArrayList<>();
                for (int p = 0; p < pages.size(); p++) {
                    if (pages.get(p).contains(start)) {
                        found.add(p + 1);
                    }
                }
                assertEquals(1, found.size(), lang + ": the page of " + c.id() + "'s text: " + found);
                on.add(found.get(0));
            }
            assertEquals(1, on.stream().distinct().count(), lang + ": annex 4's charts are on pages " + on);
        }
    }

    private static int index(Table t, String key) {
        for (int i = 0; i < t.rows().size(); i++) {
            if (t.rows().get(i).key().equals(key)) {
                return i;
            }
        }
        throw new AssertionError(t.id() + " has no row " + key);
    }

    /** A total that sums the rows above it (not one that heads deeper rows, as annex 4's outcome rows do). */
    private static boolean closesGroup(List<Row> rows, int i) {
        Row r = rows.get(i);
        boolean heads = i + 1 < rows.size() && !rows.get(i + 1).type().isTotal() && rows.get(i + 1).type() != RowType.HEADING
                && rows.get(i + 1).level() > r.level();
        return r.type().isTotal() && !heads;
    }

    /**
     * Every Chinese column heading the layout wraps is broken where a reader would break it: between two words of ICU's
     * dictionary segmentation, never in front of a one-character word that follows another (两年/期, …/的), never
     * inside a number range.
     */
    @Test
    void chineseHeadingsBreakBetweenWordsOnly() throws IOException {
        LaidOutPages laidOut = LAYOUT.get(Language.ZH);
        String pdfText;
        try (PDDocument doc = Loader.loadPDF(PDF.get(Language.ZH).toFile())) {
            pdfText = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        }
        int wrapped = 0;
        for (List<String> lines : laidOut.headingLines()) {
            for (LineJoin j : joins(lines)) {
                assertTrue(!j.insideWord(), "heading '" + j.text() + "' broken inside a word: " + j.shown());
                assertTrue(!(j.beforeOneCharacterWord() && han(j.text().charAt(j.at() - 1))),
                        "heading '" + j.text() + "' puts a one-character word at the start of a line: " + j.shown());
                assertTrue(!(j.text().charAt(j.at() - 1) == '-' && Character.isDigit(j.text().charAt(j.at()))),
                        "heading '" + j.text() + "' broken inside a number range: " + j.shown());
            }
            if (lines.size() > 1) {
                wrapped++;
            }
            for (String line : lines) {
                assertTrue(pdfText.contains(line.replaceAll("\\s+", "")), "the PDF shows heading line '" + line + "'");
            }
        }
        assertTrue(wrapped >= 10, "wrapped headings checked: " + wrapped);
    }

    /** Every line of every column heading fits its column: none runs into the cell's padding and rules (阿拉伯国家). */
    @ParameterizedTest
    @EnumSource(Language.class)
    void everyColumnHeadingFitsItsColumn(Language lang) {
        assertEquals(List.of(), LAYOUT.get(lang).headingOverflows(), lang + ": heading lines wider than their column");
    }

    /**
     * Chinese in the table's cells (labels, indicators, risks) breaks between words too, as the headings do: no line
     * of a cell ends inside a word of two Chinese characters or more ("社 / 会对话") or puts a one-character word at
     * the start of a line (a particle or a suffix such as 合 in 相符合).
     */
    @Test
    void chineseTextInCellsBreaksBetweenWordsOnly() {
        List<String> broken = new ArrayList<>();
        int joins = 0;
        for (List<String> lines : LAYOUT.get(Language.ZH).cellLines()) {
            for (LineJoin j : joins(lines)) {
                if (!han(j.text().charAt(j.at() - 1)) || !han(j.text().charAt(j.at()))) {
                    continue;
                }
                joins++;
                if (j.insideWord() || j.beforeOneCharacterWord()) {
                    broken.add(j.shown());
                }
            }
        }
        assertTrue(joins > 50, "lines of Chinese cells that break between two characters: " + joins);
        assertEquals(List.of(), broken, "cells broken inside a Chinese word, or before a one-character word");
    }

    /**
     * A number keeps the word that counts or dates it on its line ("欧洲和中亚 1 / 个)。" in indicator 1.4.2's target,
     * "24 (2021 / 年*)" in Table I.2's baselines had one at a line's start), and no line starts with a closing bracket: in
     * the headings and cells of both editions.
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void aNumberKeepsItsMeasureWordAndNoLineStartsWithAClosingBracket(Language lang) {
        java.util.regex.Pattern number = java.util.regex.Pattern.compile(".*\\d[ \u00a0]*");
        List<String> broken = new ArrayList<>();
        int afterNumber = 0;
        List<List<String>> texts = new ArrayList<>(LAYOUT.get(lang).cellLines());
        texts.addAll(LAYOUT.get(lang).headingLines());
        for (List<String> lines : texts) {
            for (int i = 0; i + 1 < lines.size(); i++) {
                String next = lines.get(i + 1).strip();
                if (next.isEmpty()) {
                    continue;
                }
                boolean counter = "年月个名项次份%".indexOf(next.charAt(0)) >= 0;
                if (number.matcher(lines.get(i)).matches()) {
                    afterNumber++;
                    if (counter) {
                        broken.add(lines.get(i).strip() + " / " + next);
                    }
                }
                if (Character.getType(next.charAt(0)) == Character.END_PUNCTUATION) {
                    broken.add(lines.get(i).strip() + " / " + next);
                }
            }
        }
        assertTrue(afterNumber > 10, lang + ": lines ending with a number: " + afterNumber);
        assertEquals(List.of(), broken, lang + ": a number parted from its measure word, or a line starting with a closing bracket");
    }

    /**
     * Every subtotal row of annexes 1 and 2 starts its label at one place, the same in both annexes (fourteen rows).
     * A tester read annex 2's Oversight and evaluation subtotal (en page 41, zh page 32) as indented against the
     * other six and annex 1's: it is not; {@code pdftotext -layout} sets each page's text on a character grid of that
     * page's own, and page 41's put it a column further in.
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void everySubtotalOfAnnexes1And2StartsAtOnePlace(Language lang) throws IOException {
        String subtotal = pub.reference().texts().get("row.subtotal").in(lang);
        Set<Long> starts = new java.util.TreeSet<>();
        int found = 0;
        try (PDDocument doc = Loader.loadPDF(PDF.get(lang).toFile())) {
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                for (PageInk.Word w : PageInk.text(doc, p)) {
                    if (w.text().equals(subtotal)) {
                        found++;
                        starts.add(Math.round(w.box().getMinX() * 10));
                    }
                }
            }
        }
        assertEquals(14, found, lang + ": subtotal rows of annexes 1 and 2");
        assertEquals(1, starts.size(), lang + ": where the subtotals' labels start, in tenths of a point: " + starts);
    }

    /** Where one line of a text ends and the next begins ({@code at}), and what ICU's Chinese word segmentation says of it. */
    private record LineJoin(String text, int at, String shown, boolean insideWord, boolean beforeOneCharacterWord) {
    }

    private static List<LineJoin> joins(List<String> lines) {
        String text = String.join("", lines);
        BreakIterator words = BreakIterator.getWordInstance(ULocale.SIMPLIFIED_CHINESE);
        words.setText(text);
        List<LineJoin> out = new ArrayList<>();
        int at = 0;
        for (int i = 0; i + 1 < lines.size(); i++) {
            at += lines.get(i).length();
            if (at <= 0 || at >= text.length()) {
                continue;
            }
            boolean boundary = words.isBoundary(at);
            boolean oneCharacterWord = boundary && words.following(at) - at == 1 && han(text.charAt(at));
            out.add(new LineJoin(text, at, lines.get(i).strip() + " / " + lines.get(i + 1).strip(), !boundary, oneCharacterWord));
        }
        return out;
    }

    private static boolean han(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
