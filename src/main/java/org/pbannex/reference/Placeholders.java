package org.pbannex.reference;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pbannex.ingest.InputError;
import org.pbannex.ingest.Nearest;
import org.pbannex.ingest.Record;
import org.pbannex.ingest.Said;
import org.pbannex.table.Table;
import org.pbannex.table.Text;

/**
 * The {name} placeholders of texts.csv, which the program fills in ({@code Text.with}): a misspelt one ({titel} for
 * {title}) would be published as typed. Two rules. On reading, a placeholder that the program does not fill its key
 * with is refused on its line and column, naming the key's placeholders: those its fill sites give it, listed in the
 * program's {@code text-placeholders.csv}, which a test keeps what the fill sites give (a language may leave one out, as Chinese leaves out the English {about}, or
 * write {from} where the other writes {from_code}), and those every text is given ({cur}, {prev}, {cur_code},
 * {prev_code}, {rate}, {prev_rate}). So a misspelling that happens to be another key's placeholder, or the same
 * misspelling in both languages, is refused too, in every text: the report's and the notices' as well as the tables'.
 * Before anything is published, a table's text (or the cover's, a reviewer's mail) still holding a placeholder of
 * texts.csv stops the run, naming the key that holds it: the last guard, for a key the program fills with fewer
 * placeholders than the list says.
 */
public final class Placeholders {

