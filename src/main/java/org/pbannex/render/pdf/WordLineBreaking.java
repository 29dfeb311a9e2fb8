package org.pbannex.render.pdf;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.function.IntPredicate;
import org.xhtmlrenderer.css.style.CalculatedStyle;
import org.xhtmlrenderer.layout.breaker.BreakPoint;
import org.xhtmlrenderer.layout.breaker.BreakPointsProvider;
import org.xhtmlrenderer.layout.breaker.DefaultLineBreakingStrategy;
import org.xhtmlrenderer.layout.breaker.LineBreakingStrategy;

/**
 * Line breaking that keeps Chinese words whole where the markup asks for it. Flying Saucer, like the Unicode line
 * breaking rules, may break Chinese text between any two characters, which in a narrow column heading splits a word
 * ("补充账 / 户支出"). Text whose element says {@code lang="zh"} (headings: the templates mark them) breaks only
 * where a line break is allowed and ICU's dictionary-based segmentation finds a word boundary. Other text breaks as
 * usual, but never inside a range of numbers, before a slash or before a note's marker; a word too long for its line
 * is still broken by Flying Saucer's break-anywhere fallback.
 */
final class WordLineBreaking implements LineBreakingStrategy {

    private final LineBreakingStrategy standard = new DefaultLineBreakingStrategy();

    @Override
    public BreakPointsProvider getBreakPointsProvider(String text, String lang, CalculatedStyle style) {
        BreakPointsProvider lines = standard.getBreakPointsProvider(text, lang, style);
        IntPredicate breakable;
        if (lang != null && lang.startsWith("zh")) {
            BreakIterator words = BreakIterator.getWordInstance(ULocale.SIMPLIFIED_CHINESE);
            words.setText(text);
            breakable = at -> allowed(text, words, at);
        } else {
            breakable = at -> !forbidden(text, at);
        }
        // The standard break points, skipping those the language's rule refuses.
        return () -> {
            BreakPoint p = lines.next();
            while (p.getPosition() != BreakIterator.DONE && p.getPosition() < text.length() && !breakable.test(p.getPosition())) {
                p = lines.next();
            }
            return p;
        };
    }

    /** Loads the Chinese word dictionary that the first segmentation would load (once per process). */
    static void prepare() {
        BreakIterator words = BreakIterator.getWordInstance(ULocale.SIMPLIFIED_CHINESE);
        words.setText("两年期计划和预算");
        words.isBoundary(3);
    }

    /**
     * A break at {@code at} is allowed at a word boundary, except: before a one-character Chinese word (a suffix such
     * as 期 in 两年期 or 率 in 通货膨胀率, which the dictionary splits off but a reader reads as part of the word, or a
     * particle such as 的, which never starts a line), and inside a range of numbers (2020-2021).
     */
    static boolean allowed(String text, BreakIterator words, int at) {
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
     * A break no language allows, which the JDK's line breaking does: inside a range of numbers; before a slash (a line
     * starting "/training" or "/ CHF"; Unicode's rule LB13); before a note's marker, which would stand alone on a
     * line of its own ("2020-2021 / *").
     */
    static boolean forbidden(String text, int at) {
        if (at <= 0 || at >= text.length()) {
            return false;
        }
        char next = text.charAt(at);
        return insideNumberRange(text, at) || next == '/' || next == '*' || next == '†';
    }

    /**
     * A break right after the hyphen of a range of numbers ("2020- / 2021"), which the JDK's line breaking allows and
     * Unicode's (rule LB25, a hyphen before a number) does not: in any language, a year range stays on one line.
     */
    static boolean insideNumberRange(String text, int at) {
        return at >= 2 && at < text.length() && text.charAt(at - 1) == '-' && Character.isDigit(text.charAt(at - 2))
                && Character.isDigit(text.charAt(at));
    }

    private static boolean oneHanWord(String text, int from, int to) {
        return from >= 0 && to - from == 1 && han(text, from);
    }

    private static boolean han(String text, int i) {
        return i >= 0 && i < text.length() && Character.UnicodeScript.of(text.charAt(i)) == Character.UnicodeScript.HAN;
    }
}
