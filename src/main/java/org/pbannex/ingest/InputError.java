package org.pbannex.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.pbannex.table.Text;

/**
 * Bad input: names the file, the line (1-based, 0 when the file as a whole is at fault),
 * the column (may be empty) and the reason. Maps to exit status 3. A sheet of an input workbook
 * ({@link SourceName#sheet}) has rows instead of lines. The reason is a sentence of the texts ({@link Said}): the
 * message is its English as the program was built with it, and a failed run's report says it in its own language.
 */
public class InputError extends RuntimeException {

    private final String file;
    private final long line;
    private final String column;
    private final String reason;
    private final List<More> more;
    private final Said said;

    /**
     * A problem found with the first (its error), or how many more a file holds than are listed ({@code error} null).
     */
    public record More(InputError error, String file, int count) {
    }

    /** A reason the texts have no sentence for: said in English in every language. */
    public InputError(String file, long line, String column, String reason) {
        this(file, line, column, reason, List.of(), null);
    }

    /** A reason as the texts say it (report.cause.reason.WORD). */
    public InputError(String file, long line, String column, Said reason) {
        this(file, line, column, reason.english(), List.of(), reason);
    }

    /** The first of several problems found together, as its own line, and the others after it. */
    InputError(InputError first, List<More> more) {
        this(first.file, first.line, first.column, first.reason, List.copyOf(more), first.said);
    }

    private InputError(String file, long line, String column, String reason, List<More> more, Said said) {
        super(at(file, file, line, column == null ? "" : column, new Said.Written(reason, reason)).english());
        this.file = file;
        this.line = line;
        this.column = column == null ? "" : column;
        this.reason = reason;
        this.more = more;
        this.said = said;
    }

    /**
     * The error's line, then those of the problems found with it, and "and N more in FILE" where a file has more than
     * are listed: each sentence of the texts (report.cause.*) as {@code words} gives it by its key after
     * {@code report.} ("cause.line_column"), each file named by {@code files}. A reason said in the code's English only
     * is said as it is.
     */
    public List<Text> lines(Function<String, Text> words, UnaryOperator<String> files) {
        Function<String, Text> cause = w -> words.apply("cause." + w);
        List<Text> out = new ArrayList<>();
        out.add(said(files.apply(file)).in(cause));
        for (More m : more) {
            out.add(m.error() != null ? m.error().said(files.apply(m.error().file())).in(cause)
                    : Said.cause("more_in", "count", String.valueOf(m.count()), "file", files.apply(m.file())).in(cause));
        }
        return out;
    }

    /** The error as a sentence of the texts ("FILE, line N, column C: REASON", a sheet's row), its file named {@code shown}. */
    public Said said(String shown) {
        return at(file, shown, line, column, said != null ? said : new Said.Written(reason, reason));
    }

    private static Said at(String file, String shown, long line, String column, Object reason) {
        String at = line <= 0 ? "file" : SourceName.lineWord(file).equals("row") ? "row" : "line";
        return Said.cause(column.isEmpty() ? at : at + "_column", "file", shown, "line", String.valueOf(line), "column", column,
                "reason", reason);
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
     * The reason in both languages, each word as {@code words} gives it by its key after {@code report.cause.}; in the
     * code's English where the texts have no sentence for it (or lack one it needs).
     */
    public Text reasonIn(Function<String, Text> words) {
        return said != null ? said.inOr(words) : Text.of(reason);
    }

    /** The reason as a sentence of the texts (report.cause.reason.WORD), or null for one said in the code's English only. */
    public Said reasonSaid() {
        return said;
    }

    /**
     * The lines of the problems found with this one, told after its own (every bad character of a file, not the first
     * alone, so that one check names them all): each as {@link #getMessage} is, then "and N more in FILE" where a file
     * has more than are listed. Empty for a problem found alone.
     */
    public List<String> more() {
        return lines(BuiltTexts::word, f -> f).stream().skip(1).map(Text::en).toList();
    }
}
