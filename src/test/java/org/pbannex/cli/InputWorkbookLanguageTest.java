package org.pbannex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.CliRun;
import org.pbannex.Golden;
import org.pbannex.TestInputs;
import org.pbannex.TestWorkbooks;
import org.pbannex.render.xlsx.ClippedText;

/**
 * The input workbook in a Chinese-speaking officer's language: {@code input export} (Chinese by default, as a job that
 * names no languages; {@code --lang en} for English) writes the instructions, headings, required row, column notes and
 * validation messages in the words of texts.csv's inputbook.*, the sheets' and columns' names as the files have them;
 * {@code input import} reads either, and a figure edited by another program is the only change it writes.
 */
class InputWorkbookLanguageTest {

    @TempDir
    static Path shared;
    static Path zh;
    static Path en;

    @TempDir
    Path tmp;

    /** A Latin word of three letters or more: English, where a Chinese text has only codes, names and commands. */
    private static final Pattern ENGLISH_WORD = Pattern.compile("\\b(?:the|and|of|is|are|this|to|or|from|with|Required|"
            + "Optional|Number|Text|sheet|column|row)\\b");

    @BeforeAll
    static void export() {
        zh = shared.resolve("inputs-zh.xlsx");
        en = shared.resolve("inputs-en.xlsx");
        CliRun z = CliRun.capture(Map.of(), "input", "export", "--out", zh.toString());
        assertEquals(0, z.status(), z.toString());
        assertTrue(z.out().contains("its instructions and notes in zh"), z.out());
        CliRun e = CliRun.capture(Map.of(), "input", "export", "--lang", "en", "--out", en.toString());
        assertEquals(0, e.status(), e.toString());
    }

    private static String text(XSSFSheet s, int row, int column) {
        Row r = s.getRow(row);
        return r == null || r.getCell(column) == null ? "" : new DataFormatter().formatCellValue(r.getCell(column));
    }

    @Test
    void theChineseWorkbookSaysItsOwnWordsInChineseAndKeepsTheNamesImportReads() throws Exception {
        try (XSSFWorkbook z = new XSSFWorkbook(zh.toFile()); XSSFWorkbook e = new XSSFWorkbook(en.toFile())) {
            List<String> zhSheets = new ArrayList<>();
            List<String> enSheets = new ArrayList<>();
            z.forEach(s -> zhSheets.add(s.getSheetName()));
            e.forEach(s -> enSheets.add(s.getSheetName()));
            assertEquals(enSheets, zhSheets, "the sheets' names are the same in both");
            XSSFSheet cover = z.getSheet("Cover");
            assertEquals("pb-annex 输入工作簿：2022-23 两年期", text(cover, 0, 0));
            assertEquals("两年期", text(cover, 2, 0));
            assertEquals("2022-23", text(cover, 2, 1));
            List<String> words = new ArrayList<>();
            for (Row r : cover) {
                for (int c = 0; c < 6; c++) {
                    String t = text(cover, r.getRowNum(), c);
                    // Sheet names, files, checksums and column names are the files' own, in either workbook.
                    if (t.matches(".*\\p{IsHan}.*")) {
                        words.add(t);
                    }
                }
            }
            assertTrue(words.containsAll(List.of("本工作簿的用法", "工作表一览", "工作表", "说明", "输入文件夹中的文件", "行数",
                    "必填列", "导出时的 SHA-256")), words.toString());
            // (Placeholders such as {from} are the texts' own codes.)
            words.forEach(t -> assertTrue(!ENGLISH_WORD.matcher(t.replaceAll("\\{[a-z_]+\\}", "")).find(),
                    "English on the Chinese cover: " + t));

            XSSFSheet budget = z.getSheet("budget");
            XSSFSheet budgetEn = e.getSheet("budget");
            assertTrue(text(budget, 1, 0).startsWith("各单位的原始预算数据"), text(budget, 1, 0));
            assertEquals("必填", text(budget, 2, 0));
            for (int c = 0; c < budgetEn.getRow(3).getLastCellNum(); c++) {
                assertEquals(text(budgetEn, 3, c), text(budget, 3, c), "the header row is the file's");
                String note = budget.getRow(3).getCell(c).getCellComment().getString().getString();
                assertTrue(note.startsWith("必填。") || note.startsWith("选填。"), note);
                assertTrue(!ENGLISH_WORD.matcher(note).find(), "English in a column's note: " + note);
            }
            // The column's pbDescriptionZh (input/datapackage.json), then its rules in Chinese.
            assertEquals("必填。人员费用，美元（只有不含人员的调整项，如空缺率因素，才可为负：有工作年或非人员费用而人员费用为负的行会被拒绝）；"
                    + "绝对值小于 10^15。-999999999999999 至 999999999999999 的整数。",
                    budget.getRow(3).getCell(5).getCellComment().getString().getString());
            var validations = budget.getDataValidations();
            assertTrue(!validations.isEmpty());
            validations.forEach(v -> {
                assertEquals("不接受此值", v.getErrorBoxTitle());
                assertTrue(v.getErrorBoxText().startsWith("必填。") || v.getErrorBoxText().startsWith("选填。"), v.getErrorBoxText());
            });
            assertEquals("Not accepted", budgetEn.getDataValidations().get(0).getErrorBoxTitle());
            assertEquals("How to use this workbook", text(e.getSheet("Cover"), 5, 0));
        }
    }

