package org.pbannex.render.xlsx;

import java.util.List;
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
        ListSheet list = new ListSheet(wb, words.notesSheet.in(lang), words.notesSheet.in(lang), WIDTHS, styles);
        list.line(words.notesIntro.in(lang));
        list.header(List.of(words.colNoteNumber.in(lang), words.colAppliesTo.in(lang), words.colPrintedMarker.in(lang),
                words.colNoteText.in(lang)));
        for (NoteList.Note n : notes.notes()) {
            list.textRow(styles.body, List.of(words.markers(List.of(n.number()), lang), n.appliesTo().in(lang),
                    n.marker().isEmpty() ? words.noMarker.in(lang) : n.marker(), n.text().in(lang)));
        }
        list.finish("Table_notes");
    }
}
