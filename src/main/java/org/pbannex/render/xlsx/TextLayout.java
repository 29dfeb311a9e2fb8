package org.pbannex.render.xlsx;

import org.pbannex.render.GlyphWidths;

/**
 * How much room wrapped text needs, so rows can be made tall enough: Excel and LibreOffice do not re-measure row
 * heights when they open a file, and a row left at one line cuts its wrapped text. The estimate wraps at spaces and
 * after hyphens as they do ("budget 2020- / 2021"; CJK text breaks between any two characters) with per-character
 * widths in units of the column-width character (the digit 0), rounded up, so it errs towards a line too many rather
 * than one too few.
 */
final class TextLayout {

    /** Width lost to the cell's margins, in characters. */
    private static final double MARGIN = 1.0;
    /** Bold Latin text is wider; bold CJK glyphs are not. */
    private static final double BOLD = 1.1;

    private TextLayout() {
    }

    /** Lines the text takes in a column {@code widthChars} wide. */
    static int lines(String text, int widthChars, boolean bold) {
        if (text == null || text.isEmpty()) {
            return 1;
        }
        double usable = Math.max(1.0, widthChars - MARGIN);
        double scale = bold ? BOLD : 1.0;
        int lines = 0;
        for (String paragraph : text.split("\n", -1)) {
            lines += paragraphLines(paragraph, usable, scale);
        }
        return lines;
    }

    private static int paragraphLines(String text, double usable, double scale) {
        boolean wide = text.codePoints().anyMatch(TextLayout::isWide);
        Filling f = new Filling(usable);
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            double w = width(cp) * (isWide(cp) ? 1.0 : scale);
            if (cp == ' ') {
                // A line ends at a space: the word before it either fits or starts the next line.
                f.placeWord();
                f.line += w;
            } else if (cp == '-') {
                // ... and after a hyphen, which stays at the end of the line it ends ("budget 2020- / 2021", Table 2's
                // heading, which the estimate had kept whole and so measured a line longer than it prints).
                f.word += w;
                f.placeWord();
            } else if (isWide(cp)) {
                // CJK text may break before any character: flush the word, then place the character.
                f.placeWord();
                if (f.line + w > usable && f.line > 0) {
                    f.lines++;
                    f.line = 0;
                }
                f.line += w;
            } else {
                f.word += w;
                if (f.word > usable) {
                    // A word longer than the column is broken where it meets the edge.
                    if (f.line > 0) {
                        f.lines++;
                    }
                    f.lines++;
                    f.line = 0;
                    f.word = w;
                }
            }
            i += Character.charCount(cp);
        }
        if (f.line + f.word > usable && f.line > 0) {
            f.lines++;
        } else if (wide && f.line + f.word > usable - 1.0) {
            // Chinese that fills its last line to within half a character: another font (LibreOffice's stand-in for
            // the edition's) or the rule that no full stop starts a line may move the last character down.
            f.lines++;
        }
        return f.lines;
    }

    /** A paragraph being filled: its lines so far, the width of the last one, and of the word not yet placed. */
    private static final class Filling {
        final double usable;
        int lines = 1;
        double line;
        double word;

        Filling(double usable) {
            this.usable = usable;
        }

        /** Places the word so far: on this line where it fits, else it starts the next. */
        void placeWord() {
            if (line + word > usable && line > 0) {
                lines++;
                line = word;
            } else {
                line += word;
            }
            word = 0;
        }
    }

    /** Width of the text on one line, in column-width characters (a column this wide shows it unwrapped). */
    static int width(String text, boolean bold) {
        double w = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            w += width(cp) * (bold && !isWide(cp) ? BOLD : 1.0);
            i += Character.charCount(cp);
        }
        return (int) Math.ceil(w + MARGIN);
    }

    private static double width(int cp) {
        return GlyphWidths.digits(cp);
    }

    static boolean isWide(int cp) {
        return GlyphWidths.isWide(cp);
    }
}
