package org.pbannex.publish;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;

/** What changed in the tidy CSVs since the previous published run: tables added, removed, and changed cells. */
public record RunDiff(String previousRunId, List<TableChange> tables) {

    /** Changes in one table; {@code cells} lists at most {@link #MAX_LISTED} of them. */
    public record TableChange(String table, String status, int changedCells, List<String> cells) {
    }

    static final int MAX_LISTED = 25;

    public static RunDiff none() {
        return new RunDiff(null, List.of());
    }

    public static RunDiff between(Path previousRun, Path currentRun) throws IOException {
        Map<String, Path> before = csvFiles(previousRun.resolve("csv"));
        Map<String, Path> after = csvFiles(currentRun.resolve("csv"));
        List<TableChange> changes = new ArrayList<>();
        for (String id : new TreeSet<>(after.keySet())) {
            if (!before.containsKey(id)) {
                changes.add(new TableChange(id, "added", 0, List.of()));
            } else {
                changes.add(compare(id, read(before.get(id)), read(after.get(id))));
            }
        }
        for (String id : new TreeSet<>(before.keySet())) {
            if (!after.containsKey(id)) {
                changes.add(new TableChange(id, "not in this run", 0, List.of()));
            }
        }
        return new RunDiff(previousRun.getFileName().toString(), changes);
    }

    private static TableChange compare(String id, List<String[]> before, List<String[]> after) {
        Map<String, String> old = cells(before);
        Map<String, String> now = cells(after);
        List<String> listed = new ArrayList<>();
        int changed = 0;
        for (String key : new TreeSet<>(concat(old.keySet(), now.keySet()))) {
            String a = old.get(key);
            String b = now.get(key);
            if (!Objects.equals(a, b)) {
                changed++;
                if (listed.size() < MAX_LISTED) {
                    listed.add(key + ": " + (a == null ? "(none)" : "'" + a + "'") + " -> " + (b == null ? "(none)" : "'" + b + "'"));
                }
            }
        }
        return new TableChange(id, changed == 0 ? "unchanged" : "changed", changed, listed);
    }

    private static java.util.Set<String> concat(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.Set<String> s = new java.util.HashSet<>(a);
        s.addAll(b);
        return s;
    }

    /** row_key/column -> value, so a moved row is not reported as a change. */
    private static Map<String, String> cells(List<String[]> rows) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rows.isEmpty()) {
            return out;
        }
        String[] header = rows.get(0);
        for (String[] r : rows.subList(1, rows.size())) {
            for (int i = 1; i < Math.min(header.length, r.length); i++) {
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
