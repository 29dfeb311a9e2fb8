package org.pbannex.review;

import static org.pbannex.review.CellValues.a1;
import static org.pbannex.review.CellValues.cell;
import static org.pbannex.review.CellValues.inColumn;
import static org.pbannex.review.CellValues.row;
import static org.pbannex.review.CellValues.sameIn;
import static org.pbannex.review.CellValues.sameText;
import static org.pbannex.review.CellValues.text;
import static org.pbannex.review.CellValues.texts;
import static org.pbannex.review.CellValues.width;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.pbannex.ingest.DataPackage;
import org.pbannex.inputbook.InputBookReader;
import org.pbannex.inputbook.InputBookReader.Cell;
import org.pbannex.inputbook.InputBookReader.Sheet;
import org.pbannex.publication.ComputedPublication;
import org.pbannex.publication.TableCatalogue;
import org.pbannex.reference.Texts;
import org.pbannex.render.xlsx.XlsxWorkbookWriter;
import org.pbannex.render.xlsx.XlsxWorkbookWriter.SheetPlan;
import org.pbannex.review.Review.Change;
import org.pbannex.review.Review.PercentOf;
import org.pbannex.review.Review.Where;
import org.pbannex.table.Language;
import org.pbannex.table.Table;

/**
 * One table's sheet compared with the sheet the run published: the texts above the table (each traced to its key in
 * texts.csv by its place), the headings, then each cell of the rows {@link RowAlignment} pairs, the reviewer's own
 * columns and rows, and the comments; each difference a {@link Change} with the input cells it comes from.
 */
final class TableSheetComparison {

    private final Table table;
    private final SheetPlan plan;
    private final PublishedTable pub;
    private final ReturnedTable ret;
    private final String sheet;
    private final Texts words;
    private final Pattern markers;
    private final List<Change> changes;
    // Traced the first time a cell of the table changed (a table nobody edited costs nothing).
    private final Supplier<CellSources> sources;

    private TableSheetComparison(Table table, SheetPlan plan, PublishedTable pub, ReturnedTable ret, Sheet returned,
                                 ComputedPublication computed, DataPackage pkg, Set<String> changedFiles, Pattern markers,
                                 List<Change> changes) {
        this.table = table;
        this.plan = plan;
        this.pub = pub;
        this.ret = ret;
        this.sheet = returned.name();
        this.words = computed.reference().texts();
        this.markers = markers;
        this.changes = changes;
        this.sources = org.springframework.util.function.SingletonSupplier.of(() -> traced(table, plan, pub, computed, pkg, changedFiles));
    }

    /**
     * Adds to {@code changes} what the reviewer changed on the table's sheet, in the order a reader goes down it; returns
     * how many published cells were compared.
     */
    static int compare(Table table, SheetPlan plan, PublishedTable pub, Sheet returned, ComputedPublication computed,
                                    DataPackage pkg, Set<String> changedFiles, TextChanges texts, Pattern markers,
                                    Language lang, List<Change> changes) {
        ReturnedTable ret = ReturnedTable.of(pub, returned);
        TableSheetComparison comparison = new TableSheetComparison(table, plan, pub, ret, returned, computed, pkg, changedFiles,
                markers, changes);
        comparison.textsAbove(texts, returned, lang);
        if (ret.gone()) {
            comparison.tableDeleted();
            return 0;
        }
        comparison.headingChanges();
        List<Integer> added = comparison.addedColumns();
        List<String> retLabels = ret.labels(pub.labelColumns());
        int[][] pairs = RowAlignment.rows(pub, retLabels, ret.rows(), ret.columnOf());
        int compared = comparison.cellChanges(pairs);
        comparison.addedColumnCells(added, pairs);
        comparison.addedRows(pairs, retLabels);
        comparison.commentChanges(returned, pairs);
        return compared;
    }

