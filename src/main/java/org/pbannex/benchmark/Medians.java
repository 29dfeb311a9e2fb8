package org.pbannex.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Medians and spreads of a benchmark's figures: one run, or one run's ratio to its peer's, is not a measurement. */
final class Medians {

    private Medians() {
    }

    /** The median (the mean of the middle two for an even count); NaN for none. */
    static double of(List<Double> values) {
        List<Double> v = values.stream().sorted().toList();
        int n = v.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }

    /** "0.83 x (0.78-0.90)": the median of pair ratios a[i] / b[i] and their range. */
    static String ratios(List<Double> a, List<Double> b) {
        List<Double> r = new ArrayList<>();
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            r.add(a.get(i) / b.get(i));
        }
        return String.format(Locale.ROOT, "%.2f x (%.2f-%.2f)", of(r), r.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
                r.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN));
    }
}
