package org.pbannex.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.pbannex.reference.ReferenceData;
import org.pbannex.reference.Region;
import org.pbannex.results.ResultsFramework.Baseline;
import org.pbannex.results.ResultsFramework.Indicator;
import org.pbannex.results.ResultsFramework.Level;
import org.pbannex.results.ResultsFramework.Output;
import org.pbannex.table.CheckResult.InputLines;
import org.pbannex.table.CheckResult.Lines;
import org.pbannex.table.Checks;
import org.pbannex.table.Money;
import org.pbannex.table.Row;
import org.pbannex.table.RowType;
import org.pbannex.table.Table;
import org.pbannex.table.Text;

/**
 * What must hold in the results framework on every run: regional targets add up to the target, the counts per
 * level are the ones the document states, outputs sit under their outcomes, codes are unique, the printed texts
 * agree with the figures typed beside them; and the rt table adds up across regions and outcomes.
 */
public final class ResultsChecks {

    private static final Pattern NUMBER = Pattern.compile("\\d[\\d,]*");

    private ResultsChecks() {
    }

    public static Checks run(ReferenceData ref, ResultsFramework rf, Map<String, Table> tables) {
        Checks c = new Checks();
        for (Indicator i : rf.indicators()) {
            String table = tableOf(rf, i);
            if (i.hasRegionalSplit()) {
                regionalSum(c, table, i);
            }
            if (i.targetTotal() != null) {
                targetText(c, table, i, "zh", i.target().zh());
                if (!i.target().en().isEmpty()) {
                    targetText(c, table, i, "en", i.target().en());
                }
            }
            for (Baseline b : i.baselines()) {
                Text derived = IndicatorText.derived(ref.texts(), b);
                if (derived != null) {
                    // The baseline's line: its figures against the text printed beside them.
                    c.equal("results.baseline_text", table, i.id() + "#" + b.seq(), derived.zh(), b.printed().zh(),
                            Lines.both(List.of(new InputLines("results_baselines", Map.of("indicator", Set.of(i.id()),
                                    "seq", Set.of(Integer.toString(b.seq()))), List.of("value", "unit", "year", "estimate", "text_zh")))));
                }
            }
        }
        for (Level l : rf.levels()) {
            long counted = rf.indicators().stream().filter(i -> i.level().equals(l.code())).count();
            // The indicators of the level counted, against the count the document states.
            c.equal("results.level_count", "i1-i3", l.code(), l.statedCount(), counted,
                    new Lines(List.of(new InputLines("results_indicators", "level", Set.of(l.code()), List.of("level"))),
                            List.of(new InputLines("results_levels", "level", Set.of(l.code()), List.of("stated_count")))));
        }
        Set<String> outcomeCodes = rf.outcomes().stream().map(ResultsFramework.Outcome::code).collect(Collectors.toSet());
        for (Output o : rf.outputs()) {
            c.isTrue("results.output_in_outcome", tableOfOutcome(rf, o.outcome()), o.code(),
                    outcomeCodes.contains(o.outcome()) && o.code().startsWith(o.outcome() + "."),
                    "under outcome " + o.outcome(), o.code(),
                    Lines.both(List.of(new InputLines("results_outputs", "output", Set.of(o.code()), List.of("output", "outcome")))));
        }
        for (ResultsFramework.Kind kind : ResultsFramework.Kind.values()) {
            uniqueCodes(c, kind.tableId(), tables.get(kind.tableId()));
        }
        regionalTargetsTable(c, ref, rf, tables.get(RegionalTargetsTable.ID));
        return c;
    }

