package org.pbannex.ingest;

import java.util.List;

/**
 * A CSV resource as read and validated: its header in file order, every data row's cells as written (for tools that
 * must reproduce the file, such as the input workbook), and the typed records.
 */
public record CsvTable(List<String> header, List<Row> rows, List<Record> records) {

    /** The cells of one data row as written, and its line in the file. */
    public record Row(long line, List<String> cells) {
    }
}
