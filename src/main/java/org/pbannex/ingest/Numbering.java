package org.pbannex.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A field numbered 1, 2, 3 ... in file order ({@code "pbNumbering"} in {@code datapackage.json}), over the whole file or,
 * with {@code within}, afresh for each value of those columns (each indicator's baselines): a row deleted by mistake
 * leaves a gap that would otherwise publish its table without it, every check passing.
 */
public record Numbering(String field, List<String> within) {

    /** Refuses the first row whose number is not the one after its group's last, naming its line and the number expected. */
    public void refuseGaps(CsvTable table) {
        Map<List<String>, Long> last = new HashMap<>();
        for (Record r : table.records()) {
            List<String> group = within.stream().map(r::text).toList();
            long expected = last.getOrDefault(group, 0L) + 1;
            long actual = r.integer(field);
            if (actual != expected) {
                throw new InputError(r.file(), r.line(), field, Said.of(within.isEmpty() ? "numbering" : "numbering_within",
                        "field", field, "actual", String.valueOf(actual), "expected", String.valueOf(expected),
                        "group", within.stream().map(c -> Said.of("column_value", "column", c, "value", r.text(c)))
                                .reduce((a, b) -> Said.of("list_and", "a", a, "b", b)).orElse(null),
                        "within", within.stream().<Object>map(c -> c).reduce((a, b) -> Said.of("list_and", "a", a, "b", b)).orElse(null)));
            }
            last.put(group, actual);
        }
    }
}
