package org.pbannex.ingest;

/**
 * How an input file is named in error messages and records: a CSV file by its path under the input folder
 * ({@code input/2022-23/budget.csv}, lines counted from its header line 1), or a sheet of an input workbook
 * ({@code inputs.xlsx, sheet budget}, rows numbered as the spreadsheet shows them: the header row of a sheet is
 * row {@code 1 + rowOffset}, and a sheet row is one CSV record, however many lines its text takes).
 */
public record SourceName(String name, int rowOffset, boolean byRecord) {

    public static SourceName file(String path) {
        return new SourceName(path, 0, false);
    }

    public static SourceName sheet(String workbook, String sheet, int headerRow) {
        return new SourceName(new org.pbannex.table.WorkbookSheet(workbook, sheet).name(), headerRow - 1, true);
    }

    /** The line (or row) number a user sees for line or record {@code n} of the CSV (1 = header). */
    public long shown(long n) {
        return n <= 0 ? n : n + rowOffset;
    }

    /** A sheet's lines are rows; a file's are lines. */
    public static String lineWord(String name) {
        return org.pbannex.table.WorkbookSheet.of(name) != null ? "row" : "line";
    }
}
