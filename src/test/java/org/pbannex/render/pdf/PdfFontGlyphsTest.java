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

    /** A copy of the family with its regular file cut to {@code length} bytes, and font.properties' {@code extra} lines. */
    private Path cut(String name, int length, String extra) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Files.copy(FONTS.resolve("bold.ttf"), dir.resolve("bold.ttf"));
        byte[] regular = Files.readAllBytes(FONTS.resolve("regular.ttf"));
        Files.write(dir.resolve("regular.ttf"), java.util.Arrays.copyOf(regular, Math.min(length, regular.length)));
        Files.writeString(dir.resolve("font.properties"), "family=Noto Sans SC\nregular=regular.ttf\nbold=bold.ttf\n" + extra);
        return dir;
    }

    /**
     * A font file cut short (head -c 1000 regular.ttf) is named, with why it is damaged and the command that fetches it
     * again, both by the glyphs the run's validate step reads and by preflight's check of the font. Preflight said
     * nothing but EOFException's empty message, the run "cannot write ...pdf: EOFException", as if its disk had failed.
     */
    @Test
    void aFontCutShortIsNamedAsDamagedWithTheCommandThatFetchesItAgain() throws IOException {
        Path dir = cut("head", 1000, "");
        String expected = "font file " + dir.resolve("regular.ttf").toAbsolutePath() + " is damaged: it is 1000 bytes long and "
                + "ends inside its tables; fetch it again with scripts/fetch-fonts.sh --again";
        assertEquals(expected, assertThrows(PdfFonts.Damaged.class, () -> PdfFonts.glyphs(dir)).getMessage());
        assertEquals(expected, assertThrows(PdfFonts.Damaged.class, () -> PdfFonts.check(dir)).getMessage());
        // A run's report and notice in Chinese say it in Chinese (the run wraps it: a damaged installation).
        var damaged = new org.pbannex.runtime.DamagedInstallation(expected, assertThrows(PdfFonts.Damaged.class, () -> PdfFonts.glyphs(dir)));
        var said = org.pbannex.publish.ReportWords.read(org.pbannex.Golden.input(), null).cause(damaged, expected);
        assertEquals("字体文件 " + dir.resolve("regular.ttf").toAbsolutePath() + " 已损坏：其长度为 1000 字节，在字体表中间就结束了；请用 "
                + "scripts/fetch-fonts.sh --again 重新获取", said.zh());
        assertEquals(expected, said.en());
        // Cut after its character map: the map reads, its glyphs would not; the table directory tells.
        Path half = cut("half", 5_000_000, "");
        assertTrue(assertThrows(PdfFonts.Damaged.class, () -> PdfFonts.glyphs(half)).getMessage()
                .contains("regular.ttf is damaged: it is 5000000 bytes long and ends inside its tables"));
    }

    /**
     * The size and checksum scripts/fetch-fonts.sh records: the run's glyphs compare the size, preflight's check the
     * checksum too; a font whose files are as recorded passes both.
     */
    @Test
    void aFontFileOtherThanTheOneFetchedIsDamaged() throws IOException {
        long size = Files.size(FONTS.resolve("regular.ttf"));
        Path wrongSize = cut("size", Integer.MAX_VALUE, "regular.size=" + (size + 1) + "\n");
        assertTrue(assertThrows(PdfFonts.Damaged.class, () -> PdfFonts.glyphs(wrongSize)).getMessage().endsWith(
                "regular.ttf is damaged: it is " + size + " bytes long, where scripts/fetch-fonts.sh fetched " + (size + 1)
                        + "; fetch it again with scripts/fetch-fonts.sh --again"));
        String zeros = "0".repeat(64);
        Path wrongSum = cut("sum", Integer.MAX_VALUE, "regular.size=" + size + "\nregular.sha256=" + zeros + "\n");
        assertEquals("Noto Sans SC", PdfFonts.glyphs(wrongSum).font(), "the run compares sizes only");
        assertTrue(assertThrows(PdfFonts.Damaged.class, () -> PdfFonts.check(wrongSum)).getMessage().contains(
                "regular.ttf is damaged: its SHA-256 checksum is "), "preflight compares checksums");
        String sha256 = java.util.HexFormat.of().formatHex(sha256(FONTS.resolve("regular.ttf")));
        Path intact = cut("intact", Integer.MAX_VALUE, "regular.size=" + size + "\nregular.sha256=" + sha256 + "\n");
        assertEquals("Noto Sans SC (regular.ttf, bold.ttf)", PdfFonts.check(intact));
    }

    private static byte[] sha256(Path file) throws IOException {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
