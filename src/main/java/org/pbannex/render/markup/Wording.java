package org.pbannex.render.markup;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.pbannex.table.Language;
import org.pbannex.table.Text;

/**
 * The outputs' own wording ("Source", "How to cite", "Contents", ...), looked up by key in
 * {@code input/reference/texts.csv} (keys {@code edition.*}), so every output says the same thing the same way and a
 * translator edits one file. {@code plainLookup} words them as a biennium without a print does (not its {@code .printed}
 * wording): for a table the printed document does not hold ({@link org.pbannex.table.Table#inPrint()}).
 */
public record Wording(Function<String, Text> lookup, Function<String, Text> plainLookup) {

    /** Wording with no other words for a table the print does not hold. */
    public Wording(Function<String, Text> lookup) {
        this(lookup, lookup);
    }

    /** What an input file of synthetic data is ("synthetic data, not ILO data"): the covers' list and the run's report. */
    public static final String SYNTHETIC_INPUT = "synthetic_input";

    /**
     * What an expenditure file's lines left out are ({lines} lines of biennia after {biennium}, in no total of the run):
     * the run's report, check's summary and the editions' covers.
     */
    public static final String LINES_LEFT_OUT = "lines_left_out";
    /** The same of one line. */
    public static final String LINE_LEFT_OUT = "lines_left_out_one";

    public Text text(String key) {
        return lookup.apply("edition." + key);
    }

    /** The text as a biennium without a print words it: of a table the printed document does not hold. */
    public Text plain(String key) {
        return plainLookup.apply("edition." + key);
    }

    public String in(String key, Language lang) {
        return text(key).in(lang);
    }

    /**
     * What a run's expenditure lines left out are (lines of biennia after the run's, in none of its totals): empty when
     * none is; a run that counts some but has no words for them is a mistake, not a silence.
     */
    public Text linesLeftOut(long lines, String biennium) {
        if (lines == 0) {
            return Text.EMPTY;
        }
        Text said = text(lines == 1 ? LINE_LEFT_OUT : LINES_LEFT_OUT);
        if (said.isEmpty()) {
            throw new IllegalStateException("expenditure lines left out without the texts' words for them");
        }
        // Grouped as each edition groups its figures (5 097, 5,097), as the list of input files beside it counts them.
        return said.with("lines", new Text(org.pbannex.render.NumberText.grouped(lines, org.pbannex.table.Language.ZH),
                org.pbannex.render.NumberText.grouped(lines, org.pbannex.table.Language.EN))).with("biennium", biennium);
    }

    /**
     * The given keys' texts in one language, for a template ({@code ${w.source}}); a missing key fails here. With them
     * {@code not_given}: what {@code not_printed} says of an empty cell, of a table the printed document does not hold.
     */
    public Map<String, String> all(Language lang, String... keys) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String k : keys) {
            out.put(k, in(k, lang));
        }
        if (out.containsKey("not_printed")) {
            out.put("not_given", plain("not_printed").in(lang));
        }
        return out;
    }
}
