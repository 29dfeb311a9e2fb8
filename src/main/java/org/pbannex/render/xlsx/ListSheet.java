package org.pbannex.render.xlsx;

import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A sheet that lists things (the contents, the notes, the run's input files): its title and lines of text read across
 * its columns, then a header row and a row a thing, made an Excel table, and the print set-up. Written top down.
 */
final class ListSheet {

    private final XSSFSheet sheet;
    private final XlsxStyles styles;
    private final List<Integer> widths;
    private final int across;
    private int next;
    private int headerRow = -1;

    /** A new sheet of this name in the workbook, the title on its first line; its columns this wide (characters). */
    ListSheet(XSSFWorkbook wb, String name, String title, List<Integer> widths, XlsxStyles styles) {
        this.sheet = wb.createSheet(name);
        this.styles = styles;
        this.widths = List.copyOf(widths);
        this.across = widths.stream().mapToInt(Integer::intValue).sum();
        XlsxCells.line(sheet, next++, title, styles.title, styles, widths.get(0), across);
    }

    /** A line of body text under the title. */
    void line(String text) {
        XlsxCells.line(sheet, next++, text, styles.body, styles, widths.get(0), across);
    }

    /** The header row of the list; its columns take their widths. */
    void header(List<String> headings) {
        headerRow = next++;
        XlsxCells.header(sheet, headerRow, headings, widths, styles);
    }

    /** The next row of the list, its cells the caller's. */
    Row row() {
        return sheet.createRow(next++);
    }

    /** The next row of the list: the first text in its own style, the others in body text; as tall as its longest. */
    Row textRow(CellStyle first, List<String> texts) {
        Row row = row();
        int lines = 1;
        for (int c = 0; c < texts.size(); c++) {
            XlsxCells.text(row, c, texts.get(c), c == 0 ? first : styles.body, styles);
            lines = Math.max(lines, TextLayout.lines(texts.get(c), widths.get(c), false));
        }
        row.setHeightInPoints(styles.height(lines));
        return row;
    }

    XSSFSheet sheet() {
        return sheet;
    }

    /** The rows written so far. */
    int rows() {
        return next;
    }

    /** The columns' widths added up (characters). */
    int across() {
        return across;
    }

    /** The header and the rows under it made an Excel table of this name, then the print set-up. */
    void finish(String tableName) {
        finish(tableName, 0);
    }

    /** The same, scaled to this many pages tall at most (0: as many as the rows take). */
    void finish(String tableName, int pagesTall) {
        XlsxCells.excelTable(sheet, headerRow, next - 1, widths.size() - 1, tableName);
        XlsxCells.finish(sheet, headerRow, next - 1, widths.size() - 1, across, pagesTall);
    }

    /**
     * Nothing to list: the lines alone, still reading on across the columns the list would have (the print area of
     * column A alone cut them off at its edge).
     */
    void finishWithoutList() {
        for (int c = 0; c < widths.size(); c++) {
            XlsxCells.width(sheet, c, widths.get(c));
        }
        XlsxCells.finish(sheet, -1, next - 1, widths.size() - 1, across);
    }
}
