package org.pbannex.budget;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.pbannex.reference.BudgetUnit;
import org.pbannex.reference.Part;
import org.pbannex.reference.ReferenceData;
import org.pbannex.reference.UnitGroup;
import org.pbannex.table.Row;
import org.pbannex.table.RowType;
import org.pbannex.table.Text;

/**
 * The row structure shared by information annexes 1 and 2: Parts in order; an itemised Part lists its groups
 * (heading, units, subtotal; a single group is one row) and ends with a Part total; any other Part is one row;
 * then the grand total. Every total is the sum of the unit figures beneath it.
 */
public final class UnitRollup {

    /** One row of the structure with the figures it shows (ZERO for headings). */
    public record Line(String key, RowType type, Text label, int level, Figures figures, String group) {
    }

    private UnitRollup() {
    }

    /** @param tableId the table whose texts name the totals ({id}.part_total, {id}.grand_total) */
    public static List<Line> lines(ReferenceData ref, BudgetData data, String tableId) {
        List<Line> out = new ArrayList<>();
        Figures grand = Figures.ZERO;
        Set<String> umbrellasShown = new HashSet<>();
        for (Part part : ref.parts()) {
            Figures partSum = sum(ref.unitsOfPart(part.code()), data);
            if (!part.itemised()) {
                out.add(new Line("part." + part.code(), RowType.PART_TOTAL, ref.partHeading(part), 0, partSum, ""));
                grand = grand.plus(partSum);
                continue;
            }
            out.add(new Line("part." + part.code() + ".heading", RowType.HEADING, ref.partHeading(part), 0, Figures.ZERO, ""));
            for (UnitGroup g : ref.groups()) {
                if (!g.part().equals(part.code())) {
                    continue;
                }
                if (!g.umbrella().isEmpty() && umbrellasShown.add(g.umbrella().zh())) {
                    out.add(new Line("heading." + g.code(), RowType.HEADING, g.umbrella(), 1, Figures.ZERO, ""));
                }
                List<BudgetUnit> units = ref.unitsOfGroup(g.code());
                if (!g.single()) {
                    out.add(new Line(g.code() + ".heading", RowType.HEADING, g.label(), 1, Figures.ZERO, g.code()));
                }
                for (BudgetUnit u : units) {
                    out.add(new Line(u.code(), RowType.UNIT, u.label(), g.single() ? 1 : 2, data.of(u.code()), g.code()));
                }
                if (!g.single()) {
                    out.add(new Line(g.code() + ".subtotal", RowType.GROUP_SUBTOTAL, ref.texts().get("row.subtotal"), 1,
                            sum(units, data), g.code()));
                }
            }
            out.add(new Line("part." + part.code(), RowType.PART_TOTAL,
                    ref.texts().get(tableId + ".part_total").with("part", part.number()), 0, partSum, ""));
            grand = grand.plus(partSum);
        }
        out.add(new Line("total", RowType.GRAND_TOTAL, grandTotalLabel(ref, tableId + ".grand_total", ref.parts().get(ref.parts().size() - 1)),
                0, grand, ""));
        return out;
    }

    /** The table's rows of these lines: a heading as it is, any other line with the values its figures give. */
    public static List<Row> rows(List<Line> lines, Function<Figures, Map<String, Object>> values) {
        return lines.stream().map(l -> l.type() == RowType.HEADING ? Row.heading(l.key(), l.label(), l.level())
                : new Row(l.key(), l.type(), l.label(), l.level(), values.apply(l.figures()))).toList();
    }

    /** "合计(第一编至第四编)": a total from the first Part to {@code last}. */
    public static Text grandTotalLabel(ReferenceData ref, String key, Part last) {
        Part first = ref.parts().get(0);
        return ref.texts().get(key).with("from", first.number()).with("to", last.number())
                .with("from_code", first.code()).with("to_code", last.code());
    }

    public static Figures sum(List<BudgetUnit> units, BudgetData data) {
        Figures f = Figures.ZERO;
        for (BudgetUnit u : units) {
            f = f.plus(data.of(u.code()));
        }
        return f;
    }
}
