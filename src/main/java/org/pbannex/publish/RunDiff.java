package org.pbannex.publish;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.pbannex.render.CsvTableWriter;
import org.pbannex.render.datapackage.OutputDataPackage;
import org.pbannex.table.Language;
import org.pbannex.table.Text;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What changed in the tidy CSVs since the previous published run: tables added, removed, and changed cells. */
public record RunDiff(String previousRunId, List<TableChange> tables) {

    /**
     * Changes in one table; {@code cells} lists at most {@link #MAX_LISTED} of them (a row removed or added is one of
     * them, for all its cells), {@code unlisted} the changed cells they leave out.
     */
    public record TableChange(String table, String status, int changedCells, List<CellChange> cells, int unlisted) {
    }

    /** A whole row that one run has and the other has not. */
    public enum RowChange {
        /** The previous run has it, this one no longer. */
        REMOVED,
        /** This run has it, the previous one had not. */
        ADDED;

        /** Its word's key after the prefix of whoever says it (distribution.row_removed, report.row_added). */
        public String word() {
            return this == REMOVED ? "row_removed" : "row_added";
        }
    }

    /**
     * One changed cell: its row (key and label, from the CSVs) and field (name and title, from the run's
     * datapackage.json; the name where it has none), and its values before and after (null: the cell was not there).
     * A row only one of the runs has is one change of its own, with no field ({@link #rowChange()}): its cells, each
     * listed going to nothing (or from nothing), read as that many changes and hid the others behind the list's limit
     * (found by a tester).
     */
    public record CellChange(String rowKey, Text label, String column, Text title, String before, String after, RowChange rowChange) {

        /** A changed cell of a row both runs have. */
        public CellChange(String rowKey, Text label, String column, Text title, String before, String after) {
            this(rowKey, label, column, title, before, after, null);
        }

        static CellChange ofRow(String rowKey, Text label, RowChange change) {
            return new CellChange(rowKey, label, null, Text.EMPTY, null, null, change);
        }

        /** Whether this is a whole row removed or added ({@link #rowChange()}), not one cell. */
        public boolean wholeRow() {
            return rowChange != null;
        }

        /**
         * A row removed or added, as a reader of that language reads it, {@code said} the word for it: "Output 7.5 …
         * [output.7.5]: row removed".
         */
        public String describeRow(Language language, String said) {
            return row(language) + ": " + said;
        }

        /** Labels longer than this are cut (an indicator's text runs to hundreds of characters). */
        static final int LABEL_LENGTH = 60;

        /** As a reader of that language reads it: "Africa [AF], Annual inflation (%): '4.4' -> '4.6'"; none: a missing value. */
        public String describe(Language language, String none) {
            return describe(language, none, title.in(language).isBlank() ? column : title.in(language), v -> v);
        }

        /**
         * As {@link #describe(Language, String)}, the column named {@code heading} and each value shown as {@code shown}
         * gives it (a figure grouped as the reader's edition groups it).
         */
        public String describe(Language language, String none, String heading, java.util.function.UnaryOperator<String> shown) {
            return row(language) + ", " + heading + ": " + quoted(before == null ? null : shown.apply(before),
                    none) + " -> " + quoted(after == null ? null : shown.apply(after), none);
        }

        // The row's label, cut, and key: "Africa [AF]".
        private String row(Language language) {
            String l = label.in(language).strip();
            if (l.codePointCount(0, l.length()) > LABEL_LENGTH) {
                l = l.substring(0, l.offsetByCodePoints(0, LABEL_LENGTH - 1)).strip() + "…";
            }
            return (l.isEmpty() ? "" : l + " ") + "[" + rowKey + "]";
        }

        private static String quoted(String v, String none) {
            return v == null ? none : "'" + v + "'";
        }

        /** In English, as the run's report lists it. */
        @Override
        public String toString() {
            return wholeRow() ? describeRow(Language.EN, rowChange == RowChange.REMOVED ? "row removed" : "row added")
                    : describe(Language.EN, "(none)");
        }
    }

    static final int MAX_LISTED = 25;

    public static RunDiff none() {
        return new RunDiff(null, List.of());
    }

    public static RunDiff between(Path previousRun, Path currentRun) throws IOException {
        Map<String, Path> before = csvFiles(previousRun.resolve("csv"));
        Map<String, Path> after = csvFiles(currentRun.resolve("csv"));
        // Read only when a cell changed: a nightly run of unchanged input lists none, and its publish step waits on this.
        var titles = new Object() {
            Map<String, Map<String, Text>> read;

            Map<String, Text> of(String table) {
                if (read == null) {
                    read = titles(currentRun.resolve(OutputDataPackage.FILE));
                }
                return read.getOrDefault(table, Map.of());
            }
        };
        List<TableChange> changes = new ArrayList<>();
        for (String id : new TreeSet<>(after.keySet())) {
            if (!before.containsKey(id)) {
                changes.add(new TableChange(id, "added", 0, List.of(), 0));
            } else {
                changes.add(compare(id, read(before.get(id)), read(after.get(id)), () -> titles.of(id)));
            }
        }
        for (String id : new TreeSet<>(before.keySet())) {
            if (!after.containsKey(id)) {
                changes.add(new TableChange(id, "not in this run", 0, List.of(), 0));
            }
        }
        return new RunDiff(previousRun.getFileName().toString(), changes);
    }

