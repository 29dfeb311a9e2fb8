package org.pbannex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.opencsv.CSVReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The line numbers of an input CSV file's rows, read with a CSV reader of its own (not the application's), for tests
 * that assert which lines a message names.
 */
public final class CsvLines {

    private CsvLines() {
    }

    /** The file's rows, the header first; none of the files read so spans lines with a value (row i is line i + 1). */
    public static List<String[]> rows(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVReader csv = new CSVReader(r)) {
            List<String[]> rows = csv.readAll();
            assertEquals(Files.readAllLines(file, StandardCharsets.UTF_8).size(), rows.size(), file + ": one row a line");
            return rows;
        } catch (com.opencsv.exceptions.CsvException e) {
            throw new IOException(e);
        }
    }

    /** The index of a column of the file's header. */
    public static int column(Path file, String name) throws IOException {
        return List.of(rows(file).get(0)).indexOf(name);
    }

    /** The line numbers of the rows (below the header) that match, as ranges: "2-5, 9". */
    public static String of(Path file, Predicate<String[]> match) throws IOException {
        List<String[]> rows = rows(file);
        TreeSet<Long> numbers = new TreeSet<>();
        for (int i = 1; i < rows.size(); i++) {
            if (match.test(rows.get(i))) {
                numbers.add(i + 1L);
            }
        }
        assertFalse(numbers.isEmpty(), "no line of " + file + " matches");
        List<String> ranges = new ArrayList<>();
        long start = numbers.first();
        long previous = start;
        for (long n : numbers.tailSet(start, false)) {
            if (n != previous + 1) {
                ranges.add(start == previous ? Long.toString(start) : start + "-" + previous);
                start = n;
            }
            previous = n;
        }
        ranges.add(start == previous ? Long.toString(start) : start + "-" + previous);
        return String.join(", ", ranges);
    }
}
