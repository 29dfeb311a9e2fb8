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
        // Wide enough for the longest sheet name, so none is cut.
        int nameWidth = Math.max(14, entries.stream().mapToInt(e -> TextLayout.width(e.sheet(), false)).max().orElse(0) + 1);
        // A title or description is not wrapped inside a range of years ("2022-" / "2023"; see TableLayout's headings).
        int titleWidth = TextLayout.keepingRanges(entries.stream().map(Entry::title).toList(), TITLE_WIDTH, 0, false);
        int descriptionWidth = TextLayout.keepingRanges(entries.stream().map(Entry::description).toList(),
                DESCRIPTION_WIDTH, 0, false);
        ListSheet list = new ListSheet(wb, words.contentsSheet.in(lang), words.contentsSheet.in(lang),
                List.of(nameWidth, titleWidth, descriptionWidth), styles);
        list.line(words.contentsIntro.in(lang));
        list.header(List.of(words.colSheet.in(lang), words.colTitle.in(lang), words.colDescription.in(lang)));
        for (Entry e : entries) {
            Row row = list.textRow(styles.linked, List.of(e.sheet(), e.title(), e.description()));
            XlsxCells.linkToSheet(row.getCell(0), e.sheet());
        }
        list.finish("Table_contents", onOnePage(list.sheet(), list.rows(), list.across()) ? 1 : 0);
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
