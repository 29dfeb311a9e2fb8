package org.pbannex.ingest;

import java.util.Locale;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises what Excel does to a CSV it opened and saved again, so that a refused value or file says the cause and
 * the fix in Excel's words rather than only "not a number": scientific notation, a date made of a period, a code that
 * lost its leading zeros, thousands separators, a decimal comma, per cent and currency signs, accounting negatives,
 * a semicolon- or tab-separated file, a file saved in the computer's code page instead of UTF-8. Only called once a
 * value has been refused, so it costs nothing on good input (the expenditure-line parser can use it the same way).
 */
public final class ExcelDamage {

    /** What to do with a file Excel saved in another encoding or form. */
    static final Said SAVE_AS_UTF8 = Said.of("fix.save_utf8");

    private static final Pattern SCIENTIFIC = Pattern.compile("[+-]?\\d+(\\.\\d+)?[eE][+-]?\\d+");
    private static final Pattern GROUPED = Pattern.compile("-?\\d{1,3}([ ,\u00a0\u202f'’]\\d{3})+(\\.\\d+)?");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("-?\\d+,\\d+");
    private static final Pattern PERCENT = Pattern.compile("([+-]?\\d+(\\.\\d+)?)\\s?%");
    private static final Pattern CURRENCY = Pattern.compile("[-(]?\\s?(US\\$|\\$|€|£|¥|CHF|USD)\\s?[-\\d(].*");
    private static final Pattern ACCOUNTING = Pattern.compile("\\((\\d[\\d ,\u00a0]*(\\.\\d+)?)\\)");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final char FULLWIDTH_COMMA = '\uFF0C';

    private static final String MONTHS = "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?";
    /** Mar-22, March 2022: Excel's mmm-yy display of the first day of a month (what 2022-03 becomes). */
    private static final Pattern MONTH_YEAR = Pattern.compile("(?i)" + MONTHS + "[-/ ](\\d{2}|\\d{4})");
    /** 1-Mar, 22-Mar-2022. */
    private static final Pattern DAY_MONTH = Pattern.compile("(?i)\\d{1,2}[-/ ]" + MONTHS + "([-/ ]\\d{2,4})?");
    /** 2022/3/1, 2022-03-01, 2022/3 and 2022年3月(1日): year first (a year and month alone only with a slash). */
    private static final Pattern YEAR_FIRST = Pattern.compile(
            "(\\d{4})(?:[-/.](\\d{1,2})[-/.](\\d{1,2})|/(\\d{1,2})|年(\\d{1,2})月(?:(\\d{1,2})日)?)");
    /** The forms a date or period column's pattern takes, told by a sample of each: what to type, when unknown. */
    private static final String[][] DATE_FORMS = {{"2021-02-01", "YYYY-MM-DD"}, {"2021-02", "YYYY-MM"}};
    /** 3/1/2022, 01.03.2022. */
    private static final Pattern DAY_FIRST = Pattern.compile("\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}");

    private ExcelDamage() {
    }

    /**
     * Why {@code v}, refused by an integer or number field, is not a plain number: Excel's damage if recognised, its fix
     * for a column that takes at most {@code decimals} decimal places (null: any).
     */
    public static Said notANumber(String v, boolean wholeNumber, Integer decimals) {
        Said damage = numberDamage(v, decimals);
        if (damage != null) {
            return damage;
        }
        return Said.of(wholeNumber ? "not_whole_number" : "not_a_number", "value", v);
    }

    /** How Excel damaged a number that is none (thousands separators, a decimal comma, ...); null when it did not. */
    public static Said numberDamage(String v) {
        return numberDamage(v, null);
    }

