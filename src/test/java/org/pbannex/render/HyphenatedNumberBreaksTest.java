package org.pbannex.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A number that a hyphen joins to what comes before it stays on that line, as Unicode's line breaking rules say
 * (LB25, a hyphen before a number): a range of numbers ("2020-2021", "15–24") and a name's number ("COVID-19"); the
 * hyphen of a compound word ("human-centred") may still end a line.
 */
class HyphenatedNumberBreaksTest {

    @Test
    void noBreakBetweenAHyphenAndTheNumberItJoins() {
        for (String joined : List.of("2020-2021", "aged 15\u201324", "the COVID-19 pandemic", "SDG-8", "新冠-19")) {
            int at = joined.indexOf('-') >= 0 ? joined.indexOf('-') + 1 : joined.indexOf('\u2013') + 1;
            assertTrue(LineBreaks.forbidden(joined, at), joined);
            assertTrue(LineBreaks.insideHyphenatedNumber(joined, at), joined);
        }
    }

    @Test
    void aHyphenBeforeAWordOrAfterASpaceIsNoJoinedNumber() {
        assertFalse(LineBreaks.insideHyphenatedNumber("human-centred", "human-".length()));
        assertFalse(LineBreaks.insideHyphenatedNumber("a loss of - 5", "a loss of -".length()));
        assertFalse(LineBreaks.insideHyphenatedNumber("-5", 1));
    }

    /** The PDF's and HTML edition's break places: "COVID-" never ends a piece, in English or in Chinese text. */
    @Test
    void thePiecesKeepANamesNumberWithIt() {
        String en = "focusing on a human-centred approach to shaping the future of work and recovery from the COVID-19 pandemic.";
        assertTrue(LineBreaks.pieces(en, false).stream().noneMatch(p -> p.endsWith("COVID-")), LineBreaks.pieces(en, false).toString());
        String zh = "以人为本的方针，塑造劳动世界的未来并从COVID-19疫情中复苏。";
        assertTrue(LineBreaks.pieces(zh, true).stream().noneMatch(p -> p.endsWith("COVID-")), LineBreaks.pieces(zh, true).toString());
        assertEquals(String.join("", LineBreaks.pieces(en, false)), en, "the pieces are the text");
    }
}
