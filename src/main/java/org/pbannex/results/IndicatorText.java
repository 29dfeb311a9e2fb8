package org.pbannex.results;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import org.pbannex.reference.Texts;
import org.pbannex.results.ResultsFramework.Baseline;
import org.pbannex.results.ResultsFramework.Indicator;
import org.pbannex.table.NoteMarker;
import org.pbannex.table.Text;

/** How results-framework entries read on the page: labels with their codes, baselines from their parts. */
final class IndicatorText {

    /** Entries of one cell (several baselines, or target sub-rows) are joined like this, as in the golden transcription. */
    static final String ENTRY_SEPARATOR = "; ";

    private IndicatorText() {
    }

    /** "1.1.1. 扩大代表性的…" with a footnote marker, or the bare text where no code is printed. */
    static Text label(Texts t, Indicator i) {
        Text label = i.code().isEmpty() ? i.text() : t.get("results.indicator").with("code", i.code()).with("text", i.text());
        return marked(label, i.footnote());
    }

    /**
     * The text with the footnote marker printed after it ("待定。³"), in each language it has; the text itself where it
     * has none. The workbook shows a marker ending a cell as the note it points to ("[note 12]").
     */
    static Text marked(Text text, String footnote) {
        return footnote.isEmpty() ? text : new Text(text.zh() + marker(footnote), text.en().isEmpty() ? "" : text.en() + marker(footnote));
    }

    private static String marker(String footnote) {
        StringBuilder b = new StringBuilder();
        for (char c : footnote.toCharArray()) {
            b.append(Character.isDigit(c) ? NoteMarker.SUPERSCRIPT_DIGITS.charAt(c - '0') : c);
        }
        return b.toString();
    }

    /**
     * A structured baseline as the template prints it ("20 (2019 年*)", "7.4% (2018)"); null for a descriptive one.
     * Values keep the precision they were given and group thousands with a comma, as Appendix I prints them.
     */
    static Text derived(Texts t, Baseline b) {
        if (!b.structured()) {
            return null;
        }
        Text estimate = b.estimate() ? t.get("results.baseline.estimate") : Text.EMPTY;
        return t.get("results.baseline").with("value", grouped(b.value())).with("unit", b.unit()).with("year", b.year())
                .with("estimate", estimate);
    }

    /** The published baseline entry: the printed text, with the English derived where it is not given. */
    static Text published(Texts t, Baseline b) {
        Text derived = derived(t, b);
        String en = !b.printed().en().isEmpty() ? b.printed().en() : derived == null ? "" : derived.en();
        return new Text(b.printed().zh(), en);
    }

    /** The baseline cell: its entries in order, each with the marker of its footnote where it has one ("待定。³"). */
    static Text baselines(Texts t, List<Baseline> entries) {
        List<Text> texts = entries.stream().map(b -> marked(published(t, b), b.footnote())).toList();
        return new Text(texts.stream().map(Text::zh).collect(Collectors.joining(ENTRY_SEPARATOR)),
                texts.stream().map(Text::en).allMatch(String::isEmpty) ? ""
                        : joinSentences(texts.stream().map(x -> x.en().isEmpty() ? x.zh() : x.en()).toList()));
    }

    /**
     * English entries joined by "; ": an entry's full stop gives way to the semicolon ("(2018-2020); UN funding"), its
     * footnote marker kept ("To be determined³; 20 (2019)").
     */
    static String joinSentences(List<String> entries) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < entries.size(); i++) {
            String e = entries.get(i);
            String text = NoteMarker.strip(e);
            String marker = e.substring(text.length());
            b.append(i == 0 ? "" : ENTRY_SEPARATOR).append(i < entries.size() - 1 && text.endsWith(".") ? text.substring(0, text.length() - 1) : text)
                    .append(marker);
        }
        return b.toString();
    }

    static String grouped(BigDecimal value) {
        String plain = value.abs().toPlainString();
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                b.append(',');
            }
            b.append(whole.charAt(i));
        }
        return (value.signum() < 0 ? "-" : "") + b + (dot < 0 ? "" : plain.substring(dot));
    }
}
