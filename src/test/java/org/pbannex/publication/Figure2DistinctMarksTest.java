package org.pbannex.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.CliRun;
import org.pbannex.TestInputs;
import org.pbannex.reference.Biennium;
import org.pbannex.table.Column;
import org.pbannex.table.NoteMarker;
import org.pbannex.table.Table;

/**
 * Figure 2 over synthetic biennia (2016-17 to 2022-23, the sample) and a real one with a status they have too (2024-25's
 * lines, actual as 2016-17's): each note under the figure has a mark of its own, and each biennium's heading the mark
 * of its note, in the PDF and HTML editions as written (tester 76a: "2022-2023 ***" and "2024-2025 ***" above "***
 * Estimated expenditure. *** Synthetic lines with the status estimate.", so a reader could not tell which was whose).
 */
class Figure2DistinctMarksTest {

    @TempDir
    Path tmp;

    private static String pdfText(Path pdf) throws IOException {
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
        }
    }

    @Test
    void aRealAndASyntheticBienniumWithOneStatusHaveTwoMarks() throws IOException {
        Path input = TestInputs.withBienniaUpTo(tmp.resolve("input"), 2024);
        Table f2 = Publication.compute(input, new Biennium(2024)).tables().get("f2");
        Map<String, String> marks = new LinkedHashMap<>();
        for (Column c : f2.columns()) {
            marks.put(c.key(), c.heading().en().substring(c.heading().en().lastIndexOf(' ') + 1));
        }
        // 2024-25's real actuals keep *, the synthetic actuals of 2016-17 and 2018-19 share the next mark.
        assertEquals(Map.of("2016-17", "‡", "2018-19", "‡", "2020-21", "**", "2022-23", "***", "2024-25", "*"), marks);
        List<NoteMarker.Part> en = NoteMarker.parts(f2.footnotes().get(0).en());
        List<NoteMarker.Part> zh = NoteMarker.parts(f2.footnotes().get(0).zh());
        assertEquals(List.of("*", "‡", "**", "***"), en.stream().map(NoteMarker.Part::marker).toList(), "one note per mark");
        assertEquals(List.of("*", "‡", "**", "***"), zh.stream().map(NoteMarker.Part::marker).toList(), "one note per mark");
        assertEquals(List.of("Actual expenditure.", "Synthetic lines with the status actual."),
                en.subList(0, 2).stream().map(NoteMarker.Part::text).toList());
        assertEquals("状态为实际支出的合成明细。", zh.get(1).text());
        for (Column c : f2.columns()) {
            assertTrue(c.note().en().startsWith(marks.get(c.key()) + " "), c.key() + " points to " + c.note());
        }

        Path out = tmp.resolve("out");
        CliRun r = CliRun.run(tmp.resolve("db"), "run", "regenerate", "--input", input.toString(), "--output", out.toString(),
                "--biennium", "2024-25", "--tables", "f2", "--format", "pdf,html", "--lang", "zh,en");
        assertEquals(0, r.status(), r.toString());
        Path run;
        try (Stream<Path> runs = Files.list(out.resolve("2024-25"))) {
            run = runs.filter(p -> Files.isDirectory(p) && p.getFileName().toString().startsWith("2")).findFirst().orElseThrow();
        }
        String pdf = pdfText(run.resolve("pb-annexes-2024-25.en.pdf")).replaceAll("\\s+", " ");
        assertTrue(pdf.contains("2016-2017 ‡") && pdf.contains("2024-2025 *"), pdf);
        assertTrue(pdf.contains("[note 3] * Actual expenditure. [note 4] ‡ Synthetic lines with the status actual. [note 5] ** Synthetic lines"), pdf);
        assertFalse(pdf.contains("* Synthetic lines with the status actual."), "no * on the synthetic note: " + pdf);
        String pdfZh = pdfText(run.resolve("pb-annexes-2024-25.zh.pdf")).replaceAll("\\s+", "");
        assertTrue(pdfZh.contains("[注释3]*实际支出。[注释4]‡状态为实际支出的合成明细。"), pdfZh);
        // The page's text, as a reader sees it: a chart's names carry the edition's break points (<wbr>, span.w).
        String html = org.jsoup.Jsoup.parse(Files.readString(run.resolve("pb-annexes-2024-25.en.html"), StandardCharsets.UTF_8))
                .text().replace('\u00a0', ' ');
        assertTrue(html.contains("2016-2017 ‡") && html.contains("‡ Synthetic lines with the status actual."), "the HTML edition");
        assertFalse(html.contains("* Synthetic lines with the status actual."), "the HTML edition");
    }
}
