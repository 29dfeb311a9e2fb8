package org.pbannex.render.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.Golden;
import org.pbannex.ingest.Glyphs;

/**
 * The characters the PDFs can show, from the font's character map alone: exactly those OpenPDF (which writes the
 * PDFs) finds a glyph for, so that text it would drop is refused before, and nothing it prints is.
 */
class PdfFontGlyphsTest {

    private static final Path FONTS = Golden.home().resolve("work/fonts");

    @TempDir
    Path tmp;

    @Test
    void theCharacterMapAgreesWithWhatThePdfLibraryPrints() throws Exception {
        for (String file : new String[] {"regular.ttf", "bold.ttf"}) {
            Path path = FONTS.resolve(file);
            BitSet read = FontCmap.codePoints(path, 0);
            BaseFont font = BaseFont.createFont(path.toString(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false,
                    Files.readAllBytes(path), null);
            int shown = 0;
            for (int cp = 0x20; cp < 0x30000; cp++) {
                assertEquals(font.charExists(cp), read.get(cp), file + ": U+" + Integer.toHexString(cp).toUpperCase());
                shown += read.get(cp) ? 1 : 0;
            }
            assertTrue(shown > 20_000, file + " shows the CJK ideographs: " + shown);
        }
    }

    @Test
    void glyphsOfTheFamilyNameTheCharacterItLacks() throws IOException {
        Glyphs glyphs = PdfFonts.glyphs(FONTS);
        assertEquals("Noto Sans SC", glyphs.font());
        assertNull(glyphs.problem("提高雇主和企业会员组织 Employers' organizations 1.1 (US$) – “quoted” · 5%"));
        assertEquals("character U+20000 (CJK UNIFIED IDEOGRAPH-20000) at character 5 of the value is not in the PDF's font "
                + "(Noto Sans SC): the PDF would leave it out; write it with another character",
                glyphs.problem("提高雇主\uD840\uDC00和企业"));
        assertTrue(glyphs.problem("a\ue000").contains("U+E000"), glyphs.problem("a\ue000"));
    }

    @Test
    void withoutAFontThereAreNoGlyphsToAsk() throws IOException {
        IOException none = assertThrows(IOException.class, () -> PdfFonts.glyphs(tmp));
        assertTrue(none.getMessage().contains("no CJK font"), none.getMessage());
        Files.writeString(tmp.resolve("font.properties"), "family=Broken\nregular=regular.ttf\n");
        Files.write(tmp.resolve("regular.ttf"), new byte[] {0, 1, 0, 0, 0, 9});
        IOException damaged = assertThrows(IOException.class, () -> PdfFonts.glyphs(tmp));
        assertFalse(damaged.getMessage().isEmpty());
    }
}
