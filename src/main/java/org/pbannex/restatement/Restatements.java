package org.pbannex.restatement;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import org.pbannex.ingest.InputError;
import org.pbannex.ingest.Record;
import org.pbannex.table.Row;
import org.pbannex.table.Table;
import org.pbannex.table.Text;

/**
 * The previous biennium's figures as the current biennium states them, compared with what the previous biennium
 * publishes from its own data folder: annex 2 and Table 1 (previous budget per unit and line against the recosted
 * budget), Table 2 (previous regular budget per outcome) and the budget resolution (previous expenditure and income),
 * the pairs of columns being reference data ({@link #COLUMNS}). A difference is a restatement, reported, never an error.
 *
 * @param previous the previous biennium's code
 * @param compared false when nothing could be compared ({@code why} says why)
 * @param found    every row whose figures differ, or that only one of the two biennia has
 * @param inputs   the previous biennium's own input files the comparison read (its data folder), which the run's
 *                 manifest and input lists name beside the run's own
 * @param why      why nothing was compared; null when compared
 * @param failed   its failed checks, when {@code why} is {@link NotCompared#ITS_CHECKS}
 */
public record Restatements(String previous, boolean compared, List<Restatement> found,
                           List<org.pbannex.ingest.InputSet.InputFile> inputs, NotCompared why, int failed) {

    /** Why the previous biennium's figures were not compared, with the report's word that says so (report.WORD). */
    public enum NotCompared {
        /** The input has no data folder for the previous biennium. */
        NO_FOLDER("restatements_not_compared"),
        /** The previous biennium's own files cannot be read (its own run says where). */
        ITS_INPUT("restatements_not_compared_input"),
        /** The previous biennium's figures fail its checks, so they are not what it publishes. */
        ITS_CHECKS("restatements_not_compared_checks");

        private final String word;

        NotCompared(String word) {
            this.word = word;
        }

        /** The report's word ({previous}, and {count} for {@link #ITS_CHECKS}'s failed checks). */
        public String word() {
            return word;
        }
    }

    public static final String FILE = "restatements.csv";

    /** The input resource that pairs the columns compared (reference/restated_columns.csv). */
    public static final String COLUMNS = "restated_columns";

    /** Which column of this biennium's table states which column of the previous biennium's (a row of {@link #COLUMNS}). */
    public record Pair(String table, String stated, String published) {
    }

    /**
     * The pairs of {@link #COLUMNS}, in its order, each checked against this biennium's tables (the previous biennium's
     * are built by the same code, with the same columns): a table id or a column that is not one is refused on its line,
     * whether or not the previous biennium's folder is there to compare with.
     */
    public static List<Pair> pairs(List<Record> rows, Map<String, Table> tables, List<String> tableIds) {
        List<Pair> out = new ArrayList<>();
        for (Record r : rows) {
            String id = r.text("table");
            if (!tableIds.contains(id)) {
                throw new InputError(r.file(), r.line(), "table", org.pbannex.ingest.Said.of("no_table_of", "id", id, "ids",
                        String.join(", ", tableIds)));
            }
            Table t = tables.get(id);
            for (String field : List.of("stated", "published")) {
                String column = r.text(field);
                if (t != null && t.columns().stream().noneMatch(c -> c.key().equals(column))) {
                    throw new InputError(r.file(), r.line(), field, org.pbannex.ingest.Said.of("no_table_column_of", "table", id,
                            "column", column, "columns", String.join(", ",
                                    t.columns().stream().map(org.pbannex.table.Column::key).toList())));
                }
            }
            out.add(new Pair(id, r.text("stated"), r.text("published")));
        }
        return out;
    }

    public static Restatements notCompared(String previous) {
        return notCompared(previous, NotCompared.NO_FOLDER, 0);
    }

    public static Restatements notCompared(String previous, NotCompared why, int failed) {
        return new Restatements(previous, false, List.of(), List.of(), why, failed);
    }

    /** Why nothing was compared, in the English of a command's summary line ("" when compared). */
    public String notComparedWords() {
        return why == null ? "" : switch (why) {
            case ITS_INPUT -> "restatements of " + previous + " not compared: its input has an error (check --biennium "
                    + previous + " names it)";
            case ITS_CHECKS -> "restatements of " + previous + " not compared: its figures fail " + failed + " of its checks";
            case NO_FOLDER -> "";
        };
    }

    /** Compares every pair of columns, row by row (rows matched by key, in this biennium's order, then the dropped ones). */
    public static Restatements compare(String previous, List<Pair> pairs, Map<String, Table> current,
                                       Map<String, Table> published, List<org.pbannex.ingest.InputSet.InputFile> inputs) {
        List<Restatement> out = new ArrayList<>();
        for (Pair p : pairs) {
            Table mine = current.get(p.table());
            Table theirs = published.get(p.table());
            if (mine == null || theirs == null) {
                continue;
            }
            Map<String, Row> theirRows = new LinkedHashMap<>();
            theirs.rows().forEach(r -> theirRows.put(r.key(), r));
            for (Row r : mine.rows()) {
                Row other = theirRows.remove(r.key());
                add(out, p, r, r.figure(p.stated()), other == null ? null : other.figure(p.published()), mine, theirs);
            }
            for (Row other : theirRows.values()) {
                add(out, p, other, null, other.figure(p.published()), mine, theirs);
            }
        }
        return new Restatements(previous, true, out, List.copyOf(inputs), null, 0);
    }

    private static void add(List<Restatement> out, Pair p, Row row, BigDecimal stated, BigDecimal published, Table mine,
                            Table theirs) {
        if (stated == null && published == null || stated != null && published != null && stated.compareTo(published) == 0) {
            return;
        }
        out.add(new Restatement(p.table(), row.key(), row.label(), p.stated(), p.published(), plain(stated), plain(published),
                stated == null || published == null ? "" : stated.subtract(published).toPlainString(),
                heading(mine, p.stated()), heading(theirs, p.published())));
    }

    /**
     * A column's heading as its table prints it, under its group's ("2022-23 / Budget"): what a reader knows it by; with
     * its unit ("(CHF)") where another column of the table has the same heading (the draft budget's income in US$ and
     * in CHF), so that the two can be told apart.
     */
    private static Text heading(Table table, String key) {
        org.pbannex.table.Column c = table.column(key);
        Text heading = headingUnderGroup(c);
        boolean shared = table.columns().stream().anyMatch(o -> o != c && headingUnderGroup(o).equals(heading));
        return !shared || c.unit().isEmpty() ? heading : new Text(heading.zh() + "（" + c.unit().zh() + "）",
                heading.en() + " (" + c.unit().in(org.pbannex.table.Language.EN) + ")");
    }

    private static Text headingUnderGroup(org.pbannex.table.Column c) {
        Text group = c.group() == null ? Text.EMPTY : c.group();
        return group.isEmpty() ? c.heading() : new Text(group.zh() + " / " + c.heading().zh(), group.en() + " / " + c.heading().en());
    }


    private static String plain(BigDecimal b) {
        return b == null ? "" : b.toPlainString();
    }

    /** restatements.csv: one row per difference, with both labels; a header alone when there is none. */
    public void write(Path file) throws IOException {
        org.pbannex.runtime.WriteFailed.naming(file, () -> writeCsv(file));
    }

    private void writeCsv(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVWriter csv = new CSVWriter(w, ',', ICSVWriter.DEFAULT_QUOTE_CHARACTER, ICSVWriter.DEFAULT_ESCAPE_CHARACTER, "\n")) {
            csv.writeNext(new String[] {"table", "row_key", "label_zh", "label_en", "kind", "column", "stated", "previous_biennium",
                "published_column", "published", "difference"}, false);
            for (Restatement r : found) {
                csv.writeNext(new String[] {r.table(), r.row(), r.label().zh(), r.label().en(), r.kind(), r.column(), r.stated(),
                    previous, r.publishedColumn(), r.published(), r.difference()}, false);
            }
        }
    }
}
