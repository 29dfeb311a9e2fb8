package org.pbannex.table;

/**
 * The outcome of one named reconciliation check: which table and row it is about, the value expected by the identity
 * and the value actually found; for a check of one table against another, where the expected value comes from
 * ({@code expectedFrom}, else null); for a check of figures summed from input files, the lines each side sums
 * ({@code lines}, else null); for a failed check, where in the input to look ({@code inputs}, empty until the run has
 * located it).
 */
public record CheckResult(String name, String table, String row, String expected, String actual, boolean passed,
                          Cell expectedFrom, Lines lines, String inputs) {

    /** A value of another table: its row and column. */
    public record Cell(String table, String row, String column) {
    }

    /**
     * The rows of an input file (its resource name, e.g. budget) that a value sums: those whose {@code keyField} is one
     * of {@code keys}, or every row when {@code keyField} is null; {@code columns} are the fields summed.
     */
    public record InputLines(String resource, String keyField, java.util.Set<String> keys, java.util.List<String> columns) {

        public InputLines {
            keys = keys == null ? java.util.Set.of() : java.util.Set.copyOf(keys);
            columns = java.util.List.copyOf(columns);
        }

        /** Every row of the file. */
        public static InputLines all(String resource, String... columns) {
            return new InputLines(resource, null, null, java.util.List.of(columns));
        }

        public boolean matches(java.util.function.Function<String, String> field) {
            return keyField == null || keys.contains(field.apply(keyField));
        }
    }

    /**
     * The input lines a check's checked value ({@code actual}) and its expected value ({@code expected}) are summed
     * from, for a check whose row no single record stands for (a total, a share left over): a failure then names these
     * lines instead of every file of the table.
     */
    public record Lines(java.util.List<InputLines> actual, java.util.List<InputLines> expected) {

        public Lines {
            actual = java.util.List.copyOf(actual);
            expected = java.util.List.copyOf(expected);
        }
    }

    public CheckResult {
        inputs = inputs == null ? "" : inputs;
    }

    public CheckResult(String name, String table, String row, String expected, String actual, boolean passed) {
        this(name, table, row, expected, actual, passed, null, null, "");
    }

    /** This result with where in the input to look. */
    public CheckResult withInputs(String where) {
        return new CheckResult(name, table, row, expected, actual, passed, expectedFrom, lines, where);
    }

    /** One line for logs and stderr: table, row, expected, actual, and where to look when known. */
    public String describe() {
        return name + " [table " + table + ", row " + row + "]: expected " + expected + ", actual " + actual
                + (inputs.isEmpty() ? "" : "; " + inputs);
    }
}
