package org.pbannex.expenditure;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The codes an expenditure line may use, from the reference data (regions, countries, units, outcomes, objects)
 * and from the contract (funds, statuses), as byte-level lookup tables. The lists hold every code of every biennium;
 * where the biennia's references differ, {@code inForce} says which codes a line of each biennium may use (by the
 * first year of the biennium of its period; {@code fallback} for a biennium not listed; none: every code, always).
 */
public record Dimensions(List<String> regions, List<String> countries, List<String> units, List<String> outcomes,
                         List<String> objects, Map<Integer, InForce> inForce, InForce fallback) {

    /**
     * The codes of one biennium's reference, and how to name where each list is (for messages). {@code leftOut}: a
     * biennium after the run's, whose lines no total of the run sums, so they are checked only for what every biennium
     * shares (id, period, fund, status, amount), not against any biennium's lists: that biennium's own run checks those.
     */
    public record InForce(String biennium, List<String> regions, List<String> countries, List<String> units, List<String> outcomes,
                          List<String> objects, Map<String, String> files, boolean leftOut) {

        public InForce(String biennium, List<String> regions, List<String> countries, List<String> units, List<String> outcomes,
                       List<String> objects, Map<String, String> files) {
            this(biennium, regions, countries, units, outcomes, objects, files, false);
        }

        /** The lines of a biennium after the run's (see above). */
        public static InForce leftOut(String biennium) {
            return new InForce(biennium, List.of(), List.of(), List.of(), List.of(), List.of(), Map.of(), true);
        }
    }

    /** The same codes for every biennium. */
    public Dimensions(List<String> regions, List<String> countries, List<String> units, List<String> outcomes, List<String> objects) {
        this(regions, countries, units, outcomes, objects, Map.of(), null);
    }

    /** The first year of the first biennium whose lines are left out (after the run's), or null when none is. */
    Integer leftOutFrom() {
        return inForce.entrySet().stream().filter(e -> e.getValue().leftOut()).map(Map.Entry::getKey).min(Integer::compare)
                .orElse(null);
    }

    /** The codes in force for the biennium starting in {@code firstYear}, or null when every code is. */
    InForce inForceFor(int firstYear) {
        InForce f = inForce.get(firstYear);
        return f != null ? f : fallback;
    }

    /**
     * Which codes of these lists {@code f} has, per dimension in the order regions, countries, units, outcomes,
     * objects (every one when {@code f} is null).
     */
    boolean[][] inForceMasks(InForce f) {
        InForce in = f != null ? f : new InForce("every biennium", regions, countries, units, outcomes, objects, Map.of());
        return new boolean[][] {mask(regions, in.regions()), mask(countries, in.countries()), mask(units, in.units()),
            mask(outcomes, in.outcomes()), mask(objects, in.objects())};
    }

    private static boolean[] mask(List<String> all, List<String> some) {
        Set<String> in = new HashSet<>(some);
        boolean[] m = new boolean[all.size()];
        for (int i = 0; i < m.length; i++) {
            m[i] = in.contains(all.get(i));
        }
        return m;
    }

    CodeTable regionTable() {
        return new CodeTable(regions);
    }

    CodeTable countryTable() {
        return new CodeTable(countries);
    }

    CodeTable unitTable() {
        return new CodeTable(units);
    }

    CodeTable outcomeTable() {
        return new CodeTable(outcomes);
    }

    CodeTable objectTable() {
        return new CodeTable(objects);
    }

    public ExpenditureTotals newTotals() {
        return new ExpenditureTotals(regions, outcomes);
    }
}
