package org.pbannex.review;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.pbannex.expenditure.LineSelection;
import org.pbannex.ingest.DataPackage;
import org.pbannex.ingest.InputSet;
import org.pbannex.ingest.Record;
import org.pbannex.ingest.RowRecords;
import org.pbannex.ingest.RowRecords.KeyedRecord;
import org.pbannex.publication.Publication;
import org.pbannex.render.xlsx.XlsxWorkbookWriter.SheetPlan;
import org.pbannex.table.Row;
import org.pbannex.table.Table;

/**
 * Where each published cell of a table sheet comes from, for every table by one rule, from the table and the input the
 * run read (every record knows its file and line). A cell is {@code input} when its published value is, exactly, the value
 * of one field of an input record that stands for its row (a record whose key, or one of whose fields, is the row's
 * key): that field, file and line is what to change. Any other cell is {@code derived}: a total or subtotal lists the
 * sources of the same column in the rows it sums (the rows since the previous total of its rank or higher); a figure
 * computed within its row (a percentage, a recosted amount, a rounded million) lists the numeric fields of its row's
 * records, those of its column's rule where one gives it ({@link FigureArithmetic}); a sum of expenditure lines names
 * the lines it sums ({@link LineSelection}); a text composed within its row (an outcome's number before its title)
 * lists the text fields it contains. A derived cell whose inputs cannot be told this way lists none (the officer then
 * reads the table's notes).
 * Only the resources the table was built from are searched (those its builder reached, {@code
 * ComputedPublication.inputsByTable}): a figure that happens to equal a field of an unrelated file is not from it.
 */
final class CellSources {

    /**
     * One input cell: the resource, its file as the run names it, the line in the file and the field; or, for a figure
     * summing expenditure lines, a file of lines, those it sums ({@code selection}: "fund = XB, region = AF, ...", line 0)
     * and their amount field; or a record the run read that today's file no longer holds ({@code gone}: its primary
     * key, "unit = GB", line 0).
     */
    record InputCell(String resource, String file, long line, String column, String selection, String gone) {

        InputCell(String resource, String file, long line, String column) {
            this(resource, file, line, column, "", "");
        }

        /** The selected lines of each expenditure-line file the run read. */
        static List<InputCell> linesOf(LineSelection s, List<String> lineFiles) {
            return lineFiles.stream().map(f -> new InputCell(EXPENDITURE_LINES, f, 0, LineSelection.amountColumn(), s.describe(), ""))
                    .toList();
        }

        /** A field of a record the run read that is no longer in today's file. */
        static InputCell gone(String resource, String file, String column, String key) {
            return new InputCell(resource, file, 0, column, "", key);
        }
    }

    /** The resource name of the expenditure-line files as a source. */
    static final String EXPENDITURE_LINES = "expenditure_lines";

    /** A cell's source: its input cell, or the input cells it is computed from. */
    record Source(boolean input, List<InputCell> cells) {

        static final Source UNKNOWN = new Source(false, List.of());

        String kind() {
            return input ? "input" : "derived";
        }
    }

    private final Map<String, Source> byCell = new LinkedHashMap<>();
    /** The cells that sum expenditure lines (the table's own selection of them), found with the direct sources. */
    private final Map<String, Source> lineSums = new HashMap<>();
    /** Per column, the item rows' cells computed from their records' fields, until the column's rule is found. */
    private final Map<String, List<Pending>> pending = new LinkedHashMap<>();
    /** Per column, the rule its item rows agree on (null: none); null until the item rows are done. */
    private Map<String, FigureArithmetic.Formula> rules;
    /** The parts of composite keys, each part's reach found once per table. */
    private final Map<String, Reach> reachByPart = new HashMap<>();
    /** What reaches a part's named records within three steps, found once per part (the Reach's list is the key). */
    private final Map<List<KeyedRecord>, List<KeyedRecord>> rollUps = new java.util.IdentityHashMap<>();
    /** Each numeric field's total over the whole input files the table is built from, for shares of a total. */
    private Map<String, BigDecimal> whole = Map.of();
    /** The percentages the table declares within a row (a2's cost_change_pct: cost_change over constant), by column. */
    private final Map<String, org.pbannex.table.Column.Ratio> ratios = new HashMap<>();

    private CellSources() {
    }

