package org.pbannex.publication;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.pbannex.ingest.InputError;
import org.pbannex.ingest.InputSet;
import org.pbannex.ingest.Record;
import org.pbannex.ingest.Said;

/** The date a biennium's publication bears, from its {@code publication.csv}: data, never the clock. */
public final class PublicationDate {

    private PublicationDate() {
    }

    /** The one publication date of the input; InputError (file, line, column) when it is not one valid date. */
    public static LocalDate of(InputSet in) {
        List<Record> rows = in.table("publication");
        if (rows.size() != 1) {
            throw new InputError(rows.get(1).file(), rows.get(1).line(), "publication_date", Said.of("one_date"));
        }
        Record row = rows.get(0);
        try {
            return LocalDate.parse(row.text("publication_date"));
        } catch (DateTimeParseException e) {
            throw new InputError(row.file(), row.line(), "publication_date", Said.of("not_a_date", "value", row.text("publication_date")));
        }
    }
}
