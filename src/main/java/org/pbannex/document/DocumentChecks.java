package org.pbannex.document;

import java.util.Map;
import java.util.regex.Pattern;
import org.pbannex.document.DocumentData.SdgIndicator;
import org.pbannex.document.DocumentData.SdgTarget;
import org.pbannex.results.ResultsFramework;
import org.pbannex.table.Checks;

/**
 * Table II.1 against Appendix I, on every run: an SDG indicator the table says is in the results framework is linked to
 * an Appendix I indicator whose printed text cites that SDG indicator's code, and that indicator's outcome is one the
 * target names (an impact indicator serves all outcomes, so its target must say all outcomes).
 */
public final class DocumentChecks {

    private DocumentChecks() {
    }

    public static Checks run(DocumentData data, ResultsFramework rf) {
        Checks c = new Checks();
        Map<String, ResultsFramework.Indicator> byId = new java.util.HashMap<>();
        rf.indicators().forEach(i -> byId.put(i.id(), i));
        Map<String, SdgTarget> targets = data.targetsByCode();
        for (SdgIndicator s : data.indicators()) {
            ResultsFramework.Indicator i = byId.get(s.resultsIndicator());
            c.isTrue("ii1.sdg_indicator_in_results_framework", SdgLinksTable.ID, s.code(), i != null,
                    "an Appendix I indicator", s.resultsIndicator().isEmpty() ? "no results_indicator" : s.resultsIndicator());
            if (i == null) {
                continue;
            }
            // "8.5.2" cited as a code, not as part of a longer number (18.5.2, 8.5.21).
            Pattern cited = Pattern.compile("(?<![0-9A-Za-z.])" + Pattern.quote(s.code()) + "(?![0-9A-Za-z])");
            c.isTrue("ii1.results_indicator_cites_sdg_code", SdgLinksTable.ID, s.code(), cited.matcher(i.text().zh()).find(),
                    "indicator " + i.id() + " cites " + s.code(), i.text().zh());
            SdgTarget target = targets.get(s.target());
            boolean impact = rf.outcomes(ResultsFramework.Kind.IMPACT).stream().anyMatch(o -> o.code().equals(i.outcome()));
            boolean serves = target.allOutcomes() || (!impact && target.outcomes().contains(i.outcome()));
            c.isTrue("ii1.indicator_outcome_serves_target", SdgLinksTable.ID, s.code(), serves,
                    "outcome " + i.outcome() + " among those of target " + target.code(),
                    target.allOutcomes() ? "all outcomes" : String.join(" ", target.outcomes()));
        }
        return c;
    }
}