    /** A placeholder; one with a dot includes another text by its key (see {@link Texts}) and is not one of these. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)\\}");
    /** Anything left in braces in a published text. */
    private static final Pattern LEFT = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_.]*)\\}");
    /** Each key's placeholders, as the program fills them in: a resource of the program, not of its input. */
    private static final String FILLED = "text-placeholders.csv";
    /** The placeholders the program fills in every text: the biennia ({@link Texts}) and the budget rates (settings.csv). */
    public static final Set<String> EVERY_TEXT = Set.of("cur", "prev", "cur_code", "prev_code", "rate", "prev_rate");
    private static final Map<String, Set<String>> BY_KEY = filledIn();
    /** The families of {@link #BY_KEY} ({@code rt.footnote.*}), by the prefix their keys start with ({@code rt.footnote.}). */
    private static final Map<String, Set<String>> FAMILIES = families(BY_KEY);

    private Placeholders() {
    }

    /**
     * The placeholders the program fills a key's text with besides {@link #EVERY_TEXT} (its .printed wording's the same):
     * the list's for the key, or for its family ({@code rt.footnote.*}: every footnote of the targets by region).
     */
    public static Set<String> of(String key) {
        String k = key.endsWith(Texts.PRINTED) ? key.substring(0, key.length() - Texts.PRINTED.length()) : key;
        Set<String> out = BY_KEY.get(k);
        if (out != null) {
            return out;
        }
        for (Map.Entry<String, Set<String>> family : FAMILIES.entrySet()) {
            if (k.startsWith(family.getKey())) {
                return family.getValue();
            }
        }
        return Set.of();
    }

    private static Map<String, Set<String>> families(Map<String, Set<String>> byKey) {
        Map<String, Set<String>> out = new java.util.LinkedHashMap<>();
        byKey.forEach((key, names) -> {
            if (key.endsWith(".*")) {
                out.put(key.substring(0, key.length() - 1), names);
            }
        });
        return out;
    }

    /** The keys (or families, key.*) that have placeholders of their own, each with them. */
    public static Map<String, Set<String>> all() {
        return BY_KEY;
    }

    /** Refuses a placeholder of a text that the program does not fill its key with (rule above). */
    public static void check(List<Record> texts) {
        for (Record r : texts) {
            if (r.text("zh").indexOf('{') < 0 && r.text("en").indexOf('{') < 0) {
                continue; // no placeholder to check: most texts
            }
            String key = r.text("key");
            Set<String> filled = new java.util.TreeSet<>(of(key));
            for (String[] lang : new String[][] {{"zh", "en"}, {"en", "zh"}}) {
                for (String name : names(r.text(lang[0]))) {
                    if (!filled.contains(name) && !EVERY_TEXT.contains(name)) {
                        // The key's own are what a misspelling was meant to be; those of every text for a key without any.
                        String nearest = Nearest.name(name, filled.isEmpty() ? EVERY_TEXT : filled);
                        String other = r.text(lang[1]);
                        throw new InputError(r.file(), r.line(), lang[0], Said.of(other.isEmpty() ? "unknown_placeholder"
                                : "unknown_placeholder_other", "name", "{" + name + "}", "key", key, "meant", nearest == null
                                ? Said.of("placeholders_the") : Said.of("did_you_mean_placeholder", "nearest", "{" + nearest + "}"),
                                "theirs", filled.isEmpty() ? Said.of("placeholders_every_text", "list",
                                        braced(new java.util.TreeSet<>(EVERY_TEXT))) : braced(filled), "language", lang[1], "other", other));
                    }
                }
            }
        }
    }

    /** Whether a text holds only placeholders the program fills its key with (a misspelling reading refuses does not). */
    public static boolean fits(String key, Text text) {
        Set<String> filled = of(key);
        return names(text.zh() + "\n" + text.en()).stream().allMatch(n -> filled.contains(n) || EVERY_TEXT.contains(n));
    }

    /**
     * The placeholders of a text that none of {@code given} fills in (those of every text aside, filled in by the texts):
     * what a fill site leaves, printed as typed.
     */
    public static List<String> left(Text raw, Set<String> given) {
        return names(raw.zh() + "\n" + raw.en()).stream().filter(n -> !given.contains(n) && !EVERY_TEXT.contains(n)).toList();
    }

    /** The program's list, read once: {@code key,placeholders} (names separated by spaces). */
    private static Map<String, Set<String>> filledIn() {
        Map<String, Set<String>> out = new java.util.TreeMap<>();
        try (var in = Placeholders.class.getResourceAsStream(FILLED)) {
            if (in == null) {
                throw new IllegalStateException("the program lacks its " + FILLED);
            }
            new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().skip(1).filter(l -> !l.isBlank())
                    .forEach(l -> out.put(l.substring(0, l.indexOf(',')),
                            Set.copyOf(List.of(l.substring(l.indexOf(',') + 1).strip().split(" +")))));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /**
     * Refuses a table's text that still holds a placeholder of texts.csv once filled in: it would be published as typed.
     * The line names the first key whose text holds it, where to mend it.
     */
    public static void refuseUnfilled(Collection<Table> tables, List<Record> texts) {
        for (Table t : tables) {
            refuseUnfilled(Said.of("where_table", "id", t.id()), t.texts(), texts);
        }
    }

    /** The same for the texts a publication shows beside its tables ({@code where}: the cover, report.cause.reason.where_cover). */
    public static void refuseUnfilled(Said where, List<Text> shownTexts, List<Record> texts) {
        for (Text shown : shownTexts) {
            for (String lang : List.of("zh", "en")) {
                String value = lang.equals("zh") ? shown.zh() : shown.en();
                Matcher m = LEFT.matcher(value);
                while (m.find()) {
                    String braced = m.group();
                    for (Record r : texts) {
                        String column = r.text("zh").contains(braced) ? "zh" : r.text("en").contains(braced) ? "en" : null;
                        if (column != null) {
                            throw new InputError(r.file(), r.line(), column, Said.of("unfilled_placeholder", "braced", braced,
                                    "key", r.text("key"), "where", where, "value", value));
                        }
                    }
                }
            }
        }
    }

    /** The {name} placeholders a text holds, in their order (includes of other texts, {key.with.dots}, are none). */
    public static Set<String> in(String text) {
        return names(text);
    }

    private static Set<String> names(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static String braced(java.util.Collection<String> names) {
        List<String> out = new ArrayList<>();
        names.forEach(n -> out.add("{" + n + "}"));
        return String.join(", ", out);
    }
}
