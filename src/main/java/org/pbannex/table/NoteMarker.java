package org.pbannex.table;

import java.util.regex.Pattern;

/**
 * The footnote marker a printed title, heading or label may end with ("Operational budget, 2022-2023 *"): it points
 * to a note under its table, so where the title stands apart from the table (a contents list, a bookmark, a message)
 * the marker points nowhere and is left out.
 */
public final class NoteMarker {
    /** A marker ending a title, heading or label, with the space before it. */
    public static final Pattern TRAILING = Pattern.compile("\\s*(\\*{1,3}|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|[†‡§])$");

    private NoteMarker() {
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
