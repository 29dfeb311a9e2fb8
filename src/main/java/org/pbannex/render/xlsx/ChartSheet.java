package org.pbannex.render.xlsx;

import java.util.List;
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

    static void write(XSSFWorkbook wb, XlsxStyles styles, TableLayout layout, NoteList notes, TableSheet.Written table,
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
        for (int i = 0; i < t.charts().size(); i++) {
            Chart chart = t.charts().get(i);
            ChartCells cells = ChartCells.find(chart, layout, table.headerRow(), fromRow, lang);
            if (cells != null) {
                fromRow = cells.lastRow() + 1;
            }
            if (i > 0 && i % CHARTS_PER_PAGE == 0) {
                sheet.setRowBreak(chartRow - 1);
            }
            // Series named as the table's columns are: a printed marker becomes its note.
            List<String> seriesNames = chart.series().stream()
                    .map(s -> notes.withNoteMarker(s.name().in(lang), t.id(), lang)).toList();
            XlsxChart.draw(sheet, table.sheet(), chart, seriesNames, cells, t.caveat(), lang, styles.font, chartRow, pies);
            chartRow += XlsxChart.HEIGHT_ROWS + 1;
        }
        XlsxCells.finish(sheet, -1, chartRow - 1, 0, WIDTH);
    }
}
