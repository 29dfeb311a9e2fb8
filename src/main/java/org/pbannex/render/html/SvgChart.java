package org.pbannex.render.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pbannex.render.GlyphWidths;
import org.pbannex.render.LineBreaks;
import org.pbannex.render.markup.ChartView;

/**
 * A chart's geometry as inline SVG for the HTML edition: horizontal bars (a group per category, a bar per series,
 * each with its figure at its end) or a pie (a path per slice). Sizes are in the SVG's own units; the picture scales
 * with the page. A category's name is wrapped to the label column, each line a tspan.
 */
public record SvgChart(int width, int height, List<Label> labels, List<Rect> bars, List<Path> slices) {

    /*
     * Drawn one SVG unit to a CSS pixel on a desktop screen, its text at 15 units (html-edition.css), about the size of
     * the tables' (at 11 units, 11 px at 1280 px wide, the labels were hard to read): bars and gaps as tall as the
     * text needs, room on the left for a region's name ("Global and headquarters") and on the right for a figure.
     */
    static final int WIDTH = 860;
    private static final int LABEL_WIDTH = 240;
    private static final int PLOT_WIDTH = 560;
    private static final int BAR = 16;
    private static final int GAP = 14;
    /** From a bar's (or group's) middle down to the baseline of text centred on it. */
    private static final double TEXT_MIDDLE = 5;
    /** The text's size and line height in SVG units (html-edition.css draws it at 15). */
    private static final double FONT = 15;
    static final int LINE = 18;
    /**
     * A digit of a sans-serif font is 0.55 to 0.64 em (DejaVu Sans, the widest that Debian's Chromium falls back to);
     * Latin text is measured in them with a tenth to spare, a CJK character at the em it is.
     */
    private static final double DIGIT = 0.64 * FONT * 1.1;
    /** Room for a category's name: the label column less the gap before the axis and a margin at the left edge. */
    private static final double NAME_WIDTH = LABEL_WIDTH - 8 - 4;
    private static final int PIE = 220;

    /**
     * A text at (x, y), the baseline of its first line; {@code anchor} is the SVG text-anchor. A category's name too long
     * for the label column is in several lines, each {@link #LINE} below the one before.
     */
    public record Label(String x, String y, String anchor, String text, List<String> lines) {

        Label(String x, String y, String anchor, String text) {
            this(x, y, anchor, text, List.of(text));
        }
    }

    public record Rect(String x, String y, String width, String height, String color) {
    }

    public record Path(String d, String color) {
    }

    public static SvgChart of(ChartView c) {
        List<Label> labels = new ArrayList<>();
        List<Rect> bars = new ArrayList<>();
        List<Path> slices = new ArrayList<>();
        if ("pie".equals(c.kind())) {
            double r = PIE / 2.0;
            c.slices().forEach(s -> slices.add(new Path(s.svgPath(r), s.color())));
            return new SvgChart(PIE, PIE, labels, bars, slices);
        }
        int y = GAP;
        for (ChartView.BarGroup g : c.bars()) {
            // A name of more lines than the group's bars are high makes the group taller, its bars in the middle.
            List<String> lines = wrap(g.category(), NAME_WIDTH);
            int barsHeight = g.bars().size() * (BAR + 2);
            int groupHeight = Math.max(barsHeight, lines.size() * LINE);
            labels.add(new Label(n(LABEL_WIDTH - 8), n(y + (groupHeight - (lines.size() - 1) * LINE) / 2.0 + TEXT_MIDDLE), "end",
                    g.category(), lines));
            y += (groupHeight - barsHeight) / 2;
            for (ChartView.Bar b : g.bars()) {
                // A missing figure keeps its place in the group, so each series stays in its row, but draws nothing.
                if (b.drawn()) {
                    double w = Math.max(b.length() * PLOT_WIDTH, 0.5);
                    bars.add(new Rect(n(LABEL_WIDTH), n(y), n(w), n(BAR), b.color()));
                    labels.add(new Label(n(LABEL_WIDTH + w + 5), n(y + BAR / 2.0 + TEXT_MIDDLE), "start", b.value()));
                }
                y += BAR + 2;
            }
            y += groupHeight - barsHeight - (groupHeight - barsHeight) / 2 + GAP;
        }
        return new SvgChart(WIDTH, y, labels, bars, slices);
    }

    /**
     * The text in lines no wider than {@code width} (estimated: {@link GlyphWidths}), broken where the editions let a
     * line break ({@link LineBreaks#pieces}); a piece wider than the line on its own is broken where it meets the edge.
     */
    static List<String> wrap(String text, double width) {
        if (width(text) <= width) {
            return List.of(text);
        }
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        boolean chinese = text.codePoints().anyMatch(GlyphWidths::isWide);
        for (String piece : LineBreaks.pieces(text, chinese)) {
            if (line.length() > 0 && width(line + piece.stripTrailing()) > width) {
                lines.add(line.toString().stripTrailing());
                line.setLength(0);
            }
            for (int i = 0; i < piece.length(); ) {
                int cp = piece.codePointAt(i);
                if (line.length() > 0 && width(line.toString() + Character.toString(cp)) > width && cp != ' ') {
                    lines.add(line.toString().stripTrailing());
                    line.setLength(0);
                }
                line.appendCodePoint(cp);
                i += Character.charCount(cp);
            }
        }
        if (!line.toString().isBlank()) {
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    /** The text's width on one line in SVG units, erring towards wide. */
    static double width(String text) {
        return text.codePoints().mapToDouble(cp -> GlyphWidths.isWide(cp) ? FONT : GlyphWidths.digits(cp) * DIGIT).sum();
    }

    /** The distance from one line of a label to the next, for the template's tspans. */
    public int lineHeight() {
        return LINE;
    }

    private static String n(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    public String viewBox() {
        return "0 0 " + width + " " + height;
    }

    /** The x of the axis line at the bars' start. */
    public int axis() {
        return LABEL_WIDTH;
    }
}
