package org.pbannex.outcomes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pbannex.reference.DocumentText;
import org.pbannex.reference.TextKeys;
import org.pbannex.reference.Texts;
import org.pbannex.results.ResultsFramework;
import org.pbannex.table.Chart;
import org.pbannex.table.Column;
import org.pbannex.table.Language;
import org.pbannex.table.Row;
import org.pbannex.table.RowType;
import org.pbannex.table.Table;
import org.pbannex.table.Text;
import org.pbannex.table.ValueKind;

/**
 * Information annex 4: the regular budget of each policy outcome and the shares of it that the source states for
 * departments and field programmes. What the source does not itemise is one row, "not itemised", never spread
 * over invented contributors. A pie per outcome shows the shares, as printed, with the "not itemised" slice, and says
 * under its title how surely its shares belong to the outcome where the input gives a confidence; an outcome with no
 * stated share gets no chart but a sentence among the notes.
 */
public final class OutcomeResourcesTable {

    public static final String ID = "a4";
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100).setScale(1);
    static final String NOT_ITEMISED = "NOT_ITEMISED";
    static final String OTHER = "OTHER";

    private OutcomeResourcesTable() {
    }

    public static Table build(Texts t, OutcomeResources res) {
        List<Row> rows = new ArrayList<>();
        List<Chart> charts = new ArrayList<>();
        List<String> unstated = new ArrayList<>();
        boolean anyNotItemised = false;
        for (ResultsFramework.Outcome o : res.outcomes()) {
            Text title = t.get("a4.outcome").with("code", o.code()).with("title", o.title());
            rows.add(new Row(o.code(), RowType.GROUP_SUBTOTAL, title, 0, values(o.code(), "", res.allocations().get(o.code()), HUNDRED)));
            List<Text> labels = new ArrayList<>();
            List<Number> shares = new ArrayList<>();
            BigDecimal stated = BigDecimal.ZERO.setScale(1);
            Text other = null;
            for (OutcomeResources.Contributor c : res.contributorsOf(o.code())) {
                String contributor = c.unit().isEmpty() ? OTHER : c.unit();
                Map<String, Object> v = values(o.code(), contributor, null, c.sharePct());
                v.put("confidence", c.confidence().isEmpty() ? null : c.confidence());
                rows.add(new Row(o.code() + "." + c.seq(), RowType.UNIT, c.label(), 1, v));
                other = c.unit().isEmpty() ? c.label() : other;
                labels.add(c.label());
                shares.add(c.sharePct());
                stated = stated.add(c.sharePct());
            }
            BigDecimal rest = HUNDRED.subtract(stated);
            // Shares that add up to the whole leave nothing not itemised: no such row, slice or note.
            boolean leftOver = rest.signum() != 0;
            anyNotItemised |= leftOver;
            if (leftOver) {
                rows.add(new Row(o.code() + ".rest", RowType.UNIT, t.get("a4.not_itemised"), 1, values(o.code(), NOT_ITEMISED, null, rest)));
            }
            if (labels.isEmpty()) {
                // A pie of one "not itemised" slice says nothing: a sentence instead.
                unstated.add(o.code());
                continue;
            }
            if (leftOver) {
                labels.add(t.get("a4.not_itemised"));
                shares.add(rest);
            }
            charts.add(new Chart(ID + "-" + o.code(), Chart.Kind.PIE, title, t.get("a4.chart.alt").with("title", title)
                    .with("values", altValues(labels, shares)), t.get("a4.chart.axis"), labels,
                    List.of(new Chart.Series(t.get("a4.chart.series"), shares))).withNote(chartNote(t, res.confidenceOf(o.code()),
                    leftOver ? other : null)));
        }
        List<Text> footnotes = new ArrayList<>();
        Text confidences = confidences(t, res);
        if (anyNotItemised || !confidences.isEmpty()) {
            footnotes.add(notItemisedNote(t, confidences, res));
        }
        footnotes.addAll(t.numbered(TextKeys.footnotes(ID)));
        if (!unstated.isEmpty()) {
            footnotes.add(t.get(unstated.size() == 1 ? "a4.no_chart.one" : "a4.no_chart").with("codes", t.list(unstated)));
        }
        return DocumentText.table(t, ID, columns(t), rows, footnotes, false).withCharts(charts);
    }

    /** Where the note on what is not itemised says how surely the shares belong to their outcomes. */
    static final String CONFIDENCES = "{confidences}";
    static final String NOTE = "a4.not_itemised_note";

    /**
     * The note on what is not itemised, with the confidences outcome_contributors.csv gives in place of
     * {@value #CONFIDENCES}, so that the prose cannot say another than the column (and the pies, which say "see the
     * notes"). A note that has no place for them while the column gives some, or has one while it gives none, is bad input.
     */
    private static Text notItemisedNote(Texts t, Text confidences, OutcomeResources res) {
        Text note = t.get(NOTE);
        boolean placed = note.zh().contains(CONFIDENCES) && note.in(Language.EN).contains(CONFIDENCES);
        if (!confidences.isEmpty() && !placed) {
            // The file that gives a confidence (there is one, or confidences would be empty).
            String contributors = res.contributors().stream().filter(c -> !c.confidence().isEmpty()).findFirst()
                    .orElseThrow().file();
            // The biennium's own texts sit beside its data files (input/2024-25/reference/texts.csv): a new biennium copied
            // from the last one keeps its confidences, and the note saying them was that biennium's own.
            String own = java.nio.file.Path.of(contributors).resolveSibling("reference").resolve("texts.csv").toString()
                    .replace('\\', '/');
            throw t.error(NOTE, contributors + " gives shares a confidence (" + confidences.in(Language.EN) + "), and the "
                    + "pies refer to the notes for it: say " + CONFIDENCES + " where this note states it, in both languages "
                    + "(for this biennium only: add the key to " + own + "), or empty the column confidence of " + contributors);
        }
        if (confidences.isEmpty() && (note.zh().contains(CONFIDENCES) || note.in(Language.EN).contains(CONFIDENCES))) {
            throw t.error(NOTE, "says " + CONFIDENCES + ", but outcome_contributors.csv gives no share a confidence: word the note "
                    + "without it");
        }
        return note.with("confidences", confidences);
    }

    /**
     * "with moderate confidence for outcome 1, with low confidence for outcome 2": each confidence the column gives, with
     * the outcomes whose shares have it (texts a4.confidence.outcome(s), joined by a4.confidence.more); empty for none.
     */
    private static Text confidences(Texts t, OutcomeResources res) {
        Map<String, List<String>> byLevel = new LinkedHashMap<>();
        for (ResultsFramework.Outcome o : res.outcomes()) {
            String level = res.confidenceOf(o.code());
            if (!level.isEmpty()) {
                byLevel.computeIfAbsent(level, l -> new ArrayList<>()).add(o.code());
            }
        }
        Text out = Text.EMPTY;
        for (var e : byLevel.entrySet()) {
            Text clause = t.get(e.getValue().size() == 1 ? "a4.confidence.outcome" : "a4.confidence.outcomes")
                    .with("level", t.get("a4.confidence." + e.getKey())).with("codes", t.list(e.getValue()));
            out = out.isEmpty() ? clause : t.get("a4.confidence.more").with("a", out).with("b", clause);
        }
        return out;
    }

    /**
     * What a pie says under its title: how surely its shares belong to the outcome, where the input says they are read
     * from the source's layout ("with low confidence"), and, where a slice the source calls other sits beside the not
     * itemised one, which is which; empty when neither.
     */
    private static Text chartNote(Texts t, String confidence, Text other) {
        Text note = confidence.isEmpty() ? Text.EMPTY : t.get("a4.chart.confidence").with("level", t.get("a4.confidence." + confidence));
        if (other != null) {
            Text otherNote = t.get("a4.chart.other").with("other", other);
            note = note.isEmpty() ? otherNote : new Text(note.zh() + otherNote.zh(), note.in(Language.EN) + " " + otherNote.in(Language.EN));
        }
        return note;
    }

    private static Text altValues(List<Text> labels, List<Number> shares) {
        StringBuilder zh = new StringBuilder();
        StringBuilder en = new StringBuilder();
        for (int i = 0; i < labels.size(); i++) {
            zh.append(i == 0 ? "" : "；").append(labels.get(i).zh()).append(" ").append(shares.get(i)).append("%");
            en.append(i == 0 ? "" : "; ").append(labels.get(i).in(Language.EN)).append(" ").append(shares.get(i))
                    .append("%");
        }
        return new Text(zh.toString(), en.toString());
    }

    private static Map<String, Object> values(String outcome, String contributor, Long total, BigDecimal share) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("outcome", outcome);
        v.put("contributor", contributor.isEmpty() ? null : contributor);
        v.put("total_usd", total);
        v.put("share_pct", share);
        return v;
    }

    private static List<Column> columns(Texts t) {
        return List.of(
                Column.dataKey("outcome", ValueKind.TEXT),
                Column.dataKey("contributor", ValueKind.TEXT),
                Column.of("total_usd", t.get("a4.col.total"), Text.EMPTY, t.get("unit.usd"), ValueKind.AMOUNT),
                Column.of("share_pct", t.get("a4.col.share"), Text.EMPTY, Text.of("%"), ValueKind.PERCENT),
                // How surely a share belongs to its outcome: data for machines; the pie and the notes say it to readers.
                Column.dataKey("confidence", ValueKind.TEXT));
    }
}
