package org.pbannex.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.pbannex.table.NoteMarker;
import org.pbannex.table.Text;

/**
 * Whose a note under a table is: the print's (its wording as printed) or pb-annex's own (an explanation the printed
 * document does not have). That is data, not a prefix typed into each note: the biennium's texts name the print's
 * notes by key ({@code publication.printed_notes}: "a1.footnote.1 t2.footnote.1 ..."), and every other note is shown
 * in every edition (the workbook's Notes sheet, the notes under the tables in the PDF and HTML) through one text,
 * {@code edition.own_note} ("(pb-annex's note) {text}"). A biennium without a print has no such tag
 * ({@code edition.own_note} is "{text}" and its {@code .printed} wording is not read), so nothing there is set apart.
 *
 * @param printed the print's notes as the tables carry them (their texts, placeholders filled)
 * @param own     how a note of pb-annex's own is shown, {text} standing for it
 */
public record NoteOrigin(Set<Text> printed, Text own) {

    /** No note set apart (a rendering without the texts: each note as it is). */
    public static final NoteOrigin NONE = new NoteOrigin(Set.of(), new Text("{text}", "{text}"));

    /** The key of the list of the print's notes, in a biennium that names a printed document. */
    public static final String PRINTED_NOTES = "publication.printed_notes";

    public NoteOrigin {
        printed = Set.copyOf(printed);
    }

    /** @param texts a text by its full key (the run's texts, placeholders filled) */
    public static NoteOrigin of(Function<String, Text> texts) {
        Text own = texts.apply(OWN_NOTE);
        if (setsNoneApart(own)) {
            return NONE; // no print: no note is the print's, and none needs saying so
        }
        return new NoteOrigin(printedKeys(texts).stream().map(texts).collect(Collectors.toSet()), own);
    }

    /** The text that tags a note of pb-annex's own. */
    public static final String OWN_NOTE = "edition.own_note";

    private static boolean setsNoneApart(Text own) {
        return own.isEmpty() || own.equals(NONE.own());
    }

    /**
     * The keys of the print's notes, as {@code publication.printed_notes} names them: texts every edition but the CSVs
     * reads as it is written (none where no note is set apart).
     */
    public static List<String> printedKeys(Function<String, Text> texts) {
        if (setsNoneApart(texts.apply(OWN_NOTE))) {
            return List.of();
        }
        return java.util.Arrays.stream(texts.apply(PRINTED_NOTES).zh().strip().split("\\s+"))
                .filter(k -> k.contains(".")).toList(); // keys: the shared "none" names none
    }

    /** Whether this footnote of a table (as the table carries it, every marked part of it) is the print's. */
    public boolean isPrinted(Text footnote) {
        return printed.contains(footnote);
    }

    /** One note's text (without its marker) as shown: tagged as pb-annex's own unless {@code printed}. */
    public Text shown(Text note, boolean printed) {
        return printed || own.equals(NONE.own()) ? note : own.with("text", note);
    }

    /**
     * A general note of the publication (publication.note.N, on the covers and the workbook's Notes sheet) as every
     * edition shows it, whole, as a note without a marker: the print's as it is (its key among
     * {@code publication.printed_notes}), any other tagged as pb-annex's.
     */
    public Text general(Text note) {
        return shown(note, isPrinted(note));
    }

    /**
     * A footnote as shown under its table: the print's as it is; pb-annex's with each of its marked parts tagged after
     * its marker ("† (pb-annex's note) Printed as 43.0 ...", "* (...) ... ** (...) ...").
     */
    public Text shown(Text footnote) {
        if (isPrinted(footnote) || own.equals(NONE.own())) {
            return footnote;
        }
        return new Text(tagged(footnote.zh(), own.zh()), footnote.en().isEmpty() ? "" : tagged(footnote.en(), own.en()));
    }

    private static String tagged(String footnote, String own) {
        List<String> parts = new ArrayList<>();
        for (NoteMarker.Part p : NoteMarker.parts(footnote)) {
            String text = own.replace("{text}", p.text());
            parts.add(p.marker().isEmpty() ? text : p.marker() + " " + text);
        }
        return String.join(" ", parts);
    }
}
