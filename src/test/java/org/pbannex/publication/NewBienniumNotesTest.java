package org.pbannex.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.CliRun;
import org.pbannex.Lines;
import org.pbannex.TestInputs;
import org.pbannex.reference.Biennium;
import org.pbannex.table.Row;
import org.pbannex.table.Table;

/**
 * A next biennium made as a budget officer makes one, from a copy of 2022-23's files (2024-25 naming no printed
 * document): what 2022-23's own texts held does not come with the copy, and what only 2022-23's print explains must
 * not either. Each gap is refused by {@code check} in one line, at the file and line to mend; nothing is printed
 * pointing to a note that is not there, or under a heading with nothing under it.
 */
class NewBienniumNotesTest {

    @TempDir
    Path tmp;

    /** The tester's next biennium: 2022-23's data files copied, no printed document, no documented difference. */
    private Path copiedBiennium() throws IOException {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        Path next = Files.createDirectories(input.resolve("2024-25"));
        try (Stream<Path> files = Files.list(input.resolve("2022-23"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
                Files.copy(f, next.resolve(f.getFileName()));
            }
        }
        Files.writeString(next.resolve("publication.csv"), "publication_date,document_symbol,document_title_zh,document_title_en\n"
                + "2023-02-01,,,\n");
        Path differences = next.resolve("printed_differences.csv");
        Files.writeString(differences, Files.readAllLines(differences).get(0) + "\n");
        TestInputs.yearsMovedOn(next, new org.pbannex.reference.Biennium(2024));
        return input;
    }

    private static CliRun check(Path input) {
        return CliRun.run(null, "check", "--input", input.toString(), "--biennium", "2024-25");
    }

    private static int lineOf(Path file, String prefix) throws IOException {
        int index = Lines.firstStartingWith(Files.readAllLines(file, StandardCharsets.UTF_8), prefix);
        assertTrue(index >= 0, prefix + " in " + file);
        return index + 1;
    }

    private static String oneLine(CliRun r) {
        assertEquals(3, r.status(), r.toString());
        List<String> err = r.err().lines().toList();
        assertEquals(1, err.size(), r.err());
        return err.get(0);
    }

    /** 1.4.2's marker ¹ points to a note of 2022-23's own texts: without it the marker would point to nothing. */
    @Test
    void aFootnoteMarkerWithoutItsNoteIsRefusedAtTheIndicator() throws IOException {
        Path input = copiedBiennium();
        Path indicators = input.resolve("2024-25/results_indicators.csv");
        String line = oneLine(check(input));
        assertTrue(line.contains("input/2024-25/results_indicators.csv, line " + lineOf(indicators, "1.4.2,") + ", column footnote: "
                + "indicator 1.4.2 refers to note 1, but no note under Table I.2 starts with 1: add key 'i2.footnote.2' "), line);

        // The notes given in the biennium's own texts (as 2022-23 gives them), each marker has its note: none refused.
        Path own = Files.createDirectories(input.resolve("2024-25/reference")).resolve("texts.csv");
        List<String> notes = Files.readAllLines(input.resolve("2022-23/reference/texts.csv"), StandardCharsets.UTF_8).stream()
                .filter(l -> l.matches("i2\\.footnote\\.[234],.*")).toList();
        Files.writeString(own, "key,zh,en\n" + String.join("\n", notes.subList(0, 2)) + "\n", StandardCharsets.UTF_8);
        line = oneLine(check(input));
        // Note 3 is on o7-recruitment-costs's baseline (待定。³): refused at the baseline's line.
        assertTrue(line.contains("results_baselines.csv, line " + lineOf(input.resolve("2024-25/results_baselines.csv"),
                "o7-recruitment-costs,") + ", column footnote: indicator o7-recruitment-costs refers to note 3, but no note under "
                + "Table I.2 starts with 3: add key 'i2.footnote.4' "), line);
        TestInputs.edit(own, s -> s + notes.get(2) + "\n");
        // annex 4's confidences, which only 2022-23's note explains, are another matter (the note's own check): emptied.
        TestInputs.edit(input.resolve("2024-25/outcome_contributors.csv"), s -> s.replace(",moderate\n", ",\n").replace(",low\n", ",\n"));
        CliRun ok = check(input);
        assertEquals(0, ok.status(), ok.toString());
        Table i2 = Publication.compute(input, new Biennium(2024)).tables().get("i2");
        assertTrue(i2.row("1.4.2").label().en().endsWith("¹") && ((org.pbannex.table.Text) i2.row("o7-recruitment-costs").value("baselines")).en().endsWith(".³")
                && i2.footnotes().stream().anyMatch(n -> n.en().startsWith("1 Results "))
                && i2.footnotes().stream().anyMatch(n -> n.en().startsWith("3 Nine countries")), i2.footnotes().toString());
    }

    /** An outcome or output with nothing under it would print as a heading alone (Table I.2 ending on two headings). */
    @Test
    void anOutcomeOrOutputWithoutIndicatorsIsRefused() throws IOException {
        Path input = TestInputs.withMadeUp2024(tmp.resolve("input"));
        Path outcomes = input.resolve("2024-25/results_outcomes.csv");
        Path outputs = input.resolve("2024-25/results_outputs.csv");
        TestInputs.edit(outcomes, s -> s.replace("A,enabling,", "3,policy,公正转型,Just transition,,\nA,enabling,"));
        TestInputs.edit(outputs, s -> s.stripTrailing() + "\n3.1,3,绿色就业,Green jobs\n");
        // Its share of the budget taken from outcome 2's, so that every other input agrees (as the tester's outcome 9).
        TestInputs.edit(input.resolve("2024-25/outcome_allocations.csv"), s -> s.replace("2,3977777", "2,3000000\n3,977777"));
        // And its extra-budgetary estimate (every policy outcome has one for each fund split by outcome).
        TestInputs.edit(input.resolve("2024-25/extrabudgetary_estimates.csv"), s -> s.replace("2024-25,XB,2,0.7\n", "2024-25,XB,2,0.7\n2024-25,XB,3,0.0\n"));
        String line = oneLine(check(input));
        assertTrue(line.contains("input/2024-25/results_outcomes.csv, line " + lineOf(outcomes, "3,policy,") + ", column placeholder_zh: "
                + "outcome 3 has no indicator in results_indicators.csv, so its heading would print with nothing under it"), line);

        // With the text printed in their place (as 待制定。), the outcome is fine; its output, which has no such text, is not.
        TestInputs.edit(outcomes, s -> s.replace("3,policy,公正转型,Just transition,,", "3,policy,公正转型,Just transition,待制定。,To be developed."));
        line = oneLine(check(input));
        assertTrue(line.contains("input/2024-25/results_outputs.csv, line " + lineOf(outputs, "3.1,") + ", column output: output 3.1 "
                + "has no indicator in results_indicators.csv, so its heading would print with nothing under it"), line);
    }

    /**
     * 2022-23's own texts that speak of its print (the illegible pies, "given as printed", the print's title of Table
     * II.1, pb-annex's notes on what the print merges) are .printed keys: copied into a biennium without a print, they
     * are refused at their line, not shown in its outputs.
     */
    @Test
    void textsOfAPrintCopiedIntoABienniumWithoutOneAreRefused() throws IOException {
        Path input = copiedBiennium();
        Path own = Files.createDirectories(input.resolve("2024-25/reference")).resolve("texts.csv");
        Files.copy(input.resolve("2022-23/reference/texts.csv"), own);
        List<String> rows = Files.readAllLines(own, StandardCharsets.UTF_8);
        // The note on the editions too: its English is checked against the ILO's English edition, a print.
        for (String key : List.of("t2.footnote.2", "a4.not_itemised_note", "a4.not_itemised", "a4.no_chart", "i2.footnote.5",
                "i3.footnote.2", "ii1.title", "publication.note.2")) {
            assertTrue(rows.stream().anyMatch(l -> l.startsWith(key + ".printed,")), key + " speaks of the print");
        }
        assertTrue(rows.stream().noneMatch(l -> l.startsWith("publication.note.2,")), "the note on the editions has no plain key");
        int first = Lines.firstStartingWith(rows, "publication.note.2.printed,") + 1;
        assertTrue(rows.stream().limit(first - 1).noneMatch(l -> l.split(",", 2)[0].endsWith(".printed")), "the first such row");
        String line = oneLine(check(input));
        assertTrue(line.contains("input/2024-25/reference/texts.csv, line " + first + ", column key: 'publication.note.2.printed' is not "
                + "read: it is the wording for a biennium that names a printed document"), line);
    }

    /**
     * 2022-23 names its print: its tables say, word for word, what they said when those texts had plain keys (its own file
     * as it was, the .printed taken off).
     */
    @Test
    void twentyTwentyTwoReadsItsPrintedWordingAsBefore(@TempDir Path before) throws IOException {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        Path plain = TestInputs.copyOfBundledInput(before.resolve("input"));
        TestInputs.edit(plain.resolve("2022-23/reference/texts.csv"), s -> s.replaceAll("(?m)^([^,]+)\\.printed,", "$1,"));
        var nowComputed = Publication.compute(input, new Biennium(2022));
        var thenComputed = Publication.compute(plain, new Biennium(2022));
        var now = nowComputed.tables();
        var then = thenComputed.tables();
        // The general notes too (the one on the editions, publication.note.2.printed), each on the same tables.
        var notes = nowComputed.reference().texts().numbered(org.pbannex.reference.TextKeys.GENERAL_NOTES);
        assertEquals(thenComputed.reference().texts().numbered(org.pbannex.reference.TextKeys.GENERAL_NOTES), notes);
        assertTrue(notes.stream().anyMatch(n -> n.en().contains("has not yet been checked against the ILO's English edition")), notes.toString());
        assertEquals(RunRenderer.noteTables(thenComputed.reference().texts()), RunRenderer.noteTables(nowComputed.reference().texts()));
        assertTrue(RunRenderer.noteTables(nowComputed.reference().texts()).contains(List.of("i1", "i2", "i3", "ii1", "risk", "sa")));
        assertEquals(then.keySet(), now.keySet());
        for (String id : now.keySet()) {
            Table a = now.get(id);
            Table b = then.get(id);
            assertEquals(b.number(), a.number(), id);
            assertEquals(b.title(), a.title(), id);
            assertEquals(b.caveat(), a.caveat(), id);
            assertEquals(b.footnotes(), a.footnotes(), id);
            assertEquals(b.rows().stream().map(Row::label).toList(), a.rows().stream().map(Row::label).toList(), id);
            assertEquals(b.charts().stream().map(c -> c.note()).toList(), a.charts().stream().map(c -> c.note()).toList(), id);
        }
        assertTrue(now.get("i2").footnotes().stream().anyMatch(n -> n.en().startsWith("Where no target is given")),
                "a note only the print needs, shown for 2022-23");
    }
}
