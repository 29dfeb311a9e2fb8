package org.pbannex.publication;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pbannex.ingest.InputSet;
import org.pbannex.reference.PrintedDocument;
import org.pbannex.reference.Texts;
import org.pbannex.restatement.Restatement;
import org.pbannex.restatement.Restatements;
import org.pbannex.table.Table;

/**
 * What a table's finishing step ({@link TableCatalogue.Entry#finish}) may read once every table is built, checked,
 * marked with its documented differences from the print and, for the publication itself, compared with the previous
 * biennium: Table 2's note on figures that do not add up as rounded, and on its restated previous budget.
 *
 * @param restatements the comparison with the previous biennium; null where the run makes none (the previous biennium
 *                     computed only to be compared with)
 */
public record Finishing(InputSet in, Texts texts, Optional<PrintedDocument> document, Map<String, Table> tables,
                        Restatements restatements) {

    /** Whether this is the publication itself, compared with the previous biennium (not a biennium computed to compare with). */
    public boolean restating() {
        return restatements != null;
    }

    /**
     * What the restatements found of one column of a table, for the note that says so; null when the note must not say:
     * not compared (no folder, no pair of columns for it), or worded by the biennium's own texts.csv ({@code noteKey}).
     */
    public List<Restatement> restated(String table, String column, String noteKey) {
        boolean own = in.ownRows(Publication.TEXTS).stream().anyMatch(r -> r.text("key").equals(noteKey));
        boolean paired = Restatements.pairs(in.table(Restatements.COLUMNS), tables, TableCatalogue.ids()).stream()
                .anyMatch(p -> p.table().equals(table) && p.stated().equals(column));
        if (own || !paired || restatements == null || !restatements.compared()) {
            return null;
        }
        return restatements.found().stream().filter(r -> r.table().equals(table) && r.column().equals(column)).toList();
    }
}
