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
import org.pbannex.table.Language;
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
        Map<String, Region> regions = ReferenceData.byCode(ref.regions(), Region::code);
        for (Indicator i : rf.indicators()) {
            String table = tableOf(rf, i);
            if (i.hasRegionalSplit()) {
                regionalSum(c, table, i);
            }
            if (i.targetTotal() != null) {
                targetText(c, table, i, regions, Language.ZH, i.target().zh());
                if (!i.target().en().isEmpty()) {
                    targetText(c, table, i, regions, Language.EN, i.target().en());
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

    /**
     * The printed target states its total, then each regional count after its region's name, in order (as in "24 个组织(非洲
     * 7 个、…)"): each number against the figures typed for it, each name against the region's (its name in the target
     * texts, or its label), so that counts given to the wrong regions, or to a region of another list, are found.
     */
    private static void targetText(Checks c, String table, Indicator i, Map<String, Region> regions, Language lang, String text) {
        List<String> expected = new ArrayList<>();
        expected.add(Long.toString(i.targetTotal()));
        List<Region> order = new ArrayList<>();
        i.regionalTargets().forEach((code, count) -> {
            Region r = regions.get(code);
            order.add(r);
            expected.add((r == null ? code : r.namesInTargets(lang).get(0)) + " " + count);
        });
        List<String> found = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find() && found.size() < expected.size()) {
            String number = Long.toString(number(m.group()));
            if (found.isEmpty()) {
                found.add(number);
                continue;
            }
            // The name before the count: the text since the last separator ("(非洲 " of "(非洲 7 个").
            String[] before = NAME_SEPARATOR.split(text.substring(0, m.start()), -1);
            String name = before[before.length - 1].strip();
            Region r = order.get(found.size() - 1);
            found.add((r != null && r.namesInTargets(lang).contains(name) ? r.namesInTargets(lang).get(0) : name) + " " + number);
        }
        // The printed target against the figures typed for it (the total, each region's count) and the regions' names.
        c.equal("results.target_text_" + lang.code(), table, i.id(), expected, found,
                new Lines(List.of(new InputLines("results_indicators", "indicator", Set.of(i.id()), List.of("target_" + lang.code()))),
                        List.of(new InputLines("results_indicators", "indicator", Set.of(i.id()), List.of("target_total")),
                                new InputLines("results_regional_targets", "indicator", Set.of(i.id()), List.of("count")),
                                new InputLines("regions", "region", i.regionalTargets().keySet(),
                                        List.of("label_" + lang.code(), "target_name_" + lang.code())))));
    }

    /** What separates a region's name in a target text from the text before it. */
    private static final Pattern NAME_SEPARATOR = Pattern.compile("[(（、,，;；:：]");

    /** A printed number ("1,888" is one); a longer run of digits than any count (a typo) is the largest, so that it still differs. */
    private static long number(String printed) {
        return new java.math.BigInteger(printed.replace(",", "")).min(java.math.BigInteger.valueOf(Long.MAX_VALUE)).longValue();
    }

    /** The numbers a printed text states, in order ("24 个组织(非洲 7 个、…)": 24, 7, ...; 1,888 is one). */
    static List<Long> numbersIn(String text) {
        List<Long> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            out.add(number(m.group()));
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
        for (Row total : valued.stream().filter(r -> r.type() == RowType.GRAND_TOTAL).toList()) {
            String unit = total.key().substring(total.key().indexOf('.') + 1);
            List<Row> items = valued.stream().filter(r -> r.type() == RowType.UNIT && r.key().endsWith("." + unit)).toList();
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
