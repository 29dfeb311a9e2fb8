package org.pbannex.ingest;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvMalformedLineException;
import com.opencsv.exceptions.CsvValidationException;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one CSV resource and enforces its Table Schema: strict UTF-8 (a UTF-8 byte-order mark, as Excel's CSV UTF-8
 * writes, is skipped), LF or CRLF line ends, the exact set of columns, values free of control characters and
 * noncharacters and at most a workbook cell long, text that cannot read as a formula, each language's text in its
 * language ({@link LanguageRules}), typed values within their
 * ranges, constraints and a unique primary key, and integer columns that add up to totals exact arithmetic can hold
 * ({@link ColumnMagnitudes}). Blank lines may end the file but not interrupt the data. Every
 * problem becomes an {@link InputError} naming file, line, column and reason (with Excel's fix when Excel caused it);
 * nothing is skipped.
 */
public final class CsvResourceReader {

    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern DOTTED_CODE = Pattern.compile("\\d+\\.\\d+");

    private CsvResourceReader() {
    }

    /** @param displayName how the file is named in errors (e.g. input/2022-23/budget.csv) */
    public static List<Record> read(Path file, String displayName, Resource resource) {
        return readTable(file, SourceName.file(displayName), resource).records();
    }

    public static CsvTable readTable(Path file, SourceName source, Resource resource) {
        String text = CsvText.decode(readBytes(file, source, resource), source);
        lastLineEnded(text, source);
        try (CSVReader csv = new CSVReaderBuilder(new StringReader(text))
                .withCSVParser(new RFC4180ParserBuilder().build())
                .withKeepCarriageReturn(false)
                .build()) {
            return readRecords(csv, source, resource);
        } catch (IOException e) {
            throw new IllegalStateException("reading text in memory", e);
        }
    }

    /**
     * A file's last line ends with a line end, as every program that writes CSV ends it: one without is the one trace
     * of a copy that did not finish, whose cut, inside the last number, left a line that reads well (5216301 read as
     * 52163, published: found by an exploratory test). A last line of empty cells alone is no line, as elsewhere.
     */
    private static void lastLineEnded(String text, SourceName source) {
        if (source.byRecord() || text.endsWith("\n")) {
            return;
        }
        int start = text.lastIndexOf('\n') + 1;
        if (text.substring(start).replace(",", "").replace("\"", "").isBlank()) {
            return;
        }
        long line = text.chars().filter(c -> c == '\n').count() + 1;
        if (line == 1 && text.indexOf('\r') >= 0) {
            // Lines ended by a carriage return alone (Excel for Mac's "CSV (Macintosh)"): no cut, another kind of file.
            throw new InputError(source.name(), 0, "", Said.of("cr_line_ends"));
        }
        throw new InputError(source.name(), source.shown(line), "", Said.of("no_line_end"));
    }

    /** A file beside {@code file} whose name differs from its in case alone (budget.CSV for budget.csv); else null. */
    private static String sameNameInOtherCase(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        String name = file.getFileName().toString();
        if (folder == null || !Files.isDirectory(folder)) {
            return null;
        }
        try (var s = Files.list(folder)) {
            return InputFolder.sameNameInOtherCase(name, s.map(p -> p.getFileName().toString()));
        } catch (IOException e) {
            return null;
        }
    }

    private static byte[] readBytes(Path file, SourceName source, Resource resource) {
        if (Files.isDirectory(file)) {
            throw new InputError(source.name(), 0, "", Said.of("folder", "resource", resource.name()));
        }
        if (!Files.exists(file) && !Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            String other = sameNameInOtherCase(file);
            throw new InputError(source.name(), 0, "", other == null ? Said.of("file_not_found", "resource", resource.name())
                    : Said.of("file_not_found_case", "resource", resource.name(), "other", other,
                    "name", file.getFileName().toString()));
        }
        try {
            long size = Files.size(file);
            if (size > resource.maxBytes()) {
                throw new InputError(source.name(), 0, "", Said.of("too_large", "size", String.valueOf(size), "resource",
                        resource.name(), "limit", String.valueOf(resource.maxBytes())));
            }
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length == 0) {
                throw emptyFile(source, resource);
            }
            return bytes;
        } catch (IOException e) {
            throw new InputError(source.name(), 0, "", Said.of("cannot_read", "why", describe(e)));
        }
    }

    /** What went wrong with a file operation, without the path (the message names it already): a word, or the system's. */
    static Object describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return Said.of("why.permission_denied");
        }
        if (e instanceof NoSuchFileException) {
            return Said.of("why.not_there");
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static CsvTable readRecords(CSVReader csv, SourceName source, Resource resource) throws IOException {
        String[] header = next(csv, source);
        if (header == null || isBlank(header)) {
            throw emptyFile(source, resource);
        }
        Map<String, Integer> index = headerIndex(header, source, resource);
        List<CsvTable.Row> rows = new ArrayList<>();
        List<Record> records = new ArrayList<>();
        Map<String, Long> seenKeys = new HashMap<>();
        Map<String, String> pairs = languagePairs(resource);
        ColumnMagnitudes magnitudes = new ColumnMagnitudes(resource.fields().size());
        long firstBlank = 0;
        long record = 1;
        // Once a value holds a bad character, the rest of the file is read for bad characters only, to tell them all.
        BadCharacters bad = new BadCharacters();
        while (true) {
            long startLine = csv.getLinesRead() + 1;
            String[] cells;
            try {
                cells = next(csv, source);
            } catch (InputError e) {
                throw bad.before(e);
            }
            if (cells == null) {
                break;
            }
            // A file's records are named by the line they start on; a sheet's by their row (one record each).
            long line = source.byRecord() ? ++record : startLine;
            if (isBlank(cells)) {
                // Blank lines (or rows of empty cells, as Excel leaves after cleared rows) may end the file.
                firstBlank = firstBlank == 0 ? line : firstBlank;
                continue;
            }
            try {
                if (firstBlank > 0) {
                    throw new InputError(source.name(), source.shown(firstBlank), "", Said.of("blank_line"));
                }
                if (cells.length != header.length) {
                    Said split = ExcelDamage.numberSplit(cells, header.length, i -> isColumn(header, i, resource,
                            Field::numeric), i -> isColumn(header, i, resource, f -> f.type() == FieldType.NUMBER));
                    ExcelDamage.TextComma text = split == null ? ExcelDamage.textComma(cells, header.length,
                            i -> fieldAt(header, i, resource)) : null;
                    throw new InputError(source.name(), source.shown(line), text != null ? text.column() : "",
                            Said.of("cell_count", "cells", String.valueOf(cells.length), "header", String.valueOf(header.length),
                                    "hint", text != null ? text.hint() : split != null ? split
                                            : ExcelDamage.fullWidthSeparator(cells, header.length)));
                }
                Map<String, Object> values = new LinkedHashMap<>();
                for (int i = 0; i < resource.fields().size(); i++) {
                    Field f = resource.fields().get(i);
                    Integer at = index.get(f.name());
                    String raw = at == null ? "" : cells[at];
                    Said problem = TextRules.problem(raw, lineFeeds(f));
                    if (problem != null && raw.length() <= TextRules.MAX_LENGTH
                            && bad.add(source.name(), source.shown(line), f.name(), TextRules.badCharacters(raw, lineFeeds(f)))) {
                        continue;
                    }
                    if (!bad.isEmpty()) {
                        continue;
                    }
                    if (problem != null) {
                        throw new InputError(source.name(), source.shown(line), f.name(), problem);
                    }
                    Object value = parseChecked(raw, f, source, line);
                    magnitudes.add(i, f, value, source, line);
                    values.put(f.name(), value);
                }
                if (!bad.isEmpty()) {
                    continue;
                }
                checkLanguagePairs(pairs, values, source, line);
                checkPrimaryKey(resource, values, seenKeys, source, line);
                rows.add(new CsvTable.Row(line, List.of(cells)));
                records.add(new Record(source.name(), source.shown(line), values));
            } catch (InputError e) {
                if (bad.isEmpty()) {
                    throw e;
                }
                // A problem of another kind after a bad character: told once the characters are mended.
            }
        }
        if (!bad.isEmpty()) {
            throw bad.error();
        }
        if (records.size() < resource.minRows()) {
            // What the file is for, in the descriptor's words in each language (pbDescriptionZh in a Chinese report).
            org.pbannex.table.Text d = resource.described();
            throw new InputError(source.name(), 0, "", resource.description().isEmpty() ? Said.of("no_data_rows")
                    : Said.of("no_data_rows_for", "description", new Said.Written(d.zh(), d.en())));
        }
        return new CsvTable(List.of(header), rows, records);
    }

    /**
     * The texts a row may not leave empty while their other language's is given, each to that pair's field (label_en
     * to label_zh): every field of a pair x_zh/x_en in the resource but one that allows it ({@code pbOneLanguage}).
     */
    private static Map<String, String> languagePairs(Resource resource) {
        Set<String> names = new HashSet<>(names(resource));
        Map<String, String> pairs = new LinkedHashMap<>();
        for (Field f : resource.fields()) {
            String pair = f.pairName();
            if (pair != null && names.contains(pair) && !f.oneLanguageAllowed()) {
                pairs.put(f.name(), pair);
            }
        }
        return pairs;
    }

    /** A text given in one language only (label_zh without label_en): the other edition would show nothing there. */
    private static void checkLanguagePairs(Map<String, String> pairs, Map<String, Object> values, SourceName source, long line) {
        pairs.forEach((field, pair) -> {
            if (values.get(field) == null && values.get(pair) != null) {
                throw new InputError(source.name(), source.shown(line), field,
                        Said.of(field.endsWith("en") ? "one_language_en" : "one_language_zh", "pair", pair));
            }
        });
    }

    /** Whether the header's column {@code i} is a field of the kind. */
    private static boolean isColumn(String[] header, int i, Resource resource, java.util.function.Predicate<Field> kind) {
        Field f = fieldAt(header, i, resource);
        return f != null && kind.test(f);
    }

    /** The field of the header's column i, or null (past the header, or a column the schema does not have). */
    private static Field fieldAt(String[] header, int i, Resource resource) {
        return i < header.length ? resource.fields().stream().filter(f -> f.name().equals(header[i].strip())).findFirst()
                .orElse(null) : null;
    }

    private static boolean isBlank(String[] cells) {
        return Arrays.stream(cells).allMatch(String::isBlank);
    }

    private static String[] next(CSVReader csv, SourceName source) throws IOException {
        try {
            return csv.readNext();
        } catch (CsvMalformedLineException e) {
            throw new InputError(source.name(), source.shown(e.getLineNumber()), "", Said.of("unterminated_quote"));
        } catch (CsvValidationException e) {
            throw new InputError(source.name(), source.shown(e.getLineNumber()), "", Said.of("malformed", "detail", e.getMessage()));
        }
    }

    private static Map<String, Integer> headerIndex(String[] header, SourceName source, Resource resource) {
        long line = source.shown(1);
        Said separator = ExcelDamage.separator(header, resource.fields().size());
        if (separator != null) {
            throw new InputError(source.name(), line, "", separator);
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            if (header[i].startsWith("\uFEFF")) {
                throw new InputError(source.name(), line, "", Said.of("second_bom", "fix", ExcelDamage.SAVE_AS_UTF8));
            }
            Said problem = TextRules.problem(header[i]);
            if (problem != null) {
                throw new InputError(source.name(), line, "", Said.of("header_cell", "cell", String.valueOf(i + 1), "problem", problem));
            }
            String name = header[i].strip();
            if (index.put(name, i) != null) {
                throw new InputError(source.name(), line, name, Said.of("column_twice"));
            }
            if (resource.fields().stream().noneMatch(f -> f.name().equals(name))) {
                // A column misspelt is named as the one meant, among those the header lacks.
                List<String> lacking = names(resource).stream().filter(n -> Arrays.stream(header).map(String::strip).noneMatch(n::equals)).toList();
                String nearest = Nearest.name(name, lacking);
                String columns = String.join(",", names(resource));
                throw new InputError(source.name(), line, name, nearest == null ? Said.of("unexpected_column", "columns", columns)
                        : Said.of("unexpected_column_near", "nearest", nearest, "columns", columns));
            }
        }
        // Every missing column in one line (a file of an earlier version lacks several): not one, then the next, run after run.
        // A column the file may leave out (pbColumn: optional, one added after files were written) is not missing: its
        // values are all empty.
        List<String> missing = resource.fields().stream().filter(f -> !f.columnOptional()).map(Field::name)
                .filter(n -> !index.containsKey(n)).toList();
        if (missing.size() == 1) {
            throw new InputError(source.name(), line, missing.get(0), Said.of("missing_column", "columns", String.join(",", names(resource))));
        }
        if (!missing.isEmpty()) {
            throw new InputError(source.name(), line, "", missingColumns(missing, String.join(",", names(resource))));
        }
        return index;
    }

    /**
     * Said of the columns a header lacks, all of them in one line ("missing columns a and b: add them to this header
     * line ...; the columns are {@code columns}"): the input CSVs' and the expenditure-line files' alike.
     */
    public static Said missingColumns(List<String> missing, String columns) {
        return Said.of("missing_columns", "missing", missing.stream().<Object>map(c -> c)
                .reduce((a, b) -> Said.of("list_and", "a", a, "b", b)).orElseThrow(), "columns", columns);
    }

    /**
     * Why reading a file would refuse this value in this field (its type, text rules, pattern, range, allowed values),
     * or null: for a value written into the input by other means (review --apply), checked by the ingest's own rules.
     */
    public static InputError refusal(String raw, Field f) {
        try {
            parse(raw, f, SourceName.file(""), 0);
            return null;
        } catch (InputError e) {
            return e;
        }
    }

    /** Parses one cell; {@code line} is the CSV line (the source shows it with its offset). */
    static Object parse(String raw, Field f, SourceName source, long line) {
        Said problem = TextRules.problem(raw, lineFeeds(f));
        if (problem != null) {
            throw new InputError(source.name(), source.shown(line), f.name(), problem);
        }
        return parseChecked(raw, f, source, line);
    }

    /** Whether a field's values may hold line feeds (between paragraphs). */
    private static boolean lineFeeds(Field f) {
        return f.lineBreaksAllowed() && f.type() == FieldType.STRING;
    }

    /** Parses one cell whose characters {@link TextRules#problem} accepted. */
    private static Object parseChecked(String raw, Field f, SourceName source, long line) {
        String v = raw.strip();
        if (v.isEmpty()) {
            if (f.required()) {
                throw new InputError(source.name(), source.shown(line), f.name(), Said.of("required"));
            }
            return null;
        }
        Object value = switch (f.type()) {
            case STRING -> v;
            case INTEGER -> parseInteger(v, f, source, line);
            case NUMBER -> parseNumber(v, f, source, line);
            case BOOLEAN -> parseBoolean(v, f, source, line);
        };
        if (f.type() == FieldType.STRING) {
            Said formula = TextRules.formulaProblem(v, f.formulaLike());
            if (formula != null) {
                throw new InputError(source.name(), source.shown(line), f.name(), formula);
            }
            Said language = LanguageRules.problem(v, f.language());
            // The exemption asked only of a text refused: the common cell pays nothing for it.
            if (language != null && !f.mixedLanguage().covers(v)) {
                throw new InputError(source.name(), source.shown(line), f.name(), language);
            }
        }
        checkConstraints(v, value, f, source, line);
        return value;
    }

    private static Long parseInteger(String v, Field f, SourceName source, long line) {
        if (INTEGER.matcher(v).matches()) {
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new InputError(source.name(), source.shown(line), f.name(), Said.of("outside_range", "value", v, "minimum",
                        f.minimum() == null ? "" : f.minimum().toPlainString(), "maximum", f.maximum() == null ? ""
                        : f.maximum().toPlainString(), "about", about(f)));
            }
        }
        throw notANumber(v, true, f, source, line);
    }

    private static BigDecimal parseNumber(String v, Field f, SourceName source, long line) {
        if (NUMBER.matcher(v).matches()) {
            BigDecimal d = new BigDecimal(v);
            if (f.maxDecimals() != null && d.scale() > f.maxDecimals()) {
                throw new InputError(source.name(), source.shown(line), f.name(), Said.of(f.maxDecimals() == 1 ? "decimals_one" : "decimals",
                        "most", String.valueOf(f.maxDecimals()), "value", v));
            }
            return d;
        }
        throw notANumber(v, false, f, source, line);
    }

    /** Not a number: how Excel damaged it where it did, else said as the texts say it too (not_a_number, not_whole_number). */
    private static InputError notANumber(String v, boolean wholeNumber, Field f, SourceName source, long line) {
        Integer decimals = wholeNumber ? Integer.valueOf(0) : f.maxDecimals();
        return new InputError(source.name(), source.shown(line), f.name(), ExcelDamage.notANumber(v, wholeNumber, decimals));
    }

    private static Boolean parseBoolean(String v, Field f, SourceName source, long line) {
        return switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw new InputError(source.name(), source.shown(line), f.name(), Said.of("not_true_or_false", "value", v));
        };
    }

    private static void checkConstraints(String raw, Object value, Field f, SourceName source, long line) {
        long shown = source.shown(line);
        if (!f.allowed().isEmpty() && !f.allowed().contains(raw)) {
            throw new InputError(source.name(), shown, f.name(), Said.of("not_one_of", "value", raw, "allowed",
                    String.join(", ", f.allowed()), "hint", HalfWidth.hint(raw, f.allowed())));
        }
        if (f.pattern() != null && !f.pattern().matcher(raw).matches()) {
            Said damage = ExcelDamage.notMatching(raw, f);
            if (damage != null) {
                throw new InputError(source.name(), shown, f.name(), damage);
            }
            // The descriptor's own words for what the column takes, not its pattern (a regular expression).
            throw new InputError(source.name(), shown, f.name(), f.description().isEmpty()
                    ? Said.of("no_match", "value", raw, "pattern", f.pattern().pattern(), "about", "")
                    : Said.of("not_taken", "value", raw, "about", f.described()));
        }
        if (value instanceof Number n) {
            BigDecimal d = new BigDecimal(n.toString());
            if (f.minimum() != null && d.compareTo(f.minimum()) < 0) {
                throw new InputError(source.name(), shown, f.name(),
                        Said.of("below_minimum", "value", raw, "minimum", f.minimum().toPlainString(), "about", about(f)));
            }
            if (f.maximum() != null && d.compareTo(f.maximum()) > 0) {
                throw new InputError(source.name(), shown, f.name(),
                        Said.of("above_maximum", "value", raw, "maximum", f.maximum().toPlainString(), "about", about(f)));
            }
        }
    }

    /** What the column takes, in the descriptor's words, after a value out of its range: " (its description)", or nothing. */
    private static String about(Field f) {
        return f.description().isEmpty() ? "" : " (" + f.description() + ")";
    }

    private static InputError emptyFile(SourceName source, Resource resource) {
        return new InputError(source.name(), 0, "", Said.of("empty_file", "columns", String.join(",", names(resource))));
    }

    private static void checkPrimaryKey(Resource r, Map<String, Object> values, Map<String, Long> seen, SourceName source, long line) {
        if (r.primaryKey().isEmpty()) {
            return;
        }
        StringBuilder key = new StringBuilder();
        boolean dotted = false;
        for (String k : r.primaryKey()) {
            String part = String.valueOf(values.get(k));
            dotted |= DOTTED_CODE.matcher(part).matches();
            key.append(key.length() == 0 ? "" : "|").append(part);
        }
        Long first = seen.putIfAbsent(key.toString(), line);
        if (first != null) {
            String columns = String.join(",", r.primaryKey());
            throw new InputError(source.name(), source.shown(line), columns, Said.of(dotted ? "duplicate_dotted" : "duplicate",
                    "columns", columns, "key", key.toString(), "first", Said.of("on_" + SourceName.lineWord(source.name()), "line",
                            String.valueOf(source.shown(first)))));
        }
    }

    private static List<String> names(Resource r) {
        return r.fields().stream().map(Field::name).toList();
    }
}
