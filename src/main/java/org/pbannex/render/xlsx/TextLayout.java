package org.pbannex.render.xlsx;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.pbannex.render.GlyphWidths;
import org.pbannex.render.LineBreaks;

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
            Filling f = fill(paragraph, usable, scale, 1.0);
            lines += f.starts.size();
            if (!f.endBroken && paragraph.codePoints().anyMatch(TextLayout::isWide) && f.line + f.word > usable - 1.0) {
                // Chinese that fills its last line to within half a character: another font (LibreOffice's stand-in
                // for the edition's) or the rule that no full stop starts a line may move the last character down.
                lines++;
            }
        }
        return lines;
    }

    /**
     * How much narrower than measured a reader's program may set text: the measure errs towards wide (a margin and an
     * indent of a whole character, bold digits a tenth wider than Arial's). Latin text alone is set in Arial or its
     * metric twin Liberation Sans, a little narrower than measured; beside CJK text in a stand-in for Microsoft YaHei
     * (LibreOffice's DejaVu Sans and Noto Sans SC, its CJK glyphs a sixth narrower), anything down to a quarter
     * narrower. A column is laid out for each of these.
     */
    private static final double[] LATIN_WIDTHS = {0.85, 0.875, 0.9, 0.925, 0.95, 0.975, 1.0};
    private static final double[] BESIDE_CJK_WIDTHS = {0.75, 0.8, 0.85, 0.9, 0.95, 1.0};

    /**
     * Whether the text, wrapped in a column {@code widthChars} wide by a program that breaks after any hyphen as Excel
     * and LibreOffice do, in any font of {@link #LATIN_WIDTHS} (beside CJK text, {@link #BESIDE_CJK_WIDTHS}), ends a
     * line inside a range of numbers ("2022-" / "2023") or after a name's hyphen before its number ("COVID-" / "19"),
     * which the PDF never does ({@link LineBreaks#insideHyphenatedNumber}). Not in a font in which the range alone is
     * wider than the line: that is the measure's error, not the print's (a column of 12 with its indent prints
     * "2016-2017" whole, which the measure puts at 10.6 characters in 9).
     */
    static boolean splitsRange(String text, int widthChars, boolean bold) {
        return rangeSplits(text, widthChars, bold) > 0;
    }

    /** In how many of the fonts {@link #splitsRange} tries the text ends a line inside a range of numbers. */
    static int rangeSplits(String text, int widthChars, boolean bold) {
        return rangeSplits(text, widthChars, bold, ALL_LATIN, ALL_BESIDE_CJK);
    }

    /** Every font of {@link #LATIN_WIDTHS}, and beside CJK text of {@link #BESIDE_CJK_WIDTHS}: (Latin scale, CJK scale). */
    private static final double[][] ALL_LATIN = fonts(LATIN_WIDTHS, new double[] {1.0});
    private static final double[][] ALL_BESIDE_CJK = fonts(BESIDE_CJK_WIDTHS, BESIDE_CJK_WIDTHS);

    private static double[][] fonts(double[] latin, double[] wide) {
        List<double[]> fonts = new ArrayList<>();
        for (double l : latin) {
            for (double w : wide) {
                fonts.add(new double[] {l, w});
            }
        }
        return fonts.toArray(double[][]::new);
    }

    /** In how many of these fonts (Latin text alone, beside CJK text) the text ends a line inside a range of numbers. */
    private static int rangeSplits(String text, int widthChars, boolean bold, double[][] latin, double[][] besideCjk) {
        double usable = Math.max(1.0, widthChars - MARGIN);
        double scale = bold ? BOLD : 1.0;
        int splits = 0;
        for (String paragraph : text.split("\n", -1)) {
            if (paragraph.chars().noneMatch(c -> c == '-')) {
                continue;
            }
            for (double[] font : paragraph.codePoints().anyMatch(TextLayout::isWide) ? besideCjk : latin) {
                if (splitsRange(paragraph, usable, scale * font[0], font[1])) {
                    splits++;
                }
            }
        }
        return splits;
    }

    /** Whether the paragraph, Latin text {@code scale} and CJK text {@code wide} times as wide as measured, splits a range. */
    static boolean splitsRange(String paragraph, double usable, double scale, double wide) {
        return splitsRange(paragraph, usable, cp -> width(cp) * (isWide(cp) ? wide : scale));
    }

    /**
     * Whether the paragraph, each character as wide as said, ends a line inside a range of numbers or after a name's
     * hyphen before its number, one that fits a line on its own.
     */
    private static boolean splitsRange(String paragraph, double usable, IntToDoubleFunction widthOf) {
        for (int start : fill(paragraph, usable, widthOf).starts) {
            if (LineBreaks.insideHyphenatedNumber(paragraph, start) && rangeWidth(paragraph, start, widthOf) <= usable) {
                return true;
            }
        }
        return false;
    }

    /**
     * The width from {@code width} up at which none of the texts, less {@code indent} characters, {@link #splitsRange
     * splits a range}: at the latest, each on one line.
     */
    static int keepingRanges(List<String> texts, int width, int indent, boolean bold) {
        int w = width;
        for (String text : texts) {
            while (splitsRange(text, w - indent, bold)) {
                w++;
            }
        }
        return w;
    }

    /**
     * The fonts of {@link #LATIN_WIDTHS} and {@link #BESIDE_CJK_WIDTHS} the two programs are seen to set text in (Latin
     * scale, CJK scale): Excel's Arial and Microsoft YaHei as measured; LibreOffice's Liberation Sans, which prints a
     * column's long text as wrapped at 0.925 to 0.95 of the measure, and beside CJK text its stand-in at 0.8 (the 2022-23
     * Table I.3 baselines, whose range breaks where these widths put it, and at the widths next to it does not).
     */
    private static final double[][] SEEN_LATIN = {{1.0, 1.0}, {0.925, 1.0}, {0.95, 1.0}};
    private static final double[][] SEEN_BESIDE_CJK = {{1.0, 1.0}, {0.925, 0.8}, {0.95, 0.8}};

    /**
     * In how many of the fonts the programs are seen to use ({@link #SEEN_LATIN}) the text splits a range, and in how
     * many of {@link #LIBREOFFICE_PADDINGS} LibreOffice's Liberation Sans does where the text is Latin alone.
     */
    static int seenRangeSplits(String text, int widthChars, boolean bold) {
        return rangeSplits(text, widthChars, bold, SEEN_LATIN, SEEN_BESIDE_CJK) + libreOfficeRangeSplits(text, widthChars, bold);
    }

    /**
     * What LibreOffice's wrapping leaves of a column's width, in digits of Liberation Sans (Arial's widths): the width
     * less about 0.7 of a digit. Its print of the English Table I.3's indicator A.2.1 in a column of 50 is matched line
     * for line by these widths from 49.2 to 49.4 ("... collaboration" / "with UN entities, ... and leading" / ... /
     * "... from the COVID-" / "19 pandemic."), which per-character estimates of any one scale are not; a little either
     * side of it is tried too.
     */
    private static final double[] LIBREOFFICE_PADDINGS = {0.5, 0.7, 0.9};

    /** In how many of {@link #LIBREOFFICE_PADDINGS} the Latin text, in Liberation Sans, ends a line inside a range. */
    private static int libreOfficeRangeSplits(String text, int widthChars, boolean bold) {
        IntToDoubleFunction arial = cp -> GlyphWidths.arialDigits(cp, bold);
        int splits = 0;
        for (String paragraph : text.split("\n", -1)) {
            if (paragraph.chars().noneMatch(c -> c == '-') || paragraph.codePoints().anyMatch(TextLayout::isWide)) {
                continue;
            }
            for (double padding : LIBREOFFICE_PADDINGS) {
                if (splitsRange(paragraph, widthChars - padding, arial)) {
                    splits++;
                }
            }
        }
        return splits;
    }

    /** A text as its cell sets it: the characters its indentation takes from the column, and whether it is bold. */
    record Placed(String text, int indent, boolean bold) {

        int rangeSplits(int width) {
            return TextLayout.rangeSplits(text, width - indent, bold);
        }

        /** How badly a column this wide splits its ranges: a font the programs are seen to use outweighs all the others. */
        int rangeSplitScore(int width) {
            return 100 * seenRangeSplits(text, width - indent, bold) + rangeSplits(width);
        }
    }

    /**
     * A width for a column of long text near {@code width} (at most {@link #NEAR} characters either way, never under
     * {@code narrowest}) at which its texts end a line inside a range of numbers ("(2018-" over "2019)") in the fewest
     * of the fonts a reader's program may set them in, first of those the programs are seen to use, ideally in none:
     * the nearest such width, the wider of two as near.
     * A long text with many ranges may split one in some font at any width near (the measure allows for a quarter's
     * error either way); widening a column until none does would shrink its whole sheet on the page. A width at which
     * a text of {@code kept} (the column's heading) splits a range is not one.
     */
    static int fewestRangeSplits(List<Placed> texts, List<Placed> kept, int width, int narrowest) {
        int best = width;
        int fewest = Integer.MAX_VALUE;
        for (int d = 0; d <= NEAR; d++) {
            for (int w : new int[] {width + d, width - d}) {
                int at = w;
                if (w < narrowest || kept.stream().anyMatch(t -> t.rangeSplits(at) > 0)) {
                    continue;
                }
                int splits = texts.stream().mapToInt(t -> t.rangeSplitScore(at)).sum();
                if (splits < fewest) {
                    fewest = splits;
                    best = w;
                }
            }
            if (fewest == 0) {
                break;
            }
        }
        return best;
    }

    /** How far {@link #fewestRangeSplits} looks from a column's width, in characters. */
    static final int NEAR = 4;

    /**
     * The width of the range of numbers, or the name and its number, whose hyphen ends just before {@code after}
     * ("2022-2023", "COVID-19"), each character as wide as said.
     */
    private static double rangeWidth(String text, int after, IntToDoubleFunction widthOf) {
        int from = after - 1;
        while (from > 0 && Character.isLetterOrDigit(text.charAt(from - 1))) {
            from--;
        }
        int to = after;
        while (to < text.length() && Character.isDigit(text.charAt(to))) {
            to++;
        }
        double w = 0;
        for (int i = from; i < to; i++) {
            w += widthOf.applyAsDouble(text.charAt(i));
        }
        return w;
    }

    /**
     * A paragraph wrapped as Excel and LibreOffice wrap it, Latin text {@code scale} and CJK text {@code wide} times as
     * wide as measured: at
     * spaces and after hyphens ("budget 2020- / 2021"), CJK text between any two characters, a word longer than the
     * line where it meets the edge.
     */
    private static Filling fill(String text, double usable, double scale, double wide) {
        return fill(text, usable, cp -> width(cp) * (isWide(cp) ? wide : scale));
    }

    /** A paragraph wrapped as {@link #fill(String, double, double, double)} wraps it, each character as wide as said. */
    private static Filling fill(String text, double usable, IntToDoubleFunction widthOf) {
        Filling f = new Filling(usable);
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            double w = widthOf.applyAsDouble(cp);
            if (cp == ' ') {
                // A line ends at a space: the word before it either fits or starts the next line.
                f.placeWord();
                f.line += w;
                f.wordStart = i + 1;
            } else if (cp == '-') {
                // ... and after a hyphen, which stays at the end of the line it ends ("budget 2020- / 2021", Table 2's
                // heading, which the estimate had kept whole and so measured a line longer than it prints).
                f.word += w;
                f.placeWord();
                f.wordStart = i + 1;
            } else if (isWide(cp)) {
                // CJK text may break before any character: flush the word, then place the character.
                f.placeWord();
                if (f.line + w > usable && f.line > 0) {
                    f.breakAt(i);
                }
                f.line += w;
                f.wordStart = i + Character.charCount(cp);
            } else {
                f.word += w;
                if (f.word > usable) {
                    // A word longer than the column is broken where it meets the edge.
                    if (f.line > 0) {
                        f.breakAt(f.wordStart);
                    }
                    f.breakAt(i);
                    f.word = w;
                    f.wordStart = i;
                }
            }
            i += Character.charCount(cp);
        }
        if (f.line + f.word > usable && f.line > 0) {
            f.breakAt(f.wordStart);
            f.endBroken = true;
        }
        return f;
    }

    /**
     * A paragraph being filled: where each of its lines starts, the width of the last one, and of the word not yet
     * placed, which starts at {@code wordStart}.
     */
    private static final class Filling {
        final double usable;
        final List<Integer> starts = new ArrayList<>(List.of(0));
        double line;
        double word;
        int wordStart;
        /** Whether the last word did not fit on the line before it. */
        boolean endBroken;

        Filling(double usable) {
            this.usable = usable;
        }

        /** Places the word so far: on this line where it fits, else it starts the next. */
        void placeWord() {
            if (line + word > usable && line > 0) {
                starts.add(wordStart);
                line = word;
            } else {
                line += word;
            }
            word = 0;
        }

        /** Starts a new line at {@code at}. */
        void breakAt(int at) {
            starts.add(at);
            line = 0;
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
