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
        Said said = problemSaid(value);
        return said == null ? null : said.english();
    }

    /** The same as a sentence of the texts, or null. */
    public Said problemSaid(String value) {
        List<Said> all = problems(value, false);
        return all.isEmpty() ? null : all.get(0);
    }

    /** Every character of the value the font cannot show, each as {@link #problem} names it, in order; none if none. */
    public List<Said> problems(String value) {
        return problems(value, true);
    }

    private List<Said> problems(String value, boolean all) {
        List<Said> found = List.of();
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            if (!codePoints.get(cp) && cp >= 0x20) {
                found = found.isEmpty() ? new ArrayList<>() : found;
                found.add(Said.of("not_in_font", "character", TextRules.named(cp), "at",
                        String.valueOf(value.codePointCount(0, i) + 1), "font", font));
                if (!all) {
                    return found;
                }
            }
            i += Character.charCount(cp);
        }
        return found;
    }
}
