package org.pbannex.render.pdf;

import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfAction;
import com.lowagie.text.pdf.PdfAnnotation;
import com.lowagie.text.pdf.PdfBorderArray;
import com.lowagie.text.pdf.PdfBorderDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNumber;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Shape;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.render.Box;
import org.xhtmlrenderer.render.RenderingContext;

/**
 * The PDF's clickable links (the contents page's entries, a note's marker), made here instead of by Flying Saucer so that a tagged PDF
 * can tie each to its place in the structure tree, as PDF/UA asks: Flying Saucer 9.13 adds its link annotations
 * where nothing outside OpenPDF can reach them.
 * <p>
 * One annotation per painted piece of an {@code <a href>} (a line of a wrapped link is a piece), on the page that
 * shows it; a link within the document goes to the target's named destination (annex.css makes one of every element
 * with an id), any other to its URI. Each annotation carries a description for screen readers ({@code /Contents}: the
 * link's title attribute, else its text). In a tagged PDF, once the page's text is drawn, each annotation joins the
 * Link element that holds the link's text ({@link StructureTree#annotate}).
 */
final class LinkAnnotations {

    private final ITextOutputDevice device;
    private final @Nullable StructureTree tree;
    /**
     * This page's annotations, by the box they cover, in the order they were made (a box is its own identity; Flying
     * Saucer may paint a box's background twice on one page).
     */
    private final Map<Box, PdfAnnotation> page = new LinkedHashMap<>();

    LinkAnnotations(ITextOutputDevice device, @Nullable StructureTree tree) {
        this.device = device;
        this.tree = tree;
    }

    /** Called for every box whose background is painted: makes its annotation when the box is a piece of a link. */
    void painted(RenderingContext c, Box box) {
        Element a = box.getElement();
        if (a == null || !isLink(a) || box.getParent() != null
                && box.getParent().getElement() == a || page.containsKey(box)) {
            return; // not a link, or a box inside the link's own (its ::after text), which the outer box covers
        }
        String href = target(a);
        if (href.isEmpty() || href.equals("#")) {
            return;
        }
        if (tree != null && StructureTree.inRepeatedHeading(box)) {
            return; // a heading's note marker drawn again atop a later page: an artifact, which no Link element holds
        }
        Rectangle area = device.createLocalTargetArea(c, box);
        Shape clip = device.getClip();
        if (area.getWidth() <= 0 || clip != null && !onPage(c, box, clip)) {
            return; // an empty piece, or one painted only because it overlaps the page's edge
        }
        PdfWriter writer = device.getWriter();
        PdfAction action = href.startsWith("#")
                ? PdfAction.gotoLocalPage(href.substring(1), false)
                : new PdfAction(href);
        PdfAnnotation annotation = new PdfAnnotation(writer, area.getLeft(), area.getBottom(), area.getRight(),
                area.getTop(), action);
        annotation.put(PdfName.SUBTYPE, PdfName.LINK);
        annotation.put(PdfName.F, new PdfNumber(PdfAnnotation.FLAGS_PRINT));
        annotation.setBorderStyle(new PdfBorderDictionary(0, 0));
        annotation.setBorder(new PdfBorderArray(0, 0, 0));
        String title = a.getAttribute("title").strip();
        String description = title.isEmpty() ? a.getTextContent().strip() : title;
        if (!description.isEmpty()) {
            annotation.put(PdfName.CONTENTS, new PdfString(description, PdfObject.TEXT_UNICODE));
        }
        writer.addAnnotation(annotation);
        page.put(box, annotation);
    }

    /**
     * Whether the element is a link: an {@code <a href>}, or an element marked as one by {@code data-link} (a note's
     * marker, a raised {@code <sup>}: an {@code <a>} inside it was drawn after the page's other text, so that the text
     * layer read "43.1" and "†" apart).
     */
    static boolean isLink(Element e) {
        return !target(e).isEmpty();
    }

    /** Where the link goes ("#table-t2-note-2", a URI), or "" when the element is no link. */
    static String target(Element e) {
        String href = "a".equalsIgnoreCase(e.getNodeName()) ? e.getAttribute("href") : e.getAttribute(DATA_LINK);
        return href.strip();
    }

    static final String DATA_LINK = "data-link";

    /** Before the page is closed, its text drawn: ties each annotation to its Link element. */
    void finishPage() {
        if (tree != null) {
            page.forEach((box, annotation) -> tree.annotate(box, annotation, device.getWriter().getCurrentPage()));
        }
        page.clear();
    }

    /** Whether the middle of the piece lies inside the page's clip, as for its text (AnnexOutputDevice). */
    private static boolean onPage(RenderingContext c, Box box, Shape clip) {
        java.awt.Rectangle edge = box.getContentAreaEdge(box.getAbsX(), box.getAbsY(), c);
        return AnnexOutputDevice.crossesMiddle(clip, edge.getX(), edge.getCenterY(), edge.getWidth());
    }
}
