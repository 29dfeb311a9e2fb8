package org.pbannex.expenditure;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.pbannex.reference.Biennium;

/**
 * Writes a synthetic expenditure-line file in the contract's format: the same rows, seed and controls always give
 * the same bytes. With control totals (fund, biennium, outcome in US$) the amounts of each controlled cell are scaled
 * so that they add up to the control exactly, in cents; a fund and biennium with controls per outcome has lines for
 * those outcomes only, so that its total is theirs. A biennium without a control for a fund that has some follows the
 * trend of that fund's controlled totals (see {@link #withTrend}), so earlier biennia are in line with the controlled
 * ones instead of whatever the random amounts add up to. It also keeps its own sums, worked out as it writes, so a
 * test can compare the ingest's totals with figures that never went through the parser.
 */
public final class ExpenditureGenerator {

    /** A control total: fund, biennium (first year), outcome (null = all outcomes of the fund), exact cents. */
    public record Control(String fund, int bienniumFirstYear, String outcome, long cents) {
    }

    /** The generator's own sums: cents and lines per (fund, status, region, outcome, biennium first year). */
    public record Sums(Map<String, long[]> byKey, long lines, long cents) {

        public static String key(String fund, String status, String region, String outcome, int year) {
            return fund + "|" + status + "|" + region + "|" + outcome + "|" + year;
        }
    }

    private final Dimensions dims;
    private final List<Biennium> bienniums;
    private final List<Control> controls;
    private boolean randomIds;

    /**
     * Sparse random-looking 15-digit ids ("D483920193847561") instead of sequential ones ("L0000000001"), as some
     * ledgers write them: each line's number is spread over 10^15 by a fixed permutation, so ids stay unique, and in
     * no order, so a reader that must sort them (the sorted runs of the ingest) meets the worst case, not its best.
     */
    public ExpenditureGenerator withRandomIds(boolean random) {
        this.randomIds = random;
        return this;
    }

    private static final long ID_SPACE = 1_000_000_000_000_000L;
    // The golden ratio's share of 10^15, made odd and not a multiple of 5 (so it shares no factor with 10^15): steps
    // of it go round 10^15 visiting every number once, each id far from the one before (a Weyl sequence). An earlier
    // step, 3^18, went round only four times in 10 million lines, so a file held four ascending runs of ids.
    private static final long ID_STEP = 618_033_988_749_897L;

    /** The i-th random id: (i * ID_STEP + c) mod 10^15, multiplied by doubling so that no product passes 2^63. */
    static String randomId(long i) {
        long x = 123_456_789_012_345L;
        long step = ID_STEP;
        for (long k = Math.floorMod(i, ID_SPACE); k != 0; k >>>= 1) {
            if ((k & 1) != 0) {
                x = (x + step) % ID_SPACE;
            }
            step = (step + step) % ID_SPACE;
        }
        return "D" + String.format("%015d", x);
    }

    /** Per fund and biennium index: the outcome indices it has controls for (empty: any outcome). */
    private final int[][][] controlledOutcomes;
    /**
     * Per biennium index, the codes in force for it, as indices into the lists of {@code dims}: a line of a biennium
     * whose reference differs (its own units, its outcomes) names only codes the ingest accepts for it.
     */
    private final CodesInForce[] codesIn;

    /** Indices of the codes in force, per dimension. */
    private record CodesInForce(int[] regions, int[] countries, int[] units, int[] outcomes, int[] objects) {

        static CodesInForce of(Dimensions dims, int firstYear) {
            boolean[][] in = dims.inForceMasks(dims.inForceFor(firstYear));
            return new CodesInForce(indices(in[0]), indices(in[1]), indices(in[2]), indices(in[3]), indices(in[4]));
        }

        /** The positions of the codes in force, in the order of the lists. */
        private static int[] indices(boolean[] inForce) {
            return IntStream.range(0, inForce.length).filter(i -> inForce[i]).toArray();
        }

        /** One of them; the same draw as {@code r.nextInt(n)} when every code is in force. */
        static int pick(SplittableRandom r, int[] codes) {
            return codes[r.nextInt(codes.length)];
        }
    }

