package org.pbannex.ingest;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes an input file the way the bundled ones are written: UTF-8 without byte-order mark, LF line ends, a value
 * quoted only when it holds a comma, a quote or a line break. A file read by {@link CsvResourceReader} and written
 * back with the cells as read is byte-identical.
 */
public final class CsvResourceWriter {

    private CsvResourceWriter() {
    }

    public static String text(List<String> header, List<List<String>> rows) {
        StringWriter out = new StringWriter();
        try (CSVWriter csv = new CSVWriter(out, ICSVWriter.DEFAULT_SEPARATOR, ICSVWriter.DEFAULT_QUOTE_CHARACTER,
                ICSVWriter.DEFAULT_ESCAPE_CHARACTER, "\n")) {
            csv.writeNext(header.toArray(String[]::new), false);
            for (List<String> row : rows) {
                csv.writeNext(row.toArray(String[]::new), false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
