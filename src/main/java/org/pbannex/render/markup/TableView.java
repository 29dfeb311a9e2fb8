package org.pbannex.render.markup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pbannex.render.LineBreaks;
import org.pbannex.render.NoteNumbers;
import org.pbannex.render.NumberText;
import org.pbannex.render.OutputColumns;
import org.pbannex.table.CellNote;
import org.pbannex.table.Column;
import org.pbannex.table.Language;
import org.pbannex.table.NoteMarker;
import org.pbannex.table.Row;
import org.pbannex.table.RowType;
import org.pbannex.table.Table;
import org.pbannex.table.Text;
import org.pbannex.table.ValueKind;
import org.unbescape.html.HtmlEscape;

/**
 * One table as the markup editions (the PDF's XHTML and the HTML edition) show it, in one language: every text
 * already in that language and every figure formatted as the edition prints it, the heading rows with their spans
 * and scopes, the body in row groups that must stay on one page. The templates only place what this holds.
 *
 * @param anchor   the id of the table's section (bookmarks and the contents link to it)
 * @param heading  the number and title in one line (bookmarks, contents)
 * @param caveat   a warning about the whole table (synthetic data); empty when there is none
 * @param colgroups the label column, then one group per spanning heading or ungrouped column
 * @param head     the heading rows: one, or two when a column has a group heading
 * @param body     the rows in groups; a kept group never breaks across pages
 * @param chinese  whether the text is Chinese, which breaks between words only
 * @param inPrint  whether the printed document holds the table: an empty cell of one it does not hold is not said to be
 *                 empty in print ({@code w.not_given}, not {@code w.not_printed})
 * @param titleNote where the marker the title ends with links to ("Operational budget, 2022-2023 *"); null when none
 * @param footnoteNumbers for each of {@code footnotes}, the numbers of its marked parts in every edition ({@link NoteNumbers}),
 *                 0 for a part not numbered
 */