    /** Where each cell of the table comes from in the run's inputs. */
    private static CellSources traced(Table table, SheetPlan plan, PublishedTable pub, ComputedPublication computed,
                                      DataPackage pkg, Set<String> changedFiles) {
        List<String> lineFiles = computed.expenditure() == null ? List.of()
                : computed.expenditure().files().stream().map(f -> f.file()).toList();
        return CellSources.of(table, plan, pub.grid(), computed.inputs(), pkg,
                computed.inputsByTable().getOrDefault(table.id(), Set.of()),
                computed.linesByTable().getOrDefault(table.id(), TableCatalogue.NO_LINES), lineFiles, changedFiles);
    }

    /** The texts above the table (title, introduction, units...), each traced to its keys in texts.csv by its place. */
    private void textsAbove(TextChanges texts, Sheet returned, Language lang) {
        int top = ret.top();
        texts.compare(plan.tableId(), sheet, pub.above(),
                TextChanges.cells(returned.rows().stream().filter(r -> r.number() < top).toList()), changes,
                cell -> placed(table, plan.above(), pub.linesAbove(), cell, words, lang));
    }

    /** Neither the heading row nor a row label left on the sheet: the table's columns listed as deleted, all in one. */
    private void tableDeleted() {
        String headings = String.join(" | ", pub.headings());
        changes.add(new Change(plan.tableId(), "", "", headings, "", "column_deleted", List.of(),
                new Where(sheet, "", "", headings)));
    }

    /** Each published column deleted, or its heading edited. */
    private void headingChanges() {
        List<String> headings = pub.headings();
        int[] columnOf = ret.columnOf();
        for (int c = 0; c < headings.size(); c++) {
            if (columnOf[c] < 0) {
                changes.add(new Change(plan.tableId(), "", plan.columns().get(c), headings.get(c), "", "column_deleted", List.of(),
                        new Where(sheet, "", "", headings.get(c))));
            } else if (!sameText(headings.get(c), ret.headings().get(columnOf[c]), markers)) {
                changes.add(new Change(plan.tableId(), "", plan.columns().get(c), headings.get(c), ret.headings().get(columnOf[c]),
                        "heading", List.of(), new Where(sheet, ret.header() == null ? "" : a1(ret.headerNumber(), columnOf[c]), "",
                        headings.get(c))));
            }
        }
    }

    /** The reviewer's own columns (a returned heading that is no published one), listed; their indexes returned. */
    private List<Integer> addedColumns() {
        List<Integer> added = new ArrayList<>();
        for (int c = 0; c < ret.headings().size(); c++) {
            if (!ret.headings().get(c).isBlank() && RowAlignment.indexOf(ret.columnOf(), c) < 0) {
                added.add(c);
                changes.add(new Change(plan.tableId(), "", "", "", ret.headings().get(c), "column_added", List.of(),
                        new Where(sheet, a1(ret.headerNumber(), c), "", ret.headings().get(c))));
            }
        }
        return added;
    }

    /** Each published row deleted, or each of its cells changed; returns how many cells were compared. */
    private int cellChanges(int[][] pairs) {
        int compared = 0;
        for (int i = 0; i < plan.rowKeys().size(); i++) {
            int j = pairs[0][i];
            if (j < 0) {
                changes.add(new Change(plan.tableId(), plan.rowKeys().get(i), "", pub.labels().get(i).replace('\t', ' '), "",
                        "row_deleted", List.of(), new Where(sheet, "", pub.shownLabel(i), "")));
                continue;
            }
            for (int c = 0; c < pub.headings().size(); c++) {
                if (ret.columnOf()[c] >= 0) {
                    compared++;
                    cellChange(i, c, ret.rows().get(j));
                }
            }
        }
        return compared;
    }

