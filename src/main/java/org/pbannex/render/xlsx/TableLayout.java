package org.pbannex.render.xlsx;

import org.pbannex.render.OutputColumns;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pbannex.table.Column;
import org.pbannex.table.Language;
import org.pbannex.table.Row;
import org.pbannex.table.RowType;
import org.pbannex.table.Table;
import org.pbannex.table.Text;
import org.pbannex.table.ValueKind;

/**
 * What a table's sheet holds, worked out before any cell is written: its columns (the label, a group column where
 * subtotal labels repeat, the printed columns, then the data-only ones; never a column without a value), and every
 * cell's content under the workbook's one rule for empty cells: a heading row has its label only; a cell the print
 * shares with the row above repeats that row's text; any other cell without a value shows [x] (nothing printed).
 */
record TableLayout(Table table, Language lang, XlsxText words, List<SheetColumn> columns, List<List<Content>> cells,
                   List<Integer> widths, Set<NoteList.EmptyCellRule> emptyCellRules) {

    private static final int MIN_LABEL_WIDTH = 30;
    private static final int MAX_LABEL_WIDTH = 50;
    private static final int MIN_GROUP_WIDTH = 20;
    private static final int MAX_GROUP_WIDTH = 30;
    private static final int MIN_TEXT_WIDTH = 16;
    private static final int MAX_TEXT_WIDTH = 40;
    private static final int MIN_NUMBER_WIDTH = 12;

    /** What a sheet column shows: the row label, the row's group, or a value (or the years or months of a work value). */
    enum Role { LABEL, GROUP, VALUE, YEARS, MONTHS }

    record SheetColumn(Role role, Column column) {

        boolean isText() {
            return role == Role.LABEL || role == Role.GROUP || column.kind() == ValueKind.TEXT;
        }

        String format() {
            return switch (column.kind()) {
                case AMOUNT, COUNT -> XlsxStyles.AMOUNT_FORMAT;
                case AMOUNT_OR_DASH -> XlsxStyles.AMOUNT_OR_DASH_FORMAT;
                case PERCENT -> XlsxStyles.ONE_DECIMAL_FORMAT;
                case MILLIONS -> XlsxStyles.MILLIONS_FORMAT;
                case YEARS_MONTHS -> XlsxStyles.AMOUNT_FORMAT; // work-years grouped as printed ("1 966")
                case TEXT -> throw new IllegalStateException("text column has no number format");
            };
        }
    }

    /** One cell: text, a number with its format, the [x] symbol, or nothing (heading rows). */
    record Content(Kind kind, String text, double number, String format) {

        enum Kind { TEXT, NUMBER, NOT_PRINTED, EMPTY }

        static final Content EMPTY = new Content(Kind.EMPTY, "", 0, null);
        static final Content NOT_PRINTED = new Content(Kind.NOT_PRINTED, "[x]", 0, null);

        static Content text(String s) {
            return new Content(Kind.TEXT, s, 0, null);
        }

        static Content number(double v, String format) {
            return new Content(Kind.NUMBER, "", v, format);
        }
    }

    static TableLayout of(Table t, Language lang, XlsxText words) {
        List<String> groups = groups(t, lang);
        List<SheetColumn> columns = columns(t, groups != null);
        Set<NoteList.EmptyCellRule> rules = EnumSet.noneOf(NoteList.EmptyCellRule.class);
        List<List<Content>> cells = cells(t, columns, groups, lang, rules);
        return new TableLayout(t, lang, words, List.copyOf(columns), List.copyOf(cells), widths(t, columns, cells, lang, words),
                rules);
    }

    /**
     * What cells without a figure shown the table's sheet has, as {@link #of} finds them, without laying out the sheet
     * (the HTML and PDF editions number the notes as the workbook does, {@link NoteList}): a group column holds none.
     */
    static Set<NoteList.EmptyCellRule> emptyCellRules(Table t, Language lang) {
        Set<NoteList.EmptyCellRule> rules = EnumSet.noneOf(NoteList.EmptyCellRule.class);
        cells(t, columns(t, false), null, lang, rules);
        return rules;
    }

    private static List<SheetColumn> columns(Table t, boolean grouped) {
        List<SheetColumn> columns = new ArrayList<>();
        columns.add(new SheetColumn(Role.LABEL, null));
        if (grouped) {
            columns.add(new SheetColumn(Role.GROUP, null));
        }
        List<Column> valueColumns = new ArrayList<>(OutputColumns.sheet(t));
        valueColumns.sort(Comparator.comparing(c -> !OutputColumns.isPrinted(c))); // printed columns first, then the data-only ones
        for (Column c : valueColumns) {
            if (t.rows().stream().allMatch(r -> r.value(c.key()) == null && !r.sharedWithRowAbove(c.key()))) {
                continue; // a column with no value in any row says nothing
            }
            if (c.kind() == ValueKind.YEARS_MONTHS) {
                columns.add(new SheetColumn(Role.YEARS, c));
                columns.add(new SheetColumn(Role.MONTHS, c));
            } else {
                columns.add(new SheetColumn(Role.VALUE, c));
            }
        }
        return columns;
    }

    /** Each row's cells, the rules for the cells without a figure shown added to {@code rules}. */
    private static List<List<Content>> cells(Table t, List<SheetColumn> columns, List<String> groups, Language lang,
                                             Set<NoteList.EmptyCellRule> rules) {
        List<List<Content>> cells = new ArrayList<>();
        for (int i = 0; i < t.rows().size(); i++) {
            Row row = t.rows().get(i);
            List<Content> out = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                out.add(content(t, row, columns.get(c), groups == null ? null : groups.get(i), i == 0 ? null : cells.get(i - 1).get(c),
                        lang, rules));
            }
            cells.add(out);
        }
        return cells;
    }

    private static Content content(Table t, Row row, SheetColumn col, String group, Content above, Language lang,
                                   Set<NoteList.EmptyCellRule> rules) {
        if (col.role() == Role.LABEL) {
            return Content.text(row.label().in(lang));
        }
        if (row.type() == RowType.HEADING) {
            rules.add(NoteList.EmptyCellRule.HEADING_ROWS);
            return Content.EMPTY;
        }
        if (col.role() == Role.GROUP) {
            return Content.text(group);
        }
        String key = col.column().key();
        if (row.sharedWithRowAbove(key) && above != null && above.kind() == Content.Kind.TEXT) {
            rules.add(NoteList.EmptyCellRule.SHARED_CELLS);
            return above;
        }
        Object v = row.value(key);
        if (v == null) {
            rules.add(t.inPrint() ? NoteList.EmptyCellRule.NOT_PRINTED : NoteList.EmptyCellRule.NOT_GIVEN);
            return Content.NOT_PRINTED;
        }
        if (col.isText()) {
            return Content.text(v instanceof Text text ? text.in(lang) : v.toString());
        }
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("column " + key + " (" + col.column().kind() + ") holds a "
                    + v.getClass().getSimpleName() + ", expected a number");
        }
        double number = switch (col.role()) {
            case YEARS -> n.longValue() / 12;
            case MONTHS -> n.longValue() % 12;
            default -> n instanceof BigDecimal d ? d.doubleValue() : n.doubleValue();
        };
        if (number == 0 && col.column().kind() == ValueKind.AMOUNT_OR_DASH) {
            rules.add(NoteList.EmptyCellRule.ZERO_DASH); // its number format shows the dash (tester 78b, 3)
        }
        return Content.number(number, col.format());
    }

    /**
     * Each row's group, where a label alone does not tell rows apart, so that a row sorted or filtered away from its
     * place still says where it belongs: a subtotal label the table repeats ("Subtotal" after every group of annex 1),
     * or an item label ("Not itemised" under every outcome of annex 4). A row's group is the innermost group open
     * above it: a heading, or a subtotal that comes before the deeper rows it sums (annex 4's outcome rows); a subtotal
     * or total after its rows closes the groups it sums up. A row that opens a group, or is under none, names itself.
     * Null when every such label is unique (the label already says which row it is).
     */
    static List<String> groups(Table t, Language lang) {
        Map<String, Integer> labels = new HashMap<>();
        t.rows().stream().filter(r -> r.type() == RowType.GROUP_SUBTOTAL || r.type() == RowType.UNIT)
                .forEach(r -> labels.merge(r.type() + "\t" + r.label().in(lang), 1, Integer::sum));
        if (labels.values().stream().noneMatch(n -> n > 1)) {
            return null;
        }
        Deque<Row> open = new ArrayDeque<>();
        List<String> groups = new ArrayList<>();
        List<Row> rows = t.rows();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            boolean opens = r.type() == RowType.HEADING
                    || r.type() == RowType.GROUP_SUBTOTAL && i + 1 < rows.size() && rows.get(i + 1).level() > r.level();
            if (opens) {
                while (!open.isEmpty() && open.peek().level() >= r.level()) {
                    open.pop();
                }
                open.push(r);
                groups.add(r.label().in(lang));
                continue;
            }
            groups.add(open.isEmpty() ? r.label().in(lang) : open.peek().label().in(lang));
            if (r.type().isTotal()) {
                while (!open.isEmpty() && open.peek().level() >= r.level()) {
                    open.pop();
                }
            }
        }
        // Only where the groups tell some rows of one label apart (a table without groups, such as Table II.1 whose
        // targets repeat beside their indicators, gets no column naming each row after itself).
        Set<String> labelled = new HashSet<>();
        Set<String> grouped = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            String key = rows.get(i).type() + "\t" + rows.get(i).label().in(lang);
            if (labels.getOrDefault(key, 0) > 1) {
                labelled.add(key);
                grouped.add(key + "\t" + groups.get(i));
            }
        }
        return grouped.size() > labelled.size() ? groups : null;
    }

    // Label column as wide as its longest label (within limits); text columns up to 40 characters; figure columns
    // as wide as their widest figure and the longest word of their heading, so headings wrap between words.
    private static List<Integer> widths(Table t, List<SheetColumn> columns, List<List<Content>> cells, Language lang,
                                        XlsxText words) {
        List<Integer> w = new ArrayList<>();
        int labelAlone = 0; // the label column's width for its labels alone, without the room for the title
        for (int c = 0; c < columns.size(); c++) {
            SheetColumn col = columns.get(c);
            int widest = 0;
            for (int r = 0; r < cells.size(); r++) {
                Content cell = cells.get(r).get(c);
                int indent = col.role() == Role.LABEL ? 2 * t.rows().get(r).level() : 0;
                widest = Math.max(widest, indent + switch (cell.kind()) {
                    case TEXT, NOT_PRINTED -> TextLayout.width(cell.text(), false);
                    case NUMBER -> TextLayout.width(String.format(java.util.Locale.ROOT, "%,.1f", cell.number()), true);
                    case EMPTY -> 0;
                });
            }
            String heading = heading(t, col, lang, words);
            int headingWord = longestWord(heading);
            if (col.role() == Role.LABEL) {
                labelAlone = clamp(widest + (labelsEndWithMarker(t) ? 10 : 0), MIN_LABEL_WIDTH, MAX_LABEL_WIDTH);
            }
            int width = switch (col.role()) {
                // Room for a " [note N]" marker where labels end with a footnote marker; wide enough for the title
                // (which wraps within column A when it is wider than the page) to take at most about three lines.
                case LABEL -> clamp(Math.max(widest + (labelsEndWithMarker(t) ? 10 : 0), titleWidth(t, lang, words) / 3),
                        MIN_LABEL_WIDTH, MAX_LABEL_WIDTH);
                case GROUP -> clamp(widest, MIN_GROUP_WIDTH, MAX_GROUP_WIDTH);
                default -> col.isText() ? clamp(Math.max(widest, headingWord), MIN_TEXT_WIDTH, MAX_TEXT_WIDTH)
                        : Math.max(MIN_NUMBER_WIDTH, Math.max(widest, headingWord));
            };
            // A heading after the first is indented: its column is widened where the indentation would wrap it onto
            // more lines (a taller header row, repeated on every printed page) or break a word.
            int indented = width;
            while (c > 0 && indented < width + 2 * XlsxStyles.HEADER_INDENT
                    && TextLayout.lines(heading, indented - 2 * XlsxStyles.HEADER_INDENT, true) > TextLayout.lines(heading, width, true)) {
                indented++;
            }
            // Excel and LibreOffice break a line after any hyphen, a range of years too ("2022-" / "2023"): the column
            // is widened until no font a reader's program may pick splits one in its heading. The heading's text stays
            // as published (a copied heading, the table's column name read "2022-2023"; no hyphen of another kind).
            int headingIndent = c > 0 ? 2 * XlsxStyles.HEADER_INDENT : 0;
            int kept = TextLayout.keepingRanges(List.of(heading), indented, headingIndent, true);
            // Its cells' text too, each as indented and as bold as it is written (TableSheet): a baseline of Table I.3
            // had printed "(2018-" over "2019)". The heading as kept, a column narrowed only where its text wraps anyway.
            List<TextLayout.Placed> texts = new ArrayList<>();
            for (int r = 0; r < cells.size(); r++) {
                Content cell = cells.get(r).get(c);
                if (cell.kind() == Content.Kind.TEXT) {
                    Row row = t.rows().get(r);
                    int indent = col.role() == Role.LABEL ? row.level() : TableSheet.TEXT_INDENT;
                    texts.add(new TextLayout.Placed(cell.text(), 2 * indent, TableSheet.bold(row)));
                }
            }
            int keptHeading = kept;
            if (texts.stream().anyMatch(p -> p.rangeSplitScore(keptHeading) > 0)) {
                int narrowest = kept;
                while (widest > kept && narrowest > kept - TextLayout.NEAR
                        && !TextLayout.splitsRange(heading, narrowest - 1 - headingIndent, true)
                        && TextLayout.lines(heading, narrowest - 1 - headingIndent, true) <= TextLayout.lines(heading, kept - headingIndent, true)) {
                    narrowest--;
                }
                kept = TextLayout.fewestRangeSplits(texts, List.of(new TextLayout.Placed(heading, headingIndent, true)), kept, narrowest);
            }
            w.add(kept);
        }
        // The room for a title wrapping in column A is no reason for a second page across: a sheet that fits one page
        // without it (the English Figure 2 over fourteen biennia, 205 characters with it, 198 without) prints on one,
        // its title reading on across the columns beside.
        int total = w.stream().mapToInt(Integer::intValue).sum();
        if (!columns.isEmpty() && columns.get(0).role() == Role.LABEL && labelAlone < w.get(0)
                && XlsxCells.pagesWide(total - w.get(0) + labelAlone) < XlsxCells.pagesWide(total)) {
            w.set(0, labelAlone);
        }
        return List.copyOf(w);
    }

    /** A column's heading, markers as printed: its group heading, its heading and its unit, once each. */
    static String heading(Table t, SheetColumn col, Language lang, XlsxText words) {
        return switch (col.role()) {
            case LABEL -> t.labelHeading().isEmpty() ? words.defaultLabelHeading.in(lang) : t.labelHeading().in(lang);
            case GROUP -> words.groupHeading.in(lang);
            // Work is one heading in print ("Professional", under "work-years/months"); here two columns.
            case YEARS -> words.workYears.with("heading", col.column().heading()).in(lang);
            case MONTHS -> words.workMonths.with("heading", col.column().heading()).in(lang);
            case VALUE -> {
                Column c = col.column();
                String name = (c.group().in(lang) + " " + c.heading().in(lang)).strip();
                String unit = c.unit().in(lang);
                // The unit in brackets, unless the heading already states it ("% change", "recosted, US$"); a printed
                // marker stays last, where the sheet turns it into its note.
                String marker = NoteList.trailingMarker(name);
                name = name.substring(0, name.length() - marker.length()).strip();
                // The brackets are the edition's: full-width in Chinese ("人员费用（美元）"), as its other texts have them.
                String withUnit = unit.isEmpty() || name.contains(unit) ? name
                        : words.headingUnit.with("heading", Text.of(name)).with("unit", Text.of(unit)).in(lang);
                yield marker.isEmpty() ? withUnit : withUnit + " " + marker.strip();
            }
        };
    }

    private static int titleWidth(Table t, Language lang, XlsxText words) {
        return Math.round(TextLayout.width(TableSheet.title(t, lang, words), true) * (float) XlsxStyles.TITLE_POINTS
                / XlsxStyles.BODY_POINTS);
    }

    private static boolean labelsEndWithMarker(Table t) {
        return t.rows().stream().anyMatch(r -> NoteList.endsWithMarker(r.label().zh()));
    }

    private static int longestWord(String s) {
        int longest = 0;
        for (String word : s.split("\\s+")) {
            boolean cjk = word.codePoints().anyMatch(TextLayout::isWide);
            longest = Math.max(longest, cjk ? 4 : TextLayout.width(word, true));
        }
        return longest;
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }

    int totalWidth() {
        return widths.stream().mapToInt(Integer::intValue).sum();
    }

    boolean hasGroupColumn() {
        return columns.stream().anyMatch(c -> c.role() == Role.GROUP);
    }
}
