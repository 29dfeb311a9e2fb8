package org.pbannex.budget;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.pbannex.ingest.HalfWidth;
import org.pbannex.ingest.InputError;
import org.pbannex.ingest.InputSet;
import org.pbannex.ingest.Record;
import org.pbannex.ingest.Said;
import org.pbannex.reference.BudgetUnit;
import org.pbannex.reference.ReferenceData;

/** The primary budget data of one biennium, keyed by the reference codes. */
public record BudgetData(Map<String, Figures> byUnit, List<ObjectCost> objectCosts, List<RegionRate> inflation,
                         List<RbtcHolding> rbtc, List<IncomeItem> income, BigDecimal budgetRate,
                         BigDecimal previousBudgetRate) {

    /** Table A2-2 input: one object of expenditure. */
    public record ObjectCost(String object, long constantBudget, long costAdjustment) {
    }

    /** Table A2-1 input: expected annual inflation in a region (per cent). */
    public record RegionRate(String region, BigDecimal annualPct) {
    }

    /**
     * Annex 3 input: RBTC held by a unit or a group. {@code budgetUnit}, when set, is the unit whose whole budget
     * is this RBTC; the two must agree.
     */
    public record RbtcHolding(String holder, long constant, long recosted, String budgetUnit, Record source) {
    }

    /** An income line of the budget resolution table; a balance item equals expenditure less the other items. */
    public record IncomeItem(String code, String part, org.pbannex.table.Text label, boolean balance,
                             Long amountPrevious, Long amount) {
    }

    /**
     * Staff costs below zero belong only to an adjustment without staff (the lapse factor, an adjustment for staff
     * turnover): a unit with work-years or non-staff costs and negative staff costs is a sign typed by mistake, which
     * the tables' totals would carry on.
     */
    private static void refuseNegativeStaffCosts(Record r) {
        long staff = r.integer("staff_costs");
        if (staff < 0 && (r.integer("prof_years") + r.integer("prof_months") + r.integer("gs_years") + r.integer("gs_months") > 0
                || r.integer("non_staff_costs") > 0)) {
            throw new InputError(r.file(), r.line(), "staff_costs", Said.of("negative_staff_costs", "staff", String.valueOf(staff)));
        }
    }

    public static BudgetData from(InputSet in, ReferenceData ref) {
        Map<String, Figures> byUnit = new LinkedHashMap<>();
        for (Record r : in.table("budget")) {
            refuseNegativeStaffCosts(r);
            byUnit.put(r.text("unit"), new Figures(r.integer("prof_years") * 12 + r.integer("prof_months"),
                    r.integer("gs_years") * 12 + r.integer("gs_months"), r.integer("staff_costs"),
                    r.integer("non_staff_costs"), r.integer("budget_previous"), r.integer("cost_change")));
        }
        // Every unit of the reference list has its row: the ingest refuses a missing one (pbEveryCode in datapackage.json).
        List<ObjectCost> objects = in.table("cost_by_object").stream()
                .map(r -> new ObjectCost(r.text("object"), r.integer("constant_budget"), r.integer("cost_adjustment"))).toList();
        List<RegionRate> inflation = in.table("regional_inflation").stream()
                .map(r -> new RegionRate(r.text("region"), r.number("annual_inflation_pct"))).toList();
        Set<String> holders = ref.units().stream().map(BudgetUnit::code).collect(Collectors.toSet());
        ref.groups().forEach(g -> holders.add(g.code()));
        for (Record r : in.table("rbtc_holders")) {
            if (!holders.contains(r.text("holder"))) {
                throw new InputError(r.file(), r.line(), "holder", Said.of("unknown_holder", "value", r.text("holder"),
                        "hint", HalfWidth.hint(r.text("holder"), holders)));
            }
        }
        // Every holder of rbtc_holders.csv has its row, and no other: the ingest refuses the rest (pbEveryCode).
        List<RbtcHolding> rbtc = in.table("rbtc").stream().map(r -> {
            if (!r.text("budget_unit").isEmpty() && !holders.contains(r.text("budget_unit"))) {
                throw new InputError(r.file(), r.line(), "budget_unit", Said.of("unknown_unit", "value", r.text("budget_unit"),
                        "hint", HalfWidth.hint(r.text("budget_unit"), holders)));
            }
            return new RbtcHolding(r.text("holder"), r.integer("constant"), r.integer("recosted"), r.text("budget_unit"), r);
        }).toList();
        List<IncomeItem> income = in.table("income").stream().map(r -> incomeItem(r)).toList();
        List<Record> balances = in.table("income").stream().filter(r -> r.text("basis").equals("balance")).toList();
        if (balances.size() > 1) {
            Record second = balances.get(1);
            throw new InputError(second.file(), second.line(), "basis", Said.of("one_balance", "first", balances.get(0).text("item"),
                    "line", String.valueOf(balances.get(0).line()), "item", second.text("item")));
        }
        Map<String, BigDecimal> settings = in.table("settings").stream()
                .collect(Collectors.toMap(r -> r.text("setting"), r -> r.number("value")));
        return new BudgetData(byUnit, objects, inflation, rbtc, income,
                required(settings, "budget_rate_chf_per_usd", in), required(settings, "previous_budget_rate_chf_per_usd", in));
    }

    private static IncomeItem incomeItem(Record r) {
        boolean balance = r.text("basis").equals("balance");
        if (!balance && (r.integerOrNull("amount_usd") == null || r.integerOrNull("amount_previous_usd") == null)) {
            throw new InputError(r.file(), r.line(), "amount_usd", Said.of("both_amounts"));
        }
        return new IncomeItem(r.text("item"), r.text("part"), new org.pbannex.table.Text(r.text("label_zh"), r.text("label_en")),
                balance, r.integerOrNull("amount_previous_usd"), r.integerOrNull("amount_usd"));
    }

    private static BigDecimal required(Map<String, BigDecimal> settings, String key, InputSet in) {
        BigDecimal v = settings.get(key);
        if (v == null) {
            throw new InputError(in.table("settings").get(0).file(), 0, "setting", Said.of("missing_setting", "key", key));
        }
        return v;
    }

    public Figures of(String unit) {
        return byUnit.getOrDefault(unit, Figures.ZERO);
    }
}