    /**
     * Published row i's cell of column c against the returned row's: a formula typed in, a figure typed where the table
     * gives none, or another figure or text (with the input cells it comes from).
     */
    private void cellChange(int i, int c, InputBookReader.Row returned) {
        String key = plan.rowKeys().get(i);
        String column = plan.columns().get(c);
        String heading = pub.headings().get(c);
        String was = pub.grid().get(i).get(c);
        Cell now = cell(returned, ret.columnOf()[c]);
        Where where = new Where(sheet, a1(returned.number(), ret.columnOf()[c]), pub.shownLabel(i), heading);
        if (now != null && now.formula() != null) {
            changes.add(new Change(plan.tableId(), key, column, was, now.formula(), "formula",
                    sources.get().of(key, column).cells(), where, null, percentOf(table, key, column, sources.get(), words)));
        } else if (!sameIn(was, text(now), heading, markers)) {
            if (was.equals(XlsxWorkbookWriter.NOT_PRINTED)) {
                // A figure typed where the table gives none: no input holds the cell, whatever the figure.
                changes.add(new Change(plan.tableId(), key, column, was, text(now), "no_input", List.of(), where,
                        notPrintedNote(table, words)));
                return;
            }
            CellSources.Source source = sources.get().of(key, column);
            changes.add(new Change(plan.tableId(), key, column, was, inColumn(text(now), heading), source.kind(),
                    source.cells(), where, null, percentOf(table, key, column, sources.get(), words)));
        }
    }

    /** What a reviewer wrote in a column of their own ("notes" beside the figures), cell by cell, on the table's rows. */
    private void addedColumnCells(List<Integer> added, int[][] pairs) {
        List<InputBookReader.Row> rows = ret.rows();
        for (int j = 0; j < rows.size(); j++) {
            for (int c : added) {
                String v = text(cell(rows.get(j), c));
                if (!v.isEmpty() && pairs[1][j] >= 0) {
                    int i = pairs[1][j];
                    changes.add(new Change(plan.tableId(), plan.rowKeys().get(i), "", "", v, "column_added", List.of(),
                            new Where(sheet, a1(rows.get(j).number(), c), pub.shownLabel(i), ret.headings().get(c))));
                }
            }
        }
    }

    /** The reviewer's own rows (paired with no published row), each with what it holds. */
    private void addedRows(int[][] pairs, List<String> retLabels) {
        List<InputBookReader.Row> rows = ret.rows();
        for (int j = 0; j < rows.size(); j++) {
            if (pairs[1][j] < 0) {
                changes.add(new Change(plan.tableId(), "", "", "", String.join(" | ", texts(rows.get(j), width(rows.get(j))))
                        .replaceAll("( \\| )+$", ""), "row_added", List.of(),
                        new Where(sheet, a1(rows.get(j).number(), 0), retLabels.get(j).strip().replace("\t", " / "), "")));
            }
        }
    }

    /** Comments added or changed anywhere on the sheet: on a table cell they name its row and column, and its inputs. */
    private void commentChanges(Sheet returned, int[][] pairs) {
        Map<String, String> pubComments = pub.comments();
        for (var e : returned.comments().entrySet()) {
            if (Objects.equals(pubComments.get(e.getKey()), e.getValue())) {
                continue;
            }
            var ref = new org.apache.poi.ss.util.CellReference(e.getKey());
            String key = "";
            String column = "";
            List<CellSources.InputCell> cells = List.of();
            Where where = new Where(sheet, e.getKey(), "", "");
            int idx = ret.rows().indexOf(row(ret.rows(), ref.getRow() + 1));
            int c = RowAlignment.indexOf(ret.columnOf(), ref.getCol());
            if (idx >= 0 && pairs[1][idx] >= 0 && c >= 0) {
                key = plan.rowKeys().get(pairs[1][idx]);
                column = plan.columns().get(c);
                cells = sources.get().of(key, column).cells();
                where = new Where(sheet, e.getKey(), pub.shownLabel(pairs[1][idx]), pub.headings().get(c));
            }
            changes.add(new Change(plan.tableId(), key, column, "", e.getValue(), "comment", cells, where));
        }
    }

