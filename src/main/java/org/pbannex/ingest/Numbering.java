package org.pbannex.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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
                String of = within.isEmpty() ? "" : " for " + within.stream().map(c -> c + " " + r.text(c))
                        .collect(Collectors.joining(" and "));
                String each = within.isEmpty() ? "the " + field + "s" : "the " + field + " of each "
                        + String.join(" and ", within);
                throw new InputError(r.file(), r.line(), field, field + " " + actual + " where " + expected + " was expected"
                        + of + ": number " + each + " 1, 2, 3 ... in printed order");
            }
            last.put(group, actual);
        }
    }
}
