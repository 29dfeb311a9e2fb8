package org.pbannex.ingest;

/**
 * Bad input: names the file, the line (1-based, 0 when the file as a whole is at fault),
 * the column (may be empty) and the reason. Maps to exit status 3. A sheet of an input workbook
 * ({@link SourceName#sheet}) has rows instead of lines.
 */
public class InputError extends RuntimeException {

    private final String file;
    private final long line;
    private final String column;
    private final String reason;

    public InputError(String file, long line, String column, String reason) {
        super(format(file, line, column, reason));
        this.file = file;
        this.line = line;
        this.column = column == null ? "" : column;
        this.reason = reason;
    }

    private static String format(String file, long line, String column, String reason) {
        StringBuilder s = new StringBuilder(file);
        if (line > 0) {
            s.append(", ").append(SourceName.lineWord(file)).append(' ').append(line);
        }
        if (column != null && !column.isEmpty()) {
            s.append(", column ").append(column);
        }
        return s.append(": ").append(reason).toString();
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }

    public String column() {
        return column;
    }

    public String reason() {
        return reason;
    }
}
