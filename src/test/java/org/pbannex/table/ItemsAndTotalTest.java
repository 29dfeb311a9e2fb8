package org.pbannex.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The items-plus-total rows any table's builder uses (found by a code review: package-private in budget/ and of two
 * amounts only, so a table elsewhere wrote the loop again): any number of amounts, a share of the total per row.
 */
class ItemsAndTotalTest {

    private static Map<String, Object> values(long[] amounts, long[] totals) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("previous", amounts[0]);
        v.put("current", amounts[1]);
        v.put("change", Money.subtract(amounts[1], amounts[0]));
        v.put("share_pct", Percent.of(amounts[1], totals[1]));
        return v;
    }

    @Test
    void itemsThenTheirTotalWithEachRowsChangeAndShareOfIt() {
        ItemsAndTotal rows = new ItemsAndTotal(2, ItemsAndTotalTest::values)
                .item("a", Text.of("A"), 100, 150)
                .item("b", Text.of("B"), 300, 250);
        List<Row> out = rows.withTotal(Text.of("Total"));
        assertEquals(List.of("a", "b", "total"), out.stream().map(Row::key).toList());
        assertEquals(List.of(RowType.UNIT, RowType.UNIT, RowType.GRAND_TOTAL), out.stream().map(Row::type).toList());
        assertEquals(Percent.of(150, 400), out.get(0).values().get("share_pct"));
        assertEquals(400L, out.get(2).values().get("previous"));
        assertEquals(0L, out.get(2).values().get("change"));
        assertEquals(Percent.of(400, 400), out.get(2).values().get("share_pct"));
        assertEquals(2, rows.items().size(), "the items alone, for a table that prints no total");
        assertArrayEquals(new long[] {400, 400}, rows.totals());
    }

    @Test
    void itemsATableLaysOutItselfGiveTheirTotalsAlone() {
        // The budget resolution's income items: each on its Part's row or its own, their total on the table's total row.
        ItemsAndTotal income = new ItemsAndTotal(2).item("a", Text.of("A"), 100, 150).item("b", Text.of("B"), -30, 50);
        assertArrayEquals(new long[] {70, 200}, income.totals());
        assertEquals(Map.of(), income.items().get(0).values(), "no values of its own: the table makes the rows");
        assertThrows(ArithmeticException.class, () -> income.item("c", Text.EMPTY, Long.MAX_VALUE, 0));
    }

    @Test
    void noItemsMakeATotalOfZerosAndAnOverflowFails() {
        List<Row> none = new ItemsAndTotal(2, ItemsAndTotalTest::values).withTotal(Text.of("Total"));
        assertEquals(0L, none.get(0).values().get("current"));
        ItemsAndTotal big = new ItemsAndTotal(2, ItemsAndTotalTest::values).item("a", Text.EMPTY, Long.MAX_VALUE, 1);
        assertThrows(ArithmeticException.class, () -> big.item("b", Text.EMPTY, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> big.item("c", Text.EMPTY, 1, 2, 3));
    }
}
