package org.pbannex.render.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pbannex.render.markup.ChartView;

/**
 * A chart's geometry as inline SVG for the HTML edition: horizontal bars (a group per category, a bar per series,
 * each with its figure at its end) or a pie (a path per slice). Sizes are in the SVG's own units; the picture scales
 * with the page.
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
    private static final int PIE = 220;

    /** A text at (x, y); {@code anchor} is the SVG text-anchor. */
    public record Label(String x, String y, String anchor, String text) {
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
            int groupHeight = g.bars().size() * (BAR + 2);
            labels.add(new Label(n(LABEL_WIDTH - 8), n(y + groupHeight / 2.0 + TEXT_MIDDLE), "end", g.category()));
            for (ChartView.Bar b : g.bars()) {
                // A missing figure keeps its place in the group, so each series stays in its row, but draws nothing.
                if (b.drawn()) {
                    double w = Math.max(b.length() * PLOT_WIDTH, 0.5);
                    bars.add(new Rect(n(LABEL_WIDTH), n(y), n(w), n(BAR), b.color()));
                    labels.add(new Label(n(LABEL_WIDTH + w + 5), n(y + BAR / 2.0 + TEXT_MIDDLE), "start", b.value()));
                }
                y += BAR + 2;
            }
            y += GAP;
        }
        return new SvgChart(WIDTH, y, labels, bars, slices);
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
