package org.pbannex.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Collects named check results; a run publishes only when none failed. */
public final class Checks {

    private final List<CheckResult> results = new ArrayList<>();

    public void equal(String name, String table, String row, Object expected, Object actual) {
        equal(name, table, row, expected, actual, null);
    }

    /**
     * A check of figures summed from input lines, {@code lines} (of one table or of two): a failure names the lines of
     * both sides.
     */
    public void equal(String name, String table, String row, Object expected, Object actual, CheckResult.Lines lines) {
        results.add(new CheckResult(name, table, row, String.valueOf(expected), String.valueOf(actual),
                Objects.equals(normalise(expected), normalise(actual)), lines, ""));
    }

    public void isTrue(String name, String table, String row, boolean condition, String expected, String actual) {
        results.add(new CheckResult(name, table, row, expected, actual, condition));
    }

    /** {@link #isTrue} over a value summed from input lines, {@code lines}: a failure names them. */
    public void isTrue(String name, String table, String row, boolean condition, String expected, String actual,
                       CheckResult.Lines lines) {
        results.add(new CheckResult(name, table, row, expected, actual, condition, lines, ""));
    }

    public void addAll(Checks other) {
        results.addAll(other.results);
    }

    /** Each failed result with where in the input to look, as {@code where} tells it. */
    public void locateFailures(java.util.function.Function<CheckResult, Where> where) {
        results.replaceAll(r -> r.passed() ? r : r.withInputs(where.apply(r)));
    }

    public List<CheckResult> results() {
        return List.copyOf(results);
    }

    public List<CheckResult> failures() {
        return results.stream().filter(r -> !r.passed()).toList();
    }

    public long passedCount() {
        return results.stream().filter(CheckResult::passed).count();
    }

    // Long 5 and Integer 5, or BigDecimal 1.0 and 1.00, are the same figure.
    private static Object normalise(Object o) {
        if (o instanceof java.math.BigDecimal d) {
            return d.stripTrailingZeros();
        }
        if (o instanceof Integer i) {
            return i.longValue();
        }
        return o;
    }
}
