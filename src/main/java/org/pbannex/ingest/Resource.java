package org.pbannex.ingest;

import java.util.List;

/**
 * A tabular data resource from {@code input/datapackage.json}: its file, fields, primary key and foreign keys.
 * A path may contain {@code {biennium}}, the data folder of the biennium being run. {@code minRows} is 1 unless the
 * descriptor allows an empty file (a header alone). A shared resource (no {@code {biennium}} in its path) may be
 * replaced for one biennium by a file of the same name in that biennium's folder ({@link #overridePathFor}); with
 * {@code mergesByKey} ({@code "pbOverride": "mergeByKey"}) the biennium's file replaces rows by primary key instead.
 * {@code numberings} are its fields numbered 1, 2, 3 ... ({@link Numbering}). {@code descriptionZh}
 * ({@code pbDescriptionZh}) is its description in Chinese, for the Chinese input workbook.
 */
public record Resource(String name, String path, String description, List<Field> fields, List<String> primaryKey,
                       List<ForeignKey> foreignKeys, long maxBytes, int minRows, boolean mergesByKey,
                       List<Numbering> numberings, String descriptionZh) {

    public Resource {
        descriptionZh = descriptionZh == null ? "" : descriptionZh;
    }

    public Resource(String name, String path, String description, List<Field> fields, List<String> primaryKey,
                    List<ForeignKey> foreignKeys, long maxBytes, int minRows) {
        this(name, path, description, fields, primaryKey, foreignKeys, maxBytes, minRows, false, List.of(), "");
    }

    /** The same resource, a file of its header alone allowed (a list that may be emptied, such as the reviewers'). */
    public Resource emptyAllowed() {
        return new Resource(name, path, description, fields, primaryKey, foreignKeys, maxBytes, 0, mergesByKey, numberings,
                descriptionZh);
    }

    /** Its description in both languages (the English where it has no Chinese one). */
    public org.pbannex.table.Text described() {
        return new org.pbannex.table.Text(descriptionZh.isEmpty() ? description : descriptionZh, description);
    }

    public String pathFor(String biennium) {
        return path.replace("{biennium}", biennium);
    }

    /**
     * Where a biennium's own version of a shared file is: {@code 2024-25/reference/units.csv} for
     * {@code reference/units.csv}; null for a resource that is per biennium anyway.
     */
    public String overridePathFor(String biennium) {
        return perBiennium() ? null : biennium + "/" + path;
    }

    public boolean perBiennium() {
        return path.contains("{biennium}");
    }
}
