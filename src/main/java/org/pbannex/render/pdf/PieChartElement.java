package org.pbannex.render.pdf;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.geom.Arc2D;
import java.awt.geom.Path2D;
import java.util.List;
import org.pbannex.render.PieKeys;
import org.xhtmlrenderer.css.parser.FSRGBColor;
import org.xhtmlrenderer.layout.LayoutContext;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextReplacedElement;
import org.xhtmlrenderer.render.BlockBox;
import org.xhtmlrenderer.render.FSFont;
import org.xhtmlrenderer.render.RenderingContext;

/**
 * A pie drawn as vector paths straight into the PDF (Flying Saucer 9 draws no SVG): slices clockwise from twelve
 * o'clock, each in its colour, parted by thin white lines, and each slice's number outside the pie on a leader line,
 * the number the legend gives before the slice's name ({@link PieKeys}, as the HTML edition's pie), in the element's
 * font: a slice is found without telling its colour (tester 78b, 10). The figures are not drawn here: the legend beside
 * the pie and the chart's text say them, so they stay text.
 */
final class PieChartElement implements ITextReplacedElement {

    private final List<Double> fractions;
    private final List<Color> colors;
    private final int width;
    private final int height;
    private Point location = new Point(0, 0);

    PieChartElement(List<Double> fractions, List<Color> colors, int width, int height) {
        this.fractions = List.copyOf(fractions);
        this.colors = List.copyOf(colors);
        this.width = width;
        this.height = height;
    }

    @Override
    public void paint(RenderingContext c, ITextOutputDevice out, BlockBox box) {
        Rectangle r = box.getContentAreaEdge(box.getAbsX(), box.getAbsY(), c);
        FSFont font = box.getStyle().getFSFont(c);
        double line = font.getSize2D() * 1.3;
        double digit = c.getTextRenderer().getWidth(c.getFontContext(), font, "0");
        // The pie as large as the box leaves room for, its numbers around it.
        double radius = Math.min(r.width, r.height) / 2.0;
        PieKeys keys = PieKeys.of(fractions, radius, line, digit);
        for (int i = 0; i < 4 && (keys.width() > r.width || keys.height() > r.height); i++) {
            radius *= 0.99 * Math.min(r.width / keys.width(), r.height / keys.height());
            keys = PieKeys.of(fractions, radius, line, digit);
        }
        double cx = r.x + (r.width - keys.width()) / 2 - keys.left();
        double cy = r.y + (r.height - keys.height()) / 2 - keys.top();
        double d = 2 * radius;
        double x = cx - radius;
        double y = cy - radius;
        double at = 0;
        for (int i = 0; i < fractions.size(); i++) {
            double f = fractions.get(i);
            if (f <= 0) {
                continue;
            }
            // Arc2D measures degrees counter-clockwise from three o'clock; ours run clockwise from twelve.
            Arc2D slice = f >= 0.999999 ? new Arc2D.Double(x, y, d, d, 0, 360, Arc2D.CHORD)
                    : new Arc2D.Double(x, y, d, d, 90 - 360 * at, -360 * f, Arc2D.PIE);
            Color col = colors.get(i % colors.size());
            out.setColor(new FSRGBColor(col.getRed(), col.getGreen(), col.getBlue()));
            out.fill(slice);
            if (fractions.size() > 1) {
                out.setColor(new FSRGBColor(255, 255, 255));
                out.setStroke(new BasicStroke((float) (d / 150)));
                out.draw(slice);
            }
            at += f;
        }
        out.setColor(new FSRGBColor(0, 0, 0));
        out.setStroke(new BasicStroke((float) (line / 20)));
        out.setFont(font);
        for (PieKeys.Key k : keys.keys()) {
            Path2D leader = new Path2D.Double();
            leader.moveTo(cx + k.rimX(), cy + k.rimY());
            leader.lineTo(cx + k.elbowX(), cy + k.elbowY());
            leader.lineTo(cx + k.endX(), cy + k.endY());
            out.draw(leader);
            // The number's middle on its line's: the baseline a third of an em below (a digit is about 0.7 em high).
            double width = c.getTextRenderer().getWidth(c.getFontContext(), font, k.number());
            out.drawString(k.number(), (float) (cx + (k.right() ? k.textX() : k.textX() - width)),
                    (float) (cy + k.textY() + font.getSize2D() * 0.35), null);
        }
    }

    @Override
    public int getIntrinsicWidth() {
        return width;
    }

    @Override
    public int getIntrinsicHeight() {
        return height;
    }

    @Override
    public Point getLocation() {
        return location;
    }

    @Override
    public void setLocation(int x, int y) {
        location = new Point(x, y);
    }

    @Override
    public void detach(LayoutContext c) {
    }

    @Override
    public boolean isRequiresInteractivePaint() {
        return false;
    }

    @Override
    public boolean hasBaseline() {
        return false;
    }

    @Override
    public int getBaseline() {
        return 0;
    }
}
