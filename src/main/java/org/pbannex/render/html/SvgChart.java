package org.pbannex.render.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pbannex.render.GlyphWidths;
import org.pbannex.render.LineBreaks;
import org.pbannex.render.PieKeys;
import org.pbannex.render.markup.ChartView;

/**
 * A chart's geometry as inline SVG for the HTML edition: horizontal bars (a group per category, a bar per series,
 * each with its figure at its end) or a pie (a path per slice, each slice's number beside it on a leader line:
 * {@link PieKeys}). Sizes are in the SVG's own units; the picture scales with the page. A category's name is wrapped
 * to the label column, each line a tspan. A bar chart has a second, narrow drawing for a phone ({@link #narrow}).
 *
 * @param lines the axis (bars) or the leader lines (pie), each as the points of a polyline, and its CSS class
 */
public record SvgChart(int width, int height, List<Label> labels, List<Rect> bars, List<Path> slices, List<Line> lines) {

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
    /**
     * A figure stands after its bar, or this far past the axis where its bar is shorter: a zero's "0", 5 units after a
     * bar of nothing, stood against the axis line and read "|0" (tester 76b, M8); the other figures stand after bars.
     */
    private static final double CLEAR_OF_THE_AXIS = 7;
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
    /** A pie's radius: its numbers and leader lines around it, the drawing fits a phone's screen (320 px) unscaled. */
    private static final int PIE_RADIUS = 100;
    /**
     * The narrow drawing, for a screen too narrow for the wide one's 48rem (html-edition.css): each category's name on
     * its own lines above its bars, which run from the left edge, so that the bars and their figures have the width of
     * a phone's screen (320 px less the page's margins: 280 px, the text then 13 px).
     */
    static final int NARROW_WIDTH = 320;

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

    /** A line through {@code points} ("x,y x,y ..."), drawn as a polyline of the CSS class {@code kind}. */
    public record Line(String points, String kind) {
    }

    public static SvgChart of(ChartView c) {
        List<Label> labels = new ArrayList<>();
        List<Rect> bars = new ArrayList<>();
        List<Path> slices = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        if ("pie".equals(c.kind())) {
            PieKeys keys = c.pieKeys(PIE_RADIUS, LINE, DIGIT);
            double margin = 2;
            double cx = margin - keys.left();
            double cy = margin - keys.top();
            c.slices().forEach(s -> slices.add(new Path(s.svgPath(PIE_RADIUS, cx, cy), s.color())));
            for (PieKeys.Key k : keys.keys()) {
                lines.add(new Line(n(cx + k.rimX()) + "," + n(cy + k.rimY()) + " " + n(cx + k.elbowX()) + "," + n(cy + k.elbowY())
                        + " " + n(cx + k.endX()) + "," + n(cy + k.endY()), "leader"));
                labels.add(new Label(n(cx + k.textX()), n(cy + k.textY() + TEXT_MIDDLE), k.right() ? "start" : "end", k.number()));
            }
            return new SvgChart((int) Math.ceil(keys.width() + 2 * margin), (int) Math.ceil(keys.height() + 2 * margin), labels,
                    bars, slices, lines);
        }
        int y = GAP;
        for (ChartView.BarGroup g : c.bars()) {
            // A name of more lines than the group's bars are high makes the group taller, its bars in the middle.
            List<String> name = wrap(g.category(), NAME_WIDTH);
            int barsHeight = g.bars().size() * (BAR + 2);
            int groupHeight = Math.max(barsHeight, name.size() * LINE);
            labels.add(new Label(n(LABEL_WIDTH - 8), n(y + (groupHeight - (name.size() - 1) * LINE) / 2.0 + TEXT_MIDDLE), "end",
                    g.category(), name));
            y += (groupHeight - barsHeight) / 2;
            y = bars(g, LABEL_WIDTH, PLOT_WIDTH, y, bars, labels);
            y += groupHeight - barsHeight - (groupHeight - barsHeight) / 2 + GAP;
        }
        lines.add(new Line(LABEL_WIDTH + ",0 " + LABEL_WIDTH + "," + y, "axis"));
        return new SvgChart(WIDTH, y, labels, bars, slices, lines);
    }

    /**
     * A bar chart drawn for a narrow screen (null for a pie): {@link #NARROW_WIDTH} wide, each category's name above its
     * bars, left-aligned and wrapped to the full width, its bars from the left edge, each with its figure at its end,
     * the longest bar leaving room for the widest figure. Drawn at the width of a phone's screen, its text stays 13 px
     * or more where the wide drawing, scaled down to that width, would have text of 5 px, and kept at its width, cut
     * every figure off (tester 78b, 16).
     */
    public static SvgChart narrow(ChartView c) {
        if ("pie".equals(c.kind())) {
            return null;
        }
        double figures = c.bars().stream().flatMap(g -> g.bars().stream()).filter(ChartView.Bar::drawn)
                .mapToDouble(b -> width(b.value())).max().orElse(0);
        int axis = 1;
        double plot = NARROW_WIDTH - axis - 5 - figures - 2;
        List<Label> labels = new ArrayList<>();
        List<Rect> bars = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        int y = 0;
        for (ChartView.BarGroup g : c.bars()) {
            y += GAP;
            List<String> name = wrap(g.category(), NARROW_WIDTH - 2);
            // The name's first baseline a line's ascent below the group's top; the bars two units under its last line.
            labels.add(new Label(n(0), n(y + LINE - 4), "start", g.category(), name));
            y += name.size() * LINE + 2;
            int top = y;
            y = bars(g, axis, plot, y, bars, labels);
            lines.add(new Line("0.5," + top + " 0.5," + (y - 2), "axis"));
        }
        return new SvgChart(NARROW_WIDTH, y + GAP, labels, bars, List.of(), lines);
    }

    /**
     * A group's bars from {@code x}, {@code plot} long at the longest, the first at {@code y}, each with its figure at
     * its end; where the next group may start.
     */
    private static int bars(ChartView.BarGroup g, int x, double plot, int y, List<Rect> bars, List<Label> labels) {
        for (ChartView.Bar b : g.bars()) {
            // A missing figure keeps its place in the group, so each series stays in its row, but draws nothing.
            if (b.drawn()) {
                double w = Math.max(b.length() * plot, 0.5);
                bars.add(new Rect(n(x), n(y), n(w), n(BAR), b.color()));
                labels.add(new Label(n(x + Math.max(w, CLEAR_OF_THE_AXIS) + 5), n(y + BAR / 2.0 + TEXT_MIDDLE), "start", b.value()));
            }
            y += BAR + 2;
        }
        return y;
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
}
