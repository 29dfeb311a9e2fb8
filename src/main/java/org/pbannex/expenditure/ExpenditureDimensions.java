package org.pbannex.expenditure;

import org.pbannex.ingest.InputSet;
import org.pbannex.reference.ExpenditureObject;
import org.pbannex.reference.ReferenceData;
import org.pbannex.reference.Region;
import org.pbannex.results.ResultsFramework;

/** The codes expenditure lines may use, taken from one input folder's reference data and outcomes. */
public final class ExpenditureDimensions {

    private ExpenditureDimensions() {
    }

    /**
     * The codes in force per biennium (see {@link #inForce}), reading only the code lists of the input folder (and what
     * they refer to): the ingest of expenditure lines needs nothing else, and reading the whole package was a tenth of
     * a second of its start-up. {@code check} and runs validate the whole package.
     */
    public static Dimensions loadInForce(java.nio.file.Path inputDir, org.pbannex.reference.Biennium biennium) {
        InputSet in = InputSet.loadOnly(inputDir, biennium.code(), codeListsAndOutcomes());
        return inForce(in, biennium, codes(in, activeOutcomes(in)), true);
    }

    /**
     * As {@link #loadInForce}, but a biennium after {@code biennium} is not left out: its lines have the codes of its
     * own folder (or the shared lists), for making lines of any period (generate-expenditure).
     */
    public static Dimensions loadForEveryPeriod(java.nio.file.Path inputDir, org.pbannex.reference.Biennium biennium) {
        InputSet in = InputSet.loadOnly(inputDir, biennium.code(), codeListsAndOutcomes());
        return inForce(in, biennium, codes(in, activeOutcomes(in)), false);
    }

    /** Reads the input folder's reference data (the whole package is validated) and takes the codes of its biennium from it. */
    public static Dimensions load(java.nio.file.Path inputDir, org.pbannex.reference.Biennium biennium) {
        InputSet in = InputSet.load(inputDir, biennium.code());
        ReferenceData ref = ReferenceData.from(in, biennium);
        return from(in, ref, ResultsFramework.from(in, ref));
    }

    /** The resources the codes of a biennium come from (and, by their foreign keys, what they refer to). */
    private static final java.util.Set<String> CODE_LISTS = java.util.Set.of("regions", "countries", "units", "objects");

    /**
     * The codes for lines of every biennium: a line is checked against the reference in force for the biennium of its
     * period, that biennium's folder in the input when it has one (its own reference files and outcomes), else the
     * shared reference (with this run's outcomes). The run's own biennium has the codes of {@code in}.
     */
    public static Dimensions inForce(InputSet in, ReferenceData ref, ResultsFramework results) {
        return inForce(in, ref.biennium(), from(in, ref, results), true);
    }

    private static java.util.Set<String> codeListsAndOutcomes() {
        java.util.Set<String> names = new java.util.HashSet<>(CODE_LISTS);
        names.add("results_outcomes");
        return names;
    }

    /** The outcomes lines may name: those of the results framework that are not the impact. */
    private static java.util.List<String> activeOutcomes(InputSet in) {
        return in.table("results_outcomes").stream().filter(r -> !r.text("kind").equals("impact")).map(r -> r.text("outcome")).toList();
    }

