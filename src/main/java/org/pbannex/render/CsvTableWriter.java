package org.pbannex.render;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pbannex.table.Column;
import org.pbannex.table.Language;
import org.pbannex.table.Row;
import org.pbannex.table.Table;
import org.pbannex.table.Text;
import org.pbannex.table.TidyRows;
import org.pbannex.table.ValueKind;

/**
 * Tidy CSV, one file per table (DESIGN.md contract): UTF-8, one header row,
 * {@code row_key,row_type,label_zh,label_en,} then the value columns; amounts as plain integers, percentages
 * and millions with one decimal; years/months split into {@code <key>_years,<key>_months}; text values in the
 * given language. A table with its own tidy form ({@link TidyRows}, e.g. a cross-tabulation published long) is
 * written in that form.
 */
public final class CsvTableWriter {

    /** The row's role (unit, subtotal ...): how the row is styled, never a figure or word the tables print. */
    public static final String ROW_TYPE = "row_type";

    /** The columns every CSV begins with, before its values. */
    public static final List<String> KEY_COLUMNS = List.of("row_key", ROW_TYPE, "label_zh", "label_en");

    private CsvTableWriter() {
    }

    /** The UTF-8 byte-order mark, written first on request: Excel on Windows then opens the file as UTF-8. */
    static final char BYTE_ORDER_MARK = '\uFEFF';

    public static void write(Table table, Language language, Path file) throws IOException {
        write(table, language, file, false);
    }

    /**
     * @param byteOrderMark true: start the file with the UTF-8 byte-order mark, so that Excel on Windows, opening it by
     *                      double-click, reads the Chinese text as UTF-8 rather than the system code page; the rest of
     *                      the file is the same bytes as without
     */
    public static void write(Table table, Language language, Path file, boolean byteOrderMark) throws IOException {
        Files.createDirectories(file.getParent());
        org.pbannex.runtime.WriteFailed.naming(file, () -> writeTo(table, language, file, byteOrderMark));
    }

    private static void writeTo(Table table, Language language, Path file, boolean byteOrderMark) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             ICSVWriter csv = new CSVWriter(w, ',', '"', '"', "\n")) {
            if (byteOrderMark) {
                w.write(BYTE_ORDER_MARK);
            }
            if (table.tidy() != null) {
                writeTidy(table.tidy(), language, csv);
                return;
            }
            csv.writeNext(header(table).toArray(String[]::new), false);
            for (Row r : table.rows()) {
                csv.writeNext(cells(table, r, language).toArray(String[]::new), false);
            }
        }
    }

    private static void writeTidy(TidyRows tidy, Language language, ICSVWriter csv) {
        csv.writeNext(tidyHeader(tidy).toArray(String[]::new), false);
        for (TidyRows.Line line : tidy.lines()) {
            List<String> out = new ArrayList<>(List.of(line.key(), line.type().code(), line.label().zh(), line.label().en()));
            for (String c : tidy.columns()) {
                out.add(line.value(c, language));
            }
            csv.writeNext(out.toArray(String[]::new), false);
        }
    }

    private static List<String> tidyHeader(TidyRows tidy) {
        List<String> h = new ArrayList<>(KEY_COLUMNS);
        h.addAll(tidy.columns());
        return h;
    }

    /** The CSV's header: the key columns, then the value columns (a table's own tidy form has its own). */
    public static List<String> header(Table t) {
        if (t.tidy() != null) {
            return tidyHeader(t.tidy());
        }
        List<String> h = new ArrayList<>(KEY_COLUMNS);
        for (Column c : t.columns()) {
            if (!OutputColumns.isData(c)) {
                continue;
            }
            if (c.kind() == ValueKind.YEARS_MONTHS) {
                h.add(c.key() + "_years");
                h.add(c.key() + "_months");
            } else {
                h.add(c.key());
            }
        }
        return h;
    }

    static List<String> cells(Table t, Row r, Language language) {
        List<String> out = new ArrayList<>(List.of(r.key(), r.type().code(), r.label().zh(), r.label().en()));
        for (Column c : t.columns()) {
            if (!OutputColumns.isData(c)) {
                continue;
            }
            Object v = r.value(c.key());
            if (c.kind() == ValueKind.YEARS_MONTHS) {
                out.add(v == null ? "" : Long.toString(((Number) v).longValue() / 12));
                out.add(v == null ? "" : Long.toString(((Number) v).longValue() % 12));
            } else if (v == null) {
                out.add("");
            } else if (v instanceof BigDecimal d) {
                out.add(d.toPlainString());
            } else if (v instanceof Text text) {
                out.add(text.in(language));
            } else {
                out.add(v.toString());
            }
        }
        return out;
    }
}
