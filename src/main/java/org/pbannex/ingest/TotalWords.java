package org.pbannex.ingest;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words the tables print for totals (合计, 小计, Total, ...), as the texts list them: a label of rows the tables
 * total themselves ({@code "pbTotalWords": "refused"} in datapackage.json) may not be one, or a total typed as a row
 * would be counted as a row (a pie slice labelled "Total", a unit adding itself to its Part). A label is a total's
 * when it is the word, whatever its case, its spaces, its punctuation at either end and a part in brackets after it
 * ("合计（全部）", "Total:"); a label that only starts with one ("Total Quality Unit") is not.
 *
 * @param words the words, as compared
 * @param file  where the words are, for messages ("input/reference/texts.csv"), and
 * @param key   their key there ("input.total_words")
 */
public record TotalWords(Set<String> words, String file, String key) {

    private static final Pattern LIST = Pattern.compile("[、,，;；]");
    private static final Pattern BRACKETS = Pattern.compile("\\([^()]*\\)|（[^（）]*）");
    private static final Pattern ENDS = Pattern.compile("^[\\s\\p{Punct}：。，；*]+|[\\s\\p{Punct}：。，；*]+$");

    /** The words of lists such as "合计、总计" and "Total, Subtotal" (one a language). */
    public static TotalWords of(Collection<String> lists, String file, String key) {
        Set<String> words = new LinkedHashSet<>();
        for (String list : lists) {
            for (String w : LIST.split(list)) {
                String n = normal(w);
                if (!n.isEmpty()) {
                    words.add(n);
                }
            }
        }
        return new TotalWords(Set.copyOf(words), file, key);
    }

    /** Why a label is a total's, or null. */
    public Said problem(String label) {
        if (!words.contains(normal(label))) {
            return null;
        }
        return Said.of("total_label", "label", label, "file", file, "key", key);
    }

    private static String normal(String s) {
        String v = BRACKETS.matcher(s).replaceAll(" ");
        v = ENDS.matcher(v).replaceAll("");
        return v.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