    /** As above, for a column that takes at most {@code decimals} decimal places (null: any). */
    static Said numberDamage(String v, Integer decimals) {
        Said said = otherDigit(v);
        if (said == null) {
            said = fullWidthInNumber(v);
        }
        if (said == null) {
            said = scientific(v, decimals, false);
        }
        if (said != null) {
            return said;
        }
        if (GROUPED.matcher(v).matches()) {
            return Said.of("thousands", "plain", v.replaceAll("[ ,\u00a0\u202f'’]", ""), "value", v);
        }
        said = date(v, null, false);
        if (said != null) {
            return said;
        }
        if (DECIMAL_COMMA.matcher(v).matches()) {
            return Said.of("decimal_comma", "value", v, "point", v.replace(',', '.'));
        }
        Matcher m = PERCENT.matcher(v);
        if (m.matches()) {
            return Said.of("per_cent", "value", v, "number", m.group(1));
        }
        m = ACCOUNTING.matcher(v);
        if (m.matches()) {
            return Said.of("accounting", "value", v, "number", m.group(1).replaceAll("[ ,\u00a0]", ""));
        }
        if (CURRENCY.matcher(v).matches()) {
            return Said.of("currency", "value", v);
        }
        return null;
    }

    /**
     * Why {@code v} fails a string field's pattern, if Excel's damage explains it; else null. A column named
     * {@code biennium} holds biennia (2020-21): a year and month matches its pattern but is none.
     */
    public static Said notMatching(String v, Field f) {
        Pattern pattern = f.pattern();
        Said said = otherDigit(v);
        if (said == null) {
            said = HalfWidth.lookalike(v, typed -> pattern.matcher(typed).matches());
        }
        return said != null ? said : excelMade(v, pattern, f);
    }

    private static final Pattern PERIOD = Pattern.compile("\\d{4}-\\d{2}");

    /**
     * Why {@code v} is no period YYYY-MM (an expenditure line's), when Excel made a date of it (Mar-22, 2022/3/1); else
     * null: the expenditure lines say what the other inputs say of the same damage.
     */
    public static Said notAPeriod(String v) {
        return date(v, PERIOD, false);
    }

    // Excel's own damage to a value its pattern refuses: scientific notation, a date, a code's leading zeros.
    private static Said excelMade(String v, Pattern pattern, Field f) {
        Said damage = scientific(v, null, true);
        if (damage != null) {
            return damage;
        }
        damage = date(v, pattern, f.name().equals("biennium"));
        if (damage != null) {
            return damage;
        }
        if (DIGITS.matcher(v).matches()) {
            String padded = v;
            for (int i = 0; i < 12 && padded.length() < 20; i++) {
                padded = "0" + padded;
                if (pattern.matcher(padded).matches()) {
                    return Said.of("leading_zeros", "value", v, "padded", padded);
                }
            }
        }
        return null;
    }

    /**
     * A digit other than 0-9 (a full-width １, as a Chinese input method types, or another script's), which reads as a
     * number but is not one: named, with the value in ASCII digits.
     */
    private static Said otherDigit(String v) {
        for (int i = 0; i < v.length(); ) {
            int cp = v.codePointAt(i);
            if (Character.isDigit(cp) && cp > '9') {
                return Said.of(cp >= 0xFF10 && cp <= 0xFF19 ? "full_width_digit" : "other_digit", "value", v, "character",
                        TextRules.named(cp), "at", String.valueOf(v.codePointCount(0, i) + 1), "ascii", HalfWidth.toAscii(v));
            }
            i += Character.charCount(cp);
        }
        return null;
    }

    /**
     * A full-width comma, point or sign in a number ({@code 15，668，625}, {@code 12．9}, a Chinese input method's in
     * full-width mode): named, with the number to type. A full-width digit is {@link #otherDigit}'s.
     */
    private static Said fullWidthInNumber(String v) {
        int i = HalfWidth.first(v, false);
        if (i < 0) {
            return null;
        }
        String typed = HalfWidth.toAscii(v);
        Object[] where = {"value", v, "character", TextRules.named(v.codePointAt(i)), "at", String.valueOf(v.codePointCount(0, i) + 1)};
        if (PLAIN_NUMBER.matcher(typed).matches()) {
            return Said.of("full_width_in_number", where).and("ascii", HalfWidth.ascii(v.codePointAt(i)), "typed", typed);
        }
        if (GROUPED.matcher(typed).matches()) {
            return Said.of("full_width_separator", where).and("plain", typed.replaceAll("[ ,\u00a0\u202f'’]", ""));
        }
        Said damage = numberDamage(typed);
        return Said.of("full_width_other", where).and("then", damage == null ? "" : Said.of("then", "damage", damage));
    }

