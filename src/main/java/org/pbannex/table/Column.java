package org.pbannex.table;

/**
 * One value column. {@code key} is the tidy-CSV column name (generic, never tied to a year);
 * {@code group} is the spanning heading above it (may be empty); {@code unit} is shown under the heading.
 * {@code tidy} false: the column is printed (xlsx, PDF) but is not a value column of the tidy CSV.
 */
public record Column(String key, Text heading, Text group, Text unit, ValueKind kind, boolean tidy) {

    public static Column of(String key, Text heading, Text group, Text unit, ValueKind kind) {
        return new Column(key, heading, group, unit, kind, true);
    }

    public static Column printedOnly(String key, Text heading, Text group, Text unit, ValueKind kind) {
        return new Column(key, heading, group, unit, kind, false);
    }
}
