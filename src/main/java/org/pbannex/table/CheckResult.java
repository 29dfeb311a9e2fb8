package org.pbannex.table;

/**
 * The outcome of one named reconciliation check: which table and row it is about, the value expected by the identity
 * and the value actually found; for a check of figures summed from input files, the lines each side sums ({@code
 * lines}, else null); for a failed check, where in the input to look ({@code inputs}, empty until the run has located
 * it).
 */
public record CheckResult(String name, String table, String row, String expected, String actual, boolean passed,
                          Lines lines, String inputs, Where where) {

    public CheckResult(String name, String table, String row, String expected, String actual, boolean passed, Lines lines,
                       String inputs) {
        this(name, table, row, expected, actual, passed, lines, inputs, null);
    }

    /**
     * The rows of an input file (its resource name, e.g. budget) that a value sums: those whose fields hold one of the
     * keys given for each field of {@code where} (every row when it is empty); {@code columns} are the fields summed.
     */
    public record InputLines(String resource, java.util.Map<String, java.util.Set<String>> where, java.util.List<String> columns) {

        public InputLines {
            java.util.Map<String, java.util.Set<String>> copy = new java.util.LinkedHashMap<>();
            (where == null ? java.util.Map.<String, java.util.Set<String>>of() : where)
                    .forEach((field, keys) -> copy.put(field, java.util.Set.copyOf(keys)));
            where = java.util.Collections.unmodifiableMap(copy);
            columns = java.util.List.copyOf(new java.util.LinkedHashSet<>(columns));
        }

        /** The rows whose {@code keyField} is one of {@code keys} (every row when {@code keyField} is null). */
        public InputLines(String resource, String keyField, java.util.Set<String> keys, java.util.List<String> columns) {
            this(resource, keyField == null ? null : java.util.Map.of(keyField, keys == null ? java.util.Set.of() : keys), columns);
        }

        /** Every row of the file. */
        public static InputLines all(String resource, String... columns) {
            return new InputLines(resource, (java.util.Map<String, java.util.Set<String>>) null, java.util.List.of(columns));
        }

        /** These rows, of them only those whose {@code field} is one of {@code keys}. */
        public InputLines and(String field, java.util.Set<String> keys) {
            java.util.Map<String, java.util.Set<String>> more = new java.util.LinkedHashMap<>(where);
            more.put(field, keys);
            return new InputLines(resource, more, columns);
        }

        public boolean matches(java.util.function.Function<String, String> field) {
            return where.entrySet().stream().allMatch(e -> e.getValue().contains(field.apply(e.getKey())));
        }
    }

    /**
     * The input lines a check's checked value ({@code actual}) and its expected value ({@code expected}) are summed
     * from, whether of one table or of two (a total, a share left over, a table against another): a failure names these
     * lines and fields instead of the records keyed like its row or every file of its table.
     */
    public record Lines(java.util.List<InputLines> actual, java.util.List<InputLines> expected) {

        public Lines {
            actual = java.util.List.copyOf(actual);
            expected = java.util.List.copyOf(expected);
        }

        /** Figures summed from the same lines on both sides (a total and the rows it sums): named once. */
        public static Lines both(java.util.List<InputLines> lines) {
            return new Lines(lines, java.util.List.of());
        }
    }

    public CheckResult {
        inputs = inputs == null ? "" : inputs;
    }

    public CheckResult(String name, String table, String row, String expected, String actual, boolean passed) {
        this(name, table, row, expected, actual, passed, null, "");
    }

    /** This result with where in the input to look ({@code inputs}: as stderr says it). */
    public CheckResult withInputs(Where where) {
        return new CheckResult(name, table, row, expected, actual, passed, lines, where.english(), where);
    }

    /** One line for logs and stderr: table, row, expected, actual, and where to look when known. */
    public String describe() {
        return name + " [table " + table + ", row " + row + "]: expected " + expected + ", actual " + actual
                + (inputs.isEmpty() ? "" : "; " + inputs);
    }
}
