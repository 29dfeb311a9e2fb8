package org.pbannex.table;

/**
 * The outcome of one named reconciliation check: which table and row it is about, the value expected by the identity
 * and the value actually found; for a check of one table against another, where the expected value comes from
 * ({@code expectedFrom}, else null); for a failed check, where in the input to look ({@code inputs}, empty until the
 * run has located it).
 */
public record CheckResult(String name, String table, String row, String expected, String actual, boolean passed,
                          Cell expectedFrom, String inputs) {

    /** A value of another table: its row and column. */
    public record Cell(String table, String row, String column) {
    }

    public CheckResult {
        inputs = inputs == null ? "" : inputs;
    }

    public CheckResult(String name, String table, String row, String expected, String actual, boolean passed) {
        this(name, table, row, expected, actual, passed, null, "");
    }

    /** This result with where in the input to look. */
    public CheckResult withInputs(String where) {
        return new CheckResult(name, table, row, expected, actual, passed, expectedFrom, where);
    }

    /** One line for logs and stderr: table, row, expected, actual, and where to look when known. */
    public String describe() {
        return name + " [table " + table + ", row " + row + "]: expected " + expected + ", actual " + actual
                + (inputs.isEmpty() ? "" : "; " + inputs);
    }
}
