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

    /**
     * Arial's advance widths of the printable ASCII characters (space to '~'), in thousandths of an em, regular and bold:
     * Liberation Sans, LibreOffice's stand-in for Arial, has the same ones by design (read from LiberationSans-Regular
     * and -Bold.ttf). Excel and LibreOffice set the English workbook's text in them.
     */
    private static final int[] ARIAL = {278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
            556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611,
            778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278,
            469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278,
            556, 500, 722, 500, 500, 500, 334, 260, 334, 584};
    private static final int[] ARIAL_BOLD = {278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
            556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611,
            778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333,
            584, 556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333,
            611, 556, 778, 556, 556, 500, 389, 280, 389, 584};

    /**
     * The character's width in Arial (and Liberation Sans), in digits of that font: exact for printable ASCII, else
     * {@link #digits}'s estimate.
     */
    public static double arialDigits(int cp, boolean bold) {
        if (cp >= ' ' && cp <= '~') {
            return (bold ? ARIAL_BOLD : ARIAL)[cp - ' '] / 556.0;
        }
        return digits(cp);
    }

    /** A CJK character or punctuation mark, drawn one em wide (a square). */
    public static boolean isWide(int cp) {
        return Character.isIdeographic(cp) || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF)
                || (cp >= 0x2E80 && cp <= 0x2FDF) || cp == 0x201C || cp == 0x201D;
    }
}
