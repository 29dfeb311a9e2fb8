package org.pbannex.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.pbannex.publication.OutputFormat;
import org.pbannex.reference.Texts;
import org.pbannex.render.NoteOrigin;
import org.pbannex.table.Text;

/**
 * The texts the editions read as they are written (a workbook's sheet names, a PDF's running head, the HTML page's
 * "back to contents", the data package's title), which the tables and their checks never read: a resource of the
 * program, {@code edition-keys.csv} ({@code key,formats}: the formats, by their codes, whose editions read the key). A
 * run looks them up with the tables' texts, before anything is rendered, so that texts lacking several are told all of
 * them on one line ({@link org.pbannex.reference.Texts#need}), not one a failed run as each edition met it.
 * <p>
 * Kept by hand, and kept true by a test (EditionKeysTest) that renders every format of both editions recording each key
 * read, and prints the rows to add or remove: a list made at build time would render the editions in every build, and
 * one checked in shows a new word as a row of the change that reads it. A key of one table's ({@code a1.unit}) is
 * written {@code {table}.unit}: read for every table the run renders. Not listed: the texts an edition reads only where
 * it has them (a field's description in the data package, a note's tables), the numbered ones (footnotes, general
 * notes) and the notes {@code publication.printed_notes} names by key, which {@link #needed} adds from the texts.
 */
public final class EditionKeys {

    /** The resource, beside this class. */
    public static final String FILE = "edition-keys.csv";
    /** What a key of the list has in place of a table's id. */
    public static final String TABLE = "{table}";

    /** One key of the list and the formats whose editions read it. */
    public record Row(String key, Set<OutputFormat> formats) {
    }

    private static final List<Row> ROWS = read();

    private EditionKeys() {
    }

    /** The list as it is checked in, in its order. */
    public static List<Row> rows() {
        return ROWS;
    }

    /**
     * The keys a run's editions read: the list's of these formats, a table's key for each of these tables, the keys the
     * print's notes are named by (as {@code publication.printed_notes} names them in these texts), then the report's
     * words (which every run writes).
     */
    public static List<String> needed(Collection<OutputFormat> formats, Collection<String> tables, Texts texts) {
        Set<String> out = new LinkedHashSet<>();
        for (Row r : ROWS) {
            if (r.formats().stream().anyMatch(formats::contains)) {
                if (r.key().contains(TABLE)) {
                    tables.forEach(t -> out.add(r.key().replace(TABLE, t)));
                } else {
                    out.add(r.key());
                }
            }
        }
        if (formats.stream().anyMatch(f -> f != OutputFormat.CSV)) {
            // The notes of the workbook's, PDF's and HTML's tables, each tagged as the print's or not; a text missing
            // here is one of the list's, named with the others.
            out.addAll(NoteOrigin.printedKeys(k -> texts.has(k) ? texts.get(k) : Text.EMPTY));
        }
        out.addAll(ReportWords.keys());
        return List.copyOf(out);
    }

    private static List<Row> read() {
        try (InputStream in = EditionKeys.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException("the program lacks its " + FILE);
            }
            List<Row> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).toList()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.split(",", 2);
                Set<OutputFormat> formats = EnumSet.noneOf(OutputFormat.class);
                for (String code : parts[1].strip().split(" +")) {
                    formats.add(OutputFormat.of(code));
                }
                rows.add(new Row(parts[0], Set.copyOf(formats)));
            }
            return List.copyOf(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
