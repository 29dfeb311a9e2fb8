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

    /**
     * A number keeps the word that counts or dates it ("1 个", "2021 年"), and the closing bracket after it: the browser
     * gets no break between them (one unbreakable span), and still one before the number.
     */
    @Test
    void aNumberStaysWithItsMeasureWordAndTheBracketAfterIt() {
        String target = TableView.withBreaks("19 个成员国(非洲 4 个、欧洲和中亚 1 个)。", true);
        assertTrue(target.contains("<span class=\"w\">1 个)。</span>"), target);
        assertTrue(target.contains("<span class=\"w\">4 个、</span>"), target);
        String baselines = TableView.withBreaks("16 (2019 年); 24 (2021 年*)", true);
        assertTrue(baselines.contains("<span class=\"w\">(2021 年*)</span>"), baselines);
        assertTrue(baselines.contains("<span class=\"w\">(2019 年);</span>"), baselines);
        assertEquals("16 (2019 年); 24 (2021 年*)", baselines.replaceAll("<[^>]+>", ""));
    }
}
