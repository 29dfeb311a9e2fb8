package org.pbannex.render.xlsx;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.util.CellRangeAddress;
import org.pbannex.table.Chart;
import org.pbannex.table.Column;
import org.pbannex.table.Language;
import org.pbannex.table.Row;

/**
 * Where a chart's figures are among its table's cells, so the chart reads the table itself rather than a copy. A
 * chart's categories are either consecutive rows of the table (each series one of its columns: annex 4's shares,
 * Figure 2's regions) or consecutive columns (each series one of its rows: the regions across a row of totals). The
 * figures must be the cells' own values, in order. A table's charts follow its rows, so each chart is first looked
 * for below the previous one (annex 4's outcomes each have a "not itemised" row of their own); a series that names its
 * row ({@link Chart.Series#row()}) is read from that row only (an outcome's row may hold the same figures as a total).
 *
 * @param categories the cells naming the categories: the rows' labels, or the columns' header cells
 * @param series     per series, the cells holding its figures
 */
record ChartCells(CellRangeAddress categories, List<CellRangeAddress> series, int lastRow) {

    /** The same figures, the categories named by other cells (on the chart's own sheet). */
    ChartCells withCategories(CellRangeAddress names) {
        return new ChartCells(names, series, lastRow);
    }

    /** Finds the chart's figures in the table's cells at or after {@code fromRow}, then anywhere; null if absent. */
    static ChartCells find(Chart chart, TableLayout layout, int headerRow, int fromRow, Language lang) {
        ChartCells found = inRows(chart, layout, headerRow, fromRow, lang);
        if (found == null) {
            found = inColumns(chart, layout, headerRow, fromRow);
        }
        if (found == null && fromRow > 0) {
            found = find(chart, layout, headerRow, 0, lang);
        }
        return found;
    }

    // Categories are the labels of consecutive rows; each series is a column of those rows.
    private static ChartCells inRows(Chart chart, TableLayout layout, int headerRow, int fromRow, Language lang) {
        List<Row> rows = layout.table().rows();
        int n = chart.categories().size();
        for (int start = fromRow; start + n <= rows.size(); start++) {
            boolean labels = true;
            for (int k = 0; k < n && labels; k++) {
                labels = rows.get(start + k).label().in(lang).strip().equals(chart.categories().get(k).in(lang).strip());
            }
            if (!labels) {
                continue;
            }
            List<CellRangeAddress> series = new ArrayList<>();
            for (Chart.Series s : chart.series()) {
                int column = columnHolding(layout, start, s.values());
                if (column < 0) {
                    break;
                }
                series.add(new CellRangeAddress(headerRow + 1 + start, headerRow + start + n, column, column));
            }
            if (series.size() == chart.series().size()) {
                return new ChartCells(new CellRangeAddress(headerRow + 1 + start, headerRow + start + n, 0, 0), series,
                        start + n - 1);
            }
        }
        return null;
    }

    private static int columnHolding(TableLayout layout, int start, List<Number> values) {
        for (int c = 1; c < layout.columns().size(); c++) {
            boolean all = true;
            for (int k = 0; k < values.size() && all; k++) {
                all = holds(layout.cells().get(start + k).get(c), values.get(k));
            }
            if (all) {
                return c;
            }
        }
        return -1;
    }

    // Categories are consecutive columns; each series is one row across them.
    private static ChartCells inColumns(Chart chart, TableLayout layout, int headerRow, int fromRow) {
        int n = chart.categories().size();
        List<CellRangeAddress> series = new ArrayList<>();
        int last = -1;
        int firstColumn = -1;
        for (Chart.Series s : chart.series()) {
            CellRangeAddress found = null;
            for (int r = fromRow; r < layout.cells().size() && found == null; r++) {
                if (s.row() != null && !layout.table().rows().get(r).key().equals(s.row())) {
                    continue;
                }
                List<TableLayout.Content> cells = layout.cells().get(r);
                for (int start = 1; start + n <= cells.size() && found == null; start++) {
                    boolean all = true;
                    for (int k = 0; k < n && all; k++) {
                        all = holds(cells.get(start + k), s.values().get(k)) && heads(layout, start + k, chart, k);
                    }
                    if (all) {
                        found = new CellRangeAddress(headerRow + 1 + r, headerRow + 1 + r, start, start + n - 1);
                        last = Math.max(last, r);
                        firstColumn = firstColumn < 0 ? start : firstColumn;
                    }
                }
            }
            if (found == null) {
                return null;
            }
            series.add(found);
        }
        // The header cells name the categories (LibreOffice does not read category names kept in the chart itself).
        return new ChartCells(new CellRangeAddress(headerRow, headerRow, firstColumn, firstColumn + n - 1), series, last);
    }

    // The column's heading names the category (the region of a per-region column).
    private static boolean heads(TableLayout layout, int column, Chart chart, int k) {
        Column c = layout.columns().get(column).column();
        return c != null && c.heading().equals(chart.categories().get(k));
    }

    // No figure (null) is a cell without a number (blank, or [x] where the workbook marks a figure not given): the
    // chart reads no point there and draws no bar, as the table gives no figure.
    private static boolean holds(TableLayout.Content cell, Number value) {
        if (value == null) {
            return cell.kind() == TableLayout.Content.Kind.EMPTY || cell.kind() == TableLayout.Content.Kind.NOT_PRINTED;
        }
        return cell.kind() == TableLayout.Content.Kind.NUMBER && cell.number() == value.doubleValue();
    }
}
