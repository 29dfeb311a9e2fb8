package org.pbannex.render;

/**
 * How wide a character is drawn, estimated without the reader's font: in digits of a sans-serif font (the width of
 * "0", the unit of Excel's column widths), erring towards wide, so text measured with it fits where it is put. The
 * workbooks' row heights and column widths and the HTML edition's chart labels are sized with it.
 */
public final class GlyphWidths {

    /** A CJK glyph, in digits of the edition's font, with a little to spare. */
    private static final double WIDE = 1.9;

    private GlyphWidths() {
    }

    /** The character's width in digits. */
    public static double digits(int cp) {
        // CJK glyphs are square, one em, in bold too: in the zh edition's Microsoft YaHei, whose digits are about 0.55
        // em, 1.8 digits (LibreOffice's stand-ins, DejaVu Sans digits and WenQuanYi glyphs: 1.6). Arial's lowercase
        // letters are narrower than its digits.
        if (isWide(cp)) {
            return WIDE;
        }
        if (" .,:;'!|ijlI".indexOf(cp) >= 0) {
            return 0.5;
        }
        if ("ftr()[]-/".indexOf(cp) >= 0) {
            return 0.65;
        }
        if ("mwMW%@".indexOf(cp) >= 0) {
            return 1.5;
        }
        if (Character.isUpperCase(cp)) {
            return 1.25;
        }
        if (Character.isDigit(cp)) {
            return 1.0;
        }
        return 0.92;
    }

    /** A CJK character or punctuation mark, drawn one em wide (a square). */
    public static boolean isWide(int cp) {
        return Character.isIdeographic(cp) || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF)
                || (cp >= 0x2E80 && cp <= 0x2FDF) || cp == 0x201C || cp == 0x201D;
    }
}
