package org.pbannex.render.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pbannex.render.markup.ChartView;
import org.pbannex.table.Chart;
import org.pbannex.table.Language;
import org.pbannex.table.Text;

/** Chart geometry for the HTML edition: slices in proportion, clockwise from twelve o'clock; bars to scale. */
class SvgChartTest {

    private static Chart pie(String... shares) {
        List<Number> values = java.util.Arrays.stream(shares).map(s -> (Number) new BigDecimal(s)).toList();
        List<Text> labels = java.util.stream.IntStream.range(0, shares.length).mapToObj(i -> Text.of("s" + i)).toList();
        return new Chart("p", Chart.Kind.PIE, Text.of("Shares"), Text.of("Pie"), Text.of("%"), labels,
                List.of(new Chart.Series(Text.of("Share"), values)));
    }

    @Test
    void pieSlicesAreInProportionAndClockwiseFromTwelve() {
        ChartView view = ChartView.of(pie("25.0", "75.0"), Text.EMPTY, Language.EN);
        assertEquals(0.25, view.slices().get(0).fraction(), 1e-9);
        assertEquals(0.25, view.slices().get(1).start(), 1e-9);
        // A quarter from twelve o'clock ends at three o'clock: (2r, r) on a circle of radius r centred at (r, r).
        assertEquals("M 100.00 100.00 L 100.00 0.00 A 100.00 100.00 0 0 1 200.00 100.00 Z", view.slices().get(0).svgPath(100));
        // The larger slice takes the long way round (large-arc flag 1).
        assertTrue(view.slices().get(1).svgPath(100).contains(" 0 1 1 "), view.slices().get(1).svgPath(100));
        assertEquals("25.0%", view.legend().get(0).value(), "the legend gives the figure with its unit, a per cent as the alt text writes it");
        SvgChart svg = SvgChart.of(view);
        assertEquals(2, svg.slices().size());
        assertTrue(svg.bars().isEmpty());
    }

    @Test
    void aWholePieIsACircle() {
        String d = ChartView.of(pie("100.0"), Text.EMPTY, Language.EN).slices().get(0).svgPath(50);
        assertEquals("M 50.00 0.00 A 50.00 50.00 0 1 1 50.00 100.00 A 50.00 50.00 0 1 1 50.00 0.00 Z", d);
    }

    @Test
    void barsAreToScaleWithTheirFiguresBesideThem() {
        Chart bars = new Chart("b", Text.of("Bars"), Text.of("Bar chart"), Text.of("US$ millions"),
                List.of(Text.of("Africa"), Text.of("Americas")),
                List.of(new Chart.Series(Text.of("2022-23"), List.of(new BigDecimal("50.0"), new BigDecimal("100.0")))));
        SvgChart svg = SvgChart.of(ChartView.of(bars, Text.EMPTY, Language.ZH));
        assertEquals(2, svg.bars().size());
        double half = Double.parseDouble(svg.bars().get(0).width());
        double full = Double.parseDouble(svg.bars().get(1).width());
        assertEquals(0.5, half / full, 0.01);
        assertTrue(svg.labels().stream().anyMatch(l -> l.text().equals("100.0")));
        assertTrue(svg.labels().stream().anyMatch(l -> l.text().equals("Africa")));
    }

    /**
     * A category's name wider than the label column is wrapped where a line may break, its group as tall as its lines;
     * the bundled regions' names, the longest "Global and headquarters", keep one line and the height they had.
     */
    @Test
    void aLongCategoryNameWrapsAndItsGroupGrows() {
        for (String name : List.of("Global and headquarters", "Europe and Central Asia", "亚洲和太平洋", "全球和总部")) {
            assertEquals(List.of(name), SvgChart.wrap(name, 228), name);
        }
        String longName = "Arab States, North Africa and the Gulf Cooperation Council area";
        List<String> lines = SvgChart.wrap(longName, 228);
        assertTrue(lines.size() > 1, lines.toString());
        assertEquals(longName, String.join(" ", lines));
        assertTrue(lines.stream().allMatch(l -> SvgChart.width(l) <= 228), lines.toString());
        assertEquals(List.of("2020-2021 ***"), SvgChart.wrap("2020-2021 ***", 228));
        Chart one = new Chart("b", Text.of("Bars"), Text.of("Bar chart"), Text.of("n"), List.of(Text.of(longName), Text.of("Africa")),
                List.of(new Chart.Series(Text.of("n"), List.<Number>of(1, 2))));
        SvgChart svg = SvgChart.of(ChartView.of(one, Text.EMPTY, Language.EN));
        assertEquals(lines, svg.labels().get(0).lines());
        // The first group is as tall as its name's lines, its bar in the middle; the second as tall as its bar.
        double bar = Double.parseDouble(svg.bars().get(0).y());
        assertEquals(14 + (lines.size() * SvgChart.LINE - 18) / 2, bar, 0.01);
        assertEquals(14 + lines.size() * SvgChart.LINE + 14, Double.parseDouble(svg.bars().get(1).y()), 0.01);
    }

