package org.pbannex.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Item rows of one or more amounts each and, beneath them, the total row that sums each amount (A2-2 by object of
 * expenditure, A3 by holder; the budget resolution's income, for its total). What a row shows of its amounts is the table's own ({@link Values}): it is given the
 * items' totals as well, for a share of the total; the total row is given its amounts as both. Sums are exact
 * ({@link Money#add}: an overflow fails, never wraps).
 */
public final class ItemsAndTotal {

    /** A row's values from its amounts and the items' totals (in the order the amounts are given). */
    @FunctionalInterface
    public interface Values {
        Map<String, Object> of(long[] amounts, long[] totals);
    }

    private record Item(String key, Text label, long[] amounts) {
    }

    private final Values values;
    private final List<Item> items = new ArrayList<>();
    private final long[] totals;

    /** Rows of {@code amounts} amounts each (a table with no item has a total of zeros). */
    public ItemsAndTotal(int amounts, Values values) {
        this.totals = new long[amounts];
        this.values = values;
    }

    /**
     * Items whose rows the table lays out itself, for their {@link #totals} alone (the budget resolution's income items,
     * each beside its Part's expenditure): the rows {@link #items} and {@link #withTotal} would make hold no values.
     */
    public ItemsAndTotal(int amounts) {
        this(amounts, (a, t) -> Map.of());
    }

    /** One item row, of as many amounts as the rows were made for. */
    public ItemsAndTotal item(String key, Text label, long... amounts) {
        if (amounts.length != totals.length) {
            throw new IllegalArgumentException("item " + key + " gives " + amounts.length + " amounts, not " + totals.length);
        }
        for (int i = 0; i < amounts.length; i++) {
            totals[i] = Money.add(totals[i], amounts[i]);
        }
        items.add(new Item(key, label, amounts.clone()));
        return this;
    }

    /** The items' totals, amount by amount. */
    public long[] totals() {
        return totals.clone();
    }

    /** The item rows alone, for a table that prints no total. */
    public List<Row> items() {
        long[] sums = totals();
        List<Row> out = new ArrayList<>();
        for (Item i : items) {
            out.add(new Row(i.key(), RowType.UNIT, i.label(), 0, values.of(i.amounts().clone(), sums.clone())));
        }
        return out;
    }

    /** The items, then their total under this label (row key {@code total}). */
    public List<Row> withTotal(Text label) {
        List<Row> out = items();
        long[] sums = totals();
        out.add(new Row("total", RowType.GRAND_TOTAL, label, 0, values.of(sums, Arrays.copyOf(sums, sums.length))));
        return out;
    }
}
