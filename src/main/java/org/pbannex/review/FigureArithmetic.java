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
 * dollars); where no sum does, such a combination as a percentage of another, rounded half-up to the figure's decimals
 * (annex 2's programme change in per cent: staff_costs + non_staff_costs - budget_previous, over budget_previous); and
 * where neither does, such a combination as a percentage of its total over the whole input files (annex 2's share of
 * the total: a unit's recosted budget over every unit's). A column is computed by one rule, so the rule is the one most
 * rows agree on: a unit whose programme change is zero has a constant budget equal to its previous budget, but the
 * column's rule is staff_costs plus non_staff_costs, which every row obeys. At least {@value #AGREEING} rows, and half
 * of those with a figure, must agree; of rules agreeing in as many rows the one of fewest fields wins, then the one
 * whose exact values round from nearer (percentages), and two still equal is no answer.
 */
final class FigureArithmetic {

    /** The most fields a figure is searched as the sum or difference of. */
    static final int MOST = 4;
    /** The fewest rows that must agree on a rule. */
    static final int AGREEING = 3;
    private static final int MAX_FIELDS = 32; // C(32, 4) x 16 sums at most, screened in doubles
    private static final int MAX_FIELDS_FOR_RATIOS = 12; // (C(12, 3) x 8 + ...) x (12 + C(12, 2)) ratios at most
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** One row's published figure and its records' fields, each summed over them (resource.field). */
    record Observation(BigDecimal published, boolean inMillions, Map<String, BigDecimal> sums) {
    }

    /**
     * Fields added ({@code +1}) or taken away ({@code -1}); with fields {@code per}, that as a percentage of their sum;
     * with {@code shareOf}, that as a percentage of this, the same fields' total over the whole input files.
     */
    record Formula(List<String> fields, List<Integer> signs, List<String> per, BigDecimal shareOf) {

        Formula(List<String> fields, List<Integer> signs) {
            this(fields, signs, List.of(), null);
        }

        Set<String> fieldSet() {
            Set<String> all = new LinkedHashSet<>(fields);
            all.addAll(per);
            return all;
        }

        /** Whether the rule gives this row's figure, checked exactly. */
        boolean makes(Observation row) {
            BigDecimal p = row.published();
            if (p == null) {
                return false;
            }
            BigDecimal sum = BigDecimal.ZERO;
            for (int k = 0; k < fields.size(); k++) {
                BigDecimal v = row.sums().getOrDefault(fields.get(k), BigDecimal.ZERO);
                sum = signs.get(k) > 0 ? sum.add(v) : sum.subtract(v);
            }
            int scale = Math.max(p.scale(), 0);
            if (shareOf != null) {
                return shareOf.signum() != 0 && sum.multiply(HUNDRED).divide(shareOf, scale, RoundingMode.HALF_UP).compareTo(p) == 0;
            }
            if (!per.isEmpty()) {
                BigDecimal whole = per.stream().map(f -> row.sums().getOrDefault(f, BigDecimal.ZERO))
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                return whole.signum() != 0 && sum.multiply(HUNDRED).divide(whole, scale, RoundingMode.HALF_UP).compareTo(p) == 0;
            }
            return sum.compareTo(p) == 0
                    || row.inMillions() && sum.divide(MILLION).setScale(scale, RoundingMode.HALF_UP).compareTo(p) == 0;
        }
    }

    private FigureArithmetic() {
    }

    /** The rule most rows of a column agree on; null when none qualifies. */
    static Formula commonFormula(List<Observation> rows) {
        return commonFormula(rows, Map.of());
    }

    /**
     * @param whole each field's total over the whole input files the table is built from (resource.field), for a
     *              share of the total; empty: no shares
     */
    static Formula commonFormula(List<Observation> rows, Map<String, BigDecimal> whole) {
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
        for (int r = 0; r < valued.size(); r++) {
            for (int f = 0; f < names.size(); f++) {
                values[r][f] = valued.get(r).sums().getOrDefault(names.get(f), BigDecimal.ZERO).doubleValue();
            }
        }
        // Each row's figure as is, in the fields' unit (millions times a million) and how near a rounded one may be.
        double[] plain = new double[valued.size()];
        double[] scaled = new double[valued.size()];
        double[] near = new double[valued.size()];
        double[] half = new double[valued.size()];
        for (int r = 0; r < valued.size(); r++) {
            Observation o = valued.get(r);
            plain[r] = o.published().doubleValue();
            half[r] = 0.5 * Math.pow(10, -Math.max(o.published().scale(), 0));
            scaled[r] = o.inMillions() ? plain[r] * 1_000_000 : plain[r];
            near[r] = o.inMillions() ? half[r] * 1_000_000 + 1e-3 : 1e-6;
        }
        Best sums = new Best();
        Term.each(names.size(), MOST, true, t -> {
            int n = 0;
            for (int r = 0; r < plain.length; r++) {
                double v = t.at(values[r]);
                n += Math.abs(v - scaled[r]) <= near[r] || Math.abs(v - plain[r]) <= 1e-6 ? 1 : 0;
            }
                sums.offer(n, t.fields().length, t, null, 0);
        });
        Formula rule = sums.formula(names, valued, null);
        if (rule != null || names.size() > MAX_FIELDS_FOR_RATIOS) {
            return rule;
        }
        Best ratios = new Best();
        List<double[]> bases = new ArrayList<>();
        List<Term> denominators = Term.all(names.size(), 2, false);
        for (Term d : denominators) {
            bases.add(d.of(values));
        }
        for (Term t : Term.all(names.size(), 3, true)) {
            double[] part = t.of(values);
            for (int d = 0; d < denominators.size(); d++) {
                double[] base = bases.get(d);
                int n = 0;
                double off = 0;
                for (int r = 0; r < plain.length; r++) {
                    double gap = base[r] == 0 ? Double.MAX_VALUE : Math.abs(100 * part[r] / base[r] - plain[r]);
                    if (gap <= half[r] + 1e-9) {
                        n++;
                        off += gap;
                    }
                }
                ratios.offer(n, t.fields().length + denominators.get(d).fields().length, t, denominators.get(d), off);
            }
        }
        rule = ratios.formula(names, valued, null);
        if (rule != null || whole.isEmpty()) {
            return rule;
        }
        // A share of the total: the term over the row, as a percentage of the same term over the whole files.
        double[] totals = new double[names.size()];
        for (int f = 0; f < names.size(); f++) {
            totals[f] = whole.getOrDefault(names.get(f), BigDecimal.ZERO).doubleValue();
        }
        Best shares = new Best();
        Term.each(names.size(), 3, true, t -> {
            double total = t.at(totals);
            if (total == 0 || (t.signs() & 1) != 0) { // -a - b over -A - B is a + b over A + B: one of the two
                return;
            }
            int n = 0;
            double off = 0;
            for (int r = 0; r < plain.length; r++) {
                double gap = Math.abs(100 * t.at(values[r]) / total - plain[r]);
                if (gap <= half[r] + 1e-9) {
                    n++;
                    off += gap;
                }
            }
            shares.offer(n, t.fields().length, t, null, off);
        });
        if (shares.term == null) {
            return null;
        }
        BigDecimal shareOf = BigDecimal.ZERO;
        for (int k = 0; k < shares.term.fields().length; k++) {
            BigDecimal v = whole.getOrDefault(names.get(shares.term.fields()[k]), BigDecimal.ZERO);
            shareOf = (shares.term.signs() & 1 << k) == 0 ? shareOf.add(v) : shareOf.subtract(v);
        }
        return shares.formula(names, valued, shareOf);
    }

    /** Some fields, each added or taken away (bit k of signs set: field k taken away). */
    private record Term(int[] fields, int signs) {

        /** Every term of 1 to {@code most} of {@code n} fields, with every sign pattern when signed. */
        static List<Term> all(int n, int most, boolean signed) {
            List<Term> out = new ArrayList<>();
            each(n, most, signed, out::add);
            return out;
        }

        /** {@link #all}, one at a time (hundreds of thousands of them for 32 fields). */
        static void each(int n, int most, boolean signed, java.util.function.Consumer<Term> to) {
            for (int size = 1; size <= Math.min(most, n); size++) {
                choose(n, new int[size], 0, 0, signed, to);
            }
        }

        private static void choose(int n, int[] chosen, int depth, int from, boolean signed,
                                   java.util.function.Consumer<Term> to) {
            if (depth == chosen.length) {
                for (int signs = 0; signs < (signed ? 1 << chosen.length : 1); signs++) {
                    to.accept(new Term(chosen.clone(), signs));
                }
                return;
            }
            for (int i = from; i < n; i++) {
                chosen[depth] = i;
                choose(n, chosen, depth + 1, i + 1, signed, to);
            }
        }

        /** The term's value for each row. */
        double[] of(double[][] values) {
            double[] out = new double[values.length];
            for (int r = 0; r < values.length; r++) {
                out[r] = at(values[r]);
            }
            return out;
        }

        /** The term's value for one row's fields. */
        double at(double[] row) {
            double sum = 0;
            for (int k = 0; k < fields.length; k++) {
                sum += (signs & 1 << k) == 0 ? row[fields[k]] : -row[fields[k]];
            }
            return sum;
        }
    }

    /** The rule agreeing in the most rows, and of those the smallest; two of that count and size is no answer. */
    private static final class Best {
        Term term;
        Term per;
        int count;
        int size;
        double error;
        int ties;

        /**
         * @param off how far, in all, the rounded rows' exact values are from their figures: of two rules agreeing in as
         *            many rows, the one whose values round from nearer is the rule (a percentage with a negligible field
         *            added still rounds the same); equal, they tie
         */
        void offer(int n, int ofSize, Term t, Term over, double off) {
            boolean nearer = n == count && ofSize == size && off < error - 1e-9 * Math.max(1, error);
            if (n > count || n == count && n > 0 && ofSize < size || n > 0 && nearer) {
                term = t;
                per = over;
                count = n;
                size = ofSize;
                error = off;
                ties = 0;
            } else if (n == count && n > 0 && ofSize == size && off <= error + 1e-9 * Math.max(1, error)) {
                ties++;
            }
        }

        Formula formula(List<String> names, List<Observation> valued, BigDecimal shareOf) {
            if (term == null || ties > 0 || count < AGREEING || 2 * count < valued.size()) {
                return null;
            }
            List<String> fields = new ArrayList<>();
            List<Integer> signs = new ArrayList<>();
            for (int k = 0; k < term.fields().length; k++) {
                fields.add(names.get(term.fields()[k]));
                signs.add((term.signs() & 1 << k) == 0 ? 1 : -1);
            }
            List<String> over = new ArrayList<>();
            if (per != null) {
                for (int f : per.fields()) {
                    over.add(names.get(f));
                }
            }
            Formula formula = new Formula(fields, signs, over, shareOf);
            long exact = valued.stream().filter(formula::makes).count();
            return exact >= AGREEING && 2 * exact >= valued.size() ? formula : null;
        }
    }
}