    /**
     * Each slice has its number (the legend's) outside the pie, on a leader line from the slice's rim: thin neighbours
     * (outcome 1's 2.4 % and 2.1 %, and a run of ten 1 % slices) keep their numbers a line apart, none over another,
     * none inside the pie, all inside the drawing (tester 78b, 10).
     */
    @Test
    void eachSliceHasItsNumberOutsideThePieNoneOverAnother() {
        for (String[] shares : List.of(new String[] {"15.2", "13.3", "13.2", "11.8", "2.4", "2.1", "42.0"},
                new String[] {"1.1", "8.7", "90.2"},
                new String[] {"1", "1", "1", "1", "1", "1", "1", "1", "1", "1", "90"})) {
            ChartView view = ChartView.of(pie(shares), Text.EMPTY, Language.EN);
            SvgChart svg = SvgChart.of(view);
            String at = String.join(" ", shares) + ": ";
            assertEquals(shares.length, svg.slices().size(), at);
            assertEquals(java.util.stream.IntStream.rangeClosed(1, shares.length).mapToObj(Integer::toString).toList(),
                    svg.labels().stream().map(SvgChart.Label::text).toList(), at + "a number per slice");
            assertEquals(view.legend().stream().map(ChartView.Key::number).toList(),
                    svg.labels().stream().map(SvgChart.Label::text).toList(), at + "the legend's numbers");
            assertEquals(shares.length, svg.lines().stream().filter(l -> l.kind().equals("leader")).count(), at + "leader lines");
            // The circle's centre and radius, read back from the first slice's path ("M cx cy L x y A r r ...").
            String[] d = svg.slices().get(0).d().split(" ");
            double cx = Double.parseDouble(d[1]);
            double cy = Double.parseDouble(d[2]);
            double r = Double.parseDouble(d[7]);
            List<double[]> boxes = new java.util.ArrayList<>();
            for (SvgChart.Label l : svg.labels()) {
                // The text's box: its baseline at y, 15 units high (ascent 11, descent 4), its width as estimated.
                double x = Double.parseDouble(l.x());
                double y = Double.parseDouble(l.y());
                double w = SvgChart.width(l.text());
                double[] b = l.anchor().equals("end") ? new double[] {x - w, y - 11, x, y + 4} : new double[] {x, y - 11, x + w, y + 4};
                assertTrue(b[0] >= 0 && b[1] >= 0 && b[2] <= svg.width() && b[3] <= svg.height(), at + l + " inside the drawing");
                // The box's nearest point to the centre is outside the circle.
                double nx = Math.max(b[0], Math.min(cx, b[2]));
                double ny = Math.max(b[1], Math.min(cy, b[3]));
                assertTrue(Math.hypot(nx - cx, ny - cy) > r, at + l.text() + " outside the pie");
                for (double[] o : boxes) {
                    assertTrue(b[0] >= o[2] || o[0] >= b[2] || b[1] >= o[3] || o[1] >= b[3], at + l.text() + " over another number");
                }
                boxes.add(b);
            }
        }
    }

    /**
     * A bar chart's narrow drawing, for a phone: 320 units wide, each category's name above its bars, which start at
     * the left edge, every figure inside the width; at a 320-px screen's 280 px its text is drawn at 13 px (the wide
     * drawing's 860 units would draw it at 5; tester 78b, 16).
     */
    @Test
    void theNarrowBarChartHasItsNamesAboveTheBarsAndItsFiguresInside() {
        Chart bars = new Chart("b", Text.of("Bars"), Text.of("Bar chart"), Text.of("US$ millions"),
                List.of(Text.of("Arab States, North Africa and the Gulf Cooperation Council area"), Text.of("Americas")),
                List.of(new Chart.Series(Text.of("2020-2021"), List.of(new BigDecimal("1234.5"), new BigDecimal("100.0"))),
                        new Chart.Series(Text.of("2022-2023"), List.<Number>of(new BigDecimal("50.0"), new BigDecimal("7.0")))));
        ChartView view = ChartView.of(bars, Text.EMPTY, Language.EN);
        SvgChart narrow = SvgChart.narrow(view);
        assertEquals(320, narrow.width());
        assertTrue(15 * 280.0 / narrow.width() >= 13);
        SvgChart.Label name = narrow.labels().get(0);
        assertTrue(name.lines().size() > 1, "a long name wraps: " + name.lines());
        double lastLine = Double.parseDouble(name.y()) + (name.lines().size() - 1) * SvgChart.LINE;
        assertTrue(Double.parseDouble(narrow.bars().get(0).y()) > lastLine, "the bars under their name");
        assertEquals(0, Double.parseDouble(narrow.bars().get(0).x()), 1.0, "the bars from the left edge");
        for (SvgChart.Label l : narrow.labels()) {
            for (String line : l.lines()) {
                assertTrue(Double.parseDouble(l.x()) + SvgChart.width(line) <= narrow.width(), line + " inside the width");
            }
        }
        assertEquals(null, SvgChart.narrow(ChartView.of(pie("50", "50"), Text.EMPTY, Language.EN)), "a pie has one drawing");
    }
}
