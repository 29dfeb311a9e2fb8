package org.pbannex.ingest;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The characters a font can show (those its cmap maps to a glyph), to refuse input text an output would print
 * without them: the PDF leaves out a character its font lacks, silently, where the workbooks and HTML keep it.
 *
 * @param font       the font's name, for messages ("Noto Sans SC")
 * @param codePoints the code points with a glyph
 */
public record Glyphs(String font, BitSet codePoints) {

    /** Why the value holds a character the font cannot show, or null. Control characters are TextRules' business. */
    public String problem(String value) {
        List<String> all = problems(value, false);
        return all.isEmpty() ? null : all.get(0);
    }

    /** Every character of the value the font cannot show, each as {@link #problem} names it, in order; none if none. */
    public List<String> problems(String value) {
        return problems(value, true);
    }

    private List<String> problems(String value, boolean all) {
        List<String> found = List.of();
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            if (!codePoints.get(cp) && cp >= 0x20) {
                found = found.isEmpty() ? new ArrayList<>() : found;
                found.add("character " + TextRules.named(cp) + " at character " + (value.codePointCount(0, i) + 1)
                        + " of the value is not in the PDF's font (" + font + "): the PDF would leave it out; "
                        + "write it with another character");
                if (!all) {
                    return found;
                }
            }
            i += Character.charCount(cp);
        }
        return found;
    }
}
