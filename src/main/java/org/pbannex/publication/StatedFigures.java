package org.pbannex.publication;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pbannex.ingest.InputError;
import org.pbannex.ingest.Record;
import org.pbannex.ingest.Said;
import org.pbannex.table.Row;
import org.pbannex.table.RowType;
import org.pbannex.table.Table;

/**
 * The whole figures a documented difference's explanation states ("Annex 4 gives US$43,061,376 for outcome 8", "43 061
 * 376 美元") are figures of the run: each is a cell of its tables or a column's sum over the rows of one kind. The explanation is
 * typed text: an input changed since would otherwise publish a note contradicting the tables beside it, every check
 * passing (tester66 case 51). Figures with decimals (43.1, rounded) are not read: only grouped whole numbers are.
 */
final class StatedFigures {

    /** A whole number grouped by thousands, with a comma, a space or a narrow or no-break space. */
    private static final Pattern GROUPED = Pattern.compile("(?<![\\d.,])\\d{1,3}(?:[, \u00a0\u202f]\\d{3})+(?![\\d]|[.,]\\d)");

    private final Set<BigDecimal> figures = new HashSet<>();

    /** The whole figures of {@code tables}: every numeric cell, and every column's sum over its item rows. */
    StatedFigures(Collection<Table> tables) {
        for (Table t : tables) {
            for (var c : t.columns()) {
                // A column's sum over the rows of each kind: its items, or its subtotals (annex 4's outcomes over slices).
                java.util.Map<RowType, BigDecimal> sums = new java.util.EnumMap<>(RowType.class);
                for (Row r : t.rows()) {
                    BigDecimal n = r.figure(c.key());
                    if (n != null) {
                        figures.add(n.stripTrailingZeros());
                        sums.merge(r.type(), n, BigDecimal::add);
                    }
                }
                sums.values().forEach(sum -> figures.add(sum.stripTrailingZeros()));
            }
        }
    }

    /** Refuses the explanation in {@code column} of {@code r} when it states a grouped figure no table holds. */
    void check(Record r, String column) {
        Matcher m = GROUPED.matcher(r.text(column));
        while (m.find()) {
            BigDecimal stated = new BigDecimal(m.group().replaceAll("[, \u00a0\u202f]", ""));
            if (!figures.contains(stated.stripTrailingZeros())) {
                throw new InputError(r.file(), r.line(), column, Said.of("difference_figure", "figure", m.group()));
            }
        }
    }
}
