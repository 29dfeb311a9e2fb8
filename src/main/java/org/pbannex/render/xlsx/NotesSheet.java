package org.pbannex.render.xlsx;

import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.pbannex.table.Language;

/** All notes in one table: number, the table it applies to, and the text. Table sheets refer to these numbers. */
final class NotesSheet {

    static final int HEADER_ROW = 2;
    private static final List<Integer> WIDTHS = List.of(14, 28, 100);

    private NotesSheet() {
    }

    static void write(XSSFWorkbook wb, XlsxStyles styles, NoteList notes, Language lang) {
        XSSFSheet sheet = wb.createSheet(XlsxText.NOTES_TITLE.in(lang));
        XlsxCells.text(sheet.createRow(0), 0, XlsxText.NOTES_TITLE.in(lang), styles.title, styles);
        XlsxCells.text(sheet.createRow(1), 0, XlsxText.ONE_TABLE.in(lang), styles.body, styles);
        XlsxCells.header(sheet, HEADER_ROW, List.of(XlsxText.COL_NOTE_NUMBER.in(lang), XlsxText.COL_APPLIES_TO.in(lang),
                XlsxText.COL_NOTE_TEXT.in(lang)), WIDTHS, styles);
        int r = HEADER_ROW + 1;
        for (NoteList.Note n : notes.notes()) {
            Row row = sheet.createRow(r++);
            XlsxCells.number(row, 0, n.number(), styles.number(XlsxStyles.WHOLE_FORMAT, false));
            List<String> texts = List.of("", n.appliesTo().in(lang), n.text().in(lang));
            XlsxCells.text(row, 1, texts.get(1), styles.body, styles);
            XlsxCells.text(row, 2, texts.get(2), styles.body, styles);
            XlsxCells.fitHeight(row, texts, WIDTHS);
        }
        XlsxCells.excelTable(sheet, HEADER_ROW, r - 1, WIDTHS.size() - 1, "Notes_table");
        XlsxCells.finish(sheet, HEADER_ROW, false);
    }
}
