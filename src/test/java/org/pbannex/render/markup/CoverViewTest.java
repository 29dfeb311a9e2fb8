package org.pbannex.render.markup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pbannex.TestWording;
import org.pbannex.render.PublicationInfo;
import org.pbannex.table.Language;
import org.pbannex.table.Text;

/**
 * The covers' word on expenditure lines left out of every total: said (the run's count over its files, one line in
 * the singular) only when some were, so a run of the biennium's own lines alone reads as it did. A general note on
 * some tables only is on the cover of an edition holding one of them, not on one of other tables.
 */
class CoverViewTest {

    private static final Wording WORDS = TestWording.bundled();

    private static PublicationInfo info(long... leftOut) {
        List<PublicationInfo.InputFile> files = new java.util.ArrayList<>(
                List.of(new PublicationInfo.InputFile("input/reference/parts.csv", "ab12", 4, false)));
        for (int i = 0; i < leftOut.length; i++) {
            files.add(new PublicationInfo.InputFile("input/expenditure/erp-" + i + ".csv", "", 100, false, leftOut[i]));
        }
        return new PublicationInfo(Text.of("Title"), Text.of("Source"), "2022-23", "run-1", "2026-12-05T09:00:00Z", "0.1.0",
                files, Text.of("Contact"), Text.of("Cite"), List.of());
    }

    @Test
    void noLineLeftOutSaysNothing() {
        for (Language lang : Language.values()) {
            CoverView cover = CoverView.of(info(0, 0), WORDS, lang, List.of("a2"));
            assertEquals("", cover.leftOut());
            assertTrue(cover.facts().stream().noneMatch(f -> f.name().equals(WORDS.in("left_out", lang))), cover.facts().toString());
        }
    }

    @Test
    void linesLeftOutAreCountedOverTheFilesInBothLanguages() {
        CoverView en = CoverView.of(info(2, 1), WORDS, Language.EN, List.of("a2"));
        String sentence = "3 expenditure lines of biennia after 2022-23 are left out of every total of this run (only their form "
                + "is checked)";
        assertTrue(en.facts().contains(new CoverView.Fact("Lines left out", sentence)), en.facts().toString());
        assertEquals("Lines left out: " + sentence, en.leftOut());
        CoverView zh = CoverView.of(info(1), WORDS, Language.ZH, List.of("a2"));
        assertEquals("未计入的明细行：1 行支出明细属于 2022-23 之后的两年期，不计入本次运行的任何合计（只检查其格式）", zh.leftOut());
    }

    @Test
    void aNoteOnSomeTablesIsOnlyOnTheCoverOfAnEditionHoldingOne() {
        PublicationInfo base = info();
        PublicationInfo info = new PublicationInfo(base.title(), base.source(), base.biennium(), base.runId(), base.runTime(),
                base.codeVersion(), base.contact(), base.citation(), List.of(Text.of("Every table"), Text.of("The appendices")),
                Text.EMPTY, null, base.files(), List.of(List.of(), List.of("i1", "ii1")));
        assertEquals(List.of("Every table"), CoverView.of(info, WORDS, Language.EN, List.of("a2")).notes());
        assertEquals(List.of("Every table", "The appendices"), CoverView.of(info, WORDS, Language.EN, List.of("a2", "ii1")).notes());
    }

    /**
     * A general note on the covers is tagged as pb-annex's own, or not, as the notes under the tables are (tester 79,
     * F3): in a biennium with a print, a note its {@code publication.printed_notes} names is shown as it is, any other
     * with {@code edition.own_note}'s tag, in both languages.
     */
    @Test
    void aGeneralNoteIsTaggedAsPbAnnexsUnlessThePrintHasIt() {
        Text printed = new Text("所有金额均为美元。", "All amounts are in US dollars.");
        Text own = new Text("表 II.1 的英文为译文。", "The English of Table II.1 is a translation.");
        java.util.Map<String, Text> overrides = java.util.Map.of(
                "edition.own_note", WORDS.lookup().apply("edition.own_note.printed"),
                "publication.printed_notes", Text.of("publication.note.1"),
                "publication.note.1", printed);
        Wording withPrint = new Wording(k -> overrides.containsKey(k) ? overrides.get(k) : WORDS.lookup().apply(k));
        PublicationInfo base = info();
        PublicationInfo info = new PublicationInfo(base.title(), base.source(), base.biennium(), base.runId(), base.runTime(),
                base.codeVersion(), base.contact(), base.citation(), List.of(printed, own), Text.EMPTY, null, base.files(), List.of());
        assertEquals(List.of("All amounts are in US dollars.", "(pb-annex's note) The English of Table II.1 is a translation."),
                CoverView.of(info, withPrint, Language.EN, List.of("a2")).notes());
        assertEquals(List.of("所有金额均为美元。", "（pb-annex 的说明）表 II.1 的英文为译文。"),
                CoverView.of(info, withPrint, Language.ZH, List.of("a2")).notes());
        // A biennium without a print sets nothing apart.
        assertEquals(List.of("All amounts are in US dollars.", "The English of Table II.1 is a translation."),
                CoverView.of(info, WORDS, Language.EN, List.of("a2")).notes());
    }
}
