package org.pbannex.reference;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.pbannex.ingest.InputError;
import org.pbannex.ingest.Nearest;
import org.pbannex.ingest.Record;
import org.pbannex.ingest.Said;

/**
 * The keys of texts.csv the program reads, worked out in this one place: every key of the shared file (a text read by
 * its exact key is there, or the run would stop for want of it), and the families read by prefix, for each table of
 * the catalogue: a table's numbered footnotes and its optional number, unit note and sheet name, the general notes and
 * the tables each concerns, the data package's descriptions of fields and units; beside each, its wording for a
 * biennium that names a printed document ({@code key.printed}, see {@link Texts}). The readers take their prefixes from
 * here. A key outside them (a typo: {@code t1.fotnote.1}) would be kept and never shown, the user believing the text
 * changed: it is refused, naming the key meant when one is close.
 */
public final class TextKeys implements org.pbannex.ingest.ProgramInput.Keys {

    /**
     * A table's printed number ({@code <id>.number}), unit note, sheet name and the units its workbook sheet states
     * where the print states none ({@code <id>.workbook_unit}): texts a table may lack.
     */
    public static final String NUMBER = "number";
    public static final String UNIT_NOTE = "unit";
    public static final String SHORT = "short";
    public static final String WORKBOOK_UNIT = "workbook_unit";
    public static final List<String> OPTIONAL_TABLE_TEXTS = List.of(NUMBER, UNIT_NOTE, SHORT, WORKBOOK_UNIT);
    /** The general notes: {@code publication.note.<n>}. */
    public static final String GENERAL_NOTES = "publication.note.";
    /** Beside a general note, the tables it concerns: {@code publication.note.<n>.tables}. */
    public static final String NOTE_TABLES = ".tables";
    /** A data package field's description: {@code datapackage.field.<field>}, or a table's own {@code datapackage.field.<id>.<field>}. */
    public static final String FIELD = "datapackage.field.";
    /** A data package field's unit: {@code datapackage.unit.<field>}. */
    public static final String UNIT = "datapackage.unit.";

    private final Set<String> shared;
    private final String sharedFile;
    private final List<String> tableIds;

    /**
     * @param shared     the keys of the shared texts file (input/reference/texts.csv)
     * @param sharedFile how that file is named in messages
     * @param tableIds   the table catalogue's ids
     */
    public TextKeys(Set<String> shared, String sharedFile, Collection<String> tableIds) {
        this.shared = Set.copyOf(shared);
        this.sharedFile = sharedFile;
        this.tableIds = List.copyOf(tableIds);
    }

    /** The families of keys the program reads for these tables, without a shared file's keys (what ProgramInput needs). */
    public static TextKeys of(Collection<String> tableIds) {
        return new TextKeys(Set.of(), "input/reference/texts.csv", tableIds);
    }

    /** A table's text: {@code <id>.<name>}. */
    public static String tableText(String tableId, String name) {
        return tableId + "." + name;
    }

    /** The prefix of a table's numbered footnotes: {@code <id>.footnote.}. */
    public static String footnotes(String tableId) {
        return tableId + ".footnote.";
    }

    /** Whether a key is the prefix and one more part: one of a numbered family ({@code t1.footnote.2}, not {@code t1.footnote.2.x}). */
    public static boolean isNumbered(String key, String prefix) {
        return key.startsWith(prefix) && key.indexOf('.', prefix.length()) < 0;
    }

    /**
     * Refuses a row of a biennium's own texts.csv that the program would not read for that biennium: a key it never
     * reads, and a wording for the other kind of biennium (a {@code .printed} key where publication.csv names no printed
     * document; the plain key where it names one and the texts hold the {@code .printed} one, which is read instead).
     *
     * @param present     the keys of the texts merged (shared and own)
     * @param printed     whether the biennium names a printed document
     * @param publication how the biennium's publication.csv is named in messages
     */
    public void checkOwn(List<Record> own, Set<String> present, boolean printed, String publication) {
        for (Record r : own) {
            String key = r.text("key");
            Said why = unread(key, present);
            if (why == null && printed && !key.endsWith(Texts.PRINTED) && present.contains(key + Texts.PRINTED)) {
                why = Said.of("unread.printed_read", "publication", publication, "printed", key + Texts.PRINTED);
            }
            if (why == null && !printed && key.endsWith(Texts.PRINTED)) {
                why = Said.of("unread.printed_unread", "publication", publication, "base", base(key));
            }
            if (why != null) {
                throw new InputError(r.file(), r.line(), "key", Said.of("text_key", "key", key, "why", why));
            }
        }
    }

