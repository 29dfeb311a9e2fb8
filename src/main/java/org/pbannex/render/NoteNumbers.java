package org.pbannex.render;

import java.util.List;
import java.util.Map;
import org.pbannex.table.NoteMarker;
import org.pbannex.table.Text;

/**
 * The number of each note under a table, one numbering for every edition of a run, so that "note 9" is the same note
 * wherever a reader meets it: the workbook's Notes sheet lists the notes by it ("[note 9]"), a reviewer's workbook of
 * some of the tables keeps it (its Notes sheet skips the others' notes), and the HTML and PDF editions name a note's
 * marker by it ("† note 9"). The workbook's writer numbers the notes (XlsxWorkbookWriter.noteNumbers).
 */
public final class NoteNumbers {

    /** One marked part of a footnote under a table ({@link NoteMarker#parts(Text)}): its marker, its text without it, its number. */
    public record Numbered(String marker, Text text, int number) {
    }

    /** No note numbered: no marker is named by a number. */
    public static final NoteNumbers NONE = new NoteNumbers(Map.of());

    private final Map<String, List<Numbered>> byTable;
    private final NoteOrigin origin;

    /** @param byTable each table's marked notes, by its id, in the order of its footnotes */
    public NoteNumbers(Map<String, List<Numbered>> byTable) {
        this(byTable, NoteOrigin.NONE);
    }

    /** @param origin which notes are the print's, and how every edition tags the others as pb-annex's */
    public NoteNumbers(Map<String, List<Numbered>> byTable, NoteOrigin origin) {
        this.byTable = Map.copyOf(byTable);
        this.origin = origin;
    }

    /** A footnote under a table as every edition shows it: pb-annex's own tagged so ({@link NoteOrigin}). */
    public Text shown(Text footnote) {
        return origin.shown(footnote);
    }

    /**
     * The numbers of a footnote's marked parts under its table, in their order ({@link NoteMarker#parts(Text)}: "* ...
     * ** ..." two notes), each 0 where the numbering does not know it: what the note's paragraph shows beside it.
     */
    public List<Integer> ofFootnote(String tableId, Text footnote) {
        List<Numbered> notes = byTable.getOrDefault(tableId, List.of());
        return NoteMarker.parts(footnote).stream().map(p -> notes.stream()
                .filter(n -> n.marker().equals(p.marker()) && n.text().equals(p.text()))
                .mapToInt(Numbered::number).findFirst().orElse(0)).toList();
    }

    /** The number of the table's first note with this marker ("†", "¹" or "1", the same marker); 0 when it has none. */
    public int of(String tableId, String marker) {
        return of(tableId, marker, Text.EMPTY);
    }

    /**
     * As {@link #of(String, String)}, for a marker that points to one footnote among several with that marker
     * ({@code pointsTo}: the footnote as listed, marker first: a cell's "† Printed as ...", a column's "* ..."); the
     * first with the marker when {@code pointsTo} is empty or is none of them.
     */
    public int of(String tableId, String marker, Text pointsTo) {
        String normalised = NoteMarker.normalise(marker);
        List<Numbered> notes = byTable.getOrDefault(tableId, List.of()).stream()
                .filter(n -> !n.marker().isEmpty() && n.marker().equals(normalised)).toList();
        if (notes.isEmpty()) {
            return 0;
        }
        List<NoteMarker.Note> pointed = pointsTo.isEmpty() ? List.of() : NoteMarker.parts(pointsTo);
        if (pointed.size() == 1 && pointed.get(0).marker().equals(normalised)) {
            Text text = pointed.get(0).text();
            return notes.stream().filter(n -> n.text().equals(text)).mapToInt(Numbered::number).findFirst()
                    .orElse(notes.get(0).number());
        }
        return notes.get(0).number();
    }
}
