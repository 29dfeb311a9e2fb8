package org.pbannex.render.xlsx;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.pbannex.render.PublicationInfo;
import org.pbannex.table.Language;
import org.pbannex.table.RowType;
import org.pbannex.table.Table;
import org.pbannex.table.Text;
import org.pbannex.render.xlsx.XlsxWorkbookWriter.Above;

/**
 * One sheet per table, as the guidance lays it out: the title in A1, then one line each for the caveat, what the
 * sheet holds, the source, the units, the group column and the notes, then the table itself as an Excel table (one
 * header row, one row per table row, no merged cells), and nothing below it. Charts are on a sheet of their own.
 */
final class TableSheet {


    /** The indentation of text in a column other than the row labels' (Excel's steps of about two characters). */
    static final int TEXT_INDENT = 1;

    private TableSheet() {
    }

    /** The written sheet and the row of its header, which charts refer to. */
    record Written(XSSFSheet sheet, int headerRow) {
    }

    static Written write(XSSFWorkbook wb, XlsxStyles styles, TableLayout layout, NoteList notes, PublicationInfo info,
                         String chartSheet) {
        Table t = layout.table();
        Language lang = layout.lang();
        XlsxText words = layout.words();
        XSSFSheet sheet = wb.createSheet(SheetName.of(t, lang));
        List<Integer> widths = layout.widths();
        String title = notes.withNoteMarker(title(t, lang, words), t.id(), lang);
        List<Line> introduction = introduction(t, layout, notes, info, chartSheet);
        // The title and the text above the table may read on across empty columns beyond it, up to the width of the
        // printed page (a title longer than the table had wrapped in column A, three lines of large type). A title
        // longer than the page is set smaller where that keeps it on one line (the en Figure 2's, 96 characters).
        int table = layout.totalWidth();
        int page = table <= XlsxCells.PORTRAIT_CHARS ? XlsxCells.PORTRAIT_CHARS : Math.max(table, XlsxCells.LANDSCAPE_CHARS);
        CellStyle titleStyle = XlsxCells.width(title, styles.title, styles) > page
                && XlsxCells.width(title, styles.longTitle, styles) <= page ? styles.longTitle : styles.title;
        double longest = Math.max(XlsxCells.width(title, titleStyle, styles), introduction.stream()
                .mapToDouble(l -> XlsxCells.width(l.text(), l.warning() ? styles.heading : styles.body, styles))
                .max().orElse(0));
        int across = Math.max(table, Math.min((int) Math.ceil(longest), page));
        int runOn = runOnWidth(widths, XlsxCells.pagesWide(across), across);
        int r = 0;
        XlsxCells.line(sheet, r++, title, titleStyle, styles, widths.get(0), runOn);
        for (Line line : introduction) {
            XlsxCells.line(sheet, r++, line.text(), line.warning() ? styles.heading : styles.body, styles, widths.get(0), runOn);
        }
        int headerRow = r;
        List<String> headings = new ArrayList<>();
        for (TableLayout.SheetColumn c : layout.columns()) {
            headings.add(notes.withNoteMarker(TableLayout.heading(t, c, lang, words), t.id(),
                    c.column() == null ? Text.EMPTY : c.column().note(), lang));
        }
        XlsxCells.header(sheet, headerRow, headings, widths, styles);
        for (int i = 0; i < t.rows().size(); i++) {
            writeRow(sheet.createRow(headerRow + 1 + i), t.rows().get(i), layout.cells().get(i), layout, notes, styles);
        }
        int lastRow = headerRow + t.rows().size();
        int lastColumn = layout.columns().size() - 1;
        XlsxCells.excelTable(sheet, headerRow, lastRow, lastColumn, "Table_" + t.id());
        int printedColumns = lastColumn + (int) Math.ceil((across - table) / XlsxCells.DEFAULT_COLUMN_CHARS);
        XlsxCells.finish(sheet, headerRow, lastRow, printedColumns, across);
        Set<Integer> headingRows = new HashSet<>();
        for (int i = 0; i < t.rows().size(); i++) {
            if (t.rows().get(i).type() == RowType.HEADING) {
                headingRows.add(headerRow + 1 + i);
            }
        }
        PageBreaks.keepHeadingsWithTheirRows(sheet, headerRow, lastRow, headingRows);
        return new Written(sheet, headerRow);
    }

