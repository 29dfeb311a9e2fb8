package org.pbannex.ingest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pbannex.table.Text;

/**
 * A sentence of the texts named by its word (its key after {@code report.cause.}), with the values of its
 * placeholders: a refused input's reason is {@code report.cause.reason.WORD} of texts.csv ({@link #of}), the one
 * template that stderr says in English (the texts the program was built with, {@link #english}) and a failed run's
 * report in its own language (the run's texts, {@link #in}). A value is a String (the same in both languages: a file, a code, a number; a
 * workbook's sheet in the sentence's words for one, report.cause.sheet), a Said (a part of the sentence that is a
 * word of its own: a kind of character, a fix), {@link Written} (the input's own words in both languages), {@link Step}
 * (a step of the job, which the report names in its words) or null (nothing: a part of the sentence that this one has
 * not).
 */
public record Said(String word, Map<String, Object> values) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)\\}");

    /** A reason's word, report.cause.reason.WORD: Said.of("not_one_of", "value", v, "allowed", a). */
    public static Said of(String word, Object... namesAndValues) {
        return cause("reason." + word, namesAndValues);
    }

    /** Any sentence of report.cause.* by its key after that: a failure's frame ("line_column"), a run stopped ("signal"). */
    public static Said cause(String word, Object... namesAndValues) {
        return new Said(word, values(Map.of(), namesAndValues));
    }

    /**
     * A sentence by its key after the prefix whoever says it looks it up with: how a process ended or a run went well,
     * report.notice.*, for a notice.
     */
    public static Said sentence(String word, Object... namesAndValues) {
        return new Said(word, values(Map.of(), namesAndValues));
    }

    /** The same word with more values. */
    public Said and(Object... namesAndValues) {
        return new Said(word, values(values, namesAndValues));
    }

    private static Map<String, Object> values(Map<String, Object> first, Object... namesAndValues) {
        Map<String, Object> values = new LinkedHashMap<>(first);
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(values);
    }

    /** Words in both languages that the input itself gives (datapackage.json's {"zh": ..., "en": ...}). */
    public record Written(String zh, String en) {
    }

    /** A step of the job by its name: stderr says its name, a report its words for it (report.step.*). */
    public record Step(String name) {
    }

    /**
     * The sentence in both languages, each word (this one's and its parts', by its key after {@code report.cause.}) as
     * {@code words} gives it. Each placeholder is filled once, so that a value holding braces (a text of texts.csv) is
     * shown as it is.
     */
    public Text in(Function<String, Text> words) {
        return in(words, Text::of);
    }

    /** As {@link #in(Function)}, each {@link Step} named by {@code steps} (given its name). */
    public Text in(Function<String, Text> words, Function<String, Text> steps) {
        Map<String, Text> filled = new LinkedHashMap<>();
        values.forEach((name, v) -> filled.put(name, v instanceof Said part ? part.in(words, steps)
                : v instanceof Written w ? new Text(w.zh(), w.en()) : v instanceof Step s ? steps.apply(s.name())
                : v == null ? Text.EMPTY : named(String.valueOf(v), words)));
        Text template = words.apply(word);
        return new Text(fill(template.zh(), filled, Text::zh), fill(template.en(), filled, t -> t.en().isEmpty() ? t.zh() : t.en()));
    }

    /** A value as is, but a workbook's sheet ("inputs.xlsx, sheet units"): in the sentence's words for one (report.cause.sheet). */
    private static Text named(String value, Function<String, Text> words) {
        org.pbannex.table.WorkbookSheet sheet = org.pbannex.table.WorkbookSheet.of(value);
        return sheet == null ? Text.of(value) : sheet.in(words.apply("sheet"));
    }

    /**
     * As {@link #in}, or stderr's English where {@code words} lack a sentence it needs (texts.csv of another version).
     */
    public Text inOr(Function<String, Text> words) {
        try {
            return in(words);
        } catch (RuntimeException lacking) {
            return Text.of(english());
        }
    }

    /** As stderr says it: in the English of the texts the program was built with. */
    public String english() {
        return in(BuiltTexts::cause).en();
    }

    /** Writes the sentence, its parts and values, for {@link #read} (a partition's refused lines, kept between steps). */
    public void write(java.io.DataOutput out) throws java.io.IOException {
        out.writeUTF(word);
        out.writeInt(values.size());
        for (var e : values.entrySet()) {
            out.writeUTF(e.getKey());
            if (e.getValue() == null) {
                out.writeByte(0);
            } else if (e.getValue() instanceof Said part) {
                out.writeByte(1);
                part.write(out);
            } else if (e.getValue() instanceof Written w) {
                out.writeByte(2);
                out.writeUTF(w.zh());
                out.writeUTF(w.en());
            } else if (e.getValue() instanceof Step s) {
                out.writeByte(4);
                out.writeUTF(s.name());
            } else {
                out.writeByte(3);
                out.writeUTF(String.valueOf(e.getValue()));
            }
        }
    }

    /** A sentence {@link #write} wrote. */
    public static Said read(java.io.DataInput in) throws java.io.IOException {
        String word = in.readUTF();
        int n = in.readInt();
        Object[] namesAndValues = new Object[2 * n];
        for (int i = 0; i < n; i++) {
            namesAndValues[2 * i] = in.readUTF();
            namesAndValues[2 * i + 1] = switch (in.readByte()) {
                case 0 -> null;
                case 1 -> read(in);
                case 2 -> new Written(in.readUTF(), in.readUTF());
                case 4 -> new Step(in.readUTF());
                default -> in.readUTF();
            };
        }
        return cause(word, namesAndValues);
    }

    private static String fill(String template, Map<String, Text> values, Function<Text, String> language) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Text v = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v == null ? m.group() : language.apply(v)));
        }
        return m.appendTail(out).toString();
    }
}