    private static TableChange compare(String id, List<String[]> before, List<String[]> after,
                                       java.util.function.Supplier<Map<String, Text>> titles) {
        Map<String, String> old = cells(before);
        Map<String, String> now = cells(after);
        Map<String, Text> labels = labels(before);
        Map<String, Text> kept = labels(after);
        // The rows only one run has: each is one change, however many cells it has.
        Map<String, RowChange> whole = new HashMap<>();
        labels.keySet().stream().filter(k -> !kept.containsKey(k)).forEach(k -> whole.put(k, RowChange.REMOVED));
        kept.keySet().stream().filter(k -> !labels.containsKey(k)).forEach(k -> whole.put(k, RowChange.ADDED));
        labels.putAll(kept);
        List<CellChange> listed = new ArrayList<>();
        java.util.Set<String> wholeListed = new java.util.HashSet<>();
        int changed = 0;
        int covered = 0;
        for (String key : new TreeSet<>(concat(old.keySet(), now.keySet()))) {
            String a = old.get(key);
            String b = now.get(key);
            // An empty cell and no cell read alike: a row added or removed changes only the cells it had values in.
            if (Objects.equals(a, b) || Objects.requireNonNullElse(a, "").isEmpty() && Objects.requireNonNullElse(b, "").isEmpty()) {
                continue;
            }
            changed++;
            int slash = key.lastIndexOf('/');
            String row = key.substring(0, slash);
            if (whole.containsKey(row)) {
                if (!wholeListed.contains(row) && listed.size() < MAX_LISTED) {
                    listed.add(CellChange.ofRow(row, labels.getOrDefault(row, Text.EMPTY), whole.get(row)));
                    wholeListed.add(row);
                }
                covered += wholeListed.contains(row) ? 1 : 0;
            } else if (listed.size() < MAX_LISTED) {
                String column = key.substring(slash + 1);
                listed.add(new CellChange(row, labels.getOrDefault(row, Text.EMPTY), column,
                        titles.get().getOrDefault(column, Text.EMPTY), a, b));
                covered++;
            }
        }
        return new TableChange(id, changed == 0 ? "unchanged" : "changed", changed, listed, changed - covered);
    }

    /** Each row's label in both languages, where the CSV has them (label_zh, label_en). */
    private static Map<String, Text> labels(List<String[]> rows) {
        Map<String, Text> out = new LinkedHashMap<>();
        if (rows.isEmpty()) {
            return out;
        }
        List<String> header = List.of(rows.get(0));
        int zh = header.indexOf("label_zh");
        int en = header.indexOf("label_en");
        for (String[] r : rows.subList(1, rows.size())) {
            String z = zh >= 0 && zh < r.length ? r[zh] : "";
            String e = en >= 0 && en < r.length ? r[en] : "";
            out.put(r[0], new Text(z, e.isEmpty() ? z : e));
        }
        return out;
    }

    /** Each table's field titles in both languages, from a run's datapackage.json (none when it has none, or is unreadable). */
    private static Map<String, Map<String, Text>> titles(Path dataPackage) {
        Map<String, Map<String, Text>> out = new HashMap<>();
        if (!Files.isRegularFile(dataPackage)) {
            return out;
        }
        JsonNode root;
        try {
            root = JsonMapper.builder().build().readTree(dataPackage.toFile());
        } catch (RuntimeException e) { // only labels are lost: the changes are listed all the same, by their ids
            return out;
        }
        for (JsonNode resource : root.path("resources")) {
            Map<String, Text> fields = new HashMap<>();
            for (JsonNode f : resource.path("schema").path("fields")) {
                String en = f.path("title").asString("");
                fields.put(f.path("name").asString(""), new Text(f.path("pbannex:title_zh").asString(en), en));
            }
            out.put(resource.path("name").asString(""), fields);
        }
        return out;
    }

    private static java.util.Set<String> concat(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.Set<String> s = new java.util.HashSet<>(a);
        s.addAll(b);
        return s;
    }

    /**
     * row_key/column -> value, so a moved row is not reported as a change. The row's role is left out: no table prints
     * it (a row added would list "row_type: (none) -> 'unit'"), and a role changed shows in the figures it sums.
     */
    private static Map<String, String> cells(List<String[]> rows) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rows.isEmpty()) {
            return out;
        }
        String[] header = rows.get(0);
        for (String[] r : rows.subList(1, rows.size())) {
            for (int i = 1; i < Math.min(header.length, r.length); i++) {
                if (header[i].equals(CsvTableWriter.ROW_TYPE)) {
                    continue;
                }
                out.put(r[0] + "/" + header[i], r[i]);
            }
        }
        return out;
    }

    private static Map<String, Path> csvFiles(Path dir) throws IOException {
        Map<String, Path> out = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.toString().endsWith(".csv")).sorted()
                    .forEach(p -> out.put(p.getFileName().toString().replaceFirst("\\.csv$", ""), p));
        }
        return out;
    }

    private static List<String[]> read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVReader csv = new CSVReader(r)) {
            return csv.readAll();
        } catch (CsvException e) {
            throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
