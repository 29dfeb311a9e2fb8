package org.pbannex.render.xlsx;

import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.pbannex.table.Language;

/**
 * The table of contents: one row per other sheet of the workbook (cover, notes, every table and chart sheet, run),
 * its name a link to it, its title and a description of what it holds.
 */
final class ContentsSheet {

    /** One row of the contents: a sheet, its title and what it holds. */
    record Entry(String sheet, String title, String description) {
    }

    private static final int TITLE_WIDTH = 60;
    private static final int DESCRIPTION_WIDTH = 60;

    private ContentsSheet() {
    }

    static void write(XSSFWorkbook wb, XlsxStyles styles, XlsxText words, List<Entry> entries, Language lang) {
        XSSFSheet sheet = wb.createSheet(words.contentsSheet.in(lang));
        // Wide enough for the longest sheet name, so none is cut.
        int nameWidth = Math.max(14, entries.stream().mapToInt(e -> TextLayout.width(e.sheet(), false)).max().orElse(0) + 1);
        List<Integer> widths = List.of(nameWidth, TITLE_WIDTH, DESCRIPTION_WIDTH);
        int across = nameWidth + TITLE_WIDTH + DESCRIPTION_WIDTH;
        XlsxCells.line(sheet, 0, words.contentsSheet.in(lang), styles.title, styles, nameWidth, across);
        XlsxCells.line(sheet, 1, words.contentsIntro.in(lang), styles.body, styles, nameWidth, across);
        int headerRow = 2;
        XlsxCells.header(sheet, headerRow, List.of(words.colSheet.in(lang), words.colTitle.in(lang),
                words.colDescription.in(lang)), widths, styles);
        int r = headerRow + 1;
        for (Entry e : entries) {
            Row row = sheet.createRow(r++);
            XlsxCells.linkToSheet(XlsxCells.text(row, 0, e.sheet(), styles.linked, styles), e.sheet());
            XlsxCells.text(row, 1, e.title(), styles.body, styles);
            XlsxCells.text(row, 2, e.description(), styles.body, styles);
            int lines = Math.max(TextLayout.lines(e.sheet(), nameWidth, false),
                    Math.max(TextLayout.lines(e.title(), TITLE_WIDTH, false), TextLayout.lines(e.description(), DESCRIPTION_WIDTH, false)));
            row.setHeightInPoints(styles.height(lines));
        }
        XlsxCells.excelTable(sheet, headerRow, r - 1, 2, "Contents");
        XlsxCells.finish(sheet, headerRow, r - 1, 2, across, onOnePage(sheet, r, across) ? 1 : 0);
    }

    /**
     * Whether the contents are printed scaled to one page: when their rows, as this program measures them at full size,
     * take at most half a page more than a page (they print scaled to the page's width anyway, and a spreadsheet
     * program's rows of wrapped text do not come out as measured: the contents' last row went alone onto a second
     * page). A longer list keeps its size and goes on over the pages it needs.
     */
    static boolean onOnePage(XSSFSheet sheet, int rows, int across) {
        float points = 0;
        for (int i = 0; i < rows; i++) {
            Row row = sheet.getRow(i);
            points += row == null ? sheet.getDefaultRowHeightInPoints() : row.getHeightInPoints();
        }
        return points <= 1.5f * XlsxCells.pagePoints(across);
    }
}
