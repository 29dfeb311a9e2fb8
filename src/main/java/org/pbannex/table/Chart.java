package org.pbannex.table;

import java.util.List;

/**
 * A bar chart that goes with a table: categories along one axis, one bar series per {@link Series}. Renderers
 * draw it natively (an Excel chart in the workbook, bars in the PDF); {@code altText} describes it for readers
 * who cannot see it.
 */
public record Chart(String id, Text title, Text altText, Text valueAxis, List<Text> categories, List<Series> series) {

    public Chart {
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        for (Series s : series) {
            if (s.values().size() != categories.size()) {
                throw new IllegalArgumentException("chart " + id + ": series " + s.name().zh() + " has "
                        + s.values().size() + " values for " + categories.size() + " categories");
            }
        }
    }

    /** One series of bars, a value per category. Values are exact numbers (Long or BigDecimal). */
    public record Series(Text name, List<Number> values) {

        public Series {
            values = List.copyOf(values);
        }
    }

    public double max() {
        return series.stream().flatMap(s -> s.values().stream()).mapToDouble(Number::doubleValue).max().orElse(0);
    }
}
