package org.pbannex.render.pdf;

import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNumber;
import com.lowagie.text.pdf.PdfStructureElement;
import com.lowagie.text.pdf.PdfWriter;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xhtmlrenderer.newtable.TableBox;
import org.xhtmlrenderer.newtable.TableCellBox;
import org.xhtmlrenderer.newtable.TableRowBox;
import org.xhtmlrenderer.newtable.TableSectionBox;
import org.xhtmlrenderer.render.Box;

/**
 * The tagged PDF's structure tree, built as the pages are drawn: which structure element a drawn text belongs to.
 * <p>
 * The tree follows the XHTML of templates/pdf-edition.html: the document holds a section (Sect) for the cover, the
 * contents, each table and the list of inputs; a section holds its headings (H1, H2), paragraphs (P), lists (L, LI,
 * LBody) and tables (Table, THead, TBody, TR, TH, TD, a heading cell with its scope and spans). All text inside a
 * table cell is the cell's, as a screen reader reads a table cell by cell. Text that repeats or decorates is not
 * content: the running header and page numbers, a table's heading rows repeated at the top of a later page, and
 * what the markup hides from screen readers (aria-hidden: the legends' colour swatches). For those elementOf
 * answers null and the device marks them as artifacts.
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

    private static final Map<String, PdfName> BLOCKS = Map.of(
            "h1", PdfName.H1, "h2", PdfName.H2, "h3", PdfName.H3, "h4", PdfName.H4, "p", PdfName.P,
            "li", PdfName.LI);
    /** The template's containers that are sections of the document (by class). */
    private static final Set<String> SECTIONS = Set.of("cover", "contents", "annex", "run-inputs", "chart");

    private final PdfWriter writer;
    private final Map<Object, PdfStructureElement> made = new IdentityHashMap<>();
    private @Nullable PdfStructureElement document;

    StructureTree(PdfWriter writer) {
        this.writer = writer;
    }

    /** The structure element the text of this box belongs to, or null when the text is an artifact. */
    @Nullable PdfStructureElement elementOf(Box box) {
        if (box.isContainedInMarginBox()) {
            return null; // the running header and the page numbers
        }
        Element block = null;
        for (Box b = box; b != null; b = b.getParent()) {
            if (b instanceof TableCellBox cell) {
                return repeatedHeading(cell) ? null : tablePart(cell);
            }
            Element e = b.getElement();
            if (e == null) {
                continue;
            }
            if (hidden(e)) {
                return null;
            }
            if (block == null && BLOCKS.containsKey(name(e))) {
                block = e;
            }
        }
        return block == null ? null : block(block);
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
        PdfStructureElement parent = box instanceof TableBox ? sectionOf(box.getElement()) : tablePart(box.getParent());
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

    /** A heading cell's scope and a cell's spans, as the table's attributes (/O /Table), or null when it has none. */
    private static @Nullable PdfDictionary cellAttributes(Element cell) {
        PdfDictionary a = new PdfDictionary();
        if ("th".equals(name(cell))) {
            String scope = cell.getAttribute("scope");
            a.put(SCOPE, scope.startsWith("col") ? COLUMN : scope.startsWith("row") ? ROW : BOTH);
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
