package org.pbannex.reference;

import java.util.Map;
import org.pbannex.ingest.InputError;
import org.pbannex.table.Text;

/**
 * Document text by key (titles, headings, footnotes, labels of totals), with the biennium placeholders
 * {cur}, {prev}, {cur_code} and {prev_code} already filled in, and the numbers a text may state from the data
 * ({rate} and {prev_rate}, the budget rates of settings.csv), so no text carries a number typed once more. A key the tables need but the file lacks is bad
 * input (exit status 3), named with the file it should be in.
 */
public final class Texts {

    private final Map<String, Text> byKey;
    private final Biennium biennium;
    private final String file;
    private final Map<String, String> values;

    /** @param file how the texts file is named in errors (e.g. input/reference/texts.csv) */
    public Texts(Map<String, Text> byKey, Biennium biennium, String file) {
        this(byKey, biennium, file, Map.of());
    }

    /** @param values further placeholders filled in every text (e.g. rate = 0.95) */
    public Texts(Map<String, Text> byKey, Biennium biennium, String file, Map<String, String> values) {
        this.byKey = Map.copyOf(byKey);
        this.biennium = biennium;
        this.file = file;
        this.values = Map.copyOf(values);
    }

    public Text get(String key) {
        Text t = byKey.get(key);
        if (t == null) {
            throw new InputError(file, 0, "key", "no text with key '" + key + "': add a row for it (key,zh,en)");
        }
        return fill(t);
    }

    /** An error in this texts file, at a key's row, naming the key. */
    public InputError error(String key, String reason) {
        return new InputError(file, 0, "key", "'" + key + "': " + reason);
    }

    public boolean has(String key) {
        return byKey.containsKey(key);
    }

    /** Texts whose key is the prefix and one more part, in key order (e.g. the numbered footnotes of a table). */
    public java.util.List<Text> numbered(String prefix) {
        return numberedKeys(prefix).stream().map(this::get).toList();
    }

    /** The keys of {@link #numbered}: a key with further parts (publication.note.2.tables) is not one of them. */
    public java.util.List<String> numberedKeys(String prefix) {
        return byKey.keySet().stream().filter(k -> k.startsWith(prefix) && k.indexOf('.', prefix.length()) < 0).sorted().toList();
    }

    private Text fill(Text t) {
        Text out = t.with("cur", biennium.longForm()).with("prev", biennium.previous().longForm())
                .with("cur_code", biennium.code()).with("prev_code", biennium.previous().code());
        for (var v : values.entrySet()) {
            out = out.with(v.getKey(), v.getValue());
        }
        return out;
    }
}
