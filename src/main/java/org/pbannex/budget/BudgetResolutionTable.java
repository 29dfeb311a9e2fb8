package org.pbannex.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pbannex.reference.Part;
import org.pbannex.reference.DocumentText;
import org.pbannex.reference.ReferenceData;
import org.pbannex.reference.TextKeys;
import org.pbannex.reference.Texts;
import org.pbannex.table.Column;
import org.pbannex.table.ItemsAndTotal;
import org.pbannex.table.Money;
import org.pbannex.table.Row;
import org.pbannex.table.RowType;
import org.pbannex.table.Table;
import org.pbannex.table.Text;
import org.pbannex.table.ValueKind;

/**
 * The draft budget in the form adopted by the Conference (printed unnumbered under section IV): expenditure per Part for both biennia
 * (previous budget; recosted estimates) and income in US$ and in CHF at each biennium's budget rate.
 */
public final class BudgetResolutionTable {

    public static final String ID = "br";

    private BudgetResolutionTable() {
    }

    public static Table build(ReferenceData ref, BudgetData data) {
        Texts t = ref.texts();
        Text usd = t.get("unit.usd");
        Text chf = t.get("unit.chf");
        Text exp = t.get("br.group.expenditure");
        Text inc = t.get("br.group.income");
        List<Column> columns = List.of(
                Column.of("expenditure_previous", t.get("br.col.expenditure_previous"), exp, usd, ValueKind.AMOUNT_OR_DASH),
                Column.of("expenditure", t.get("br.col.expenditure"), exp, usd, ValueKind.AMOUNT_OR_DASH),
                // The income items have no heading of their own under 收入, as printed; a screen reader still
                // announces one (the editions set it unseen).
                Column.printedForm("income_item", Text.EMPTY, inc, Text.EMPTY, ValueKind.TEXT)
                        .withSpokenHeading(t.get("br.col.income_item")),
                Column.of("income_previous_usd", t.get("br.col.income_previous"), inc, usd, ValueKind.AMOUNT),
                Column.of("income_previous_chf", t.get("br.col.income_previous"), inc, chf, ValueKind.AMOUNT),
                Column.of("income_usd", t.get("br.col.income"), inc, usd, ValueKind.AMOUNT),
                Column.of("income_chf", t.get("br.col.income"), inc, chf, ValueKind.AMOUNT));
        Figures total = UnitRollup.sum(ref.units(), data);
        // The balancing income item is the expenditure less the other items (previous biennium, this one).
        ItemsAndTotal others = new ItemsAndTotal(2);
        data.income().stream().filter(i -> !i.balance()).forEach(i -> others.item(i.code(), i.label(), i.amountPrevious(), i.amount()));
        long[] other = others.totals();
        List<Row> rows = new ArrayList<>();
        // The income items shown (beside their Part, or on rows of their own): the total row's income is their total.
        ItemsAndTotal income = new ItemsAndTotal(2);
        for (Part part : ref.parts()) {
            Map<String, Object> v = expenditure(UnitRollup.sum(ref.unitsOfPart(part.code()), data));
            Text label = t.get("br.item").with("number", part.number()).with("item", part.budgetItem());
            // The first income item of a Part shares the Part's row; any further one gets a row of its own below it.
            boolean first = true;
            for (BudgetData.IncomeItem i : data.income()) {
                if (!i.part().equals(part.code())) {
                    continue;
                }
                long prev = i.balance() ? Money.subtract(total.budgetPrevious(), other[0]) : i.amountPrevious();
                long cur = i.balance() ? Money.subtract(total.recosted(), other[1]) : i.amount();
                Map<String, Object> row = first ? v : new LinkedHashMap<>();
                putIncome(row, i.label(), prev, cur, data);
                income.item(i.code(), i.label(), prev, cur);
                rows.add(first ? new Row("part." + part.code(), RowType.UNIT, label, 0, row)
                        : new Row("income." + i.code(), RowType.UNIT, i.label(), 0, row));
                first = false;
            }
            if (first) {
                rows.add(new Row("part." + part.code(), RowType.UNIT, label, 0, v));
            }
        }
        Map<String, Object> v = expenditure(total);
        long[] incomeTotal = income.totals();
        putIncome(v, null, incomeTotal[0], incomeTotal[1], data);
        rows.add(new Row("total", RowType.GRAND_TOTAL, t.get("br.total"), 0, v));
        // The CHF columns' rate note states both rates when the previous biennium's column is at another rate.
        List<Text> notes = new java.util.ArrayList<>();
        notes.add(t.get(data.budgetRate().compareTo(data.previousBudgetRate()) == 0 ? "br.rate" : "br.rates"));
        notes.addAll(t.numbered(TextKeys.footnotes(ID)));
        return DocumentText.table(t, ID, columns, rows, notes, true);
    }

    private static Map<String, Object> expenditure(Figures f) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("expenditure_previous", f.budgetPrevious());
        v.put("expenditure", f.recosted());
        return v;
    }

    private static void putIncome(Map<String, Object> v, Text label, long previous, long current, BudgetData data) {
        if (label != null) {
            v.put("income_item", label);
        }
        v.put("income_previous_usd", previous);
        v.put("income_previous_chf", chf(previous, data.previousBudgetRate()));
        v.put("income_usd", current);
        v.put("income_chf", chf(current, data.budgetRate()));
    }

    /** US$ to Swiss francs at the budget rate (CHF per US$), half-up to the franc. */
    static long chf(long usd, BigDecimal rate) {
        return BigDecimal.valueOf(usd).multiply(rate).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
