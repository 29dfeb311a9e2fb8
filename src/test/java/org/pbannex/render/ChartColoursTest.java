package org.pbannex.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pbannex.render.markup.ChartView;
import org.pbannex.render.xlsx.XlsxChart;

/**
 * A chart's colours: the palette's as designed while they suffice (2022-23's charts drawn as before), then derived ones,
 * every one different from all the others and dark enough against white, however many series there are, and for a
 * figure of up to fourteen (Figure 2 over 2 to 14 biennia) apart enough to tell from each other: no derived colour a
 * near shade of another's hue.
 */
class ChartColoursTest {

    static final List<String> PALETTE = ChartView.PALETTE;

    @Test
    void thePalettesColoursKeepTheirPlaces() {
        assertEquals(List.of("#1f4e79", "#c05a1c", "#3d7a2b", "#b03a3a", "#6b4f99", "#5f5f5f", "#1d7488", "#8a6a00"), PALETTE);
        assertEquals(PALETTE.subList(0, 4), ChartColours.of(PALETTE, 4));
        assertEquals(PALETTE, ChartColours.of(PALETTE, 8));
        assertEquals(PALETTE, ChartColours.of(PALETTE, 40).subList(0, 8));
    }

    @Test
    void noTwoSeriesShareAColourHoweverManyThereAre() {
        for (int count : new int[] {9, 12, 14, 40, 200, 700}) {
            List<String> colours = ChartColours.of(PALETTE, count);
            assertEquals(count, colours.size());
            assertEquals(count, new HashSet<>(colours).size(), count + " series: " + colours);
            for (String c : colours) {
                assertTrue(c.matches("#[0-9a-f]{6}"), c);
                assertTrue(ChartColours.contrastWithWhite(c) >= 3.0, c + " against white: " + ChartColours.contrastWithWhite(c));
            }
        }
        assertEquals(ChartColours.of(PALETTE, 14), ChartColours.of(PALETTE, 14), "the same colours every time");
        assertEquals(ChartColours.of(PALETTE, 14), ChartColours.of(PALETTE, 40).subList(0, 14), "more series add colours");
    }

    /**
     * Every colour of a figure of 2 to 14 series, in the PDF and HTML editions' palette and in the workbook's, measured
     * (CIEDE2000) against every other: a derived colour is 20 or more from each (the pair a reader might confuse, such as
     * a purple beside the palette's purple, was 10.8), and no two colours are closer than the palette's own closest pair.
     */
    @Test
    void everyColourOfAFigureIsFarFromEveryOther() {
        for (List<String> palette : List.of(ChartView.PALETTE, XlsxChart.PALETTE)) {
            double paletteClosest = closest(palette, palette.size(), 0);
            assertTrue(paletteClosest > 17, "the palette as designed: " + paletteClosest);
            for (int count = 2; count <= 14; count++) {
                List<String> colours = ChartColours.of(palette, count);
                assertTrue(closest(colours, count, 0) >= paletteClosest, count + " series: " + colours);
                assertTrue(closest(colours, count, palette.size()) >= 20, count + " series: " + colours);
            }
        }
    }

    /** The measure itself, against Sharma, Wu and Dalal's test data for CIEDE2000 (pairs 1, 7, 17 and 25). */
    @Test
    void theDistanceIsCiede2000() {
        assertEquals(2.0425, ChartColours.deltaE2000(new double[] {50, 2.6772, -79.7751}, new double[] {50, 0, -82.7485}), 1e-4);
        assertEquals(2.3669, ChartColours.deltaE2000(new double[] {50, 0, 0}, new double[] {50, -1, 2}), 1e-4);
        assertEquals(27.1492, ChartColours.deltaE2000(new double[] {50, 2.5, 0}, new double[] {73, 25, -18}), 1e-4);
        assertEquals(1.2644, ChartColours.deltaE2000(new double[] {60.2574, -34.0099, 36.2677},
                new double[] {60.4626, -34.1751, 39.4387}), 1e-4);
        assertEquals(0, ChartColours.distance("#1f4e79", "#1f4e79"), 1e-9);
    }

    /** The smallest distance between a colour from index {@code from} on and any other of the first {@code count}. */
    private static double closest(List<String> colours, int count, int from) {
        double min = Double.MAX_VALUE;
        for (int i = from; i < count; i++) {
            for (int j = 0; j < count; j++) {
                if (i != j) {
                    min = Math.min(min, ChartColours.distance(colours.get(i), colours.get(j)));
                }
            }
        }
        return min;
    }
}
