package org.pbannex.render.xlsx;

import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.pbannex.table.Language;

/**
 * All notes in one table: the note as the tables refer to it ([note 1]), the tables it applies to, the marker the
 * printed table uses for it (cells such as a baseline's "2021*" keep the printed marker), and the text.
 */
final class NotesSheet {

    private static final List<Integer> WIDTHS = List.of(13, 28, 14, 90);

    private NotesSheet() {
    }

    static void write(XSSFWorkbook wb, XlsxStyles styles, XlsxText words, NoteList notes, Language lang) {
        XSSFSheet sheet = wb.createSheet(words.notesSheet.in(lang));
        int across = WIDTHS.stream().mapToInt(Integer::intValue).sum();
        XlsxCells.line(sheet, 0, words.notesSheet.in(lang), styles.title, styles, WIDTHS.get(0), across);
        XlsxCells.line(sheet, 1, words.notesIntro.in(lang), styles.body, styles, WIDTHS.get(0), across);
        int headerRow = 2;
        XlsxCells.header(sheet, headerRow, List.of(words.colNoteNumber.in(lang), words.colAppliesTo.in(lang),
                words.colPrintedMarker.in(lang), words.colNoteText.in(lang)), WIDTHS, styles);
        int r = headerRow + 1;
        for (NoteList.Note n : notes.notes()) {
            Row row = sheet.createRow(r++);
            List<String> texts = List.of(words.markers(List.of(n.number()), lang), n.appliesTo().in(lang),
                    n.marker().isEmpty() ? words.noMarker.in(lang) : n.marker(), n.text().in(lang));
            int lines = 1;
            for (int c = 0; c < texts.size(); c++) {
                XlsxCells.text(row, c, texts.get(c), styles.body, styles);
                lines = Math.max(lines, TextLayout.lines(texts.get(c), WIDTHS.get(c), false));
            }
            row.setHeightInPoints(styles.height(lines));
        }
        XlsxCells.excelTable(sheet, headerRow, r - 1, WIDTHS.size() - 1, "Notes");
        XlsxCells.finish(sheet, headerRow, r - 1, WIDTHS.size() - 1, across);
    }
}
