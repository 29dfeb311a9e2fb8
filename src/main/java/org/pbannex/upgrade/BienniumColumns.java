package org.pbannex.upgrade;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pbannex.ingest.DataPackage;
import org.pbannex.ingest.Field;
import org.pbannex.ingest.Resource;
import org.pbannex.reference.Biennium;
import org.pbannex.reference.Placeholders;
import org.pbannex.table.Text;

/**
 * What the biennia's data folders lack by the program's schema: they are the user's data, so the upgrade only says it,
 * naming the program's file that shows what to add. A column the schema calls optional may stay out (the file reads as
 * before); a biennium's own text whose placeholders the program no longer fills is named with its line, as reading
 * would refuse it.
 */
final class BienniumColumns {

    private BienniumColumns() {
    }

    static List<String> lacking(Path dataInput, Path programInput, DataPackage schema) {
        List<String> out = new ArrayList<>();
        for (Biennium b : Biennium.scan(dataInput).biennia()) {
            for (Resource r : schema.resources()) {
                String path = r.perBiennium() ? r.pathFor(b.code()) : r.overridePathFor(b.code());
                Path file = dataInput.resolve(path);
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                CsvRows rows = CsvRows.read(file);
                List<String> missing = r.fields().stream().filter(f -> !f.columnOptional())
                        .map(Field::name).filter(c -> !rows.header().contains(c)).toList();
                if (!missing.isEmpty()) {
                    out.add(path + " lacks " + (missing.size() == 1 ? "column " : "columns ") + String.join(", ", missing)
                            + ": add " + (missing.size() == 1 ? "it" : "them") + " with this biennium's values ("
                            + shownIn(programInput, r, b) + " has " + (missing.size() == 1 ? "it" : "them") + ")");
                }
                if (r.name().equals("texts")) {
                    out.addAll(stalePlaceholders(path, rows));
                }
            }
        }
        return out;
    }

    /** The program's file of the resource: the same biennium's, else its latest biennium's. */
    private static String shownIn(Path programInput, Resource r, Biennium b) {
        String path = r.perBiennium() ? r.pathFor(b.code()) : r.path();
        if (r.perBiennium() && !Files.isRegularFile(programInput.resolve(path))) {
            List<Biennium> theirs = Biennium.scan(programInput).biennia();
            if (!theirs.isEmpty()) {
                path = r.pathFor(theirs.get(theirs.size() - 1).code());
            }
        }
        return "the program's " + programInput.resolve(path);
    }

    private static List<String> stalePlaceholders(String path, CsvRows texts) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < texts.rows().size(); i++) {
            List<String> row = texts.rows().get(i);
            String key = CsvRows.key(row);
            if (!Placeholders.fits(key, new Text(texts.cell(row, "zh"), texts.cell(row, "en")))) {
                out.add(path + ", key " + key + ": its placeholders are not the ones the program fills it with ("
                        + String.join(", ", Placeholders.of(key).stream().sorted().map(n -> "{" + n + "}").toList())
                        + "): mend its words");
            }
        }
        return out;
    }
}
