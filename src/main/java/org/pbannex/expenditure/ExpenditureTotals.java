package org.pbannex.expenditure;

import java.util.List;

/**
 * Exact sums of expenditure lines, in integer cents, with line counts, by fund, status, region, outcome and
 * biennium, and per cell how many of its lines came from a synthetic file (so a figure is marked synthetic only where
 * synthetic lines went into it): a dense cube (a few tens of thousands of cells), so adding a line is an index computation, and two
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
    // The sizes as fields: cell() runs for every line, and under C1 a List.size() there is a call.
    private static final int STATUS_COUNT = STATUSES.size();
    private final int regionCount;
    private final int outcomeCount;
    private final long[] cents;
    private final long[] lines;
    private final long[] syntheticLines;
    // The cells' sums added up without their signs, kept within what a long holds (every change that would pass it
    // throws): any sum of cells a table, a check or a total asks for is then at most this, so none can overflow.
    private long size;

    public ExpenditureTotals(List<String> regions, List<String> outcomes) {
        this.regions = List.copyOf(regions);
        this.outcomes = List.copyOf(outcomes);
        this.regionCount = this.regions.size();
        this.outcomeCount = this.outcomes.size();
        int size = FUNDS.size() * STATUS_COUNT * regionCount * outcomeCount * BIENNIUMS;
        this.cents = new long[size];
        this.lines = new long[size];
        this.syntheticLines = new long[size];
    }

    int cell(int fund, int status, int region, int outcome, int biennium) {
        return (((fund * STATUS_COUNT + status) * regionCount + region) * outcomeCount + outcome) * BIENNIUMS + biennium;
    }

    /**
     * Adds one line; ArithmeticException (never wraps) when the cell's sum would pass what 64-bit cents hold, or the
     * cells' sums without their signs would (see {@link #overflow} for which).
     */
    void add(int cell, long amountCents) {
        set(cell, Math.addExact(cents[cell], amountCents));
        lines[cell]++;
    }

    void subtract(int cell, long amountCents) {
        set(cell, Math.subtractExact(cents[cell], amountCents));
        lines[cell]--;
    }

    private void set(int cell, long sum) {
        // |cents[cell]| <= size: the difference cannot overflow; absExact refuses Long.MIN_VALUE.
        size = Math.addExact(size - Math.abs(cents[cell]), Math.absExact(sum));
        cents[cell] = sum;
    }

    /**
     * Why a line {@link #add} refused would overflow, for its message: the cell's own sum (the cell named), or the sum
     * of every cell's without its sign, which a roll-up of cells (Figure 2's total, Table 2's) could reach.
     */
    org.pbannex.ingest.Said overflow(int cell, long amountCents) {
        boolean cellPasses = amountCents > 0 ? cents[cell] > Long.MAX_VALUE - amountCents : cents[cell] < Long.MIN_VALUE - amountCents;
        return cellPasses ? org.pbannex.ingest.Said.of("exp.sum_overflow_for", "cell", describe(cell), "result", PUBLISHED_NOTHING)
                : org.pbannex.ingest.Said.of("exp.sum_overflow", "result", PUBLISHED_NOTHING);
    }

    /**
     * What a sentence saying the sums pass what 64-bit cents hold ends with ({result}): what a run does then. A command
     * that never publishes says what it does instead ({@link #withoutPublishing}).
     */
    static final org.pbannex.ingest.Said PUBLISHED_NOTHING = org.pbannex.ingest.Said.of("exp.result.run");

    /**
     * The error as ingest-expenditure says it, which publishes nothing in any case: sums that pass what 64-bit cents hold
     * end with what it does then, no totals printed. Any other error as it is.
     */
    public static org.pbannex.ingest.InputError withoutPublishing(org.pbannex.ingest.InputError e) {
        org.pbannex.ingest.Said said = e.reasonSaid();
        if (said == null || !said.values().containsKey("result")) {
            return e;
        }
        return new org.pbannex.ingest.InputError(e.file(), e.line(), e.column(), said.and("result",
                org.pbannex.ingest.Said.of("exp.result.ingest")));
    }

    // After cells were set wholesale (a cube merged or read back): ArithmeticException when they pass the limit.
    private void resize() {
        long n = 0;
        for (long c : cents) {
            n = Math.addExact(n, Math.absExact(c));
        }
        size = n;
    }

    /**
     * Adds another cube cell by cell, its lines counted as synthetic when they come from a synthetic file (a partition's
     * cube holds one file's lines); ArithmeticException on overflow, a cell's or the cells' sums without their signs.
     */
    void addAll(ExpenditureTotals other, boolean synthetic) {
        for (int i = 0; i < cents.length; i++) {
            cents[i] = Math.addExact(cents[i], other.cents[i]);
            lines[i] += other.lines[i];
            syntheticLines[i] += synthetic ? other.lines[i] : other.syntheticLines[i];
        }
        resize();
    }

    /** A cell's coordinates, read back from its index (the inverse of cell()): fund, status, region, outcome, biennium. */
    private int[] coordinates(int cell) {
        int rest = cell;
        int b = rest % BIENNIUMS;
        rest /= BIENNIUMS;
        int o = rest % outcomes.size();
        rest /= outcomes.size();
        int r = rest % regions.size();
        rest /= regions.size();
        return new int[] {rest / STATUSES.size(), rest % STATUSES.size(), r, o, b};
    }

    /** Where a cell is, in words, for a message: fund, status, region, outcome and biennium. */
    org.pbannex.ingest.Said describe(int cell) {
        int[] c = coordinates(cell);
        int year = FIRST_YEAR + 2 * c[4];
        return org.pbannex.ingest.Said.of("exp.cell", "fund", FUNDS.get(c[0]), "status", STATUSES.get(c[1]), "region",
                regions.get(c[2]), "outcome", outcomes.get(c[3]), "biennium", year + "-" + String.format("%02d", (year + 1) % 100));
    }

    /** Writes the non-empty cells (a partition's or a run's result file). */
    void write(java.io.DataOutputStream out) throws java.io.IOException {
        int n = 0;
        for (long l : lines) {
            n += l != 0 ? 1 : 0;
        }
        out.writeInt(n);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i] != 0) {
                out.writeInt(i);
                out.writeLong(cents[i]);
                out.writeLong(lines[i]);
                out.writeLong(syntheticLines[i]);
            }
        }
    }

    /** Reads back what {@link #write} wrote into this (empty) cube. */
    void read(java.io.DataInputStream in) throws java.io.IOException {
        int n = in.readInt();
        for (int k = 0; k < n; k++) {
            int i = in.readInt();
            cents[i] = in.readLong();
            lines[i] = in.readLong();
            syntheticLines[i] = in.readLong();
        }
        resize();
    }

    /** The sum in cents over every cell that matches; a null argument matches all. */
    public long cents(String fund, String status, String region, String outcome, Integer bienniumFirstYear) {
        return sum(cents, fund, status, region, outcome, bienniumFirstYear);
    }

    public long lines(String fund, String status, String region, String outcome, Integer bienniumFirstYear) {
        return sum(lines, fund, status, region, outcome, bienniumFirstYear);
    }

    /** How many of the matching lines came from synthetic files; a null argument matches all. */
    public long syntheticLines(String fund, String status, String region, String outcome, Integer bienniumFirstYear) {
        return sum(syntheticLines, fund, status, region, outcome, bienniumFirstYear);
    }

    /** Whether any of the selected lines came from a synthetic file: a figure summing them is then synthetic. */
    public boolean anySynthetic(LineSelection s) {
        return syntheticLines(s) > 0;
    }

    /** How many of the selected lines came from synthetic files. */
    public long syntheticLines(LineSelection s) {
        return sum(syntheticLines, s.fund(), s.status(), s.region(), s.outcomes(), s.bienniumFirstYear());
    }

    /** The sum in cents of the selected lines. */
    public long cents(LineSelection s) {
        return sum(cents, s.fund(), s.status(), s.region(), s.outcomes(), s.bienniumFirstYear());
    }

    /** How many lines the selection holds. */
    public long lines(LineSelection s) {
        return sum(lines, s.fund(), s.status(), s.region(), s.outcomes(), s.bienniumFirstYear());
    }

    public long totalLines() {
        long n = 0;
        for (long l : lines) {
            n += l;
        }
        return n;
    }

    /** The sum of every line: within what a long holds, as any sum of cells is (see size). */
    public long totalCents() {
        long n = 0;
        for (long c : cents) {
            n = Math.addExact(n, c);
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

    // Walks only the cells the selection names: each dimension's matching positions, found once per call (a table's
    // figure asks for a few of the cube's tens of thousands of cells, and a run asks for thousands of figures).
    private long sum(long[] values, String fund, String status, String region, String outcome, Integer year) {
        return sum(values, fund, status, region, outcome == null ? null : List.of(outcome), year);
    }

    private long sum(long[] values, String fund, String status, String region, List<String> anyOutcome, Integer year) {
        int[] funds = positions(FUNDS, fund);
        int[] statuses = positions(STATUSES, status);
        int[] regionsAt = positions(regions, region);
        int[] outcomesAt = java.util.stream.IntStream.range(0, outcomes.size())
                .filter(i -> anyOutcome == null || anyOutcome.contains(outcomes.get(i))).toArray();
        int[] bienniumsAt = bienniumPositions(year);
        long sum = 0;
        for (int f : funds) {
            for (int s : statuses) {
                for (int r : regionsAt) {
                    for (int o : outcomesAt) {
                        int base = cell(f, s, r, o, 0);
                        for (int b : bienniumsAt) {
                            sum = Math.addExact(sum, values[base + b]);
                        }
                    }
                }
            }
        }
        return sum;
    }

    /** The positions in {@code codes} that {@code wanted} matches: all of them when it is null. */
    private static int[] positions(List<String> codes, String wanted) {
        return java.util.stream.IntStream.range(0, codes.size()).filter(i -> wanted == null || wanted.equals(codes.get(i))).toArray();
    }

    /** The biennium positions a first year matches: all when it is null, none when no biennium starts that year. */
    private static int[] bienniumPositions(Integer year) {
        if (year == null) {
            return java.util.stream.IntStream.range(0, BIENNIUMS).toArray();
        }
        int offset = year - FIRST_YEAR;
        return offset >= 0 && offset % 2 == 0 && offset / 2 < BIENNIUMS ? new int[] {offset / 2} : new int[0];
    }

    /** Cell-by-cell equality: two engines gave the same answer. */
    public boolean sameAs(ExpenditureTotals other) {
        return regions.equals(other.regions) && outcomes.equals(other.outcomes) && java.util.Arrays.equals(cents, other.cents)
                && java.util.Arrays.equals(lines, other.lines) && java.util.Arrays.equals(syntheticLines, other.syntheticLines);
    }

    /** Adds a sum found by another engine (SQL GROUP BY) to its cell, with how many of its lines are synthetic. */
    public void put(String fund, String status, String region, String outcome, int bienniumFirstYear, long sumCents, long count,
                    long synthetic) {
        int c = cell(FUNDS.indexOf(fund), STATUSES.indexOf(status), regions.indexOf(region), outcomes.indexOf(outcome),
                (bienniumFirstYear - FIRST_YEAR) / 2);
        set(c, Math.addExact(cents[c], sumCents));
        lines[c] += count;
        syntheticLines[c] += synthetic;
    }
}
