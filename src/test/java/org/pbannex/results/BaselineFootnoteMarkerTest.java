package org.pbannex.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.CliRun;
import org.pbannex.Golden;
import org.pbannex.TestInputs;
import org.pbannex.TestWorkbooks;
import org.pbannex.publication.ComputedPublication;
import org.pbannex.publication.Publication;
import org.pbannex.reference.Biennium;
import org.pbannex.render.GoldenEditions;
import org.pbannex.render.PublicationInfo;
import org.pbannex.render.html.HtmlEditionWriter;
import org.pbannex.render.pdf.PdfDocumentWriter;
import org.pbannex.render.xlsx.XlsxWorkbookWriter;
import org.pbannex.table.Language;
import org.pbannex.table.Table;

/**
 * Table I.2's footnote 3 ("有 9 个国家制定了这一指标…", on how many countries have the data) is on the baseline of
 * o7-recruitment-costs (SDG 10.7.1): the print has "待定。3" in the baseline column (golden NOTES.md), not a marker after
 * the indicator's text. Found by an exploratory test (tester 76b, M1): every edition put ³ after "10.7.1)。". The marker
 * is results_baselines.csv's footnote, a column a file may leave out.
 */
class BaselineFootnoteMarkerTest {

    private static final String ROW = "o7-recruitment-costs";

    @TempDir
    static Path dir;
    static ComputedPublication pub;
    static Table i2;

    @BeforeAll
    static void compute() throws IOException {
        pub = GoldenEditions.publication();
        i2 = pub.tables().get("i2");
        PublicationInfo info = GoldenEditions.info(pub);
        for (Language lang : Language.values()) {
            XlsxWorkbookWriter.write(List.of(i2), lang, info, GoldenEditions.wording(pub), dir.resolve("i2." + lang.code() + ".xlsx"));
            PdfDocumentWriter.write(List.of(i2), lang, info, GoldenEditions.wording(pub), Golden.home().resolve("work/fonts"),
                    dir.resolve("i2." + lang.code() + ".pdf"));
            HtmlEditionWriter.write(List.of(i2), lang, info, GoldenEditions.wording(pub), dir.resolve("i2." + lang.code() + ".html"));
        }
    }

    @Test
    void theMarkerFollowsTheBaselineNotTheIndicator() {
        var row = i2.row(ROW);
        assertTrue(row.label().zh().endsWith("10.7.1)。") && row.label().en().endsWith("10.7.1)."), row.label().toString());
        assertEquals("待定。³", ((org.pbannex.table.Text) row.value("baselines")).zh());
        assertEquals("To be determined.³", ((org.pbannex.table.Text) row.value("baselines")).en());
        // The note it points to keeps its number and text: the third of I.2's notes that start with a number.
        assertTrue(i2.footnotes().stream().anyMatch(n -> n.zh().startsWith("3 有 9 个国家制定了这一指标")
                && n.en().startsWith("3 Nine countries have developed this indicator")), i2.footnotes().toString());
    }

    @Test
    void thePdfPrintsTheMarkerAfterTheBaseline() throws Exception {
        String zh = TestWorkbooks.program(dir, "pdftotext", "-raw", dir.resolve("i2.zh.pdf").toString(), "-").replaceAll("\\s+", "");
        assertTrue(zh.contains("待定。³"), "the baseline's marker");
        assertFalse(zh.contains("10.7.1)。³"), "no marker after the indicator");
        String en = TestWorkbooks.program(dir, "pdftotext", "-raw", dir.resolve("i2.en.pdf").toString(), "-").replaceAll("\\s+", " ");
        assertTrue(en.contains("To be determined.³"), "the baseline's marker");
        assertFalse(en.contains("10.7.1).³"), "no marker after the indicator");
    }

    /** The workbook names the note in the baseline's cell ("[note N]", as labels do), not on the indicator's. */
    @Test
    void theWorkbookNamesTheNoteInTheBaselineCell() throws IOException {
        for (Language lang : Language.values()) {
            baselineCell(lang);
        }
    }

