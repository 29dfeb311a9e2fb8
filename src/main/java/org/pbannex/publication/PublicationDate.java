package org.pbannex.publication;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.pbannex.ingest.InputError;
import org.pbannex.ingest.InputSet;
import org.pbannex.ingest.Record;

/** The date a biennium's publication bears, from its {@code publication.csv}: data, never the clock. */
public final class PublicationDate {

    private PublicationDate() {
    }

    /** The one publication date of the input; InputError (file, line, column) when it is not one valid date. */
    public static LocalDate of(InputSet in) {
        List<Record> rows = in.table("publication");
        if (rows.size() != 1) {
            throw new InputError(rows.get(1).file(), rows.get(1).line(), "publication_date",
                    "one publication date per biennium: remove this row");
        }
        Record row = rows.get(0);
        try {
            return LocalDate.parse(row.text("publication_date"));
        } catch (DateTimeParseException e) {
            throw new InputError(row.file(), row.line(), "publication_date",
                    "not a date: '" + row.text("publication_date") + "' (write it as YYYY-MM-DD)");
        }
    }
}
