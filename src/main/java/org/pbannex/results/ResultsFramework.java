package org.pbannex.results;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pbannex.ingest.InputError;
import org.pbannex.ingest.InputSet;
import org.pbannex.ingest.Record;
import org.pbannex.ingest.Said;
import org.pbannex.reference.ReferenceData;
import org.pbannex.reference.Region;
import org.pbannex.table.Text;

/**
 * The results framework of one biennium (Appendix I): its levels with their stated indicator counts, outcomes,
 * outputs and indicators with baselines and targets, in printed order. Loading checks what a schema cannot: that
 * an indicator's level fits its outcome's table, that its output is under its outcome, that a countable target
 * is complete. Arithmetic between figures is left to {@link ResultsChecks}, which runs on every run.
 */
public record ResultsFramework(List<Level> levels, List<Outcome> outcomes, List<Output> outputs, List<Indicator> indicators) {

    /** Which table of Appendix I an outcome is in. */
    public enum Kind {
        IMPACT("i1"), POLICY("i2"), ENABLING("i3");

        private final String tableId;

        Kind(String tableId) {
            this.tableId = tableId;
        }

        public String tableId() {
            return tableId;
        }
    }

    public record Level(String code, long statedCount, Text label) {
    }

    /** An outcome; {@code placeholder} is printed where it has no outcome-level indicator yet. */
    public record Outcome(String code, Kind kind, Text title, Text placeholder) {
    }

    public record Output(String code, String outcome, Text title) {
    }

    /**
     * One baseline entry: a value with its year (and whether it is an estimate), or a descriptive text; {@code footnote}
     * is the marker of the table's note on the entry, printed after it ("待定。³"), or empty.
     */
    public record Baseline(int seq, BigDecimal value, String unit, String year, boolean estimate, Text printed,
                           String footnote, String file, long line) {

        public boolean structured() {
            return value != null;
        }
    }

    /**
     * An indicator. {@code code} is the printed code (empty where none is printed); {@code targetTotal} and
     * {@code targetUnit} are set for a countable target; {@code regionalTargets} maps region codes to counts, in
     * reference order, for a target that names regions.
     */
    public record Indicator(String id, String code, String level, String outcome, String output, Text text,
                            Text verification, String footnote, Text target, Long targetTotal, String targetUnit,
                            List<Baseline> baselines, Map<String, Long> regionalTargets, String file, long line) {

        public boolean hasRegionalSplit() {
            return !regionalTargets.isEmpty();
        }
    }

    public static ResultsFramework from(InputSet in, ReferenceData ref) {
        List<Level> levels = in.table("results_levels").stream().map(r -> new Level(r.text("level"),
                r.integer("stated_count"), text(r, "label"))).toList();
        List<Outcome> outcomes = in.table("results_outcomes").stream().map(r -> new Outcome(r.text("outcome"),
                Kind.valueOf(r.text("kind").toUpperCase(java.util.Locale.ROOT)), text(r, "title"), text(r, "placeholder")))
                .toList();
        Map<String, Outcome> outcomeByCode = ReferenceData.byCode(outcomes, Outcome::code);
        List<Output> outputs = new ArrayList<>();
        for (Record r : in.table("results_outputs")) {
            Outcome o = outcomeByCode.get(r.text("outcome"));
            if (o.kind() == Kind.IMPACT) {
                throw new InputError(r.file(), r.line(), "outcome", Said.of("output_under_impact", "output", r.text("output"),
                        "outcome", o.code()));
            }
            if (!r.text("output").startsWith(o.code() + ".")) {
                throw new InputError(r.file(), r.line(), "output", Said.of("output_outside_outcome", "output", r.text("output"),
                        "outcome", o.code()));
            }
            outputs.add(new Output(r.text("output"), o.code(), text(r, "title")));
        }
        Map<String, Output> outputByCode = ReferenceData.byCode(outputs, Output::code);
        Map<String, List<Baseline>> baselines = baselines(in);
        Map<String, Map<String, Long>> splits = regionalTargets(in, ref);
        List<Indicator> indicators = new ArrayList<>();
        Map<String, Record> printedCodes = new HashMap<>();
        for (Record r : in.table("results_indicators")) {
            String id = r.text("indicator");
            Outcome outcome = outcomeByCode.get(r.text("outcome"));
            String output = r.text("output");
            checkPlacement(r, outcome, output.isEmpty() ? null : outputByCode.get(output));
            String code = r.text("code");
            if (!code.isEmpty()) {
                Record earlier = printedCodes.putIfAbsent(code, r);
                if (earlier != null) {
                    throw new InputError(r.file(), r.line(), "code", Said.of("duplicate_indicator_code", "code", code,
                            "line", String.valueOf(earlier.line())));
                }
            }
            Map<String, Long> split = splits.getOrDefault(id, Map.of());
            Indicator ind = new Indicator(id, code, r.text("level"), outcome.code(), output, text(r, "indicator"),
                    text(r, "verification"), r.text("footnote"), text(r, "target"), r.integerOrNull("target_total"),
                    r.text("target_unit"), baselines.getOrDefault(id, List.of()), split, r.file(), r.line());
            checkTarget(r, ind, in.sourceName("results_regional_targets"));
            IndicatorNotes.check(r.file(), r.line(), id, ind.footnote(), outcome.kind(), ref.texts());
            // A note on a baseline entry (results_baselines.csv's footnote) is under the same table, at the entry's line.
            for (Baseline b : ind.baselines()) {
                IndicatorNotes.check(b.file(), b.line(), id, b.footnote(), outcome.kind(), ref.texts());
            }
            indicators.add(ind);
        }
        checkNoEmptyHeading(in, indicators);
        return new ResultsFramework(levels, outcomes, outputs, indicators);
    }

