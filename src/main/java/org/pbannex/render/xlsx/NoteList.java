package org.pbannex.render.xlsx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import org.pbannex.render.NoteNumbers;
import org.pbannex.render.PublicationInfo;
import org.pbannex.table.Language;
import org.pbannex.table.NoteMarker;
import org.pbannex.table.Table;
import org.pbannex.table.Text;

/**
 * Every note of the workbook, numbered once so the Notes sheet and the table sheets that point to it agree: first
 * what empty cells mean (only the rules some table uses), then the publication's general notes, then each table's
 * footnotes in table order. A printed footnote starts with its marker ("* Estimate.", "1 Results ...", one footnote
 * may hold "* ... ** ... *** ..."); each marked part becomes its own note, and where the table's title, a column
 * heading or a row label ends with that marker, the sheet shows "[note N]" instead, as the guidance asks (no
 * symbols or superscripts for notes).
 */
final class NoteList {

    /**
     * @param tableIds the tables it applies to; empty when it applies to all tables
     * @param marker   the marker the printed table uses for it ("*", "1"); "" when none
     */
    record Note(int number, List<String> tableIds, Text appliesTo, String marker, Text text) {
    }

    /**
     * What a cell without a figure shown means (empty, [x], a zero shown as a dash: a symbol the guidance asks to be
     * explained); a table sheet points to the rules its cells use.
     */
    enum EmptyCellRule {
        HEADING_ROWS, NOT_PRINTED, NOT_GIVEN, ZERO_DASH, SHARED_CELLS;

        /** The rule's note in the workbook's wording. */
        Text text(XlsxText words) {
            return switch (this) {
                case HEADING_ROWS -> words.headingRows;
                case NOT_PRINTED -> words.notPrinted;
                case NOT_GIVEN -> words.notGiven; // [x] in a table the printed document does not hold
                case ZERO_DASH -> words.zeroDash;
                case SHARED_CELLS -> words.sharedCells;
            };
        }
    }

    private final List<Note> notes;
    private final NoteNumbers numbers;
    private final XlsxText words;

    private NoteList(List<Note> notes, NoteNumbers numbers, XlsxText words) {
        this.notes = List.copyOf(notes);
        this.numbers = numbers;
        this.words = words;
    }

    /** The notes of a workbook of all these tables (their sheets as laid out). */
    static NoteList of(List<TableLayout> layouts, PublicationInfo info, XlsxText words) {
        return of(layouts, layouts.stream().map(l -> l.table().id()).toList(), info, words);
    }

    /**
     * The notes of a workbook of some of the run's tables ({@link #of(List, Map, List, PublicationInfo, XlsxText)}),
     * their sheets as laid out.
     */
    static NoteList of(List<TableLayout> layouts, List<String> shown, PublicationInfo info, XlsxText words) {
        Map<String, Set<EmptyCellRule>> rules = new LinkedHashMap<>();
        layouts.forEach(l -> rules.put(l.table().id(), l.emptyCellRules()));
        return of(layouts.stream().map(TableLayout::table).toList(), rules, shown, info, words);
    }

    /**
     * The notes of a workbook of some of the run's tables (a reviewer's): numbered as in the run's workbook of all
     * of them ({@code layouts}), so that "[note 9]" is the same note in both and in the HTML and PDF editions; the list
     * keeps the notes that apply to the {@code shown} tables, with the numbers of the whole (gaps where others' were).
     * {@code rules}: the rules for cells without a figure shown that each table's sheet uses, by the table's id.
     */
    static NoteList of(List<Table> layouts, Map<String, Set<EmptyCellRule>> rules, List<String> shown, PublicationInfo info,
                       XlsxText words) {
        List<Note> notes = new ArrayList<>();
        for (EmptyCellRule rule : EmptyCellRule.values()) {
            List<Table> using = layouts.stream().filter(l -> rules.get(l.id()).contains(rule)).toList();
            if (!using.isEmpty()) {
                notes.add(new Note(notes.size() + 1, using.stream().map(Table::id).toList(), appliesTo(using), "",
                        words.noteOrigin.shown(rule.text(words), false)));
            }
        }
        for (int i = 0; i < info.notes().size(); i++) {
            Text general = info.notes().get(i);
            if (general == null || general.isEmpty()) {
                continue;
            }
            Text n = words.noteOrigin.general(general); // pb-annex's unless publication.printed_notes names it
            List<String> scope = info.noteTables(i);
            if (scope.isEmpty()) {
                notes.add(new Note(notes.size() + 1, List.of(), words.allTables, "", n));
                continue;
            }
            // A note on some tables (the English translations of the appendices): theirs only; none in a workbook of others.
            List<Table> concerned = layouts.stream().filter(l -> scope.contains(l.id())).toList();
            if (!concerned.isEmpty()) {
                notes.add(new Note(notes.size() + 1, concerned.stream().map(Table::id).toList(), appliesTo(concerned), "", n));
            }
        }
        Map<String, List<NoteNumbers.Numbered>> marked = new LinkedHashMap<>();
        for (Table t : layouts) {
            List<NoteNumbers.Numbered> ofTable = new ArrayList<>();
            for (Text f : t.footnotes()) {
                boolean printed = words.noteOrigin.isPrinted(f);
                for (Footnote part : split(f)) {
                    int number = notes.size() + 1;
                    notes.add(new Note(number, List.of(t.id()), name(t), part.marker(), words.noteOrigin.shown(part.text(), printed)));
                    ofTable.add(new NoteNumbers.Numbered(part.marker(), part.text(), number));
                }
            }
            marked.put(t.id(), ofTable);
        }
        return new NoteList(shown(notes, layouts, shown), new NoteNumbers(marked, words.noteOrigin), words);
    }

