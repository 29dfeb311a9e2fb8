package org.pbannex.table;

/**
 * A sheet of an input workbook as messages name it: {@code inputs.xlsx, sheet budget} in English. A sentence in
 * another language names it in its own words (report.cause.sheet, report.where.sheet: "inputs.xlsx 的 budget 工作表"),
 * so the name is told apart from a file's path here, where the words that say it and the messages that write it meet.
 */
public record WorkbookSheet(String workbook, String sheet) {

    private static final String SHEET = ", sheet ";

    /** The sheet a message names ({@link #name}), or null for a file. */
    public static WorkbookSheet of(String name) {
        int at = name == null ? -1 : name.lastIndexOf(SHEET);
        return at <= 0 ? null : new WorkbookSheet(name.substring(0, at), name.substring(at + SHEET.length()));
    }

    /** As stderr names it: "inputs.xlsx, sheet budget". */
    public String name() {
        return workbook + SHEET + sheet;
    }

    /** The sheet in {@code words}' sentence for one ({workbook}, {sheet}), its English the name as stderr writes it. */
    public Text in(Text words) {
        return words.with("workbook", workbook).with("sheet", sheet);
    }
}
