package org.pbannex.budget;

import java.util.List;
import org.pbannex.reference.Texts;
import org.pbannex.table.Column;
import org.pbannex.table.Row;
import org.pbannex.table.Table;
import org.pbannex.table.Text;

/**
 * A table with its document text from texts.csv, keyed by table id: {id}.number, {id}.title, {id}.unit,
 * {id}.label (heading of the label column) and the numbered footnotes {id}.footnote.N.
 */
final class DocumentText {

    private DocumentText() {
    }

    static Table table(Texts t, String id, List<Column> columns, List<Row> rows, List<Text> footnotes, boolean wide) {
        return new Table(id, t.get(id + ".number"), t.get(id + ".title"), t.get(id + ".unit"), t.get(id + ".label"),
                columns, rows, footnotes, Text.EMPTY, wide);
    }

    static Table table(Texts t, String id, List<Column> columns, List<Row> rows, boolean wide) {
        return table(t, id, columns, rows, t.numbered(id + ".footnote."), wide);
    }
}