    /**
     * An outcome or output heads rows of the tables: one with nothing under it would print as a heading alone (the
     * table ending on two empty headings). An outcome without an indicator needs the text printed in their place
     * (placeholder: 待制定。); an output, which has no such text, needs an indicator.
     */
    private static void checkNoEmptyHeading(InputSet in, List<Indicator> indicators) {
        for (Record r : in.table("results_outcomes")) {
            String code = r.text("outcome");
            if (indicators.stream().noneMatch(i -> i.outcome().equals(code)) && r.text("placeholder_zh").isEmpty()) {
                throw new InputError(r.file(), r.line(), "placeholder_zh", Said.of("outcome_without_indicator", "outcome", code,
                        "example", "待制定。 To be developed."));
            }
        }
        for (Record r : in.table("results_outputs")) {
            String code = r.text("output");
            if (indicators.stream().noneMatch(i -> i.output().equals(code))) {
                throw new InputError(r.file(), r.line(), "output", Said.of("output_without_indicator", "output", code));
            }
        }
    }

    /** The level must fit the outcome's table; output-level indicators need an output under the same outcome. */
    private static void checkPlacement(Record r, Outcome outcome, Output output) {
        String level = r.text("level");
        boolean fits = switch (outcome.kind()) {
            case IMPACT -> level.equals("impact");
            case POLICY -> level.equals("outcome") || level.equals("policy_output");
            case ENABLING -> level.equals("enabling_output");
        };
        if (!fits) {
            throw new InputError(r.file(), r.line(), "level", Said.of("level_not_in_outcome", "level", level, "outcome",
                    outcome.code(), "kind", outcome.kind().name().toLowerCase(java.util.Locale.ROOT)));
        }
        boolean needsOutput = level.endsWith("_output");
        if (needsOutput && output == null) {
            throw new InputError(r.file(), r.line(), "output", Said.of("indicator_needs_output", "level", level));
        }
        if (!needsOutput && output != null) {
            throw new InputError(r.file(), r.line(), "output", Said.of("indicator_output_given", "level", level, "output",
                    output.code()));
        }
        if (output != null && !output.outcome().equals(outcome.code())) {
            throw new InputError(r.file(), r.line(), "output", Said.of("output_of_other_outcome", "output", output.code(),
                    "under", output.outcome(), "outcome", outcome.code()));
        }
        String code = r.text("code");
        if (!code.isEmpty() && (output == null || !code.startsWith(output.code() + "."))) {
            throw new InputError(r.file(), r.line(), "code", Said.of("code_not_under_output", "code", code, "output",
                    output == null ? Said.of("no_output") : output.code()));
        }
    }

