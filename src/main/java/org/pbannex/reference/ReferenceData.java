package org.pbannex.reference;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.pbannex.ingest.InputError;
import org.pbannex.ingest.InputSet;
import org.pbannex.ingest.Record;
import org.pbannex.ingest.Said;
import org.pbannex.ingest.TotalWords;
import org.pbannex.table.Text;

/** The reference lists of one input folder, in print order, cross-checked for consistency. */
public record ReferenceData(Biennium biennium, List<Part> parts, List<AppropriationLine> lines, List<UnitGroup> groups,
                            List<BudgetUnit> units, List<Region> regions, List<ExpenditureObject> objects,
                            List<TargetUnit> targetUnits, Texts texts) {

    /** The texts' key of the words the tables print for totals, which no row of the input may be labelled with. */
    public static final String TOTAL_WORDS = "input.total_words";

    public static ReferenceData from(InputSet in, Biennium biennium) {
        return from(in, biennium, PrintedDocument.of(in).isPresent());
    }

    /** @param printed whether the biennium names a printed document (its texts are then the {@code .printed} ones) */
    public static ReferenceData from(InputSet in, Biennium biennium, boolean printed) {
        List<Part> parts = in.table("parts").stream().map(r -> new Part(r.text("part"), text(r, "number"), text(r, "title"),
                text(r, "budget_item"), r.flag("itemised"), r.flag("running_total"))).toList();
        List<AppropriationLine> lines = in.table("lines").stream().map(r -> new AppropriationLine(r.text("line"),
                r.text("part"), text(r, "label"), r.flag("amounts_printed"))).toList();
        List<UnitGroup> groups = in.table("groups").stream().map(r -> new UnitGroup(r.text("group"), r.text("part"),
                r.text("line"), text(r, "label"), r.text("layout").equals("single"), text(r, "heading"))).toList();
        List<BudgetUnit> units = in.table("units").stream().map(r -> new BudgetUnit(r.text("unit"), text(r, "label"),
                r.text("group"), r.text("line"), r.text("part"))).toList();
        List<Region> regions = in.table("regions").stream().map(r -> new Region(r.text("region"), text(r, "label"),
                text(r, "short"), r.flag("split_targets"), orLabel(text(r, "target_name"), text(r, "label")))).toList();
        List<ExpenditureObject> objects = in.table("objects").stream().map(r -> new ExpenditureObject(r.text("object"),
                text(r, "label"))).toList();
        List<TargetUnit> targetUnits = in.table("target_units").stream().map(r -> new TargetUnit(r.text("unit"),
                text(r, "label"), text(r, "name"))).toList();
        Placeholders.check(in.table("texts")); // a misspelt {placeholder} would be published as typed
        Map<String, Text> texts = new LinkedHashMap<>();
        Map<String, Texts.Row> at = new LinkedHashMap<>();
        for (Record r : in.table("texts")) {
            texts.put(r.text("key"), new Text(r.text("zh"), r.text("en")));
            at.put(r.text("key"), new Texts.Row(r.file(), r.line()));
        }
        ReferenceData ref = new ReferenceData(biennium, parts, lines, groups, units, regions, objects, targetUnits,
                new Texts(texts, biennium, in.sourceName("texts"), rates(in), printed, at));
        ref.checkConsistency(in);
        // The words the tables print for totals, as the texts list them: no input row may be a total of its own.
        Text totals = ref.texts.get(TOTAL_WORDS);
        Texts.Row row = at.get(TOTAL_WORDS);
        in.refuseTotalWords(TotalWords.of(List.of(totals.zh(), totals.en()),
                row == null ? in.sourceName("texts") : row.file(), TOTAL_WORDS));
        return ref;
    }

    /** The budget rates a text may state ({rate}, {prev_rate}: CHF per US$ as written without trailing zeros: 1, 0.95). */
    private static Map<String, String> rates(InputSet in) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Record r : in.table("settings")) {
            String name = switch (r.text("setting")) {
                case "budget_rate_chf_per_usd" -> "rate";
                case "previous_budget_rate_chf_per_usd" -> "prev_rate";
                default -> null;
            };
            if (name != null) {
                out.put(name, r.number("value").stripTrailingZeros().toPlainString());
            }
        }
        return out;
    }

    /** A name, each language's the label's where it is empty. */
    private static Text orLabel(Text name, Text label) {
        return new Text(name.zh().isEmpty() ? label.zh() : name.zh(), name.en().isEmpty() ? label.en() : name.en());
    }

    private static Text text(Record r, String prefix) {
        return new Text(r.text(prefix + "_zh"), r.text(prefix + "_en"));
    }

    /** Relations a foreign key cannot express: a unit's line and group agree, a line's Part is the unit's Part. */
    private void checkConsistency(InputSet in) {
        checkRegionNames(in);
        Map<String, UnitGroup> g = byCode(groups, UnitGroup::code);
        Map<String, AppropriationLine> l = byCode(lines, AppropriationLine::code);
        Map<String, Part> p = byCode(parts, Part::code);
        for (Record r : in.table("units")) {
            String code = r.text("unit");
            AppropriationLine line = l.get(r.text("line"));
            if (!line.part().equals(r.text("part"))) {
                throw new InputError(r.file(), r.line(), "line", Said.of("unit_part_line", "unit", code, "part", r.text("part"),
                        "line", line.code(), "line_part", line.part()));
            }
            String group = r.text("group");
            if (group.isEmpty() && p.get(r.text("part")).itemised()) {
                throw new InputError(r.file(), r.line(), "group", Said.of("unit_needs_group", "unit", code, "part", r.text("part")));
            }
            if (!group.isEmpty() && !g.get(group).line().equals(line.code())) {
                throw new InputError(r.file(), r.line(), "line", Said.of("unit_group_line", "unit", code, "line", line.code(),
                        "group", group, "group_line", g.get(group).line()));
            }
        }
        for (Record r : in.table("groups")) {
            if (!l.get(r.text("line")).part().equals(r.text("part"))) {
                throw new InputError(r.file(), r.line(), "line", Said.of("group_part_line", "group", r.text("group"), "part",
                        r.text("part"), "line", r.text("line")));
            }
        }
    }

    /**
     * Each name a region is given in a language (its label, short name, name in the target texts) is no other region's:
     * the tables would print two rows of one name, and a target's regional count checked by its region's name could not
     * tell the regions apart (found by an exploratory test: EU's short name 非洲 was refused nowhere).
     */
    private static void checkRegionNames(InputSet in) {
        Map<String, String> owner = new java.util.HashMap<>();
        for (Record r : in.table("regions")) {
            String code = r.text("region");
            for (String column : List.of("label_zh", "short_zh", "target_name_zh", "label_en", "short_en", "target_name_en")) {
                String name = r.text(column).strip();
                if (name.isEmpty()) {
                    continue;
                }
                String lang = column.substring(column.length() - 2);
                String other = owner.putIfAbsent(lang + ":" + name, code);
                if (other != null && !other.equals(code)) {
                    throw new InputError(r.file(), r.line(), column, Said.of("region_name_taken", "name", name, "region", code,
                            "other", other));
                }
            }
        }
    }

    public static <T> Map<String, T> byCode(List<T> items, Function<T, String> code) {
        return items.stream().collect(Collectors.toMap(code, x -> x, (a, b) -> a, LinkedHashMap::new));
    }

    /** The regions results-framework targets are split by, in reference order. */
    public List<Region> targetRegions() {
        return regions.stream().filter(Region::splitTargets).toList();
    }

    public BudgetUnit unit(String code) {
        return units.stream().filter(u -> u.code().equals(code)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no unit " + code));
    }

    public UnitGroup group(String code) {
        return groups.stream().filter(x -> x.code().equals(code)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no group " + code));
    }

    public Part part(String code) {
        return parts.stream().filter(x -> x.code().equals(code)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no part " + code));
    }

    public List<BudgetUnit> unitsOfGroup(String group) {
        return units.stream().filter(u -> u.group().equals(group)).toList();
    }

    public List<BudgetUnit> unitsOfPart(String part) {
        return units.stream().filter(u -> u.part().equals(part)).toList();
    }

    /** "第二编. 意外支出": the Part heading. */
    public Text partHeading(Part part) {
        return texts.get("part.heading").with("number", part.number()).with("title", part.title());
    }
}
