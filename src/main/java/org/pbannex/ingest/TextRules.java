package org.pbannex.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What any input value may hold, whatever its column: no control characters (tab and line breaks included: they
 * break CSV lines, PDF markup and workbook cells; a field whose schema says {@code "pbLineBreaks": "allowed"} may hold
 * line feeds between paragraphs), no invisible format characters (zero-width space, right-to-left override, ...: a
 * value would not be what it reads as), no U+FFFD (what a wrong encoding leaves) or private-use characters (each font
 * draws its own, or nothing), no Unicode noncharacters (U+FFFE, U+FFFF, U+FDD0-U+FDEF, ...) or
 * unpaired surrogates (not valid in XML), and at most 32 767 characters (a workbook cell's limit). And what a text
 * value may start with: {@code =}, {@code +}, {@code -} or {@code @} make a spreadsheet read it as a formula, so they
 * are refused unless the field's schema says {@code "pbFormulaLike": "signedNumber"} and the value is a plain
 * signed number such as {@code -0.5}.
 */
public final class TextRules {

    /** The most characters an Excel cell holds. */
    public static final int MAX_LENGTH = 32_767;

    private static final Pattern SIGNED_NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

    /** How a text field treats a leading {@code = + - @} ({@code pbFormulaLike} in datapackage.json). */
    public enum FormulaLike {
        /** Refused (the default). */
        REFUSED,
        /** Allowed when the whole value is a plain signed number (-0.5, +3): a spreadsheet reads that as a number. */
        SIGNED_NUMBER;

        static FormulaLike of(String value, String where) {
            if (value == null || value.isEmpty()) {
                return REFUSED;
            }
            if (value.equals("signedNumber")) {
                return SIGNED_NUMBER;
            }
            throw new IllegalArgumentException(where + ": pbFormulaLike must be \"signedNumber\" (or absent), not \"" + value + "\"");
        }
    }

    private TextRules() {
    }

    /** Why a raw value (any column, line breaks refused) is unacceptable, or null. */
    public static Said problem(String raw) {
        return problem(raw, false);
    }

    /** Why a raw value is unacceptable, or null; {@code lineFeeds} lets it hold line feeds (U+000A) between paragraphs. */
    public static Said problem(String raw, boolean lineFeeds) {
        if (raw.length() > MAX_LENGTH) {
            return Said.of("too_long", "length", String.valueOf(raw.length()), "most", String.valueOf(MAX_LENGTH));
        }
        List<Said> bad = badCharacters(raw, lineFeeds, false);
        if (!bad.isEmpty()) {
            return bad.get(0);
        }
        if (raw.contains("??")) {
            // Chinese saved in an encoding without it (Excel's "CSV (Comma delimited)" on a Western Windows) becomes
            // question marks: valid text that would otherwise be published as "1.??????".
            return Said.of("question_marks", "marks", "??", "fix", ExcelDamage.SAVE_AS_UTF8);
        }
        return null;
    }

    /**
     * Every character of a value no input may hold, each as {@link #problem} names it (its kind, code point and name,
     * where in the value and what to do: report.cause.reason.bad_character, char.*, fix.*), in order; none when the value
     * has none. So that a file's bad characters are told together.
     */
    public static List<Said> badCharacters(String raw, boolean lineFeeds) {
        return badCharacters(raw, lineFeeds, true);
    }

    private static List<Said> badCharacters(String raw, boolean lineFeeds, boolean all) {
        List<Said> found = List.of();
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            String character = null;
            String kind = null;
            String fix = "fix.remove";
            int type = Character.getType(cp);
            if (type == Character.CONTROL && !(lineFeeds && cp == '\n')) {
                character = name(cp);
                kind = "control";
            } else if (type == Character.FORMAT) {
                // Invisible: 'GB' followed by a zero-width space reads as GB in every message and cell.
                character = named(cp);
                kind = "format";
            } else if (cp == 0xFFFD) {
                character = named(cp);
                kind = "replacement";
                fix = "fix.type_again";
            } else if (type == Character.PRIVATE_USE) {
                character = named(cp);
                kind = "private_use";
                fix = "fix.standard";
            } else if (isNoncharacter(cp)) {
                character = hex(cp);
                kind = "noncharacter";
            } else if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
                character = hex(cp);
                kind = "surrogate";
            }
            if (character != null) {
                found = found.isEmpty() ? new ArrayList<>() : found;
                boolean lineBreak = cp == '\n' || cp == '\r';
                found.add(Said.of("bad_character", "kind", Said.of("char." + kind), "character", character,
                        "at", String.valueOf(raw.codePointCount(0, i) + 1), "fix", Said.of(lineBreak ? "fix.remove_line_break" : fix)));
                if (!all) {
                    return found;
                }
            }
            i += Character.charCount(cp);
        }
        return found;
    }

    /** Why a stripped text value would read as a spreadsheet formula, or null. */
    public static Said formulaProblem(String value, FormulaLike rule) {
        if (value.isEmpty() || "=+-@".indexOf(value.charAt(0)) < 0) {
            return null;
        }
        if (rule == FormulaLike.SIGNED_NUMBER && SIGNED_NUMBER.matcher(value).matches()) {
            return null;
        }
        String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return Said.of("formula", "sign", String.valueOf(value.charAt(0)), "value", shown);
    }

    static boolean isNoncharacter(int cp) {
        return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
    }

    private static String name(int cp) {
        return switch (cp) {
            case '\t' -> "U+0009 (tab)";
            case '\n' -> "U+000A (line feed)";
            case '\r' -> "U+000D (carriage return)";
            case 0 -> "U+0000 (NUL)";
            default -> hex(cp);
        };
    }

    /** A character as messages name it: its code point and Unicode name, "U+200B (ZERO WIDTH SPACE)". */
    public static String named(int cp) {
        String name = Character.getName(cp);
        if (name != null && name.startsWith("CJK UNIFIED IDEOGRAPHS")) {
            // Java names an ideograph by its block; Unicode's name is the same for all of them.
            name = "CJK UNIFIED IDEOGRAPH-" + hex(cp).substring(2);
        }
        return name == null ? hex(cp) : hex(cp) + " (" + name + ")";
    }

    private static String hex(int cp) {
        return String.format("U+%04X", cp);
    }
}
