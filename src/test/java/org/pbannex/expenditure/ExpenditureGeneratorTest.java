package org.pbannex.expenditure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbannex.expenditure.ExpenditureGenerator.Control;
import org.pbannex.reference.Biennium;

/** The generator's controls: exact per outcome, nothing outside the controlled outcomes, a trend for the other biennia. */
class ExpenditureGeneratorTest {

    static final List<Biennium> FOUR = List.of(new Biennium(2016), new Biennium(2018), new Biennium(2020), new Biennium(2022));

    @TempDir
    Path dir;

    /**
     * Random ids are a permutation of 10^15 (the product computed the long way agrees, none repeats) in no order: a
     * step of 0.618 of the range rises 38% of the time and falls the rest, and no ascending stretch is long enough for a
     * sort to find.
     */
    @Test
    void randomIdsAreUniqueAndInNoOrder() {
        BigInteger space = BigInteger.TEN.pow(15);
        for (long i : new long[] {0, 1, 2, 999, 1L << 31, 10_000_000_000L, 999_999_999_999_999L}) {
            long expected = BigInteger.valueOf(i).multiply(BigInteger.valueOf(618_033_988_749_897L))
                    .add(BigInteger.valueOf(123_456_789_012_345L)).mod(space).longValueExact();
            assertEquals(String.format("D%015d", expected), ExpenditureGenerator.randomId(i), "id " + i);
        }
        int n = 200_000;
        Set<String> seen = new HashSet<>();
        int rises = 0;
        int longest = 0;
        int run = 0;
        String last = null;
        for (long i = 1; i <= n; i++) {
            String id = ExpenditureGenerator.randomId(i);
            assertEquals(16, id.length(), id);
            assertTrue(seen.add(id), "repeated id " + id);
            boolean rise = last != null && id.compareTo(last) > 0;
            rises += rise ? 1 : 0;
            run = rise ? run + 1 : 0;
            longest = Math.max(longest, run);
            last = id;
        }
        assertTrue(rises > n / 4 && rises < n * 3 / 4, rises + " rises in " + n + " ids");
        assertTrue(longest < 10, "an ascending stretch of " + longest + " ids");
    }

    @Test
    void bienniaWithoutAControlFollowTheTrendOfTheControlledOnes() {
        List<Control> controls = List.of(new Control("XB", 2020, "1", 400_000_000_00L), new Control("XB", 2020, "2", 70_000_000_00L),
                new Control("XB", 2022, "1", 520_000_000_00L), new Control("RBSA", 2022, null, 30_000_000_00L));
        List<Control> all = ExpenditureGenerator.withTrend(controls, FOUR);
        assertEquals(controls, all.subList(0, controls.size()), "the given controls first, unchanged");
        // XB: 470.0 -> 520.0 is x1.10638 a biennium, so 470.0 / 1.10638 = 424.8 and 424.8 / 1.10638 = 384.0.
        assertEquals(List.of(new Control("XB", 2016, null, 383_960_798_82L), new Control("XB", 2018, null, 424_807_692_31L)),
                all.stream().filter(c -> c.fund().equals("XB") && c.outcome() == null).toList());
        // RBSA is controlled in one biennium only: the others stay at its total. RB has no control: left alone.
        assertEquals(List.of(2016, 2018, 2020), all.stream().filter(c -> c.fund().equals("RBSA") && c.bienniumFirstYear() != 2022)
                .map(Control::bienniumFirstYear).toList());
        assertTrue(all.stream().filter(c -> c.fund().equals("RBSA")).allMatch(c -> c.cents() == 30_000_000_00L));
        assertTrue(all.stream().noneMatch(c -> c.fund().equals("RB")));
    }

    @Test
    void aFundAndBienniumControlledByOutcomeHasLinesForThoseOutcomesOnly() throws IOException {
        List<Control> controls = List.of(new Control("XB", 2022, "1", 20_800_000_00L), new Control("XB", 2022, "2", 15_600_000_00L));
        ExpenditureGenerator.Sums sums = new ExpenditureGenerator(ExpenditureFixtures.dimensions(), FOUR, controls)
                .write(dir.resolve("synthetic-controls.csv"), 20_000, 5);
        long xb2022 = 0;
        for (var e : sums.byKey().entrySet()) {
            String[] k = e.getKey().split("\\|");
            if (k[0].equals("XB") && k[4].equals("2022")) {
                assertTrue(k[3].equals("1") || k[3].equals("2"), "an XB 2022-23 line for outcome " + k[3]);
                xb2022 += e.getValue()[0];
            }
        }
        assertEquals(20_800_000_00L + 15_600_000_00L, xb2022, "the biennium's total is its controls'");
    }
}
