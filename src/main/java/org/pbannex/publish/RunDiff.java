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

    /** Changes in one table; {@code cells} lists at most {@link #MAX_LISTED} of them. */
    public record TableChange(String table, String status, int changedCells, List<CellChange> cells) {
    }

    /**
     * One changed cell: its row (key and label, from the CSVs) and field (name and title, from the run's
     * datapackage.json; the name where it has none), and its values before and after (null: the cell was not there).
     */
    public record CellChange(String rowKey, Text label, String column, Text title, String before, String after) {

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
            String l = label.in(language).strip();
            if (l.codePointCount(0, l.length()) > LABEL_LENGTH) {
                l = l.substring(0, l.offsetByCodePoints(0, LABEL_LENGTH - 1)).strip() + "…";
            }
            return (l.isEmpty() ? "" : l + " ") + "[" + rowKey + "], " + heading + ": " + quoted(before == null ? null : shown.apply(before),
                    none) + " -> " + quoted(after == null ? null : shown.apply(after), none);
        }

        private static String quoted(String v, String none) {
            return v == null ? none : "'" + v + "'";
        }

        /** In English, as the run's report lists it. */
        @Override
        public String toString() {
            return describe(Language.EN, "(none)");
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
                changes.add(new TableChange(id, "added", 0, List.of()));
            } else {
                changes.add(compare(id, read(before.get(id)), read(after.get(id)), () -> titles.of(id)));
            }
        }
        for (String id : new TreeSet<>(before.keySet())) {
            if (!after.containsKey(id)) {
                changes.add(new TableChange(id, "not in this run", 0, List.of()));
            }
        }
        return new RunDiff(previousRun.getFileName().toString(), changes);
    }

    private static TableChange compare(String id, List<String[]> before, List<String[]> after,
                                       java.util.function.Supplier<Map<String, Text>> titles) {
        Map<String, String> old = cells(before);
        Map<String, String> now = cells(after);
        Map<String, Text> labels = labels(before);
        labels.putAll(labels(after));
        List<CellChange> listed = new ArrayList<>();
        int changed = 0;
        for (String key : new TreeSet<>(concat(old.keySet(), now.keySet()))) {
            String a = old.get(key);
            String b = now.get(key);
            if (!Objects.equals(a, b)) {
                changed++;
                if (listed.size() < MAX_LISTED) {
                    int slash = key.lastIndexOf('/');
                    String row = key.substring(0, slash);
                    String column = key.substring(slash + 1);
                    listed.add(new CellChange(row, labels.getOrDefault(row, Text.EMPTY), column,
                            titles.get().getOrDefault(column, Text.EMPTY), a, b));
                }
            }
        }
        return new TableChange(id, changed == 0 ? "unchanged" : "changed", changed, listed);
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
