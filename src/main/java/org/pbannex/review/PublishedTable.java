package org.pbannex.review;

import static org.pbannex.review.CellValues.row;
import static org.pbannex.review.CellValues.texts;
import static org.pbannex.review.CellValues.width;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pbannex.ingest.InputError;
import org.pbannex.ingest.Said;
import org.pbannex.inputbook.InputBookReader;
import org.pbannex.inputbook.InputBookReader.Sheet;
import org.pbannex.render.xlsx.XlsxWorkbookWriter.SheetPlan;

/** A table sheet as the run published it: its headings, the table's rows below them, and the sheet's comments. */
record PublishedTable(List<String> headings, List<List<String>> grid, List<String> labels,
                      int labelColumns, Map<String, String> comments, List<TextChanges.Cell> above, int linesAbove) {

    static PublishedTable of(SheetPlan plan, Sheet published, String shown) {
        int n = plan.rowKeys().size();
        List<InputBookReader.Row> rows = published.rows();
        int headerNumber = rows.get(rows.size() - 1).number() - n; // nothing below the table: its rows are the sheet's last
        InputBookReader.Row header = row(rows, headerNumber);
        if (header == null) {
            throw new InputError(shown, 0, "", Said.of("sheet_rows", "sheet", plan.sheetName(), "count", String.valueOf(n)));
        }
        List<String> headings = texts(header, plan.columns().size());
        List<List<String>> grid = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            grid.add(texts(row(rows, headerNumber + i), plan.columns().size()));
        }
        int labelColumns = plan.columns().contains("group") ? 2 : 1;
        List<String> labels = grid.stream().map(r -> String.join("\t", r.subList(0, labelColumns))).toList();
        List<TextChanges.Cell> above = TextChanges.cells(rows.stream().filter(r -> r.number() < headerNumber).toList());
        return new PublishedTable(headings, grid, labels, labelColumns, published.comments(), above, headerNumber - 1);
    }

    /** Row i's label as the reader sees it (its group first, where the table has one). */
    String shownLabel(int i) {
        return labels.get(i).strip().replace("\t", " / ");
    }

    /**
     * The row of a sheet that holds this table's headings: the one with most of them (at least half, in any column: a
     * reviewer may have edited one, deleted a column or inserted one), the first of equals; null when none has.
     */
    InputBookReader.Row headerIn(Sheet sheet) {
        InputBookReader.Row best = null;
        long most = 0;
        for (InputBookReader.Row r : sheet.rows()) {
            List<String> texts = texts(r, width(r));
            long found = headings.stream().filter(h -> !h.isBlank() && texts.contains(h)).count();
            if (found > most) {
                best = r;
                most = found;
            }
        }
        return 2 * most >= headings.size() ? best : null;
    }
}
