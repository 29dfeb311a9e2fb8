package org.pbannex.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A data folder's shared file of a resource that merges by key (texts.csv) read over the program's own copy of it
 * ({@link ProgramInput}), when they are two files: every update of the program adds keys (its messages, report and mail
 * words are texts), and a data folder of its own (PB_HOME) copied from an older version lacks them. The program's rows
 * supply the keys the folder's file lacks, beneath it (its own rows, and a biennium's, still win), and a warning lists
 * them; the keys of the folder's file that this version does not read (renamed or removed by an update, or misspelt)
 * are kept, as they were, and listed in a warning. Neither stops a run: an unattended nightly run must never stop for
 * an update. A key neither file has still stops it where it is needed.
 * <p>
 * Not supplied: a key texts may lack by choice (a table's footnote or optional number, a general note: the program's
 * speak of its own data), and a printed wording ({@code key.printed}) whose plain key the folder words itself.
 */
final class ProgramTexts {

    /** How many keys a warning names before it says how many more. */
    static final int LISTED = 10;
    private static final String PRINTED = ".printed";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ProgramTexts.class);

    private ProgramTexts() {
    }

    /**
     * The file as read with the program's rows beneath it, how many rows the file itself has (the manifest's count), what
     * the command should say of them (nothing: none), and the program's copy where the table holds rows of it (null:
     * none), for the run's manifest to name.
     */
    record Layered(CsvTable table, int fileRows, List<InputWarning> warnings, Beneath program) {

        Layered(CsvTable alone, List<InputWarning> warnings) {
            this(alone, alone.records().size(), warnings, null);
        }
    }

    /**
     * The program's copy whose rows a data folder's file was read over: the file, its rows, and how many of its keys the
     * table took (those the folder's file lacks, and those whose row this version could not fill).
     */
    record Beneath(Path file, int rows, int keysUsed) {
    }

    /** What a warning says of the texts files. */
    enum Kind { SUPPLIED, REPLACED, NOT_READ, FILE_MISSING, PROGRAM_UNREAD }

    /** A line about the texts files: the folder's file, the program's copy, the keys it lists, and why the copy was not read. */
    record Warning(Kind kind, String file, String program, List<String> keys, Object reason) implements InputWarning {

        @Override
        public Said said(UnaryOperator<String> files) {
            String f = files.apply(file);
            String p = program; // the program's, never the data folder's: named in full wherever the line is read
            String count = String.valueOf(keys.size());
            return switch (kind) {
                case SUPPLIED -> Said.of("texts_supplied", "file", f, "program", p, "count", count, "keys", listed(keys));
                case REPLACED -> Said.of("texts_replaced", "file", f, "program", p, "count", count, "keys", listed(keys));
                case NOT_READ -> Said.of("texts_not_read", "file", f, "program", p, "count", count, "keys", listed(keys));
                case FILE_MISSING -> Said.of("texts_file_missing", "file", f, "program", p);
                case PROGRAM_UNREAD -> Said.of("program_texts_unread", "file", f, "program", p, "reason", reason);
            };
        }
    }

    /**
     * @param file   the data folder's file
     * @param shown  how messages name it
     * @param read   reads a file of the resource (validated by its schema), named as given
     */
    static Layered read(Resource r, String rel, Path file, SourceName shown, Function<Path, CsvTable> read) {
        if (nothingBeneath(rel, file)) {
            return new Layered(read.apply(file), List.of());
        }
        ProgramInput program = ProgramInput.current();
        Path theirs = program.file(rel);
        String programName = theirs.toAbsolutePath().normalize().toString(); // never taken for the folder's own input/...
        CsvTable mine = Files.exists(file) ? read.apply(file) : null; // one that is there but bad stops the run, as always
        CsvTable beneath;
        try {
            beneath = read.apply(theirs);
        } catch (InputError e) {
            LOG.warn("{}: the program's copy of {} not read beneath it", programName, shown.name(), e);
            if (mine == null) {
                return new Layered(read.apply(file), List.of()); // neither: the folder's file not found, as before
            }
            // The folder's file alone, as before there was a copy beneath it; said once, with why.
            Object why = e.reasonSaid() != null ? e.reasonSaid() : new Said.Written(e.reason(), e.reason());
            return new Layered(mine, List.of(new Warning(Kind.PROGRAM_UNREAD, shown.name(), programName, List.of(), why)));
        }
        if (program.under() != null) { // a run's kept copy: today's rows beneath it, for the texts an update added since
            beneath = under(r, rel, beneath, program, read);
        }
        if (mine == null) {
            return new Layered(beneath, 0, List.of(new Warning(Kind.FILE_MISSING, shown.name(), programName, List.of(), null)),
                    new Beneath(theirs, beneath.records().size(), beneath.records().size()));
        }
        if (!mine.header().equals(beneath.header())) {
            return new Layered(mine, List.of(new Warning(Kind.PROGRAM_UNREAD, shown.name(), programName, List.of(),
                    Said.of("program_texts_columns", "columns", String.join(",", beneath.header())))));
        }
        return layered(r, mine, beneath, program.keys(), shown.name(), theirs);
    }

    /**
     * Whether no row of the program's copy can be read beneath the folder's file, known without parsing either: no
     * program in use, the program's own file, or a copy of it byte for byte (every key its own, every row the same, so
     * nothing supplied, replaced or unread). A data folder kept in step with the program pays one comparison of bytes,
     * not a second parse, and a run's launch reads no texts to find the program files its input checksum covers.
     */
    static boolean nothingBeneath(String rel, Path file) {
        ProgramInput program = ProgramInput.current();
        Path theirs = program == null ? null : program.file(rel);
        // A run's kept copy (review, distribute) has today's copy beneath it too: never taken as nothing.
        return theirs == null || program.under() == null && (sameFile(file, theirs) || sameBytes(file, theirs));
    }

    private static boolean sameBytes(Path a, Path b) {
        try {
            return Files.mismatch(a, b) == -1L;
        } catch (IOException e) {
            return false; // either missing or unreadable: the layered read says which
        }
    }

    /**
     * A run's kept copy of the program's texts with today's copy beneath it: the run's rows, then today's for the keys
     * the run's copy lacks (and in place of a row of it this version cannot fill). Today's copy unreadable, or of other
     * columns: the run's copy alone.
     */
    private static CsvTable under(Resource r, String rel, CsvTable kept, ProgramInput program, Function<Path, CsvTable> read) {
        Path today = program.under().file(rel);
        try {
            CsvTable todays = read.apply(today);
            return todays.header().equals(kept.header())
                    ? layered(r, kept, todays, program.keys(), program.file(rel).toString(), today).table() : kept;
        } catch (InputError e) {
            LOG.warn("{}: the program's copy of texts not read beneath the run's copy of it", today, e);
            return kept;
        }
    }

    /** The folder's rows, then the program's for the keys it lacks; the warnings of those and of the keys the program lacks. */
    static Layered layered(Resource r, CsvTable mine, CsvTable beneath, ProgramInput.Keys keys, String file, Path programCopy) {
        String programFile = programCopy.toAbsolutePath().normalize().toString();
        Function<Record, String> key = rec -> r.primaryKey().stream().map(rec::text).collect(Collectors.joining(","));
        Set<String> own = mine.records().stream().map(key).collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> program = beneath.records().stream().map(key).collect(Collectors.toCollection(LinkedHashSet::new));
        Map<String, Integer> programRow = new HashMap<>();
        for (int i = 0; i < beneath.records().size(); i++) {
            programRow.put(key.apply(beneath.records().get(i)), i);
        }
        List<CsvTable.Row> rows = new ArrayList<>(mine.rows());
        List<Record> records = new ArrayList<>(mine.records());
        // A row of the folder's that this version cannot fill (an update renamed its placeholder) gives way to the
        // program's row, where that one fits: an older copy's words would otherwise stop every command at that line.
        List<String> replaced = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            Record rec = records.get(i);
            String k = key.apply(rec);
            Integer theirs = programRow.get(k);
            if (theirs != null && !fits(keys, k, rec) && fits(keys, k, beneath.records().get(theirs))) {
                rows.set(i, beneath.rows().get(theirs));
                records.set(i, beneath.records().get(theirs));
                replaced.add(k);
            }
        }
        List<String> supplied = new ArrayList<>();
        for (int i = 0; i < beneath.records().size(); i++) {
            String k = key.apply(beneath.records().get(i));
            if (!own.contains(k) && supplies(k, own, keys)) {
                rows.add(beneath.rows().get(i));
                records.add(beneath.records().get(i));
                supplied.add(k);
            }
        }
        List<String> unread = own.stream().filter(k -> !program.contains(k) && !read(k, program, keys)).toList();
        List<InputWarning> warnings = new ArrayList<>();
        if (!supplied.isEmpty()) {
            warnings.add(new Warning(Kind.SUPPLIED, file, programFile, supplied, null));
        }
        if (!replaced.isEmpty()) {
            warnings.add(new Warning(Kind.REPLACED, file, programFile, replaced, null));
        }
        if (!unread.isEmpty()) {
            warnings.add(new Warning(Kind.NOT_READ, file, programFile, unread, null));
        }
        int used = supplied.size() + replaced.size();
        return new Layered(new CsvTable(mine.header(), rows, records), mine.records().size(), warnings,
                used == 0 ? null : new Beneath(programCopy, beneath.records().size(), used));
    }

    /** Whether this version can fill a row's texts of the key (their placeholders). */
    private static boolean fits(ProgramInput.Keys keys, String key, Record text) {
        return keys.fits(key, text.text("zh"), text.text("en"));
    }

    /** Whether the program's row supplies a key the folder's file lacks (see the class's comment). */
    private static boolean supplies(String key, Set<String> own, ProgramInput.Keys keys) {
        String plain = plain(key);
        return !keys.optional(plain) && !(key.endsWith(PRINTED) && own.contains(plain));
    }

    /** Whether this version reads a key its own copy lacks: one of a family read by prefix, or a read key's printed wording. */
    private static boolean read(String key, Set<String> program, ProgramInput.Keys keys) {
        String plain = plain(key);
        return keys.readByPrefix(plain) || key.endsWith(PRINTED) && program.contains(plain);
    }

    private static String plain(String key) {
        return key.endsWith(PRINTED) ? key.substring(0, key.length() - PRINTED.length()) : key;
    }

    /** "a, b, c" or, past {@link #LISTED}, the first ones and "…": the warning says how many there are. */
    static String listed(List<String> keys) {
        return keys.size() <= LISTED ? String.join(", ", keys) : String.join(", ", keys.subList(0, LISTED)) + ", …";
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) ? Files.isSameFile(a, b)
                    : a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize()); // reading either says what is wrong
        }
    }
}
