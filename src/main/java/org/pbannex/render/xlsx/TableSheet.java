package org.pbannex.render.xlsx;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.pbannex.table.Column;
import org.pbannex.table.Language;
import org.pbannex.table.RowType;
import org.pbannex.table.Table;
import org.pbannex.table.Text;
import org.pbannex.table.ValueKind;

/**
 * One sheet per table: title, unit, a sentence saying the sheet holds one table, source and note references, then
 * the table itself from row 5 as an Excel table, one header row and one row per table row, no merged cells.
 */
final class TableSheet {

    static final int HEADER_ROW = 4;
    private static final int MIN_LABEL_WIDTH = 40;
    private static final int MAX_LABEL_WIDTH = 60;
    private static final int NUMBER_WIDTH = 16;
    private static final int COUNT_WIDTH = 11;
    private static final int MAX_TEXT_WIDTH = 40;

    /** Which number a sheet column shows: the value itself, or the years or months of a YEARS_MONTHS value. */
    private enum Part { VALUE, YEARS, MONTHS }

    /** One sheet column after the label column. YEARS_MONTHS columns take two, like the tidy CSV. */
    private record Slot(Column column, Part part) {

        boolean isText() {
            return column.kind() == ValueKind.TEXT;
        }

        String format() {
            return switch (column.kind()) {
                case AMOUNT, COUNT -> XlsxStyles.AMOUNT_FORMAT;
                case AMOUNT_OR_DASH -> XlsxStyles.AMOUNT_OR_DASH_FORMAT;
                case PERCENT, MILLIONS -> XlsxStyles.ONE_DECIMAL_FORMAT;
                case YEARS_MONTHS -> XlsxStyles.WHOLE_FORMAT;
                case TEXT -> throw new IllegalStateException("text column has no number format");
            };
        }
    }

    private TableSheet() {
    }

    static void write(XSSFWorkbook wb, XlsxStyles styles, Table t, Language lang, List<Integer> noteNumbers) {
        XSSFSheet sheet = wb.createSheet(SheetName.of(t, lang));
        List<Slot> slots = slots(t);

        XlsxCells.text(sheet.createRow(0), 0, title(t, lang), styles.title, styles);
        XlsxCells.text(sheet.createRow(1), 0, t.unitNote().in(lang), styles.body, styles);
        XlsxCells.text(sheet.createRow(2), 0, (t.charts().isEmpty() ? XlsxText.ONE_TABLE : XlsxText.TABLE_AND_CHART).in(lang),
                styles.body, styles);
        String pointers = pointers(t, lang, noteNumbers);
        if (!pointers.isEmpty()) {
            XlsxCells.text(sheet.createRow(3), 0, pointers, styles.body, styles);
        }

        List<Integer> widths = widths(t, slots, lang);
        XlsxCells.header(sheet, HEADER_ROW, headings(t, slots, lang), widths, styles);
        int r = HEADER_ROW + 1;
        for (org.pbannex.table.Row row : t.rows()) {
            writeRow(sheet.createRow(r++), row, label(t, row, lang, noteNumbers), slots, widths, styles, lang);
        }
        XlsxCells.excelTable(sheet, HEADER_ROW, r - 1, slots.size(), "Table_" + t.id());
        long printed = slots.stream().filter(slot -> slot.column().inPdf()).count();
        if (printed < slots.size()) {
            // Print what the PDF prints; the data-only columns beside it are for filtering and sums on screen.
            wb.setPrintArea(wb.getSheetIndex(sheet), 0, (int) printed, 0, r - 1);
        }
        int chartRow = r + 1;
        for (org.pbannex.table.Chart chart : t.charts()) {
            chartRow = XlsxChart.draw(sheet, styles, chart, lang, chartRow);
        }
        XlsxCells.finish(sheet, HEADER_ROW, t.wide());
    }

    /** The printed columns first, then the data-only ones (codes, counts), which stay outside the print area. */
    private static List<Slot> slots(Table t) {
        List<Slot> slots = new ArrayList<>();
        List<Column> columns = new ArrayList<>(t.sheetColumns());
        columns.sort(java.util.Comparator.comparing(c -> !c.inPdf()));
        for (Column c : columns) {
            if (c.kind() == ValueKind.YEARS_MONTHS) {
                slots.add(new Slot(c, Part.YEARS));
                slots.add(new Slot(c, Part.MONTHS));
            } else {
                slots.add(new Slot(c, Part.VALUE));
            }
        }
        return slots;
    }

    private static String title(Table t, Language lang) {
        Text title = t.number().isEmpty() ? t.title()
                : XlsxText.NUMBERED_TITLE.with("number", t.number()).with("title", t.title());
        return title.in(lang);
    }

