package org.pbannex.ingest;

import java.util.function.Predicate;

/**
 * The characters that look like ASCII but are not, and the ASCII meant: what a Chinese input method types in
 * full-width mode (ＧＢ, １２．９, 、 for a comma, 。 for a point) and the no-break spaces Excel and web pages leave
 * (U+00A0, which looks like a space). A code, a number or a separator typed with them is refused by code point,
 * naming the ASCII to type.
 */
public final class HalfWidth {

    private HalfWidth() {
    }

    /** A full-width form of an ASCII character (！ to ～). */
    static boolean isFullWidth(int cp) {
        return cp >= 0xFF01 && cp <= 0xFF5E;
    }

    /** A space that is not U+0020 and that {@link String#strip} keeps: no-break, figure and narrow no-break spaces. */
    static boolean isNoBreakSpace(int cp) {
        return cp == 0x00A0 || cp == 0x2007 || cp == 0x202F;
    }

    /** The ASCII a full-width form, a Chinese punctuation mark or a no-break space stands for, or null (an ideograph has none). */
    static String ascii(int cp) {
        if (isFullWidth(cp)) {
            return String.valueOf((char) (cp - 0xFEE0));
        }
        if (isNoBreakSpace(cp)) {
            return " ";
        }
        return switch (cp) {
            case 0x3000 -> " ";
            case 0x3001 -> ",";
            case 0x3002 -> ".";
            case 0x300C, 0x300D, 0x300E, 0x300F, 0x300A, 0x300B -> "\"";
            case 0x3010, 0x3014 -> "[";
            case 0x3011, 0x3015 -> "]";
            default -> null;
        };
    }

    /** The value with each such character replaced by the ASCII it stands for, stripped; the value itself if it has none. */
    static String toAscii(String v) {
        StringBuilder out = new StringBuilder();
        v.codePoints().forEach(cp -> {
            String a = Character.isDigit(cp) && cp > '9' ? String.valueOf(Character.digit(cp, 10)) : ascii(cp);
            out.append(a != null ? a : new String(Character.toChars(cp)));
        });
        return out.toString().strip();
    }

    /** Where (a char index) the value's first character with an ASCII look-alike is, or -1. */
    static int first(String v) {
        return first(v, true);
    }

    /** As {@link #first(String)}; without {@code spaces}, no-break spaces are passed over (Excel's thousands separators). */
    static int first(String v, boolean spaces) {
        for (int i = 0; i < v.length(); ) {
            int cp = v.codePointAt(i);
            if (ascii(cp) != null && (spaces || !isNoBreakSpace(cp))) {
                return i;
            }
            i += Character.charCount(cp);
        }
        return -1;
    }

    /**
     * Why a code (a key, a value of a list) not found as typed is not what it looks like, or null: "'GB ' holds U+00A0
     * (NO-BREAK SPACE) at character 3, which looks like a space but is none: write 'GB'". {@code known} says whether
     * the ASCII value is a known code: only then is it named as the one meant.
     */
    public static Said lookalike(String v, Predicate<String> known) {
        int i = first(v);
        if (i < 0) {
            return null;
        }
        String meant = toAscii(v);
        return Said.of(isNoBreakSpace(v.codePointAt(i)) ? "lookalike_space" : "lookalike_full_width", "value", v, "character",
                TextRules.named(v.codePointAt(i)), "at", String.valueOf(v.codePointCount(0, i) + 1),
                "fix", known.test(meant) ? Said.of("fix.write", "value", meant) : Said.of("fix.type_ascii"));
    }

    /**
     * "; HINT" after a reason for a code not in its list: what its look-alike characters are, else the one code it is a
     * letter or two from ("did you mean 'NORMES'?"); null when neither.
     */
    public static Said hint(String v, java.util.Collection<String> known) {
        Said why = lookalike(v, known::contains);
        String nearest = why == null ? Nearest.code(v, known) : null;
        return why != null ? Said.of("hint", "hint", why) : nearest != null ? Said.of("hint", "hint", Said.of("did_you_mean",
                "nearest", nearest)) : null;
    }
}
