package org.pbannex.render.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.Golden;
import org.pbannex.publication.ComputedPublication;
import org.pbannex.render.GoldenEditions;
import org.pbannex.render.LineBreaks;
import org.pbannex.render.PublicationInfo;
import org.pbannex.table.Language;
import org.pbannex.table.Text;

/**
 * The line-start rule of Chinese text: no line starts with 。，、；：？！ or a closing bracket or quotation mark.
 */
class ChineseLineStartTest {

    private static final String NO_LINE_START = "。，、；：？！）」』";

    @TempDir
    Path tmp;

    @Test
    void noBreakBeforeThePunctuationNoLineStartsWith() {
        for (char p : NO_LINE_START.toCharArray()) {
            assertTrue(LineBreaks.forbidden("译文" + p + "尚未核对", 2), "a break before " + p);
        }
    }

    /**
     * The Chinese cover as laid out and read back: notes that put each of these marks at the end of a line in one of
     * them or another (a sentence moved on by one character forty times) never start a line with one.
     */
    @Test
    void noLineOfTheChineseCoverStartsWithClosingPunctuation() throws Exception {
        ComputedPublication pub = GoldenEditions.publication();
        PublicationInfo g = GoldenEditions.info(pub);
        String sentence = "所有金额均为美元，除非另有说明。附录一至附录三（表 I.1 至 I.3、表 II.1 和战略风险登记册）以及资料附件的"
                + "英文文本为译文；尚未核对：是否？是！见「附件」和『登记册』。";
        List<Text> notes = new ArrayList<>();
        for (int k = 0; k < 40; k++) {
            notes.add(new Text("劳".repeat(k) + sentence + sentence, sentence));
        }
        PublicationInfo info = new PublicationInfo(g.title(), g.source(), g.biennium(), g.runId(), g.runTime(), g.codeVersion(),
                g.contact(), g.citation(), notes, g.about(), g.published(), g.files());
        Path pdf = tmp.resolve("cover.zh.pdf");
        PdfDocumentWriter.write(List.of(pub.tables().get("t1")), Language.ZH, info, GoldenEditions.wording(pub),
                Golden.home().resolve("work/fonts"), pdf);
        List<String> starting = new ArrayList<>();
        int lines = 0;
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            for (String line : new PDFTextStripper().getText(doc).split("\\R")) {
                String l = line.strip();
                lines += l.contains("除非另有说明") ? 1 : 0;
                if (!l.isEmpty() && NO_LINE_START.indexOf(l.charAt(0)) >= 0) {
                    starting.add(l);
                }
            }
        }
        assertTrue(lines >= 40, "the notes are on the cover: " + lines);
        assertEquals(List.of(), starting, "lines starting with punctuation no line starts with");
    }
}
