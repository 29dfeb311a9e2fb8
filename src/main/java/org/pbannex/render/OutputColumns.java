package org.pbannex.render;

import java.util.List;
import org.pbannex.table.Column;
import org.pbannex.table.Table;

/**
 * Which of a table's columns each kind of output shows, decided from what the columns are ({@link Column.Role}):
 * the printed editions (PDF, HTML) show the table as printed; the workbook adds the attributes a reviewer filters and
 * sums on; the tidy CSV holds the data (values, attributes, keys) without the printed forms.
 */
public final class OutputColumns {

    private OutputColumns() {
    }

    /** The PDF and HTML editions: the printed table. */
    public static List<Column> printed(Table t) {
        return t.columns().stream().filter(OutputColumns::isPrinted).toList();
    }

    /** The workbook sheet: the printed table and the row attributes. */
    public static List<Column> sheet(Table t) {
        return t.columns().stream().filter(c -> c.role() != Column.Role.DATA_KEY).toList();
    }

    /** The tidy CSV (and its data package): every column that is data. */
    public static List<Column> csv(Table t) {
        return t.columns().stream().filter(OutputColumns::isData).toList();
    }

    public static boolean isPrinted(Column c) {
        return c.role() == Column.Role.VALUE || c.role() == Column.Role.PRINTED_FORM;
    }

    public static boolean isData(Column c) {
        return c.role() != Column.Role.PRINTED_FORM;
    }
}
