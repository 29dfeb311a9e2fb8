package org.pbannex.results;

import org.pbannex.ingest.InputError;
import org.pbannex.ingest.Said;
import org.pbannex.reference.TextKeys;
import org.pbannex.reference.Texts;
import org.pbannex.results.ResultsFramework.Kind;
import org.pbannex.table.Language;
import org.pbannex.table.NoteMarker;
import org.pbannex.table.Text;

/**
 * A footnote marker of the results framework points to the note under its table that starts with that marker
 * ({@code i2.footnote.<n>} in texts.csv): an indicator's (results_indicators.csv's {@code footnote}, printed after its
 * label: "1.4.2. ...¹") or a baseline entry's (results_baselines.csv's {@code footnote}, printed after the entry:
 * "待定。³"). A biennium made from another's files keeps the markers but not that biennium's own notes: the marker
 * would print pointing to nothing, so it is bad input, at the line that gives it.
 */
final class IndicatorNotes {

    private IndicatorNotes() {
    }

    static void check(String file, long line, String indicator, String marker, Kind kind, Texts t) {
        if (marker.isEmpty()) {
            return;
        }
        String prefix = TextKeys.footnotes(kind.tableId());
        String wanted = NoteMarker.normalise(marker);
        for (Text note : t.numbered(prefix)) {
            if (marks(note.zh(), wanted) && marks(note.in(Language.EN), wanted)) {
                return;
            }
        }
        String number = TextKeys.tableText(kind.tableId(), TextKeys.NUMBER);
        // The table as the texts number it, in both languages (the report's own words for a table the texts do not number).
        Object table = t.has(number) ? new Said.Written(t.get(number).zh(), t.get(number).in(Language.EN))
                : Said.of("table_id", "id", kind.tableId());
        throw new InputError(file, line, "footnote", Said.of("note_missing", "id", indicator, "marker", marker,
                "table", table, "key", nextKey(t, prefix)));
    }

    private static boolean marks(String note, String marker) {
        return NoteMarker.parts(note).stream().anyMatch(p -> p.marker().equals(marker));
    }

    /** The table's next numbered footnote: after the highest number its texts have ({@code i2.footnote.2} after .1). */
    private static String nextKey(Texts t, String prefix) {
        int highest = 0;
        for (String key : t.numberedKeys(prefix)) {
            String n = key.substring(prefix.length());
            if (n.matches("[0-9]{1,6}")) {
                highest = Math.max(highest, Integer.parseInt(n));
            }
        }
        return prefix + (highest + 1);
    }
}
