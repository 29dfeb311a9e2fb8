package org.pbannex.render;

import java.math.BigDecimal;
import java.util.Map;
import org.pbannex.table.Language;
import org.pbannex.table.Text;
import org.pbannex.table.ValueKind;

/**
 * Numbers as printed text: the zh edition groups thousands with a space (25 073 643), the en edition with a
 * comma (25,073,643); work as "years / months"; percentages and millions with one decimal.
 */
public final class NumberText {

    /** The en dash printed for a zero amount where the table prints zeros so. */
    public static final String DASH = "\u2013";

    /** Between the years and the months of a work-years figure ("27 / 1"). */
    public static final String YEARS_MONTHS = " / ";

    /** A figure written plainly: a minus sign, digits not grouped, a decimal point ("-1234567.89"). */
    private static final String PLAIN = "-?\\d{1,18}(\\.\\d+)?";

    private NumberText() {
    }

    public static String format(Object value, ValueKind kind, Language language) {
        if (value == null) {
            return "";
        }
        return switch (kind) {
            case AMOUNT, COUNT -> grouped(((Number) value).longValue(), language);
            case AMOUNT_OR_DASH -> ((Number) value).longValue() == 0 ? DASH : grouped(((Number) value).longValue(), language);
            case YEARS_MONTHS -> {
                long months = ((Number) value).longValue();
                yield grouped(months / 12, language) + YEARS_MONTHS + months % 12;
            }
            case PERCENT -> ((BigDecimal) value).setScale(1, java.math.RoundingMode.UNNECESSARY).toPlainString();
            // Grouped as the amounts are once a sum reaches 1 000 million (tester66 case 48: "5168.7" beside "774,238,406").
            case MILLIONS -> grouped(((BigDecimal) value).setScale(1, java.math.RoundingMode.UNNECESSARY).toPlainString(), language);
            case TEXT -> value instanceof Text t ? t.in(language) : value.toString();
        };
    }

    /**
     * A figure as a screen reader should hear it, where its printed text would be heard otherwise: the digits not
     * grouped (a synthesizer reads the zh edition's "50 229 701" as three numbers, 五十 / 二百二十九 / 七百零一), a minus
     * in words (words.minus, "负{n}", "minus {n}": "-157 178" lost its sign and was split in two) and a work-years figure
     * with its units (words.years_months, "{years} work-years {months} months"; years_months_one for one month:
     * "27 / 1" was heard "twenty seven slash one"). The same for both editions, whose en figures' commas are read well
     * but not their minus. Empty for a text or no figure.
     */
    public static String heard(Object value, ValueKind kind, Map<String, String> words) {
        if (value == null || kind == ValueKind.TEXT) {
            return "";
        }
        if (kind == ValueKind.YEARS_MONTHS) {
            long months = ((Number) value).longValue();
            String said = words.get(Math.abs(months) % 12 == 1 ? "years_months_one" : "years_months")
                    .replace("{years}", Long.toString(Math.abs(months) / 12)).replace("{months}", Long.toString(Math.abs(months) % 12));
            return months < 0 ? words.get("minus").replace("{n}", said) : said;
        }
        return heard(plain(value, kind), words);
    }

    /**
     * A figure written plainly ("-1234567.89", as {@link #plain} and the tidy CSVs write it) as a screen reader should
     * hear it: its digits not grouped, a minus in words (words.minus: "minus 1234567.89", "负1234567.89"). Empty for
     * anything else. The run's report says its figures so too.
     */
    public static String heard(String plain, Map<String, String> words) {
        if (!plain.matches(PLAIN)) {
            return "";
        }
        return plain.startsWith("-") ? words.get("minus").replace("{n}", plain.substring(1)) : plain;
    }

    /**
     * A figure as the tidy CSVs write it, for a copy of the printed figure that a spreadsheet takes as one number: its
     * digits not grouped, a minus sign, its decimal ("50267588", "-157178", "5168.7"; the PDF's ActualText). Empty for
     * a text, a work-years figure (printed "27 / 1", no number to group) or no figure.
     */
    public static String plain(Object value, ValueKind kind) {
        if (value == null || kind == ValueKind.TEXT || kind == ValueKind.YEARS_MONTHS) {
            return "";
        }
        return kind == ValueKind.PERCENT || kind == ValueKind.MILLIONS
                ? ((BigDecimal) value).setScale(1, java.math.RoundingMode.UNNECESSARY).toPlainString()
                : Long.toString(((Number) value).longValue());
    }

    /**
     * A figure written plainly ("15668625", "-1234567.89", as the tidy CSVs hold them) grouped as the edition groups
     * amounts, its decimals kept ("15 668 625", "-1,234,567.89"); anything else as it is.
     */
    public static String grouped(String plain, Language language) {
        if (!plain.matches(PLAIN)) {
            return plain;
        }
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        // "-0.50" keeps its sign, which the whole part alone (0) would lose.
        return (whole.startsWith("-") ? "-" : "") + grouped(Math.abs(Long.parseLong(whole)), language)
                + (dot < 0 ? "" : plain.substring(dot));
    }

    public static String grouped(long n, Language language) {
        String digits = Long.toString(Math.abs(n));
        char sep = language == Language.ZH ? ' ' : ',';
        StringBuilder out = new StringBuilder();
        int lead = digits.length() % 3;
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (i - lead) % 3 == 0) {
                out.append(sep);
            }
            out.append(digits.charAt(i));
        }
        return (n < 0 ? "-" : "") + out;
    }
}
