package org.pbannex.review;

import static org.pbannex.review.CellValues.cell;
import static org.pbannex.review.CellValues.text;
import static org.pbannex.review.CellValues.texts;
import static org.pbannex.review.CellValues.width;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.pbannex.inputbook.InputBookReader;
import org.pbannex.inputbook.InputBookReader.Sheet;

/**
 * A table's sheet as the reviewer returned it, laid against the published one: the heading row (the returned row holding
 * most of the published headings: rows may have been inserted above it), the table's rows below it, the returned
 * headings, and where each published column now is ({@code columnOf[published]}, -1: deleted).
 *
 * <p>With no heading row (deleted, or every heading cleared) the table's rows are found by their labels and its columns
 * taken where the print has them, each heading then read as edited to nothing.
 *
 * @param header the returned heading row; null when none holds the published headings
 * @param headerNumber the heading row's number (where it would be when there is none: above the first row with one of
 *                     the table's labels); below 0 when the sheet holds neither
 */
record ReturnedTable(InputBookReader.Row header, int headerNumber, List<InputBookReader.Row> rows, List<String> headings,
                     int[] columnOf) {

    static ReturnedTable of(PublishedTable pub, Sheet returned) {
        InputBookReader.Row header = pub.headerIn(returned);
        int headerNumber = header != null ? header.number() : firstRowOf(pub, returned) - 1;
        List<InputBookReader.Row> rows = returned.rows().stream().filter(r -> r.number() > headerNumber && !r.blank()).toList();
        List<String> headings = header != null ? texts(header, Math.max(width(header), pub.headings().size()))
                : Collections.nCopies(pub.headings().size(), "");
        int[] columnOf = header != null ? RowAlignment.columns(pub.headings(), headings)
                : IntStream.range(0, pub.headings().size()).toArray();
        for (int c = 0; c < pub.headings().size(); c++) {
            // A heading cleared over a column still there is an edited heading; over an empty one, a column deleted.
            int at = columnOf[c];
            if (at >= 0 && headings.get(at).isBlank() && rows.stream().allMatch(r -> text(cell(r, at)).isEmpty())) {
                columnOf[c] = -1;
            }
        }
        return new ReturnedTable(header, headerNumber, rows, headings, columnOf);
    }

    /** The number of the table's first row on the sheet, its heading row's where it has one: above it, the texts. */
    int top() {
        return header != null ? headerNumber : headerNumber + 1;
    }

    /** Whether the sheet holds neither the table's heading row nor any of its row labels. */
    boolean gone() {
        return headerNumber < 0;
    }

    /** Each returned row's label, read in the published label columns where they now are (tab between two). */
    List<String> labels(int labelColumns) {
        return rows.stream().map(r -> {
            List<String> v = new ArrayList<>();
            for (int c = 0; c < labelColumns; c++) {
                v.add(text(cell(r, columnOf[c])));
            }
            return String.join("\t", v);
        }).toList();
    }

    /** The number of the first returned row that holds one of the table's row labels; 0 when none does. */
    private static int firstRowOf(PublishedTable pub, Sheet returned) {
        Set<String> labels = new HashSet<>();
        pub.grid().forEach(r -> {
            if (!r.get(0).isBlank()) {
                labels.add(r.get(0));
            }
        });
        return returned.rows().stream().filter(r -> labels.contains(text(cell(r, 0)))).mapToInt(InputBookReader.Row::number)
                .findFirst().orElse(0);
    }
}
