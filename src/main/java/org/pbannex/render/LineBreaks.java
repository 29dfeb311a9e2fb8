package org.pbannex.render;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;
import org.pbannex.table.NoteMarker;

/**
 * Where a line of the editions' text may break, beyond what the Unicode line breaking rules say: Chinese between words
 * only (ICU's dictionary-based segmentation), never before a one-character word that reads as part of the word before
 * it; in any language, never inside a range of numbers or after the hyphen of a name's number ("COVID-19"), between a
 * number and the word that counts or dates it, before a closing bracket, before a slash or before a note's marker. The
 * PDF applies it to its layout's break points; the HTML edition marks the places in its titles, headings, labels and
 * text cells ({@link #pieces}).
 */
public final class LineBreaks {

    /**
     * Measure words and units: what counts, dates or measures the number before it ("13 个成员国", "2021 年*", "85 %"),
     * which a line never separates from that number. A word that merely starts with one of them ("2 所列") only loses a
     * place where the line could have broken.
     */
    private static final List<String> COUNTERS = List.of("年", "月", "日", "天", "周", "小时", "分钟", "岁", "个", "名", "项",
            "次", "份", "件", "位", "家", "人", "国", "所", "处", "条", "款", "段", "章", "页", "号", "倍", "元", "美元", "瑞郎",
            "瑞士法郎", "万", "亿", "立方米", "公里", "吨", "%", "\u2030");

    /**
     * Chinese punctuation no line starts with (the line-start rule): the full stop, commas, semicolon, colon and question
     * and exclamation marks; the closing brackets and quotation marks are refused by their Unicode category.
     */
    private static final String NO_LINE_START = "。，、；：？！";

    private LineBreaks() {
    }

    /** A segmentation of Chinese text into words, for {@link #allowedInChinese}. */
    public static BreakIterator chineseWords(String text) {
        BreakIterator words = BreakIterator.getWordInstance(ULocale.SIMPLIFIED_CHINESE);
        words.setText(text);
        return words;
    }

    /** Loads the Chinese word dictionary that the first segmentation would load (once per process). */
    public static void prepare() {
        chineseWords("两年期计划和预算").isBoundary(3);
    }

    /**
     * The text in the pieces between which a line may break, in order (the whole text when it has no such place): where
     * Unicode's line breaking rules (ICU's) allow it and this class does too ({@link #allowedInChinese} for Chinese,
     * {@link #forbidden} for any text). A space stays at the end of the piece before it.
     */
    public static List<String> pieces(String text, boolean chinese) {
        BreakIterator words = chinese ? chineseWords(text) : null;
        BreakIterator lines = BreakIterator.getLineInstance(chinese ? ULocale.SIMPLIFIED_CHINESE : ULocale.ENGLISH);
        lines.setText(text);
        List<String> pieces = new ArrayList<>();
        int start = 0;
        for (int at = lines.next(); at != BreakIterator.DONE && at < text.length(); at = lines.next()) {
            if (chinese ? allowedInChinese(text, words, at) : !forbidden(text, at)) {
                pieces.add(text.substring(start, at));
                start = at;
            }
        }
        pieces.add(text.substring(start));
        return pieces;
    }

    /**
     * A break at {@code at} is allowed at a word boundary, except: before a one-character Chinese word (a suffix such
     * as 期 in 两年期 or 率 in 通货膨胀率, which the dictionary splits off but a reader reads as part of the word, or a
     * particle such as 的, which never starts a line), and where {@link #forbidden} says no.
     */
    public static boolean allowedInChinese(String text, BreakIterator words, int at) {
        if (!words.isBoundary(at)) {
            return false;
        }
        if (forbidden(text, at)) {
            return false;
        }
        int after = words.following(at);
        return !(oneHanWord(text, at, after) && han(text, at - 1));
    }

    /**
     * A break no language allows, which the JDK's line breaking does: inside a range of numbers or after the hyphen of a
     * name's number ("COVID-19"); between a number and its measure word or unit ("欧洲和中亚 1 / 个", "(2021 / 年*)");
     * before a closing bracket or quotation mark, which would start a line, or Chinese punctuation no line starts with ({@link #NO_LINE_START}); before a slash (a line
     * starting "/training" or "/ CHF"; Unicode's rule LB13); before a note's marker, which would stand alone on a line
     * of its own ("2020-2021 / *", a baseline's "待定。 / ³").
     */
    public static boolean forbidden(String text, int at) {
        if (at <= 0 || at >= text.length()) {
            return false;
        }
        char next = text.charAt(at);
        int type = Character.getType(next);
        return insideHyphenatedNumber(text, at) || insideProgramName(text, at) || countsNumberBefore(text, at) || type == Character.END_PUNCTUATION
                || NO_LINE_START.indexOf(next) >= 0
                || type == Character.FINAL_QUOTE_PUNCTUATION || next == '/' || next == '*' || next == '†'
                || NoteMarker.SUPERSCRIPT_DIGITS.indexOf(next) >= 0;
    }

    /** The program's name, which tags its own notes: broken at its hyphen, the zh edition showed two English words. */
    private static final String PROGRAM_NAME = "pb-annex";

    static boolean insideProgramName(String text, int at) {
        int from = text.lastIndexOf(PROGRAM_NAME, at - 1);
        return from >= 0 && at < from + PROGRAM_NAME.length();
    }

    /** Whether the text at {@code at} is a measure word or unit ({@link #COUNTERS}) after a number, a space between or not. */
    static boolean countsNumberBefore(String text, int at) {
        int before = at - 1;
        while (before >= 0 && (text.charAt(before) == ' ' || text.charAt(before) == '\u00a0')) {
            before--;
        }
        if (before < 0 || !Character.isDigit(text.charAt(before))) {
            return false;
        }
        for (String counter : COUNTERS) {
            if (text.startsWith(counter, at)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A break right after a hyphen or en dash that joins a number to the word or number before it: a range of numbers
     * ("2020- / 2021", "aged 15– / 24") or a name with its number ("COVID- / 19"), which the JDK's line breaking, Excel
     * and LibreOffice allow and Unicode's (rule LB25, a hyphen before a number) does not: in any language, such a number
     * stays on the line of what its hyphen joins it to.
     */
    public static boolean insideHyphenatedNumber(String text, int at) {
        return at >= 2 && at < text.length() && (text.charAt(at - 1) == '-' || text.charAt(at - 1) == '\u2013')
                && Character.isLetterOrDigit(text.charAt(at - 2)) && Character.isDigit(text.charAt(at));
    }

    private static boolean oneHanWord(String text, int from, int to) {
        return from >= 0 && to - from == 1 && han(text, from);
    }

    private static boolean han(String text, int i) {
        return i >= 0 && i < text.length() && Character.UnicodeScript.of(text.charAt(i)) == Character.UnicodeScript.HAN;
    }
}
