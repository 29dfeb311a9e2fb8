package org.pbannex.upgrade;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pbannex.cli.ScheduleCommand;
import org.pbannex.runtime.Counted;

/**
 * How a file of the data folder differs in its rows from the program's copy of it, where their columns agree (fix 80c:
 * an update that changed a reference or biennium file in its rows alone, such as a footnote's marker moved from one
 * row to another, went unsaid). The rows are the installation's own and are never overwritten: the upgrade names the
 * rows by their key and gives the command that shows the difference.
 *
 * @param changed     keys of the rows both have, with other values in the columns both have
 * @param onlyProgram keys of the rows the program's copy has and the data folder's not
 * @param onlyData    keys of the rows only the data folder's has (its own)
 */
record RowDifferences(List<String> changed, List<String> onlyProgram, List<String> onlyData) {

    /** The rows compared by {@code key} (the schema's primary key; the first column when empty). */
    static RowDifferences of(CsvRows data, CsvRows program, List<String> key) {
        List<String> common = program.header().stream().filter(data.header()::contains).toList();
        Map<String, List<String>> ours = byKey(data, key, common);
        Map<String, List<String>> theirs = byKey(program, key, common);
        List<String> changed = new ArrayList<>();
        List<String> onlyProgram = new ArrayList<>();
        theirs.forEach((k, cells) -> {
            if (!ours.containsKey(k)) {
                onlyProgram.add(k);
            } else if (!ours.get(k).equals(cells)) {
                changed.add(k);
            }
        });
        List<String> onlyData = ours.keySet().stream().filter(k -> !theirs.containsKey(k)).toList();
        return new RowDifferences(changed, onlyProgram, onlyData);
    }

    boolean none() {
        return changed.isEmpty() && onlyProgram.isEmpty() && onlyData.isEmpty();
    }

    /** The note: which rows differ, that they are kept, and the command that shows the difference. */
    String note(String file, Path dataFile, Path programFile) {
        List<String> parts = new ArrayList<>();
        if (!changed.isEmpty()) {
            parts.add(Counted.of(changed.size(), "row", "rows") + " with other values (" + UpgradePlan.listed(changed) + ")");
        }
        if (!onlyProgram.isEmpty()) {
            parts.add(Counted.of(onlyProgram.size(), "row", "rows") + " only in the program's copy (" + UpgradePlan.listed(onlyProgram) + ")");
        }
        if (!onlyData.isEmpty()) {
            parts.add(Counted.of(onlyData.size(), "row", "rows") + " only in this folder's (" + UpgradePlan.listed(onlyData) + ")");
        }
        return file + ": its rows differ from the program's copy: " + String.join("; ", parts) + "; kept as the installation's "
                + "own (the upgrade never writes over its rows): diff -u " + ScheduleCommand.shellWord(dataFile.toString()) + " "
                + ScheduleCommand.shellWord(programFile.toString()) + " shows the difference; copy a row from the program's "
                + "file where it applies to this installation";
    }

    /** Each row's cells in the common columns, by its key; the first row of a key only. */
    private static Map<String, List<String>> byKey(CsvRows file, List<String> key, List<String> common) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (List<String> row : file.rows()) {
            out.putIfAbsent(keyOf(file, row, key), common.stream().map(c -> file.cell(row, c)).toList());
        }
        return out;
    }

    /** A row's key: the values of the key's columns the file has, joined by a space; its first cell when it has none. */
    static String keyOf(CsvRows file, List<String> row, List<String> key) {
        List<String> columns = key.stream().filter(file.header()::contains).toList();
        return columns.isEmpty() ? CsvRows.key(row) : String.join(" ", columns.stream().map(c -> file.cell(row, c)).toList());
    }
}
