package org.pbannex.reference;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pbannex.ingest.InputError;
import org.pbannex.ingest.Record;
import org.pbannex.table.Table;
import org.pbannex.table.Text;

/**
 * The {name} placeholders of texts.csv, which the program fills in ({@code Text.with}): a misspelt one ({titel} for
 * {title}) would be published as typed. Two rules. On reading, a placeholder of one language's text that the other
 * language's text of the key lacks, and that no other text of the file has either, is refused on its line and column,
 * naming the key's placeholders (a language may leave one out, as Chinese leaves out the English {about}, or write
 * {from} where the other writes {from_code}). Before anything is published, a table's text (or the cover's) still
 * holding a placeholder of texts.csv stops the run, naming the key that holds it: the last guard, for what the first rule cannot see (the
 * same misspelling in both languages).
 */
public final class Placeholders {

    /** A placeholder; one with a dot includes another text by its key (see {@link Texts}) and is not one of these. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)\\}");
    /** Anything left in braces in a published text. */
    private static final Pattern LEFT = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_.]*)\\}");
    /** A placeholder's other form ({cur_code} beside {cur}): the same figure, written as a code. */
    private static final String CODE_FORM = "_code";

    private Placeholders() {
    }

    /** Refuses a placeholder of a text that the key's other language lacks and no other text has (rule above). */
    public static void check(List<Record> texts) {
        List<Set<String>> all = texts.stream().map(r -> names(r.text("zh") + "\n" + r.text("en"))).toList();
        for (int i = 0; i < texts.size(); i++) {
            Record r = texts.get(i);
            for (String[] lang : new String[][] {{"zh", "en"}, {"en", "zh"}}) {
                String other = r.text(lang[1]);
                if (other.isEmpty()) {
                    continue; // an empty English text is the Chinese one
                }
                Set<String> theirs = names(other);
                for (String name : names(r.text(lang[0]))) {
                    if (!theirs.contains(name) && !theirs.contains(sameFigure(name)) && !elsewhere(name, i, all)) {
                        String nearest = TextKeys.nearest(name, theirs);
                        throw new InputError(r.file(), r.line(), lang[0], "unknown placeholder {" + name + "} in '" + r.text("key")
                                + "'" + (nearest == null ? "" : ": did you mean {" + nearest + "}?") + " The key's placeholders are "
                                + (theirs.isEmpty() ? "none" : braced(theirs)) + " (its " + lang[1] + " text: '" + other + "')");
                    }
                }
            }
        }
    }

    /**
     * Refuses a table's text that still holds a placeholder of texts.csv once filled in: it would be published as typed.
     * The line names the first key whose text holds it, where to mend it.
     */
    public static void refuseUnfilled(Collection<Table> tables, List<Record> texts) {
        for (Table t : tables) {
            refuseUnfilled("table " + t.id(), t.texts(), texts);
        }
    }

    /** The same for the texts a publication shows beside its tables ({@code where}: "the cover"). */
    public static void refuseUnfilled(String where, List<Text> shownTexts, List<Record> texts) {
        for (Text shown : shownTexts) {
            for (String lang : List.of("zh", "en")) {
                String value = lang.equals("zh") ? shown.zh() : shown.en();
                Matcher m = LEFT.matcher(value);
                while (m.find()) {
                    String braced = m.group();
                    for (Record r : texts) {
                        String column = r.text("zh").contains(braced) ? "zh" : r.text("en").contains(braced) ? "en" : null;
                        if (column != null) {
                            throw new InputError(r.file(), r.line(), column, "placeholder " + braced + " of '" + r.text("key")
                                    + "' is filled in by nothing, so " + where + " would print '" + value + "': write "
                                    + "the key's placeholders as its other texts do (" + braced + " misspelt?)");
                        }
                    }
                }
            }
        }
    }

    private static Set<String> names(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** {from} for {from_code} and {from_code} for {from}. */
    private static String sameFigure(String name) {
        return name.endsWith(CODE_FORM) ? name.substring(0, name.length() - CODE_FORM.length()) : name + CODE_FORM;
    }

    private static boolean elsewhere(String name, int row, List<Set<String>> all) {
        for (int i = 0; i < all.size(); i++) {
            if (i != row && all.get(i).contains(name)) {
                return true;
            }
        }
        return false;
    }

    private static String braced(Set<String> names) {
        List<String> out = new ArrayList<>();
        names.forEach(n -> out.add("{" + n + "}"));
        return String.join(", ", out);
    }
}
