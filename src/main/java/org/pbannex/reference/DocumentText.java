package org.pbannex.reference;

import java.util.List;
import org.pbannex.table.Column;
import org.pbannex.table.Row;
import org.pbannex.table.Table;
import org.pbannex.table.Text;

/**
 * A table with its document text from texts.csv, keyed by table id: {id}.number, {id}.title, {id}.unit,
 * {id}.label (heading of the label column), {id}.short (a few words for the sheet name) and the numbered
 * footnotes {id}.footnote.N; number, unit and short may be absent.
 */
public final class DocumentText {

    private DocumentText() {
    }

    public static Table table(Texts t, String id, List<Column> columns, List<Row> rows, List<Text> footnotes, boolean wide) {
        return new Table(id, optional(t, id, TextKeys.NUMBER), t.get(id + ".title"), optional(t, id, TextKeys.UNIT_NOTE),
                t.get(id + ".label"), columns, rows, footnotes, Text.EMPTY, wide, null, List.of(), optional(t, id, TextKeys.SHORT))
                .withWorkbookUnit(optional(t, id, TextKeys.WORKBOOK_UNIT));
    }

    // A table without a printed number or unit note simply has no such text.
    private static Text optional(Texts t, String id, String name) {
        String key = TextKeys.tableText(id, name);
        return t.has(key) ? t.get(key) : Text.EMPTY;
    }

    public static Table table(Texts t, String id, List<Column> columns, List<Row> rows, boolean wide) {
        return table(t, id, columns, rows, t.numbered(TextKeys.footnotes(id)), wide);
    }
}