    /**
     * A hint for a line with more cells than its header because an unquoted comma split a number: thousands separators
     * ({@code GB,...,15,668,625,...}: the extra cells are groups of three digits after a number column's digits) or, one
     * cell too many in a column of decimal numbers, a decimal comma ({@code AF,4,4}); null when no such cells are there.
     */
    static Said numberSplit(String[] cells, int headerCells, IntPredicate numberColumn, IntPredicate decimalColumn) {
        int extra = cells.length - headerCells;
        if (extra < 1) {
            return null;
        }
        Said decimal = decimalCommaSplit(cells, headerCells, decimalColumn);
        for (int i = 0; i + extra < cells.length; i++) {
            String first = cells[i].strip();
            if (!numberColumn.test(i) || !first.matches("-?\\d+")) {
                continue;
            }
            StringBuilder shown = new StringBuilder(first);
            StringBuilder plain = new StringBuilder(first);
            for (int j = 1; j <= extra && shown != null; j++) {
                String group = cells[i + j].strip();
                if (group.matches(j == extra ? "\\d{3}(\\.\\d+)?" : "\\d{3}")) {
                    shown.append(',').append(group);
                    plain.append(group);
                } else {
                    shown = null;
                }
            }
            if (shown != null && (decimal == null || first.matches("-?\\d{1,3}"))) {
                return Said.of("split_thousands", "shown", shown.toString(), "where", cells(i, extra), "plain", plain.toString(),
                        "or", decimal == null ? null : Said.of("or_decimal", "number", first + "." + cells[i + 1].strip()));
            }
        }
        return decimal;
    }

    /** Cells i+1 to i+extra+1, counted from 1 as a spreadsheet's columns are. */
    private static Said cells(int i, int extra) {
        return Said.of(extra == 1 ? "cells_and" : "cells_to", "from", String.valueOf(i + 1), "to", String.valueOf(i + extra + 1));
    }

    /** The text column that an unquoted comma split, and what to say of it. */
    record TextComma(String column, Said hint) {
    }

