package org.pbannex.table;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Where in the input to look for a failed check, kept in its parts so that a report says it in its own words
 * (texts.csv's report.where.*) as stderr says it in English: the lines the checked value sums ("see FILE, lines 2-10,
 * column total_usd"), against those the expected value sums, or the files the check's table is built from.
 *
 * @param see       the lines of the checked value (or of the records that stand for the check's row)
 * @param builtFrom where no line is named: the files of the check's table (null: none)
 * @param against   the lines the expected value sums (empty: none named)
 */
public record Where(List<Lines> see, BuiltFrom builtFrom, List<Lines> against) {

    public Where {
        see = List.copyOf(see);
        against = List.copyOf(against);
    }

    /** Lines of one or more files ("a.csv, line 4; b.csv, lines 3-7"), and the columns summed there (none: not named). */
    public record Lines(List<FileLines> files, List<String> columns) {

        public Lines {
            files = List.copyOf(files);
            columns = List.copyOf(columns);
        }
    }

    /** A file's lines as LineRanges writes them ("3-7, 9"); {@code rows} for a workbook's sheet; how many there are. */
    public record FileLines(String file, boolean rows, int count, String ranges) {
    }

    /** The check's table is built from {@code files} (all in {@code folder}, named in it, unless it is "") and shared files. */
    public record BuiltFrom(String table, List<String> files, String folder, int shared) {

        public BuiltFrom {
            files = List.copyOf(files);
        }
    }

    /**
     * Stderr's words (and the manifest's), which the English of texts.csv's report.* keys of the same names repeat; the
     * report reads those keys (ReportWords.WORDS names these).
     */
    public static final Map<String, String> ENGLISH = Map.ofEntries(Map.entry("where.see", "see {lines}"),
            Map.entry("where.against", "{see}; against {lines}"), Map.entry("where.and", "{a}; {b}"),
            Map.entry("where.list", "{a}, {b}"), Map.entry("where.line", "{file}, line {lines}"),
            Map.entry("where.lines", "{file}, lines {lines}"), Map.entry("where.row", "{file}, row {lines}"),
            Map.entry("where.rows", "{file}, rows {lines}"), Map.entry("where.column", "{lines}, column {columns}"),
            Map.entry("where.columns", "{lines}, columns {columns}"),
            Map.entry("where.built_from", "table {table} is built from {files}"),
            Map.entry("where.in_folder", "{files} in {folder}"), Map.entry("where.and_shared", "{files} and {shared}"),
            Map.entry("where.shared_file", "1 shared reference file"),
            Map.entry("where.shared_files", "{count} shared reference files"),
            Map.entry("where.sheet", "{workbook}, sheet {sheet}"));

    /** The same places, each file (and folder) named by {@code name} instead of as stderr names it. */
    public Where renamed(java.util.function.UnaryOperator<String> name) {
        return new Where(renamed(see, name), builtFrom == null ? null : new BuiltFrom(builtFrom.table(),
                builtFrom.folder().isEmpty() ? builtFrom.files().stream().map(name).toList() : builtFrom.files(),
                builtFrom.folder().isEmpty() ? "" : name.apply(builtFrom.folder()), builtFrom.shared()), renamed(against, name));
    }

    private static List<Lines> renamed(List<Lines> lines, java.util.function.UnaryOperator<String> name) {
        return lines.stream().map(l -> new Lines(l.files().stream().map(f -> new FileLines(name.apply(f.file()), f.rows(),
                f.count(), f.ranges())).toList(), l.columns())).toList();
    }

    /** As stderr says it: "see a.csv, lines 2-10, column x; against b.csv, line 4, columns y, z". */
    public String english() {
        return said(w -> Text.of(ENGLISH.get(w))).en();
    }

    /** In the words {@code word} gives by name (where.see, ...), both languages. */
    public Text said(Function<String, Text> word) {
        Text own = !see.isEmpty() ? word.apply("where.see").with("lines", lines(see, word))
                : builtFrom != null ? builtFrom(word) : Text.EMPTY;
        if (against.isEmpty()) {
            return own;
        }
        Text from = lines(against, word);
        return own.isEmpty() ? word.apply("where.see").with("lines", from)
                : word.apply("where.against").with("see", own).with("lines", from);
    }

    /** A file's lines alone, as stderr says them ("a.csv, line 4; b.csv, lines 3-7"). */
    public static String english(List<FileLines> files) {
        return files(files, w -> Text.of(ENGLISH.get(w))).en();
    }

    private static Text lines(List<Lines> lines, Function<String, Text> word) {
        Text out = null;
        for (Lines l : lines) {
            Text t = files(l.files(), word);
            if (!l.columns().isEmpty()) {
                t = word.apply(l.columns().size() == 1 ? "where.column" : "where.columns").with("lines", t)
                        .with("columns", join(l.columns(), "where.list", word));
            }
            out = out == null ? t : word.apply("where.and").with("a", out).with("b", t);
        }
        return out == null ? Text.EMPTY : out;
    }

    private static Text files(List<FileLines> files, Function<String, Text> word) {
        Text out = null;
        for (FileLines f : files) {
            Text t = word.apply(f.rows() ? (f.count() == 1 ? "where.row" : "where.rows") : f.count() == 1 ? "where.line" : "where.lines")
                    .with("file", file(f, word)).with("lines", f.ranges());
            out = out == null ? t : word.apply("where.and").with("a", out).with("b", t);
        }
        return out == null ? Text.EMPTY : out;
    }

    // A workbook's sheet in the sentence's words ("inputs.xlsx 的 budget 工作表"), a file as it is named.
    private static Text file(FileLines f, Function<String, Text> word) {
        WorkbookSheet sheet = f.rows() ? WorkbookSheet.of(f.file()) : null;
        return sheet == null ? Text.of(f.file()) : sheet.in(word.apply("where.sheet"));
    }

    private Text builtFrom(Function<String, Text> word) {
        Text files = builtFrom.files().isEmpty() ? Text.EMPTY : join(builtFrom.files(), "where.list", word);
        if (!files.isEmpty() && !builtFrom.folder().isEmpty()) {
            files = word.apply("where.in_folder").with("files", files).with("folder", builtFrom.folder());
        }
        Text shared = builtFrom.shared() == 0 ? Text.EMPTY : builtFrom.shared() == 1 ? word.apply("where.shared_file")
                : word.apply("where.shared_files").with("count", String.valueOf(builtFrom.shared()));
        Text all = files.isEmpty() ? shared : shared.isEmpty() ? files : word.apply("where.and_shared").with("files", files)
                .with("shared", shared);
        return word.apply("where.built_from").with("table", builtFrom.table()).with("files", all);
    }

    private static Text join(List<String> items, String how, Function<String, Text> word) {
        Text out = Text.of(items.get(0));
        for (int i = 1; i < items.size(); i++) {
            out = word.apply(how).with("a", out).with("b", items.get(i));
        }
        return out;
    }
}