    /**
     * The texts a published cell above a table holds, by its place: the line it is on (SheetPlan.above: the title in A1,
     * then the introduction's lines) names the table's texts and the workbook's wording it is made of, from texts.csv
     * (its .printed row where the biennium reads that one). A text of the table whose key does not hold it, a caveat or
     * a source of other origin, is not said by the place: the closest text is then added, as a guess.
     */
    private static TextChanges.Placed placed(Table table, List<XlsxWorkbookWriter.Above> parts, int linesAbove, TextChanges.Cell cell,
                                            Texts t, Language lang) {
        var ref = new org.apache.poi.ss.util.CellReference(cell.ref());
        List<XlsxWorkbookWriter.Above> lines = parts.size() == linesAbove + 1 && parts.get(parts.size() - 1) == XlsxWorkbookWriter.Above.NOTES
                ? parts.subList(0, linesAbove) : parts; // a sheet that points to no notes has no notes line
        if (ref.getCol() != 0 || lines.size() != linesAbove || ref.getRow() >= lines.size()) {
            return TextChanges.Placed.NOWHERE;
        }
        List<String> keys = new ArrayList<>();
        boolean complete = switch (lines.get(ref.getRow())) {
            case TITLE -> table.number().isEmpty() ? own(table, "title", table.title(), t, keys)
                    : own(table, "title", table.title(), t, keys) & own(table, "number", table.number(), t, keys)
                    & keys.add("edition.workbook.numbered_title");
            case WARNING -> keys.add("edition.workbook.warning_line") && false; // the caveat has no key of the table's
            case HOLDS -> keys.add("edition.workbook.one_table") && table.charts().isEmpty();
            case SOURCE -> keys.add("edition.source_line") && false; // the table's or the publication's source
            case UNITS -> own(table, table.unitNote().isEmpty() ? org.pbannex.reference.TextKeys.WORKBOOK_UNIT
                    : org.pbannex.reference.TextKeys.UNIT_NOTE, table.sheetUnit(), t, keys) & keys.add("edition.workbook.units_line");
            case GROUP -> keys.add("edition.workbook.group_line");
            case NOTES -> keys.add("edition.workbook.notes_line");
        };
        List<CellSources.InputCell> cells = new ArrayList<>();
        for (String key : keys) {
            Texts.Row at = t.where(key);
            if (at == null) {
                complete = false;
            } else {
                cells.add(new CellSources.InputCell("texts", at.file(), at.line(), lang.code()));
            }
        }
        return new TextChanges.Placed(cells, complete);
    }

    /** The table's own text of this name ({id}.title), if its key holds the text the table shows: added to the keys. */
    private static boolean own(Table table, String name, org.pbannex.table.Text shown, Texts t, List<String> keys) {
        String key = org.pbannex.reference.TextKeys.tableText(table.id(), name);
        if (t.has(key) && t.get(key).equals(shown)) {
            keys.add(key);
            return true;
        }
        return false;
    }

    /**
     * A percentage the table computes within its row (Column.percentOf): its two figures, each with its inputs, for the
     * note that says the figure to change is one of them; null for any other column.
     */
    private static PercentOf percentOf(Table table, String key, String column, CellSources sources, Texts t) {
        org.pbannex.table.Column.Ratio ratio = sources.ratio(column);
        if (ratio == null) {
            return null;
        }
        return new PercentOf(columnName(table, ratio.numerator(), t), sources.of(key, ratio.numerator()).cells(),
                columnName(table, ratio.base(), t), sources.of(key, ratio.base()).cells());
    }

    /** A column as its heading names it, under its group's where it has one ("Cost change: Amount"). */
    private static org.pbannex.table.Text columnName(Table table, String key, Texts t) {
        org.pbannex.table.Column c = table.columns().stream().filter(x -> x.key().equals(key)).findFirst().orElseThrow();
        return c.group().isEmpty() ? c.heading() : t.get("review.note.column").with("group", c.group()).with("heading", c.heading());
    }

    /**
     * What "[x]" means where a reviewer typed over it: the table's own note on it where one of its footnotes speaks of it
     * (the regional targets' "no target given"), else the workbook's note on every such cell.
     */
    private static org.pbannex.table.Text notPrintedNote(Table table, Texts t) {
        org.pbannex.table.Text meaning = table.footnotes().stream()
                .filter(f -> f.zh().contains(XlsxWorkbookWriter.NOT_PRINTED) || f.en().contains(XlsxWorkbookWriter.NOT_PRINTED))
                .findFirst().orElseGet(() -> t.get("edition.workbook.not_printed"));
        return t.get("review.note.not_printed").with("note", meaning);
    }
}
