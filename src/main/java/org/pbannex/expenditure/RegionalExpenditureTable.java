package org.pbannex.expenditure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.pbannex.ingest.InputError;
import org.pbannex.ingest.InputSet;
import org.pbannex.ingest.Record;
import org.pbannex.ingest.Said;
import org.pbannex.reference.Biennium;
import org.pbannex.reference.DocumentText;
import org.pbannex.reference.ReferenceData;
import org.pbannex.reference.Region;
import org.pbannex.reference.TextKeys;
import org.pbannex.reference.Texts;
import org.pbannex.table.Chart;
import org.pbannex.table.Column;
import org.pbannex.table.Language;
import org.pbannex.table.Percent;
import org.pbannex.table.Row;
import org.pbannex.table.RowType;
import org.pbannex.table.Table;
import org.pbannex.table.Text;
import org.pbannex.table.TidyRows;
import org.pbannex.table.ValueKind;

/**
 * Figure 2: extra-budgetary expenditure by region and biennium, in US$ millions, from the expenditure lines. A
 * biennium's mark says what its figures are: * actual, ** partly actual and partly estimated, *** estimated. The
 * tidy CSV keeps exact amounts (two decimals) by region, biennium and status, and whether they are synthetic; a bar
 * chart shows the table. Drawn from synthetic lines (in all its biennia or some), the table carries a caveat saying so
 * wherever it is shown, naming the biennia when only some are.
 */
public final class RegionalExpenditureTable {

    public static final String ID = "f2";
    static final String FUND = "XB";
    static final String TOTAL = "total";

    private RegionalExpenditureTable() {
    }

    /**
     * Totals that synthetic lines may have been generated to add up to (generate-expenditure --control): another table's
     * estimates per biennium code, and that table's number or title to name it by.
     */
    public record Estimates(Text table, Map<String, BigDecimal> totals) {
    }

    /**
     * A biennium whose XB lines include a synthetic file's is synthetic: the table then says so (caveat, chart title, a
     * note; naming the biennia when not all are), the lines of its tidy CSV that sum a synthetic line are marked
     * synthetic, and the note on its mark speaks of the lines' status, never of actual expenditure as at a date.
     *
     * @param actualsAsOf per biennium code, the date up to which a partly actual biennium's expenditure is actual
     * @param estimates the totals synthetic lines may have been made to add up to (null: none): a synthetic biennium's
     *                  total equal to one is said to be so by construction, lest it read as evidence
     */
    /** As below, with every biennium's regions named as the run's list names them. */
    public static Table build(ReferenceData ref, ExpenditureTotals totals, Map<String, LocalDate> actualsAsOf, Estimates estimates) {
        return build(ref, totals, actualsAsOf, estimates, year -> Map.of());
    }

