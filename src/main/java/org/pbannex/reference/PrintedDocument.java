package org.pbannex.reference;

import java.util.Optional;
import org.pbannex.ingest.InputError;
import org.pbannex.ingest.InputSet;
import org.pbannex.ingest.Record;
import org.pbannex.ingest.Said;
import org.pbannex.table.Text;

/**
 * The printed document a biennium's tables reproduce (its symbol and title, from the biennium's publication.csv), if
 * there is one. Only then do the report, cover and notes compare the figures with a print; a biennium without one
 * says its figures are compared with none.
 */
public record PrintedDocument(String symbol, Text title) {

    public static Optional<PrintedDocument> of(InputSet in) {
        Record r = in.table("publication").get(0);
        String symbol = r.text("document_symbol");
        Text title = new Text(r.text("document_title_zh"), r.text("document_title_en"));
        if (symbol.isEmpty()) {
            if (!title.zh().isEmpty() || !title.en().isEmpty()) {
                throw new InputError(r.file(), r.line(), "document_symbol", Said.of("title_without_symbol"));
            }
            return Optional.empty();
        }
        if (title.zh().isEmpty()) {
            throw new InputError(r.file(), r.line(), "document_title_zh", Said.of("needs_title", "symbol", symbol));
        }
        return Optional.of(new PrintedDocument(symbol, title));
    }

    /** A text with {document} and {symbol} filled in. */
    public Text fill(Text t) {
        return t.with("document", title).with("symbol", symbol);
    }
}