    /** @param leaveOutLater whether the lines of biennia after {@code own} are left out (see {@link Dimensions.InForce}) */
    private static Dimensions inForce(InputSet in, org.pbannex.reference.Biennium own, Dimensions mine, boolean leaveOutLater) {
        java.util.Map<Integer, Dimensions.InForce> byYear = new java.util.LinkedHashMap<>();
        byYear.put(own.firstYear(), inForce(own.code(), mine, in));
        // Only the biennia up to the run's: no total of the run sums a later one's lines, and a later biennium still being
        // prepared (its lists not yet valid) must not stop this one; its own run checks its lines against its lists.
        // A misnamed folder (2024-2025) stops a command reading every biennium before this; one reading a named biennium
        // has warned of it and is not stopped by it.
        for (org.pbannex.reference.Biennium b : org.pbannex.reference.Biennium.scan(in.inputDir()).biennia()) {
            if ((!leaveOutLater || b.firstYear() < own.firstYear()) && !byYear.containsKey(b.firstYear())) {
                InputSet other = InputSet.loadOnly(in.inputDir(), b.code(), codeListsAndOutcomes());
                byYear.put(b.firstYear(), inForce(b.code(), codes(other, activeOutcomes(other)), other));
            }
        }
        // A biennium without a folder: the shared reference lists, and the outcomes of the nearest biennium that has
        // one (the first after it, else the last before it), as its lines belong to that results framework.
        InputSet shared = InputSet.loadOnly(in.inputDir(), null, CODE_LISTS);
        java.util.List<Integer> folders = byYear.keySet().stream().sorted().toList();
        java.util.Map<Integer, Dimensions.InForce> sharedBy = new java.util.HashMap<>();
        java.util.Map<Integer, Dimensions.InForce> all = new java.util.LinkedHashMap<>(byYear);
        for (int b = 0; b < ExpenditureTotals.BIENNIUMS; b++) {
            int year = ExpenditureTotals.FIRST_YEAR + 2 * b;
            if (leaveOutLater && year > own.firstYear()) {
                all.put(year, Dimensions.InForce.leftOut(new org.pbannex.reference.Biennium(year).code()));
            } else if (!byYear.containsKey(year)) {
                int near = folders.stream().filter(y -> y > year).findFirst().orElse(folders.get(folders.size() - 1));
                all.put(year, sharedBy.computeIfAbsent(near, y -> inForce("a biennium without a data folder",
                        codes(shared, byYear.get(y).outcomes()), shared)));
            }
        }
        java.util.List<Dimensions.InForce> lists = new java.util.ArrayList<>(byYear.values());
        lists.addAll(sharedBy.values());
        return new Dimensions(union(lists, Dimensions.InForce::regions), union(lists, Dimensions.InForce::countries),
                union(lists, Dimensions.InForce::units), union(lists, Dimensions.InForce::outcomes), union(lists, Dimensions.InForce::objects),
                all, null);
    }

    private static Dimensions codes(InputSet in, java.util.List<String> outcomes) {
        return new Dimensions(in.table("regions").stream().map(r -> r.text("region")).toList(),
                in.table("countries").stream().map(r -> r.text("country")).toList(),
                in.table("units").stream().map(r -> r.text("unit")).toList(), outcomes,
                in.table("objects").stream().map(r -> r.text("object")).toList());
    }

    private static Dimensions.InForce inForce(String biennium, Dimensions d, InputSet in) {
        String prefix = org.pbannex.ingest.InputFolder.publishedName(in.inputDir(), "");
        java.util.Map<String, String> files = new java.util.LinkedHashMap<>();
        for (String[] f : new String[][] {{"region", "regions"}, {"country", "countries"}, {"unit", "units"}, {"object", "objects"},
            {"outcome", "results_outcomes"}}) {
            in.filePath(f[1]).ifPresent(path -> files.put(f[0], prefix + path));
        }
        return new Dimensions.InForce(biennium, d.regions(), d.countries(), d.units(), d.outcomes(), d.objects(), files);
    }

    private static java.util.List<String> union(java.util.List<Dimensions.InForce> all,
                                                java.util.function.Function<Dimensions.InForce, java.util.List<String>> list) {
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        all.forEach(f -> out.addAll(list.apply(f)));
        return java.util.List.copyOf(out);
    }

    public static Dimensions from(InputSet in, ReferenceData ref, ResultsFramework results) {
        return new Dimensions(ref.regions().stream().map(Region::code).toList(),
                in.table("countries").stream().map(r -> r.text("country")).toList(),
                ref.units().stream().map(u -> u.code()).toList(),
                results.outcomes().stream().filter(o -> o.kind() != ResultsFramework.Kind.IMPACT).map(ResultsFramework.Outcome::code)
                        .toList(),
                ref.objects().stream().map(ExpenditureObject::code).toList());
    }
}