    /**
     * @param namesInForce per biennium (its first year), the regions' names in the list in force then (code to name):
     *                     where a region shown was named otherwise in an earlier biennium, a note says so (its figures
     *                     then are of the region as it was)
     */
    public static Table build(ReferenceData ref, ExpenditureTotals totals, Map<String, LocalDate> actualsAsOf, Estimates estimates,
                              java.util.function.IntFunction<Map<String, Text>> namesInForce) {
        Texts t = ref.texts();
        // The biennia the lines cover up to the run's: a later biennium's lines belong to that biennium's figure.
        List<Integer> years = totals.bienniums().stream().filter(y -> y <= ref.biennium().firstYear())
                .filter(y -> totals.lines(FUND, null, null, null, y) > 0).toList();
        List<Integer> syntheticYears = years.stream().filter(y -> LinesKind.of(totals, y) != LinesKind.REAL).toList();
        boolean synthetic = !syntheticYears.isEmpty();
        boolean allSynthetic = syntheticYears.size() == years.size();
        Text syntheticBiennia = synthetic ? t.list(syntheticYears.stream().map(y -> new Biennium(y).longForm()).toList()) : Text.EMPTY;
        Map<String, MarkNote> markNotes = markNotes(t, totals, years, actualsAsOf);
        List<Column> columns = new ArrayList<>();
        for (int y : years) {
            Biennium b = new Biennium(y);
            // A status real and synthetic biennia both have has two notes, each its own mark: the column names its note.
            MarkNote mark = markNotes.get(markKey(mark(totals, y), LinesKind.of(totals, y)));
            columns.add(Column.of(b.code(), Text.of(b.longForm() + " " + mark.mark()), Text.EMPTY, Text.EMPTY, ValueKind.MILLIONS)
                    .withNote(mark.note()));
        }
        List<Row> rows = new ArrayList<>();
        List<TidyRows.Line> tidy = new ArrayList<>();
        List<Region> regions = ref.regions().stream()
                .filter(r -> years.stream().anyMatch(y -> totals.lines(FUND, null, r.code(), null, y) > 0)).toList();
        for (Region r : regions) {
            Map<String, Object> v = new LinkedHashMap<>();
            for (int y : years) {
                // No line at all is a blank, not 0.0: nothing was reported for that region and biennium.
                LineSelection cell = linesOf(r.code(), new Biennium(y).code());
                v.put(new Biennium(y).code(), totals.lines(cell) > 0 ? Percent.millionsOfCents(totals.cents(cell)) : null);
                for (String status : ExpenditureTotals.STATUSES) {
                    if (totals.lines(FUND, status, r.code(), null, y) > 0) {
                        tidy.add(tidyLine(r.code(), r.label(), y, status, totals.cents(FUND, status, r.code(), null, y),
                                totals.syntheticLines(FUND, status, r.code(), null, y) > 0));
                    }
                }
            }
            rows.add(new Row(r.code(), RowType.UNIT, r.label(), 0, v));
        }
        Map<String, Object> total = new LinkedHashMap<>();
        for (int y : years) {
            total.put(new Biennium(y).code(), Percent.millionsOfCents(totals.cents(linesOf(TOTAL, new Biennium(y).code()))));
        }
        rows.add(new Row(TOTAL, RowType.GRAND_TOTAL, t.get("f2.total"), 0, total));
        List<Text> footnotes = new ArrayList<>(List.of(new Text(
                markNotes.values().stream().map(p -> p.note().zh()).collect(Collectors.joining()),
                markNotes.values().stream().map(p -> p.note().in(Language.EN)).collect(Collectors.joining(" ")))));
        footnotes.addAll(t.numbered(TextKeys.footnotes(ID))); // as every table: a footnote a biennium adds is shown
        footnotes.addAll(namedThen(t, regions, years, totals, namesInForce));
        // Said of the CSV's figures too: the data package's description of f2 carries the same note.
        List<Text> aboutTheValues = new ArrayList<>();
        if (synthetic) {
            footnotes.add(allSynthetic ? t.get("f2.synthetic") : t.get("f2.synthetic.partly").with("biennia", syntheticBiennia));
            Text made = madeToEqual(t, syntheticYears, total, estimates);
            if (!made.isEmpty()) {
                footnotes.add(made);
                aboutTheValues.add(made);
            }
        }
        Table table = DocumentText.table(t, ID, columns, rows, footnotes, years.size() > 5).withTitle(title(t, years, ref.biennium()));
        List<Chart.Series> series = new ArrayList<>();
        for (int y : years) {
            String biennium = new Biennium(y).code();
            // As in the table, a region with no line in the biennium has no figure (null): no bar, no "0.0".
            series.add(new Chart.Series(Text.of(new Biennium(y).longForm() + " "
                    + markNotes.get(markKey(mark(totals, y), LinesKind.of(totals, y))).mark()),
                    regions.stream().map(r -> totals.lines(linesOf(r.code(), biennium)) > 0
                            ? (Number) Percent.millionsOfCents(totals.cents(linesOf(r.code(), biennium))) : null).toList()));
        }
        Text number = table.number().isEmpty() ? table.title() : table.number();
        Text caveat = allSynthetic ? t.get("f2.caveat").with("number", number)
                : t.get("f2.caveat.partly").with("number", number).with("biennia", syntheticBiennia);
        Text title = !synthetic ? table.title()
                : t.get(allSynthetic ? "f2.chart.synthetic_title" : "f2.chart.partly_synthetic_title").with("title", table.title());
        // The renderers put the caveat before the alt text (Chart.altText(caveat)), as for every table's charts.
        // The workbook's chart, on a sheet of its own away from the table, gives its figures too, as rt's and a4's do;
        // the PDF prints a chart's alt text as its caption under the table, so there it stays without them.
        Chart chart = new Chart(ID + "-regions", title, t.get("f2.chart.alt"), t.get("f2.unit"),
                regions.stream().map(Region::label).toList(), series)
                .withWorkbookAlt(t.get("f2.chart.workbook_alt").with("alt", t.get("f2.chart.alt"))
                        .with("values", altValues(regions, series)));
        table = table.withTidy(new TidyRows(List.of("region", "biennium", "status", "amount_usd", "synthetic"), tidy,
                        t.get("f2.tidy_unit"), aboutTheValues))
                .withCharts(List.of(chart));
        // Figures summed from lines, real or synthetic, do not come from the publication's source, which a workbook
        // sheet, the data package and the editions would otherwise name: the source names the lines.
        Text source = switch (LinesSource.of(years.stream().map(y -> new LinesSource.Part(totals.lines(FUND, null, null, null, y),
                totals.syntheticLines(FUND, null, null, null, y))).toList())) {
            case LINES -> t.get("f2.source.lines");
            case SYNTHETIC -> t.get("f2.source.synthetic");
            case PARTLY_SYNTHETIC -> t.get("f2.source.partly_synthetic").with("biennia", syntheticBiennia);
            case MIXED -> t.get("f2.source.mixed").with("biennia", syntheticBiennia);
        };
        return (synthetic ? table.withCaveat(caveat) : table).withSource(source);
    }

