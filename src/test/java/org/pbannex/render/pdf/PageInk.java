package org.pbannex.render.pdf;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * What a page's text layer says against what the page shows: every word the text layer holds (PDFBox's text
 * positions, split at spaces as a reader's text extraction splits them) and whether the rendered page has ink inside
 * that word's box. A word without ink is ghost text: search, copy-paste and screen readers find it, a reader sees
 * nothing there.
 */
public final class PageInk {

    /** Render resolution: 1.5 x 72 dpi draws a 6.5 pt glyph about 10 pixels tall. */
    private static final float SCALE = 1.5f;
    /** A pixel this dark or darker (0 black, 255 white) is ink; the lightest text we print is #444 on white. */
    private static final int INK = 200;

    /** One word of the text layer, its box in PDF points (origin top left) and whether ink was found there. */
    public record Word(int page, String text, Rectangle2D box, boolean inked) {
        @Override
        public String toString() {
            return "p" + page + " '" + text + "' at " + Math.round(box.getX()) + "," + Math.round(box.getY());
        }
    }

    private PageInk() {
    }

    /** Every word of every page, with its ink verdict. */
    public static List<Word> words(PDDocument doc) throws IOException {
        PDFRenderer renderer = new PDFRenderer(doc);
        List<Word> out = new ArrayList<>();
        for (int p = 1; p <= doc.getNumberOfPages(); p++) {
            if (doc.getPage(p - 1).getRotation() % 360 != 0) {
                throw new IllegalStateException("page " + p + " is rotated; PageInk reads unrotated pages only");
            }
            BufferedImage image = renderer.renderImage(p - 1, SCALE, ImageType.GRAY);
            for (Word w : textLayer(doc, p)) {
                out.add(new Word(p, w.text(), w.box(), inked(image, w.box(), sitsOnTheBaseline(w.text()))));
            }
        }
        return out;
    }

    /** The words without ink. */
    public static List<Word> ghosts(PDDocument doc) throws IOException {
        return words(doc).stream().filter(w -> !w.inked()).toList();
    }

    /** The words of one page's text layer (page from 1), their boxes, without looking for their ink. */
    public static List<Word> text(PDDocument doc, int page) throws IOException {
        return textLayer(doc, page);
    }

    private static List<Word> textLayer(PDDocument doc, int page) throws IOException {
        List<Word> words = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                // One call per run of text between spaces; split further at spaces PDFBox kept inside the run.
                List<TextPosition> word = new ArrayList<>();
                for (TextPosition tp : positions) {
                    if (tp.getUnicode().isBlank()) {
                        add(word);
                        word = new ArrayList<>();
                    } else {
                        word.add(tp);
                    }
                }
                add(word);
            }

            private void add(List<TextPosition> word) {
                // Only upright text on the page: an axis title set sideways, or text a program wrote past the page's
                // edge (LibreOffice writes a chart that starts the next page into this one's content too), is no
                // word the page should show.
                var media = doc.getPage(page - 1).getMediaBox();
                if (word.isEmpty() || word.stream().anyMatch(tp -> tp.getDir() != 0 || tp.getYDirAdj() > media.getHeight()
                        || tp.getXDirAdj() < 0 || tp.getXDirAdj() > media.getWidth())) {
                    return;
                }
                StringBuilder text = new StringBuilder();
                Rectangle2D box = null;
                for (TextPosition tp : word) {
                    text.append(tp.getUnicode());
                    Rectangle2D glyph = new Rectangle2D.Double(tp.getXDirAdj(), tp.getYDirAdj() - tp.getHeightDir(),
                            tp.getWidthDirAdj(), tp.getHeightDir());
                    box = box == null ? glyph : box.createUnion(glyph);
                }
                words.add(new Word(page, text.toString(), box, false));
            }
        };
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        stripper.setSortByPosition(true);
        stripper.writeText(doc, new StringWriter());
        return words;
    }

    /**
     * A word of Chinese full stops and commas alone (a line that LibreOffice starts with one), whose ink is a small
     * mark low in its box, below the middle band.
     */
    private static boolean sitsOnTheBaseline(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> "\u3002\uff0c\u3001\uff0e".indexOf(c) >= 0);
    }

    /**
     * Whether any pixel in the middle band of the box (its central 60% of height; its lower 80% for a mark that sits
     * on the baseline) is ink. The band keeps table rules that run along a box's top or bottom edge from passing as
     * the word's ink.
     */
    private static boolean inked(BufferedImage image, Rectangle2D box, boolean low) {
        double band = box.getHeight() * 0.2;
        int x0 = clamp((int) Math.floor(box.getMinX() * SCALE), image.getWidth());
        int x1 = clamp((int) Math.ceil(box.getMaxX() * SCALE), image.getWidth());
        int y0 = clamp((int) Math.floor((box.getMinY() + band) * SCALE), image.getHeight());
        int y1 = clamp((int) Math.ceil((box.getMaxY() - (low ? 0 : band)) * SCALE), image.getHeight());
        var raster = image.getRaster();
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if (raster.getSample(x, y, 0) <= INK) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int clamp(int v, int max) {
        return Math.max(0, Math.min(v, max));
    }
}