    /** The notes that apply to the shown tables, each saying which of them (a general note: all). */
    private static List<Note> shown(List<Note> notes, List<Table> tables, List<String> shown) {
        List<Note> out = new ArrayList<>();
        for (Note n : notes) {
            List<Table> concerned = tables.stream().filter(t -> shown.contains(t.id()) && n.tableIds().contains(t.id())).toList();
            if (n.tableIds().isEmpty() || concerned.size() == n.tableIds().size()) {
                out.add(n);
            } else if (!concerned.isEmpty()) {
                out.add(new Note(n.number(), concerned.stream().map(Table::id).toList(), appliesTo(concerned),
                        n.marker(), n.text()));
            }
        }
        return out;
    }

    /** The numbers of the notes under the tables, as every edition names them. */
    NoteNumbers numbers() {
        return numbers;
    }

    List<Note> notes() {
        return notes;
    }

    /** The notes a table sheet points to: the empty-cell rules its cells use, the general notes, its own footnotes. */
    List<Integer> numbersFor(TableLayout layout) {
        String id = layout.table().id();
        return notes.stream().filter(n -> n.tableIds().isEmpty() || n.tableIds().contains(id)).map(Note::number).toList();
    }

    /**
     * The text with a trailing footnote marker ("2020-2021 *", "...cooperation.¹") replaced by the note it stands
     * for ("2020-2021 [note 9]"). Markers elsewhere in a text, and markers no footnote of the table explains, stay
     * as printed.
     */
    String withNoteMarker(String text, String tableId, Language lang) {
        return withNoteMarker(text, tableId, Text.EMPTY, lang);
    }

    /**
     * As {@link #withNoteMarker(String, String, Language)}, for a heading whose marker points to one footnote part
     * among several with that marker (a Column's note: Figure 2's "*" of a real and of a synthetic biennium); empty
     * for the first with the marker.
     */
    String withNoteMarker(String text, String tableId, Text pointsTo, Language lang) {
        Matcher m = NoteMarker.TRAILING.matcher(text);
        if (!m.find()) {
            return text;
        }
        String note = noteFor(tableId, m.group(1), pointsTo, lang);
        return note == null ? text : text.substring(0, m.start()) + " " + note;
    }

    /** "[note N]" for the table's footnote with this printed marker ("*", "¹", "†"); null when it has none. */
    String noteFor(String tableId, String marker, Language lang) {
        return noteFor(tableId, marker, Text.EMPTY, lang);
    }

    /** As {@link #noteFor(String, String, Language)}, for a marker that points to one footnote among several with it. */
    String noteFor(String tableId, String marker, Text pointsTo, Language lang) {
        int number = numbers.of(tableId, marker, pointsTo);
        return number == 0 ? null : words.markers(List.of(number), lang);
    }

    /** True when the text ends with a footnote marker ("*", "¹"). */
    static boolean endsWithMarker(String text) {
        return NoteMarker.TRAILING.matcher(text).find();
    }

    /** The footnote marker ending the text, with the space before it ("2020-2021 *" gives " *"); "" when none. */
    static String trailingMarker(String text) {
        Matcher m = NoteMarker.TRAILING.matcher(text);
        return m.find() ? text.substring(m.start()) : "";
    }

    record Footnote(String marker, Text text) {
    }

    /** The marked parts of a printed footnote, each with its marker and its text without it ({@link NoteMarker#parts(Text)}). */
    static List<Footnote> split(Text footnote) {
        return NoteMarker.parts(footnote).stream().map(n -> new Footnote(n.marker(), n.text())).toList();
    }

    /** How the Notes sheet names a table: its printed number, else its short name, else its id. */
    static Text name(Table t) {
        return !t.number().isEmpty() ? t.number() : t.shortName().isEmpty() ? Text.of(t.id()) : t.shortName();
    }

    private static Text appliesTo(List<Table> tables) {
        List<Text> names = tables.stream().map(NoteList::name).toList();
        return new Text(names.stream().map(Text::zh).collect(Collectors.joining("、")),
                names.stream().map(n -> n.in(Language.EN)).collect(Collectors.joining(", ")));
    }
}
