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
 * A biennium's own texts.csv amends the shared texts key by key: a key the program would never read (a typo) stops the
 * check, naming its line and the key meant, while a numbered footnote or note it adds is shown. A biennium that names
 * no printed document (the made-up 2024-25) speaks of no print in any output; 2022-23, which names one, keeps its
 * wording.
 */
class BienniumTextsTest {

    /** Wording only true of a biennium that names a printed document (the texts' .printed keys). */
    static final List<String> OF_A_PRINT = List.of("printed table", "Nothing printed", "printed order", "as printed",
            "not in the printed document", "印刷版", "印刷顺序", "不属于印刷文件", "tables not in the print");

    @Test
    void aTypoInABienniumsOwnKeyIsRefusedWithItsLineAndTheKeyMeant(@TempDir Path dir) throws IOException {
        Path tree = TestInputs.withMadeUp2024(dir.resolve("input"));
        Path own = tree.resolve("2024-25/reference/texts.csv");
        addRow(own, "t1.fotnote.2,又一脚注。,Another footnote.");
        CliRun r = check(tree, "2024-25");
        assertEquals(3, r.status(), r.toString());
        List<String> err = r.err().lines().toList();
        assertEquals(1, err.size(), r.err());
        assertTrue(err.get(0).startsWith("pb-annex: ") && err.get(0).endsWith("input/2024-25/reference/texts.csv, line " + lines(own) + ", column "
                + "key: 't1.fotnote.2' is no text the program reads, so it would never be shown: did you mean 't1.footnote.2'?"), r.err());

        // 2022-23's own file is checked too; a key nothing is close to is told what the keys may be.
        Path old = tree.resolve("2022-23/reference/texts.csv");
        addRow(old, "a2.titel,标题,Title");
        r = check(tree, "2022-23");
        assertEquals(3, r.status(), r.toString());
        assertTrue(r.err().contains("input/2022-23/reference/texts.csv, line " + lines(old) + ", column key: 'a2.titel' is no "
                + "text the program reads, so it would never be shown: did you mean 'a2.title'?"), r.err());
        TestInputs.edit(old, s -> s.replace("a2.titel,", "budget.remark,"));
        r = check(tree, "2022-23");
        assertEquals(3, r.status(), r.toString());
        assertTrue(r.err().contains("'budget.remark' is no text the program reads, so it would never be shown: the keys are those "
                + "of ") && r.err().contains("input/reference/texts.csv and the families read by prefix: <table>.footnote.<n>, "
                + "<table>.number, <table>.unit, <table>.short, <table>.workbook_unit (the tables: t1 t2 f2 "), r.err());
    }

    /** A wording for the other kind of biennium is not read either: refused, naming the key that is. */
    @Test
    void aWordingForTheOtherKindOfBienniumIsRefused(@TempDir Path dir) throws IOException {
        Path tree = TestInputs.withMadeUp2024(dir.resolve("input"));
        Path own = tree.resolve("2024-25/reference/texts.csv");
        addRow(own, "rt.caveat.printed,印刷版没有此表。,The print has no such table.");
        CliRun r = check(tree, "2024-25");
        assertEquals(3, r.status(), r.toString());
        assertTrue(r.err().contains("input/2024-25/reference/texts.csv, line " + lines(own) + ", column key: 'rt.caveat.printed' is not read: it "
                + "is the wording for a biennium that names a printed document, and ") && r.err().contains("input/2024-25/"
                + "publication.csv names none; change 'rt.caveat'"), r.err());

        Path old = tree.resolve("2022-23/reference/texts.csv");
        addRow(old, "rt.caveat,按区域分列的目标表由计算得出。,The table is computed.");
        r = check(tree, "2022-23");
        assertEquals(3, r.status(), r.toString());
        assertTrue(r.err().contains("input/2022-23/reference/texts.csv, line " + lines(old) + ", column key: 'rt.caveat' is not "
                + "read: ") && r.err().contains("input/2022-23/publication.csv names a printed document, so the text read is "
                + "'rt.caveat.printed'; change that key"), r.err());
    }

    /**
     * The made-up 2024-25 with texts of its own that the program reads by family: numbered footnotes (Figure 2 too, which
     * read none before) and a general note on one table. Every output of it, written and read back, shows them, says
     * "[x] marks a cell for which the table gives no figure or text" in its workbook, and nothing only true of a print.
     */
    @Test
    void aBienniumWithoutAPrintShowsItsOwnFootnotesAndSpeaksOfNoPrint(@TempDir Path dir) throws IOException {
        Path tree = TestInputs.withMadeUp2024(dir.resolve("input"));
        Path own = tree.resolve("2024-25/reference/texts.csv");
        addRow(own, "a2.footnote.2,本两年期增加的脚注。,A footnote this biennium adds.");
        addRow(own, "f2.footnote.1,本图的脚注。,A footnote of the figure.");
        addRow(own, "publication.note.2,关于附件 3 的说明。,A note on annex 3.");
        addRow(own, "publication.note.2.tables,a3,a3");
        assertEquals(0, check(tree, "2024-25").status());
        var made = Publication.compute(tree, new Biennium(2024));
        List<Text> a2 = made.tables().get("a2").footnotes();
        assertEquals("A footnote this biennium adds.", a2.get(a2.size() - 1).en(), "after the shared a2.footnote.1");
        assertTrue(made.tables().get("f2").footnotes().stream().anyMatch(f -> f.en().equals("A footnote of the figure.")));

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
            for (String own2024 : lang == Language.ZH ? List.of("本两年期增加的脚注。", "本图的脚注。", "关于附件 3 的说明。")
                    : List.of("A footnote this biennium adds.", "A footnote of the figure.", "A note on annex 3.")) {
                assertTrue(workbook.contains(own2024) && pdf.contains(own2024) && html.contains(own2024), base + ": " + own2024);
            }
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
        assertTrue(Files.readString(run.resolve("report.html")).contains("使用前请阅读：合成数据和由其他表格计算所得的表格"), "the report's warnings name no print");
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

    private static CliRun check(Path tree, String biennium) {
        return CliRun.run(null, "check", "--input", tree.toString(), "--biennium", biennium);
    }

    /** Adds a row at the end of a CSV file (whose last line may be blank). */
    private static void addRow(Path csv, String row) throws IOException {
        TestInputs.edit(csv, s -> s.stripTrailing() + "\n" + row + "\n");
    }

    private static int lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).size();
    }
}
