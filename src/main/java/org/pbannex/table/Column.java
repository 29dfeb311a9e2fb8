package org.pbannex.table;

/**
 * One value column. {@code key} is the tidy-CSV column name (generic, never tied to a year);
 * {@code group} is the spanning heading above it (may be empty); {@code unit} is shown under the heading.
 * {@code shown} says which outputs carry the column: most carry it everywhere, some are only printed (a column
 * the tidy CSV spreads over other columns), some only exist as data (codes and counts the printed page shows
 * inside a text cell).
 */
public record Column(String key, Text heading, Text group, Text unit, ValueKind kind, Shown shown) {

    /** Where a column appears. */
    public enum Shown {
        EVERYWHERE(true, true, true),
        /** xlsx and PDF, not the tidy CSV. */
        PRINTED_ONLY(true, true, false),
        /** xlsx and the tidy CSV: data a reviewer filters on, which the printed page does not show as a column. */
        DATA_ONLY(true, false, true),
        /** The tidy CSV only. */
        CSV_ONLY(false, false, true);

        private final boolean sheet;
        private final boolean pdf;
        private final boolean csv;

        Shown(boolean sheet, boolean pdf, boolean csv) {
            this.sheet = sheet;
            this.pdf = pdf;
            this.csv = csv;
        }
    }

    public static Column of(String key, Text heading, Text group, Text unit, ValueKind kind) {
        return new Column(key, heading, group, unit, kind, Shown.EVERYWHERE);
    }

    public static Column printedOnly(String key, Text heading, Text group, Text unit, ValueKind kind) {
        return new Column(key, heading, group, unit, kind, Shown.PRINTED_ONLY);
    }

    public static Column dataOnly(String key, Text heading, ValueKind kind) {
        return new Column(key, heading, Text.EMPTY, Text.EMPTY, kind, Shown.DATA_ONLY);
    }

    public static Column csvOnly(String key, ValueKind kind) {
        return new Column(key, Text.of(key), Text.EMPTY, Text.EMPTY, kind, Shown.CSV_ONLY);
    }

    /** A value column of the tidy CSV. */
    public boolean tidy() {
        return shown.csv;
    }

    /** A column of the workbook sheet. */
    public boolean inSheet() {
        return shown.sheet;
    }

    /** A column of the PDF table. */
    public boolean inPdf() {
        return shown.pdf;
    }
}
