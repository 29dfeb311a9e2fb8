package org.pbannex.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The input records that stand for a table's row, found by the row's key: a record whose primary key is the row's key
 * (its fields joined by "."), else one with a primary-key field equal to it, else one with any field equal to it. The
 * review traces a published cell to them; a failed check names their lines.
 */
public final class RowRecords {

    /** A record and the resource it belongs to. */
    public record KeyedRecord(String resource, Record record) {
    }

    private RowRecords() {
    }

    /**
     * The records of {@code resources} that stand for the row {@code rowKey}, in three tiers (by the whole primary key, by
     * one of its fields, by any field), each in the order of the input.
     */
    public static List<List<KeyedRecord>> tiers(String rowKey, InputSet in, DataPackage pkg, Set<String> resources) {
        List<KeyedRecord> byKey = new ArrayList<>();
        List<KeyedRecord> byKeyField = new ArrayList<>();
        List<KeyedRecord> byField = new ArrayList<>();
        for (String resource : in.files().keySet()) {
            if (!pkg.has(resource) || !resources.contains(resource)) {
                continue;
            }
            List<String> pk = pkg.resource(resource).primaryKey();
            for (Record r : in.table(resource)) {
                String joined = String.join(".", pk.stream().map(r::text).toList());
                if (joined.equals(rowKey) || shortBiennium(joined).equals(rowKey)) {
                    byKey.add(new KeyedRecord(resource, r));
                } else if (pk.stream().anyMatch(f -> r.text(f).equals(rowKey))) {
                    byKeyField.add(new KeyedRecord(resource, r));
                } else if (r.values().values().stream().anyMatch(v -> v != null && v.toString().equals(rowKey))) {
                    byField.add(new KeyedRecord(resource, r));
                }
            }
        }
        return List.of(byKey, byKeyField, byField);
    }

    /** The best tier that has records: those that stand for a row (none when no tier has any). */
    public static List<KeyedRecord> first(List<List<KeyedRecord>> tiers) {
        return tiers.stream().filter(t -> !t.isEmpty()).findFirst().orElse(List.of());
    }

    /** A biennium written in full as the tables key it (2012-2013 as 2012-13: sa's periods); any other text as it is. */
    public static String shortBiennium(String text) {
        return text.matches("\\d{4}-\\d{4}") ? text.substring(0, 5) + text.substring(7) : text;
    }
}
