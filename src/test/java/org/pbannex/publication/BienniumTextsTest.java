package org.pbannex.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.pbannex.EditionLanguage;
import org.pbannex.TestInputs;
import org.pbannex.reference.Biennium;
import org.pbannex.table.Language;
import org.pbannex.table.Text;

/**
 * A biennium that names no printed document (the made-up 2024-25) speaks of no print in any output; 2022-23, which
 * names one, keeps its wording.
 */
class BienniumTextsTest {

    /** Wording only true of a biennium that names a printed document (the texts' .printed keys). */
    static final List<String> OF_A_PRINT = List.of("printed table", "Nothing printed", "printed order", "as printed",
            "not in the printed document", "印刷版", "印刷顺序", "不属于印刷文件", "tables not in the print");

    /**
     * The made-up 2024-25 names no printed document: every output of it, written and read back, says "[x] marks a cell
     * for which the table gives no figure or text" in its workbook, and nothing only true of a print.
     */
    @Test
    void aBienniumWithoutAPrintSpeaksOfNoPrint(@TempDir Path dir) throws IOException {
        Path tree = TestInputs.withMadeUp2024(dir.resolve("input"));
        Path out = dir.resolve("out");
        CliRun r = CliRun.run(dir.resolve("db"), "run", "nightly", "--input", tree.toString(), "--output", out.toString(),
                "--biennium", "2024-25", "--format", "xlsx,pdf,html,csv", "--lang", "zh,en");
        assertEquals(0, r.status(), r.toString());
        Path run;
        try (Stream<Path> runs = Files.list(out.resolve("2024-25"))) {
            run = runs.filter(p -> p.getFileName().toString().startsWith("2")).findFirst().orElseThrow();
        }
        for (Language lang : List.of(Language.ZH, Language.EN)) {
            String base = "pb-annexes-2024-25." + lang.code();
            String workbook = EditionLanguage.workbookText(run.resolve(base + ".xlsx"));
            String pdf = EditionLanguage.pdfText(run.resolve(base + ".pdf"));
            String html = Files.readString(run.resolve(base + ".html"), StandardCharsets.UTF_8);
            String notX = lang == Language.ZH ? "[x] 表示表格在该单元格中没有数字或文字。" : "[x] marks a cell for which the table gives no figure or text.";
            assertTrue(workbook.contains(notX), base + ".xlsx: " + notX);
            for (String s : OF_A_PRINT) {
                assertFalse(workbook.contains(s), base + ".xlsx says " + s);
                assertFalse(pdf.contains(s), base + ".pdf says " + s);
                assertFalse(html.contains(s), base + ".html says " + s);
            }
        }
        try (Stream<Path> files = Files.walk(run)) {
            for (Path f : files.filter(p -> p.toString().matches(".*\\.(csv|json|html)$")).toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                for (String s : OF_A_PRINT) {
                    assertFalse(text.contains(s), run.relativize(f) + " says " + s);
                }
            }
        }
        assertTrue(Files.readString(run.resolve("report.html")).contains("Read before use: synthetic data and tables computed from "
                + "others"), "the report's warnings name no print");
    }

    /** 2022-23 names its print: its texts are the .printed ones, the made-up 2024-25's in the same tree the plain ones. */
    @Test
    void eachBienniumHasTheWordingOfItsKind(@TempDir Path dir) throws IOException {
        Path tree = TestInputs.withMadeUp2024(dir.resolve("input"));
        var old = Publication.compute(tree, new Biennium(2022));
        var made = Publication.compute(tree, new Biennium(2024));
        assertEquals(new Text("[x] 表示印刷版表格在该单元格中没有数字或文字。", "[x] marks a cell for which the printed table gives no figure or text."),
                RunRenderer.wording(old).text("workbook.not_printed"));
        assertEquals(new Text("[x] 表示表格在该单元格中没有数字或文字。", "[x] marks a cell for which the table gives no figure or text."),
                RunRenderer.wording(made).text("workbook.not_printed"));
        assertTrue(old.tables().get("rt").caveat().en().contains("not in the printed document"), old.tables().get("rt").caveat().en());
        assertEquals("The table of targets by region is computed from the regional targets of tables I.2 and I.3.",
                made.tables().get("rt").caveat().en());
    }
}
