package org.pbannex.table;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The footnote marker a printed title, heading or label may end with ("Operational budget, 2022-2023 *"): it points
 * to a note under its table, so where the title stands apart from the table (a contents list, a bookmark, a message)
 * the marker points nowhere and is left out.
 */
public final class NoteMarker {
    /** A marker ending a title, heading or label, with the space before it. */
    public static final Pattern TRAILING = Pattern.compile("\\s*(\\*{1,3}|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|[†‡§]{1,3})$");

    /** A marker at the start of a footnote (or of one part of it), followed by the note text. */
    private static final Pattern LEADING = Pattern.compile("^\\s*(\\*{1,3}|\\d{1,2}|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|[†‡§]{1,3})(?=\\s|[^\\d*†‡§])\\s*");
    /**
     * Where one footnote holds several notes: a run of asterisks after the end of a sentence, or of Figure 2's further
     * marks (‡, §: a status both real and synthetic biennia have).
     */
    private static final Pattern NEXT = Pattern.compile("(?<=[。.．])\\s*(?=(?:\\*{1,3}|[‡§]{1,3})\\s?[^*‡§\\s])");
    /** The superscript digits, 0 to 9, that a marker of a numbered note is printed in ("待定。³"). */
    public static final String SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    private NoteMarker() {
    }

    /** One marked part of a printed footnote: its marker ("" when none) and its text without it. */
    public record Part(String marker, String text) {
    }

    /**
     * The marked parts of a printed footnote ("* Estimate.", "1 Results ...", one footnote may hold "* ... ** ..."),
     * markers normalised: the note under a table that a label's marker points to.
     */
    public static List<Part> parts(String footnote) {
        List<Part> out = new ArrayList<>();
        for (String part : NEXT.split(footnote.strip())) {
            Matcher m = LEADING.matcher(part);
            if (m.find() && m.end() < part.length()) {
                out.add(new Part(normalise(m.group(1)), part.substring(m.end()).strip()));
            } else {
                out.add(new Part("", part.strip()));
            }
        }
        return out;
    }

    /**
     * The footnote's text cut where each of its marked parts starts ({@link #parts(String)}'s cuts), nothing lost: the
     * pieces, the space between two of them kept at the end of the first, give back the footnote as it is.
     */
    public static List<String> pieces(String footnote) {
        List<String> out = new ArrayList<>();
        Matcher m = NEXT.matcher(footnote);
        int from = 0;
        while (m.find()) {
            if (m.end() > from && m.end() < footnote.length() && !footnote.substring(0, m.start()).isBlank()) {
                out.add(footnote.substring(from, m.end()));
                from = m.end();
            }
        }
        out.add(footnote.substring(from));
        return out;
    }

    /** One marked part of a printed footnote in both editions: its marker ("" when none) and its text without it. */
    public record Note(String marker, Text text) {
    }

    /**
     * The marked parts of a printed footnote in both editions, each with its marker and its text without it. The
     * editions must agree on the markers; where they do not, the footnote stays one note without a marker.
     */
    public static List<Note> parts(Text footnote) {
        List<Part> zh = parts(footnote.zh());
        List<Part> en = parts(footnote.en());
        boolean agree = zh.size() == en.size() || footnote.en().isEmpty();
        for (int i = 0; agree && !footnote.en().isEmpty() && i < zh.size(); i++) {
            agree = zh.get(i).marker().equals(en.get(i).marker());
        }
        if (!agree) {
            return List.of(new Note("", footnote));
        }
        List<Note> out = new ArrayList<>();
        for (int i = 0; i < zh.size(); i++) {
            String enText = footnote.en().isEmpty() ? "" : en.get(i).text();
            out.add(new Note(zh.get(i).marker(), new Text(zh.get(i).text(), enText)));
        }
        return out;
    }

    /** Superscript digits (as labels carry them) and plain digits (as footnotes start) are the same marker. */
    public static String normalise(String marker) {
        StringBuilder b = new StringBuilder();
        for (char c : marker.toCharArray()) {
            int i = SUPERSCRIPT_DIGITS.indexOf(c);
            b.append(i >= 0 ? (char) ('0' + i) : c);
        }
        return b.toString();
    }

    /** The text without the marker it ends with, if any. */
    public static String strip(String text) {
        return TRAILING.matcher(text).replaceFirst("");
    }

    /** Both languages without their ending markers. */
    public static Text strip(Text text) {
        return new Text(strip(text.zh()), strip(text.en()));
    }
}