    /**
     * @param published the published workbook's stored value of each cell, row by row in the plan's order, column by
     *                  column in the plan's order
     */
    static CellSources of(Table table, SheetPlan plan, List<List<String>> published, InputSet in, DataPackage pkg,
                          Set<String> tableInputs, BiFunction<String, String, LineSelection> linesOf, List<String> lineFiles,
                          Set<String> changedFiles) {
        CellSources out = new CellSources();
        table.columns().stream().filter(c -> c.percentOf() != null).forEach(c -> out.ratios.put(c.key(), c.percentOf()));
        // printed_differences.csv describes published cells (their printed and published figures): never a source.
        tableInputs = new java.util.HashSet<>(tableInputs);
        tableInputs.remove(Publication.PRINTED_DIFFERENCES);
        List<List<List<KeyedRecord>>> tiersByRow = new ArrayList<>(); // each row's records, found once (a scan of the input)
        for (int r = 0; r < plan.rowKeys().size(); r++) {
            String key = plan.rowKeys().get(r);
            List<List<KeyedRecord>> tiers = RowRecords.tiers(key, in, pkg, tableInputs);
            tiersByRow.add(tiers);
            for (int c = 0; c < plan.columns().size(); c++) {
                String value = c < published.get(r).size() ? published.get(r).get(c) : "";
                String cell = key + "\t" + plan.columns().get(c);
                // A sum of expenditure lines is derived from them, whatever field of the input has the same value.
                LineSelection lines = isText(value) ? null : linesOf.apply(key, plan.columns().get(c));
                if (lines != null) {
                    out.lineSums.put(cell, new Source(false, InputCell.linesOf(lines, lineFiles)));
                }
                out.byCell.put(cell, lines != null ? null : direct(plan.columns().get(c), value, tiers));
            }
        }
        out.keepColumnsOwnFields(table, plan, published, tiersByRow, changedFiles);
        List<KeyedRecord> every = new ArrayList<>();
        for (String resource : in.files().keySet()) {
            if (pkg.has(resource) && tableInputs.contains(resource)) {
                in.table(resource).forEach(r -> every.add(new KeyedRecord(resource, r)));
            }
        }
        out.whole = sumsByField(every);
        // Derived cells, now that every direct source is known: the item rows first, whose figures computed from their
        // records' fields are settled column by column (a column's rule, FigureArithmetic), then the totals that sum them.
        for (int pass = 0; pass < 2; pass++) {
            if (pass == 1) {
                out.settleColumns();
            }
            for (int r = 0; r < plan.rowKeys().size(); r++) {
                if (table.rows().get(r).type().isTotal() == (pass == 0)) {
                    continue;
                }
                out.derive(table, plan, published, r, tiersByRow.get(r), in, pkg, tableInputs);
            }
        }
        return out;
    }

