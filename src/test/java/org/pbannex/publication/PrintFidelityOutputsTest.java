package org.pbannex.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.CliRun;
import org.pbannex.EditionLanguage;
import org.pbannex.Golden;
import org.pbannex.TestInputs;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A publications editor's comparison of the bundled sample's outputs with the source document (tester 79b): every
 * edition, read back, names the source by the title the print bears, read from the seed document itself.
 */
class PrintFidelityOutputsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path tmp;
    static Path run;

    @BeforeAll
    static void runTheSample() throws Exception {
        Path input = TestInputs.copyOfBundledInput(tmp.resolve("input"));
        CliRun r = CliRun.run(tmp.resolve("db"), "run", "nightly", "--input", input.toString(), "--output", tmp.resolve("out").toString());
        assertEquals(0, r.status(), r.toString());
        run = tmp.resolve("out/2022-23/latest").toRealPath();
    }

    /** The Chinese document's title as printed: the first 《…》 of the seed (its foreword), its line breaks removed. */
    static String printedTitle() {
        String seed = Golden.seedText().replaceAll("[ \\t]*\\R[ \\t]*", "");
        Matcher m = Pattern.compile("《([^》]+)》").matcher(seed);
        assertTrue(m.find(), "no title in 《》 in the seed");
        assertTrue(m.group(1).contains("计划和预算"), m.group(1));
        return m.group(1);
    }

    /** A CSV file's rows by their header. */
    static List<java.util.Map<String, String>> csv(Path file) throws Exception {
        try (var r = new com.opencsv.CSVReaderHeaderAware(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            List<java.util.Map<String, String>> rows = new java.util.ArrayList<>();
            for (java.util.Map<String, String> row; (row = r.readMap()) != null; ) {
                rows.add(row);
            }
            return rows;
        }
    }

    private static String flat(String text) {
        return text.replaceAll("\\s+", " ");
    }

    /** tester 79b, F2: the zh source line, citation and titles said 《2022-2023 两年期计划和预算建议》, a title the print never bears. */
    @Test
    void theChineseEditionNamesTheSourceByItsPrintedTitle() throws Exception {
        String title = "《" + printedTitle() + "》";
        String nowhere = "计划和预算建议";
        String pdf = flat(EditionLanguage.pdfText(run.resolve("pb-annexes-2022-23.zh.pdf")));
        String html = flat(Jsoup.parse(run.resolve("pb-annexes-2022-23.zh.html").toFile()).text());
        String xlsx = EditionLanguage.workbookText(run.resolve("pb-annexes-2022-23.zh.xlsx"));
        String datapackage = JSON.readTree(run.resolve("datapackage.json").toFile()).toString();
        String report = flat(Jsoup.parse(run.resolve("report.html").toFile()).text());
        for (var edition : List.of(List.of("pdf", pdf), List.of("html", html), List.of("xlsx", xlsx), List.of("datapackage", datapackage),
                List.of("report", report))) {
            String text = edition.get(1);
            assertTrue(text.replace(" ", "").contains(title.replace(" ", "")), edition.get(0) + " does not name " + title);
            assertFalse(text.contains(nowhere), edition.get(0) + " still says " + nowhere);
        }
        // Every sheet's source line that cites the document (not Figure 2's synthetic lines) names it by that title.
        List<String> cited = xlsx.lines().filter(l -> l.startsWith("资料来源") && l.contains("GB.341/PFA/1")).toList();
        assertTrue(cited.size() > 10, cited.toString());
        assertTrue(cited.stream().allMatch(l -> l.replace(" ", "").contains(title.replace(" ", ""))), cited.toString());
    }

    /**
     * tester 79b, F9: the synthetic Figure 2 had no sources of its own, so a reader of the package (Frictionless: a
     * resource's sources default to the package's) credited its invented figures to the ILO document.
     */
    @Test
    void theSyntheticFigureNamesItsOwnSourceTheSyntheticFile() throws Exception {
        JsonNode pkg = JSON.readTree(run.resolve("datapackage.json").toFile());
        String documentSource = pkg.get("sources").get(0).get("title").asString();
        assertTrue(documentSource.contains("GB.341/PFA/1"), documentSource);
        for (JsonNode r : pkg.get("resources")) {
            String name = r.get("name").asString();
            if (name.equals("f2")) {
                JsonNode sources = r.get("sources");
                assertTrue(sources != null && sources.size() == 1, r.toString());
                JsonNode s = sources.get(0);
                assertEquals("input/expenditure/synthetic-2016-2023.csv", s.get("path").asString(), s.toString());
                assertTrue(s.get("title").asString().contains("synthetic") && !s.get("title").asString().contains("GB.341"), s.toString());
                assertTrue(s.get("pbannex:title_zh").asString().contains("合成"), s.toString());
            } else {
                assertEquals(null, r.get("sources"), name + " has the package's source, the document");
            }
        }
    }

    /**
     * tester 79b, F10: the workbooks marked the documented difference from the print (printed_differences.csv) on the
     * row label only; the cell itself now carries the marker in its number format and a comment with the printed figure
     * and the reason, and stays a number.
     */
    @Test
    void theDifferingCellItselfIsMarkedAndStaysANumber() throws Exception {
        List<java.util.Map<String, String>> differences = csv(Golden.input().resolve("2022-23/printed_differences.csv"));
        assertEquals(1, differences.size());
        var d = differences.get(0);
        for (String lang : List.of("zh", "en")) {
            try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(run.resolve("pb-annexes-2022-23." + lang + ".xlsx").toFile())) {
                org.apache.poi.ss.usermodel.Sheet sheet = null;
                for (var s : wb) {
                    sheet = s.getSheetName().startsWith(d.get("table") + " ") ? s : sheet;
                }
                List<org.apache.poi.ss.usermodel.Cell> commented = new java.util.ArrayList<>();
                for (var row : sheet) {
                    for (var cell : row) {
                        if (cell.getCellComment() != null) {
                            commented.add(cell);
                        }
                    }
                }
                assertEquals(1, commented.size(), lang + ": one commented cell, the differing one");
                var cell = commented.get(0);
                assertEquals(org.apache.poi.ss.usermodel.CellType.NUMERIC, cell.getCellType(), lang);
                assertEquals(Double.parseDouble(d.get("published")), cell.getNumericCellValue(), 1e-9, lang);
                String comment = cell.getCellComment().getString().getString();
                assertTrue(comment.contains(d.get("printed")) && comment.contains(d.get("explanation_" + lang).substring(0, 20)), comment);
                String format = cell.getCellStyle().getDataFormatString();
                assertTrue(format.contains("†") && format.startsWith("#,##0.0"), format);
                assertEquals(d.get("published") + " †", new org.apache.poi.ss.usermodel.DataFormatter().formatCellValue(cell), lang);
            }
        }
    }

    /** The seed's line that starts with this table number and a full stop ("表 2."), trimmed: the printed title line. */
    static String printedTitleLine(String number) {
        return Golden.seedText().lines().map(String::strip).filter(l -> l.startsWith(number + ". ")).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + number + ". in the seed")).replaceAll("\\s+", " ");
    }

    /**
     * tester 79b, F3: Table 2's and Figure 2's titles lost the printed "(百万美元)", and the workbook wrote "表 1：…" where
     * the print has "表 1. …". Each printed title line is now a title of the zh workbook as it is, and the title after
     * the number is in the zh PDF and HTML editions.
     */
    @Test
    void theChineseTitlesAreThePrintedOnes() throws Exception {
        String pdf = flat(EditionLanguage.pdfText(run.resolve("pb-annexes-2022-23.zh.pdf")));
        String html = flat(Jsoup.parse(run.resolve("pb-annexes-2022-23.zh.html").toFile()).text());
        List<String> xlsx = EditionLanguage.workbookText(run.resolve("pb-annexes-2022-23.zh.xlsx")).lines().map(String::strip).toList();
        for (String number : List.of("表 1", "表 2", "图 2")) {
            String line = printedTitleLine(number);
            String title = line.substring(number.length() + 2);
            assertTrue(xlsx.contains(line), "the workbook has no title " + line);
            // The PDF breaks a long title into lines: compared without spaces.
            assertTrue(pdf.replace(" ", "").contains(title.replace(" ", "")), "the PDF has no title " + title);
            assertTrue(html.contains(title), "the HTML edition has no title " + title);
        }
    }

    /**
     * tester 79b, F1: the print's Figure A2-1 (information annex 2) and Figure 1 (main text) were left out without a word.
     * Each printed title (the seed's line) is now named, as not reproduced, in every edition: the zh PDF's and HTML
     * edition's covers or notes, the zh workbook (its notes), and the en editions name the figures.
     */
    @Test
    void theLeftOutFiguresAreSaidInEveryEdition() throws Exception {
        String pdf = flat(EditionLanguage.pdfText(run.resolve("pb-annexes-2022-23.zh.pdf"))).replace(" ", "");
        String html = flat(Jsoup.parse(run.resolve("pb-annexes-2022-23.zh.html").toFile()).text()).replace(" ", "");
        String xlsx = EditionLanguage.workbookText(run.resolve("pb-annexes-2022-23.zh.xlsx")).replace(" ", "");
        for (String number : List.of("图 A2-1", "图 1")) {
            String line = printedTitleLine(number).replace(" ", "");
            for (var edition : List.of(List.of("pdf", pdf), List.of("html", html), List.of("xlsx", xlsx))) {
                String text = edition.get(1);
                int at = text.indexOf(line);
                assertTrue(at >= 0, edition.get(0) + " does not name " + line);
                assertTrue(text.substring(Math.max(0, at - 40), at).contains("未收入"), edition.get(0) + ": " + line + " not said left out");
            }
        }
        for (String ext : List.of("pdf", "html", "xlsx")) {
            Path file = run.resolve("pb-annexes-2022-23.en." + ext);
            String text = ext.equals("pdf") ? EditionLanguage.pdfText(file) : ext.equals("html") ? Jsoup.parse(file.toFile()).text()
                    : EditionLanguage.workbookText(file);
            text = flat(text);
            assertTrue(text.contains("Not reproduced: Figure A2-1") && text.contains("Figure 1 of the main text"), ext);
        }
    }

    /**
     * tester 79b, F11: every page's running head said "…：资料附件", main-text tables and appendices included. It is now the
     * print's own running head (the seed's page header, "2022-2023 两年期计划和预算草案  33" without the page number) on
     * every page after the cover.
     */
    @Test
    void thePagesRunUnderThePrintsRunningHead() throws Exception {
        Matcher m = Pattern.compile("(?m)^\\s*(\\S+ 两年期计划和预算草案)\\s+\\d+\\s*$").matcher(Golden.seedText());
        assertTrue(m.find(), "no running head in the seed");
        String head = m.group(1);
        try (var doc = org.apache.pdfbox.Loader.loadPDF(run.resolve("pb-annexes-2022-23.zh.pdf").toFile())) {
            for (int page = 2; page <= doc.getNumberOfPages(); page++) {
                var stripper = new org.apache.pdfbox.text.PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String first = stripper.getText(doc).strip().lines().findFirst().orElse("");
                assertEquals(head, first.strip(), "page " + page);
            }
        }
    }

    private static final String OWN_ZH = "（pb-annex 的说明）";
    private static final String OWN_EN = "(pb-annex's note) ";

    /** Whether a note's text (without its marker) is in the seed document, whitespace ignored. */
    private static boolean inSeed(String note) {
        return Golden.seedText().replaceAll("\\s+", "").contains(note.replaceAll("\\s+", ""));
    }

    /** The notes of a workbook's Notes sheet (its last sheet's rows that start "[注释 N]"/"[note N]"), each its last cell's text. */
    private static List<String> notesSheet(Path xlsx) throws Exception {
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(xlsx.toFile())) {
            List<String> out = new java.util.ArrayList<>();
            for (var sheet : wb) {
                for (var row : sheet) {
                    var first = row.getCell(row.getFirstCellNum() < 0 ? 0 : row.getFirstCellNum());
                    if (first != null && first.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                            && first.getStringCellValue().matches("\\[(注释|note) \\d+\\]") && row.getLastCellNum() > 1) {
                        out.add(row.getCell(row.getLastCellNum() - 1).getStringCellValue());
                    }
                }
            }
            return out;
        }
    }

    /** The marked parts of the notes under the tables of an HTML edition, by paragraph id, in order. */
    private static List<String> htmlNoteParts(Path html) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        for (var p : Jsoup.parse(html.toFile()).select("p[id*=-note-]")) {
            p.select(".note-number").remove(); // the note's number ("[注释 9]"), not the note's words
            org.pbannex.table.NoteMarker.parts(p.text()).forEach(part -> out.add(part.text()));
        }
        return out;
    }

    /** Asserts each note is tagged exactly once when the print does not have it ({@code printed}: the zh note's test), else untagged. */
    private static void taggedUnlessPrinted(String where, List<String> notes, List<Boolean> printed, String tag) {
        assertEquals(printed.size(), notes.size(), where);
        for (int i = 0; i < notes.size(); i++) {
            String note = notes.get(i);
            int tags = note.split(java.util.regex.Pattern.quote(tag.strip()), -1).length - 1;
            if (printed.get(i)) {
                assertEquals(0, tags, where + ": a printed note is tagged as pb-annex's: " + note);
            } else {
                assertEquals(1, tags, where + ": pb-annex's note not tagged once: " + note);
                assertTrue(note.startsWith(tag.strip()), where + ": the tag does not open the note: " + note);
            }
        }
    }

    /**
     * tester 79b, F6: pb-annex's own notes stood under the tables like the print's, only three of them typed with
     * "（pb-annex 的说明）". Every note not in the print (the seed) now carries the tag once, in the workbooks' Notes sheets
     * and under the tables of the HTML and PDF editions, in both languages; the print's notes (found in the seed) none.
     */
    @Test
    void everyNoteThePrintDoesNotHaveIsTaggedAsPbAnnexs() throws Exception {
        List<String> zhSheet = notesSheet(run.resolve("pb-annexes-2022-23.zh.xlsx"));
        List<Boolean> sheetPrinted = zhSheet.stream().map(n -> !n.contains(OWN_ZH) && inSeed(n)).toList();
        assertTrue(sheetPrinted.stream().filter(b -> b).count() >= 8, "the print's notes: " + zhSheet);
        assertTrue(sheetPrinted.stream().filter(b -> !b).count() >= 15, "pb-annex's notes: " + zhSheet);
        // The printed note, untagged, is the seed's; a tagged one is not, once the tag is taken off.
        List<Boolean> seedSays = zhSheet.stream().map(n -> inSeed(n.replace(OWN_ZH, ""))).toList();
        taggedUnlessPrinted("zh Notes sheet", zhSheet, seedSays, OWN_ZH);
        taggedUnlessPrinted("en Notes sheet", notesSheet(run.resolve("pb-annexes-2022-23.en.xlsx")), seedSays, OWN_EN);

        List<String> zhHtml = htmlNoteParts(run.resolve("pb-annexes-2022-23.zh.html"));
        List<Boolean> htmlPrinted = zhHtml.stream().map(n -> inSeed(n.replace(OWN_ZH, ""))).toList();
        taggedUnlessPrinted("zh HTML", zhHtml, htmlPrinted, OWN_ZH);
        taggedUnlessPrinted("en HTML", htmlNoteParts(run.resolve("pb-annexes-2022-23.en.html")), htmlPrinted, OWN_EN);
        assertTrue(htmlPrinted.stream().filter(b -> b).count() >= 8, zhHtml.toString());

        // The PDF: as many tags as the HTML edition shows (its tables' notes of pb-annex's and its cover's general notes),
        // and each printed note with no tag before it.
        for (String lang : List.of("zh", "en")) {
            String tag = (lang.equals("zh") ? OWN_ZH : OWN_EN).replaceAll("\\s+", "");
            String pdf = EditionLanguage.pdfText(run.resolve("pb-annexes-2022-23." + lang + ".pdf")).replaceAll("\\s+", "");
            String html = Jsoup.parse(run.resolve("pb-annexes-2022-23." + lang + ".html").toFile()).body().text().replaceAll("\\s+", "");
            long own = htmlPrinted.stream().filter(b -> !b).count();
            long shown = html.split(java.util.regex.Pattern.quote(tag), -1).length - 1;
            assertTrue(shown > own, lang + " HTML: the tables' notes of pb-annex's (" + own + ") and the cover's: " + shown);
            assertEquals(shown, pdf.split(java.util.regex.Pattern.quote(tag), -1).length - 1, lang + " PDF: tags");
        }
        String zhPdf = EditionLanguage.pdfText(run.resolve("pb-annexes-2022-23.zh.pdf")).replaceAll("\\s+", "");
        for (int i = 0; i < zhHtml.size(); i++) {
            if (htmlPrinted.get(i)) {
                String note = zhHtml.get(i).replaceAll("\\s+", "");
                assertTrue(zhPdf.contains(note) && !zhPdf.contains(OWN_ZH + note), "zh PDF: " + note);
            }
        }
    }
}
