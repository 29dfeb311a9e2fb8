package org.pbannex.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.pbannex.ingest.InputError;
import org.pbannex.ingest.InputSet;
import org.pbannex.ingest.Record;
import org.pbannex.ingest.Said;
import org.pbannex.reference.Biennium;
import org.pbannex.results.ResultsFramework;
import org.pbannex.table.Text;

/**
 * The parts of the document that are tables of text or of figures typed once and only shown: the supplementary
 * expenditure authorizations of information annex 1 (para. 52), the SDG targets and indicators of Appendix II and the
 * strategic risk register of Appendix III, in printed order. Loading checks what a schema cannot: that a financial
 * period is a biennium before the one being run, in order and without a gap; that an outcome a target names is a
 * policy outcome; that an SDG indicator is numbered under its target.
 */
public record DocumentData(List<Authorization> authorizations, List<SdgTarget> targets, List<SdgIndicator> indicators,
                           List<Risk> risks) {

    /** A financial period (a biennium, written 2010-2011 as printed) and the total authorized in it, US$. */
    public record Authorization(Biennium period, long amountUsd) {
    }

    /**
     * An SDG target: its code (8.5, 8.b), the goal it belongs to (8), its text, and the policy outcomes that serve it
     * ({@code allOutcomes} where the table says all outcomes).
     */
    public record SdgTarget(String code, String goal, Text text, boolean allOutcomes, List<String> outcomes) {
    }

    /** An SDG indicator of the results framework, under its target; {@code resultsIndicator} is the Appendix I indicator id. */
    public record SdgIndicator(String code, String target, Text text, String resultsIndicator, String file, long line) {
    }

    /** A risk of the register: its printed number and the four printed columns. */
    public record Risk(long number, Text event, Text consequences, Text comments, Text response) {
    }

    static final String ALL_OUTCOMES = "ALL";

    public static DocumentData from(InputSet in, ResultsFramework rf) {
        Biennium current = Biennium.parse(in.biennium());
        List<SdgTarget> targets = targets(in.table("sdg_targets"), rf);
        List<SdgIndicator> indicators = indicators(in.table("sdg_indicators"));
        refuseCitedButMissing(targets, indicators, rf, in.sourceName("sdg_indicators"));
        return new DocumentData(authorizations(in.table("supplementary_authorizations"), current),
                targets, indicators, risks(in.table("strategic_risks")));
    }

    /** An SDG indicator code as cited in a text (8.5.2, 8.b.1: the form of sdg_indicators.csv's codes), not part of a longer number. */
    private static final java.util.regex.Pattern CITED_SDG_INDICATOR =
            java.util.regex.Pattern.compile("(?<![0-9A-Za-z.])[0-9]+\\.[0-9a-z]+\\.[0-9]+(?![0-9A-Za-z])");

    /**
     * Table II.1 lists the SDG indicators of the results framework: one that an Appendix I indicator's text cites and that
     * has no row would vanish from the table, every check passing (they start from the table's rows). Only a code under
     * a target of the table counts: a number of another kind (an Appendix I code such as 3.1.2) is under none.
     */
    private static void refuseCitedButMissing(List<SdgTarget> targets, List<SdgIndicator> listed, ResultsFramework rf, String file) {
        Set<String> codes = listed.stream().map(SdgIndicator::code).collect(Collectors.toSet());
        Set<String> underTargets = targets.stream().map(SdgTarget::code).collect(Collectors.toSet());
        for (ResultsFramework.Indicator i : rf.indicators()) {
            java.util.regex.Matcher m = CITED_SDG_INDICATOR.matcher(i.text().zh());
            while (m.find()) {
                String code = m.group();
                if (!codes.contains(code) && underTargets.contains(code.substring(0, code.lastIndexOf('.')))) {
                    throw new InputError(file, 0, "sdg_indicator", Said.of("sdg_cited_missing", "code", code, "cited",
                            Said.of("at_" + org.pbannex.ingest.SourceName.lineWord(i.file()), "file", i.file(), "line",
                                    String.valueOf(i.line())), "id", i.id(), "target", code.substring(0, code.lastIndexOf('.'))));
                }
            }
        }
    }

    private static List<Authorization> authorizations(List<Record> rows, Biennium current) {
        List<Authorization> out = new ArrayList<>();
        for (Record r : rows) {
            String printed = r.text("financial_period");
            int first = Integer.parseInt(printed.substring(0, 4));
            int second = Integer.parseInt(printed.substring(5));
            if (second != first + 1 || first % 2 != 0) {
                throw new InputError(r.file(), r.line(), "financial_period", Said.of("not_a_period", "value", printed));
            }
            if (current != null && first >= current.firstYear()) {
                throw new InputError(r.file(), r.line(), "financial_period", Said.of("not_before", "value", printed,
                        "biennium", current.longForm()));
            }
            if (!out.isEmpty() && out.get(out.size() - 1).period().firstYear() >= first) {
                throw new InputError(r.file(), r.line(), "financial_period", Said.of("comes_after", "value", printed,
                        "previous", out.get(out.size() - 1).period().longForm()));
            }
            // A period left out (a line deleted by mistake) would vanish from para. 52, every check passing.
            if (!out.isEmpty() && out.get(out.size() - 1).period().firstYear() + 2 != first) {
                Biennium previous = out.get(out.size() - 1).period();
                throw new InputError(r.file(), r.line(), "financial_period", Said.of("period_gap", "value", printed,
                        "previous", previous.longForm(), "missing", new Biennium(previous.firstYear() + 2).longForm()));
            }
            out.add(new Authorization(new Biennium(first), r.integer("amount_usd")));
        }
        return out;
    }

    private static List<SdgTarget> targets(List<Record> rows, ResultsFramework rf) {
        Set<String> policy = rf.outcomes(ResultsFramework.Kind.POLICY).stream().map(ResultsFramework.Outcome::code)
                .collect(Collectors.toSet());
        List<SdgTarget> out = new ArrayList<>();
        for (Record r : rows) {
            String code = r.text("sdg_target");
            String outcomes = r.text("outcomes");
            boolean all = outcomes.equals(ALL_OUTCOMES);
            List<String> codes = all ? List.of() : List.of(outcomes.split(" "));
            for (String o : codes) {
                if (!policy.contains(o)) {
                    throw new InputError(r.file(), r.line(), "outcomes", Said.of("not_policy_outcome", "value", o));
                }
            }
            if (codes.stream().distinct().count() != codes.size()) {
                throw new InputError(r.file(), r.line(), "outcomes", Said.of("outcome_twice", "value", outcomes));
            }
            out.add(new SdgTarget(code, code.substring(0, code.indexOf('.')), text(r, "target"), all, codes));
        }
        return out;
    }

    private static List<SdgIndicator> indicators(List<Record> rows) {
        List<SdgIndicator> out = new ArrayList<>();
        for (Record r : rows) {
            String code = r.text("sdg_indicator");
            String target = r.text("sdg_target");
            if (!code.startsWith(target + ".")) {
                throw new InputError(r.file(), r.line(), "sdg_indicator", Said.of("not_under_target", "code", code,
                        "target", target));
            }
            out.add(new SdgIndicator(code, target, text(r, "indicator"), r.text("results_indicator"), r.file(), r.line()));
        }
        return out;
    }

    private static List<Risk> risks(List<Record> rows) {
        List<Risk> out = new ArrayList<>();
        // Numbered 1, 2, 3 ... in printed order: the ingest refuses a gap (pbNumbering in datapackage.json).
        for (Record r : rows) {
            out.add(new Risk(r.integer("risk"), text(r, "event"), text(r, "consequences"), text(r, "comments"), text(r, "response")));
        }
        return out;
    }

    private static Text text(Record r, String prefix) {
        return new Text(r.text(prefix + "_zh"), r.text(prefix + "_en"));
    }

    /** The indicators under one target, in printed order. */
    public List<SdgIndicator> indicatorsOf(String target) {
        return indicators.stream().filter(i -> i.target().equals(target)).toList();
    }

    /** Targets by code. */
    public Map<String, SdgTarget> targetsByCode() {
        return targets.stream().collect(Collectors.toMap(SdgTarget::code, t -> t, (a, b) -> a, java.util.LinkedHashMap::new));
    }
}
