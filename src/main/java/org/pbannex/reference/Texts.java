package org.pbannex.reference;

import java.util.Map;
import java.util.NoSuchElementException;
import org.pbannex.table.Text;

/**
 * Document text by key (titles, headings, footnotes, labels of totals), with the biennium placeholders
 * {cur}, {prev}, {cur_code} and {prev_code} already filled in.
 */
public final class Texts {

    private final Map<String, Text> byKey;
    private final Biennium biennium;

    public Texts(Map<String, Text> byKey, Biennium biennium) {
        this.byKey = Map.copyOf(byKey);
        this.biennium = biennium;
    }

    public Text get(String key) {
        Text t = byKey.get(key);
        if (t == null) {
            throw new NoSuchElementException("input/reference/texts.csv has no text '" + key + "'");
        }
        return fill(t);
    }

    public boolean has(String key) {
        return byKey.containsKey(key);
    }

    /** Texts whose key starts with the prefix, in key order (e.g. the numbered footnotes of a table). */
    public java.util.List<Text> numbered(String prefix) {
        return byKey.keySet().stream().filter(k -> k.startsWith(prefix)).sorted().map(this::get).toList();
    }

    private Text fill(Text t) {
        return t.with("cur", biennium.longForm()).with("prev", biennium.previous().longForm())
                .with("cur_code", biennium.code()).with("prev_code", biennium.previous().code());
    }
}
