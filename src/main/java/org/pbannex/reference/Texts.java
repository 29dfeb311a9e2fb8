package org.pbannex.reference;

import java.util.Map;
import java.util.regex.Pattern;
import org.pbannex.ingest.InputError;
import org.pbannex.ingest.Said;
import org.pbannex.table.Text;

/**
 * Document text by key (titles, headings, footnotes, labels of totals), with the biennium placeholders
 * {cur}, {prev}, {cur_code} and {prev_code} already filled in, and the numbers a text may state from the data
 * ({rate} and {prev_rate}, the budget rates of settings.csv), so no text carries a number typed once more. A text may
 * include another by its key in braces ({synthetic.not_ilo_data}: a placeholder with a dot names a key), so that a
 * wording several sentences share is written once. A key the tables need but the file lacks is bad
 * input (exit status 3), named with the file it should be in.
 * <p>
 * A text that speaks of the printed document has two keys: {@code key} says what is true of any biennium, and
 * {@code key.printed} is read instead in a biennium whose publication.csv names a printed document ("[x] marks a cell
 * for which the printed table gives no figure"). So a biennium without a print never speaks of one.
 */
public final class Texts {

    /** The suffix of a text's key for a biennium that names a printed document. */
    public static final String PRINTED = ".printed";

    private final Map<String, Text> byKey;
    private final Biennium biennium;
    private final String file;
    private final Map<String, String> values;
    private final boolean printed;
    private final Map<String, Row> rows;

    /** Where a text is: its file (the shared one or a biennium's own) and line. */
    public record Row(String file, long line) {
    }

    /**
     * @param file    how the texts file is named in errors (e.g. input/reference/texts.csv)
     * @param values  further placeholders filled in every text (e.g. rate = 0.95)
     * @param printed whether the biennium names a printed document: its texts are then the {@code .printed} ones
     */
    public Texts(Map<String, Text> byKey, Biennium biennium, String file, Map<String, String> values, boolean printed) {
        this(byKey, biennium, file, values, printed, Map.of());
    }

    /** @param rows where each text is, so that an error in one names its file and line */
    public Texts(Map<String, Text> byKey, Biennium biennium, String file, Map<String, String> values, boolean printed,
                 Map<String, Row> rows) {
        this.byKey = Map.copyOf(withIncludes(byKey, file, rows));
        this.biennium = biennium;
        this.file = file;
        this.values = Map.copyOf(values);
        this.printed = printed;
        this.rows = Map.copyOf(rows);
    }

    public Text get(String key) {
        return get(key, printed);
    }

    /**
     * The text as a biennium without a print words it, whatever this one's: for what the print does not hold (a table
     * computed from printed ones), of which the {@code .printed} wording ("in printed order") would be untrue.
     */
    public Text plain(String key) {
        return get(key, false);
    }

    private Text get(String key, boolean printedWording) {
        Lookups told = lookups;
        if (told != null) {
            told.read(key);
        }
        return lookUp(key, printedWording);
    }

    private Text lookUp(String key, boolean printedWording) {
        Text t = printedWording && byKey.containsKey(key + PRINTED) ? byKey.get(key + PRINTED) : byKey.get(key);
        if (t == null) {
            java.util.Map<String, String> collecting = MISSING.get();
            if (collecting == null) {
                throw missing(file, java.util.List.of(key));
            }
            collecting.putIfAbsent(key, file);
            return new Text(key, key); // a stand-in, so that the work goes on to the next text it lacks
        }
        return fill(t);
    }

    /**
     * Told each key a text is read by ({@link #get}, {@link #plain}: {@code read}) and each key whose text is asked
     * after ({@link #has}: {@code asked}, a text a reader can do without); the numbered texts read as a list, which are
     * there by being listed, are neither. A debug hook: the test that keeps the editions' list of keys true
     * ({@link EditionKeys}) records with it what the editions read.
     */
    public interface Lookups {
        void read(String key);

        void asked(String key);
    }

    /** The lookups being recorded (null: none, as in every run). */
    private static volatile Lookups lookups;

    /** Runs work with every texts' lookups told to {@code to} (one recording at a time, as a debug hook is). */
    public static <T> T recording(Lookups to, java.util.function.Supplier<T> work) {
        lookups = to;
        try {
            return work.get();
        } finally {
            lookups = null;
        }
    }