    /**
     * The chart's figures for the workbook chart's alt text, region by region ("Africa: 2016-2017 60.4, 2018-2019 70.4;
     * Americas: ..."), a biennium with no figure for the region left out, as its bar is.
     */
    private static Text altValues(List<Region> regions, List<Chart.Series> series) {
        List<String> zh = new ArrayList<>();
        List<String> en = new ArrayList<>();
        for (int i = 0; i < regions.size(); i++) {
            List<String> figures = new ArrayList<>();
            for (Chart.Series s : series) {
                Number v = s.values().get(i);
                if (v != null) {
                    // The biennium without its note's mark ("2016-2017 *", "2020-2021 ‡"): the marks' notes are the table's.
                    String biennium = s.name().in(Language.EN).strip().split(" ", 2)[0];
                    figures.add(biennium + " " + v);
                }
            }
            zh.add(regions.get(i).label().zh() + "：" + String.join("，", figures));
            en.add(regions.get(i).label().in(Language.EN) + ": " + String.join(", ", figures));
        }
        return new Text(String.join("；", zh), String.join("; ", en));
    }

    /**
     * The lines a figure of the table sums: the XB lines of the row's region (every region's for the total) in the
     * column's biennium; null for a column that is no biennium.
     */
    public static LineSelection linesOf(String rowKey, String columnKey) {
        Biennium b = Biennium.parse(columnKey);
        return b == null ? null : new LineSelection(FUND, null, rowKey.equals(TOTAL) ? null : rowKey, null, b.firstYear());
    }

    /**
     * A note for each region shown that the list in force for some of the figure's biennia named otherwise (a region
     * relabelled when its scope changed, "Europe and Central Asia" then "Europe"): its figures of those biennia are of the
     * region as it then was, and the table, which names it as the run's list does, must say so (found by a tester).
     */
    private static List<Text> namedThen(Texts t, List<Region> regions, List<Integer> years, ExpenditureTotals totals,
                                        java.util.function.IntFunction<Map<String, Text>> namesInForce) {
        List<Text> notes = new ArrayList<>();
        for (Region r : regions) {
            Map<Text, List<String>> then = new java.util.LinkedHashMap<>();
            for (int y : years) {
                Text name = totals.lines(FUND, null, r.code(), null, y) > 0 ? namesInForce.apply(y).get(r.code()) : null;
                if (name != null && !name.equals(r.label())) {
                    then.computeIfAbsent(name, n -> new ArrayList<>()).add(new Biennium(y).longForm());
                }
            }
            then.forEach((name, biennia) -> notes.add(t.get("f2.note.named_then").with("region", r.label()).with("code", r.code())
                    .with("name", name).with("biennia", t.list(biennia))));
        }
        return notes;
    }

    /**
     * The note that the totals equal to an estimate are so because the synthetic lines were made to add up to it
     * (2020-21's and 2022-23's, Table 2's 470.0 and 520.0, for the bundled sample), and that the rest is invented;
     * empty where no total equals one.
     */
    private static Text madeToEqual(Texts t, List<Integer> years, Map<String, Object> total, Estimates estimates) {
        if (estimates == null) {
            return Text.EMPTY;
        }
        List<String> equal = new ArrayList<>();
        for (int y : years) {
            BigDecimal estimate = estimates.totals().get(new Biennium(y).code());
            if (estimate != null && estimate.compareTo((BigDecimal) total.get(new Biennium(y).code())) == 0) {
                equal.add(new Biennium(y).longForm());
            }
        }
        return equal.isEmpty() ? Text.EMPTY
                : t.get("f2.synthetic.made_to_equal").with("table", estimates.table()).with("biennia", t.list(equal));
    }

