package org.pbannex;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.pbannex.publication.TableCatalogue;
import org.pbannex.table.Language;

/**
 * Whether an edition speaks its own language: the Chinese one has no English word, the English one no Chinese
 * character. Codes and units are not words: a token with a digit, a path or file name, a hash, a run id, and the short
 * list of names below (acronyms the print itself uses in Chinese text, table ids, Roman numerals).
 */
public final class EditionLanguage {

    /**
     * Latin-letter names the Chinese edition may carry: what the print has (ILOSTAT, SDG, COVID-19, ISO/IEC, the symbol
     * GB.341/PFA/1, US$), the unit code CHF, the office code PROGRAM, pb-annex and its version (0.1.0-SNAPSHOT, or dev when
     * run from the classes), SHA-256, Roman numerals and the T and Z of an ISO time.
     */
    static final Set<String> ALLOWED = Set.of("ILOSTAT", "SDG", "US", "CHF", "ISO", "IEC", "COVID", "GB", "PFA", "PROGRAM",
            "pb-annex", "SNAPSHOT", "dev", "SHA", "I", "II", "III", "IV", "V", "T", "Z");
    /** A run of Latin letters and what may join them into one code (file names, versions, run ids, "US$"). */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9$@._/:#*+'’-]*[A-Za-z][A-Za-z0-9$@._/:#*+'’-]*");
    private static final Pattern CJK = Pattern.compile("[\\p{IsHan}\\u3000-\\u303f\\uff00-\\uffef]+");

    private EditionLanguage() {
    }

    /** The words of the other language in a text of this edition, each with a little context; empty when there are none. */
    public static List<String> foreignWords(String text, Language edition) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = (edition == Language.ZH ? TOKEN : CJK).matcher(text);
        while (m.find()) {
            if (edition == Language.ZH && isCode(m.group())) {
                continue;
            }
            int from = Math.max(0, m.start() - 15);
            int to = Math.min(text.length(), m.end() + 15);
            out.add("'" + m.group() + "' in \"" + text.substring(from, to).replaceAll("\\s+", " ") + "\"");
        }
        return new ArrayList<>(out);
    }

    /** A code, not a word: it has a digit or the punctuation of a path, version or amount, or it is a known name. */
    static boolean isCode(String token) {
        String t = token.replaceAll("^['’*+-]+|['’*+.:-]+$", "");
        if (t.length() <= 1 || t.matches(".*[0-9$/._@:#].*") || ALLOWED.contains(t) || TableCatalogue.ids().contains(t)) {
            return true;
        }
        // pb-annex, COVID-19's first half, ISO/IEC: every part known.
        for (String part : t.split("[-'’]")) {
            if (!(part.length() <= 1 || ALLOWED.contains(part))) {
                return false;
            }
        }
        return true;
    }

    /** Every text a reader of the PDF sees (its text layer). */
    public static String pdfText(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    /** Every text of a workbook: sheet names, string cells, chart titles and their alt text, one per line. */
    public static String workbookText(Path xlsx) throws IOException {
        StringBuilder b = new StringBuilder();
        try (XSSFWorkbook wb = new XSSFWorkbook(java.nio.file.Files.newInputStream(xlsx))) {
            for (Sheet s : wb) {
                b.append(s.getSheetName()).append('\n');
                for (Row r : s) {
                    for (Cell c : r) {
                        if (c.getCellType() == CellType.STRING) {
                            b.append(c.getStringCellValue()).append('\n');
                        }
                    }
                }
                var drawing = ((XSSFSheet) s).getDrawingPatriarch();
                if (drawing != null) {
                    for (XSSFChart chart : drawing.getCharts()) {
                        b.append(chart.getTitleText() == null ? "" : chart.getTitleText().getString()).append('\n');
                    }
                    // Each chart's name and description (its alt text), as a screen reader reads them.
                    for (var anchor : drawing.getCTDrawing().getTwoCellAnchorList()) {
                        if (anchor.getGraphicFrame() != null) {
                            var props = anchor.getGraphicFrame().getNvGraphicFramePr().getCNvPr();
                            b.append(props.getTitle()).append('\n').append(props.getDescr()).append('\n');
                        }
                    }
                }
            }
        }
        return b.toString();
    }

    /** The language tags the workbook's charts give their text runs (titles, axis titles, the chart's default). */
    public static Set<String> chartTextLanguages(Path xlsx) throws IOException {
        java.util.Set<String> tags = new java.util.TreeSet<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(java.nio.file.Files.newInputStream(xlsx))) {
            for (Sheet s : wb) {
                var drawing = ((XSSFSheet) s).getDrawingPatriarch();
                for (XSSFChart chart : drawing == null ? List.<XSSFChart>of() : drawing.getCharts()) {
                    for (String element : new String[] {"rPr", "endParaRPr", "defRPr"}) {
                        for (var run : chart.getCTChartSpace().selectPath(
                                "declare namespace a='http://schemas.openxmlformats.org/drawingml/2006/main' .//a:" + element)) {
                            String lang = ((org.openxmlformats.schemas.drawingml.x2006.main.CTTextCharacterProperties) run).getLang();
                            if (lang != null || !element.equals("defRPr")) {
                                tags.add(String.valueOf(lang));
                            }
                        }
                    }
                }
            }
        }
        return tags;
    }
}