    /**
     * A countable target has its number, its unit and its printed text; a regional split needs a countable target, and a
     * printed target that states regional counts after its total needs its split (all its rows deleted would leave the
     * targets by region without the indicator, every check passing).
     */
    private static void checkTarget(Record r, Indicator ind, String regionalTargets) {
        boolean total = ind.targetTotal() != null;
        boolean unit = !ind.targetUnit().isEmpty();
        if (total != unit) {
            throw new InputError(r.file(), r.line(), total ? "target_unit" : "target_total", Said.of("countable_target"));
        }
        if (total && ind.target().zh().isEmpty()) {
            throw new InputError(r.file(), r.line(), "target_zh", Said.of("target_without_text", "id", ind.id(), "total",
                    String.valueOf(ind.targetTotal())));
        }
        if (ind.hasRegionalSplit() && !total) {
            throw new InputError(r.file(), r.line(), "target_total", Said.of("regional_without_total", "id", ind.id()));
        }
        List<Long> stated = ResultsChecks.numbersIn(ind.target().zh());
        if (total && !ind.hasRegionalSplit() && stated.size() > 1) {
            throw new InputError(r.file(), r.line(), "target_zh", Said.of("regional_counts", "target", ind.target().zh(), "count",
                    String.valueOf(stated.size() - 1), "total", String.valueOf(stated.get(0)), "file", regionalTargets, "id", ind.id()));
        }
    }

    private static Map<String, List<Baseline>> baselines(InputSet in) {
        Map<String, List<Baseline>> out = new LinkedHashMap<>();
        for (Record r : in.table("results_baselines")) {
            BigDecimal value = r.number("value");
            String year = r.text("year");
            if (value != null && year.isEmpty()) {
                throw new InputError(r.file(), r.line(), "year", Said.of("baseline_needs_year"));
            }
            if (value == null && r.text("text_zh").isEmpty()) {
                throw new InputError(r.file(), r.line(), "text_zh", Said.of("baseline_needs_text"));
            }
            if (value == null && (!year.isEmpty() || r.flag("estimate") || !r.text("unit").isEmpty())) {
                throw new InputError(r.file(), r.line(), "value", Said.of("baseline_without_value"));
            }
            if (year.length() == 9 && Integer.parseInt(year.substring(5)) <= Integer.parseInt(year.substring(0, 4))) {
                throw new InputError(r.file(), r.line(), "year", Said.of("period_backwards", "year", year));
            }
            out.computeIfAbsent(r.text("indicator"), k -> new ArrayList<>()).add(new Baseline((int) r.integer("seq"), value,
                    r.text("unit"), year, r.flag("estimate"), text(r, "text"), r.text("footnote"), r.file(), r.line()));
        }
        out.values().forEach(list -> list.sort(java.util.Comparator.comparingInt(Baseline::seq)));
        return out;
    }

    /** Regional counts per indicator, in the reference order of the regions. */
    private static Map<String, Map<String, Long>> regionalTargets(InputSet in, ReferenceData ref) {
        Map<String, Map<String, Long>> raw = new HashMap<>();
        for (Record r : in.table("results_regional_targets")) {
            Region region = ref.regions().stream().filter(x -> x.code().equals(r.text("region"))).findFirst().orElseThrow();
            if (!region.splitTargets()) {
                throw new InputError(r.file(), r.line(), "region", Said.of("region_not_split", "region", region.code()));
            }
            raw.computeIfAbsent(r.text("indicator"), k -> new HashMap<>()).put(region.code(), r.integer("count"));
        }
        Map<String, Map<String, Long>> out = new HashMap<>();
        raw.forEach((id, counts) -> {
            Map<String, Long> ordered = new LinkedHashMap<>();
            ref.targetRegions().forEach(reg -> {
                if (counts.containsKey(reg.code())) {
                    ordered.put(reg.code(), counts.get(reg.code()));
                }
            });
            out.put(id, ordered);
        });
        return out;
    }

    private static Text text(Record r, String prefix) {
        return new Text(r.text(prefix + "_zh"), r.text(prefix + "_en"));
    }

    public List<Outcome> outcomes(Kind kind) {
        return outcomes.stream().filter(o -> o.kind() == kind).toList();
    }

    public List<Output> outputsOf(String outcome) {
        return outputs.stream().filter(o -> o.outcome().equals(outcome)).toList();
    }

    /** Indicators of an outcome with no output (impact and outcome level), or of one output. */
    public List<Indicator> indicatorsOf(String outcome, String output) {
        return indicators.stream().filter(i -> i.outcome().equals(outcome) && i.output().equals(output == null ? "" : output))
                .toList();
    }
}
