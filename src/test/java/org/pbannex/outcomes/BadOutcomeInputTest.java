package org.pbannex.outcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.BadInput;
import org.pbannex.TestInputs;
import org.pbannex.ingest.InputError;
import org.pbannex.publication.Publication;
import org.pbannex.reference.Biennium;
import org.pbannex.table.Table;

/** Annex 4's confidence in its shares, as outcome_contributors.csv gives it: one per outcome, a known one, or none. */
class BadOutcomeInputTest {

    @TempDir
    Path tmp;
    Path input;
    Path contributors;

    @BeforeEach
    void copyInput() throws IOException {
        input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        contributors = input.resolve("2022-23/outcome_contributors.csv");
    }

    @Test
    void sharesOfOneOutcomeWithTwoConfidencesAreRefusedAtTheLineThatDiffers() throws IOException {
        TestInputs.replaceLine(contributors, 9, TestInputs.line(contributors, 9).replaceAll(",low$", ","));
        InputError e = BadInput.refusedAt(input, "2022-23/outcome_contributors.csv", 9, "confidence");
        assertEquals("outcome 2's shares are 'low' on line 8 but empty here: give every share of an outcome the same confidence "
                + "(its pie states one)", e.reason());
    }

    @Test
    void aConfidenceThatIsNotOneOfTheLevelsIsRefused() throws IOException {
        TestInputs.replaceLine(contributors, 2, TestInputs.line(contributors, 2).replaceAll(",moderate$", ",high"));
        InputError e = BadInput.refusedAt(input, "2022-23/outcome_contributors.csv", 2, "confidence");
        assertEquals("'high' is not one of moderate, low", e.reason());
    }

    /** Shares the source states plainly: their pies say nothing of confidence, nor does the note (the shared one). */
    @Test
    void sharesWithoutAConfidenceGiveAPieWithoutTheCaution() throws IOException {
        for (int line = 2; line <= 9; line++) {
            TestInputs.replaceLine(contributors, line, TestInputs.line(contributors, line).replaceAll(",(moderate|low)$", ","));
        }
        // 2022-23's note (a .printed key) says the confidences the column gives: with none, it is refused at its line, naming the key.
        InputError e = BadInput.refusedAt(input, "2022-23/reference/texts.csv", noteLine(), "key");
        assertEquals("'a4.not_itemised_note.printed': says {confidences}, but outcome_contributors.csv gives no share a confidence: word "
                + "the note without it", e.reason());
        TestInputs.edit(input.resolve("2022-23/reference/texts.csv"), s -> s.replaceAll("(?m)^a4\\.not_itemised_note(\\.printed)?,.*\n", ""));
        Table a4 = Publication.compute(input, new Biennium(2022)).tables().get("a4");
        assertTrue(a4.footnotes().stream().noneMatch(n -> n.en().contains("confidence")), a4.footnotes().toString());
        assertTrue(a4.charts().get(0).note().isEmpty(), a4.charts().get(0).note().toString());
        assertTrue(a4.charts().get(1).note().en().startsWith("'Other' is a slice the source itself labels so"),
                "the other slice is still told apart: " + a4.charts().get(1).note());
    }

    /**
     * 2022-23's note on the pies says how surely each outcome's shares belong to it from outcome_contributors.csv's
     * confidence column, so the prose and the column (and the pies' own notes) cannot disagree: given the other way
     * round, the note says the other way round.
     */
    @Test
    void theNoteSaysTheConfidencesTheColumnGives() throws IOException {
        Table bundled = Publication.compute(input, new Biennium(2022)).tables().get("a4");
        assertTrue(bundled.footnotes().stream().anyMatch(n -> n.en().contains("by their position in the text: with moderate "
                + "confidence for outcome 1, with low confidence for outcome 2. The rest") && n.zh().contains("按其在文本中的位置归属于成果目标："
                + "成果目标 1 的归属较为可靠，成果目标 2 的归属可靠性较低。")), bundled.footnotes().toString());
        for (int line = 2; line <= 9; line++) {
            String l = TestInputs.line(contributors, line);
            TestInputs.replaceLine(contributors, line, l.endsWith(",moderate") ? l.replaceAll(",moderate$", ",low")
                    : l.replaceAll(",low$", ",moderate"));
        }
        Table a4 = Publication.compute(input, new Biennium(2022)).tables().get("a4");
        assertTrue(a4.footnotes().stream().anyMatch(n -> n.en().contains("by their position in the text: with low confidence "
                + "for outcome 1, with moderate confidence for outcome 2. The rest")), a4.footnotes().toString());
        assertTrue(a4.charts().get(0).note().en().startsWith("Shares assigned to this outcome with low confidence"),
                a4.charts().get(0).note().toString());

        // Both outcomes the same: one clause naming both.
        TestInputs.edit(contributors, s -> s.replace(",low\n", ",moderate\n"));
        a4 = Publication.compute(input, new Biennium(2022)).tables().get("a4");
        assertTrue(a4.footnotes().stream().anyMatch(n -> n.en().contains("text: with moderate confidence for outcomes 1 and 2. The rest")),
                a4.footnotes().toString());
    }

