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
        String plain = switch (kind) {
            case YEARS_MONTHS -> {
                long months = Math.abs(((Number) value).longValue());
                yield words.get(months % 12 == 1 ? "years_months_one" : "years_months")
                        .replace("{years}", Long.toString(months / 12)).replace("{months}", Long.toString(months % 12));
            }
            case PERCENT, MILLIONS -> ((BigDecimal) value).setScale(1, java.math.RoundingMode.UNNECESSARY).abs().toPlainString();
            default -> Long.toString(Math.abs(((Number) value).longValue()));
        };
        boolean negative = value instanceof BigDecimal d ? d.signum() < 0 : ((Number) value).longValue() < 0;
        return negative ? words.get("minus").replace("{n}", plain) : plain;
    }

    /**
     * A figure written plainly ("15668625", "-1234567.89", as the tidy CSVs hold them) grouped as the edition groups
     * amounts, its decimals kept ("15 668 625", "-1,234,567.89"); anything else as it is.
     */
    public static String grouped(String plain, Language language) {
        if (!plain.matches("-?\\d{1,18}(\\.\\d+)?")) {
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
