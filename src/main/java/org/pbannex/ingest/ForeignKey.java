package org.pbannex.ingest;

import java.util.Map;

/**
 * A value in {@code field} must exist in {@code resource}'s {@code referencedField} (Table Schema foreignKeys). With
 * {@code every} ({@code "pbEveryCode"} in {@code datapackage.json}) the other way round too: every code of that list (of
 * its rows that {@link EveryCode#where} selects) must have a row here, or a table built from this file would leave it out
 * without a word. With {@code rowsWhere} ({@code "pbRowsWhere"}: column: value, {@code {biennium}} the biennium being
 * run and {@code {previous}} the one before it) the key, both ways, holds for those rows of this file only: a previous
 * biennium's estimates are of the outcomes that biennium had.
 */
public record ForeignKey(String field, String resource, String referencedField, EveryCode every, Map<String, String> rowsWhere) {

    public ForeignKey {
        rowsWhere = rowsWhere == null ? Map.of() : rowsWhere;
    }

    public ForeignKey(String field, String resource, String referencedField) {
        this(field, resource, referencedField, null, Map.of());
    }

    /** {@code rowsWhere}'s values for the biennium being run ({@code 2022-23}): {biennium} and {previous} filled in. */
    public static Map<String, String> forBiennium(Map<String, String> rowsWhere, String biennium) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        rowsWhere.forEach((column, value) -> out.put(column, value.replace("{biennium}", String.valueOf(biennium))
                .replace("{previous}", previous(biennium))));
        return out;
    }

    /** The biennium before {@code 2022-23}, as a code ({@code 2020-21}); "" for no biennium. */
    private static String previous(String biennium) {
        org.pbannex.reference.Biennium b = biennium == null ? null : org.pbannex.reference.Biennium.parse(biennium);
        return b == null ? "" : b.previous().code();
    }

    /** Whether a row of this file is one the key holds for ({@code rowsWhere} as {@link #forBiennium} gives it). */
    public static boolean holdsFor(Record row, Map<String, String> rowsWhere) {
        return rowsWhere.entrySet().stream().allMatch(e -> e.getValue().equals(row.text(e.getKey())));
    }

    /**
     * Which codes of the referenced list need a row: those of its rows whose columns hold the values of {@code where}
     * (all of them when it is empty); {@code fix} says what to add, in both languages (null: a row for it). With
     * {@code per} (columns of this file), a row for each code in every group of rows sharing those columns' values that
     * names any code (each fund split by outcome), instead of once in the file; with {@code rowsWhere}, among this
     * file's rows whose columns hold those values only ({@code {biennium}}: the biennium being run, as a previous one's
     * may lack a new code).
     */
    public record EveryCode(Map<String, String> where, Said.Written fix, java.util.List<String> per,
                            Map<String, String> rowsWhere) {

        public boolean selects(Record referenced) {
            return where.entrySet().stream().allMatch(e -> e.getValue().equals(referenced.text(e.getKey())));
        }
    }
}
