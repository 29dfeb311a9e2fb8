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
                List<String> optional = r.fields().stream().filter(Field::columnOptional)
                        .map(Field::name).filter(c -> !rows.header().contains(c)).toList();
                for (String column : optional) {
                    out.add(optionalLeftOut(path, column, programFile(programInput, r, b), r.primaryKey()));
                }
                if (r.name().equals("texts")) {
                    out.addAll(stalePlaceholders(path, rows));
                }
                // The same biennium's file in the program's input (the printed biennium's data it ships): rows it
                // changed, said, as the installation's rows are never written over (fix 80c).
                Path theirs = programInput.resolve(path);
                if (Files.isRegularFile(theirs)) {
                    RowDifferences d = RowDifferences.of(rows, CsvRows.read(theirs), r.primaryKey());
                    if (!d.none()) {
                        out.add(d.note(path, file, theirs));
                    }
                }
            }
        }
        return out;
    }

    /**
     * A column the program's schema calls optional, which the biennium's file lacks: not added, and why; with the
     * values the program's copy has in it, which the file would need to show what the program's copy shows.
     */
    private static String optionalLeftOut(String path, String column, Path programFile, List<String> key) {
        String filled = "";
        if (Files.isRegularFile(programFile)) {
            CsvRows theirs = CsvRows.read(programFile);
            List<String> rows = theirs.rows().stream().filter(row -> !theirs.cell(row, column).isBlank())
                    .map(row -> RowDifferences.keyOf(theirs, row, key) + ": " + theirs.cell(row, column)).toList();
            filled = !theirs.header().contains(column) ? ""
                    : rows.isEmpty() ? "; the program's " + programFile + " has it, empty in every row"
                    : "; the program's " + programFile + " has it, filled in " + org.pbannex.runtime.Counted.of(rows.size(), "row", "rows")
                    + " (" + UpgradePlan.listed(rows) + "): to show what the program's copy shows, add the column with those "
                    + "values (empty in the other rows), with the program's rows noted for this biennium's other files";
        }
        return path + " lacks optional column " + column + ": not added, as the upgrade does not write a biennium's files "
                + "(this installation's data, whose values in such a column may go with changes to its other files); "
                + "the file reads as before without it" + filled;
    }

    /** The program's file of the resource, as the notes name it ("the program's FILE"). */
    private static String shownIn(Path programInput, Resource r, Biennium b) {
        return "the program's " + programFile(programInput, r, b);
    }

    /** The program's file of the resource: the same biennium's, else its latest biennium's. */
    private static Path programFile(Path programInput, Resource r, Biennium b) {
        String path = r.perBiennium() ? r.pathFor(b.code()) : r.path();
        if (r.perBiennium() && !Files.isRegularFile(programInput.resolve(path))) {
            List<Biennium> theirs = Biennium.scan(programInput).biennia();
            if (!theirs.isEmpty()) {
                path = r.pathFor(theirs.get(theirs.size() - 1).code());
            }
        }
        return programInput.resolve(path);
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
