package org.pbannex.ingest;

import java.util.List;

/**
 * Bad input: names the file, the line (1-based, 0 when the file as a whole is at fault),
 * the column (may be empty) and the reason. Maps to exit status 3. A sheet of an input workbook
 * ({@link SourceName#sheet}) has rows instead of lines.
 */
public class InputError extends RuntimeException {

    private final String file;
    private final long line;
    private final String column;
    private final String reason;
    private final List<More> more;
    private final Said said;

    /**
     * The reason as a word of the texts names it ({@code report.cause.reason.WORD}, its placeholders {@code values}), so
     * that a failed run's report says it in its own language; stderr keeps {@link #reason}, which that word's English
     * repeats. A value is a String (the same in both languages: a file, a code, a number), a Said (a part of the
     * sentence that is a word of its own: a kind of character, a fix) or {@link Written} (the input's own words).
     */
    public record Said(String word, java.util.Map<String, Object> values) {

        /** said("not_one_of", "value", v, "allowed", a). */
        public static Said of(String word, Object... namesAndValues) {
            java.util.Map<String, Object> values = new java.util.LinkedHashMap<>();
            for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
                values.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
            return new Said(word, java.util.Collections.unmodifiableMap(values));
        }

        /** The same word with more values. */
        public Said and(Object... namesAndValues) {
            Said more = of(word, namesAndValues);
            java.util.Map<String, Object> all = new java.util.LinkedHashMap<>(values);
            all.putAll(more.values());
            return new Said(word, java.util.Collections.unmodifiableMap(all));
        }
    }

    /** A part of a reason the input writes in both languages (datapackage.json's {"zh": ..., "en": ...}). */
    public record Written(String zh, String en) {
    }

    /** A reason as stderr's line says it ({@code line}) and as the texts' word does ({@code said}). */
    public record Reason(String line, Said said) {

        public static Reason of(String line, String word, Object... namesAndValues) {
            return new Reason(line, Said.of(word, namesAndValues));
        }
    }

    /**
     * A problem found with the first (its error), or how many more a file holds than are listed ({@code error} null).
     */
    public record More(InputError error, String file, int count) {

        String line() {
            return error != null ? error.getMessage() : "and " + count + " more in " + file;
        }
    }

    public InputError(String file, long line, String column, String reason) {
        this(file, line, column, reason, List.of(), null);
    }

    public InputError(String file, long line, String column, Reason reason) {
        this(file, line, column, reason.line(), List.of(), reason.said());
    }

    /** The first of several problems found together, as its own line, and the others after it. */
    InputError(InputError first, List<More> more) {
        this(first.file, first.line, first.column, first.reason, List.copyOf(more), first.said);
    }

    private InputError(String file, long line, String column, String reason, List<More> more, Said said) {
        super(format(file, line, column, reason));
        this.file = file;
        this.line = line;
        this.column = column == null ? "" : column;
        this.reason = reason;
        this.more = more;
        this.said = said;
    }

    /** The same error, its reason also a word of the texts: said("not_one_of", "value", v, "allowed", a). */
    public InputError said(String word, Object... namesAndValues) {
        return new InputError(file, line, column, reason, more, Said.of(word, namesAndValues));
    }

    /** The reason as a word of the texts, or null where it is said in the code's English only. */
    public Said reasonSaid() {
        return said;
    }

    private static String format(String file, long line, String column, String reason) {
        StringBuilder s = new StringBuilder(file);
        if (line > 0) {
            s.append(", ").append(SourceName.lineWord(file)).append(' ').append(line);
        }
        if (column != null && !column.isEmpty()) {
            s.append(", column ").append(column);
        }
        return s.append(": ").append(reason).toString();
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }

    public String column() {
        return column;
    }

    public String reason() {
        return reason;
    }

    /**
     * The lines of the problems found with this one, told after its own (every bad character of a file, not the first
     * alone, so that one check names them all): each as {@link #getMessage} is, then "and N more in FILE" where a file
     * has more than are listed. Empty for a problem found alone.
     */
    public List<String> more() {
        return more.stream().map(More::line).toList();
    }

    /** The same problems as {@link #more}, each its error (its reason a word of the texts where it has one). */
    public List<More> moreFound() {
        return more;
    }
}
