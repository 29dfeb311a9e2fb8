package org.pbannex.render.xlsx;

import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.pbannex.table.Language;
import org.pbannex.table.Table;

/** The table of contents: one row per table, its sheet name a link to that sheet. */
final class ContentsSheet {

    static final int HEADER_ROW = 2;
    private static final List<Integer> WIDTHS = List.of(14, 28, 90);

    private ContentsSheet() {
    }

    static void write(XSSFWorkbook wb, XlsxStyles styles, List<Table> tables, Language lang) {
        XSSFSheet sheet = wb.createSheet(XlsxText.CONTENTS_TITLE.in(lang));
        XlsxCells.text(sheet.createRow(0), 0, XlsxText.CONTENTS_TITLE.in(lang), styles.title, styles);
        XlsxCells.text(sheet.createRow(1), 0, XlsxText.ONE_TABLE.in(lang), styles.body, styles);
        XlsxCells.header(sheet, HEADER_ROW, List.of(XlsxText.COL_SHEET.in(lang), XlsxText.COL_TABLE_NUMBER.in(lang),
                XlsxText.COL_TITLE.in(lang)), WIDTHS, styles);
        int r = HEADER_ROW + 1;
        for (Table t : tables) {
            Row row = sheet.createRow(r++);
            String sheetName = SheetName.of(t, lang);
            XlsxCells.linkToSheet(XlsxCells.text(row, 0, sheetName, styles.linked, styles), sheetName);
            List<String> texts = List.of(sheetName, t.number().in(lang), t.title().in(lang));
            XlsxCells.text(row, 1, texts.get(1), styles.body, styles);
            XlsxCells.text(row, 2, texts.get(2), styles.body, styles);
            XlsxCells.fitHeight(row, texts, WIDTHS);
        }
        XlsxCells.excelTable(sheet, HEADER_ROW, r - 1, WIDTHS.size() - 1, "Contents_table");
        XlsxCells.finish(sheet, HEADER_ROW, false);
    }
}