    /** A note that has no place for the confidences the column gives would leave the pies' "see the notes" unanswered. */
    @Test
    void aNoteWithoutThePlaceForTheConfidencesIsRefused() throws IOException {
        // As 2022-23's note was worded before it took them from the column: typed in, in each language.
        TestInputs.edit(input.resolve("2022-23/reference/texts.csv"), s -> s.replaceFirst("\\{confidences}",
                "成果目标 1 的归属较为可靠，成果目标 2 的归属可靠性较低").replaceFirst("\\{confidences}",
                "with moderate confidence for outcome 1, with low confidence for outcome 2"));
        InputError e = BadInput.refused(input);
        assertTrue(e.file().endsWith("2022-23/reference/texts.csv"), e.file());
        assertEquals(noteLine(), e.line());
        // The fixes a new biennium copied from this one needs named too: the biennium's own texts, or the column emptied.
        String contributors = input.resolve("2022-23/outcome_contributors.csv").toString();
        assertEquals("'a4.not_itemised_note.printed': " + contributors + " gives shares a confidence (with moderate confidence for "
                + "outcome 1, with low confidence for outcome 2), and the pies refer to the notes for it: say {confidences} where "
                + "this note states it, in both languages (for this biennium only: add the key to "
                + input.resolve("2022-23/reference/texts.csv") + "), or empty the column confidence of " + contributors, e.reason());
    }

    /**
     * A hand-typed total row became a pie slice labelled "Total": a label that is one of the words the tables print
     * for totals (texts' input.total_words) is refused where the tables compute the totals, in either language; the
     * words are the texts', so a word added there is refused too.
     */
    @Test
    void aTotalRowTypedIntoTheSharesIsRefused() throws IOException {
        String bundled = java.nio.file.Files.readString(contributors);
        TestInputs.edit(contributors, s -> s + "2,3,,合计,Total,9.8,low\n");
        InputError e = BadInput.refusedAt(input, "2022-23/outcome_contributors.csv", 10, "label_zh");
        assertTrue(e.reason().startsWith("'合计' is a total's label ("), e.reason());
        assertTrue(e.reason().endsWith("reference/texts.csv, key input.total_words): the tables compute every total from the "
                + "rows, so a total typed as a row would be counted twice; remove the row"), e.reason());

        TestInputs.edit(contributors, s -> bundled + "2,3,,其余各项,Total:,9.8,low\n");
        BadInput.refusedAt(input, "2022-23/outcome_contributors.csv", 10, "label_en");

        TestInputs.edit(contributors, s -> bundled + "2,3,,全部,All,9.8,low\n");
        TestInputs.edit(input.resolve("reference/texts.csv"), s -> s.replace("共计、总额,", "共计、总额、全部,"));
        e = BadInput.refused(input);
        assertEquals("label_zh", e.column());
        assertTrue(e.reason().startsWith("'全部' is a total's label"), e.reason());
    }

    /** A label is a total's when it is the word, not when it starts with one. */
    @Test
    void aLabelIsATotalsWhenItIsTheWord() {
        var words = org.pbannex.ingest.TotalWords.of(java.util.List.of("小计、合计", "Subtotal, Total, Total budget"), "texts", "input.total_words");
        for (String label : java.util.List.of("合计", "合计（全部）", " Total: ", "TOTAL", "total (all units)", "Total  budget")) {
            assertTrue(words.problem(label) != null, label);
        }
        for (String label : java.util.List.of("Total Quality Unit", "合计划", "Subtotals of Part I", "Programmes in Africa")) {
            assertEquals(null, words.problem(label), label);
        }
    }

    /** The line of 2022-23's own texts that words annex 4's note ("a4.not_itemised_note.printed"). */
    private int noteLine() throws IOException {
        java.util.List<String> lines = java.nio.file.Files.readAllLines(input.resolve("2022-23/reference/texts.csv"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("a4.not_itemised_note.printed,")) {
                return i + 1;
            }
        }
        throw new AssertionError("no a4.not_itemised_note.printed in 2022-23's texts");
    }
}