    /** The derived cells of row r that have no direct source. */
    private void derive(Table table, SheetPlan plan, List<List<String>> published, int r, List<List<KeyedRecord>> tiers,
                        InputSet in, DataPackage pkg, Set<String> tableInputs) {
        Row row = table.rows().get(r);
        List<KeyedRecord> rowRecords = RowRecords.first(tiers);
        List<KeyedRecord> referring = null; // found when a cell of the row needs it, once for the row
        for (int c = 0; c < plan.columns().size(); c++) {
            String column = plan.columns().get(c);
            String cell = row.key() + "\t" + column;
            if (byCell.get(cell) != null) {
                continue;
            }
            String value = c < published.get(r).size() ? published.get(r).get(c) : "";
            boolean text = isText(value);
            Figure figure = new Figure(value, inMillions(table, column));
            if (lineSums.containsKey(cell)) { // a sum of expenditure lines (Figure 2's): those lines, in every file of them
                byCell.put(cell, lineSums.get(cell));
                continue;
            }
            Source s = text ? textFieldsWithin(rowRecords, value) // a total's label is no sum of labels
                    : row.type().isTotal() ? summed(table, r, column) : numericFields(cell, rowRecords, column, figure, false);
            if (!text && s.cells().isEmpty()) {
                // A row that rolls records up through the reference (Table 1's line A: its units' budget lines); a
                // total with no rows above it to sum (annex 1's Part II, one unit printed as its Part's total) from
                // the records of what its key names last ("part.II": Part II).
                if (!row.type().isTotal() && rowRecords.isEmpty() && row.key().contains(".")) {
                    // Keyed by several things, the column perhaps one more (rt's "1.ORG" and "target_AF").
                    List<String> parts = new ArrayList<>(List.of(row.key().split("\\.")));
                    parts.add(column.substring(column.lastIndexOf('_') + 1));
                    Reached reached = referringToAll(parts, reachByPart, in, pkg, tableInputs);
                    s = reached.byOnePart() ? namedFields(reached.records(), column)
                            : numericFields(cell, reached.records(), column, figure, false);
                    if (reached.byOnePart() && s.cells().isEmpty()) {
                        // No field named like the column: the fields of the column's rule among what reaches the one
                        // record within three steps (the draft budget's Part I: its lines, their units, the units'
                        // budget lines), and none when the rule does not give the figure (rather than every field).
                        List<KeyedRecord> rollUp = rollUps.computeIfAbsent(reached.named(),
                                named -> referring(named, in, pkg, tableInputs, 3));
                        s = numericFields(cell, rollUp, column, figure, true);
                    }
                } else {
                    if (referring == null) {
                        String last = row.key().substring(row.key().lastIndexOf('.') + 1);
                        List<KeyedRecord> from = !row.type().isTotal() ? rowRecords
                                : RowRecords.first(RowRecords.tiers(last, in, pkg, tableInputs));
                        referring = referring(from, in, pkg, tableInputs);
                    }
                    s = numericFields(cell, referring, column, figure, false);
                }
            }
            byCell.put(cell, s);
        }
    }

    /**
     * A column is read from one input field (a2-1's rate_pct from annual_inflation_pct): the field that holds the
     * published value in most of its item rows. A cell whose value merely equals another field of its record (a unit's
     * total equal to its previous budget) is not that field's, so it is not an input cell, and --apply does not write it;
     * nor is a value several fields hold, unless the column's own field is one of them.
     * A row whose own field no longer holds the published value, in a file changed since the run ({@code changedFiles},
     * by the manifest's checksums), is still an input cell: the run read that value there; what the file holds now is
     * for --apply to compare, not a reason to call the cell computed.
     */
    private void keepColumnsOwnFields(Table table, SheetPlan plan, List<List<String>> published,
                                      List<List<List<KeyedRecord>>> tiersByRow, Set<String> changedFiles) {
        for (int c = 0; c < plan.columns().size(); c++) {
            String column = plan.columns().get(c);
            int valued = 0;
            Map<String, Integer> fields = new LinkedHashMap<>(); // resource.field -> item rows it holds the value of
            Map<String, Integer> texts = new LinkedHashMap<>(); // the same, for text values, whichever field was chosen
            Map<Integer, List<InputCell>> textHolders = new HashMap<>(); // by row: the fields that hold its text
            for (int r = 0; r < plan.rowKeys().size(); r++) {
                String value = c < published.get(r).size() ? published.get(r).get(c) : "";
                Source s = byCell.get(plan.rowKeys().get(r) + "\t" + column);
                // A mark for a figure that is not there ("[x]") is no value of the column's.
                if (table.rows().get(r).type().isTotal() || value == null || value.isBlank() || s == null && number(value) == null) {
                    continue;
                }
                valued++;
                if (isText(value)) {
                    // Every field that holds a text counts: a region's label and short label are the same in most rows,
                    // and the column's own field (the short label a2-1 shows) is the one that holds it in every row.
                    List<InputCell> held = holders(value, tiersByRow.get(r));
                    textHolders.put(r, held);
                    held.stream().map(CellSources::field).distinct().forEach(f -> texts.merge(f, 1, Integer::sum));
                }
                if (s != null && s.input()) {
                    fields.merge(field(s.cells().get(0)), 1, Integer::sum);
                }
            }
            String own = null;
            for (var e : fields.entrySet()) {
                if (2 * e.getValue() > valued) {
                    own = e.getKey();
                }
            }
            int rows = valued;
            // A text column's own field: the one holding its texts in the most rows, if more than the field chosen so far.
            String ownText = texts.entrySet().stream().filter(e -> 2 * e.getValue() > rows).max(Map.Entry.comparingByValue())
                    .map(Map.Entry::getKey).orElse(null);
            if (ownText != null && texts.get(ownText) > texts.getOrDefault(own, 0)) {
                own = ownText;
            }
            for (int r = 0; r < plan.rowKeys().size(); r++) {
                String cell = plan.rowKeys().get(r) + "\t" + column;
                Source s = byCell.get(cell);
                String text = c < published.get(r).size() ? published.get(r).get(c) : "";
                if (own != null && s != null && s.input() && !field(s.cells().get(0)).equals(own) && isText(text)) {
                    // The own field holds the text too (the label where the short label is the same): it is the source.
                    String ownField = own;
                    int row = r;
                    InputCell mine = textHolders.computeIfAbsent(r, x -> holders(text, tiersByRow.get(row))).stream()
                            .filter(x -> field(x).equals(ownField)).findFirst().orElse(null);
                    if (mine != null) {
                        byCell.put(cell, new Source(true, List.of(mine)));
                        s = byCell.get(cell);
                    }
                }
                if (s != null && s.input() && !named(s.cells().get(0), column) && !field(s.cells().get(0)).equals(own)) {
                    byCell.put(cell, null); // a coincidence: the cell is derived, its sources found as for any other
                } else if (s != null && !s.input()) {
                    // Several fields hold the value (a programme change of 0, and the unit's months of 0): the column's
                    // own field if it is one of them, else the cell is derived as any other, not from those fields.
                    String ownField = own;
                    InputCell mine = s.cells().stream().filter(x -> field(x).equals(ownField)).findFirst().orElse(null);
                    byCell.put(cell, mine == null ? null : new Source(true, List.of(mine)));
                }
                String value = c < published.get(r).size() ? published.get(r).get(c) : "";
                if (own != null && !changedFiles.isEmpty() && !table.rows().get(r).type().isTotal() && !value.isBlank()
                        && !lineSums.containsKey(cell) && (byCell.get(cell) == null || !byCell.get(cell).input())) {
                    InputCell moved = ownFieldIn(tiersByRow.get(r), own);
                    if (moved != null && changedFiles.contains(moved.file())) {
                        byCell.put(cell, new Source(true, List.of(moved)));
                    }
                }
            }
        }
    }