    private static void regionalSum(Checks c, String table, Indicator i) {
        long sum = Money.sum(i.regionalTargets().values().stream().mapToLong(Long::longValue));
        String parts = i.regionalTargets().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(" + "));
        // The indicator's regional targets against its stated total.
        c.isTrue("results.regional_sum", table, i.id(), sum == i.targetTotal(), "target_total " + i.targetTotal(),
                "regional sum " + sum + " (" + parts + ")",
                new Lines(List.of(new InputLines("results_regional_targets", "indicator", Set.of(i.id()), List.of("count"))),
                        List.of(new InputLines("results_indicators", "indicator", Set.of(i.id()), List.of("target_total")))));
    }

    /** The numbers in the printed target are its total, then each regional count in order (as in "24 个组织(非洲 7 个、…)"). */
    private static void targetText(Checks c, String table, Indicator i, String lang, String text) {
        List<Long> expected = new ArrayList<>();
        expected.add(i.targetTotal());
        expected.addAll(i.regionalTargets().values());
        List<Long> found = numbersIn(text);
        found = found.subList(0, Math.min(found.size(), expected.size()));
        // The printed target against the figures typed for it: the indicator's total and its regional targets.
        c.equal("results.target_text_" + lang, table, i.id(), expected, found,
                new Lines(List.of(new InputLines("results_indicators", "indicator", Set.of(i.id()), List.of("target_" + lang))),
                        List.of(new InputLines("results_indicators", "indicator", Set.of(i.id()), List.of("target_total")),
                                new InputLines("results_regional_targets", "indicator", Set.of(i.id()), List.of("count")))));
    }

    /** The numbers a printed text states, in order ("24 个组织(非洲 7 个、…)": 24, 7, ...; 1,888 is one). */
    static List<Long> numbersIn(String text) {
        List<Long> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            // A longer run of digits than any count (a typo) is read as the largest count, so that it still differs.
            out.add(new java.math.BigInteger(m.group().replace(",", "")).min(java.math.BigInteger.valueOf(Long.MAX_VALUE)).longValue());
        }
        return out;
    }

    private static void uniqueCodes(Checks c, String id, Table t) {
        if (t == null) {
            return;
        }
        // Each printed code with the indicators (row keys) that print it.
        Map<String, List<String>> rowsByCode = new LinkedHashMap<>();
        for (Row r : t.rows()) {
            Object code = r.value("code");
            if (code != null) {
                rowsByCode.computeIfAbsent(code.toString(), k -> new ArrayList<>()).add(r.key());
            }
        }
        List<String> duplicates = new ArrayList<>();
        List<InputLines> lines = new ArrayList<>();
        rowsByCode.forEach((code, rows) -> {
            if (rows.size() > 1) {
                duplicates.add(code);
                // The duplicate's indicators' lines, one entry a code.
                lines.add(new InputLines("results_indicators", "indicator", new LinkedHashSet<>(rows), List.of("code")));
            }
        });
        c.isTrue("results.unique_codes", id, "*", duplicates.isEmpty(), "no duplicate code", "duplicates " + duplicates,
                Lines.both(lines));
    }

    /** Each rt row adds up across regions; each unit's total row is the sum of the outcome rows above it. */
    private static void regionalTargetsTable(Checks c, ReferenceData ref, ResultsFramework rf, Table rt) {
        if (rt == null) {
            return;
        }
        List<Region> regions = ref.targetRegions();
        List<Indicator> split = RegionalTargetsTable.split(rf);
        List<Row> valued = rt.rows().stream().filter(r -> r.type() != RowType.HEADING).toList();
        for (Row r : valued) {
            long sum = Money.sum(regions.stream().mapToLong(x -> r.amount("target_" + x.code())));
            // The row's indicators' regional targets against their stated totals.
            c.equal("rt.regions_add_up", RegionalTargetsTable.ID, r.key(), r.amount("target_" + RegionalTargetsTable.ALL), sum,
                    new Lines(List.of(RegionalTargetsTable.inputLines(split, r.key(), "target", null)),
                            List.of(RegionalTargetsTable.inputLines(split, r.key(), "target", RegionalTargetsTable.ALL))));
        }
        for (Row total : valued.stream().filter(r -> r.type() == RowType.TOTAL).toList()) {
            String unit = total.key().substring(total.key().indexOf('.') + 1);
            List<Row> items = valued.stream().filter(r -> r.type() == RowType.ITEM && r.key().endsWith("." + unit)).toList();
            for (String column : rt.columns().stream().map(col -> col.key()).toList()) {
                // A total counts the indicators its outcome rows count: their lines behind the column, named once.
                String[] cell = column.split("_", 2);
                c.equal("rt.outcomes_add_up", RegionalTargetsTable.ID, total.key() + "/" + column,
                        total.amount(column), Money.sum(items.stream().mapToLong(r -> r.amount(column))),
                        Lines.both(List.of(RegionalTargetsTable.inputLines(split, total.key(), cell[0], cell[1]))));
            }
        }
    }

    private static String tableOf(ResultsFramework rf, Indicator i) {
        return tableOfOutcome(rf, i.outcome());
    }

    private static String tableOfOutcome(ResultsFramework rf, String outcome) {
        return rf.outcomes().stream().filter(o -> o.code().equals(outcome)).findFirst().orElseThrow().kind().tableId();
    }
}
