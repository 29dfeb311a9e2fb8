package org.pbannex.table;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * A publishable table, independent of any output format: identity, titles, columns, typed rows,
 * footnotes and source. Builders make these; the xlsx, PDF and CSV writers render them.
 *
 * @param id       short stable id (a1, t1, ...), also the CSV file name
 * @param number   the printed table number ("资料附件 1", "表 1")
 * @param title    the printed title
 * @param unitNote the unit statement shown under the title (e.g. "US$")
 * @param labelHeading heading of the label column
 * @param wide     true when the PDF should print it on a landscape page
 * @param tidy     the tidy CSV form when it is not one row per table row; null for the usual one
 * @param charts   charts drawn with the table (may be empty)
 * @param shortName a few words saying what the table holds, for places with little room (workbook sheet names);
 *                  may be empty
 * @param caveat    a warning about the whole table that every rendering must show where the figures are (e.g. "drawn
 *                  from synthetic data, not ILO figures"); empty when there is none
 * @param cellNotes notes on single cells, each also one of the footnotes (see {@link CellNote})
 * @param inPrint   whether the printed document holds the table (false for one computed from printed tables, as its
 *                  catalogue entry says): the editions then word what they say of it without "printed"
 * @param workbookUnit the units the workbook's sheet states above a table the print gives no unit statement to (its
 *                  units only in its column headings), as it states every other table's; empty: none (the print's
 *                  unitNote, if any, is stated). The PDF and HTML editions, like the print, do not show it
 */
