package org.pbannex.table;

import java.util.List;

/**
 * A chart that goes with a table: categories along one axis (or the slices of a pie), one series per {@link Series}.
 * Renderers draw it natively (an Excel chart in the workbook, drawn in the PDF); {@code altText} describes it for
 * readers who cannot see it. {@code note}, where not empty, qualifies its figures (how sure a pie's shares are, what
 * one of its slices is) and is shown with the title, wherever the chart is drawn. {@code workbookAlt}, where not
 * empty, is the alt text of the workbook's chart in place of {@code altText}: the chart's figures added, for a chart
 * whose alt text does not give them (Figure 2's: the PDF prints a chart's alt text as its caption, under the table
 * that gives them), since the workbook's chart stands on a sheet of its own, away from its table.
 */
public record Chart(String id, Kind kind, Text title, Text altText, Text valueAxis, List<Text> categories, List<Series> series,
                    Text note, Text workbookAlt) {

    /** How the chart is drawn: bars (one bar per category and series), or a pie (one series, a slice per category). */
    public enum Kind { BAR, PIE }

    /** A bar chart. */
    public Chart(String id, Text title, Text altText, Text valueAxis, List<Text> categories, List<Series> series) {
        this(id, Kind.BAR, title, altText, valueAxis, categories, series);
    }

    public Chart(String id, Kind kind, Text title, Text altText, Text valueAxis, List<Text> categories, List<Series> series) {
        this(id, kind, title, altText, valueAxis, categories, series, Text.EMPTY);
    }

    public Chart(String id, Kind kind, Text title, Text altText, Text valueAxis, List<Text> categories, List<Series> series,
                 Text note) {
        this(id, kind, title, altText, valueAxis, categories, series, note, Text.EMPTY);
    }

    public Chart {
        kind = kind == null ? Kind.BAR : kind;
        workbookAlt = workbookAlt == null ? Text.EMPTY : workbookAlt;
        note = note == null ? Text.EMPTY : note;
        if (kind == Kind.PIE && series.size() != 1) {
            throw new IllegalArgumentException("chart " + id + ": a pie has exactly one series");
        }
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        for (Series s : series) {
            if (s.values().size() != categories.size()) {
                throw new IllegalArgumentException("chart " + id + ": series " + s.name().zh() + " has "
                        + s.values().size() + " values for " + categories.size() + " categories");
            }
        }
    }

    /** The chart with a note on its figures. */
    public Chart withNote(Text newNote) {
        return new Chart(id, kind, title, altText, valueAxis, categories, series, newNote, workbookAlt);
    }

    /** The chart with an alt text of its own in the workbook (its figures added to the alt text the editions show). */
    public Chart withWorkbookAlt(Text alt) {
        return new Chart(id, kind, title, altText, valueAxis, categories, series, note, alt);
    }

    /**
     * The alt text with its table's caveat (synthetic data, not in the print) and its own note first, so a reader who
     * cannot see the chart hears the warnings that sighted readers see beside it; the alt text alone when there are none.
     */
    public Text altText(Text caveat) {
        return withWarnings(altText, caveat);
    }

    /** The workbook chart's alt text ({@code workbookAlt}, else {@code altText}) with the caveat and note first. */
    public Text workbookAltText(Text caveat) {
        return withWarnings(workbookAlt.isEmpty() ? altText : workbookAlt, caveat);
    }

    private Text withWarnings(Text alt, Text caveat) {
        Text out = alt;
        for (Text first : new Text[] {note, caveat}) {
            if (first != null && !first.isEmpty()) {
                out = new Text(first.zh() + out.zh(), first.in(Language.EN) + " " + out.in(Language.EN));
            }
        }
        return out;
    }

    /**
     * One series of bars, a value per category. Values are exact numbers (Long or BigDecimal), or null where the table
     * has no figure (no bar and no label is drawn; a real zero stays a bar of zero). {@code row} names the
     * table row the values are read across (the regions of a row of totals), where they are one row's: a workbook
     * chart then reads that row's cells, not the first row that happens to hold the same figures. Null otherwise.
     */
    public record Series(Text name, List<Number> values, String row) {

        public Series {
            values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values)); // nulls kept: no figure
        }

        public Series(Text name, List<Number> values) {
            this(name, values, null);
        }
    }

    public double max() {
        return series.stream().flatMap(s -> s.values().stream()).filter(java.util.Objects::nonNull).mapToDouble(Number::doubleValue)
                .max().orElse(0);
    }
}
