package org.pbannex.render.datapackage;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.pbannex.ingest.InputError;
import org.pbannex.ingest.Nearest;
import org.pbannex.ingest.Record;
import org.pbannex.ingest.Said;
import org.pbannex.reference.TextKeys;
import org.pbannex.reference.Texts;
import org.pbannex.render.CsvTableWriter;
import org.pbannex.render.OutputColumns;
import org.pbannex.table.Column;
import org.pbannex.table.Table;

/**
 * The data package's descriptions of fields checked against the tables' CSVs, before anything is written: a
 * {@code datapackage.field.<field>} (or {@code <table>.<field>}) or {@code datapackage.unit.<field>} text for a field no
 * CSV has (a typo, a column renamed) would never be shown, and a field that datapackage.json describes by its texts
 * alone (the key columns, a tidy CSV's columns) with no text would be described by its bare name. A table's printed
 * column needs none: its heading describes it.
 */
public final class FieldTexts {

    private FieldTexts() {
    }

    /**
     * @param texts      the texts the run reads (shared and the biennium's own, merged)
     * @param rows       their rows, each with its file and line
     * @param tables     the tables built
     * @param catalogue  the ids of every table there is: until all are built, a text may be for a table not built
     *                   (Figure 2 without expenditure lines), and only the tables built are checked for texts they lack
     * @param file       the shared texts file, where a missing text belongs
     */
    public static void check(Texts texts, List<Record> rows, Collection<Table> tables, Collection<String> catalogue, String file) {
        Map<String, Table> byId = new LinkedHashMap<>();
        tables.forEach(t -> byId.put(t.id(), t));
        boolean everyTable = byId.keySet().containsAll(catalogue);
        // The fields whose description is read by their name: the key columns, a tidy CSV's columns, and a printed
        // table's columns by their key (work in years and months, two fields, is described by one key).
        Set<String> fields = new TreeSet<>(CsvTableWriter.KEY_COLUMNS);
        Set<String> tidyFields = new TreeSet<>();
        for (Table t : tables) {
            if (t.tidy() != null) {
                tidyFields.addAll(t.tidy().columns());
            } else {
                t.columns().stream().filter(OutputColumns::isData).map(Column::key).forEach(fields::add);
            }
        }
        fields.addAll(tidyFields);
        for (Record r : rows) {
            String key = r.text("key");
            String plain = key.endsWith(Texts.PRINTED) ? key.substring(0, key.length() - Texts.PRINTED.length()) : key;
            Said why = null;
            if (plain.startsWith(TextKeys.FIELD)) {
                why = unknownField(plain.substring(TextKeys.FIELD.length()), byId, fields, everyTable, catalogue);
            } else if (plain.startsWith(TextKeys.UNIT) && !OutputDataPackage.UNITS_READ_BY_KEY.contains(plain)) {
                String field = plain.substring(TextKeys.UNIT.length());
                if (everyTable && !tidyFields.contains(field)) {
                    why = meant("field.unit_no_csv", field, tidyFields);
                }
            }
            if (why != null) {
                throw new InputError(r.file(), r.line(), "key", Said.of("text_key", "key", key, "why", why));
            }
        }
        for (String f : CsvTableWriter.KEY_COLUMNS) {
            described(texts, f, null, Said.of("field.every_csv"), file);
        }
        for (Table t : tables) {
            if (t.tidy() != null) {
                t.tidy().columns().forEach(f -> described(texts, f, t.id(), t.id() + ".csv", file));
            }
        }
    }

    // A field described by its texts alone must have one (its table's own, where it may have one, or the shared one).
    private static void described(Texts texts, String field, String table, Object where, String file) {
        if (!(table != null && texts.has(TextKeys.FIELD + table + "." + field)) && !texts.has(TextKeys.FIELD + field)) {
            throw new InputError(file, 0, "key", Said.of("field.undescribed", "key", TextKeys.FIELD + field, "where", where,
                    "field", field));
        }
    }

    // Why a description names no field (null when it names one): <field>, or <table>.<field> for a table's own.
    private static Said unknownField(String name, Map<String, Table> tables, Set<String> fields, boolean everyTable,
                                       Collection<String> catalogue) {
        int dot = name.indexOf('.');
        if (dot < 0) {
            return !everyTable || fields.contains(name) ? null
                    : meant("field.no_csv", name, fields);
        }
        String id = name.substring(0, dot);
        String field = name.substring(dot + 1);
        Table t = tables.get(id);
        if (t == null) {
            return everyTable || !catalogue.contains(id) ? Said.of("field.no_table", "id", id) : null;
        }
        List<String> own = t.tidy() == null ? List.of() : t.tidy().columns();
        return own.contains(field) ? null : own.isEmpty() ? Said.of("field.headings", "field", field, "file", id + ".csv")
                : Said.of("field.not_own", "field", field, "file", id + ".csv", "own", String.join(" ", own));
    }

    // Why (report.cause.reason.WORD) with ": did you mean 'count_unit'?" when a field is that close to the typed name;
    // else with the fields there are (WORD_fields).
    private static Said meant(String word, String typed, Set<String> fields) {
        String nearest = Nearest.name(typed, fields);
        return nearest != null ? Said.of(word, "field", typed, "nearest", nearest)
                : Said.of(word + "_fields", "field", typed, "fields", String.join(" ", fields));
    }
}
