package org.pbannex.render.pdf;

import com.lowagie.text.pdf.PdfAnnotation;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfIndirectReference;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNameTree;
import com.lowagie.text.pdf.PdfNumber;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfStructureElement;
import com.lowagie.text.pdf.PdfWriter;
import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.w3c.dom.Text;
import org.xhtmlrenderer.newtable.TableBox;
import org.xhtmlrenderer.newtable.TableCellBox;
import org.xhtmlrenderer.newtable.TableRowBox;
import org.xhtmlrenderer.newtable.TableSectionBox;
import org.xhtmlrenderer.render.Box;
import org.xhtmlrenderer.render.InlineText;

/**
 * The tagged PDF's structure tree, built as the pages are drawn: which structure element a drawn text belongs to.
 * <p>
 * The tree follows the XHTML of templates/pdf-edition.html: the document holds a section (Sect) for the cover, the
 * contents, each table and the list of inputs; a section holds its headings (H1, H2), paragraphs (P), lists (L, LI,
 * LBody) and tables (Table, THead, TBody, TFoot for the notes, TR, TH, TD, a heading cell with its scope or ID, a cell
 * with its spans and the IDs of its headings), but for the contents, a TOC of entries (TOCI), and for a chart, a Figure.
 * All text inside a table cell is the cell's, as a screen reader reads a table cell by cell, but for a link (a Link
 * element, tied to its annotation, {@link LinkAnnotations}) and for text with an alternative (a Span with its Alt: a
 * zero's dash says "zero"), each beside a Span for each text around it. An element of the markup with an alternative
 * ({@code data-alt}) gives its structure element that Alt: a heading cell the print leaves blank, a cell the print
 * leaves empty (why: the text of the cell above that the print spans over it, or that nothing is printed there), a
 * figure its printed text would be heard wrongly as (its digits grouped with spaces, "50 267 588", heard as three
 * numbers; a minus; "27 / 1"), as the HTML edition's hidden text says it (its ActualText, data-actual, the plain figure
 * a copy of it gives: "50267588"), a zero's dash, a chart. A chart is one Figure whose Alt says its title and what it shows; everything drawn inside it (its title,
 * legend, bars, figures, description) is an artifact, as its drawing is, so a screen reader meets no table of bars
 * with empty cells: the chart's figures are the table's beside it. Text that repeats or decorates is not content
 * either: the running header and page numbers, a table's heading rows repeated at the top of a later page, and what
 * the markup hides from screen readers (aria-hidden: the legends' colour swatches). For those elementOf answers null
 * and the device marks them as artifacts.
 * <p>
 * Elements are made when their first text is drawn, so the tree's order is the order the pages show them.
 */
final class StructureTree {

    static final PdfName ARTIFACT = new PdfName("Artifact");
    private static final PdfName SCOPE = new PdfName("Scope");
    private static final PdfName COLUMN = new PdfName("Column");
    private static final PdfName ROW = new PdfName("Row");
    private static final PdfName BOTH = new PdfName("Both");
    private static final PdfName COLSPAN = new PdfName("ColSpan");
    private static final PdfName ROWSPAN = new PdfName("RowSpan");
    private static final PdfName HEADERS = new PdfName("Headers");
    private static final PdfName ID_TREE = new PdfName("IDTree");
    /** The attribute of the PDF's markup that holds a heading cell's ID (fragments/table.html). */
    private static final String DATA_ID = "data-id";
    /** The attribute of the PDF's markup that holds an element's alternative, its structure element's Alt. */
    private static final String DATA_ALT = "data-alt";
    /** The attribute of the PDF's markup that holds what a copy of an element's text gives, its ActualText. */
    private static final String DATA_ACTUAL = "data-actual";

    private static final Map<String, PdfName> BLOCKS = Map.of(
            "h1", PdfName.H1, "h2", PdfName.H2, "h3", PdfName.H3, "h4", PdfName.H4, "p", PdfName.P,
            "li", PdfName.LI);
    /** The contents' table and a table's row of notes (by class; pdf-edition.html, fragments/table.html). */
    private static final Set<String> CONTENTS = Set.of("toc");
    private static final Set<String> NOTES = Set.of("table-notes");
    /** The template's containers that are sections of the document (by class). */
    private static final Set<String> SECTIONS = Set.of("cover", "contents", "annex", "run-inputs");
    /** A chart (pdf-edition.html): a Figure. */
    private static final Set<String> CHARTS = Set.of("chart");
    private static final Object NO_CHART = new Object();

