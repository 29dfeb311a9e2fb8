package org.pbannex.upgrade;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reference file of the data folder given the columns the program's copy has and it lacks (regions.csv's
 * target_name_zh), each placed after the column it follows in the program's file and filled from the program's row
 * of the same key (first column): an empty column would still fail the checks that read it (tester 78a, F3). Rows the
 * program's copy has no row for (the installation's own) are left empty there, and named. The file's other cells are
 * the installation's and stay as they are.
 */
record ReferenceColumns(CsvRows upgraded, List<String> added, List<String> unmatched) {

    static ReferenceColumns of(CsvRows data, CsvRows program) {
        List<String> header = new ArrayList<>(data.header());
        List<String> added = new ArrayList<>();
        for (int i = 0; i < program.header().size(); i++) {
            String column = program.header().get(i);
            if (!header.contains(column)) {
                int after = i == 0 ? -1 : header.indexOf(program.header().get(i - 1));
                header.add(after < 0 ? header.size() : after + 1, column);
                added.add(column);
            }
        }
        if (added.isEmpty()) {
            return new ReferenceColumns(data, List.of(), List.of());
        }
        Map<String, List<String>> programRows = new LinkedHashMap<>();
        program.rows().forEach(r -> programRows.putIfAbsent(CsvRows.key(r), r));
        List<List<String>> rows = new ArrayList<>();
        List<String> unmatched = new ArrayList<>();
        for (List<String> row : data.rows()) {
            List<String> theirs = programRows.get(CsvRows.key(row));
            if (theirs == null) {
                unmatched.add(CsvRows.key(row));
            }
            rows.add(header.stream().map(c -> added.contains(c)
                    ? theirs == null ? "" : program.cell(theirs, c) : data.cell(row, c)).toList());
        }
        return new ReferenceColumns(new CsvRows(header, rows), added, unmatched);
    }
}