    /** The row's one record (of its nearest records that have it) with the column's own field, that field; else null. */
    private static InputCell ownFieldIn(List<List<KeyedRecord>> tiers, String own) {
        for (List<KeyedRecord> tier : tiers) {
            List<InputCell> found = new ArrayList<>();
            for (KeyedRecord k : tier) {
                String field = own.startsWith(k.resource() + ".") ? own.substring(k.resource().length() + 1) : null;
                if (field != null && k.record().values().containsKey(field)) {
                    found.add(new InputCell(k.resource(), k.record().file(), k.record().line(), field));
                }
            }
            if (!found.isEmpty()) {
                return found.size() == 1 ? found.get(0) : null;
            }
        }
        return null;
    }

    Source of(String rowKey, String column) {
        org.pbannex.table.Column.Ratio ratio = ratios.get(column);
        if (ratio != null) {
            // A percentage the table computes from two figures of its row: the inputs of both, numerator then base.
            Set<InputCell> both = new LinkedHashSet<>(of(rowKey, ratio.numerator()).cells());
            both.addAll(of(rowKey, ratio.base()).cells());
            return new Source(false, List.copyOf(both));
        }
        return byCell.getOrDefault(rowKey + "\t" + column, Source.UNKNOWN);
    }

    /** The percentage the table declares for this column within a row, or null. */
    org.pbannex.table.Column.Ratio ratio(String column) {
        return ratios.get(column);
    }

    /** The sources of the same column in the rows a total sums: back to the previous total of its rank or higher. */
    private Source summed(Table table, int index, String column) {
        int rank = rank(table.rows().get(index));
        Set<InputCell> cells = new LinkedHashSet<>();
        for (int r = index - 1; r >= 0; r--) {
            Row above = table.rows().get(r);
            if (above.type().isTotal() && rank(above) >= rank) {
                break;
            }
            Source s = byCell.get(above.key() + "\t" + column);
            if (s != null && !above.type().isTotal()) {
                cells.addAll(s.cells());
            }
        }
        List<InputCell> inOrder = new ArrayList<>(cells);
        java.util.Collections.reverse(inOrder); // collected bottom up
        return new Source(false, inOrder);
    }

