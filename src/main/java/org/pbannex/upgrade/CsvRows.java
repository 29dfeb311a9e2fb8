package org.pbannex.upgrade;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pbannex.ingest.CsvResourceWriter;

/**
 * A CSV file's header and rows as written, read without its schema: the upgrade reads files the schema of the day
 * refuses (a column missing is why they are upgraded). Parsed as the ingest parses (RFC 4180, a byte-order mark
 * skipped) and written back as the bundled files are written ({@link CsvResourceWriter}).
 */
record CsvRows(List<String> header, List<List<String>> rows) {

    static CsvRows read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            try (CSVReader csv = new CSVReaderBuilder(new StringReader(text)).withCSVParser(new RFC4180ParserBuilder().build())
                    .withKeepCarriageReturn(false).build()) {
                List<String[]> all = csv.readAll();
                List<List<String>> rows = new ArrayList<>();
                for (String[] row : all.subList(Math.min(1, all.size()), all.size())) {
                    if (!(row.length == 1 && row[0].isBlank())) { // the blank lines that may end a file
                        rows.add(new ArrayList<>(Arrays.asList(row)));
                    }
                }
                return new CsvRows(all.isEmpty() ? List.of() : List.of(all.get(0)), rows);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file + ": " + e.getMessage(), e);
        } catch (CsvException e) {
            throw new IllegalArgumentException(file + ", line " + e.getLineNumber() + ": " + e.getMessage(), e);
        }
    }

    /** The column's index, -1 when the file has none of that name. */
    int column(String name) {
        return header.indexOf(name);
    }

    /** A row's cell of a column, empty where the row is short or the file has no such column. */
    String cell(List<String> row, String column) {
        int i = column(column);
        return i >= 0 && i < row.size() ? row.get(i) : "";
    }

    /** A row's key: its first cell. */
    static String key(List<String> row) {
        return row.isEmpty() ? "" : row.get(0);
    }

    byte[] bytes() {
        return CsvResourceWriter.text(header, rows).getBytes(StandardCharsets.UTF_8);
    }
}
