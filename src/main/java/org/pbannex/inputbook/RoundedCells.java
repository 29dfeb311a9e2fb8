package org.pbannex.inputbook;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.pbannex.ingest.InputError;

/**
 * The number cells of a workbook whose format shows fewer decimals than they hold: 3.45 typed in a cell formatted 0.0,
 * which Excel shows as 3.5. A column's refusal of the value for its decimals then says that the cell shows it rounded,
 * since the user sees 3.5 and would not find the 3.45 refused (the refusal itself is the column's rule, as for a CSV file).
 */
final class RoundedCells {

    /** What the cell shows, and its format. */
    private record Shown(String text, String format) {
    }

    private final Map<String, Shown> cells = new HashMap<>();
    private final DataFormatter formatter = new DataFormatter(Locale.US);

    /** Notes a number cell read as {@code value} (its CSV text) when its format rounds it. */
    void read(String source, int row, String column, InputBookReader.Cell c, String value) {
        if (c.format().equalsIgnoreCase(InputBookReader.GENERAL) || new BigDecimal(value).scale() <= c.decimals()) {
            return;
        }
        int id = BuiltinFormats.getBuiltinFormat(c.format());
        String shown = formatter.formatRawCellContents(Double.parseDouble(value), id < 0 ? 164 : id, c.format());
        cells.put(key(source, row, column), new Shown(shown, c.format()));
    }

    /** The error as it is, or, when it refuses the decimals of a cell its format rounds, saying so after it. */
    InputError explained(InputError e) {
        org.pbannex.ingest.Said said = e.reasonSaid();
        Shown shown = said == null || !(said.word().equals("reason.decimals") || said.word().equals("reason.decimals_one")) ? null
                : cells.get(key(e.file(), e.line(), e.column()));
        if (shown == null) {
            return e;
        }
        return new InputError(e.file(), e.line(), e.column(), org.pbannex.ingest.Said.of("shown_rounded", "decimals", said,
                "shown", shown.text(), "format", shown.format()));
    }

    private static String key(String source, long row, String column) {
        return source + '\u0000' + row + '\u0000' + column;
    }
}
