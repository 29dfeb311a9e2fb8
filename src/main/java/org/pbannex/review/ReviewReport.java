package org.pbannex.review;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.pbannex.render.NumberText;
import org.pbannex.render.markup.Templates;
import org.pbannex.reference.Texts;
import org.pbannex.table.Language;
import org.pbannex.table.Text;

/**
 * {@code review-<file>.csv} and {@code .html} beside the returned workbook: one row per change. A change with several
 * sources (a derived cell) lists them in the three source columns, separated by "; " in the same order. The CSV has the
 * run's ids (table, row key, column: those of the tidy CSVs) and, after the sources, where the reviewer saw the change
 * (sheet, cell, row label, heading); the HTML page, for the reviewer and the budget officer, shows the latter only, and
 * the sources by file and field with their lines as ranges, in the language asked for (by default the workbook's edition).
 */
final class ReviewReport {

    static final String[] HEADER = {"table", "row_key", "column", "published", "returned", "kind", "source_file", "source_line",
            "source_column", "sheet", "cell", "row_label", "heading", "applied", "note"};

    private ReviewReport() {
    }

    /** The review page's words (texts.csv, keys review.*), looked up once so that a missing one fails before writing. */
    private static final List<String> WORDS = List.of("explain.input", "explain.derived", "explain.formula",
            "explain.others", "kind.input", "kind.derived", "kind.formula", "kind.no_input", "explain.no_input", "applied", "caption", "col.sheet", "col.cell",
            "col.row", "col.column", "col.published", "col.returned", "col.kind", "col.sources", "no_changes");

    /**
     * Writes both files into {@code dir}, the page in the given language; returns the CSV's path.
     *
     * @param applied what --apply did with each change, in the changes' order; null without --apply
     */
    static Path write(Review.Result result, Path returned, Path dir, List<ReviewApply.Applied> applied, Language page)
            throws IOException {
        Map<Review.Change, Text> status = new java.util.IdentityHashMap<>();
        if (applied != null) {
            applied.forEach(a -> status.put(a.change(), a.said()));
        }
        String base = returned.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        Path csv = dir.resolve("review-" + base + ".csv");
        Texts t = result.texts();
        Map<String, String> w = new LinkedHashMap<>();
        WORDS.forEach(k -> w.put(k, t.get("review." + k).in(page)));
        // Which input the changes were traced in: the run's own copy (input.zip), or today's for a run that kept none.
        w.put("input_changed", t.get(result.inRunInput() ? "review.input_changed.run_copy" : "review.input_changed").in(page));
        String file = returned.getFileName().toString();
        w.put("title", t.get("review.title").with("file", file).in(page));
        w.put("summary", t.get("review.summary").with("run", result.runId())
                .with("edition", t.get("review.edition." + result.language()).in(page))
                .with("folder", result.runFolder().toString())
                .with("cells", String.valueOf(result.cellsCompared()))
                .with("changes", changeCount(t, result.changes().size()).in(page)).in(page));
        Map<String, Long> byKind = new java.util.TreeMap<>();
        result.changes().forEach(c -> byKind.merge(c.kind(), 1L, Long::sum));
        List<String> counts = byKind.entrySet().stream().map(e -> t.get("review.count").with("kind", kindName(t, e.getKey(), page))
                .with("count", String.valueOf(e.getValue())).in(page)).toList();
        try (Writer wr = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
             CSVWriter out = new CSVWriter(wr, ICSVWriter.DEFAULT_SEPARATOR, ICSVWriter.DEFAULT_QUOTE_CHARACTER,
                     ICSVWriter.DEFAULT_ESCAPE_CHARACTER, "\n")) {
            out.writeNext(HEADER, false);
            for (Review.Change c : result.changes()) {
                out.writeNext(row(c, status.getOrDefault(c, Text.EMPTY).in(Language.EN), t), false); // in English, as every command's
            }
        }
        String html = Templates.render("review", Map.of(
                "lang", page.tag(),
                "w", w,
                "result", result,
                "rows", result.changes().stream().map(c -> shown(c, t, page, status.getOrDefault(c, Text.EMPTY).in(page))).toList(),
                "counts", counts,
                "changedFiles", result.changedFiles(),
                "applied", applied == null ? List.of()
                        : ReviewCommandSupport.summary(applied, t).stream().map(l -> l.in(page)).toList()), page.locale());
        Files.writeString(dir.resolve("review-" + base + ".html"), html);
        return csv;
    }

    /** "1 change", "5 changes" (texts review.changes.one and .many). */
    static Text changeCount(Texts t, int n) {
        return n == 1 ? t.get("review.changes.one") : t.get("review.changes.many").with("count", String.valueOf(n));
    }

    /** A change's kind as the page names it (texts review.kind.*); the CSV keeps the id. */
    private static String kindName(Texts t, String kind, Language page) {
        return t.get("review.kind." + kind).in(page);
    }

    static String[] row(Review.Change c, String applied, Texts t) {
        return new String[] {c.table(), c.rowKey(), c.column(), c.published(), c.returned(), c.kind(), files(c), lines(c),
                columns(c), c.where().sheet(), c.where().cell(), c.where().rowLabel(), c.where().heading(), applied,
                c.noteIn(t).in(Language.EN)};
    }

