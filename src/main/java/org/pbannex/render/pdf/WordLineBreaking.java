package org.pbannex.render.pdf;

import com.ibm.icu.text.BreakIterator;
import java.util.function.IntPredicate;
import org.pbannex.render.LineBreaks;
import org.xhtmlrenderer.css.style.CalculatedStyle;
import org.xhtmlrenderer.layout.breaker.BreakPoint;
import org.xhtmlrenderer.layout.breaker.BreakPointsProvider;
import org.xhtmlrenderer.layout.breaker.DefaultLineBreakingStrategy;
import org.xhtmlrenderer.layout.breaker.LineBreakingStrategy;

/**
 * Line breaking that keeps Chinese words whole. Flying Saucer, like the Unicode line breaking rules, may break Chinese
 * text between any two characters, which in a narrow column heading splits a word ("补充账 / 户支出"). Text in Chinese
 * (the zh document declares its language) breaks only where a line break is allowed and {@link LineBreaks} allows it;
 * other text breaks as usual but where {@link LineBreaks#forbidden} says no. A word too long for its line is still
 * broken by Flying Saucer's break-anywhere fallback.
 */
final class WordLineBreaking implements LineBreakingStrategy {

    private final LineBreakingStrategy standard = new DefaultLineBreakingStrategy();

    @Override
    public BreakPointsProvider getBreakPointsProvider(String text, String lang, CalculatedStyle style) {
        BreakPointsProvider lines = standard.getBreakPointsProvider(text, lang, style);
        IntPredicate breakable;
        if (lang != null && lang.startsWith("zh")) {
            BreakIterator words = LineBreaks.chineseWords(text);
            breakable = at -> LineBreaks.allowedInChinese(text, words, at);
        } else {
            breakable = at -> !LineBreaks.forbidden(text, at);
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
}