    /**
     * Refuses a row of a shared texts file whose key the file it replaces lacks ({@code before}) and that the program
     * would never read: an input workbook's sheet of texts, imported over the installation's file.
     */
    public void checkAdded(List<Record> rows, Set<String> before) {
        Set<String> present = new TreeSet<>();
        rows.forEach(r -> present.add(r.text("key")));
        for (Record r : rows) {
            String key = r.text("key");
            if (!before.contains(key)) {
                Said why = unread(key, present);
                if (why != null) {
                    throw new InputError(r.file(), r.line(), "key", Said.of("text_key", "key", key, "why", why));
                }
            }
        }
    }

    /** Why a text with this key would never be read (for any biennium), or null when it is read. */
    private Said unread(String key, Set<String> present) {
        if (known(key)) {
            String note = key.endsWith(NOTE_TABLES) ? base(key, NOTE_TABLES) : null;
            return note != null && isNumbered(note, GENERAL_NOTES) && !present.contains(note) && !present.contains(note + Texts.PRINTED)
                    ? besideNone(note) : null;
        }
        if (key.endsWith(Texts.PRINTED) && known(base(key))) {
            // A text may have only its printed wording: read by its exact key, or listed with its family (Texts.numberedKeys).
            return unread(base(key), present);
        }
        return Said.of("unread.not_read", "suggestion", suggestion(key));
    }

    private boolean known(String key) {
        return shared.contains(key) || family(key);
    }

    private static Said besideNone(String other) {
        return Said.of("unread.beside_none", "other", other);
    }

    @Override
    public boolean fits(String key, String zh, String en) {
        return Placeholders.fits(key, new org.pbannex.table.Text(zh, en));
    }

    /** Whether the program reads this key as one of a family read by prefix (a table's footnotes, a field's description, ...). */
    @Override
    public boolean readByPrefix(String key) {
        return family(key);
    }

    private boolean family(String key) {
        return isNumbered(key, FIELD) || isNumbered(key, UNIT) || optional(key);
    }

    /**
     * Whether texts may lack the key by choice: a table's numbered footnote, its optional number, unit note and sheet
     * name, its own description of a field, a general note and the tables it concerns (a field's description or unit
     * is the program's, and a table's title is not optional).
     */
    @Override
    public boolean optional(String key) {
        if (isNumbered(key, GENERAL_NOTES) || key.endsWith(NOTE_TABLES) && isNumbered(base(key, NOTE_TABLES), GENERAL_NOTES)) {
            return true;
        }
        for (String id : tableIds) {
            if (isNumbered(key, footnotes(id)) || isNumbered(key, FIELD + id + ".")) {
                return true;
            }
            for (String optional : OPTIONAL_TABLE_TEXTS) {
                if (key.equals(tableText(id, optional))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** "did you mean 'k'?" for the nearest key the program reads, when one is close; else what the keys may be. */
    private Said suggestion(String key) {
        String nearest = Nearest.name(key, candidates(key));
        if (nearest != null) {
            return Said.of("did_you_mean", "nearest", nearest);
        }
        return Said.of("keys_are", "file", sharedFile, "families", OPTIONAL_TABLE_TEXTS.stream().map(o -> "<table>." + o)
                .collect(java.util.stream.Collectors.joining(", ", "<table>.footnote.<n>, ", "")), "tables", String.join(" ", tableIds),
                "notes", GENERAL_NOTES, "note_tables", NOTE_TABLES, "field", FIELD, "unit", UNIT, "printed", Texts.PRINTED);
    }

    /** The shared keys, and each family's key with the same last part as the typed one (t1.footnote.3 for t1.fotnote.3). */
    private List<String> candidates(String key) {
        String plain = key.endsWith(Texts.PRINTED) ? base(key) : key;
        String suffix = plain.equals(key) ? "" : Texts.PRINTED;
        String n = plain.endsWith(NOTE_TABLES) ? base(plain, NOTE_TABLES) : plain;
        n = n.substring(n.lastIndexOf('.') + 1);
        List<String> out = new ArrayList<>();
        for (String id : tableIds) {
            out.add(footnotes(id) + n + suffix);
            OPTIONAL_TABLE_TEXTS.forEach(o -> out.add(tableText(id, o) + suffix));
        }
        out.add(GENERAL_NOTES + n + suffix);
        out.add(GENERAL_NOTES + n + NOTE_TABLES + suffix);
        shared.stream().map(k -> k + suffix).forEach(out::add);
        out.sort(Comparator.naturalOrder()); // the same suggestion every time, whatever the order of the files
        return out;
    }

    private static String base(String key) {
        return base(key, Texts.PRINTED);
    }

    private static String base(String key, String suffix) {
        return key.substring(0, key.length() - suffix.length());
    }
}
