package org.pbannex.render.xlsx;

import java.awt.geom.Area;
import java.awt.geom.GeneralPath;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/**
 * The text a printed workbook cuts off: LibreOffice clips a cell's text to its cell, so the lines of wrapped text that
 * a row is too short for are drawn and cut away (a reader sees half a line, or none). Each run of glyphs not wholly
 * inside the clip it is drawn in, as "page N: text". The page's own clip, its printable area (which a chart straddling
 * a page break runs past), is no cell's and is not looked at.
 */
public final class ClippedText extends PDFGraphicsStreamEngine {

    private final int page;
    private final List<String> out;
    private final StringBuilder run = new StringBuilder();
    private GeneralPath path = new GeneralPath();
    private Integer clipRule;

    private ClippedText(PDPage p, int page, List<String> out) {
        super(p);
        this.page = page;
        this.out = out;
    }

    public static List<String> of(PDDocument doc) throws IOException {
        List<String> out = new ArrayList<>();
        for (int p = 0; p < doc.getNumberOfPages(); p++) {
            ClippedText c = new ClippedText(doc.getPage(p), p + 1, out);
            c.processPage(doc.getPage(p));
            c.flush();
        }
        return out;
    }

    @Override
    protected void showGlyph(Matrix m, PDFont font, int code, Vector displacement) throws IOException {
        Area clip = getGraphicsState().getCurrentClippingPath();
        if (clip.getBounds2D().getHeight() > getPage().getMediaBox().getHeight() / 2) {
            flush();
        } else {
            // The glyph's middle (its advance less a tenth each side, baseline to cap height less a tenth): an edge
            // that touches the clip is not text cut off.
            double size = Math.hypot(m.getScaleY(), m.getShearY());
            double advance = displacement.getX() * Math.hypot(m.getScaleX(), m.getShearX());
            Rectangle2D glyph = new Rectangle2D.Double(m.getTranslateX() + 0.1 * advance, m.getTranslateY() + 0.1 * size,
                    Math.max(0.01, 0.8 * advance), 0.6 * size);
            if (clip.contains(glyph)) {
                flush();
            } else {
                String text = font.toUnicode(code);
                run.append(text == null ? "?" : text);
            }
        }
        super.showGlyph(m, font, code, displacement);
    }

    private void flush() {
        if (!run.toString().isBlank()) {
            out.add("page " + page + ": " + run.toString().strip());
        }
        run.setLength(0);
    }

    // The path the clip operator makes the clip of (PDFBox's engine leaves building it to its subclass).

    @Override
    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
        path.moveTo(p0.getX(), p0.getY());
        path.lineTo(p1.getX(), p1.getY());
        path.lineTo(p2.getX(), p2.getY());
        path.lineTo(p3.getX(), p3.getY());
        path.closePath();
    }

    @Override
    public void clip(int windingRule) {
        clipRule = windingRule;
    }

    @Override
    public void moveTo(float x, float y) {
        path.moveTo(x, y);
    }

    @Override
    public void lineTo(float x, float y) {
        path.lineTo(x, y);
    }

    @Override
    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
        path.curveTo(x1, y1, x2, y2, x3, y3);
    }

    @Override
    public Point2D getCurrentPoint() {
        Point2D p = path.getCurrentPoint();
        return p == null ? new Point2D.Float() : p;
    }

    @Override
    public void closePath() {
        path.closePath();
    }

    /** A path is used (painted, or ended): the clip it was marked for takes effect, as PDF has it. */
    private void used() {
        if (clipRule != null) {
            path.setWindingRule(clipRule);
            getGraphicsState().intersectClippingPath(path);
            clipRule = null;
        }
        path = new GeneralPath();
    }

    @Override
    public void endPath() {
        used();
    }

    @Override
    public void strokePath() {
        used();
    }

    @Override
    public void fillPath(int windingRule) {
        used();
    }

    @Override
    public void fillAndStrokePath(int windingRule) {
        used();
    }

    @Override
    public void drawImage(PDImage image) {
    }

    @Override
    public void shadingFill(COSName shading) {
    }
}
