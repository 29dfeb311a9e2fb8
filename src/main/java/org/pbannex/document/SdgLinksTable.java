package org.pbannex.document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.pbannex.document.DocumentData.SdgIndicator;
import org.pbannex.document.DocumentData.SdgTarget;
import org.pbannex.reference.DocumentText;
import org.pbannex.reference.TextKeys;
import org.pbannex.reference.Texts;
import org.pbannex.table.Column;
import org.pbannex.table.Row;
import org.pbannex.table.RowType;
import org.pbannex.table.Table;
import org.pbannex.table.Text;
import org.pbannex.table.TidyRows;
import org.pbannex.table.ValueKind;

/**
 * Appendix II, Table II.1: the SDG targets the ILO's policy outcomes serve, grouped by goal (the printed goal icons
 * become a heading row per goal), each with the SDG indicators of the results framework under it and the outcomes
 * that serve it, one per line as printed. The tidy CSV has one line per target and indicator (a target without an
 * indicator has one line with the indicator empty).
 */
public final class SdgLinksTable {

    public static final String ID = "ii1";
    static final List<String> TIDY_COLUMNS = List.of("sdg_goal", "sdg_target", "sdg_target_text", "sdg_indicator",
            "sdg_indicator_text", "outcomes");

    /**
     * Between the outcome codes of the CSV's {@code outcomes} ("1;2;7"): one character, no space, that no code has, so
     * that a CSV reader splits the cell on it (a space read as one value, or as several with blanks, by tool).
     */
    static final String OUTCOME_SEPARATOR = ";";

    /** Where the printed table shows each tidy value: the target's text in its row's label, its indicators in one cell. */
    static final Map<String, String> SHOWN_IN = Map.of("sdg_goal", "sdg_goal", "sdg_target", "sdg_target",
            "sdg_target_text", TidyRows.LABEL, "sdg_indicator", "indicators", "sdg_indicator_text", "indicators",
            "outcomes", "outcomes");

    private SdgLinksTable() {
    }

    public static Table build(Texts t, DocumentData data) {
        List<Row> rows = new ArrayList<>();
        List<TidyRows.Line> tidy = new ArrayList<>();
        String goal = null;
        for (SdgTarget target : data.targets()) {
            if (!target.goal().equals(goal)) {
                goal = target.goal();
                rows.add(Row.heading("goal." + goal, t.get("ii1.goal").with("goal", goal), 0));
            }
            List<SdgIndicator> indicators = data.indicatorsOf(target.code());
            Text label = t.get("ii1.target").with("code", target.code()).with("text", target.text());
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("sdg_goal", target.goal());
            v.put("sdg_target", target.code());
            v.put("indicators", indicators.isEmpty() ? null : lines(indicators.stream()
                    .map(i -> t.get("ii1.indicator").with("code", i.code()).with("text", i.text())).toList()));
            v.put("outcomes", outcomes(t, target));
            rows.add(new Row(target.code(), RowType.UNIT, label, 0, v));
            for (SdgIndicator i : indicators.isEmpty() ? java.util.Collections.<SdgIndicator>singletonList(null) : indicators) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("sdg_goal", target.goal());
                line.put("sdg_target", target.code());
                line.put("sdg_target_text", target.text());
                line.put("sdg_indicator", i == null ? "" : i.code());
                line.put("sdg_indicator_text", i == null ? Text.EMPTY : i.text());
                line.put("outcomes", target.allOutcomes() ? DocumentData.ALL_OUTCOMES : String.join(OUTCOME_SEPARATOR, target.outcomes()));
                tidy.add(new TidyRows.Line(i == null ? target.code() : i.code(), RowType.UNIT, label, line, SHOWN_IN));
            }
        }
        List<Text> footnotes = new ArrayList<>(t.numbered(TextKeys.footnotes(ID)));
        footnotes.addAll(repeatedTexts(t, data.targets()));
        return DocumentText.table(t, ID, columns(t), rows, footnotes, false).withTidy(new TidyRows(TIDY_COLUMNS, tidy));
    }

    private static List<Column> columns(Texts t) {
        return List.of(
                Column.of("indicators", t.get("ii1.col.indicators"), Text.EMPTY, Text.EMPTY, ValueKind.TEXT),
                Column.of("outcomes", t.get("ii1.col.outcomes"), Text.EMPTY, Text.EMPTY, ValueKind.TEXT),
                Column.attribute("sdg_goal", t.get("ii1.col.goal"), ValueKind.TEXT),
                Column.attribute("sdg_target", t.get("ii1.col.target"), ValueKind.TEXT));
    }

    /** "成果目标 1", "成果目标 2" one per line, or "所有成果目标", as printed. */
    static Text outcomes(Texts t, SdgTarget target) {
        if (target.allOutcomes()) {
            return t.get("ii1.all_outcomes");
        }
        return lines(target.outcomes().stream().map(o -> t.get("ii1.outcome").with("code", o)).toList());
    }

    private static Text lines(List<Text> entries) {
        return new Text(entries.stream().map(Text::zh).collect(Collectors.joining("\n")),
                entries.stream().map(e -> e.en().isEmpty() ? e.zh() : e.en()).collect(Collectors.joining("\n")));
    }

    /**
     * A target printed with the text of an earlier target is kept as printed, and a note says so. The English note
     * says whether the English text was corrected (it differs) or repeats the print too.
     */
    private static List<Text> repeatedTexts(Texts t, List<SdgTarget> targets) {
        List<Text> notes = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            for (int j = 0; j < i; j++) {
                SdgTarget later = targets.get(i);
                SdgTarget earlier = targets.get(j);
                if (later.text().zh().equals(earlier.text().zh())) {
                    String key = later.text().en().equals(earlier.text().en()) ? "ii1.repeated_text" : "ii1.repeated_text_corrected";
                    notes.add(t.get(key).with("code", later.code()).with("other", earlier.code()));
                    break;
                }
            }
        }
        return notes;
    }
}
