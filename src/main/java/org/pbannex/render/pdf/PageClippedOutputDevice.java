package org.pbannex.render.pdf;

import com.lowagie.text.pdf.BaseFont;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import org.jspecify.annotations.Nullable;
import org.xhtmlrenderer.pdf.ITextFSFont;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.render.FSFont;
import org.xhtmlrenderer.render.JustificationInfo;

/**
 * Flying Saucer's PDF output device, but text goes only on the page that shows it.
 * <p>
 * Flying Saucer paints a page by painting every line whose <em>painting extent</em> (the font's ascent + descent,
 * which for the CJK font is taller than the line height we set) reaches into the page's content area, and relies on
 * a clip path to hide what lies outside. A clip hides ink, not text: the last row of a page and the first line of
 * the next page's caption were written, invisibly, into the neighbouring page's text layer too, where search,
 * copy-paste and screen readers found them (the "ghost text" of issue 12). A line is laid out on exactly one page,
 * so its text is drawn only when the middle of its line, where its glyphs are, lies inside the page's clip.
 */
final class PageClippedOutputDevice extends ITextOutputDevice {

    private @Nullable ITextFSFont font;

    PageClippedOutputDevice(float dotsPerPoint) {
        super(dotsPerPoint);
    }

    @Override
    public void setFont(FSFont font) {
        super.setFont(font);
        this.font = (ITextFSFont) font;
    }

    @Override
    public void drawString(String s, float x, float y, @Nullable JustificationInfo info) {
        if (onThisPage(s, x, y)) {
            super.drawString(s, x, y, info);
        }
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
        double middle = y - (ascent - descent) / 2;
        double width = Math.max(1, base.getWidthPoint(s, size));
        return clip.intersects(new Rectangle2D.Double(x, middle - 0.5, width, 1));
    }
}
