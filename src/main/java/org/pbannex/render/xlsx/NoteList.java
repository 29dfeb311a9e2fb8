package org.pbannex.render.xlsx;

import java.util.ArrayList;
import java.util.List;
import org.pbannex.render.PublicationInfo;
import org.pbannex.table.Table;
import org.pbannex.table.Text;

/**
 * Every note of the workbook, numbered once so the Notes sheet and the table sheets that point to it agree:
 * first the notes for all tables (what a blank cell means, then the publication's general notes), then each
 * table's footnotes in table order.
 */
record NoteList(List<Note> notes) {

    /** @param tableId the table the note belongs to, or null when it applies to all tables */
    record Note(int number, String tableId, Text appliesTo, Text text) {
    }

    static NoteList of(List<Table> tables, PublicationInfo info) {
        List<Note> notes = new ArrayList<>();
        notes.add(new Note(1, null, XlsxText.ALL_TABLES, XlsxText.BLANK_CELL));
        for (Text n : info.notes() == null ? List.<Text>of() : info.notes()) {
            if (n != null && !n.isEmpty()) {
                notes.add(new Note(notes.size() + 1, null, XlsxText.ALL_TABLES, n));
            }
        }
        for (Table t : tables) {
            Text appliesTo = !t.number().isEmpty() ? t.number() : t.shortName().isEmpty() ? Text.of(t.id()) : t.shortName();
            for (Text f : t.footnotes()) {
                if (!f.isEmpty()) {
                    notes.add(new Note(notes.size() + 1, t.id(), appliesTo, f));
                }
            }
        }
        return new NoteList(List.copyOf(notes));
    }

    /** The numbers of the notes that belong to one table (not those for all tables). */
    List<Integer> numbersFor(String tableId) {
        return notes.stream().filter(n -> tableId.equals(n.tableId())).map(Note::number).toList();
    }
}
