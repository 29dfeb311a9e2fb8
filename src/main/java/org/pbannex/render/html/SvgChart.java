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

    static final int WIDTH = 720;
    private static final int LABEL_WIDTH = 170;
    private static final int PLOT_WIDTH = 470;
    private static final int BAR = 11;
    private static final int GAP = 10;
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
            labels.add(new Label(n(LABEL_WIDTH - 8), n(y + groupHeight / 2.0 + 4), "end", g.category()));
            for (ChartView.Bar b : g.bars()) {
                double w = Math.max(b.length() * PLOT_WIDTH, 0.5);
                bars.add(new Rect(n(LABEL_WIDTH), n(y), n(w), n(BAR), b.color()));
                labels.add(new Label(n(LABEL_WIDTH + w + 4), n(y + BAR - 2), "start", b.value()));
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
