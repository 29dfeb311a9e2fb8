package org.pbannex.render.markup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The HTML edition's line-break markup ({@link TableView#withBreaks}), case by case. */
class LineBreakMarkupTest {

    @Test
    void englishTextWithNothingABrowserWouldBreakWronglyIsOnlyEscaped() {
        assertEquals("Strong tripartite constituents &amp; influential social dialogue",
                TableView.withBreaks("Strong tripartite constituents & influential social dialogue", false));
    }

    @Test
    void aRangeOfNumbersStaysWholeWithAHyphenOrAnEnDash() {
        assertEquals("38% <span class=\"w\">(2018-2019)</span>", TableView.withBreaks("38% (2018-2019)", false));
        assertEquals("aged <span class=\"w\">15\u201324</span> years", TableView.withBreaks("aged 15\u201324 years", false));
    }

    @Test
    void chineseBreaksBetweenWordsAndNeedsNoMarkAfterASpace() {
        String marked = TableView.withBreaks("2022-2023 两年期实施预算", true);
        assertTrue(marked.startsWith("<span class=\"w\">2022-2023</span> "), marked);
        assertFalse(marked.startsWith("<span class=\"w\">2022-2023</span> <wbr/>"), marked);
        assertTrue(marked.contains("<wbr/>"), marked);
        assertEquals("2022-2023 两年期实施预算", marked.replaceAll("<[^>]+>", ""));
    }
}
