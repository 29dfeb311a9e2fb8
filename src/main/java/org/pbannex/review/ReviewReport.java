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
import org.pbannex.render.markup.Templates;

/**
 * {@code review-<file>.csv} and {@code .html} beside the returned workbook: one row per change. A change with several
 * sources (a derived cell) lists them in the three source columns, separated by "; " in the same order.
 */
final class ReviewReport {

    static final String[] HEADER = {"table", "row_key", "column", "published", "returned", "kind", "source_file", "source_line",
            "source_column"};

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
                "rows", result.changes().stream().map(ReviewReport::row).toList(),
                "counts", result.changes().stream().collect(Collectors.groupingBy(Review.Change::kind, java.util.TreeMap::new,
                        Collectors.counting())),
                "applied", applied), Locale.ENGLISH);
        Files.writeString(dir.resolve("review-" + base + ".html"), html);
        return csv;
    }

    static String[] row(Review.Change c) {
        return new String[] {c.table(), c.rowKey(), c.column(), c.published(), c.returned(), c.kind(),
                join(c.sources().stream().map(CellSources.InputCell::file).toList()),
                join(c.sources().stream().map(s -> String.valueOf(s.line())).toList()),
                join(c.sources().stream().map(CellSources.InputCell::column).toList())};
    }

    private static String join(List<String> parts) {
        return String.join("; ", parts);
    }
}