    // Row 4: where the figures come from and which notes belong to this table.
    private static String pointers(Table t, Language lang, List<Integer> noteNumbers) {
        List<String> parts = new ArrayList<>();
        if (t.source() != null && !t.source().isEmpty()) {
            parts.add(XlsxText.SOURCE_LINE.with("source", t.source()).in(lang));
        }
        if (!noteNumbers.isEmpty()) {
            String numbers = noteNumbers.stream().map(String::valueOf).collect(Collectors.joining(", "));
            parts.add(XlsxText.NOTES_LINE.with("notes", numbers).in(lang));
        }
        return String.join(" ", parts);
    }

    private static List<String> headings(Table t, List<Slot> slots, Language lang) {
        List<String> h = new ArrayList<>();
        h.add(t.labelHeading().isEmpty() ? XlsxText.DEFAULT_LABEL_HEADING.in(lang) : t.labelHeading().in(lang));
        for (Slot s : slots) {
            Column c = s.column();
            String name = (c.group().in(lang) + " " + c.heading().in(lang)).trim();
            // The unit in brackets, unless the heading already states it ("% change", "recosted, US$").
            String unit = name.contains(c.unit().in(lang)) ? "" : c.unit().in(lang);
            if (s.part() != Part.VALUE) {
                Text part = s.part() == Part.YEARS ? XlsxText.YEARS : XlsxText.MONTHS;
                unit = unit.isEmpty() ? part.in(lang) : unit + ", " + part.in(lang);
            }
            h.add(unit.isEmpty() ? name : name + " (" + unit + ")");
        }
        return h;
    }

    // Label column: as wide as the longest label within 40-60 characters; text columns up to 40; numbers 16.
    private static List<Integer> widths(Table t, List<Slot> slots, Language lang) {
        List<Integer> w = new ArrayList<>();
        int label = t.rows().stream().mapToInt(r -> XlsxCells.displayWidth(r.label().in(lang)) + 2 * r.level())
                .max().orElse(0) + 2;
        w.add(clamp(label, MIN_LABEL_WIDTH, MAX_LABEL_WIDTH));
        for (Slot s : slots) {
            if (s.isText()) {
                int text = t.rows().stream().mapToInt(r -> XlsxCells.displayWidth(text(r.value(s.column().key()), lang)))
                        .max().orElse(0) + 2;
                w.add(clamp(text, NUMBER_WIDTH, MAX_TEXT_WIDTH));
            } else {
                w.add(s.column().kind() == ValueKind.COUNT ? COUNT_WIDTH : NUMBER_WIDTH);
            }
        }
        return w;
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }

    /**
     * The row label, with "[note N]" for a note on one of its cells (the Analysis Function's way to mark a figure: the
     * cell stays a number), N being the note's number on the Notes sheet.
     */
    private static String label(Table t, org.pbannex.table.Row row, Language lang, List<Integer> noteNumbers) {
        StringBuilder label = new StringBuilder(row.label().in(lang));
        List<Text> notes = t.footnotes().stream().filter(f -> !f.isEmpty()).toList();
        for (org.pbannex.table.CellNote n : t.cellNotes()) {
            int i = notes.indexOf(n.footnote());
            if (n.row().equals(row.key()) && i >= 0 && i < noteNumbers.size()) {
                label.append(' ').append(XlsxText.CELL_NOTE.with("n", noteNumbers.get(i).toString()).in(lang));
            }
        }
        return label.toString();
    }

    private static void writeRow(Row out, org.pbannex.table.Row row, String label, List<Slot> slots, List<Integer> widths,
                                 XlsxStyles styles, Language lang) {
        boolean bold = row.type() == RowType.HEADING || row.type().isTotal();
        XlsxCells.text(out, 0, label, styles.label(row.level(), bold), styles);
        // Wrapped cells decide the row height; indentation eats into the label column.
        List<String> texts = new ArrayList<>(List.of(label));
        List<Integer> textWidths = new ArrayList<>(List.of(widths.get(0) - 2 * row.level()));
        for (int i = 0; i < slots.size(); i++) {
            Slot s = slots.get(i);
            Object v = row.value(s.column().key());
            if (v == null) {
                continue;
            }
            if (s.isText()) {
                String text = text(v, lang);
                XlsxCells.text(out, i + 1, text, styles.label(0, bold), styles);
                texts.add(text);
                textWidths.add(widths.get(i + 1));
            } else {
                XlsxCells.number(out, i + 1, number(v, s), styles.number(s.format(), bold));
            }
        }
        XlsxCells.fitHeight(out, texts, textWidths);
    }

    private static String text(Object v, Language lang) {
        if (v == null) {
            return "";
        }
        return v instanceof Text t ? t.in(lang) : v.toString();
    }

    private static double number(Object v, Slot s) {
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("column " + s.column().key() + " (" + s.column().kind()
                    + ") holds a " + v.getClass().getSimpleName() + ", expected a number");
        }
        return switch (s.part()) {
            case VALUE -> n instanceof BigDecimal d ? d.doubleValue() : n.doubleValue();
            case YEARS -> n.longValue() / 12;
            case MONTHS -> n.longValue() % 12;
        };
    }
}
