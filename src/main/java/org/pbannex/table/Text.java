package org.pbannex.table;

/** A piece of text in both editions. An empty English text falls back to the Chinese one. */
public record Text(String zh, String en) {

    public static final Text EMPTY = new Text("", "");

    public Text {
        zh = zh == null ? "" : zh;
        en = en == null ? "" : en;
    }

    public static Text of(String both) {
        return new Text(both, both);
    }

    public String in(Language language) {
        return language == Language.EN && !en.isEmpty() ? en : zh;
    }

    public boolean isEmpty() {
        return zh.isEmpty() && en.isEmpty();
    }

    /** Replaces {name} placeholders in both languages. */
    public Text with(String name, Text value) {
        String key = "{" + name + "}";
        return new Text(zh.replace(key, value.zh()), en.replace(key, value.en().isEmpty() ? value.zh() : value.en()));
    }

    public Text with(String name, String value) {
        return with(name, Text.of(value));
    }
}