    /** How many missing keys a message names; the log lists them all. */
    static final int LISTED = 10;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Texts.class);
    /** The keys {@link #namingEveryMissing}'s work asked for and the texts lacked, each with its file (null: not collecting). */
    private static final ThreadLocal<java.util.Map<String, String>> MISSING = new ThreadLocal<>();

    /**
     * Runs work that reads texts (the tables' titles, headings, notes), every key it asks for and the texts lack named
     * in one error at its end, not the first alone (tester 78a, F6: a data folder whose texts.csv and the program's copy
     * both predate an update was told one key a run, and 50 runs were needed). A missing key's text is its key, for the
     * work to go on; what that stand-in then makes fail is not told (the missing texts are, status 3). A nested call
     * (the previous biennium's tables, whose failure its caller allows) collects its own.
     */
    public static <T> T namingEveryMissing(java.util.function.Supplier<T> work) {
        return namingEveryMissing(work, () -> {
        });
    }

    /**
     * As {@link #namingEveryMissing(java.util.function.Supplier)}, {@code after} (a look-up of the texts read later:
     * {@link #need}) run once the work is done, its missing keys named after the work's; after a work that failed, only
     * where texts were missing (the failure is otherwise the one told).
     */
    public static <T> T namingEveryMissing(java.util.function.Supplier<T> work, Runnable after) {
        java.util.Map<String, String> outer = MISSING.get();
        java.util.Map<String, String> missing = new java.util.LinkedHashMap<>();
        MISSING.set(missing);
        T out;
        try {
            out = work.get();
            after.run();
        } catch (RuntimeException e) {
            if (missing.isEmpty()) {
                throw e;
            }
            after.run();
            InputError all = missing(missing);
            all.addSuppressed(e);
            throw all;
        } finally {
            MISSING.set(outer);
        }
        if (!missing.isEmpty()) {
            throw missing(missing);
        }
        return out;
    }

    private static InputError missing(java.util.Map<String, String> keysAndFiles) {
        return missing(keysAndFiles.values().iterator().next(), java.util.List.copyOf(keysAndFiles.keySet()));
    }

    /**
     * The texts file lacks these keys: one named as such; several counted, the first {@value #LISTED} named on the line,
     * every one in the log.
     */
    private static InputError missing(String file, java.util.List<String> keys) {
        if (keys.size() == 1) {
            return new InputError(file, 0, "key", Said.of("no_text", "key", keys.get(0)));
        }
        if (keys.size() > LISTED) {
            LOG.warn("{} lacks {} texts: {}", file, keys.size(), String.join(", ", keys));
        }
        String named = "'" + String.join("', '", keys.subList(0, Math.min(LISTED, keys.size()))) + "'"
                + (keys.size() > LISTED ? ", …" : "");
        return new InputError(file, 0, "key", Said.of("no_texts", "count", String.valueOf(keys.size()), "keys", named));
    }

    /**
     * Refuses texts that lack any of these keys, naming every one they lack in one line (a data folder whose texts.csv
     * and the program's copy both predate an update is told all it must add at once, not a key a night).
     */
    public void refuseMissing(java.util.List<String> keys) {
        java.util.List<String> missing = keys.stream().filter(k -> !holds(k)).toList();
        if (!missing.isEmpty()) {
            throw missing(file, missing);
        }
    }

    /**
     * As {@link #refuseMissing}, within {@link #namingEveryMissing}'s work: the keys these texts lack are added to the
     * ones it names at its end (the words the editions read as they are written, named on the same line as the tables'
     * texts, before anything is rendered).
     */
    public void need(java.util.Collection<String> keys) {
        java.util.Map<String, String> collecting = MISSING.get();
        if (collecting == null) {
            refuseMissing(java.util.List.copyOf(keys));
            return;
        }
        keys.stream().filter(k -> !holds(k)).forEach(k -> collecting.putIfAbsent(k, file));
    }

    /** "3、4 和 5" / "3, 4 and 5": items joined by the texts list.more ({a}, {b}) and, for the last, list.last. */
    public Text list(java.util.List<String> items) {
        return listOf(items.stream().map(Text::of).toList());
    }

    /** Texts joined as {@link #list} joins strings, each edition's in its own words ("截至 … 的 2020 年和 2028 年"). */
    public Text listOf(java.util.List<Text> items) {
        Text out = items.get(0);
        for (int i = 1; i < items.size(); i++) {
            out = get(i == items.size() - 1 ? "list.last" : "list.more").with("a", out).with("b", items.get(i));
        }
        return out;
    }

    /**
     * An error in the text read for a key, at its file and line where known, naming the key read; the reason a sentence
     * of the texts ({@link Said}) or said as it is.
     */
    public InputError error(String key, Object reason) {
        String read = read(key);
        Row at = rows.get(read);
        return new InputError(at == null ? file : at.file(), at == null ? 0 : at.line(), "key",
                Said.of("text_error", "key", read, "reason", reason));
    }

    /** Where the text read for a key is (its .printed row, in a biennium that reads that one); null where not known. */
    public Row where(String key) {
        return rows.get(read(key));
    }

    private String read(String key) {
        return printed && byKey.containsKey(key + PRINTED) ? key + PRINTED : key;
    }

    public boolean has(String key) {
        Lookups told = lookups;
        if (told != null) {
            told.asked(key);
        }
        return holds(key);
    }

    /** {@link #has}, not told to a recording: a check of the keys a reader needs, which reads none of them. */
    private boolean holds(String key) {
        return byKey.containsKey(key) || printed && byKey.containsKey(key + PRINTED);
    }

    /** Texts whose key is the prefix and one more part, in key order (e.g. the numbered footnotes of a table). */
    public java.util.List<Text> numbered(String prefix) {
        return numberedKeys(prefix).stream().map(k -> lookUp(k, printed)).toList(); // keys it has: none is needed
    }

    /**
     * The keys of {@link #numbered}, by their numbers (footnote 10 after footnote 9, not after 1): a key with further
     * parts (publication.note.2.tables) is not one of them. A numbered text may have only its printed wording (a note on
     * the print, i2.footnote.5.printed): it is one of them only in a biennium that names a printed document.
     */
    public java.util.List<String> numberedKeys(String prefix) {
        return byKey.keySet().stream().map(k -> printed && k.endsWith(PRINTED) ? k.substring(0, k.length() - PRINTED.length()) : k)
                .filter(k -> TextKeys.isNumbered(k, prefix)).distinct()
                .sorted(java.util.Comparator.comparing((String k) -> k.substring(prefix.length()), Texts::byNumber)).toList();
    }

    /** Parts of digits by their value, before any other part, which sort as strings. */
    private static int byNumber(String a, String b) {
        boolean da = a.matches("\\d+");
        boolean db = b.matches("\\d+");
        if (da && db) {
            String ta = a.replaceFirst("^0+(?=\\d)", "");
            String tb = b.replaceFirst("^0+(?=\\d)", "");
            int byValue = ta.length() != tb.length() ? Integer.compare(ta.length(), tb.length()) : ta.compareTo(tb);
            return byValue != 0 ? byValue : a.compareTo(b);
        }
        return da != db ? (da ? -1 : 1) : a.compareTo(b);
    }

    /** A key in braces inside a text: a placeholder with a dot, which no other placeholder has. */
    private static final Pattern INCLUDE = Pattern.compile("\\{([A-Za-z0-9_]+(?:\\.[A-Za-z0-9_]+)+)\\}");

    /**
     * The texts with every included text in place ({a.b} replaced by text a.b in the same language, itself with its
     * own includes); an include of a key the file lacks, or of a text that includes itself, is bad input.
     */
    public static Map<String, Text> withIncludes(Map<String, Text> byKey, String file) {
        return withIncludes(byKey, file, Map.of());
    }

    /** @param rows where each text is, so that an include of a missing key names the line that includes it */
    public static Map<String, Text> withIncludes(Map<String, Text> byKey, String file, Map<String, Row> rows) {
        Map<String, Text> out = new java.util.LinkedHashMap<>();
        for (String key : byKey.keySet()) {
            out.put(key, included(key, byKey, file, rows, new java.util.ArrayDeque<>()));
        }
        return out;
    }

    private static Text included(String key, Map<String, Text> byKey, String file, Map<String, Row> rows,
                                 java.util.Deque<String> within) {
        if (within.contains(key)) {
            throw new InputError(file, 0, "key", Said.of("includes_itself", "key", within.peekLast(), "part", "{" + key + "}"));
        }
        within.push(key);
        Text t = byKey.get(key);
        String zh = t.zh();
        String en = t.en();
        for (String part : INCLUDE.matcher(zh + "\n" + en).results().map(m -> m.group(1)).distinct().toList()) {
            if (!byKey.containsKey(part)) {
                // The key is what is missing (deleted, or misspelt here): the line that includes it is where it shows.
                Row at = rows.get(key);
                String column = t.zh().contains("{" + part + "}") ? "zh" : "en";
                throw new InputError(at == null ? file : at.file(), at == null ? 0 : at.line(), at == null ? "key" : column,
                        Said.of("key_missing", "part", part, "key", key, "braced", "{" + part + "}", "file", file));
            }
            Text inner = included(part, byKey, file, rows, within);
            zh = zh.replace("{" + part + "}", inner.zh());
            en = en.replace("{" + part + "}", inner.in(org.pbannex.table.Language.EN));
        }
        within.pop();
        return new Text(zh, en);
    }

    private Text fill(Text t) {
        if (t.zh().indexOf('{') < 0 && t.en().indexOf('{') < 0) {
            return t; // most texts have no placeholder: a check's thousands of look-ups fill nothing
        }
        Text out = t.with("cur", biennium.longForm()).with("prev", biennium.previous().longForm())
                .with("cur_code", biennium.code()).with("prev_code", biennium.previous().code());
        for (var v : values.entrySet()) {
            out = out.with(v.getKey(), v.getValue());
        }
        return out;
    }
}
