package org.pbannex.ingest;

import java.util.Map;

/**
 * A value in {@code field} must exist in {@code resource}'s {@code referencedField} (Table Schema foreignKeys). With
 * {@code every} ({@code "pbEveryCode"} in {@code datapackage.json}) the other way round too: every code of that list (of
 * its rows that {@link EveryCode#where} selects) must have a row here, or a table built from this file would leave it out
 * without a word.
 */
public record ForeignKey(String field, String resource, String referencedField, EveryCode every) {

    public ForeignKey(String field, String resource, String referencedField) {
        this(field, resource, referencedField, null);
    }

    /**
     * Which codes of the referenced list need a row: those of its rows whose columns hold the values of {@code where}
     * (all of them when it is empty); {@code fix} says what to add, in both languages (null: a row for it). With
     * {@code per} (columns of this file), a row for each code in every group of rows sharing those columns' values that
     * names any code (each fund split by outcome), instead of once in the file; with {@code rowsWhere}, among this
     * file's rows whose columns hold those values only ({@code {biennium}}: the biennium being run, as a previous one's
     * may lack a new code).
     */
    public record EveryCode(Map<String, String> where, InputError.Written fix, java.util.List<String> per,
                            Map<String, String> rowsWhere) {

        public boolean selects(Record referenced) {
            return where.entrySet().stream().allMatch(e -> e.getValue().equals(referenced.text(e.getKey())));
        }
    }
}