    /**
     * How far text above the table may read on: on a sheet printed on several pages across, column A is repeated on
     * each page and printed apart from the columns beside it, which cut off any text reading on from it (LibreOffice, on
     * the first page too): there a longer line wraps in column A instead.
     */
    static int runOnWidth(List<Integer> widths, int pages, int across) {
        return pages == 1 ? across : widths.get(0);
    }

    /** The title as printed: number and title ("Table 1: Strategic budget ..."), or the title alone. */
    static String title(Table t, Language lang, XlsxText words) {
        Text title = t.number().isEmpty() ? t.title()
                : words.numberedTitle.with("number", t.number()).with("title", t.title());
        return title.in(lang);
    }

    /** A line between the title and the table; a warning (the caveat) is bold. */
    private record Line(String text, boolean warning) {
    }

    /**
     * What each line of a table sheet above its heading row is, from A1 down: the title, then the introduction's lines
     * ({@link #introduction} writes them in this order), so that a returned sheet's text is known by where it stands.
     * {@code notes}: whether the sheet points to notes (the last line).
     */
    static List<Above> parts(Table t, boolean groupColumn, boolean notes) {
        List<Above> parts = new ArrayList<>(List.of(Above.TITLE));
        if (!t.caveat().isEmpty()) {
            parts.add(Above.WARNING);
        }
        parts.addAll(List.of(Above.HOLDS, Above.SOURCE));
        if (!t.sheetUnit().isEmpty()) { // the print's unit note, else the workbook's own (a table the print gives none)
            parts.add(Above.UNITS);
        }
        if (groupColumn) {
            parts.add(Above.GROUP);
        }
        if (notes) {
            parts.add(Above.NOTES);
        }
        return parts;
    }

    private static List<Line> introduction(Table t, TableLayout layout, NoteList notes, PublicationInfo info,
                                             String chartSheet) {
        Language lang = layout.lang();
        XlsxText words = layout.words();
        List<Integer> numbers = notes.numbersFor(layout);
        List<Line> lines = new ArrayList<>();
        for (Above part : parts(t, layout.hasGroupColumn(), !numbers.isEmpty())) {
            switch (part) {
                case TITLE -> { } // written before these lines, in its own style
                case WARNING -> lines.add(new Line(words.warningLine.with("caveat", t.caveat()).in(lang), true));
                case HOLDS -> {
                    String holds = words.oneTable.in(lang);
                    if (chartSheet != null) {
                        Text where = t.charts().size() == 1 ? words.chartElsewhere : words.chartsElsewhere;
                        holds += (lang == Language.ZH ? "" : " ") + where.with("sheet", chartSheet).in(lang);
                    }
                    lines.add(new Line(holds, false));
                }
                case SOURCE -> lines.add(new Line(words.sourceLine.with("source", source(t, info, words)).in(lang), false));
                case UNITS -> lines.add(new Line(words.unitsLine.with("unit", t.sheetUnit()).in(lang), false));
                case GROUP -> lines.add(new Line(words.groupLine.in(lang), false));
                case NOTES -> lines.add(new Line(words.notesLine.with("notes", words.markers(numbers, lang)).in(lang), false));
            }
        }
        return lines;
    }

    /**
     * The table's own source, else the publication's with the table's printed number; of a table the printed document
     * does not hold, pb-annex's computing from the publication's figures.
     */
    static Text source(Table t, PublicationInfo info, XlsxText words) {
        if (t.source() != null && !t.source().isEmpty()) {
            return t.source();
        }
        Text publication = info.source() == null ? Text.EMPTY : info.source();
        if (!t.inPrint()) {
            return words.sourceDerived.with("source", publication);
        }
        return t.number().isEmpty() ? publication : words.sourceIn.with("source", publication).with("table", t.number());
    }

    /**
     * A note on one of the row's cells (a figure that differs from the print) is marked after the row label, as
     * "[note N]": the cell itself stays a number.
     */
    private static String withCellNotes(String label, org.pbannex.table.Row row, TableLayout layout, NoteList notes) {
        StringBuilder out = new StringBuilder(label);
        for (org.pbannex.table.CellNote n : layout.table().cellNotes()) {
            String marker = n.row().equals(row.key()) ? notes.noteFor(layout.table().id(), n.marker(), n.footnote(), layout.lang()) : null;
            if (marker != null && out.indexOf(marker) < 0) {
                out.append(' ').append(marker);
            }
        }
        return out.toString();
    }

