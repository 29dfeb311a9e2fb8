package org.pbannex.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which input fields the figures of a column are made of, found by arithmetic: the combination of fields, each summed
 * over a row's records and added or taken away, that gives the published figure in the most rows of the column
 * (exactly, or, in a column of millions, in millions rounded half-up to the figure's decimals: Table 2's 631.2 from
 * dollars). A column is computed by one rule, so the rule is the one most rows agree on: a unit whose programme
 * change is zero has a constant budget equal to its previous budget, but the column's rule is staff_costs plus
 * non_staff_costs, which every row obeys. At least {@value #AGREEING} rows, and half of those with a figure, must agree;
 * of rules agreeing in as many rows the one of fewest fields wins, and two such is no answer.
 */
final class FigureArithmetic {

    /** The most fields a figure is searched as the sum or difference of. */
    static final int MOST = 4;
    /** The fewest rows that must agree on a rule. */
    static final int AGREEING = 3;
    private static final int MAX_FIELDS = 32; // C(32, 4) x 16 combinations at most, screened in doubles
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    /** One row's published figure and its records' fields, each summed over them (resource.field). */
    record Observation(BigDecimal published, boolean inMillions, Map<String, BigDecimal> sums) {
    }

    /** Fields added ({@code +1}) or taken away ({@code -1}). */
    record Formula(List<String> fields, List<Integer> signs) {

        Set<String> fieldSet() {
            return new LinkedHashSet<>(fields);
        }

        /** Whether the rule gives this row's figure, checked exactly. */
        boolean makes(Observation row) {
            if (row.published() == null) {
                return false;
            }
            BigDecimal sum = BigDecimal.ZERO;
            for (int k = 0; k < fields.size(); k++) {
                BigDecimal v = row.sums().getOrDefault(fields.get(k), BigDecimal.ZERO);
                sum = signs.get(k) > 0 ? sum.add(v) : sum.subtract(v);
            }
            return sum.compareTo(row.published()) == 0 || row.inMillions()
                    && sum.divide(MILLION).setScale(Math.max(row.published().scale(), 0), RoundingMode.HALF_UP)
                    .compareTo(row.published()) == 0;
        }
    }

    private FigureArithmetic() {
    }

    /** The rule most rows of a column agree on; null when none qualifies. */
    static Formula commonFormula(List<Observation> rows) {
        List<String> names = new ArrayList<>();
        for (Observation o : rows) {
            o.sums().forEach((name, sum) -> {
                if (sum.signum() != 0 && !names.contains(name)) {
                    names.add(name);
                }
            });
        }
        List<Observation> valued = rows.stream().filter(o -> o.published() != null).toList();
        if (names.isEmpty() || names.size() > MAX_FIELDS || valued.size() < AGREEING) {
            return null;
        }
        // Screened in doubles (the sums of a budget are exact in them); the rule found is then checked exactly.
        double[][] values = new double[valued.size()][names.size()];
        double[] targets = new double[valued.size()];
        double[] tolerance = new double[valued.size()];
        for (int r = 0; r < valued.size(); r++) {
            Observation o = valued.get(r);
            for (int f = 0; f < names.size(); f++) {
                values[r][f] = o.sums().getOrDefault(names.get(f), BigDecimal.ZERO).doubleValue();
            }
            targets[r] = o.published().doubleValue();
            tolerance[r] = o.inMillions() ? 0.5 * Math.pow(10, -Math.max(o.published().scale(), 0)) * 1_000_000 + 1e-3 : 1e-6;
            if (o.inMillions()) {
                targets[r] *= 1_000_000;
            }
        }
        Search s = new Search(values, targets, tolerance, valued);
        for (int size = 1; size <= Math.min(MOST, names.size()); size++) {
            s.choose(new int[size], 0, 0);
        }
        if (s.best == null || s.bestTies > 0 || s.bestCount < AGREEING || 2 * s.bestCount < valued.size()) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        List<Integer> signs = new ArrayList<>();
        for (int k = 0; k < s.best.length; k++) {
            fields.add(names.get(s.best[k]));
            signs.add((s.bestSigns & 1 << k) == 0 ? 1 : -1);
        }
        Formula formula = new Formula(fields, signs);
        long exact = valued.stream().filter(formula::makes).count();
        return exact >= AGREEING && 2 * exact >= valued.size() ? formula : null;
    }

    /** Every choice of fields and signs, counting the rows each gives; the best so far kept (smaller sizes come first). */
    private static final class Search {
        final double[][] values;
        final double[] targets;
        final double[] tolerance;
        final List<Observation> rows;
        int[] best;
        int bestSigns;
        int bestCount;
        int bestTies;

        Search(double[][] values, double[] targets, double[] tolerance, List<Observation> rows) {
            this.values = values;
            this.targets = targets;
            this.tolerance = tolerance;
            this.rows = rows;
        }

        void choose(int[] chosen, int depth, int from) {
            if (depth == chosen.length) {
                for (int signs = 0; signs < 1 << chosen.length; signs++) {
                    count(chosen, signs);
                }
                return;
            }
            for (int i = from; i < values[0].length; i++) {
                chosen[depth] = i;
                choose(chosen, depth + 1, i + 1);
            }
        }

        private void count(int[] chosen, int signs) {
            int n = 0;
            for (int r = 0; r < targets.length; r++) {
                double sum = 0;
                for (int k = 0; k < chosen.length; k++) {
                    sum += (signs & 1 << k) == 0 ? values[r][chosen[k]] : -values[r][chosen[k]];
                }
                if (Math.abs(sum - targets[r]) <= tolerance[r]) {
                    n++;
                }
            }
            if (n > bestCount) { // a larger rule must agree in more rows than a smaller one to win
                best = chosen.clone();
                bestSigns = signs;
                bestCount = n;
                bestTies = 0;
            } else if (n == bestCount && n > 0 && best != null && best.length == chosen.length) {
                bestTies++;
            }
        }
    }
}
