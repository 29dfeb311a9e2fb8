package org.pbannex.table;

/**
 * The outcome of one named reconciliation check: which table and row it is about,
 * the value expected by the identity and the value actually found.
 */
public record CheckResult(String name, String table, String row, String expected, String actual, boolean passed) {

    /** One line for logs and stderr: table, row, expected, actual. */
    public String describe() {
        return name + " [table " + table + ", row " + row + "]: expected " + expected + ", actual " + actual;
    }
}
