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
        assertEquals("M 50.00 0 A 50.00 50.00 0 1 1 50.00 100.00 A 50.00 50.00 0 1 1 50.00 0 Z", d);
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
}
