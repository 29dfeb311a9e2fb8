package org.pbannex.render.xlsx;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.pbannex.table.Chart;
import org.pbannex.table.Language;
import org.pbannex.table.Table;
import org.pbannex.table.Text;

/**
 * A table's charts, on a sheet of their own after the table's: title in A1, a line saying where the figures come
 * from, then the charts one under the other, each starting a printed page so none is split across two (and no
 * table header is repeated above them). Each chart reads its figures from the table's sheet.
 */
final class ChartSheet {

    /**
     * Column A, which holds the text and the charts: within a portrait A4 page, also where LibreOffice lays the sheet
     * out in a stand-in font with wider digits (DejaVu Sans for Microsoft YaHei), as it does not shrink one column.
     */
    private static final int WIDTH = 72;

    /** Two charts fit on a portrait A4 page under the sheet's title. */
    private static final int CHARTS_PER_PAGE = 2;

    private ChartSheet() {
    }

    /** The sheet's title: the table's, saying these are its charts. */
    static String title(Table t, Language lang, XlsxText words) {
        return (t.charts().size() == 1 ? words.chartTitleOne : words.chartTitle)
                .with("title", Text.of(TableSheet.title(t, lang, words))).in(lang);
    }

    static void write(XSSFWorkbook wb, XlsxStyles styles, TableLayout layout, TableSheet.Written table,
                      String name) {
        Table t = layout.table();
        Language lang = layout.lang();
        XlsxText words = layout.words();
        XSSFSheet sheet = wb.createSheet(name);
        XlsxCells.width(sheet, 0, WIDTH);
        String title = title(t, lang, words);
        XlsxCells.line(sheet, 0, title, styles.title, styles, WIDTH, WIDTH);
        int r = 1;
        if (!t.caveat().isEmpty()) {
            XlsxCells.line(sheet, r++, words.warningLine.with("caveat", t.caveat()).in(lang), styles.heading, styles, WIDTH, WIDTH);
        }
        XlsxCells.line(sheet, r++, (t.charts().size() == 1 ? words.chartIntroOne : words.chartIntro)
                .with("count", String.valueOf(t.charts().size())).with("sheet", table.sheet().getSheetName()).in(lang),
                styles.body, styles, WIDTH, WIDTH);
        XlsxChart.Pies pies = XlsxChart.pies(t.charts(), t.caveat(), lang);
        int chartRow = r + 1;
        int fromRow = 0;
        int categoriesWidth = 0;
        for (int i = 0; i < t.charts().size(); i++) {
            Chart chart = t.charts().get(i);
            if (i > 0 && i % CHARTS_PER_PAGE == 0) {
                // The page breaks after the row under the last chart, and this one starts a row below the break: a
                // chart's frame on the break itself is printed on both pages, a stray line at the foot of the first.
                sheet.setRowBreak(chartRow - 1);
                chartRow++;
            }
            ChartCells cells = ChartCells.find(chart, layout, table.headerRow(), fromRow, lang);
            XSSFSheet categorySheet = table.sheet();
            if (cells != null) {
                fromRow = cells.lastRow() + 1;
                if (!named(table.sheet(), cells.categories(), chart, lang) && chart.categories().size() < XlsxChart.HEIGHT_ROWS) {
                    cells = cells.withCategories(writeCategories(sheet, styles, words, chart, lang, chartRow));
                    categorySheet = sheet;
                    categoriesWidth = Math.max(categoriesWidth, chart.categories().stream()
                            .mapToInt(c -> TextLayout.width(c.in(lang), false)).max().orElse(0));
                }
            }
            XlsxChart.draw(sheet, table.sheet(), categorySheet, chart, cells, t.caveat(), lang, styles.font, chartRow, pies);
            chartRow += XlsxChart.HEIGHT_ROWS + 1;
        }
        // Every row the charts span has its height set, not left to the program's default row height for the
        // edition's font: the charts are anchored to rows, and two charts with their rows fill a page as worked out.
        for (int k = r; k < chartRow; k++) {
            org.apache.poi.xssf.usermodel.XSSFRow fixed = row(sheet, k);
            if (!fixed.getCTRow().getCustomHeight()) {
                fixed.setHeightInPoints(sheet.getDefaultRowHeightInPoints());
            }
        }
        if (categoriesWidth > 0) {
            XlsxCells.width(sheet, 1, Math.max(categoriesWidth + 2,
                    TextLayout.width(words.chartCategories.in(lang), true) + 2));
        }
        XlsxCells.finish(sheet, -1, chartRow - 1, 0, WIDTH);
    }

    /** Whether the cells hold the chart's category names as its PDF shows them (not "Sum of regional targets Africa"). */
    private static boolean named(XSSFSheet tableSheet, org.apache.poi.ss.util.CellRangeAddress range, Chart chart, Language lang) {
        int k = 0;
        for (var address : range) {
            var row = tableSheet.getRow(address.getRow());
            var cell = row == null ? null : row.getCell(address.getColumn());
            if (cell == null || cell.getCellType() != org.apache.poi.ss.usermodel.CellType.STRING
                    || !cell.getStringCellValue().strip().equals(chart.categories().get(k++).in(lang).strip())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The chart's category names in column B beside it, under a heading, for a chart whose categories are header cells
     * that say more (a region under its group: "Sum of regional targets Africa"): LibreOffice reads no category names
     * kept in the chart itself, so the chart reads these cells. The sheet prints column A, the charts, only.
     */
    private static org.apache.poi.ss.util.CellRangeAddress writeCategories(XSSFSheet sheet, XlsxStyles styles, XlsxText words,
                                                                           Chart chart, Language lang, int chartRow) {
        XlsxCells.text(row(sheet, chartRow - 1), 1, words.chartCategories.in(lang), styles.heading, styles);
        for (int k = 0; k < chart.categories().size(); k++) {
            XlsxCells.text(row(sheet, chartRow + k), 1, chart.categories().get(k).in(lang), styles.body, styles);
        }
        return new org.apache.poi.ss.util.CellRangeAddress(chartRow, chartRow + chart.categories().size() - 1, 1, 1);
    }

    private static org.apache.poi.xssf.usermodel.XSSFRow row(XSSFSheet sheet, int r) {
        return sheet.getRow(r) != null ? sheet.getRow(r) : sheet.createRow(r);
    }
}