    /**
     * "Past biennia and {cur}" when the lines reach the run's biennium; otherwise the biennia they do cover, first to
     * last, so the title never promises a biennium the figure does not show.
     */
    private static Text title(Texts t, List<Integer> years, Biennium run) {
        if (years.isEmpty() || years.get(years.size() - 1) == run.firstYear()) {
            return t.get("f2.title");
        }
        return t.get("f2.title.range").with("first", new Biennium(years.get(0)).longForm())
                .with("last", new Biennium(years.get(years.size() - 1)).longForm());
    }

    /** Whether a biennium's XB lines are real, all synthetic, or some of each: its mark's note says which. */
    enum LinesKind {
        REAL("f2.note."), SYNTHETIC("f2.note.synthetic."), MIXED("f2.note.mixed.");

        final String textPrefix;

        LinesKind(String textPrefix) {
            this.textPrefix = textPrefix;
        }

        static LinesKind of(ExpenditureTotals totals, int year) {
            long synthetic = totals.syntheticLines(FUND, null, null, null, year);
            return synthetic == 0 ? REAL : synthetic == totals.lines(FUND, null, null, null, year) ? SYNTHETIC : MIXED;
        }
    }

    /**
     * The notes on the marks the columns carry, as printed in one footnote: "* 实际支出。** 截至 2021 年 1 月 4 日，2020 年的实际支出，
     * 以及 2021 年的估计支出。*** 估计支出。", each part only where a column has that mark; the ** years are those of the partly
     * actual biennium (first year actual, second estimated) and the date is from expenditure_as_of.csv. Over a synthetic
     * biennium's lines the marks are the status the lines carry, and no date applies to them (f2.note.synthetic.*); over
     * a biennium with real and synthetic lines, the status of lines some of which are synthetic (f2.note.mixed.*: real
     * estimates added to the synthetic sample are not called synthetic, nor the synthetic actuals actual expenditure).
     * A status that several kinds of biennium have gets a note for each, and each note its own mark: the first kind
     * (real lines before synthetic, before mixed) the status's asterisks, each further one the next of
     * {@link #FURTHER_MARKS} (tester 76a: a real and a synthetic estimated biennium both carried ***, above two ***
     * notes, so that a reader of the PDF or HTML could not tell which note was whose). Keyed by {@link #markKey}, in
     * the footnote's order.
     */
    private static Map<String, MarkNote> markNotes(Texts t, ExpenditureTotals totals, List<Integer> years,
                                                   Map<String, LocalDate> actualsAsOf) {
        Map<String, MarkNote> parts = new LinkedHashMap<>();
        int further = 0;
        for (String m : List.of("*", "**", "***")) {
            boolean taken = false;
            for (LinesKind kind : LinesKind.values()) {
                String prefix = kind.textPrefix;
                List<Integer> marked = years.stream().filter(y -> mark(totals, y).equals(m) && LinesKind.of(totals, y) == kind).toList();
                if (marked.isEmpty()) {
                    continue;
                }
                boolean dated = kind == LinesKind.REAL; // only actual expenditure is actual as at a date
                Text note;
                if (!m.equals("**")) {
                    note = t.get(prefix + (m.equals("*") ? "actual" : "estimated"));
                } else if (marked.size() == 1) {
                    int y = marked.get(0);
                    LocalDate asOf = dated ? actualsAsOf.get(new Biennium(y).code()) : null;
                    Text partly = !dated ? t.get(prefix + "partly") : asOf == null ? t.get(prefix + "partly_undated")
                            : t.get(prefix + "partly").with("as_of", date(t, asOf));
                    note = partly.with("first", Integer.toString(y)).with("second", Integer.toString(y + 1));
                } else {
                    note = partlyActualBiennia(t, marked, dated ? actualsAsOf : Map.of(), prefix);
                }
                String shown = taken ? FURTHER_MARKS.get(further++) : m;
                taken = true;
                parts.put(markKey(m, kind), new MarkNote(shown, shown.equals(m) ? note : remarked(note, m, shown)));
            }
        }
        return parts;
    }

    /**
     * The marks of a status's note beyond its first (three statuses, three kinds of lines: six at most), as
     * {@link org.pbannex.table.NoteMarker} reads them; † is not among them, the mark of a cell's own note.
     */
    static final List<String> FURTHER_MARKS = List.of("‡", "§", "‡‡", "§§", "‡‡‡", "§§§");

