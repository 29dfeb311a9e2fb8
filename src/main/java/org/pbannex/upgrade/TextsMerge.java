package org.pbannex.upgrade;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.pbannex.reference.Placeholders;

/**
 * The data folder's texts.csv brought in step with the program's: a key it lacks gets the program's row (after the
 * row of the key before it in the program's file, so related keys stay together); a row whose placeholders differ
 * from the program's row's ({@code {minutes}} where the program now fills {@code {wait}}) is replaced by the program's
 * row, since its words could no longer be filled; a row whose words alone differ is the installation's own wording and
 * kept. Keys the program's copy no longer has are kept: they may be the installation's own (a table's numbered
 * footnotes, the general notes), and a key the program does not read is no harm.
 */
record TextsMerge(CsvRows merged, List<String> added, List<String> replaced, List<String> ownWords, List<String> notInProgram) {

    static TextsMerge of(CsvRows data, CsvRows program) {
        Map<String, List<String>> programRows = byKey(program);
        Map<String, List<String>> dataRows = byKey(data);
        List<List<String>> out = new ArrayList<>();
        List<String> replaced = new ArrayList<>();
        List<String> ownWords = new ArrayList<>();
        List<String> notInProgram = new ArrayList<>();
        for (List<String> row : data.rows()) {
            String key = CsvRows.key(row);
            List<String> theirs = programRows.get(key);
            if (theirs == null) {
                notInProgram.add(key);
                out.add(row);
            } else if (!samePlaceholders(data, row, program, theirs)) {
                replaced.add(key);
                out.add(inColumnsOf(data, program, theirs));
            } else {
                if (!wording(data, row).equals(wording(program, theirs))) {
                    ownWords.add(key);
                }
                out.add(row);
            }
        }
        List<String> added = new ArrayList<>();
        String before = null;
        for (List<String> row : program.rows()) {
            String key = CsvRows.key(row);
            if (!dataRows.containsKey(key) && !added.contains(key)) {
                out.add(positionAfter(out, before), inColumnsOf(data, program, row));
                added.add(key);
            }
            before = key;
        }
        return new TextsMerge(new CsvRows(data.header(), out), added, replaced, ownWords, notInProgram);
    }

    boolean changes() {
        return !added.isEmpty() || !replaced.isEmpty();
    }

    private static Map<String, List<String>> byKey(CsvRows file) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        file.rows().forEach(r -> out.putIfAbsent(CsvRows.key(r), r));
        return out;
    }

    /** Each language's placeholders the same, as Placeholders reads them. */
    private static boolean samePlaceholders(CsvRows data, List<String> row, CsvRows program, List<String> theirs) {
        for (String lang : List.of("zh", "en")) {
            if (!Placeholders.in(data.cell(row, lang)).equals(Placeholders.in(program.cell(theirs, lang)))) {
                return false;
            }
        }
        return true;
    }

    private static List<String> wording(CsvRows file, List<String> row) {
        return List.of(file.cell(row, "zh"), file.cell(row, "en"));
    }

    /** The program's row in the data file's columns (the same three, unless someone reordered them). */
    private static List<String> inColumnsOf(CsvRows data, CsvRows program, List<String> row) {
        return data.header().stream().map(c -> program.cell(row, c)).toList();
    }

    /** Where a row goes: after the row of key {@code before} (the program's key before it), else at the end. */
    private static int positionAfter(List<List<String>> rows, String before) {
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (Objects.equals(CsvRows.key(rows.get(i)), before)) {
                return i + 1;
            }
        }
        return rows.size();
    }
}