    /** The workbook's baseline cell of the row, checked to end with its note ("待定。 [注释 N]"). */
    private String baselineCell(Language lang) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(dir.resolve("i2." + lang.code() + ".xlsx")))) {
            Sheet sheet = wb.getSheet(wb.getSheetName(wb.getSheetIndex(sheetOf(wb))));
            Row header = null;
            Row row = null;
            DataFormatter f = new DataFormatter();
            for (Row r : sheet) {
                for (Cell c : r) {
                    String v = f.formatCellValue(c);
                    if (header == null && v.equals(lang == Language.ZH ? "基线" : "Baseline")) {
                        header = r;
                    }
                    if (v.contains("10.7.1")) {
                        row = r;
                    }
                }
            }
            assertTrue(header != null && row != null, lang + ": the header and the row");
            int baseline = -1;
            for (Cell c : header) {
                if (f.formatCellValue(c).equals(lang == Language.ZH ? "基线" : "Baseline")) {
                    baseline = c.getColumnIndex();
                }
            }
            String cell = f.formatCellValue(row.getCell(baseline));
            String label = f.formatCellValue(row.getCell(0));
            String note = lang == Language.ZH ? "[注释 " : "[note ";
            assertTrue(cell.matches((lang == Language.ZH ? "待定。" : "To be determined\\.") + " \\Q" + note + "\\E[0-9]+\\]"),
                    lang + ": " + cell);
            assertFalse(label.contains(note) || label.contains("³"), lang + ": " + label);
            return cell;
        }
    }

    private static Sheet sheetOf(XSSFWorkbook wb) {
        for (Sheet s : wb) {
            if (s.getSheetName().startsWith("i2")) {
                return s;
            }
        }
        throw new AssertionError("no i2 sheet");
    }

    @Test
    void theHtmlEditionPrintsTheMarkerAfterTheBaseline() throws IOException {
        for (Language lang : Language.values()) {
            var html = Jsoup.parse(dir.resolve("i2." + lang.code() + ".html").toFile(), StandardCharsets.UTF_8.name());
            Element row = html.selectFirst("tr[data-row=" + ROW + "]");
            assertTrue(row != null, lang + ": the row");
            assertTrue(row.selectFirst("td[data-column=baselines]").text().replaceAll("\\s+", "")
                    .endsWith(lang == Language.ZH ? "待定。³" : "determined.³"), lang + ": " + row.selectFirst("td[data-column=baselines]").text());
            assertFalse(row.selectFirst("th.label").text().contains("³"), lang + ": " + row.selectFirst("th.label").text());
            // A link to its note, named as a figure's marker is, on the line of the word before it (it was plain text,
            // free to wrap onto a line of its own).
            Element link = row.selectFirst("td[data-column=baselines] a.note-ref");
            assertTrue(link != null && link.text().equals("³"), lang + ": " + row.selectFirst("td[data-column=baselines]").html());
            // Named by the marker it shows and the note's number in the workbook ("³ note 20" where the cell says [note 20]).
            String number = baselineCell(lang).replaceAll(".*\\D(\\d+)\\]$", "$1");
            assertEquals((lang == Language.ZH ? "³ 注释 " : "³ note ") + number, link.attr("aria-label"));
            Element note = html.getElementById(link.attr("href").substring(1));
            assertTrue(note != null, lang + ": " + link.attr("href"));
            Element words = note.clone();
            words.select(".note-number").remove(); // "[注释 23]", the note's number before its marker
            assertTrue(words.text().startsWith("3 "), lang + ": " + link.attr("href") + " " + note.text());
            Element kept = link.parent();
            assertTrue(kept.is("span.w") && kept.ownText().endsWith(lang == Language.ZH ? "待定。" : "determined."), kept.outerHtml());
        }
    }

    /** A results_baselines.csv without the column (a file of an earlier version) is read as having no such notes. */
    @Test
    void aBaselinesFileWithoutTheColumnStillReads() throws IOException {
        Path in = TestInputs.copyOfBundledInput(dir.resolve("without-column"));
        Path baselines = in.resolve("2022-23/results_baselines.csv");
        TestInputs.edit(baselines, s -> s.lines().map(l -> l.substring(0, l.lastIndexOf(','))).reduce("", (a, b) -> a + b + "\n"));
        assertEquals("indicator,seq,value,unit,year,estimate,text_zh,text_en", Files.readAllLines(baselines).get(0));
        CliRun ok = CliRun.run(null, "check", "--input", in.toString(), "--biennium", "2022-23");
        assertEquals(0, ok.status(), ok.toString());
        Table without = Publication.compute(in, new Biennium(2022)).tables().get("i2");
        assertEquals("待定。", ((org.pbannex.table.Text) without.row(ROW).value("baselines")).zh());
    }
}
