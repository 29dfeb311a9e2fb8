package org.pbannex.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.CliRun;
import org.pbannex.TestInputs;
import org.pbannex.TestWorkbooks;

/**
 * An expenditure file holding lines of a biennium after the run's: the editions count them among the lines read (the
 * workbook's Run sheet, the list of input files of the PDF and HTML), and every edition says, in the texts' words
 * (edition.lines_left_out, under edition.left_out), how many were left out of every total and why: on its cover and
 * beside that list. Read back from the files one run wrote, in both languages.
 */
class LinesLeftOutEditionsTest {

    // 1,234 lines: the count grouped as each edition groups its figures (the covers said "5097 lines": tester 76a).
    private static final String ZH = "1 234 行支出明细属于 2022-23 之后的两年期，不计入本次运行的任何合计（只检查其格式）";
    private static final String EN = "1,234 expenditure lines of biennia after 2022-23 are left out of every total of this run "
            + "(only their form is checked)";

    @TempDir
    static Path tmp;
    static Path run;

    @BeforeAll
    static void runWithTwoLinesOfLaterBiennia() throws Exception {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        Path lines = input.resolve("expenditure/synthetic-2016-2023.csv");
        StringBuilder later = new StringBuilder(Files.readString(lines));
        for (int i = 0; i < 1234; i++) {
            later.append("Z").append(i + 2).append(i % 2 == 0 ? ",2024-05" : ",2025-11").append(",XB,ESTIMATE,AF,KEN,AFRICA,1,STAFF,10.00\n");
        }
        Files.writeString(lines, later.toString());
        CliRun r = CliRun.run(tmp.resolve("db"), "run", "nightly", "--tables", "f2", "--lang", "zh,en", "--format", "xlsx,pdf,html",
                "--input", input.toString(), "--output", tmp.resolve("out").toString());
        assertEquals(0, r.status(), r.toString());
        try (var s = Files.list(tmp.resolve("out/2022-23"))) {
            run = s.filter(p -> !p.getFileName().toString().startsWith(".") && !p.getFileName().toString().equals("latest"))
                    .findFirst().orElseThrow();
        }
    }

    @Test
    void theWorkbooksSayItOnTheCoverAndTheRunSheet() throws Exception {
        assertWorkbook("zh", "封面", "运行记录", "未计入的明细行", ZH, "未计入的明细行：" + ZH);
        assertWorkbook("en", "Cover", "Run", "Lines left out", EN, "Lines left out: " + EN);
    }

    private static void assertWorkbook(String lang, String cover, String runSheet, String heading, String sentence, String line)
            throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(run.resolve("pb-annexes-2022-23." + lang + ".xlsx").toFile())) {
            List<String> coverLines = column(wb.getSheet(cover), 0);
            int at = coverLines.indexOf(heading);
            assertTrue(at >= 0, coverLines.toString());
            assertEquals(sentence, coverLines.get(at + 1));
            Sheet sheet = wb.getSheet(runSheet);
            assertTrue(column(sheet, 0).contains(line), column(sheet, 0).toString());
            // The lines read, of which these are: 20,000 of 2016-2023 and the 1,234 of 2024-25.
            Row file = rowOf(sheet, "input/expenditure/synthetic-2016-2023.csv");
            assertEquals(21234, file.getCell(1).getNumericCellValue());
        }
    }

    @Test
    void thePdfsSayItOnTheCoverAndTheInputsPage() throws Exception {
        assertPdf("zh", "未计入的明细行", ZH, "未计入的明细行：" + ZH);
        assertPdf("en", "Lines left out", EN, "Lines left out: " + EN);
    }

    private static void assertPdf(String lang, String heading, String sentence, String line) throws Exception {
        Path pdf = run.resolve("pb-annexes-2022-23." + lang + ".pdf");
        String cover = flat(TestWorkbooks.program(run, "pdftotext", "-enc", "UTF-8", "-l", "1", pdf.toString(), "-"));
        assertTrue(cover.contains(flat(heading)) && cover.contains(flat(sentence)), cover);
        String all = TestWorkbooks.program(run, "pdftotext", "-enc", "UTF-8", pdf.toString(), "-");
        String last = flat(all.substring(all.lastIndexOf('\f', all.length() - 2) + 1));
        // The page of input files: the lines read, 20,000 of 2016-2023 and these 1,234, and what was left out of them.
        assertTrue(last.contains(flat(line)) && (last.contains("21234") || last.contains("21,234")), last);
    }

    @Test
    void theHtmlEditionsSayItOnTheCoverAndUnderTheInputs() throws Exception {
        assertHtml("zh", "未计入的明细行", ZH, "未计入的明细行：" + ZH);
        assertHtml("en", "Lines left out", EN, "Lines left out: " + EN);
    }

    private static void assertHtml(String lang, String heading, String sentence, String line) throws Exception {
        Document html = Jsoup.parse(run.resolve("pb-annexes-2022-23." + lang + ".html").toFile());
        List<String> facts = html.select("header.cover dl.facts > *").eachText();
        int at = facts.indexOf(heading);
        assertTrue(at >= 0, facts.toString());
        assertEquals(sentence, facts.get(at + 1));
        assertEquals(List.of(line), html.select("#notes p.left-out").eachText());
        assertTrue(html.select("#notes table.inputs tr").stream().anyMatch(tr -> tr.text().contains("synthetic-2016-2023.csv")
                && tr.select("td.num").text().replaceAll("\\D", "").equals("21234")), html.select("#notes table.inputs").outerHtml());
    }

    /** A PDF's text without its line breaks and spaces: a sentence wraps where its column ends, the Chinese anywhere. */
    private static String flat(String text) {
        return text.replaceAll("[\\s\\p{Z}]", "");
    }

    private static List<String> column(Sheet sheet, int col) {
        List<String> out = new ArrayList<>();
        for (Row row : sheet) {
            Cell c = row.getCell(col);
            out.add(c == null ? "" : c.toString());
        }
        return out;
    }

    private static Row rowOf(Sheet sheet, String first) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && row.getCell(0).toString().equals(first)) {
                return row;
            }
        }
        throw new AssertionError("no row " + first + " in " + column(sheet, 0));
    }
}
