package org.pbannex.document;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.pbannex.document.DocumentData.SdgIndicator;
import org.pbannex.document.DocumentData.SdgTarget;
import org.pbannex.results.ResultsFramework;
import org.pbannex.table.CheckResult.InputLines;
import org.pbannex.table.CheckResult.Lines;
import org.pbannex.table.Checks;

/**
 * Table II.1 against Appendix I, on every run: an SDG indicator the table says is in the results framework is linked to
 * an Appendix I indicator whose printed text cites that SDG indicator's code, and that indicator's outcome is one the
 * target names (an impact indicator serves all outcomes, so its target must say all outcomes).
 */
public final class DocumentChecks {

    // The input files (data package resources) the checks name lines of.
    private static final String SDG_INDICATORS = "sdg_indicators";
    private static final String SDG_TARGETS = "sdg_targets";
    private static final String RESULTS_INDICATORS = "results_indicators";

    private DocumentChecks() {
    }

    public static Checks run(DocumentData data, ResultsFramework rf) {
        Checks c = new Checks();
        Map<String, ResultsFramework.Indicator> byId = new java.util.HashMap<>();
        rf.indicators().forEach(i -> byId.put(i.id(), i));
        Map<String, SdgTarget> targets = data.targetsByCode();
        for (SdgIndicator s : data.indicators()) {
            ResultsFramework.Indicator i = byId.get(s.resultsIndicator());
            // The SDG indicator's line and the fields that link it; its code may also be an Appendix I indicator's id
            // (1.1.1), so each check names its lines rather than the records keyed like its row.
            InputLines link = sdgIndicator(s, "results_indicator");
            c.isTrue("ii1.sdg_indicator_in_results_framework", SdgLinksTable.ID, s.code(), i != null,
                    "an Appendix I indicator", s.resultsIndicator().isEmpty() ? "no results_indicator" : s.resultsIndicator(),
                    Lines.both(List.of(link)));
            if (i == null) {
                continue;
            }
            // "8.5.2" cited as a code, not as part of a longer number (18.5.2, 8.5.21).
            Pattern cited = Pattern.compile("(?<![0-9A-Za-z.])" + Pattern.quote(s.code()) + "(?![0-9A-Za-z])");
            c.isTrue("ii1.results_indicator_cites_sdg_code", SdgLinksTable.ID, s.code(), cited.matcher(i.text().zh()).find(),
                    "indicator " + i.id() + " cites " + s.code(), i.text().zh(),
                    new Lines(List.of(indicator(i, "indicator_zh")), List.of(sdgIndicator(s, "sdg_indicator", "results_indicator"))));
            SdgTarget target = targets.get(s.target());
            boolean impact = rf.outcomes(ResultsFramework.Kind.IMPACT).stream().anyMatch(o -> o.code().equals(i.outcome()));
            boolean serves = target.allOutcomes() || (!impact && target.outcomes().contains(i.outcome()));
            c.isTrue("ii1.indicator_outcome_serves_target", SdgLinksTable.ID, s.code(), serves,
                    "outcome " + i.outcome() + " among those of target " + target.code(),
                    target.allOutcomes() ? "all outcomes" : String.join(" ", target.outcomes()),
                    new Lines(List.of(sdgIndicator(s, "sdg_target", "results_indicator"),
                            new InputLines(SDG_TARGETS, "sdg_target", Set.of(target.code()), List.of("outcomes"))),
                            List.of(indicator(i, "outcome"))));
        }
        return c;
    }

    private static InputLines sdgIndicator(SdgIndicator s, String... columns) {
        return new InputLines(SDG_INDICATORS, "sdg_indicator", Set.of(s.code()), List.of(columns));
    }

    private static InputLines indicator(ResultsFramework.Indicator i, String... columns) {
        return new InputLines(RESULTS_INDICATORS, "indicator", Set.of(i.id()), List.of(columns));
    }
}
