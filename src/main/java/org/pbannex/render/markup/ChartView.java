package org.pbannex.render.markup;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pbannex.render.ChartColours;
import org.pbannex.render.GlyphWidths;
import org.pbannex.render.NumberText;
import org.pbannex.render.PieKeys;
import org.pbannex.table.Chart;
import org.pbannex.table.Language;
import org.pbannex.table.Text;
import org.pbannex.table.ValueKind;

/**
 * A chart as the markup editions draw it, in one language: its texts, a legend with a colour per series (bars) or per
 * slice (pie), every figure formatted as the edition prints it, and the geometry: bar lengths as a share of the
 * longest bar, pie slices as fractions of the whole and as SVG paths. The PDF draws bars with blocks and pies with
 * vector paths; the HTML edition draws both as inline SVG. Either way every figure is also there as text.
 */
public record ChartView(String id, String kind, String title, String note, String alt, String valueAxis, List<Key> legend,
                        List<BarGroup> bars, List<Slice> slices, boolean chinese) {

    /**
     * One of the chart's texts (its title, note, a legend's name) as markup for the HTML edition, a {@code <wbr>} where
     * a line may break, as the tables' titles and labels ({@link TableView#withBreaks(String, boolean)}): a browser
     * would break Chinese inside a word ("具 / 有").
     */
    public String withBreaks(String text) {
        return TableView.withBreaks(text, chinese);
    }

    /**
     * Colours that stay apart for colour-blind readers and against white (contrast 3:1 or more); a chart with more
     * series or slices has more, derived (ChartColours), never one twice.
     */
    public static final List<String> PALETTE = List.of("#1f4e79", "#c05a1c", "#3d7a2b", "#b03a3a", "#6b4f99", "#5f5f5f",
            "#1d7488", "#8a6a00");

    /**
     * A legend entry: (pies) the slice's number, which the pie sets beside the slice ({@link PieKeys}), a square swatch
     * of the colour, the name and (pies) the figure.
     */
    public record Key(String number, String name, String color, String value) {
    }

    /** One category's bars, one per series. */
    public record BarGroup(String category, List<Bar> bars) {
    }

    /**
     * One bar.
     *
     * @param length the bar's length as a fraction of the longest bar (0 to 1)
     * @param value  its figure as written; null where the table has none: then nothing is drawn in its place
     */
    public record Bar(String series, String color, double length, String value) {

        /** Whether there is a bar to draw (a figure, zero included). */
        public boolean drawn() {
            return value != null;
        }

        /** The length in percent of the plot width, for the PDF's blocks (never less than a hairline). */
        public String pdfWidth() {
            return String.format(Locale.ROOT, "%.2f%%", Math.max(88 * length, 0.3));
        }
    }

    /**
     * One pie slice, clockwise from twelve o'clock.
     *
     * @param start    where it starts, as a fraction of the circle
     * @param fraction its share of the circle
     */
    public record Slice(String label, String color, String value, double start, double fraction) {

        /** The slice as an SVG path on a circle of radius r centred at (r, r); a whole circle is two half arcs. */
        public String svgPath(double r) {
            return svgPath(r, r, r);
        }

        /** The slice as an SVG path on a circle of radius r centred at (cx, cy). */
        public String svgPath(double r, double cx, double cy) {
            if (fraction >= 0.999999) {
                return String.format(Locale.ROOT, "M %.2f %.2f A %.2f %.2f 0 1 1 %.2f %.2f A %.2f %.2f 0 1 1 %.2f %.2f Z",
                        cx, cy - r, r, r, cx, cy + r, r, r, cx, cy - r);
            }
            double[] a = point(start, r, cx, cy);
            double[] b = point(start + fraction, r, cx, cy);
            return String.format(Locale.ROOT, "M %.2f %.2f L %.2f %.2f A %.2f %.2f 0 %d 1 %.2f %.2f Z", cx, cy, a[0], a[1], r, r,
                    fraction > 0.5 ? 1 : 0, b[0], b[1]);
        }

        private static double[] point(double at, double r, double cx, double cy) {
            double angle = 2 * Math.PI * at;
            return new double[] {cx + r * Math.sin(angle), cy - r * Math.cos(angle)};
        }
    }

    /** The chart as the templates draw it, its note under its title; its alt text has the table's caveat and the note first. */
    public static ChartView of(Chart c, Text caveat, Language lang) {
        List<Key> legend = new ArrayList<>();
        List<BarGroup> bars = new ArrayList<>();
        List<Slice> slices = new ArrayList<>();
        if (c.kind() == Chart.Kind.PIE) {
            List<Number> values = c.series().get(0).values();
            double total = values.stream().mapToDouble(v -> Math.max(0, v.doubleValue())).sum();
            double at = 0;
            List<String> colours = ChartColours.of(PALETTE, values.size());
            for (int i = 0; i < values.size(); i++) {
                double fraction = total <= 0 ? 0 : Math.max(0, values.get(i).doubleValue()) / total;
                String color = colours.get(i);
                String label = c.categories().get(i).in(lang);
                // The legend gives each slice's figure with its unit ("1.1%", as the alt text and the tables write a
                // share; "12 US$ millions"), after the number the pie sets beside the slice.
                String unit = c.valueAxis().in(lang).strip();
                String value = unit.startsWith("%") ? format(values.get(i), lang) + unit : (format(values.get(i), lang) + " " + unit).strip();
                slices.add(new Slice(label, color, value, at, fraction));
                legend.add(new Key(Integer.toString(i + 1), label, color, value));
                at += fraction;
            }
        } else {
            double max = c.max() <= 0 ? 1 : c.max();
            List<String> colours = ChartColours.of(PALETTE, c.series().size());
            for (int s = 0; s < c.series().size(); s++) {
                legend.add(new Key("", c.series().get(s).name().in(lang), colours.get(s), ""));
            }
            for (int i = 0; i < c.categories().size(); i++) {
                List<Bar> group = new ArrayList<>();
                for (int s = 0; s < c.series().size(); s++) {
                    Number v = c.series().get(s).values().get(i);
                    group.add(new Bar(c.series().get(s).name().in(lang), colours.get(s),
                            v == null ? 0 : Math.max(0, v.doubleValue()) / max, v == null ? null : format(v, lang)));
                }
                bars.add(new BarGroup(c.categories().get(i).in(lang), group));
            }
        }
        return new ChartView(c.id(), c.kind() == Chart.Kind.PIE ? "pie" : "bar", c.title().in(lang), c.note().in(lang),
                c.altText(caveat).in(lang),
                c.valueAxis().in(lang), legend, bars, slices, lang == Language.ZH);
    }

    /** Exact decimals (millions, percentages) with their one printed decimal; whole numbers grouped as the edition does. */
    private static String format(Number v, Language lang) {
        return NumberText.format(v, v instanceof BigDecimal ? ValueKind.MILLIONS : ValueKind.COUNT, lang);
    }

    /**
     * How the PDF draws a bar chart's rows: as annex.css has them (a bar 3 mm high every 3.6 mm) where the chart fits
     * on a page so (2022-23's Figure 2, six biennia), else closer together, so that it does (over eight biennia, 48
     * bars, Figure 2's chart ran over two pages, its legend on the first alone), never closer than 2.5 mm, where the
     * figures beside the bars keep to their rows (over nine biennia, 2.4 mm apart, each figure fell beside the next
     * bar). A chart that does not fit even so (nine biennia and more) has its categories side by side in two columns,
     * or three, down the first column and on down the next, its rows as close as that needs (in three columns down to
     * 2 mm, the figures smaller). A chart no taller than a page is kept whole on one (annex.css); one that fits in none
     * of these ways runs on at 2 mm in three columns.
     *
     * @param landscape whether its table prints on landscape pages
     */
    public PdfBars pdfBars(boolean landscape) {
        int series = bars.stream().mapToInt(g -> g.bars().size()).max().orElse(0);
        // The page's height within its margins (annex.css), less the chart's margin, title, legend and alt text (24 mm
        // for Figure 2, measured; 32 with room to spare), the legend's further lines, and each row of categories'
        // padding and outer gaps (2.8 mm).
        double free = (landscape ? 180 : 263) - 32 - PdfBars.LEGEND_LINE * (legendLines(landscape ? 267 : 178) - 1);
        for (int columns = 1; series > 0 && columns <= PdfBars.MAX_COLUMNS; columns++) {
            int rows = (bars.size() + columns - 1) / columns;
            double pitch = (free - 2.8 * rows) / (rows * series);
            if (pitch >= PdfBars.PITCH) {
                return columns == 1 ? PdfBars.AS_DESIGNED : new PdfBars(null, "", null, columns);
            }
            if (pitch >= PdfBars.MIN_PITCH) {
                return PdfBars.closer(pitch, columns);
            }
            if (columns == PdfBars.MAX_COLUMNS) {
                return PdfBars.closer(Math.max(pitch, PdfBars.LEAST_PITCH), columns);
            }
        }
        return PdfBars.AS_DESIGNED;
    }

    /**
     * The categories' bar groups as the PDF lays them out in {@code columns} columns: a row per line of categories,
     * the first column's down from the top, then the next column's.
     */
    public List<List<BarGroup>> pdfRows(int columns) {
        int rows = (bars.size() + columns - 1) / columns;
        List<List<BarGroup>> out = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            List<BarGroup> row = new ArrayList<>();
            for (int i = r; i < bars.size(); i += rows) {
                row.add(bars.get(i));
            }
            out.add(row);
        }
        return out;
    }

    /**
     * How many lines the PDF's legend takes across a text width of so many mm (annex.css: 7.5 pt names, a 10 pt
     * swatch, 2.5 mm either side of each key), its widths estimated as the workbooks' are (GlyphWidths).
     */
    int legendLines(double width) {
        int lines = 1;
        double line = 0;
        for (Key k : legend) {
            double key = 5 + 4.5 + 1.5 * (k.name() + k.value()).codePoints().mapToDouble(GlyphWidths::digits).sum();
            if (line > 0 && line + key > width) {
                lines++;
                line = 0;
            }
            line += key;
        }
        return lines;
    }

    /**
     * Inline styles for the PDF's bar rows (.bar-line), bars (added to their width and colour) and figures, in place of
     * annex.css's; null (none) and "" where annex.css's apply; and in how many columns the categories are laid out.
     */
    public record PdfBars(String line, String bar, String value, int columns) {
        /** annex.css: a .bar-line 3.2 mm high with 0.4 mm between them. */
        static final double PITCH = 3.6;
        static final double GAP = 0.4;
        /** Rows closer than this, the figures (6.5 pt) overlap the next row's: then more columns. */
        static final double MIN_PITCH = 2.5;
        /** In the last number of columns, rows come this close, the figures as small as their rows. */
        static final double LEAST_PITCH = 2.0;
        static final int MAX_COLUMNS = 3;
        /** A further line of the legend: its 10 pt swatch and the space under it. */
        static final double LEGEND_LINE = 4.5;
        static final PdfBars AS_DESIGNED = new PdfBars(null, "", null, 1);

        /** Rows every {@code pitch} mm. */
        static PdfBars closer(double pitch, int columns) {
            double line = pitch - GAP;
            // The figures keep their 6.5 pt while their em fits in the row (a larger one fell beside the next bar).
            double font = Math.min(6.5, line * 72 / 25.4);
            return new PdfBars(String.format(Locale.ROOT, "height: %.2fmm", line),
                    String.format(Locale.ROOT, "; height: %.2fmm", line - 0.2),
                    // A figure's box as high as its row, whatever the font's own height: a taller box (a float) pushed
                    // the next rows' bars and figures down, out of their places.
                    String.format(Locale.ROOT, "height: %.2fmm; line-height: %.2fmm; font-size: %.1fpt", line, line, font),
                    columns);
        }
    }

    /** The slices' shares of the whole, clockwise from twelve o'clock. */
    public List<Double> fractions() {
        return slices.stream().map(Slice::fraction).toList();
    }

    /** The slices' numbers and their leader lines, for a pie of radius r and numbers in lines {@code line} high. */
    public PieKeys pieKeys(double r, double line, double digit) {
        return PieKeys.of(fractions(), r, line, digit);
    }

    /** The slices' fractions and colours as space-separated lists, for the PDF's pie drawing. */
    public String pieFractions() {
        return String.join(" ", slices.stream().map(s -> String.format(Locale.ROOT, "%.6f", s.fraction())).toList());
    }

    public String pieColors() {
        return String.join(" ", slices.stream().map(Slice::color).toList());
    }
}