    /** A change as the HTML page shows it: where the reviewer saw it, the two values, its kind and where to change it. */
    record Shown(String sheet, String cell, String row, String heading, String published, String returned, String kind,
                 String kindName, List<String> sources, String applied, boolean publishedFigure, boolean returnedFigure,
                 String note) {
    }

    /**
     * The page's form: figures with thousands separators, and the sources one line per file, its lines as ranges and
     * the fields read there ("input/2022-23/cost_by_object.csv: lines 2-10 (cost_adjustment)"), so that a total of a
     * hundred rows, or a figure computed from eight fields of one record, reads at a glance; the CSV lists each source.
     */
    private static Shown shown(Review.Change c, Texts t, Language page, String applied) {
        List<String> sources = new java.util.ArrayList<>(sourceLines(c.sources(), t).stream().map(s -> s.in(page)).toList());
        if (sources.isEmpty() && c.kind().equals("derived")) { // say so, rather than leave the reader an empty cell
            sources.add(t.get("review.source.untraced").in(page));
        }
        return new Shown(c.where().sheet(), c.where().cell(), c.where().rowLabel(), c.where().heading(),
                grouped(c.published(), page), grouped(c.returned(), page), c.kind(), kindName(t, c.kind(), page), sources, applied,
                CellSources.number(c.published()) != null, CellSources.number(c.returned()) != null, c.noteIn(t).in(page));
    }

    /**
     * Sources one line per file, in both languages: "input/2022-23/budget.csv: lines 2-48 (cost_change)", a total's
     * lines as one range; a file of expenditure lines by which of its lines; a record gone since the run by its key.
     */
    static List<Text> sourceLines(List<CellSources.InputCell> cells, Texts t) {
        Map<String, Map<String, List<Long>>> byFile = new java.util.LinkedHashMap<>();
        List<Text> sources = new java.util.ArrayList<>();
        for (CellSources.InputCell s : cells) {
            if (!s.selection().isEmpty()) { // expenditure lines: the file and which of its lines, not their numbers
                sources.add(around(s.file() + ": ", t.get("review.source.selection").with("selection", s.selection()), " (" + s.column() + ")"));
                continue;
            }
            if (!s.gone().isEmpty()) { // a record the run read, no longer in today's file
                sources.add(around(s.file() + ": ", t.get("review.source.gone").with("key", s.gone()), " (" + s.column() + ")"));
                continue;
            }
            byFile.computeIfAbsent(s.file(), k -> new java.util.LinkedHashMap<>())
                    .computeIfAbsent(s.column(), k -> new java.util.ArrayList<>()).add(s.line());
        }
        byFile.forEach((file, fields) -> {
            Map<String, List<String>> fieldsByLines = new java.util.LinkedHashMap<>();
            // Lines in file order, so that a total's rows read as one range (2-48), whatever order the rows were summed in.
            fields.forEach((field, lines) -> fieldsByLines.computeIfAbsent(org.pbannex.ingest.LineRanges.of(lines),
                    k -> new java.util.ArrayList<>()).add(field));
            Text line = Text.of(file + ": ");
            boolean first = true;
            for (var e : fieldsByLines.entrySet()) {
                Text part = around(first ? "" : "; ", t.get(e.getKey().matches("\\d+") ? "review.source.line" : "review.source.lines")
                        .with("lines", e.getKey()), " (" + String.join(", ", e.getValue()) + ")");
                line = new Text(line.zh() + part.zh(), line.en() + part.en());
                first = false;
            }
            sources.add(line);
        });
        return sources;
    }

    private static Text around(String before, Text text, String after) {
        return new Text(before + text.zh() + after, before + text.in(Language.EN) + after);
    }

    /**
     * A number as the reader reads it (774,238,406 in English, 774 238 406 in Chinese; 4.6 as is), grouped as that
     * edition groups; any other text as it is.
     */
    static String grouped(String value, Language page) {
        java.math.BigDecimal n = CellSources.number(value);
        if (n == null) {
            return value;
        }
        String plain = n.abs().toPlainString();
        int dot = plain.indexOf('.');
        try {
            long whole = Long.parseLong(dot < 0 ? plain : plain.substring(0, dot));
            return (n.signum() < 0 ? "-" : "") + NumberText.grouped(whole, page) + (dot < 0 ? "" : plain.substring(dot));
        } catch (NumberFormatException e) { // beyond a long: as typed
            return value;
        }
    }

    private static String files(Review.Change c) {
        return join(c.sources().stream().map(CellSources.InputCell::file).toList());
    }

    private static String lines(Review.Change c) {
        // A record no longer in today's file has no line: its key is said in the applied column and on the page.
        return join(c.sources().stream().map(s -> !s.selection().isEmpty() ? s.selection() : s.gone().isEmpty()
                ? String.valueOf(s.line()) : "").toList());
    }

    private static String columns(Review.Change c) {
        return join(c.sources().stream().map(CellSources.InputCell::column).toList());
    }

    private static String join(List<String> parts) {
        return String.join("; ", parts);
    }
}
