package org.pbannex.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A chart's colours: the palette's as designed while they suffice (2022-23's charts drawn as before), then derived ones,
 * every one different from all the others and dark enough against white, however many series there are.
 */
class ChartColoursTest {

    static final List<String> PALETTE = List.of("#1f4e79", "#c05a1c", "#3d7a2b", "#b03a3a", "#6b4f99", "#5f5f5f",
            "#1d7488", "#8a6a00");

    @Test
    void thePalettesColoursKeepTheirPlaces() {
        assertEquals(PALETTE.subList(0, 4), ChartColours.of(PALETTE, 4));
        assertEquals(PALETTE, ChartColours.of(PALETTE, 8));
        assertEquals(PALETTE, ChartColours.of(PALETTE, 40).subList(0, 8));
    }

    @Test
    void noTwoSeriesShareAColourHoweverManyThereAre() {
        for (int count : new int[] {9, 12, 14, 40, 200}) {
            List<String> colours = ChartColours.of(PALETTE, count);
            assertEquals(count, colours.size());
            assertEquals(count, new HashSet<>(colours).size(), count + " series: " + colours);
            for (String c : colours) {
                assertTrue(c.matches("#[0-9a-f]{6}"), c);
                assertTrue(ChartColours.contrastWithWhite(c) >= 3.0, c + " against white: " + ChartColours.contrastWithWhite(c));
            }
        }
        // Up to sixteen or so they stay well apart, not merely different (CIE76 distance 22 or more from every other).
        List<String> fourteen = ChartColours.of(PALETTE, 14);
        assertEquals(ChartColours.of(PALETTE, 14), fourteen, "the same colours every time");
        for (int i = 8; i < fourteen.size(); i++) {
            for (int j = 0; j < i; j++) {
                assertTrue(ChartColours.distance(fourteen.get(i), fourteen.get(j)) >= 22, fourteen.get(i) + " near " + fourteen.get(j));
            }
        }
    }
}
