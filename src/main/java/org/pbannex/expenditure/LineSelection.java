package org.pbannex.expenditure;

import java.util.ArrayList;
import java.util.List;

/**
 * The expenditure lines a figure sums, as {@link ExpenditureTotals} is asked for them (null: any value; outcomes: any
 * of those listed). A table built from the lines asks for its figures by selection, and the review names the same
 * selection as a figure's source, in the lines' own column names, so that what a cell is said to sum is what it sums.
 */
public record LineSelection(String fund, String status, String region, List<String> outcomes, Integer bienniumFirstYear) {

    public LineSelection {
        outcomes = outcomes == null ? null : List.copyOf(outcomes);
    }

    /** "fund = XB, region = AF, period = 2020-01 … 2021-12": the lines' columns and values, a biennium as its months. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        add(parts, LineFormat.COLUMNS.get(LineFormat.FUND), fund);
        add(parts, LineFormat.COLUMNS.get(LineFormat.STATUS), status);
        add(parts, LineFormat.COLUMNS.get(LineFormat.REGION), region);
        if (outcomes != null && outcomes.size() == 1) {
            add(parts, LineFormat.COLUMNS.get(LineFormat.OUTCOME), outcomes.get(0));
        } else if (outcomes != null) {
            parts.add(LineFormat.COLUMNS.get(LineFormat.OUTCOME) + " in (" + String.join(", ", outcomes) + ")");
        }
        if (bienniumFirstYear != null) {
            String months = bienniumFirstYear + "-01 … " + (bienniumFirstYear + 1) + "-12";
            add(parts, LineFormat.COLUMNS.get(LineFormat.PERIOD), months);
        }
        return String.join(", ", parts);
    }

    /** The column the selected lines' figures are in (amount_usd). */
    public static String amountColumn() {
        return LineFormat.COLUMNS.get(LineFormat.AMOUNT);
    }

    private static void add(List<String> parts, String column, String value) {
        if (value != null) {
            parts.add(column + " = " + value);
        }
    }
}
