package org.pbannex.ingest;

import java.util.List;

/**
 * A tabular data resource from {@code input/datapackage.json}: its file, fields, primary key and foreign keys.
 * A path may contain {@code {biennium}}, the data folder of the biennium being run. {@code minRows} is 1 unless the
 * descriptor allows an empty file (a header alone).
 */
public record Resource(String name, String path, String description, List<Field> fields, List<String> primaryKey,
                       List<ForeignKey> foreignKeys, long maxBytes, int minRows) {

    public String pathFor(String biennium) {
        return path.replace("{biennium}", biennium);
    }

    public boolean perBiennium() {
        return path.contains("{biennium}");
    }
}
