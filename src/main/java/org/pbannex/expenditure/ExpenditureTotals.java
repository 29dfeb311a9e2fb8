package org.pbannex.expenditure;

import java.util.List;

/**
 * Exact sums of expenditure lines, in integer cents, with line counts, by fund, status, region, outcome and
 * biennium: a dense cube (a few tens of thousands of cells), so adding a line is an index computation, and two
 * cubes from two threads merge cell by cell.
 */
public final class ExpenditureTotals {

    /** The first year a period may have; bienniums start in even years from here. */
    public static final int FIRST_YEAR = 2000;
    public static final int BIENNIUMS = 50;
    public static final List<String> FUNDS = List.of("RB", "XB", "RBSA");
    public static final List<String> STATUSES = List.of("ACTUAL", "ESTIMATE");

    private final List<String> regions;
    private final List<String> outcomes;
    private final long[] cents;
    private final long[] lines;

    public ExpenditureTotals(List<String> regions, List<String> outcomes) {
        this.regions = List.copyOf(regions);
        this.outcomes = List.copyOf(outcomes);
        int size = FUNDS.size() * STATUSES.size() * regions.size() * outcomes.size() * BIENNIUMS;
        this.cents = new long[size];
        this.lines = new long[size];
    }

    int cell(int fund, int status, int region, int outcome, int biennium) {
        return (((fund * STATUSES.size() + status) * regions.size() + region) * outcomes.size() + outcome) * BIENNIUMS + biennium;
    }

    void add(int cell, long amountCents) {
        cents[cell] += amountCents;
        lines[cell]++;
    }

    void subtract(int cell, long amountCents) {
        cents[cell] -= amountCents;
        lines[cell]--;
    }

    void addAll(ExpenditureTotals other) {
        for (int i = 0; i < cents.length; i++) {
            cents[i] += other.cents[i];
            lines[i] += other.lines[i];
        }
    }

    /** The sum in cents over every cell that matches; a null argument matches all. */
    public long cents(String fund, String status, String region, String outcome, Integer bienniumFirstYear) {
        long sum = 0;
        for (Cell c : matching(fund, status, region, outcome, bienniumFirstYear)) {
            sum += cents[c.index()];
        }
        return sum;
    }

    public long lines(String fund, String status, String region, String outcome, Integer bienniumFirstYear) {
        long sum = 0;
        for (Cell c : matching(fund, status, region, outcome, bienniumFirstYear)) {
            sum += lines[c.index()];
        }
        return sum;
    }

    public long totalLines() {
        long n = 0;
        for (long l : lines) {
            n += l;
        }
        return n;
    }

    public long totalCents() {
        long n = 0;
        for (long c : cents) {
            n += c;
        }
        return n;
    }

    /** The first years of the bienniums that have at least one line, in order. */
    public List<Integer> bienniums() {
        List<Integer> out = new java.util.ArrayList<>();
        for (int b = 0; b < BIENNIUMS; b++) {
            int year = FIRST_YEAR + 2 * b;
            if (lines(null, null, null, null, year) > 0) {
                out.add(year);
            }
        }
        return out;
    }

    public List<String> regions() {
        return regions;
    }

    public List<String> outcomes() {
        return outcomes;
    }

    private record Cell(int index) {
    }

    private List<Cell> matching(String fund, String status, String region, String outcome, Integer year) {
        List<Cell> out = new java.util.ArrayList<>();
        for (int f = 0; f < FUNDS.size(); f++) {
            if (fund != null && !FUNDS.get(f).equals(fund)) {
                continue;
            }
            for (int s = 0; s < STATUSES.size(); s++) {
                if (status != null && !STATUSES.get(s).equals(status)) {
                    continue;
                }
                for (int r = 0; r < regions.size(); r++) {
                    if (region != null && !regions.get(r).equals(region)) {
                        continue;
                    }
                    for (int o = 0; o < outcomes.size(); o++) {
                        if (outcome != null && !outcomes.get(o).equals(outcome)) {
                            continue;
                        }
                        for (int b = 0; b < BIENNIUMS; b++) {
                            if (year == null || FIRST_YEAR + 2 * b == year) {
                                out.add(new Cell(cell(f, s, r, o, b)));
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Cell-by-cell equality: two engines gave the same answer. */
    public boolean sameAs(ExpenditureTotals other) {
        return regions.equals(other.regions) && outcomes.equals(other.outcomes) && java.util.Arrays.equals(cents, other.cents)
                && java.util.Arrays.equals(lines, other.lines);
    }

    /** Adds a sum found by another engine (SQL GROUP BY) to its cell. */
    public void put(String fund, String status, String region, String outcome, int bienniumFirstYear, long sumCents, long count) {
        int c = cell(FUNDS.indexOf(fund), STATUSES.indexOf(status), regions.indexOf(region), outcomes.indexOf(outcome),
                (bienniumFirstYear - FIRST_YEAR) / 2);
        cents[c] += sumCents;
        lines[c] += count;
    }
}