public record Table(String id, Text number, Text title, Text unitNote, Text labelHeading, List<Column> columns, List<Row> rows,
                    List<Text> footnotes, Text source, boolean wide, TidyRows tidy, List<Chart> charts, Text shortName,
                    Text caveat, List<CellNote> cellNotes, boolean inPrint, Text workbookUnit) {

    public Table {
        workbookUnit = workbookUnit == null ? Text.EMPTY : workbookUnit;
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        footnotes = List.copyOf(footnotes);
        charts = List.copyOf(charts);
        shortName = shortName == null ? Text.EMPTY : shortName;
        caveat = caveat == null ? Text.EMPTY : caveat;
        cellNotes = cellNotes == null ? List.of() : List.copyOf(cellNotes);
    }

    public Table(String id, Text number, Text title, Text unitNote, Text labelHeading, List<Column> columns, List<Row> rows,
                 List<Text> footnotes, Text source, boolean wide, TidyRows tidy, List<Chart> charts, Text shortName,
                 Text caveat, List<CellNote> cellNotes, boolean inPrint) {
        this(id, number, title, unitNote, labelHeading, columns, rows, footnotes, source, wide, tidy, charts, shortName, caveat,
                cellNotes, inPrint, Text.EMPTY);
    }

    /** A table the printed document holds. */
    public Table(String id, Text number, Text title, Text unitNote, Text labelHeading, List<Column> columns, List<Row> rows,
                 List<Text> footnotes, Text source, boolean wide, TidyRows tidy, List<Chart> charts, Text shortName,
                 Text caveat, List<CellNote> cellNotes) {
        this(id, number, title, unitNote, labelHeading, columns, rows, footnotes, source, wide, tidy, charts, shortName, caveat,
                cellNotes, true);
    }

    public Table(String id, Text number, Text title, Text unitNote, Text labelHeading, List<Column> columns, List<Row> rows,
                 List<Text> footnotes, Text source, boolean wide, TidyRows tidy, List<Chart> charts, Text shortName) {
        this(id, number, title, unitNote, labelHeading, columns, rows, footnotes, source, wide, tidy, charts, shortName, Text.EMPTY,
                List.of());
    }

    public Table(String id, Text number, Text title, Text unitNote, Text labelHeading, List<Column> columns, List<Row> rows,
                 List<Text> footnotes, Text source, boolean wide) {
        this(id, number, title, unitNote, labelHeading, columns, rows, footnotes, source, wide, null, List.of(), Text.EMPTY);
    }

    /** Every text the table shows (titles, headings, labels, text cells, notes, its charts' words), in no set order. */
    public List<Text> texts() {
        List<Text> out = new java.util.ArrayList<>(List.of(number, title, unitNote, labelHeading, source, shortName, caveat, workbookUnit));
        for (Column c : columns) {
            out.addAll(java.util.Arrays.asList(c.heading(), c.group(), c.unit(), c.spokenHeading(), c.note()));
        }
        for (Row r : rows) {
            out.add(r.label());
            r.values().values().forEach(v -> {
                if (v instanceof Text t) {
                    out.add(t);
                } else if (v instanceof String s) {
                    out.add(Text.of(s));
                }
            });
        }
        out.addAll(footnotes);
        cellNotes.forEach(n -> out.add(n.text()));
        for (Chart c : charts) {
            out.addAll(java.util.Arrays.asList(c.title(), c.altText(), c.valueAxis(), c.note()));
            out.addAll(c.categories());
            c.series().forEach(x -> out.add(x.name()));
        }
        out.removeIf(java.util.Objects::isNull);
        return out;
    }

    public Table withTidy(TidyRows tidyRows) {
        return new Table(id, number, title, unitNote, labelHeading, columns, rows, footnotes, source, wide, tidyRows, charts,
                shortName, caveat, cellNotes, inPrint, workbookUnit);
    }

    public Table withCharts(List<Chart> newCharts) {
        return new Table(id, number, title, unitNote, labelHeading, columns, rows, footnotes, source, wide, tidy, newCharts,
                shortName, caveat, cellNotes, inPrint, workbookUnit);
    }

    public Table withTitle(Text newTitle) {
        return new Table(id, number, newTitle, unitNote, labelHeading, columns, rows, footnotes, source, wide, tidy, charts,
                shortName, caveat, cellNotes, inPrint, workbookUnit);
    }

    /** The table with a source of its own (where its figures come from), in place of the publication's. */
    public Table withSource(Text newSource) {
        return new Table(id, number, title, unitNote, labelHeading, columns, rows, footnotes, newSource, wide, tidy, charts,
                shortName, caveat, cellNotes, inPrint, workbookUnit);
    }

    public Table withCaveat(Text newCaveat) {
        return new Table(id, number, title, unitNote, labelHeading, columns, rows, footnotes, source, wide, tidy, charts,
                shortName, newCaveat, cellNotes, inPrint, workbookUnit);
    }

    /** The table with one more note under it, after its own. */
    public Table withFootnote(Text note) {
        List<Text> notes = new java.util.ArrayList<>(footnotes);
        notes.add(note);
        return new Table(id, number, title, unitNote, labelHeading, columns, rows, notes, source, wide, tidy, charts,
                shortName, caveat, cellNotes, inPrint, workbookUnit);
    }

    /** The table with its note at {@code index} (of {@link #footnotes}) worded otherwise. */
    public Table withFootnoteAt(int index, Text note) {
        List<Text> notes = new java.util.ArrayList<>(footnotes);
        notes.set(index, note);
        return new Table(id, number, title, unitNote, labelHeading, columns, rows, notes, source, wide, tidy, charts,
                shortName, caveat, cellNotes, inPrint, workbookUnit);
    }

    /** The table with a note on one cell, which must exist; the note is added to the footnotes too. */
    public Table withCellNote(CellNote note) {
        row(note.row());
        column(note.column());
        List<Text> notes = new java.util.ArrayList<>(footnotes);
        notes.add(note.footnote());
        List<CellNote> cells = new java.util.ArrayList<>(cellNotes);
        cells.add(note);
        return new Table(id, number, title, unitNote, labelHeading, columns, rows, notes, source, wide, tidy, charts,
                shortName, caveat, cells, inPrint, workbookUnit);
    }

    /**
     * The table as one the printed document does not hold (computed from printed tables): what is said of it is not
     * said of a printed table ("[x]": the table gives no figure, not the printed table).
     */
    public Table notInPrint() {
        return new Table(id, number, title, unitNote, labelHeading, columns, rows, footnotes, source, wide, tidy, charts,
                shortName, caveat, cellNotes, false, workbookUnit);
    }

    /** The table with the units its workbook sheet states where the print states none. */
    public Table withWorkbookUnit(Text unit) {
        return new Table(id, number, title, unitNote, labelHeading, columns, rows, footnotes, source, wide, tidy, charts,
                shortName, caveat, cellNotes, inPrint, unit);
    }

    /** The units the workbook states above the table: the print's unit note, else the workbook's own; may be empty. */
    public Text sheetUnit() {
        return unitNote.isEmpty() ? workbookUnit : unitNote;
    }

    /** The note on a cell, or null. */
    public CellNote cellNote(String rowKey, String columnKey) {
        return cellNotes.stream().filter(n -> n.row().equals(rowKey) && n.column().equals(columnKey)).findFirst().orElse(null);
    }

    public Row row(String key) {
        return rows.stream().filter(r -> r.key().equals(key)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("table " + id + " has no row " + key));
    }

    public Column column(String key) {
        return columns.stream().filter(c -> c.key().equals(key)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("table " + id + " has no column " + key));
    }
}