    private final PdfWriter writer;
    private final Map<Object, PdfStructureElement> made = new IdentityHashMap<>();
    private final Map<Element, Boolean> holdsPieces = new IdentityHashMap<>();
    /** Each element's chart, the element itself or one above it (chartOf), or NO_CHART. */
    private final Map<Element, Object> charts = new IdentityHashMap<>();
    /** The blocks holding a link or text with an alternative whose pieces have their elements. */
    private final Set<Element> spread = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Whether a table is the contents' (isContents). */
    private final Map<TableBox, Boolean> contents = new IdentityHashMap<>();
    /** Each table's footer (TFoot), made for its notes. */
    private final Map<TableBox, PdfStructureElement> feet = new IdentityHashMap<>();
    /** The heading cells' IDs, for the structure tree's ID tree (the cells' Headers name them). */
    private final Map<String, PdfIndirectReference> ids = new HashMap<>();
    private @Nullable PdfStructureElement document;

    StructureTree(PdfWriter writer) {
        this.writer = writer;
    }

    /** The structure element a drawn text belongs to, or null when the text is an artifact. */
    @Nullable PdfStructureElement elementOf(InlineText text) {
        return elementOf(text.getParent(), text);
    }

    /** The structure element of a piece (a text, a link's box) drawn in this box, or null for an artifact. */
    private @Nullable PdfStructureElement elementOf(Box box, Object piece) {
        if (box.isContainedInMarginBox()) {
            return null; // the running header and the page numbers
        }
        Element block = null;
        Element inline = null;
        Element first = null;
        for (Box b = box; b != null; b = b.getParent()) {
            if (b instanceof TableCellBox cell) {
                if (repeatedHeading(cell) || inAChart(cell.getElement())) {
                    return null;
                }
                return within(isContents(cell.getTable()) ? contentsEntry(cell) : tablePart(cell), cell.getElement(),
                        inline != null ? inline : pieceAbove(first, cell.getElement()), piece);
            }
            Element e = b.getElement();
            if (e == null) {
                continue;
            }
            if (first == null) {
                first = e;
            }
            if (hidden(e)) {
                return null;
            }
            if (inline == null && block == null && isPiece(e)) {
                inline = e;
            }
            if (block == null && BLOCKS.containsKey(name(e))) {
                block = e;
            }
        }
        return block == null || inAChart(block) ? null : within(block(block), block, inline, piece);
    }

    /**
     * The piece (a link, an element with an alternative) the element is in, up to the cell or block holding it, or
     * null: found in the markup, as the boxes do not always lead to it (a work-years figure's months, set in a box of
     * their own, an inline-block, inside the figure with its alternative, sit in the cell's line, not in the figure's
     * box: their text was a Span of its own, heard after the figure's alternative had said them).
     */
    private static @Nullable Element pieceAbove(@Nullable Element e, Element holder) {
        for (Node n = e; n instanceof Element element && n != holder; n = n.getParentNode()) {
            if (isPiece(element)) {
                return element;
            }
        }
        return null;
    }

    /**
     * Whether the element is inside a chart, whose Figure is made here with its first text of a block or cell, in
     * reading order, as a section is (a bar's figure, a float that Flying Saucer draws before the page's other text,
     * has neither and makes nothing).
     */
    private boolean inAChart(@Nullable Element e) {
        Element chart = e == null ? null : chartOf(e);
        if (chart != null) {
            figure(chart);
        }
        return chart != null;
    }

    /**
     * The element for text of a block or cell: the block's own, or, where the block holds a link or text with an
     * alternative, a Link element for the link's text, a Span with its Alt for the text with an alternative and a Span
     * for each other text (a structure element holds either text or elements), all made at once in the document's
     * order, which is the reading order (Flying Saucer draws a line's own text before the text of the inline boxes in
     * it).
     */
    private PdfStructureElement within(PdfStructureElement container, @Nullable Element block, @Nullable Element inline,
                                       Object piece) {
        if (block == null || !holdsPieces(block)) {
            return container;
        }
        if (spread.add(block)) {
            spreadOver(container, block);
        }
        Object key = inline != null ? inline
                : piece instanceof InlineText t && t.getTextNode() != null ? t.getTextNode() : piece;
        return made.computeIfAbsent(key, k -> inline != null ? pieceElement(container, inline)
                : new PdfStructureElement(container, PdfName.SPAN));
    }

