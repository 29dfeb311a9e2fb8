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

    /**
     * A note's marker of digits in a text cell (a baseline's "待定。³", Table I.2's note 3, the workbook's [note 20]) is a
     * link to that note, named by the marker it shows and the note's number in every edition, and stays on the line of
     * the word before it: it was plain text after a {@code <wbr>}, free to wrap onto a line of its own. A marker no note
     * under the table starts with stays as printed. The PDF's is a span marked as a link, as a figure's † is.
     */
    @Test
    void aMarkerOfDigitsIsALinkToItsNoteOnTheLineOfTheWordBefore() {
        java.util.Map<String, TableView.NoteLink> notes = java.util.Map.of("3", new TableView.NoteLink("table-i2-note-4", 20));
        assertEquals("<span class=\"w\">待定。<a class=\"note-ref\" href=\"#table-i2-note-4\" aria-label=\"³ 注释 20\" title=\"³ 注释 20\">³</a></span>",
                TableView.withBreaks("待定。³", true, notes, "{marker} 注释 {n}"));
        String en = TableView.withBreaks("To be determined³; 20 (2019)", false, notes, "{marker} note {n}");
        assertTrue(en.startsWith("To be <span class=\"w\">determined<a class=\"note-ref\" href=\"#table-i2-note-4\" aria-label=\"³ note "
                + "20\" title=\"³ note 20\">³</a>;</span> "), en);
        assertEquals("<span class=\"w\">待定。²</span>", TableView.withBreaks("待定。²", true, notes, "{marker} 注释 {n}"),
                "no note 2: the marker stays as printed, whole with its word");
        assertEquals("To be determined<span class=\"note-link\" data-link=\"#table-i2-note-4\" title=\"³ note 20\""
                + " data-alt=\"³ note 20\">³</span>; 20 (2019)",
                TableView.withNoteLinks("To be determined³; 20 (2019)", notes, "{marker} note {n}"), "the PDF's");
        assertEquals("待定。²", TableView.withNoteLinks("待定。²", notes, "{marker} 注释 {n}"), "the PDF's, no note 2");
    }
}