    @Test
    void aFigureEditedInTheChineseWorkbookWithOpenpyxlIsTheOnlyChangeImportWrites() throws Exception {
        String python = TestWorkbooks.openpyxl();
        Path edited = tmp.resolve("edited.xlsx");
        // Africa's inflation, 4.4, becomes 4.6: the row found by its code, the figure in the column named in the header.
        TestWorkbooks.program(tmp, python, "-c", """
                import sys, openpyxl
                wb = openpyxl.load_workbook(sys.argv[1])
                s = wb['regional_inflation']
                header = [c.value for c in s[4]]
                col = header.index('annual_inflation_pct') + 1
                row = next(r for r in range(5, s.max_row + 1) if s.cell(r, header.index('region') + 1).value == 'AF')
                assert s.cell(row, col).value == 4.4, s.cell(row, col).value
                s.cell(row, col).value = 4.6
                wb.save(sys.argv[2])
                """, zh.toString(), edited.toString());
        Path into = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        CliRun imported = CliRun.capture(Map.of(), "input", "import", edited.toString(), "--into", into.toString());
        assertEquals(0, imported.status(), imported.toString());
        assertTrue(imported.out().contains("1 file changed (2022-23/regional_inflation.csv), "
                + (TestInputs.bundledCsvFiles("2022-23").size() - 1) + " unchanged"), imported.out());
        List<String> was = Files.readAllLines(Golden.input().resolve("2022-23/regional_inflation.csv"));
        List<String> now = Files.readAllLines(into.resolve("2022-23/regional_inflation.csv"));
        assertTrue(was.contains("AF,4.4"), was.toString());
        assertEquals(was.stream().map(l -> l.equals("AF,4.4") ? "AF,4.6" : l).toList(), now, "that figure, nothing else");
    }

    @Test
    void theEnglishWorkbookStillImports() throws IOException {
        Path into = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        CliRun imported = CliRun.capture(Map.of(), "input", "import", en.toString(), "--into", into.toString());
        assertEquals(0, imported.status(), imported.toString());
        assertTrue(imported.out().contains("0 files changed, " + TestInputs.bundledCsvFiles("2022-23").size() + " unchanged"),
                imported.out());
    }

    @Test
    void theChineseCoversChecksumsAreRead() throws IOException {
        // A file edited on disk since the export that the workbook changes too is refused, as with the English cover.
        Path into = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        Path book = tmp.resolve("zh.xlsx");
        assertEquals(0, CliRun.capture(Map.of(), "input", "export", "--input", into.toString(), "--out", book.toString()).status());
        TestInputs.edit(into.resolve("reference/units.csv"), t -> t.replace(",Legal Services,", ",Office of the Legal Adviser,"));
        Path edited = TestWorkbooks.edited(book, tmp.resolve("edited.xlsx"), wb -> wb.getSheet("units").getRow(4).getCell(2)
                .setCellValue("International Labour Conference (ILC)"));
        CliRun r = CliRun.capture(Map.of(), "input", "import", edited.toString(), "--into", into.toString());
        assertEquals(3, r.status(), r.toString());
        assertTrue(r.err().contains("reference/units.csv"), r.err());
    }

    @Test
    void libreOfficePrintsTheChineseWorkbookInAChineseFontWithNothingCutOff() throws Exception {
        Path pdfDir = Files.createDirectories(tmp.resolve("pdf"));
        TestWorkbooks.libreOffice(pdfDir, tmp.resolve("lo-profile"), "--convert-to", "pdf", "--outdir", pdfDir.toString(),
                zh.toString());
        Path pdf = pdfDir.resolve("inputs-zh.pdf");
        String text = TestWorkbooks.program(pdfDir, "pdftotext", "-enc", "UTF-8", pdf.toString(), "-");
        for (String expected : List.of("本工作簿的用法", "工作表一览", "必填", "budget: 2022-23/budget.csv", "国际劳工大会")) {
            assertTrue(text.contains(expected), "the printed workbook shows '" + expected + "'");
        }
        // Its Chinese set in the Chinese font the build fetches, not in boxes of a font without it.
        String fonts = TestWorkbooks.program(pdfDir, "pdffonts", pdf.toString());
        assertTrue(fonts.contains("NotoSansSC"), fonts);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertEquals(List.of(), ClippedText.of(doc), "text its cell cuts off");
        }
    }
}