public record TableView(String id, String anchor, String number, String title, String heading, String unitNote,
                        String caveat, boolean wide, List<ColumnGroup> colgroups, List<List<HeadCell>> head,
                        List<RowGroup> body, List<String> footnotes, String source, List<ChartView> charts,
                        boolean chinese, boolean inPrint, NoteLink titleNote, List<List<Integer>> footnoteNumbers) {

    /**
     * The title as markup, a {@code <wbr>} where a line may break ({@link #withBreaks}), for the HTML edition; the
     * marker it ends with a link to its note named {@code noteRef} ("* note 12"), as a figure's marker is.
     */
    public String titleWithBreaks(String noteRef) {
        return linkTrailing(withBreaks(title, chinese), title, titleNote, noteRef, false);
    }

    /** The title as markup for the PDF: escaped, the marker it ends with a link to its note ({@link #withNoteLinks}). */
    public String titleWithNoteLink(String noteRef) {
        return linkTrailing(HtmlEscape.escapeHtml4Xml(title), title, titleNote, noteRef, true);
    }

    /**
     * Note paragraph {@code index} under the table as markup for the HTML edition: escaped, each of its marked parts
     * after the note's number in every edition, in the words {@code numberWords} ("[note {n}]", texts.csv
     * edition.note_number) in a span of class {@code note-number}, so that a reader told "note 12" (a link's name, the
     * workbook's Notes sheet) finds it; the note's own words as they are ({@link #footnoteWithNumbers(int, String, boolean)}).
     */
    public String footnoteWithNumbers(int index, String numberWords) {
        return footnoteWithNumbers(index, numberWords, true);
    }

    /**
     * As {@link #footnoteWithNumbers(int, String)}, as plain text for the PDF: Flying Saucer draws an inline element after
     * the rest of its line, so a span for a number within the paragraph ("... actual. [note 14] ** ...") came last in
     * the text layer, which a copy of the note gives.
     */
    public String footnoteNumbered(int index, String numberWords) {
        return footnoteWithNumbers(index, numberWords, false);
    }

    /**
     * Note paragraph {@code index} with its numbers, as markup ({@code markup}: escaped, each number in a span) or as
     * text. Where the parts cannot be told apart in the text, the numbers all come first.
     */
    private String footnoteWithNumbers(int index, String numberWords, boolean markup) {
        String note = footnotes.get(index);
        List<Integer> numbers = index < footnoteNumbers.size() ? footnoteNumbers.get(index) : List.of();
        List<String> pieces = NoteMarker.pieces(note);
        if (pieces.size() != numbers.size()) {
            pieces = List.of(note);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pieces.size(); i++) {
            List<Integer> these = pieces.size() == 1 ? numbers : List.of(numbers.get(i));
            String said = String.join(" ", these.stream().filter(n -> n > 0).map(n -> numberWords.replace("{n}", Integer.toString(n))).toList());
            if (!said.isEmpty()) {
                out.append(markup ? "<span class=\"note-number\">" + HtmlEscape.escapeHtml4Xml(said) + "</span>" : said).append(' ');
            }
            out.append(markup ? HtmlEscape.escapeHtml4Xml(pieces.get(i)) : pieces.get(i));
        }
        return out.toString();
    }

    /** Columns under one spanning heading (or one column); widths in percent of the table, for the PDF's fixed layout. */
    public record ColumnGroup(List<String> widths) {
        public int span() {
            return widths.size();
        }
    }

    /**
     * A heading cell. {@code scope} is {@code col}, or {@code colgroup} for a spanning group heading.
     *
     * @param words  true when the text is Chinese and must break between words only (see the PDF's line breaking)
     * @param id     unique in the document, for the cells' {@code headers}
     * @param spoken what a screen reader announces where the print leaves the heading blank (the templates set it
     *               unseen); empty otherwise
     */
    public record HeadCell(String text, String unit, int colspan, int rowspan, String scope, boolean label, boolean words,
                           String id, String spoken, NoteLink note) {

        HeadCell(String text, String unit, int colspan, int rowspan, String scope, boolean label, boolean words, String id,
                 NoteLink note) {
            this(text, unit, colspan, rowspan, scope, label, words, id, "", note);
        }

        /**
         * The text as markup for the HTML edition ({@link #textWithBreaks()}), the marker it ends with a link to its note
         * named {@code noteRef} ("* note 12"), as a figure's marker is.
         */
        public String textWithBreaks(String noteRef) {
            return linkTrailing(textWithBreaks(), text, note, noteRef, false);
        }

        /** The note marker the text ends with, set on a line of its own ({@link #marksBelow}), as markup for the PDF, a link. */
        public String markWithNoteLink(String noteRef) {
            return linkTrailing(HtmlEscape.escapeHtml4Xml(mark()), mark(), note, noteRef, true);
        }

        /** Whether the cell names nothing, seen or heard: a td, not a heading (fragments/table.html). */
        public boolean blank() {
            return text.isEmpty() && unit.isEmpty() && spoken.isEmpty();
        }

        /** The text as markup, a {@code <wbr>} where a line may break ({@link #withBreaks}), for the HTML edition. */
        public String textWithBreaks() {
            return withBreaks(text, words);
        }

        /** The note marker the text ends with ("***"), or "". */
        public String mark() {
            return text.substring(textWithoutMark().length()).strip();
        }

        /** The text without the note marker it ends with. */
        public String textWithoutMark() {
            return NoteMarker.strip(text);
        }
    }

    /** Rows that stay together on one page when {@code keep}. */
    public record RowGroup(boolean keep, List<RowView> rows, boolean endsWithNotes) {

        public RowGroup(boolean keep, List<RowView> rows) {
            this(keep, rows, false);
        }
    }

    /**
     * The body for a paged edition, whose notes close the table inside it: the last row (with the rest of its group
     * when that group is kept) in a kept group that the notes end, so the notes never start a page alone.
     */
    public List<RowGroup> bodyEndingWithNotes() {
        if (!notesCloseTheBody()) {
            return body;
        }
        List<RowGroup> out = new ArrayList<>(body.subList(0, body.size() - 1));
        RowGroup last = body.get(body.size() - 1);
        List<RowView> rows = last.rows();
        if (last.keep() || rows.size() == 1) {
            out.add(new RowGroup(true, rows, true));
        } else {
            out.add(new RowGroup(false, rows.subList(0, rows.size() - 1)));
            out.add(new RowGroup(true, rows.subList(rows.size() - 1, rows.size()), true));
        }
        return out;
    }

    /** Whether a paged edition puts notes (footnotes or the source) after the last row, inside the table. */
    public boolean notesCloseTheBody() {
        return (!footnotes.isEmpty() || !source.isEmpty()) && !body.isEmpty();
    }

    /**
     * Whether every cell of the body is text, no figure (the results framework's indicators, the risk register): its
     * rows, a third of a page each, may run on from one page to the next, as a page of text would.
     */
    public boolean textOnly() {
        return body.stream().flatMap(g -> g.rows().stream()).flatMap(r -> r.cells().stream()).noneMatch(CellView::number);
    }

    /**
     * Whether the PDF sets each heading's note marker on a line of its own under the year range it follows ("2022-2023"
     * over "***"): where a figure column is narrower than such a heading on one line (Figure 2 over fourteen biennia,
     * 5.7% each), which would otherwise be broken wherever it meets the column's edge ("2016-20 / 17 *"), since a line
     * never breaks inside a range or before a marker ({@link LineBreaks}).
     */
    public boolean marksBelow() {
        double page = wide ? LANDSCAPE_POINTS : PORTRAIT_POINTS;
        double font = wide ? 8.5 : 9.5; // annex.css: .annex.wide, body
        List<Double> widths = colgroups.stream().skip(1).flatMap(g -> g.widths().stream())
                .map(w -> Double.parseDouble(w.replace("%", "")) / 100 * page).toList();
        // Each heading over one column, with that column's width: the first row's in order, the second row's under the
        // first row's group headings.
        List<Integer> underGroups = new ArrayList<>();
        List<HeadCell> over = new ArrayList<>();
        List<Double> room = new ArrayList<>();
        int column = 0;
        for (HeadCell c : head.get(0).subList(1, head.get(0).size())) {
            if (c.colspan() == 1 && c.rowspan() == head.size()) {
                over.add(c);
                room.add(widths.get(column));
            }
            for (int k = 0; k < c.colspan() && c.rowspan() < head.size(); k++) {
                underGroups.add(column + k);
            }
            column += c.colspan();
        }
        for (int i = 0; head.size() > 1 && i < head.get(1).size() && i < underGroups.size(); i++) {
            over.add(head.get(1).get(i));
            room.add(widths.get(underGroups.get(i)));
        }
        for (int i = 0; i < over.size(); i++) {
            HeadCell c = over.get(i);
            String years = c.textWithoutMark();
            if (!c.mark().isEmpty() && !years.isEmpty() && Character.isDigit(years.charAt(years.length() - 1))
                    && room.get(i) < lastPiece(c.text(), chinese).length() * DIGIT_EM * font + HEADING_PADDING_POINTS) {
                return true;
            }
        }
        return false;
    }

    /** The last piece of a text that a line may not break (the range with its marker), without spaces around it. */
    private static String lastPiece(String text, boolean chinese) {
        List<String> pieces = LineBreaks.pieces(text, chinese);
        return pieces.get(pieces.size() - 1).strip();
    }

    /** annex.css's content widths, portrait and landscape (210 and 297 mm less 2 x 15 mm), in points. */
    private static final double PORTRAIT_POINTS = 180 / 25.4 * 72;
    private static final double LANDSCAPE_POINTS = 267 / 25.4 * 72;
    /** A bold digit's width in em (a year range's widest characters; 15% of a portrait page holds "2022-2023 ***"), and a heading's side padding. */
    private static final double DIGIT_EM = 0.55;
    private static final double HEADING_PADDING_POINTS = 2 * 1.2 / 25.4 * 72;

    /** How many columns the table has, the label column included. */
    public int columnCount() {
        return colgroups.stream().mapToInt(g -> g.widths().size()).sum();
    }

    /**
     * One row. A heading row has no figures and spans the whole table ({@code span}).
     *
     * @param type   the row's role as a CSS class: heading, item, subtotal, part_total, total
     * @param indent left padding in em, showing the row's level as the print does
     * @param id     its label cell's id, unique in the document
     * @param within the ids of the heading rows the row comes under, outermost first, space-separated (may be empty)
     * @param chinese whether the label is Chinese, for its line breaks
     * @param notes  the notes under the table that a marker of digits in the label or a text cell points to ({@link TableView#notesByNumber})
     */
    public record RowView(String key, String type, String label, String indent, boolean heading, int span, List<CellView> cells,
                          String id, String within, boolean chinese, Map<String, NoteLink> notes) {

        /** Whether the row holds text beside its label (an indicator's baseline, a risk's response): ruled off the next. */
        public boolean textRow() {
            return cells.stream().anyMatch(c -> !c.number() && !c.text().isEmpty());
        }

        /**
         * The label as markup for the HTML edition ({@link #withBreaks}), a marker of digits a link to its note named
         * {@code noteRef} ("{marker} note {n}").
         */
        public String labelWithBreaks(String noteRef) {
            return withBreaks(label, chinese, notes, noteRef);
        }

        /** The label as markup for the PDF, a marker of digits a link to its note ({@link TableView#withNoteLinks}). */
        public String labelWithNoteLinks(String noteRef) {
            return withNoteLinks(label, notes, noteRef);
        }
    }

    /**
     * Where a note's marker links to and what names it: {@code target}, the id of the note's paragraph under the table
     * ({@code ANCHOR-note-N}, N its place there); {@code number}, the note's number in every edition ({@link NoteNumbers}:
     * the workbook's "[note 9]"), which names the link with the marker it shows ("† note 9").
     */
    public record NoteLink(String target, int number) {

        /** The link's name: {@code noteRef} ("{marker} note {n}", texts.csv edition.note_ref) for this marker. */
        public String name(String noteRef, String marker) {
            return noteRef.replace("{marker}", marker).replace("{n}", Integer.toString(number));
        }
    }

    /**
     * Whether a browser may break a line beside this character where the rules may not (a space aside): a hyphen or
     * dash, a slash, a note's marker.
     */
    private static boolean browserBreaksBeside(int c) {
        return "-\u2013/*\u2020".indexOf(c) >= 0 || NoteMarker.SUPERSCRIPT_DIGITS.indexOf(c) >= 0;
    }

    /** A note's marker of superscript digits in a label or text cell ("1.4.2. ...¹", a baseline's "待定。³"). */
    private static final Pattern DIGIT_MARKER = Pattern.compile("[" + NoteMarker.SUPERSCRIPT_DIGITS + "]+");

    /**
     * Text as markup for the HTML edition, where a browser would break Chinese between any two characters ("社会对 /
     * 话") and a range of years after its hyphen ("2020- / 2021"): escaped, with a {@code <wbr>} at each place the
     * PDF's rules let a line break ({@link LineBreaks#pieces}), for a style sheet that keeps Chinese whole between them
     * ({@code word-break: keep-all}). A piece with a space, a hyphen or dash, a slash or a note's marker inside,
     * where a browser would still break ("2018-2019", "15–24", "协定。*"), is kept whole in a span of class {@code w};
     * a space or line break that ends a piece stays outside it, and needs no {@code <wbr>} after it (English text:
     * spans only).
     */
    static String withBreaks(String text, boolean chinese) {
        return withBreaks(text, chinese, Map.of(), "");
    }

    /**
     * Text as markup for the PDF: escaped, each marker of superscript digits that starts one of {@code notes} a link
     * to it as a figure's † is (an element marked {@code data-link}, named by its title and, for the structure tree, its
     * {@code data-alt}: "¹ note 20"). Flying Saucer keeps it on the line of the word before it (no break between "."
     * and "¹", and the marker is narrow); a span that may not wrap around both would not move to the next line whole,
     * but run over the next column.
     */
    static String withNoteLinks(String text, Map<String, NoteLink> notes, String noteRef) {
        return linked(HtmlEscape.escapeHtml4Xml(text), notes, noteRef, true);
    }

    /**
     * As {@link #withBreaks(String, boolean)}, each marker of superscript digits that starts one of {@code notes} ("待定。
     * ³": the note "3 ...") a link to it, named {@code noteRef} with the marker's number for {n}, as a figure's marker
     * links to its note (fragments/table.html); it stays on the line of the word before it (one unbreakable span).
     */
    static String withBreaks(String text, boolean chinese, Map<String, NoteLink> notes, String noteRef) {
        if (!chinese && text.chars().noneMatch(TableView::browserBreaksBeside)) {
            // Nothing a browser would break against the rules: no pieces to mark (most English labels and cells).
            return HtmlEscape.escapeHtml4Xml(text);
        }
        StringBuilder out = new StringBuilder();
        boolean open = false;
        for (String piece : LineBreaks.pieces(text, chinese)) {
            if (open) {
                out.append("<wbr/>");
            }
            open = !piece.isEmpty() && !Character.isWhitespace(piece.charAt(piece.length() - 1));
            String core = piece.stripTrailing();
            String escaped = linked(HtmlEscape.escapeHtml4Xml(core), notes, noteRef, false);
            boolean breakable = core.chars().anyMatch(c -> c == ' ' || browserBreaksBeside(c));
            out.append(breakable ? "<span class=\"w\">" + escaped + "</span>" : escaped)
                    .append(HtmlEscape.escapeHtml4Xml(piece.substring(core.length())));
        }
        return out.toString();
    }

    /**
     * The markup with each marker of digits that starts a note a link to it, named by the marker and the note's number
     * ("¹ note 20"): the HTML edition's an {@code <a>} ({@link #withBreaks(String, boolean, Map, String)}), the PDF's
     * ({@code pdf}) a span marked as a link ({@link #withNoteLinks}).
     */
    private static String linked(String markup, Map<String, NoteLink> notes, String noteRef, boolean pdf) {
        if (notes.isEmpty()) {
            return markup;
        }
        Matcher m = DIGIT_MARKER.matcher(markup);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            NoteLink note = notes.get(NoteMarker.normalise(m.group()));
            m.appendReplacement(out, Matcher.quoteReplacement(note == null ? m.group() : link(m.group(), note, noteRef, pdf)));
        }
        return m.appendTail(out).toString();
    }

    /**
     * A marker as a link to its note, named by the marker and the note's number ("* note 12"): the HTML edition's an
     * {@code <a>}, the PDF's ({@code pdf}) a span marked as a link (data-link, LinkAnnotations).
     */
    private static String link(String marker, NoteLink note, String noteRef, boolean pdf) {
        String name = HtmlEscape.escapeHtml4Xml(note.name(noteRef, marker));
        return pdf ? "<span class=\"note-link\" data-link=\"#" + note.target() + "\" title=\"" + name + "\" data-alt=\""
                        + name + "\">" + marker + "</span>"
                : "<a class=\"note-ref\" href=\"#" + note.target() + "\" aria-label=\"" + name + "\" title=\"" + name + "\">"
                        + marker + "</a>";
    }

    /**
     * The markup of {@code text} (a title, a column's heading) with the note marker the text ends with ("2020-2021 *") a
     * link to its note ({@link #link}); as it is when there is no such marker or {@code note} is null. The marker is
     * the last one in the markup, which only escapes and marks places to break.
     */
    private static String linkTrailing(String markup, String text, NoteLink note, String noteRef, boolean pdf) {
        Matcher m = NoteMarker.TRAILING.matcher(text);
        if (note == null || !m.find()) {
            return markup;
        }
        String marker = m.group(1);
        int at = markup.lastIndexOf(marker);
        return at < 0 ? markup : markup.substring(0, at) + link(marker, note, noteRef, pdf) + markup.substring(at + marker.length());
    }

    /**
     * The notes under the table by the number they start with ("3" for "3 有 9 个国家…", one part of a note that holds
     * several), each as the id of its paragraph in the markup ({@code ANCHOR-note-N}, N its place among the notes), for
     * the markers of digits in the labels and text cells to link to, with the note's number in every edition
     * ({@code numbers}); a note the numbering does not know is no link.
     */
    private static Map<String, NoteLink> notesByNumber(Table t, Language lang, String anchor, NoteNumbers numbers) {
        Map<String, NoteLink> out = new HashMap<>();
        for (int i = 0; i < t.footnotes().size(); i++) {
            for (NoteMarker.Part part : NoteMarker.parts(t.footnotes().get(i).in(lang))) {
                int number = numbers.of(t.id(), part.marker());
                if (part.marker().matches("[0-9]+") && number > 0) {
                    out.putIfAbsent(part.marker(), new NoteLink(anchor + "-note-" + (i + 1), number));
                }
            }
        }
        return Map.copyOf(out);
    }

    /**
     * A value cell: the text as printed, and whether it is a figure (right-aligned) or text; {@code note} is the marker
     * of a note on this cell (†, shown after the figure; the note is among the footnotes), or empty. A cell the print
     * leaves empty says why, for a reader who hears the table rather than sees it: {@code shared} is the text of the
     * cell above that the print spans over both rows (one means of verification for two indicators), else empty.
     * {@code pad} is the marker of a note elsewhere in this figure's column, when this figure has none: the templates
     * set it unseen after the figure, so the column's figures stay aligned on their last digit.
     * {@code headers} names every heading the cell comes under (the heading rows above, its row's label, its
     * column's group and its column), for a screen reader, which finds no section headings by the table's scopes alone.
     * {@code tail} is the end of the figure set in a box of its own after {@code text}, so that a column's figures line up
     * on what comes before it: a work-years figure's months ("27 / " and "1", "582 / " and "10": the slashes align).
     * {@code chinese}: whether the text is Chinese, for its line breaks. {@code zero}: the figure is zero, printed as a
     * dash, which says nothing to a screen reader: the templates give it a word for zero. {@code noteLink}: where
     * the marker links to (the note's paragraph under the table) and the note's number that names it ("† note 9"); null
     * when the cell has no note, or none the numbering knows. {@code notes}: the notes under the table that a marker of digits in
     * the text points to (a baseline's "待定。³"), by their number ({@link #notesByNumber}).
     * {@code value} and {@code kind}: the figure and what it is, for what a screen reader hears ({@link #heard}).
     */
    public record CellView(String column, String text, String tail, boolean number, String note, String shared,
                           String pad, String headers, boolean chinese, boolean zero, NoteLink noteLink, Map<String, NoteLink> notes,
                           Object value, ValueKind kind) {

        /**
         * What a screen reader hears for the figure where its printed text would say it wrongly or not at all, in the
         * words {@code w} (edition.*: zero, minus, years_months, years_months_one): "zero" for a dash, else the figure
         * as {@link NumberText#heard} says it; empty where the printed text says it (a figure under 1 000, a text).
         * The HTML edition hides the printed text from a screen reader and gives it this, unseen, instead; the PDF gives
         * it as the printed figure's alternative (the Alt of its Span).
         */
        public String heard(Map<String, String> w) {
            if (zero) {
                return w.get("zero");
            }
            String heard = NumberText.heard(value, kind, w);
            return heard.equals(text + tail) ? "" : heard;
        }

        /**
         * The figure as a copy of it should give it where its printed text is no number a spreadsheet takes ("50267588"
         * for "50 267 588", "-157178", "0" for a dash; {@link NumberText#plain}); empty where the printed text is that
         * already, or is no such figure (a text, a work-years figure). The PDF's ActualText of the printed figure.
         */
        public String actual() {
            String plain = NumberText.plain(value, kind);
            return plain.equals(text + tail) ? "" : plain;
        }

        /**
         * The text as markup for the HTML edition ({@link TableView#withBreaks}), a marker of digits a link to its note
         * named {@code noteRef} ("{marker} note {n}").
         */
        public String textWithBreaks(String noteRef) {
            return withBreaks(text, chinese, notes, noteRef);
        }

        /** The text as markup for the PDF, a marker of digits a link to its note ({@link TableView#withNoteLinks}). */
        public String textWithNoteLinks(String noteRef) {
            return withNoteLinks(text, notes, noteRef);
        }

        /** The name of the link of the cell's note marker ("† note 9"); "" when it has none. */
        public String noteName(String noteRef) {
            return noteLink == null ? "" : noteLink.name(noteRef, note);
        }
    }

    /** Builds the view of one table in one language, its notes' markers named by no number (no links). */
    public static TableView of(Table t, Language lang) {
        return of(t, lang, NoteNumbers.NONE);
    }

    /**
     * Builds the view of one table in one language, each note's marker a link named by the note's number in every
     * edition ({@code numbers}: the run's workbook's, {@link NoteNumbers}).
     */
    public static TableView of(Table t, Language lang, NoteNumbers numbers) {
        List<Column> cols = OutputColumns.printed(t);
        String number = t.number().in(lang);
        String title = t.title().in(lang);
        String anchor = anchor(t);
        List<String> columnHeaders = new ArrayList<>();
        // Each note's number in every edition, by its paragraph under the table; a marker ending a title or a heading
        // links to the paragraph that holds its note.
        List<List<Integer>> footnoteNumbers = t.footnotes().stream().map(f -> numbers.ofFootnote(t.id(), f)).toList();
        BiFunction<String, Text, NoteLink> noteOf = (text, pointsTo) -> trailingNote(t, text, pointsTo, numbers, footnoteNumbers);
        List<List<HeadCell>> head = head(t, cols, lang, anchor, columnHeaders, noteOf);
        List<RowView> rows = new ArrayList<>();
        // The heading rows the current row comes under, outermost first: a heading ends those at its level or deeper; a
        // part's or the whole table's total ends them too (it is not part of the section above it, "Total (Parts I-III)").
        List<OpenHeading> headings = new ArrayList<>();
        Map<String, NoteLink> notes = notesByNumber(t, lang, anchor, numbers);
        for (int i = 0; i < t.rows().size(); i++) {
            Row r = t.rows().get(i);
            String id = anchor + "-row-" + i;
            if (r.type() == RowType.HEADING || r.type() == RowType.PART_TOTAL || r.type() == RowType.GRAND_TOTAL) {
                // ... but not the heading it belongs to (an output's outcome, printed at its level).
                headings.removeIf(h -> h.level() >= r.level() && !h.key().equals(r.within()));
            }
            String within = String.join(" ", headings.stream().map(OpenHeading::id).toList());
            rows.add(row(t, i, cols, lang, id, within, columnHeaders, notes, numbers));
            if (r.type() == RowType.HEADING) {
                headings.add(new OpenHeading(r.level(), r.key(), id));
            }
        }
        // The contents and bookmarks: the title without a footnote marker, which points to a note under the table.
        String listed = NoteMarker.strip(title);
        return new TableView(t.id(), anchor, number, title, number.isEmpty() ? listed : number + " " + listed,
                t.unitNote().in(lang), t.caveat().in(lang), t.wide(), colgroups(cols, lang), head,
                groups(t.rows(), rows), t.footnotes().stream().map(n -> numbers.shown(n).in(lang)).toList(), in(t.source(), lang),
                t.charts().stream().map(c -> ChartView.of(c, t.caveat(), lang)).toList(), lang == Language.ZH, t.inPrint(),
                noteOf.apply(title, Text.EMPTY), footnoteNumbers);
    }

    /**
     * Where the note marker that ends {@code text} (a title, a column's heading: "2020-2021 *") links to: the paragraph
     * under the table that holds the note with that marker ({@code pointsTo}: the one of several with it, as a column
     * names it), and the note's number; null when the text ends with no marker, or none numbered.
     */
    private static NoteLink trailingNote(Table t, String text, Text pointsTo, NoteNumbers numbers,
                                         List<List<Integer>> footnoteNumbers) {
        Matcher m = NoteMarker.TRAILING.matcher(text);
        int number = m.find() ? numbers.of(t.id(), m.group(1), pointsTo) : 0;
        for (int i = 0; number > 0 && i < footnoteNumbers.size(); i++) {
            if (footnoteNumbers.get(i).contains(number)) {
                return new NoteLink(anchor(t) + "-note-" + (i + 1), number);
            }
        }
        return null;
    }

    private record OpenHeading(int level, String key, String id) {
    }

    /** The id a table's section carries. */
    public static String anchor(Table t) {
        return "table-" + t.id().replaceAll("[^A-Za-z0-9_-]", "_");
    }

    private static String in(Text text, Language lang) {
        return text == null ? "" : text.in(lang);
    }

    /**
     * Fixed column widths: left to auto layout, long headings would take the space the labels and figures need. The
     * label column gets what fewer value columns leave (at least 30%, 18% beside more than ten); value columns share
     * the rest by kind. A table of text columns (the results framework) gives its label column no more than its share.
     */
    private static List<ColumnGroup> colgroups(List<Column> cols, Language lang) {
        boolean allText = cols.stream().allMatch(c -> c.kind() == ValueKind.TEXT);
        // More than ten figure columns (the targets by region): their headings need the room more than the labels,
        // which wrap (阿拉伯国家 ran into the column's rules with the label at 30%).
        double least = cols.size() > 10 ? 18 : 30;
        double label = allText ? 100.0 * 1.3 / (cols.size() + 1.3) : Math.max(least, Math.min(50, 100 - 13 * cols.size()));
        // A figure column gets at least 15% while the label keeps 40%: a year with its note's markers ("2022-2023 ***",
        // Figure 2's four columns), which stay on one line, fills that.
        if (!allText) {
            label = Math.max(least, Math.min(label, Math.max(40, 100 - 15 * cols.size())));
            // Five such columns (Figure 2 over five biennia) got 13% and their headings ran into each other: where a
            // heading cannot break, every figure column keeps its 15% and the label gives it up, down to 20%.
            if (label > 100 - 15 * cols.size() && cols.stream().anyMatch(c -> unbreakable(c.heading().in(lang), lang))) {
                label = Math.max(20, 100 - 15 * cols.size());
            }
        }
        double weights = cols.stream().mapToDouble(TableView::weight).sum();
        List<ColumnGroup> groups = new ArrayList<>();
        groups.add(new ColumnGroup(List.of(percent(label))));
        for (int i = 0; i < cols.size(); ) {
            int span = span(cols, i, lang);
            List<String> widths = new ArrayList<>();
            for (Column c : cols.subList(i, i + span)) {
                widths.add(percent((100 - label) * weight(c) / weights));
            }
            groups.add(new ColumnGroup(widths));
            i += span;
        }
        return groups;
    }

    /** A heading with a piece no line may break that is as long as a year range with its marks ("2022-2023 ***"). */
    private static boolean unbreakable(String heading, Language lang) {
        return LineBreaks.pieces(heading, lang == Language.ZH).stream()
                .anyMatch(p -> p.strip().length() >= 12 && p.chars().anyMatch(Character::isDigit));
    }

    private static String percent(double p) {
        return String.format(Locale.ROOT, "%.2f%%", p);
    }

    private static double weight(Column c) {
        return switch (c.kind()) {
            case PERCENT -> 0.6;
            case TEXT -> 1.4;
            default -> 1.0;
        };
    }

    /** How many adjacent columns, from i, share column i's group heading (1 for an ungrouped column). */
    private static int span(List<Column> cols, int i, Language lang) {
        String group = cols.get(i).group().in(lang);
        int span = 1;
        while (!group.isEmpty() && i + span < cols.size() && cols.get(i + span).group().in(lang).equals(group)) {
            span++;
        }
        return span;
    }

    /** The unit shown under a column's heading: none where the heading is the unit itself (annex 2's "%" over "%"). */
    private static String unitUnder(Column c, Language lang) {
        String unit = c.unit().in(lang);
        return unit.equals(c.heading().in(lang).strip()) ? "" : unit;
    }

    /**
     * One heading row, or two when any column has a group: the group cell spans its adjacent columns, ungrouped
     * columns (and the label column) span both rows. Adds to {@code columnHeaders}, per value column, the ids of the
     * heading cells over it (its group's, then its own; an empty heading names nothing and is left out).
     */
    private static List<List<HeadCell>> head(Table t, List<Column> cols, Language lang, String anchor,
                                             List<String> columnHeaders, BiFunction<String, Text, NoteLink> noteOf) {
        boolean grouped = cols.stream().anyMatch(c -> !c.group().in(lang).isEmpty());
        int rowspan = grouped ? 2 : 1;
        boolean zh = lang == Language.ZH;
        List<HeadCell> first = new ArrayList<>();
        List<HeadCell> second = new ArrayList<>();
        first.add(new HeadCell(t.labelHeading().in(lang), "", 1, rowspan, "col", true, zh, anchor + "-col-label",
                noteOf.apply(t.labelHeading().in(lang), Text.EMPTY)));
        for (int i = 0; i < cols.size(); ) {
            Column c = cols.get(i);
            String group = c.group().in(lang);
            if (group.isEmpty()) {
                HeadCell own = new HeadCell(c.heading().in(lang), unitUnder(c, lang), 1, rowspan, "col", false, zh, anchor + "-col-" + i,
                        c.spokenHeading().in(lang), noteOf.apply(c.heading().in(lang), c.note()));
                first.add(own);
                columnHeaders.add(named(own));
                i++;
                continue;
            }
            int span = span(cols, i, lang);
            HeadCell groupCell = new HeadCell(group, "", span, 1, "colgroup", false, zh, anchor + "-group-" + i,
                    noteOf.apply(group, Text.EMPTY));
            first.add(groupCell);
            for (int k = i; k < i + span; k++) {
                Column g = cols.get(k);
                HeadCell own = new HeadCell(g.heading().in(lang), unitUnder(g, lang), 1, 1, "col", false, zh, anchor + "-col-" + k,
                        g.spokenHeading().in(lang), noteOf.apply(g.heading().in(lang), g.note()));
                second.add(own);
                columnHeaders.add(ids(named(groupCell), named(own)));
            }
            i += span;
        }
        return grouped ? List.of(first, second) : List.of(first);
    }

    /** Lists of ids as one space-separated list, empty ones left out. */
    private static String ids(String... lists) {
        return String.join(" ", Arrays.stream(lists).filter(l -> !l.isEmpty()).toList());
    }

    /** The id of a heading cell with something in it, seen or heard, else nothing (a blank one is a td: no header). */
    private static String named(HeadCell h) {
        return h.blank() ? "" : h.id();
    }

    private static RowView row(Table t, int index, List<Column> cols, Language lang, String id, String within,
                               List<String> columnHeaders, Map<String, NoteLink> notes, NoteNumbers numbers) {
        Row r = t.rows().get(index);
        boolean heading = r.type() == RowType.HEADING;
        List<CellView> cells = new ArrayList<>();
        for (int k = 0; k < cols.size() && !heading; k++) {
            // From the outermost heading row to the column's own heading, as a screen reader says them before the figure.
            String headers = ids(within, id, columnHeaders.get(k));
            cells.add(cell(t, index, cols.get(k), lang, headers, notes, numbers));
        }
        return new RowView(r.key(), cssClass(r.type()), r.label().in(lang),
                String.format(Locale.ROOT, "%.1fem", 1.2 * r.level() + 0.4), heading, cols.size() + 1, List.copyOf(cells), id, within,
                lang == Language.ZH, notes);
    }

    private static CellView cell(Table t, int index, Column c, Language lang, String headers, Map<String, NoteLink> notes,
                                 NoteNumbers numbers) {
        Row r = t.rows().get(index);
        String text = NumberText.format(r.value(c.key()), c.kind(), lang);
        String tail = "";
        if (c.kind() == ValueKind.YEARS_MONTHS && !text.isEmpty()) {
            int cut = text.indexOf(NumberText.YEARS_MONTHS) + NumberText.YEARS_MONTHS.length();
            tail = text.substring(cut);
            text = text.substring(0, cut);
        }
        boolean number = c.kind() != ValueKind.TEXT;
        String note = noteMarker(t, r, c);
        String pad = "";
        if (number && note.isEmpty() && !text.isEmpty()) {
            pad = t.cellNotes().stream().filter(n -> n.column().equals(c.key())).map(CellNote::marker).findFirst().orElse("");
        }
        return new CellView(c.key(), text, tail, number, note, shared(t, index, c, lang), pad, headers, lang == Language.ZH,
                number && NumberText.DASH.equals(text), noteLink(t, r, c, lang, numbers), number ? Map.of() : notes,
                r.value(c.key()), c.kind());
    }

    /**
     * Where the cell's note marker links to, its note's paragraph (by its place among the table's footnotes, from 1),
     * and the note's number; null when the cell has no note, or one not among the footnotes or not numbered.
     */
    private static NoteLink noteLink(Table t, Row r, Column c, Language lang, NoteNumbers numbers) {
        CellNote note = t.cellNote(r.key(), c.key());
        if (note == null) {
            return null;
        }
        String listed = note.footnote().in(lang);
        int place = t.footnotes().stream().map(f -> f.in(lang)).toList().indexOf(listed) + 1;
        int number = numbers.of(t.id(), note.marker(), note.footnote());
        return place == 0 || number == 0 ? null : new NoteLink(TableView.anchor(t) + "-note-" + place, number);
    }

    /** The text of the cell above that the print spans over this row too (the first row up that has it), or empty. */
    private static String shared(Table t, int index, Column c, Language lang) {
        int i = index;
        while (i > 0 && t.rows().get(i).sharedWithRowAbove(c.key())) {
            i--;
        }
        return i == index ? "" : NumberText.format(t.rows().get(i).value(c.key()), c.kind(), lang);
    }

    private static String noteMarker(Table t, Row r, Column c) {
        var note = t.cellNote(r.key(), c.key());
        return note == null ? "" : note.marker();
    }

    private static String cssClass(RowType type) {
        return switch (type) {
            case HEADING -> "heading";
            case UNIT -> "item";
            case GROUP_SUBTOTAL -> "subtotal";
            case PART_TOTAL -> "part_total";
            case GRAND_TOTAL -> "total";
        };
    }

    /**
     * The rows in page-keeping groups. A row is bound to the next one when they must share a page: a heading (or a
     * total that heads the deeper rows under it, as annex 4's outcome rows do) and the row under it; a closing total
     * and the two rows before it (so no total starts a page on its own); consecutive totals; the table's last row and the
     * one before it (so no table ends with one row alone on a page, its notes under it); a row and the one under it that
     * shares a cell with it (one means of verification for two indicators: the lower row's cell is blank); every row of
     * a short group of figures under a heading, down to the total that closes it ({@link #WHOLE_GROUP_ROWS}). Chains of
     * bound rows are kept groups; the free rows between them are plain groups.
     */
    /**
     * A group of figures under a heading, down to its total, of at most this many rows is kept on one page: about half
     * a landscape page of annex 1, so a group moved whole to the next page leaves at most that much of its page empty.
     * A longer group runs on over the page break.
     */
    public static final int WHOLE_GROUP_ROWS = 20;

    static List<RowGroup> groups(List<Row> model, List<RowView> views) {
        int n = model.size();
        boolean[] bound = new boolean[n];
        for (int i = 0; i + 1 < n; i++) {
            Row r = model.get(i);
            Row next = model.get(i + 1);
            boolean opens = r.type() == RowType.HEADING || opensGroup(model, i);
            boolean closesNext = closesGroup(model, i + 1);
            boolean closesAfterNext = i + 2 < n && closesGroup(model, i + 2) && next.type() != RowType.HEADING
                    && !opensGroup(model, i + 1);
            bound[i] = opens || closesNext || (closesAfterNext && r.type() != RowType.HEADING && !r.type().isTotal())
                    || (r.type().isTotal() && next.type().isTotal() && !opensGroup(model, i + 1))
                    || next.sharesACellWithRowAbove() // the print's one cell over both rows: the PDF's blank below it
                    || i == n - 2; // the table's last two rows: it never ends with one row on a page of its own
        }
        // A short group under a heading, down to the total that closes it, on one page: annex 1's Field operations and
        // partnerships ran over a page break, its last rows and its subtotal under no heading on the next page (tester 76b).
        for (int i = 0; i < n; i++) {
            if (model.get(i).type() != RowType.HEADING) {
                continue;
            }
            int end = i + 1;
            while (end < n && model.get(end).type() != RowType.HEADING && !model.get(end).type().isTotal()) {
                end++;
            }
            if (end < n && closesGroup(model, end) && end - i + 1 <= WHOLE_GROUP_ROWS
                    && views.subList(i, end + 1).stream().noneMatch(RowView::textRow)) {
                java.util.Arrays.fill(bound, i, end, true);
            }
        }
        List<RowGroup> groups = new ArrayList<>();
        List<RowView> free = new ArrayList<>();
        int i = 0;
        while (i < n) {
            if (!bound[i]) {
                free.add(views.get(i++));
                continue;
            }
            if (!free.isEmpty()) {
                groups.add(new RowGroup(false, List.copyOf(free)));
                free.clear();
            }
            int end = i;
            while (end < n - 1 && bound[end]) {
                end++;
            }
            groups.add(new RowGroup(true, List.copyOf(views.subList(i, end + 1))));
            i = end + 1;
        }
        if (!free.isEmpty()) {
            groups.add(new RowGroup(false, List.copyOf(free)));
        }
        return groups;
    }

    /** A total row followed by deeper rows heads them (annex 4's outcome rows), like a heading. */
    private static boolean opensGroup(List<Row> rows, int i) {
        Row r = rows.get(i);
        return r.type().isTotal() && i + 1 < rows.size() && !rows.get(i + 1).type().isTotal()
                && rows.get(i + 1).type() != RowType.HEADING && rows.get(i + 1).level() > r.level();
    }

    /** A total row that closes the rows above it. */
    private static boolean closesGroup(List<Row> rows, int i) {
        return rows.get(i).type().isTotal() && !opensGroup(rows, i) && i > 0;
    }
}
