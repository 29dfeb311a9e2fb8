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
import org.pbannex.reference.Biennium;

/**
 * Writes a synthetic expenditure-line file in the contract's format: the same rows, seed and controls always give
 * the same bytes. With control totals (fund, biennium, outcome in US$) the amounts of each controlled cell are scaled
 * so that they add up to the control exactly, in cents. It also keeps its own sums, worked out as it writes, so a test
 * can compare the ingest's totals with figures that never went through the parser.
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
     * ledgers write them: each line's number is spread over 10^15 by a fixed permutation, so ids stay unique.
     */
    public ExpenditureGenerator withRandomIds(boolean random) {
        this.randomIds = random;
        return this;
    }

    // x -> (x * 3^18 + c) mod 10^15 is a permutation of 0 .. 10^15 - 1 (3^18 shares no factor with 10^15).
    private static String randomId(long i) {
        long x = Math.floorMod(Math.multiplyExact(i, 387_420_489L) + 123_456_789_012_345L, 1_000_000_000_000_000L);
        return "D" + String.format("%015d", x);
    }

    public ExpenditureGenerator(Dimensions dims, List<Biennium> bienniums, List<Control> controls) {
        this.dims = dims;
        this.bienniums = List.copyOf(bienniums);
        this.controls = List.copyOf(controls);
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
            os.write((LineFormat.HEADER + "\n").getBytes(StandardCharsets.US_ASCII));
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
        int region = r.nextInt(dims.regions().size());
        boolean global = dims.regions().get(region).equals("GL");
        int country = global || r.nextInt(10) == 0 ? -1 : r.nextInt(dims.countries().size());
        int unit = r.nextInt(dims.units().size());
        int outcome = r.nextInt(dims.outcomes().size());
        int object = r.nextInt(dims.objects().size());
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