    /** The note on this cell (a figure that differs from the print), or null. */
    private static org.pbannex.table.CellNote cellNote(TableLayout layout, org.pbannex.table.Row row, TableLayout.SheetColumn column) {
        return column.column() == null ? null : layout.table().cellNotes().stream()
                .filter(n -> n.row().equals(row.key()) && n.column().equals(column.column().key())).findFirst().orElse(null);
    }

    /**
     * The number format showing the note's marker after the figure ("#,##0.0" gives #,##0.0" †"), in each of its
     * sections: the cell stays a number, and a figure copied or filtered out of its row still shows it is marked
     * (tester 79b, F10: only the row label was marked).
     */
    static String marked(String format, String marker) {
        String quoted = "\" " + marker.replace("\"", "") + "\"";
        return String.join(";", java.util.Arrays.stream(format.split(";", -1)).map(part -> part + quoted).toList());
    }

    /** A cell comment (Excel's note) holding the cell's note, "[note N] † Printed as …", which shows on the cell. */
    private static void comment(Cell cell, String text) {
        org.apache.poi.ss.usermodel.Sheet sheet = cell.getSheet();
        org.apache.poi.ss.usermodel.CreationHelper factory = sheet.getWorkbook().getCreationHelper();
        org.apache.poi.ss.usermodel.ClientAnchor anchor = factory.createClientAnchor();
        anchor.setCol1(cell.getColumnIndex() + 1);
        anchor.setCol2(cell.getColumnIndex() + 5);
        anchor.setRow1(cell.getRowIndex());
        anchor.setRow2(cell.getRowIndex() + 6);
        org.apache.poi.ss.usermodel.Comment comment = sheet.createDrawingPatriarch().createCellComment(anchor);
        comment.setString(factory.createRichTextString(text));
        comment.setAuthor("pb-annex");
        cell.setCellComment(comment);
    }

    /** Headings and totals are set in bold. */
    static boolean bold(org.pbannex.table.Row row) {
        return row.type() == RowType.HEADING || row.type().isTotal();
    }

    private static void writeRow(Row out, org.pbannex.table.Row row, List<TableLayout.Content> cells, TableLayout layout,
                                 NoteList notes, XlsxStyles styles) {
        boolean bold = bold(row);
        int lines = 1;
        for (int c = 0; c < cells.size(); c++) {
            TableLayout.Content cell = cells.get(c);
            TableLayout.SheetColumn column = layout.columns().get(c);
            switch (cell.kind()) {
                case TEXT -> {
                    boolean label = column.role() == TableLayout.Role.LABEL;
                    // A footnote marker ending the text (a label's "...10.7.1)。¹", a baseline's "待定。³") is the note
                    // it points to, "[note N]", in the cell it annotates.
                    String marked = notes.withNoteMarker(cell.text(), layout.table().id(), layout.lang());
                    String text = label ? withCellNotes(marked, row, layout, notes) : marked;
                    // A text column other than the label's is indented one step, so that its text does not run on
                    // from the figure before it (the draft budget's "790,923,220成员国缴纳的会费").
                    int indent = label ? row.level() : TEXT_INDENT;
                    XlsxCells.text(out, c, text, styles.label(indent, bold), styles);
                    // Indentation eats into the column.
                    int width = layout.widths().get(c) - 2 * indent;
                    lines = Math.max(lines, TextLayout.lines(text, width, bold));
                }
                case NUMBER -> {
                    org.pbannex.table.CellNote note = cellNote(layout, row, column);
                    Cell written = XlsxCells.number(out, c, cell.number(),
                            styles.number(note == null ? cell.format() : marked(cell.format(), note.marker()), bold));
                    if (note != null) {
                        comment(written, notes.noteFor(layout.table().id(), note.marker(), layout.lang()) + " "
                                + notes.numbers().shown(note.footnote()).in(layout.lang()));
                    }
                }
                case NOT_PRINTED -> XlsxCells.text(out, c, cell.text(), column.isText() ? styles.label(TEXT_INDENT, bold) : styles.symbol(bold),
                        styles);
                case EMPTY -> {
                    // A heading row: its label only.
                }
            }
        }
        if (lines > 1) {
            out.setHeightInPoints(styles.height(lines));
        }
    }
}
