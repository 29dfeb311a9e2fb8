package org.pbannex.render.pdf;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfStructureElement;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;
import org.xhtmlrenderer.css.style.CalculatedStyle;
import org.xhtmlrenderer.css.style.derived.BorderPropertySet;
import org.xhtmlrenderer.pdf.ITextFSFont;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.render.BlockBox;
import org.xhtmlrenderer.render.Box;
import org.xhtmlrenderer.render.FSFont;
import org.xhtmlrenderer.render.InlineLayoutBox;
import org.xhtmlrenderer.render.InlineText;
import org.xhtmlrenderer.render.JustificationInfo;
import org.xhtmlrenderer.render.LineBox;
import org.xhtmlrenderer.render.RenderingContext;
import org.xhtmlrenderer.render.TextDecoration;

/**
 * Flying Saucer's PDF output device with three changes: text goes only on the page that shows it; in a tagged PDF,
 * every mark on a page is either content of the structure tree ({@link StructureTree}) or an artifact; and links are
 * ours ({@link LinkAnnotations}), each tied to the structure tree.
 * <p>
 * Flying Saucer paints a page by painting every line whose <em>painting extent</em> (the font's ascent + descent,
 * which for the CJK font is taller than the line height we set) reaches into the page's content area, and relies on
 * a clip path to hide what lies outside. A clip hides ink, not text: the last row of a page and the first line of
 * the next page's caption were written, invisibly, into the neighbouring page's text layer too, where search,
 * copy-paste and screen readers found them (the "ghost text" of issue 12). A line is laid out on exactly one page,
 * so its text is drawn only when the middle of its line, where its glyphs are, lies inside the page's clip.
 * <p>
 * Flying Saucer 9.13 writes no structure tree (its tagging came in 10.x, on Java 21). So text is marked here, where
 * it is drawn: each string as content of the element it belongs to (a table cell, a heading, a paragraph), and what
 * only decorates (backgrounds, borders, the running header, page numbers) or is said by a chart's alternative (the
 * bars, the pies and the text inside a chart) as artifacts that a screen reader skips.
 */
final class AnnexOutputDevice extends ITextOutputDevice {

    private @Nullable ITextFSFont font;
    /** The text being drawn by {@link #drawText}, so {@link #drawString} knows whose it is. */
    private @Nullable InlineText text;
    private @Nullable StructureTree tree;
    private @Nullable LinkAnnotations links;
    /**
     * The marked-content sequence left open after a string, so the next string of the same element (a cell's or a
     * paragraph's next line) joins it: one marked-content id per element and page, not one per line (measured: no
     * smaller in memory or in the file, but a reader has fewer pieces to join). It is closed before anything else is
     * drawn and before the clip is reset (Flying Saucer's Q q), so sequences and saved graphics states nest.
     */
    private @Nullable Object open;
    /** Whether an artifact's marked-content sequence is open ({@link #asArtifact}): a pie's numbers are drawn in it. */
    private boolean inArtifact;

    AnnexOutputDevice(float dotsPerPoint) {
        super(dotsPerPoint);
    }

    @Override
    public void setWriter(PdfWriter writer) {
        super.setWriter(writer);
        tree = writer.isTagged() ? new StructureTree(writer) : null;
        links = new LinkAnnotations(this, tree);
    }

    @Override
    public void setFont(FSFont font) {
        super.setFont(font);
        this.font = (ITextFSFont) font;
    }

    @Override
    public void drawText(RenderingContext c, InlineText inlineText) {
        text = inlineText;
        try {
            super.drawText(c, inlineText);
        } finally {
            text = null;
        }
    }

    @Override
    public void drawString(String s, float x, float y, @Nullable JustificationInfo info) {
        if (!onThisPage(s, x, y)) {
            return;
        }
        if (tree == null || inArtifact) {
            super.drawString(s, x, y, info);
            return;
        }
        PdfStructureElement element = text == null ? null : tree.elementOf(text);
        Object mark = element == null ? StructureTree.ARTIFACT : element;
        if (open != mark) {
            closeMark();
            PdfContentByte page = getCurrentPage();
            if (element == null) {
                page.beginMarkedContentSequence(StructureTree.ARTIFACT);
            } else {
                page.beginMarkedContentSequence(element);
            }
            open = mark;
        }
        super.drawString(s, x, y, info);
    }

