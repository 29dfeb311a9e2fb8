package org.pbannex.render.markup;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.pbannex.render.LineBreaks;
import org.pbannex.render.NoteOrigin;
import org.pbannex.render.NumberText;
import org.pbannex.render.PublicationInfo;
import org.pbannex.table.Language;
import org.pbannex.table.Text;
import org.pbannex.table.ValueKind;
import org.unbescape.html.HtmlEscape;

/**
 * What the editions say about themselves, in one language: title, source, the run's facts under the shared wording,
 * the general notes (pb-annex's own tagged so, {@link NoteOrigin#general}) and the input files (a synthetic one marked as such).
 *
 * @param leftOut what the expenditure lines left out of every total are ("Lines left out: 3 expenditure lines of biennia
 *                after 2022-23 ..."), said beside the list of input files, whose rows count them; empty when none is
 */
public record CoverView(String title, String source, String biennium, List<Fact> facts, List<String> notes,
                        List<InputLine> inputs, String leftOut) {

    /** A named fact: "How to cite", and how. */
    public record Fact(String name, String value) {
    }

    /**
     * One input file: its path, checksum (empty for expenditure-line files) and rows as the edition writes a count;
     * {@code note} says, in the edition's language, that the file holds synthetic data.
     */
    public record InputLine(String path, String sha256, String rows, boolean synthetic, String note, boolean chinese) {

        /** The file and what it holds, as a cover names it: "input/expenditure/x.csv — synthetic data, not ILO data". */
        public String named() {
            return note.isEmpty() ? path : path + " — " + note;
        }

        /**
         * The path as markup for the HTML edition: a number joined by its hyphen to what is before it ("2022-23",
         * "synthetic-2016-2023", where {@link LineBreaks#insideHyphenatedNumber} forbids a break) in a span of class
         * {@code w}, kept whole; a browser still breaks after a slash, and a name longer than its line at the edge.
         */
        public String pathWithBreaks() {
            Matcher m = HYPHENATED.matcher(path);
            StringBuilder out = new StringBuilder();
            int from = 0;
            while (m.find()) {
                if (IntStream.range(m.start() + 1, m.end()).anyMatch(at -> LineBreaks.insideHyphenatedNumber(path, at))) {
                    out.append(HtmlEscape.escapeHtml4Xml(path.substring(from, m.start()))).append("<span class=\"w\">")
                            .append(HtmlEscape.escapeHtml4Xml(m.group())).append("</span>");
                    from = m.end();
                }
            }
            return out.append(HtmlEscape.escapeHtml4Xml(path.substring(from))).toString();
        }

        /** The note as markup for the HTML edition, broken between words only ({@link TableView#withBreaks(String, boolean)}). */
        public String noteWithBreaks() {
            return TableView.withBreaks(note, chinese);
        }
    }

    /** Letters and digits joined by hyphens or dashes: where a path's number may hang on a hyphen. */
    private static final Pattern HYPHENATED = Pattern.compile("[\\p{L}\\p{N}\u2013-]+");

    /** The cover of an edition of {@code tableIds}: a general note on other tables only is not on it. */
    public static CoverView of(PublicationInfo info, Wording w, Language lang, List<String> tableIds) {
        List<Fact> facts = new ArrayList<>();
        fact(facts, w.in("source", lang), in(info.source(), lang));
        fact(facts, w.in("run_id", lang), info.runId());
        fact(facts, w.in("run_time", lang), w.text("date_time").instant(info.runTime()).in(lang));
        fact(facts, w.in("code_version", lang), info.codeVersion());
        // The lines read include those of a later biennium, which no total sums: the cover says so, not the tables alone.
        String leftOut = w.linesLeftOut(info.linesLeftOut(), info.biennium()).in(lang);
        fact(facts, w.in("left_out", lang), leftOut);
        fact(facts, w.in("contact", lang), in(info.contact(), lang));
        fact(facts, w.in("citation", lang), in(info.citation(), lang));
        List<InputLine> inputs = inputs(info, w, lang);
        List<String> notes = new ArrayList<>();
        // Tagged as the workbook's Notes sheet and the notes under the tables tag theirs: pb-annex's unless printed.
        NoteOrigin origin = NoteOrigin.of(w.lookup());
        for (int i = 0; info.notes() != null && i < info.notes().size(); i++) {
            List<String> scope = info.noteTables(i);
            if (scope.isEmpty() || scope.stream().anyMatch(tableIds::contains)) {
                notes.add(origin.general(info.notes().get(i)).in(lang));
            }
        }
        return new CoverView(in(info.title(), lang), in(info.source(), lang), info.biennium(), facts, notes, inputs,
                leftOut.isEmpty() ? "" : w.text("left_out_line").with("v", leftOut).in(lang));
    }

    /** The input files of synthetic data: a cover that leaves the whole list to a page of its own still names these. */
    public List<InputLine> syntheticInputs() {
        return inputs.stream().filter(InputLine::synthetic).toList();
    }

    /**
     * The run's input files of synthetic data as every edition's cover names them (the workbook's, whose list of input
     * files is on its Run sheet, too), each with what it is in words: "input/expenditure/synthetic-2016-2023.csv — synthetic
     * data, not ILO data".
     */
    public static List<String> syntheticInputs(PublicationInfo info, Wording w, Language lang) {
        return inputs(info, w, lang).stream().filter(InputLine::synthetic).map(InputLine::named).toList();
    }

    private static List<InputLine> inputs(PublicationInfo info, Wording w, Language lang) {
        String synthetic = w.in(Wording.SYNTHETIC_INPUT, lang);
        List<InputLine> inputs = new ArrayList<>();
        for (PublicationInfo.InputFile f : info.files()) {
            inputs.add(new InputLine(f.path(), f.sha256(), NumberText.format(f.rows(), ValueKind.COUNT, lang), f.synthetic(),
                    f.synthetic() ? synthetic : "", lang == Language.ZH));
        }
        return inputs;
    }

    private static void fact(List<Fact> facts, String name, String value) {
        if (value != null && !value.isBlank()) {
            facts.add(new Fact(name, value));
        }
    }

    private static String in(Text text, Language lang) {
        return text == null ? "" : text.in(lang);
    }
}