    /** A column's mark and the note it points to (which starts with that mark). */
    record MarkNote(String mark, Text note) {
    }

    /** The note with its leading mark ({@code from}, as its text has it) replaced, in each language. */
    private static Text remarked(Text note, String from, String to) {
        return new Text(remark(note.zh(), from, to), remark(note.en(), from, to));
    }

    private static String remark(String text, String from, String to) {
        if (!text.startsWith(from)) {
            throw new IllegalStateException("Figure 2's mark note does not start with its mark " + from + ": " + text);
        }
        return to + text.substring(from.length());
    }

    /**
     * The ** note over several partly actual biennia (a run's lines reaching past the printed years): it names each
     * one's actual year, with the date it is actual up to where expenditure_as_of.csv has one, and each one's estimated
     * year, not only the first biennium's ("** Actual expenditure for 2020 as at 4 January 2021 and 2028, and estimated
     * expenditure for 2021 and 2029.").
     */
    private static Text partlyActualBiennia(Texts t, List<Integer> years, Map<String, LocalDate> actualsAsOf, String prefix) {
        List<Text> first = new ArrayList<>();
        for (int y : years) {
            LocalDate asOf = actualsAsOf.get(new Biennium(y).code());
            first.add((asOf == null ? t.get("f2.note.partly.year") : t.get("f2.note.partly.year_as_at").with("as_of", date(t, asOf)))
                    .with("year", Integer.toString(y)));
        }
        return t.get(prefix + "partly.several").with("first", t.listOf(first))
                .with("second", t.list(years.stream().map(y -> Integer.toString(y + 1)).toList()));
    }

    private static String markKey(String mark, LinesKind kind) {
        return mark + " " + kind;
    }

    /** A date as each edition writes it (texts edition.date: "2021 年 1 月 4 日", "4 January 2021"). */
    private static Text date(Texts t, LocalDate d) {
        return t.get("edition.date").date(d);
    }

    /**
     * Per biennium code, the date up to which a partly actual biennium's figures are actual (expenditure_as_of.csv);
     * a date that is not one stops the run with its file, line and column.
     */
    public static Map<String, LocalDate> actualsAsOf(InputSet in) {
        Map<String, LocalDate> out = new LinkedHashMap<>();
        for (Record r : in.table("expenditure_as_of")) {
            if (Biennium.parse(r.text("biennium")) == null) {
                throw new InputError(r.file(), r.line(), "biennium", Said.of("not_a_biennium", "value", r.text("biennium")));
            }
            try {
                out.put(r.text("biennium"), LocalDate.parse(r.text("as_of")));
            } catch (DateTimeParseException e) {
                throw new InputError(r.file(), r.line(), "as_of", Said.of("not_a_day", "value", r.text("as_of")));
            }
        }
        return out;
    }

    /** Figure 2's total per biennium code, US$ millions as shown. */
    public static Map<String, BigDecimal> totals(Table f2) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        f2.columns().forEach(c -> out.put(c.key(), (BigDecimal) f2.row(TOTAL).value(c.key())));
        return out;
    }

    /** Whether a biennium's figures in Figure 2 sum a synthetic line: its tidy rows say so, row by row. */
    public static boolean sumsSynthetic(Table f2, String biennium) {
        return f2.tidy() != null && f2.tidy().lines().stream().anyMatch(l -> biennium.equals(l.values().get("biennium"))
                && "true".equals(l.values().get("synthetic")));
    }

    /** * all actual, *** all estimated, ** both. */
    static String mark(ExpenditureTotals totals, int year) {
        boolean actual = totals.lines(FUND, "ACTUAL", null, null, year) > 0;
        boolean estimate = totals.lines(FUND, "ESTIMATE", null, null, year) > 0;
        return actual && estimate ? "**" : actual ? "*" : "***";
    }

    private static TidyRows.Line tidyLine(String region, Text label, int year, String status, long cents, boolean synthetic) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("region", region);
        v.put("biennium", new Biennium(year).code());
        v.put("status", status);
        v.put("amount_usd", BigDecimal.valueOf(cents, 2).toPlainString());
        v.put("synthetic", Boolean.toString(synthetic));
        // The amount is part of the biennium's figure on the region's row (in millions there, to the cent here).
        return new TidyRows.Line(region + "." + new Biennium(year).code() + "." + status, RowType.UNIT, label, v,
                Map.of("amount_usd", new Biennium(year).code(), "region", TidyRows.LABEL));
    }
}