    /**
     * For a line with more cells than its header and no number to explain it ({@link #numberSplit}): the text column
     * (a label or title of one language) whose text, typed with a comma and no quotes, makes up the extra cells. Taken
     * when the cells after it then line up (each number column holds a number) and every piece is of the column's
     * language ({@link LanguageRules}), so the Chinese label before an English one is not blamed; null otherwise. A
     * piece of a Chinese text holds a Han character (Chinese is typed with the full-width comma, which splits no cell),
     * and where two columns could hold the comma, the one typed as English is (a space after it: "Governing Body, the"),
     * so the fix said does not move English into the Chinese label (tester66 case 37).
     */
    static TextComma textComma(String[] cells, int headerCells, java.util.function.IntFunction<Field> fieldAt) {
        int extra = cells.length - headerCells;
        TextComma first = null;
        for (int i = 0; extra > 0 && i < headerCells; i++) {
            Field f = fieldAt.apply(i);
            if (f == null || f.language() == null || f.pattern() != null || !numbersLineUp(cells, i, extra, fieldAt)) {
                continue;
            }
            String[] pieces = java.util.Arrays.copyOfRange(cells, i, i + extra + 1);
            if (java.util.Arrays.stream(pieces).anyMatch(p -> p.isBlank()
                    || LanguageRules.problem(p.strip(), f.language()) != null
                    || "zh".equals(f.language()) && p.codePoints().noneMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN))) {
                continue;
            }
            TextComma found = new TextComma(f.name(), Said.of("split_text", "where", cells(i, extra), "text",
                    String.join(",", pieces).strip()));
            boolean typedAsEnglish = java.util.Arrays.stream(pieces, 1, pieces.length).allMatch(p -> p.startsWith(" "));
            if (typedAsEnglish) {
                return found;
            }
            first = first == null ? found : first;
        }
        return first;
    }

    /** Whether each number column holds a number (or nothing) once cells i to i+extra are taken for one. */
    private static boolean numbersLineUp(String[] cells, int i, int extra, java.util.function.IntFunction<Field> fieldAt) {
        for (int k = 0; k + extra < cells.length; k++) {
            Field g = fieldAt.apply(k);
            String c = cells[k <= i ? k : k + extra].strip();
            if (k != i && g != null && g.numeric() && !c.isEmpty() && !PLAIN_NUMBER.matcher(c).matches()) {
                return false;
            }
        }
        return true;
    }

    /**
     * A hint for a line with fewer cells than its header because its cells are separated by full-width commas
     * ({@code AS，12.9}, U+FF0C, as a Chinese input method types): null when the full-width commas do not make up the
     * missing cells.
     */
    static Said fullWidthSeparator(String[] cells, int headerCells) {
        int found = 0;
        String where = null;
        for (String c : cells) {
            int n = (int) c.chars().filter(ch -> ch == FULLWIDTH_COMMA).count();
            found += n;
            where = where == null && n > 0 ? c.strip() : where;
        }
        if (found == 0 || cells.length + found != headerCells) {
            return null;
        }
        return Said.of("full_width_cells", "character", TextRules.named(FULLWIDTH_COMMA), "shown",
                where.length() > 40 ? where.substring(0, 40) + "…" : where);
    }

    /**
     * A hint for a line with more cells than its header: with exactly one too many, a decimal comma left unquoted
     * ({@code AF,4,4} for 4,4) splits a number into two cells of digits, the first in a column of decimal numbers;
     * null when no such pair is there.
     */
    private static Said decimalCommaSplit(String[] cells, int headerCells, IntPredicate decimalColumn) {
        if (cells.length != headerCells + 1) {
            return null;
        }
        for (int i = 0; i + 1 < cells.length; i++) {
            if (!decimalColumn.test(i)) {
                continue;
            }
            String a = cells[i].strip();
            String b = cells[i + 1].strip();
            if (a.matches("-?\\d+") && DIGITS.matcher(b).matches()) {
                return Said.of("split_decimal", "shown", a + "," + b, "where", cells(i, 1), "point", a + "." + b);
            }
        }
        return null;
    }

    /**
     * Scientific notation, as Excel shows a long number in a narrow column and saves it so: with decimals in it
     * (2.16E+07) the digits after them are lost; without (1e3) it stands for a number that may be whole. The fix is the
     * column's format: Number with the decimals it takes ({@code decimals}, null: any), or Text for a {@code code}.
     */
    private static Said scientific(String v, Integer decimals, boolean code) {
        if (!SCIENTIFIC.matcher(v).matches()) {
            return null;
        }
        int e = Math.max(v.indexOf('e'), v.indexOf('E'));
        String mantissa = v.substring(0, e);
        // The number it stands for, unless its exponent is long enough to make that a page of zeros.
        String plain = v.length() - e > 4 ? null : new java.math.BigDecimal(v).toPlainString();
        Said format = code ? Said.of("format.text_code") : Said.of("format.number", "decimals", decimals == null
                ? Said.of("decimals.needed") : decimals == 0 ? Said.of("decimals.none")
                : Said.of(decimals == 1 ? "decimals.one" : "decimals.many", "count", String.valueOf(decimals)));
        return mantissa.contains(".") ? Said.of("scientific_lost", "value", v, "mantissa", mantissa, "format", format)
                : plain != null ? Said.of("scientific_for", "value", v, "plain", plain, "format", format)
                : Said.of("scientific", "value", v, "format", format);
    }

    /**
     * A date Excel made of the value, with the period to write instead when the pattern tells which, or for a biennium
     * column the biennium starting in the date's (even) year.
     */
    private static Said date(String v, Pattern pattern, boolean biennium) {
        String period = null;
        String day = null;
        Matcher m = MONTH_YEAR.matcher(v);
        if (m.matches()) {
            int month = month(v.substring(0, 3));
            String y = m.group(2);
            period = (y.length() == 2 ? "20" + y : y) + "-" + String.format("%02d", month);
        } else if ((m = YEAR_FIRST.matcher(v)).matches()) {
            String mm = m.group(2) != null ? m.group(2) : m.group(4) != null ? m.group(4) : m.group(5);
            period = m.group(1) + "-" + String.format("%02d", Integer.parseInt(mm));
            String dd = m.group(3) != null ? m.group(3) : m.group(6);
            day = dd == null ? null : period + "-" + String.format("%02d", Integer.parseInt(dd));
        } else if (!DAY_MONTH.matcher(v).matches() && !DAY_FIRST.matcher(v).matches()) {
            return null;
        }
        Said write;
        if (biennium) {
            int year = period == null ? 1 : Integer.parseInt(period.substring(0, 4));
            write = year % 2 == 0 ? Said.of("fix.biennium", "biennium", year + "-" + String.format("%02d", (year + 1) % 100))
                    : Said.of("fix.biennium_form");
        } else {
            write = writeInstead(pattern, period, day);
        }
        return Said.of("excel_date", "value", v, "write", write);
    }

    /**
     * The value to write when the date tells it unambiguously (year first) and the column takes that form; else the form
     * the column's pattern takes (01/02/2021 may be either day or month first, so it is not guessed).
     */
    private static Said writeInstead(Pattern pattern, String period, String day) {
        if (pattern == null) {
            return Said.of("fix.type_value_again");
        }
        for (String candidate : new String[] {day, period}) {
            if (candidate != null && pattern.matcher(candidate).matches()) {
                return Said.of("fix.write", "value", candidate);
            }
        }
        for (String[] form : DATE_FORMS) {
            if (pattern.matcher(form[0]).matches()) {
                return Said.of("fix.type_as", "form", form[1]);
            }
        }
        return Said.of("fix.type_value_again");
    }

    private static int month(String abbreviation) {
        return switch (abbreviation.toLowerCase(Locale.ROOT)) {
            case "jan" -> 1;
            case "feb" -> 2;
            case "mar" -> 3;
            case "apr" -> 4;
            case "may" -> 5;
            case "jun" -> 6;
            case "jul" -> 7;
            case "aug" -> 8;
            case "sep" -> 9;
            case "oct" -> 10;
            case "nov" -> 11;
            default -> 12;
        };
    }

    /**
     * Why the header row is not comma-separated, when it is separated by semicolons (Excel where the list separator
     * is ';') or tabs (Excel's Text (Tab delimited) and Unicode Text); else null.
     */
    static Said separator(String[] header, int expectedColumns) {
        if (header.length >= expectedColumns) {
            return null;
        }
        String joined = String.join(",", header);
        if (joined.indexOf(';') >= 0 && joined.split(";").length >= expectedColumns) {
            return Said.of("separated_semicolons");
        }
        if (joined.indexOf(FULLWIDTH_COMMA) >= 0 && joined.split("[,\uFF0C]").length >= expectedColumns) {
            return Said.of("separated_full_width", "character", TextRules.named(FULLWIDTH_COMMA));
        }
        if (joined.indexOf('\t') >= 0) {
            return Said.of("separated_tabs", "fix", SAVE_AS_UTF8);
        }
        return null;
    }

    /**
     * The code page a file that is not UTF-8 was probably saved in: GBK (Chinese Windows) when every non-ASCII byte
     * pairs into a GB2312 character, else windows-1252 (Western Windows).
     */
    static Said likelyCodePage(byte[] bytes, int from) {
        boolean sawPair = false;
        for (int i = from; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                continue;
            }
            int next = i + 1 < bytes.length ? bytes[i + 1] & 0xFF : 0;
            if (b >= 0xA1 && b <= 0xFE && next >= 0xA1 && next <= 0xFE) {
                sawPair = true;
                i++;
            } else {
                return Said.of("code_page.windows_1252");
            }
        }
        return Said.of(sawPair ? "code_page.gbk" : "code_page.windows_1252");
    }
}