    /**
     * A Span per text, a Link per link and a Span with its Alt per element with an alternative inside the element, in
     * order, skipping blocks and tables (their own).
     */
    private void spreadOver(PdfStructureElement container, Node node) {
        for (Node n = node.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Text t && !t.getData().isBlank()) {
                made.put(t, new PdfStructureElement(container, PdfName.SPAN));
            } else if (n instanceof Element e && !hidden(e) && !BLOCKS.containsKey(name(e))
                    && !"table".equals(name(e))) {
                if (isPiece(e)) {
                    made.put(e, pieceElement(container, e));
                } else {
                    spreadOver(container, e);
                }
            }
        }
    }

    /** The element of a link (Link) or of text with an alternative (a Span with the Alt). */
    private static PdfStructureElement pieceElement(PdfStructureElement container, Element e) {
        if (isLink(e)) {
            // A link whose text says little (a note's †) is named by its alternative, as the HTML's aria-label names it.
            PdfStructureElement link = new PdfStructureElement(container, PdfName.LINK);
            alternative(link, e);
            return link;
        }
        PdfStructureElement span = new PdfStructureElement(container, PdfName.SPAN);
        alternative(span, e);
        return span;
    }

    /**
     * The element's alternative (data-alt), if it has one, as the structure element's Alt, and the text a copy of it
     * gives (data-actual: a grouped figure's digits alone), if it has one, as its ActualText.
     */
    private static void alternative(PdfStructureElement structure, Element e) {
        String alt = e.getAttribute(DATA_ALT).strip();
        if (!alt.isEmpty()) {
            structure.put(PdfName.ALT, new PdfString(alt, PdfObject.TEXT_UNICODE));
        }
        String actual = e.getAttribute(DATA_ACTUAL).strip();
        if (!actual.isEmpty()) {
            structure.put(PdfName.ACTUALTEXT, new PdfString(actual, PdfObject.TEXT_UNICODE));
        }
    }

    /** The chart's Figure, with its alternative: nothing inside it is content of its own. */
    private PdfStructureElement figure(Element chart) {
        return made.computeIfAbsent(chart, c -> {
            PdfStructureElement figure = new PdfStructureElement(sectionOf(chart), PdfName.FIGURE);
            alternative(figure, chart);
            return figure;
        });
    }

    /** The element's chart, looked up once per element: itself, the chart of the element above it, or null. */
    private @Nullable Element chartOf(Element e) {
        Object known = charts.get(e);
        if (known != null) {
            return known == NO_CHART ? null : (Element) known;
        }
        Element chart = "div".equals(name(e)) && hasClass(e, CHARTS) ? e
                : e.getParentNode() instanceof Element parent ? chartOf(parent) : null;
        charts.put(e, chart == null ? NO_CHART : chart);
        return chart;
    }

    /**
     * Ties a link annotation to the Link element of the link's text (made here if its text was not drawn): the
     * element refers to the annotation (OBJR) and the annotation to the element (its StructParent, in the parent
     * tree), as PDF/UA's Link elements have it. Called once the page's text is drawn.
     */
    void annotate(Box linkBox, PdfAnnotation annotation, PdfIndirectReference page) {
        PdfStructureElement link = elementOf(linkBox, linkBox);
        if (link == null || link.get(PdfName.S) != PdfName.LINK) {
            return; // a link in a running header or hidden: no element to tie it to
        }
        annotation.put(PdfName.STRUCTPARENT, new PdfNumber(writer.getStructureTreeRoot()
                .addExistingObject(link.getReference())));
        PdfDictionary reference = new PdfDictionary(PdfName.OBJR);
        reference.put(PdfName.OBJ, annotation.getIndirectReference());
        reference.put(PdfName.PG, page);
        PdfObject kids = link.get(PdfName.K);
        PdfArray array = kids instanceof PdfArray a ? a : new PdfArray();
        if (kids != null && !(kids instanceof PdfArray)) {
            array.add(kids); // the text's one marked-content id, kept first: OpenPDF adds more after a number only
        }
        array.add(reference);
        link.put(PdfName.K, array);
    }

    /**
     * Writes the ID tree, through which a reader finds the heading cells a cell's Headers name. Called when every page
     * is drawn.
     */
    void finish() throws IOException {
        PdfDictionary tree = PdfNameTree.writeTree(ids, writer);
        if (tree != null) {
            writer.getStructureTreeRoot().put(ID_TREE, writer.addToBody(tree).getIndirectReference());
        }
    }

    private PdfStructureElement block(Element e) {
        PdfStructureElement known = made.get(e);
        if (known != null) {
            return known;
        }
        PdfName tag = BLOCKS.get(name(e));
        if (tag == PdfName.LI) {
            // A list item's text goes in its body (LBody), as PDF's list structure has it.
            Element list = (Element) e.getParentNode();
            PdfStructureElement l = made.computeIfAbsent(list, k -> new PdfStructureElement(sectionOf(list), PdfName.L));
            PdfStructureElement body = new PdfStructureElement(new PdfStructureElement(l, PdfName.LI), PdfName.LBODY);
            made.put(e, body);
            return body;
        }
        PdfStructureElement element = new PdfStructureElement(sectionOf(e), tag);
        made.put(e, element);
        return element;
    }

    /** The section (Sect) of the nearest section container above the node, else the document. */
    private PdfStructureElement sectionOf(Node node) {
        for (Node n = node.getParentNode(); n != null; n = n.getParentNode()) {
            if (n instanceof Element e && isSection(e)) {
                Element section = e;
                PdfStructureElement known = made.get(section);
                if (known == null) {
                    known = new PdfStructureElement(sectionOf(section), PdfName.SECT);
                    made.put(section, known);
                }
                return known;
            }
        }
        if (document == null) {
            document = new PdfStructureElement(writer.getStructureTreeRoot(), PdfName.DOCUMENT);
        }
        return document;
    }

    /** A table's part (Table, THead, TBody, TR, TH, TD), keyed by its box: rows without a tbody get one. */
    private PdfStructureElement tablePart(Box box) {
        PdfStructureElement known = made.get(box);
        if (known != null) {
            return known;
        }
        PdfStructureElement parent;
        if (box instanceof TableBox) {
            parent = sectionOf(box.getElement());
        } else if (box instanceof TableRowBox row && isNotes(row)) {
            parent = footOf((TableBox) row.getParent().getParent()); // the row's section's table
        } else {
            parent = tablePart(box.getParent());
        }
        known = made.get(box);
        if (known != null) {
            return known; // made with its row's other cells
        }
        PdfStructureElement part = new PdfStructureElement(parent, tagOf(box));
        if (box instanceof TableCellBox cell && cell.getElement() != null) {
            PdfDictionary attributes = cellAttributes(cell.getElement());
            if (attributes != null) {
                part.put(PdfName.A, attributes);
            }
            alternative(part, cell.getElement()); // a cell the print leaves blank: what a screen reader announces
            String id = cell.getElement().getAttribute(DATA_ID);
            if (!id.isEmpty() && !ids.containsKey(id)) {
                part.put(PdfName.ID, new PdfString(id));
                ids.put(id, part.getReference());
            }
        }
        made.put(box, part);
        if (box instanceof TableRowBox row) {
            // Every cell of the row, in order, empty ones too: a screen reader finds a figure's column by its place.
            for (int i = 0; i < row.getChildCount(); i++) {
                if (row.getChild(i) instanceof TableCellBox cell) {
                    tablePart(cell);
                }
            }
        }
        return part;
    }

    /**
     * The contents' entry (TOCI) of the row the cell is in, in the contents (TOC): the contents are set as a table of
     * two columns (a table's heading, its page), but they are a list of links, not data with headings to read them by.
     */
    private PdfStructureElement contentsEntry(TableCellBox cell) {
        PdfStructureElement contents = made.computeIfAbsent(cell.getTable(),
                t -> new PdfStructureElement(sectionOf(cell.getTable().getElement()), PdfName.TOC));
        return made.computeIfAbsent(cell.getParent(), row -> new PdfStructureElement(contents, PdfName.TOCI));
    }

    /** The contents' table (pdf-edition.html), looked at once per table: every text drawn in a cell asks. */
    private boolean isContents(TableBox table) {
        return contents.computeIfAbsent(table, t -> t.getElement() != null && hasClass(t.getElement(), CONTENTS));
    }

    /**
     * The table's footer (TFoot): its notes, which close the table inside its last row group in the markup (so that
     * Flying Saucer does not repeat them as a running footer on every page), are its footer, not a row of figures.
     */
    private PdfStructureElement footOf(TableBox table) {
        return feet.computeIfAbsent(table, t -> new PdfStructureElement(tablePart(t), PdfName.TFOOT));
    }

    /** The row of a table's notes (fragments/table.html). */
    private static boolean isNotes(TableRowBox row) {
        return row.getElement() != null && hasClass(row.getElement(), NOTES);
    }

    private static PdfName tagOf(Box box) {
        if (box instanceof TableBox) {
            return PdfName.TABLE;
        }
        if (box instanceof TableSectionBox section) {
            return section.isHeader() ? PdfName.THEAD : section.isFooter() ? PdfName.TFOOT : PdfName.TBODY;
        }
        if (box instanceof TableRowBox) {
            return PdfName.TABLEROW;
        }
        return box.getElement() != null && "th".equals(name(box.getElement())) ? PdfName.TH : PdfName.TD;
    }

    /**
     * A heading cell's scope, a cell's headers and spans, as the table's attributes (/O /Table), or null when it has
     * none. A group's heading row has no scope: the cells under it name it in their Headers (its ID, data-id).
     */
    private static @Nullable PdfDictionary cellAttributes(Element cell) {
        PdfDictionary a = new PdfDictionary();
        String scope = cell.getAttribute("scope");
        boolean namedByItsCells = scope.isEmpty() && !cell.getAttribute(DATA_ID).isEmpty();
        if ("th".equals(name(cell)) && !namedByItsCells) {
            a.put(SCOPE, scope.startsWith("col") ? COLUMN : scope.startsWith("row") ? ROW : BOTH);
        }
        String headers = cell.getAttribute("headers").trim();
        if (!headers.isEmpty()) {
            PdfArray names = new PdfArray();
            for (String id : headers.split("\\s+")) {
                names.add(new PdfString(id));
            }
            a.put(HEADERS, names);
        }
        span(a, COLSPAN, cell.getAttribute("colspan"));
        span(a, ROWSPAN, cell.getAttribute("rowspan"));
        if (a.size() == 0) {
            return null;
        }
        a.put(PdfName.O, PdfName.TABLE);
        return a;
    }

    private static void span(PdfDictionary a, PdfName key, String value) {
        if (!value.isEmpty() && !"1".equals(value)) {
            a.put(key, new PdfNumber(Integer.parseInt(value)));
        }
    }

    /**
     * Whether the box is in a table's heading rows drawn again at the top of a later page (an artifact: no structure
     * element holds it), as {@link #repeatedHeading(TableCellBox)} says of its cell.
     */
    static boolean inRepeatedHeading(Box box) {
        for (Box b = box; b != null; b = b.getParent()) {
            if (b instanceof TableCellBox cell) {
                return repeatedHeading(cell);
            }
        }
        return false;
    }

    /**
     * Whether the cell is in a table's heading rows drawn again at the top of a later page: Flying Saucer moves those
     * rows down the table for each page and back for the first, so a moved copy is repetition, not content.
     */
    private static boolean repeatedHeading(TableCellBox cell) {
        for (Box b = cell.getParent(); b != null; b = b.getParent()) {
            if (b instanceof TableSectionBox section) {
                return section.isHeader() && section.isCapturedOriginalAbsY()
                        && section.getAbsY() != section.getOriginalAbsY();
            }
        }
        return false;
    }

    /** Whether the block has a link or text with an alternative in it (its elements looked through once per block). */
    private boolean holdsPieces(Element block) {
        return holdsPieces.computeIfAbsent(block, b -> {
            NodeList inside = b.getElementsByTagName("*");
            for (int i = 0; i < inside.getLength(); i++) {
                if (isPiece((Element) inside.item(i))) {
                    return true;
                }
            }
            return false;
        });
    }

    /** A link, or an inline element with an alternative: an element of its own inside its block or cell. */
    private static boolean isPiece(Element e) {
        return isLink(e) || !BLOCKS.containsKey(name(e)) && e.hasAttribute(DATA_ALT);
    }

    private static boolean isLink(Element e) {
        return LinkAnnotations.isLink(e);
    }

    private static boolean hidden(Element e) {
        return "true".equals(e.getAttribute("aria-hidden"));
    }

    private static boolean isSection(Element e) {
        return "div".equals(name(e)) && hasClass(e, SECTIONS);
    }

    private static boolean hasClass(Element e, Set<String> classes) {
        String list = e.getAttribute("class");
        if (list.isEmpty()) {
            return false;
        }
        for (String c : list.split("\\s+")) {
            if (classes.contains(c)) {
                return true;
            }
        }
        return false;
    }

    private static String name(Element e) {
        return e.getNodeName().toLowerCase(Locale.ROOT);
    }
}
