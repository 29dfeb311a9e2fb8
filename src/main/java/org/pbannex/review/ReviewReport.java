package org.pbannex.review;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.pbannex.render.NumberText;
import org.pbannex.render.markup.Templates;
import org.pbannex.table.Language;

/**
 * {@code review-<file>.csv} and {@code .html} beside the returned workbook: one row per change. A change with several
 * sources (a derived cell) lists them in the three source columns, separated by "; " in the same order. The CSV has the
 * run's ids (table, row key, column: those of the tidy CSVs) and, after the sources, where the reviewer saw the change
 * (sheet, cell, row label, heading); the HTML page, for the reviewer and the budget officer, shows the latter only, and
 * the sources by file and field with their lines as ranges.
 */
final class ReviewReport {

    static final String[] HEADER = {"table", "row_key", "column", "published", "returned", "kind", "source_file", "source_line",
            "source_column", "sheet", "cell", "row_label", "heading"};

    private ReviewReport() {
    }

    /** Writes both files; returns the CSV's path. */
    static Path write(Review.Result result, Path returned, List<String> applied) throws IOException {
        String base = returned.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        Path dir = returned.toAbsolutePath().getParent();
        Path csv = dir.resolve("review-" + base + ".csv");
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
             CSVWriter out = new CSVWriter(w, ICSVWriter.DEFAULT_SEPARATOR, ICSVWriter.DEFAULT_QUOTE_CHARACTER,
                     ICSVWriter.DEFAULT_ESCAPE_CHARACTER, "\n")) {
            out.writeNext(HEADER, false);
            for (Review.Change c : result.changes()) {
                out.writeNext(row(c), false);
            }
        }
        String html = Templates.render("review", Map.of(
                "file", returned.getFileName().toString(),
                "result", result,
                "rows", result.changes().stream().map(ReviewReport::shown).toList(),
                "counts", result.changes().stream().collect(Collectors.groupingBy(Review.Change::kind, java.util.TreeMap::new,
                        Collectors.counting())),
                "applied", applied), Locale.ENGLISH);
        Files.writeString(dir.resolve("review-" + base + ".html"), html);
        return csv;
    }

    static String[] row(Review.Change c) {
        return new String[] {c.table(), c.rowKey(), c.column(), c.published(), c.returned(), c.kind(), files(c), lines(c),
                columns(c), c.where().sheet(), c.where().cell(), c.where().rowLabel(), c.where().heading()};
    }

    /** A change as the HTML page shows it: where the reviewer saw it, the two values, its kind and where to change it. */
    record Shown(String sheet, String cell, String row, String heading, String published, String returned, String kind,
                 List<String> sources) {
    }

    /**
     * The page's form: figures with thousands separators, and the sources one line per file, its lines as ranges and
     * the fields read there ("input/2022-23/cost_by_object.csv: lines 2-10 (cost_adjustment)"), so that a total of a
     * hundred rows, or a figure computed from eight fields of one record, reads at a glance; the CSV lists each source.
     */
    private static Shown shown(Review.Change c) {
        Map<String, Map<String, List<Long>>> byFile = new java.util.LinkedHashMap<>();
        for (CellSources.InputCell s : c.sources()) {
            byFile.computeIfAbsent(s.file(), k -> new java.util.LinkedHashMap<>())
                    .computeIfAbsent(s.column(), k -> new java.util.ArrayList<>()).add(s.line());
        }
        List<String> sources = new java.util.ArrayList<>();
        byFile.forEach((file, fields) -> {
            Map<String, List<String>> fieldsByLines = new java.util.LinkedHashMap<>();
            fields.forEach((field, lines) -> fieldsByLines.computeIfAbsent(ranges(lines), k -> new java.util.ArrayList<>()).add(field));
            sources.add(file + ": " + fieldsByLines.entrySet().stream().map(e -> (e.getKey().matches("\\d+") ? "line " : "lines ")
                    + e.getKey() + " (" + String.join(", ", e.getValue()) + ")").collect(Collectors.joining("; ")));
        });
        return new Shown(c.where().sheet(), c.where().cell(), c.where().rowLabel(), c.where().heading(), grouped(c.published()),
                grouped(c.returned()), c.kind(), sources);
    }

    /** A number as the reader reads it (774,238,406; 4.6 as is), grouped as the en edition groups; any other text as it is. */
    static String grouped(String value) {
        java.math.BigDecimal n = CellSources.number(value);
        if (n == null) {
            return value;
        }
        String plain = n.abs().toPlainString();
        int dot = plain.indexOf('.');
        try {
            long whole = Long.parseLong(dot < 0 ? plain : plain.substring(0, dot));
            return (n.signum() < 0 ? "-" : "") + NumberText.grouped(whole, Language.EN) + (dot < 0 ? "" : plain.substring(dot));
        } catch (NumberFormatException e) { // beyond a long: as typed
            return value;
        }
    }

    /** Line numbers as ranges, in their order: 2, 3, 4, 5, 9 -> "2-5, 9". */
    static String ranges(List<Long> lines) {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); ) {
            int j = i;
            while (j + 1 < lines.size() && lines.get(j + 1) == lines.get(j) + 1) {
                j++;
            }
            out.add(j == i ? String.valueOf(lines.get(i)) : lines.get(i) + "-" + lines.get(j));
            i = j + 1;
        }
        return String.join(", ", out);
    }

    private static String files(Review.Change c) {
        return join(c.sources().stream().map(CellSources.InputCell::file).toList());
    }

    private static String lines(Review.Change c) {
        return join(c.sources().stream().map(s -> String.valueOf(s.line())).toList());
    }

    private static String columns(Review.Change c) {
        return join(c.sources().stream().map(CellSources.InputCell::column).toList());
    }

    private static String join(List<String> parts) {
        return String.join("; ", parts);
    }
}