    public ExpenditureGenerator(Dimensions dims, List<Biennium> bienniums, List<Control> controls) {
        this.dims = dims;
        this.bienniums = List.copyOf(bienniums);
        this.controls = withTrend(controls, this.bienniums);
        this.codesIn = this.bienniums.stream().map(b -> CodesInForce.of(dims, b.firstYear())).toArray(CodesInForce[]::new);
        this.controlledOutcomes = new int[ExpenditureTotals.FUNDS.size()][this.bienniums.size()][];
        for (int f = 0; f < ExpenditureTotals.FUNDS.size(); f++) {
            for (int b = 0; b < this.bienniums.size(); b++) {
                String fund = ExpenditureTotals.FUNDS.get(f);
                int year = this.bienniums.get(b).firstYear();
                controlledOutcomes[f][b] = controls.stream()
                        .filter(c -> c.fund().equals(fund) && c.bienniumFirstYear() == year && c.outcome() != null)
                        .mapToInt(c -> dims.outcomes().indexOf(c.outcome())).filter(i -> i >= 0).distinct().sorted().toArray();
            }
        }
    }

    /**
     * The controls, plus one per fund for each biennium that has none: the fund's total follows the growth from its
     * earliest to its latest controlled biennium, per biennium and compounded (a fund controlled in one biennium only
     * stays at that total). 470.0 in 2020-21 and 520.0 in 2022-23 give 424.8 in 2018-19 and 384.0 in 2016-17. Funds
     * without any control are left alone. (StrictMath: the same bytes on every platform.)
     */
    static List<Control> withTrend(List<Control> controls, List<Biennium> bienniums) {
        List<Control> out = new java.util.ArrayList<>(controls);
        java.math.MathContext mc = java.math.MathContext.DECIMAL128;
        for (String fund : ExpenditureTotals.FUNDS) {
            java.util.TreeMap<Integer, Long> totals = new java.util.TreeMap<>();
            controls.stream().filter(c -> c.fund().equals(fund))
                    .forEach(c -> totals.merge(c.bienniumFirstYear(), c.cents(), Math::addExact));
            if (totals.isEmpty()) {
                continue;
            }
            int first = totals.firstKey();
            int last = totals.lastKey();
            BigDecimal growth = first == last || totals.get(first) == 0 ? BigDecimal.ONE
                    : BigDecimal.valueOf(StrictMath.pow(totals.get(last) / (double) totals.get(first), 1.0 / ((last - first) / 2.0)));
            for (Biennium b : bienniums) {
                if (totals.containsKey(b.firstYear())) {
                    continue;
                }
                int anchor = b.firstYear() < first ? first : last;
                int steps = (b.firstYear() - anchor) / 2;
                BigDecimal factor = steps >= 0 ? growth.pow(steps, mc) : BigDecimal.ONE.divide(growth.pow(-steps, mc), mc);
                long cents = BigDecimal.valueOf(totals.get(anchor)).multiply(factor, mc)
                        .setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
                out.add(new Control(fund, b.firstYear(), null, cents));
            }
        }
        return out;
    }

    /** One generated line before scaling. */
    private record Line(int biennium, int year, int month, int fund, int status, int region, int country, int unit,
                        int outcome, int object, long cents) {
    }