    private void closeMark() {
        if (open != null) {
            getCurrentPage().endMarkedContentSequence();
            open = null;
        }
    }

    @Override
    public void setClip(Shape s) {
        closeMark();
        super.setClip(s);
    }

    @Override
    public void finishPage() {
        closeMark();
        if (links != null) {
            links.finishPage();
        }
        super.finishPage();
    }

    /** After the last page: the structure tree's ID tree (the table cells' Headers name heading cells by ID). */
    @Override
    public void finish(RenderingContext c, Box root) {
        super.finish(c, root);
        if (tree != null) {
            try {
                tree.finish();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void drawTextDecoration(RenderingContext c, InlineLayoutBox iB, TextDecoration decoration) {
        asArtifact(() -> super.drawTextDecoration(c, iB, decoration));
    }

    @Override
    public void drawTextDecoration(RenderingContext c, LineBox lineBox) {
        asArtifact(() -> super.drawTextDecoration(c, lineBox));
    }

    @Override
    public void paintReplacedElement(RenderingContext c, BlockBox box) {
        // The pies: artifacts inside their chart's Figure, whose alternative says what they show (StructureTree).
        asArtifact(() -> super.paintReplacedElement(c, box));
    }

    /**
     * A box's background, as Flying Saucer's AbstractOutputDevice paints it, and, for a piece of a link, our link
     * annotation ({@link LinkAnnotations}) in place of Flying Saucer's, which no structure element could refer to.
     */
    @Override
    public void paintBackground(RenderingContext c, Box box) {
        if (box.getStyle().isVisible()) {
            Rectangle bounds = box.getPaintingBorderEdge(c);
            paintBackground(c, box.getStyle(), bounds, bounds, box.getStyle().getBorder(c));
        }
        if (links != null) {
            links.painted(c, box);
        }
    }

    @Override
    public void paintBackground(RenderingContext c, CalculatedStyle style, Rectangle bounds,
                                Rectangle bgImageContainer, BorderPropertySet border) {
        asArtifact(() -> super.paintBackground(c, style, bounds, bgImageContainer, border));
    }

    @Override
    public void paintBorder(RenderingContext c, Box box) {
        asArtifact(() -> super.paintBorder(c, box));
    }

    @Override
    public void paintBorder(RenderingContext c, CalculatedStyle style, Rectangle edge, int sides) {
        asArtifact(() -> super.paintBorder(c, style, edge, sides));
    }

    @Override
    public void paintCollapsedBorder(RenderingContext c, BorderPropertySet border, Rectangle bounds, int side) {
        asArtifact(() -> super.paintCollapsedBorder(c, border, bounds, side));
    }

    private void asArtifact(Runnable paint) {
        if (tree == null) {
            paint.run();
            return;
        }
        closeMark();
        getCurrentPage().beginMarkedContentSequence(StructureTree.ARTIFACT);
        inArtifact = true;
        try {
            paint.run();
        } finally {
            inArtifact = false;
        }
        getCurrentPage().endMarkedContentSequence();
    }

    /** Whether a thin line through the middle of the text's glyph box (baseline at y) crosses the clip. */
    private boolean onThisPage(String s, float x, float y) {
        Shape clip = getClip();
        if (clip == null || font == null) {
            return true;
        }
        BaseFont base = font.getFontDescription().getFont();
        float size = font.getSize2D();
        float ascent = base.getFontDescriptor(BaseFont.ASCENT, size);
        float descent = -base.getFontDescriptor(BaseFont.DESCENT, size);
        return crossesMiddle(clip, x, y - (ascent - descent) / 2, base.getWidthPoint(s, size));
    }

    /** Whether a line 1 unit high through the middle of something drawn (x, its middle, its width) crosses the clip. */
    static boolean crossesMiddle(Shape clip, double x, double middle, double width) {
        return clip.intersects(new Rectangle2D.Double(x, middle - 0.5, Math.max(1, width), 1));
    }
}
