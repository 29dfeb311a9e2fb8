package org.pbannex.render.pdf;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.geom.Arc2D;
import java.util.List;
import org.xhtmlrenderer.css.parser.FSRGBColor;
import org.xhtmlrenderer.layout.LayoutContext;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextReplacedElement;
import org.xhtmlrenderer.render.BlockBox;
import org.xhtmlrenderer.render.RenderingContext;

/**
 * A pie drawn as vector paths straight into the PDF (Flying Saucer 9 draws no SVG): slices clockwise from twelve
 * o'clock, each in its colour, parted by thin white lines. The figures are not drawn here: the legend beside the pie
 * and the chart's text say them, so they stay text.
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
        double d = Math.min(r.width, r.height);
        double x = r.x + (r.width - d) / 2;
        double y = r.y + (r.height - d) / 2;
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