    private static int rank(Row row) {
        return switch (row.type()) {
            case GROUP_SUBTOTAL -> 1;
            case PART_TOTAL -> 2;
            case GRAND_TOTAL -> 3;
            default -> 0;
        };
    }

    /** A text composed from input text ("Outcome 1: " and an outcome's title): the row's text fields it contains. */
    private static Source textFieldsWithin(List<KeyedRecord> records, String text) {
        List<InputCell> cells = new ArrayList<>();
        for (KeyedRecord c : records) {
            c.record().values().forEach((field, v) -> {
                if (v instanceof String s && s.strip().length() > 1 && text.contains(s.strip())) {
                    cells.add(new InputCell(c.resource(), c.record().file(), c.record().line(), field));
                }
            });
        }
        return new Source(false, cells);
    }

    /** The records' numeric fields named like the column (share_pct), and none when none is. */
    private static Source namedFields(List<KeyedRecord> records, String column) {
        return new Source(false, allNumericFields(records, column).cells().stream().filter(cell -> named(cell, column)).toList());
    }

    /** The records' numeric fields: those named like the column when there are such (budget_previous), else all. */
    private static Source allNumericFields(List<KeyedRecord> records, String column) {
        List<InputCell> cells = new ArrayList<>();
        for (KeyedRecord c : records) {
            c.record().values().forEach((field, v) -> {
                if (isNumber(v)) {
                    cells.add(new InputCell(c.resource(), c.record().file(), c.record().line(), field));
                }
            });
        }
        List<InputCell> own = cells.stream().filter(cell -> named(cell, column)).toList();
        return new Source(false, own.isEmpty() ? cells : own);
    }

    /**
     * A figure computed from the records' fields: those named like the column when there are such; else those of the
     * column's rule ({@link FigureArithmetic}) when it gives this figure; else all. In the item rows' pass the rule is
     * not known yet: the cell is noted and settled with its column ({@link #settleColumns}).
     */
    private Source numericFields(String cell, List<KeyedRecord> records, String column, Figure figure, boolean ruleOnly) {
        Source all = allNumericFields(records, column);
        if (all.cells().isEmpty() || all.cells().stream().anyMatch(c -> named(c, column))) {
            return all;
        }
        FigureArithmetic.Observation row = new FigureArithmetic.Observation(number(figure.value()), figure.inMillions(),
                sumsByField(records));
        if (rules == null) {
            pending.computeIfAbsent(column, k -> new ArrayList<>()).add(new Pending(cell, all, row, ruleOnly));
            return all;
        }
        return byRule(rules.get(column), all, row, ruleOnly);
    }

    /** The item rows' figures of each column by the rule most of them agree on (or all their fields, where none does). */
    private void settleColumns() {
        rules = new HashMap<>();
        pending.forEach((column, cells) -> {
            FigureArithmetic.Formula rule = FigureArithmetic.commonFormula(cells.stream().map(Pending::row).toList(), whole);
            rules.put(column, rule);
            cells.forEach(p -> byCell.put(p.cell(), byRule(rule, p.all(), p.row(), p.ruleOnly())));
        });
    }

    /** The fields of the rule, if it gives the row's figure; else all the fields, or none when only the rule may say. */
    private static Source byRule(FigureArithmetic.Formula rule, Source all, FigureArithmetic.Observation row, boolean ruleOnly) {
        if (rule == null || !rule.makes(row)) {
            return ruleOnly ? new Source(false, List.of()) : all;
        }
        Set<String> fields = rule.fieldSet();
        return new Source(false, all.cells().stream().filter(c -> fields.contains(field(c))).toList());
    }

    /** A cell waiting for its column's rule: all its fields, its figure with their sums, and whether only the rule may say. */
    private record Pending(String cell, Source all, FigureArithmetic.Observation row, boolean ruleOnly) {
    }

    /** A published figure and whether its column shows millions (Table 2's 631.2 from dollars). */
    private record Figure(String value, boolean inMillions) {
    }

    private static boolean inMillions(Table table, String column) {
        return table.columns().stream().anyMatch(c -> c.key().equals(column) && c.kind() == org.pbannex.table.ValueKind.MILLIONS);
    }

