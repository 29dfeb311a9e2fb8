package org.pbannex.table;

/**
 * One value column. {@code key} is the tidy-CSV column name (generic, never tied to a year);
 * {@code group} is the spanning heading above it (may be empty); {@code unit} is shown under the heading.
 * {@code role} says what the column is; each renderer decides from it which columns it shows
 * ({@code render.OutputColumns}). {@code spokenHeading} is what a screen reader announces for a column whose printed
 * heading is blank (the draft budget's income items, under "Income" only): the page still shows none; empty when the
 * column has a heading of its own. {@code note} is the footnote part the heading's marker points to ("* Synthetic
 * lines with the status actual."), where the table has more than one note with that marker (Figure 2 over real and
 * synthetic biennia); empty when the marker names its note alone. {@code percentOf}: for a percentage computed within
 * its row, the two columns it is computed from (the table's values follow it, and a review names both); null otherwise.
 * {@code synthetic}: the column's figures sum synthetic expenditure lines (Table 2's XB or RBSA for a biennium its
 * estimates file has no figures for), which whatever shows them beside other figures must say (the run's report).
 * {@code fromLines}: the column's figures sum expenditure lines, synthetic or real (Table 2's XB or RBSA, as above), so
 * that set beside Figure 2, the sum of the same lines, they agree by construction (the run's report says so).
 */
public record Column(String key, Text heading, Text group, Text unit, ValueKind kind, Role role, Text spokenHeading,
                     Text note, Ratio percentOf, boolean synthetic, boolean fromLines) {

    public Column {
        spokenHeading = spokenHeading == null ? Text.EMPTY : spokenHeading;
        note = note == null ? Text.EMPTY : note;
        fromLines = fromLines || synthetic;
    }

    public Column(String key, Text heading, Text group, Text unit, ValueKind kind, Role role, Text spokenHeading,
                  Text note, Ratio percentOf, boolean synthetic) {
        this(key, heading, group, unit, kind, role, spokenHeading, note, percentOf, synthetic, synthetic);
    }

    public Column(String key, Text heading, Text group, Text unit, ValueKind kind, Role role, Text spokenHeading, Text note) {
        this(key, heading, group, unit, kind, role, spokenHeading, note, null, false);
    }

    public Column(String key, Text heading, Text group, Text unit, ValueKind kind, Role role) {
        this(key, heading, group, unit, kind, role, Text.EMPTY, Text.EMPTY);
    }

    /**
     * A percentage of one column of the row over another, rounded half-up to one decimal ({@link Percent#of}): annex 2's
     * cost change in per cent is {@code cost_change} over {@code constant}.
     */
    public record Ratio(String numerator, String base) {

        /** The percentage of the row's values (whole dollars) under these two columns' keys. */
        public java.math.BigDecimal of(java.util.Map<String, Object> values) {
            return Percent.of(((Number) values.get(numerator)).longValue(), ((Number) values.get(base)).longValue());
        }
    }

    /** The column with a heading that screen readers announce and the page does not show (its printed heading blank). */
    public Column withSpokenHeading(Text spoken) {
        return new Column(key, heading, group, unit, kind, role, spoken, note, percentOf, synthetic, fromLines);
    }

    /** The column whose heading's marker points to this footnote part (marker first) among others with its marker. */
    public Column withNote(Text footnotePart) {
        return new Column(key, heading, group, unit, kind, role, spokenHeading, footnotePart, percentOf, synthetic, fromLines);
    }

    /** A percentage column: {@code numerator} over {@code base}, both columns of the same row. */
    public static Column percentOf(String key, Text heading, Text group, Text unit, String numerator, String base) {
        return new Column(key, heading, group, unit, ValueKind.PERCENT, Role.VALUE, Text.EMPTY, Text.EMPTY,
                new Ratio(numerator, base), false);
    }

    /** The column whose figures sum synthetic expenditure lines. */
    public Column asSynthetic() {
        return new Column(key, heading, group, unit, kind, role, spokenHeading, note, percentOf, true, true);
    }

    /** The column whose figures sum expenditure lines (real ones; {@link #asSynthetic} for synthetic). */
    public Column asFromLines() {
        return new Column(key, heading, group, unit, kind, role, spokenHeading, note, percentOf, synthetic, true);
    }

    /** What a column is, whatever the output. */
    public enum Role {
        /** A figure or text of the table: printed, and data. */
        VALUE,
        /** The printed form of values the data holds in other columns (e.g. an income line's label beside its row). */
        PRINTED_FORM,
        /** An attribute of the row that the printed page shows inside another cell, if at all (codes, counts): data. */
        ATTRIBUTE,
        /** A field that identifies the row in the tidy data (level, outcome, period codes); no reader needs it as a column. */
        DATA_KEY
    }

    public static Column of(String key, Text heading, Text group, Text unit, ValueKind kind) {
        return new Column(key, heading, group, unit, kind, Role.VALUE);
    }

    public static Column printedForm(String key, Text heading, Text group, Text unit, ValueKind kind) {
        return new Column(key, heading, group, unit, kind, Role.PRINTED_FORM);
    }

    public static Column attribute(String key, Text heading, ValueKind kind) {
        return new Column(key, heading, Text.EMPTY, Text.EMPTY, kind, Role.ATTRIBUTE);
    }

    public static Column dataKey(String key, ValueKind kind) {
        return new Column(key, Text.of(key), Text.EMPTY, Text.EMPTY, kind, Role.DATA_KEY);
    }
}
