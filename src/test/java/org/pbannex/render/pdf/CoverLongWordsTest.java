package org.pbannex.render.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.render.PublicationInfo;
import org.pbannex.table.Language;
import org.pbannex.table.Text;

/**
 * A word longer than a line on the cover (a file in a deep folder named by a general note, a synthetic input file's
 * path, a link) is broken where it meets the margin, in both editions: read back from the PDF it is whole across its
 * lines, and no character of any page is set beyond the page's edge (a 200-character path had run off the cover).
 */
public class CoverLongWordsTest {

    /** A path of 200 characters without a space or hyphen: no place a line may break by the rules. */
    public static final String PATH = "input/expenditure/" + "regional_offices_archive_".repeat(7).substring(0, 160)
            + "/synthetic_lines_2022.csv";

    @TempDir
    Path dir;

    @Test
    void aPathLongerThanALineIsWrappedWithinThePage() throws IOException {
        assertEquals(203, PATH.length(), PATH);
        String url = "https://www.ilo.org/" + "resource/gb/341/".repeat(8) + "pfa-1.pdf";
        PublicationInfo info = new PublicationInfo(PdfDocumentWriterTest.INFO.title(), PdfDocumentWriterTest.INFO.source(),
                "2022-23", "run-42", "2025-01-02T03:04:05Z", "0.1.0-test",
                List.of(new PublicationInfo.InputFile(PATH, "", 12, true)), PdfDocumentWriterTest.INFO.contact(), Text.EMPTY,
                List.of(new Text("注：合成数据见 " + PATH + "；原文见 " + url, "Note: the synthetic lines are in " + PATH
                        + "; the source is at " + url)));
        for (Language lang : Language.values()) {
            Path pdf = dir.resolve("cover." + lang.code() + ".pdf");
            PdfDocumentWriter.write(PdfDocumentWriterTest.tables(), lang, info, PdfDocumentWriterTest.WORDING,
                    PdfDocumentWriterTest.FONTS, pdf);
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(1);
                stripper.setEndPage(1);
                String cover = stripper.getText(doc).replaceAll("\\s+", "");
                // The note's and the list's path, and the link, each whole across its lines.
                assertEquals(2, cover.split(java.util.regex.Pattern.quote(PATH), -1).length - 1, lang + ": " + cover);
                assertTrue(cover.contains(url), lang + ": " + cover);
                List<String> outside = outside(doc);
                assertEquals(List.of(), outside, lang + ": characters beyond the page's edge");
            }
        }
    }

    /** Every character of every page set beyond the page's right edge or its margins' left, as "page N: text". */
    static List<String> outside(PDDocument doc) throws IOException {
        List<String> out = new ArrayList<>();
        for (int p = 1; p <= doc.getNumberOfPages(); p++) {
            float width = doc.getPage(p - 1).getMediaBox().getWidth();
            int page = p;
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    StringBuilder past = new StringBuilder();
                    for (TextPosition tp : positions) {
                        if (tp.getXDirAdj() < 0 || tp.getXDirAdj() + tp.getWidthDirAdj() > width) {
                            past.append(tp.getUnicode());
                        }
                    }
                    if (!past.isEmpty()) {
                        out.add("page " + page + ": " + past);
                    }
                }
            };
            stripper.setStartPage(p);
            stripper.setEndPage(p);
            stripper.writeText(doc, new StringWriter());
        }
        return out;
    }
}
