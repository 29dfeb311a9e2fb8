package org.pbannex.outcomes;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pbannex.ingest.InputError;
import org.pbannex.ingest.InputSet;
import org.pbannex.ingest.Record;
import org.pbannex.ingest.Said;
import org.pbannex.results.ResultsFramework;
import org.pbannex.table.Money;
import org.pbannex.table.Text;

/**
 * Resources per policy outcome: the regular budget allocated to each outcome (annex 4) and the previous biennium's
 * as printed, the contributors' shares the source states, the extra-budgetary estimates, and which appropriation
 * line and group Table 2 is built from.
 */
public record OutcomeResources(List<ResultsFramework.Outcome> outcomes, Map<String, Long> allocations,
                               Map<String, BigDecimal> previousMillions, List<Contributor> contributors,
                               List<Estimate> estimates, String outcomesLine, String supportGroup) {

    /**
     * A stated share of an outcome's allocation: a unit (or a printed slice such as 其他 with no unit), and how surely
     * it belongs to the outcome (empty: the source says so; moderate or low: read from the source's layout); {@code file}
     * the input file (or sheet) the share was read from, for a refusal to name.
     */
    public record Contributor(String outcome, int seq, String unit, Text label, BigDecimal sharePct, String confidence,
                              String file) {
    }

    /** An extra-budgetary estimate in US$ millions; an empty outcome is an amount not split by outcome. */
    public record Estimate(String biennium, String fund, String outcome, BigDecimal millions) {
    }

    public static OutcomeResources from(InputSet in, ResultsFramework results) {
        List<ResultsFramework.Outcome> policy = results.outcomes(ResultsFramework.Kind.POLICY);
        Map<String, Long> allocations = new LinkedHashMap<>();
        for (Record r : in.table("outcome_allocations")) {
            allocations.put(policyOutcome(r, policy), r.integer("total_usd"));
        }
        Map<String, BigDecimal> previous = new LinkedHashMap<>();
        for (Record r : in.table("outcome_allocations_previous")) {
            previous.put(policyOutcome(r, policy), r.number("usd_millions"));
        }
        for (ResultsFramework.Outcome o : policy) {
            if (!allocations.containsKey(o.code())) {
                List<Record> rows = in.table("outcome_allocations");
                throw new InputError(rows.get(0).file(), 0, "outcome", Said.of("no_allocation", "outcome", o.code()));
            }
        }
        List<Contributor> contributors = in.table("outcome_contributors").stream().map(r -> new Contributor(
                policyOutcome(r, policy), (int) r.integer("seq"), r.text("unit"), new Text(r.text("label_zh"), r.text("label_en")),
                r.number("share_pct"), r.text("confidence"), r.file())).toList();
        oneConfidencePerOutcome(in.table("outcome_contributors"));
        List<Estimate> estimates = in.table("extrabudgetary_estimates").stream().map(r -> new Estimate(r.text("biennium"),
                r.text("fund"), r.text("outcome").isEmpty() ? "" : policyOutcome(r, policy), r.number("usd_millions"))).toList();
        Map<String, String> roles = new LinkedHashMap<>();
        in.table("strategic_framework").forEach(r -> roles.put(r.text("role"), r.text("code")));
        return new OutcomeResources(policy, allocations, previous, contributors, estimates,
                roles.getOrDefault("outcomes_line", ""), roles.getOrDefault("support_services_group", ""));
    }

    /** An outcome's pie states one confidence for its shares: a share that says otherwise is bad input. */
    private static void oneConfidencePerOutcome(List<Record> rows) {
        Map<String, Record> first = new LinkedHashMap<>();
        for (Record r : rows) {
            Record f = first.putIfAbsent(r.text("outcome"), r);
            if (f != null && !f.text("confidence").equals(r.text("confidence"))) {
                throw new InputError(r.file(), r.line(), "confidence", Said.of("confidence_differs", "outcome", r.text("outcome"),
                        "first", shown(f.text("confidence")), "line", String.valueOf(f.line()), "here",
                        shown(r.text("confidence"))));
            }
        }
    }

    private static Object shown(String confidence) {
        return confidence.isEmpty() ? Said.of("confidence.empty") : "'" + confidence + "'";
    }

    /** The confidence of an outcome's stated shares (empty: the source states them plainly, or there are none). */
    public String confidenceOf(String outcome) {
        return contributorsOf(outcome).stream().map(Contributor::confidence).findFirst().orElse("");
    }

    private static String policyOutcome(Record r, List<ResultsFramework.Outcome> policy) {
        String code = r.text("outcome");
        if (policy.stream().noneMatch(o -> o.code().equals(code))) {
            throw new InputError(r.file(), r.line(), "outcome", Said.of("not_policy_outcome", "value", code));
        }
        return code;
    }

    public long allocationTotal() {
        return Money.sum(allocations.values().stream().mapToLong(Long::longValue));
    }

    /** Whether the estimates file has any figure for this fund and biennium (else Table 2 takes them from lines). */
    public boolean hasEstimates(String biennium, String fund) {
        return estimates.stream().anyMatch(e -> e.biennium().equals(biennium) && e.fund().equals(fund));
    }

    /** Sum of the estimates of one fund and biennium for one outcome, or for all (outcome null, split or not). */
    public BigDecimal estimate(String biennium, String fund, String outcome) {
        return estimates.stream().filter(e -> e.biennium().equals(biennium) && e.fund().equals(fund)
                        && (outcome == null || e.outcome().equals(outcome)))
                .map(Estimate::millions).reduce(BigDecimal::add).orElse(null);
    }

    public List<Contributor> contributorsOf(String outcome) {
        return contributors.stream().filter(c -> c.outcome().equals(outcome))
                .sorted(java.util.Comparator.comparingInt(Contributor::seq)).toList();
    }
}
