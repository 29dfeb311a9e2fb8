package org.pbannex.render.markup;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.pbannex.table.Language;
import org.pbannex.table.Text;

/**
 * The outputs' own wording ("Source", "How to cite", "Contents", ...), looked up by key in
 * {@code input/reference/texts.csv} (keys {@code edition.*}), so every output says the same thing the same way and a
 * translator edits one file.
 */
public record Wording(Function<String, Text> lookup) {

    /** What an input file of synthetic data is ("synthetic data, not ILO data"): the covers' list and the run's report. */
    public static final String SYNTHETIC_INPUT = "synthetic_input";

    public Text text(String key) {
        return lookup.apply("edition." + key);
    }

    public String in(String key, Language lang) {
        return text(key).in(lang);
    }

    /** The given keys' texts in one language, for a template ({@code ${w.source}}); a missing key fails here. */
    public Map<String, String> all(Language lang, String... keys) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String k : keys) {
            out.put(k, in(k, lang));
        }
        return out;
    }
}