    public Sums write(Path out, long rows, long seed) throws IOException {
        // Pass 1: the raw sums and the last line of each controlled cell, so pass 2 can scale exactly.
        Map<Integer, long[]> raw = new HashMap<>();
        SplittableRandom r1 = new SplittableRandom(seed);
        for (long i = 0; i < rows; i++) {
            Line l = next(r1);
            int c = control(l);
            if (c >= 0) {
                long[] s = raw.computeIfAbsent(c, k -> new long[2]);
                s[0] += l.cents();
                s[1] = i;
            }
        }
        Map<Integer, long[]> scaled = new HashMap<>();
        Map<String, long[]> sums = new HashMap<>();
        long total = 0;
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        SplittableRandom r2 = new SplittableRandom(seed);
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
            // The mark first, so that the file stays synthetic under any name (SyntheticMark).
            os.write((SyntheticMark.LINE + "\n" + LineFormat.HEADER + "\n").getBytes(StandardCharsets.US_ASCII));
            StringBuilder sb = new StringBuilder(160);
            for (long i = 0; i < rows; i++) {
                Line l = next(r2);
                long cents = l.cents();
                int c = control(l);
                if (c >= 0) {
                    long[] s = raw.get(c);
                    long[] done = scaled.computeIfAbsent(c, k -> new long[1]);
                    // Scale by control / raw sum; the cell's last line takes the remainder, so the cell adds up exactly.
                    cents = s[1] == i ? controls.get(c).cents() - done[0]
                            : BigDecimal.valueOf(cents).multiply(BigDecimal.valueOf(controls.get(c).cents()))
                            .divide(BigDecimal.valueOf(s[0] == 0 ? 1 : s[0]), 0, java.math.RoundingMode.HALF_UP).longValueExact();
                    done[0] += cents;
                }
                String fund = ExpenditureTotals.FUNDS.get(l.fund());
                String status = ExpenditureTotals.STATUSES.get(l.status());
                String region = dims.regions().get(l.region());
                String outcome = dims.outcomes().get(l.outcome());
                int firstYear = bienniums.get(l.biennium()).firstYear();
                long[] sum = sums.computeIfAbsent(Sums.key(fund, status, region, outcome, firstYear), k -> new long[2]);
                sum[0] += cents;
                sum[1]++;
                total += cents;
                sb.setLength(0);
                sb.append(randomIds ? randomId(i + 1) : "L" + String.format("%010d", i + 1)).append(',')
                        .append(l.year()).append('-').append(l.month() < 10 ? "0" : "").append(l.month()).append(',')
                        .append(fund).append(',').append(status).append(',').append(region).append(',')
                        .append(l.country() < 0 ? "" : dims.countries().get(l.country())).append(',')
                        .append(dims.units().get(l.unit())).append(',').append(outcome).append(',')
                        .append(dims.objects().get(l.object())).append(',').append(amount(cents)).append('\n');
                os.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
            }
        }
        return new Sums(sums, rows, total);
    }

    private Line next(SplittableRandom r) {
        int b = r.nextInt(bienniums.size());
        int yearInBiennium = r.nextInt(2);
        int year = bienniums.get(b).firstYear() + yearInBiennium;
        int month = 1 + r.nextInt(12);
        // Past bienniums are actual; the one before the last is actual in its first year and estimated in its
        // second (the printed Figure 2's "**"); the last is estimated.
        int status = b < bienniums.size() - 2 ? 0 : b == bienniums.size() - 1 ? 1 : yearInBiennium;
        int f = r.nextInt(20);
        int fund = f < 16 ? 1 : f < 18 ? 2 : 0;
        CodesInForce codes = codesIn[b];
        int region = CodesInForce.pick(r, codes.regions());
        boolean global = dims.regions().get(region).equals("GL");
        int country = global || r.nextInt(10) == 0 ? -1 : CodesInForce.pick(r, codes.countries());
        int unit = CodesInForce.pick(r, codes.units());
        int[] controlled = controlledOutcomes[fund][b];
        int outcome = CodesInForce.pick(r, controlled.length > 0 ? controlled : codes.outcomes());
        int object = CodesInForce.pick(r, codes.objects());
        // Mostly charges of up to 50 000.00, some reversals.
        long cents = r.nextInt(50) == 0 ? -(1 + r.nextLong(50_000_00L)) : 1 + r.nextLong(5_000_000L);
        return new Line(b, year, month, fund, status, region, country, unit, outcome, object, cents);
    }

    private int control(Line l) {
        for (int i = 0; i < controls.size(); i++) {
            Control c = controls.get(i);
            if (c.fund().equals(ExpenditureTotals.FUNDS.get(l.fund())) && c.bienniumFirstYear() == bienniums.get(l.biennium()).firstYear()
                    && (c.outcome() == null || c.outcome().equals(dims.outcomes().get(l.outcome())))) {
                return i;
            }
        }
        return -1;
    }

    static String amount(long cents) {
        long abs = Math.abs(cents);
        return (cents < 0 ? "-" : "") + abs / 100 + "." + (abs % 100 < 10 ? "0" : "") + abs % 100;
    }
}