    /** Each numeric field of the records (resource.field), summed over them. */
    private static Map<String, BigDecimal> sumsByField(List<KeyedRecord> records) {
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        for (KeyedRecord c : records) {
            c.record().values().forEach((field, v) -> {
                if (isNumber(v)) {
                    sums.merge(c.resource() + "." + field, new BigDecimal(v.toString()), BigDecimal::add);
                }
            });
        }
        return sums;
    }

    /**
     * The records that refer to these through the input's foreign keys, and those that refer to them in turn (two steps:
     * a line's units, then their budget lines), within the resources the table is built from; each once.
     */
    private static List<KeyedRecord> referring(List<KeyedRecord> records, InputSet in, DataPackage pkg, Set<String> tableInputs) {
        return referring(records, in, pkg, tableInputs, 2);
    }

    private static List<KeyedRecord> referring(List<KeyedRecord> records, InputSet in, DataPackage pkg, Set<String> tableInputs,
                                             int steps) {
        Map<String, KeyedRecord> once = new LinkedHashMap<>(); // a record reached by two paths (a unit's line and its group)
        referringSteps(records, in, pkg, tableInputs, steps).stream().flatMap(List::stream)
                .forEach(c -> once.putIfAbsent(id(c), c));
        return List.copyOf(once.values());
    }

    /** {@link #referring}, step by step: those that refer to the records, then those that refer to them. */
    private static List<List<KeyedRecord>> referringSteps(List<KeyedRecord> records, InputSet in, DataPackage pkg,
                                                        Set<String> tableInputs, int steps) {
        List<List<KeyedRecord>> found = new ArrayList<>();
        List<KeyedRecord> frontier = records;
        for (int step = 0; step < steps && !frontier.isEmpty(); step++) {
            List<KeyedRecord> next = new ArrayList<>();
            for (String resource : in.files().keySet()) {
                if (!pkg.has(resource) || !tableInputs.contains(resource)) {
                    continue;
                }
                for (var fk : pkg.resource(resource).foreignKeys()) {
                    Set<String> keys = new java.util.HashSet<>();
                    frontier.stream().filter(f -> f.resource().equals(fk.resource())).forEach(f -> keys.add(f.record().text(fk.referencedField())));
                    if (keys.isEmpty()) {
                        continue;
                    }
                    for (Record r : in.table(resource)) {
                        if (keys.contains(r.text(fk.field()))) {
                            next.add(new KeyedRecord(resource, r));
                        }
                    }
                }
            }
            found.add(next);
            frontier = next;
        }
        return found;
    }

    /**
     * A row keyed by several things at once, none of which a record stands for alone (the regional targets' row "1.ORG"
     * and column "target_AF": outcome 1, organizations, Africa): the records that reach every one of them, each by
     * being it or through the foreign keys within two steps, and of those the nearest (for Africa's figure, the
     * regional targets of outcome 1's indicators counted in organizations, for Africa; for the row's total, those
     * indicators themselves). A part no record's primary key names ("ALL", "rest", "part") is passed over; when one
     * part alone names records (annex 4's "1.rest"), the records that refer to those, of which only the fields named
     * like the column count (outcome 1's listed shares; an outcome with none listed, or the draft budget's Part I,
     * whose budget lines have no field named "expenditure", names none rather than every figure of its records).
     */
    private static Reached referringToAll(List<String> parts, Map<String, Reach> reachByPart, InputSet in,
                                          DataPackage pkg, Set<String> tableInputs) {
        Map<String, KeyedRecord> common = null;
        Map<String, Integer> distance = new HashMap<>(); // summed over the parts
        Reach last = null;
        int naming = 0;
        for (String part : parts) {
            Reach reach = reachByPart.computeIfAbsent(part, p -> Reach.of(p, in, pkg, tableInputs));
            if (reach.named().isEmpty()) {
                continue;
            }
            naming++;
            last = reach;
            reach.steps().forEach((id, step) -> distance.merge(id, step, Integer::sum));
            if (common == null) {
                common = new LinkedHashMap<>(reach.records());
            } else {
                common.keySet().retainAll(reach.records().keySet());
            }
        }
        if (naming == 1) {
            Reach only = last;
            return new Reached(only.records().values().stream().filter(c -> only.steps().get(id(c)) > 0).toList(), true,
                    only.named());
        }
        if (common == null || common.isEmpty()) {
            return new Reached(List.of(), false, List.of());
        }
        int nearest = common.keySet().stream().mapToInt(distance::get).min().orElseThrow();
        return new Reached(common.values().stream().filter(c -> distance.get(id(c)) == nearest).toList(), false, List.of());
    }

