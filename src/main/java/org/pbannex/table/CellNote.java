package org.pbannex.table;

/**
 * A note on one cell of a table (a figure that differs from the print, say): renderers put the marker beside the
 * figure (a superscript in the PDF, "[note N]" on the row in the workbook; the CSV keeps plain numbers), and the note,
 * marker first, is one of the table's footnotes.
 *
 * @param row    the row key
 * @param column the column key
 * @param marker the mark shown beside the figure (†)
 * @param text   the note without its marker, in both editions
 */
public record CellNote(String row, String column, String marker, Text text) {

    /** The note as listed under the table: "† text". */
    public Text footnote() {
        return new Text(marker + " " + text.zh(), text.en().isEmpty() ? "" : marker + " " + text.en());
    }
}