    /**
     * The records a composite key reaches; byOnePart: through one part alone (everything that refers to an outcome),
     * too wide to take every figure of: only fields named like the column count, or those of the column's rule; named:
     * then the records that part names.
     */
    private record Reached(List<KeyedRecord> records, boolean byOnePart, List<KeyedRecord> named) {
    }

    /**
     * What one part of a key names (the records whose primary key it is) and what reaches them within two steps of the
     * foreign keys, each record with its step (0: named); found once per part and table.
     */
    private record Reach(List<KeyedRecord> named, Map<String, KeyedRecord> records, Map<String, Integer> steps) {

        static Reach of(String part, InputSet in, DataPackage pkg, Set<String> tableInputs) {
            List<KeyedRecord> named = RowRecords.tiers(part, in, pkg, tableInputs).get(0);
            Map<String, KeyedRecord> records = new LinkedHashMap<>();
            Map<String, Integer> steps = new HashMap<>();
            List<List<KeyedRecord>> bySteps = new ArrayList<>(List.of(named));
            bySteps.addAll(referringSteps(named, in, pkg, tableInputs, 2));
            for (int step = 0; step < bySteps.size(); step++) {
                for (KeyedRecord c : bySteps.get(step)) {
                    if (records.putIfAbsent(id(c), c) == null) {
                        steps.put(id(c), step);
                    }
                }
            }
            return new Reach(named, records, steps);
        }
    }

    private static String id(KeyedRecord c) {
        return c.resource() + ":" + c.record().line();
    }

    /** The input cell holding exactly this value in a record of the row: the first tier with a match; null if none. */
    /** The fields that hold the value, in the nearest records (tier) that have any. */
    private static List<InputCell> holders(String value, List<List<KeyedRecord>> tiers) {
        for (List<KeyedRecord> tier : tiers) {
            List<InputCell> matches = new ArrayList<>();
            for (KeyedRecord c : tier) {
                c.record().values().forEach((field, v) -> {
                    if (v != null && same(v, value)) {
                        matches.add(new InputCell(c.resource(), c.record().file(), c.record().line(), field));
                    }
                });
            }
            if (!matches.isEmpty()) {
                return matches;
            }
        }
        return List.of();
    }

    private static Source direct(String column, String value, List<List<KeyedRecord>> tiers) {
        if (value == null || value.isBlank()) {
            return null;
        }
        List<InputCell> matches = holders(value, tiers);
        if (matches.size() > 1) {
            // Several fields hold the value (two zeros): the one named like the column, if exactly one is.
            List<InputCell> named = matches.stream().filter(m -> named(m, column)).toList();
            if (named.size() == 1) {
                return new Source(true, named);
            }
            return new Source(false, matches);
        }
        if (matches.size() == 1) {
            // One field holds the value: the cell's source, if it is the column's own (keepColumnsOwnFields).
            return new Source(true, matches);
        }
        return null;
    }

    private static String field(InputCell cell) {
        return cell.resource() + "." + cell.column();
    }

    // The input field is the column's own: the same name, or one the other's name begins with (prof_years, prof).
    private static boolean named(InputCell cell, String column) {
        return cell.column().equals(column) || cell.column().startsWith(column + "_") || column.startsWith(cell.column());
    }

    /** A published value that is text: neither a number nor blank. */
    private static boolean isText(String value) {
        return number(value) == null && !value.isBlank();
    }

    /** A numeric input value, as records hold them (whole numbers as Long, decimals as BigDecimal). */
    private static boolean isNumber(Object v) {
        return v instanceof Long || v instanceof BigDecimal;
    }

    static boolean same(Object inputValue, String published) {
        String p = published.strip();
        if (isNumber(inputValue)) {
            BigDecimal a = number(p);
            return a != null && new BigDecimal(inputValue.toString()).compareTo(a) == 0;
        }
        return inputValue instanceof String s && !s.isEmpty() && s.strip().equals(p);
    }

    static BigDecimal number(String s) {
        try {
            return s == null || s.isBlank() ? null : new BigDecimal(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
